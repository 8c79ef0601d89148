//! The widget's HTTP side: its bundle under /widget/ (any page may load it), and the CORS
//! allow-list in front of its server functions (only the listed pages may use them).

use axum::{
    body::Body,
    extract::State,
    http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::sync::Arc;

/// Where the widget's server functions live (leptos_axum serves them under /api/).
pub const API: &str = "/api/widget/";

/// Origins (`scheme://host[:port]`) whose pages may call the widget's server functions.
#[derive(Clone, Debug, Default)]
pub struct AllowedOrigins(pub Arc<[String]>);

impl AllowedOrigins {
    pub fn allows(&self, origin: &str) -> bool {
        self.0.iter().any(|o| o == origin)
    }
}

/// The widget's files: public, cacheable for a while (their names are stable), and loadable
/// by a module script or a picture on any page, including ones that isolate themselves.
pub async fn asset_headers(req: Request<Body>, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("cross-origin"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300, stale-while-revalidate=86400"),
    );
    res
}

/// CORS for the widget's server functions. A listed origin gets its own name back, with
/// credentials; any other foreign origin is refused before the function runs, with a reason
/// its page can read (no credentials) so the widget can say why in the console.
pub async fn cors(
    State(senders): State<super::origin::Senders>,
    req: Request<Body>,
    next: Next,
) -> Response {
    if !req.uri().path().starts_with(API) {
        return next.run(req).await;
    }
    let Some(origin) = foreign_origin(req.headers(), &senders.own) else {
        return next.run(req).await;
    };
    if !senders.widget.allows(&origin) {
        return refusal(&origin, super::origin::navigating(req.headers()));
    }
    let mut res = if req.method() == Method::OPTIONS {
        let mut res = StatusCode::NO_CONTENT.into_response();
        let h = res.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("POST, GET"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type, accept"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        res
    } else {
        next.run(req).await
    };
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&origin) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
    }
    h.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    res
}

/// The request's Origin when it is another site's page (not ours, not a plain navigation).
fn foreign_origin(headers: &HeaderMap, own: &super::origin::OwnOrigin) -> Option<String> {
    let origin = headers
        .get(header::ORIGIN)?
        .to_str()
        .ok()?
        .to_ascii_lowercase();
    (!super::origin::is_own(&origin, headers, own)).then_some(origin)
}

/// Says why a page on an unlisted site was refused, readably for that page's script.
pub fn refusal(origin: &str, navigating: bool) -> Response {
    let refused = crate::api::ApiError::Invalid(crate::words::Problem::WidgetOriginRefused {
        origin: origin.into(),
    });
    if navigating {
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            refused.to_string(),
        )
            .into_response();
    }
    let body = crate::api::error_wire::to_json(&refused);
    let mut res = (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response();
    // Readable by the refused page (without credentials), so the widget can say why.
    if let Ok(v) = HeaderValue::from_str(origin) {
        res.headers_mut()
            .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
    }
    res.headers_mut()
        .append(header::VARY, HeaderValue::from_static("Origin"));
    res
}

/// Reads `VITRINE_WIDGET_ORIGINS`: origins separated by commas or spaces, each exactly
/// `http(s)://host[:port]` as a browser sends it.
pub fn parse_origins(raw: &str) -> Result<Vec<String>, String> {
    raw.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|o| {
            let o = o.strip_suffix('/').unwrap_or(o);
            let authority = o
                .strip_prefix("https://")
                .or_else(|| o.strip_prefix("http://"));
            let ok = authority.is_some_and(|a| {
                !a.is_empty()
                    && a.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
            });
            if ok {
                Ok(o.to_ascii_lowercase())
            } else {
                Err(format!(
                    "VITRINE_WIDGET_ORIGINS: '{o}' is not an origin like https://shop.example or \
                     http://127.0.0.1:4000 (no path, no wildcard)"
                ))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_exact_and_explain_a_bad_one() {
        assert_eq!(
            parse_origins("https://Blog.example, http://127.0.0.1:4000/").unwrap(),
            ["https://blog.example", "http://127.0.0.1:4000"]
        );
        assert!(parse_origins("").unwrap().is_empty());
        for bad in ["*", "blog.example", "https://blog.example/shop", "ftp://x"] {
            assert!(
                parse_origins(bad).unwrap_err().contains("is not an origin"),
                "{bad}"
            );
        }
    }

    #[test]
    fn our_own_pages_and_navigations_are_not_foreign() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert_eq!(foreign_origin(&h, &Default::default()), None);
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:3000"),
        );
        assert_eq!(foreign_origin(&h, &Default::default()), None);
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:4000"),
        );
        assert_eq!(
            foreign_origin(&h, &Default::default()).as_deref(),
            Some("http://127.0.0.1:4000")
        );
        // Behind a proxy that rewrites Host, the store's public address is still its own.
        let own = super::super::origin::OwnOrigin(Some("https://shop.example".into()));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://shop.example"),
        );
        assert_eq!(foreign_origin(&h, &own), None);
    }
}
