//! Cross-site request refusal: every request that can change state (anything but GET, HEAD
//! and OPTIONS) must come from one of the store's own pages, or, for the widget's functions,
//! from a page the owner listed. SameSite=Lax cookies do not stop a cross-site form post from
//! getting an answer that sets cookies (a sign-in into the attacker's account), so the check
//! is on where the request was sent from.

use axum::{
    body::Body,
    extract::State,
    http::{header, HeaderMap, Method, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::sync::Arc;

/// The store's own origin as configured (`VITRINE_PUBLIC_URL`); the request's own `Host` is
/// always accepted too, since a browser on another site cannot set it.
#[derive(Clone, Debug, Default)]
pub struct OwnOrigin(pub Option<Arc<str>>);

/// Who may send: the store's own pages, and the widget's listed sites for its functions.
#[derive(Clone, Debug, Default)]
pub struct Senders {
    pub own: OwnOrigin,
    pub widget: super::widget::AllowedOrigins,
}

pub async fn guard(State(senders): State<Senders>, req: Request<Body>, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let path = req.uri().path();
    // Admin endpoints authenticate with a bearer token, which no other site's page can make a
    // browser attach.
    if path.starts_with("/admin/") {
        return next.run(req).await;
    }
    match sender(req.headers()) {
        Some(origin) if is_own(&origin, req.headers(), &senders.own) => next.run(req).await,
        Some(origin) if path.starts_with(super::widget::API) => {
            if senders.widget.allows(&origin) {
                next.run(req).await
            } else {
                super::widget::refusal(&origin, navigating(req.headers()))
            }
        }
        _ => refusal(req.headers()),
    }
}

/// The origin of the page that sent the request: its `Origin`, else its `Referer`'s origin
/// (older browsers leave `Origin` off same-origin posts). `None` when neither says.
fn sender(h: &HeaderMap) -> Option<String> {
    if let Some(o) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        return Some(o.to_ascii_lowercase());
    }
    let referer = h.get(header::REFERER)?.to_str().ok()?;
    let (scheme, rest) = referer.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    Some(format!("{scheme}://{authority}").to_ascii_lowercase())
}

/// Whether `origin` is the store's own: the public URL, or the request's own `Host`.
pub fn is_own(origin: &str, h: &HeaderMap, own: &OwnOrigin) -> bool {
    if own.0.as_deref().is_some_and(|o| o == origin) {
        return true;
    }
    let Some(host) = h.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
}

/// A form post rather than a script's call.
pub fn navigating(h: &HeaderMap) -> bool {
    h.get("sec-fetch-mode")
        .is_some_and(|m| m.as_bytes() == b"navigate")
}

fn refusal(h: &HeaderMap) -> Response {
    let refused = crate::api::ApiError::Invalid(crate::words::Problem::CrossSite);
    let navigating = navigating(h);
    let wants_json = h
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("json"));
    if navigating || !wants_json {
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            refused.to_string(),
        )
            .into_response();
    }
    let body = crate::api::error_wire::to_json(&refused);
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// `VITRINE_PUBLIC_URL` as the origin a browser sends (`scheme://host[:port]`, lowercase).
pub fn public_origin(url: &str) -> Result<String, String> {
    let (scheme, rest) = url
        .split_once("://")
        .filter(|(s, _)| *s == "http" || *s == "https")
        .ok_or_else(|| format!("VITRINE_PUBLIC_URL: '{url}' is not an http(s) URL"))?;
    let authority = rest.split('/').next().unwrap_or_default();
    let ok = !authority.is_empty()
        && authority
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
    if !ok {
        return Err(format!(
            "VITRINE_PUBLIC_URL: '{url}' has no host like shop.example or 127.0.0.1:3000"
        ));
    }
    Ok(format!("{scheme}://{authority}").to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn own_pages_are_known_by_host_or_public_url() {
        let none = OwnOrigin(None);
        let h = headers(&[("host", "shop.example"), ("origin", "https://shop.example")]);
        assert!(is_own(&sender(&h).unwrap(), &h, &none));
        let h = headers(&[("host", "shop.example"), ("origin", "https://evil.example")]);
        assert!(!is_own(&sender(&h).unwrap(), &h, &none));
        let h = headers(&[("host", "shop.example"), ("origin", "null")]);
        assert!(!is_own(&sender(&h).unwrap(), &h, &none));
        // Behind a proxy that rewrites Host, the public URL names the store.
        let proxied = OwnOrigin(Some("https://shop.example".into()));
        let h = headers(&[
            ("host", "10.0.0.5:3000"),
            ("origin", "https://shop.example"),
        ]);
        assert!(is_own(&sender(&h).unwrap(), &h, &proxied));
    }

    #[test]
    fn referer_stands_in_for_a_missing_origin() {
        let h = headers(&[("referer", "https://shop.example/p/tee?x=1")]);
        assert_eq!(sender(&h).as_deref(), Some("https://shop.example"));
        assert_eq!(sender(&HeaderMap::new()), None);
    }

    #[test]
    fn public_url_is_checked() {
        assert_eq!(
            public_origin("https://Shop.example/store/").unwrap(),
            "https://shop.example"
        );
        assert!(public_origin("shop.example").is_err());
        assert!(public_origin("https://").is_err());
        assert!(public_origin("https://a b").is_err());
    }
}
