//! Errors that travel in a URL. Without JavaScript a refused form post is redirected back to
//! its page with the error in the query (`__path`, `__err`: leptos's progressive enhancement),
//! and the page shows it. Anyone can write such a link, so the store would show a stranger's
//! words in its own error box ("call this number"). The server signs every error it puts in a
//! redirect, and a page request whose error is not signed by us arrives without it.

use super::signing::Signer;
use axum::{
    body::Body,
    extract::State,
    http::{header, HeaderValue, Request, Uri},
    middleware::Next,
    response::Response,
};

const ERROR: &str = "__err";
const SIGNATURE: &str = "__sig";
const PURPOSE: &str = "form-error";

pub async fn signed(State(signer): State<Signer>, mut req: Request<Body>, next: Next) -> Response {
    if let Some(query) = req.uri().query() {
        if let Some(err) = param(query, ERROR) {
            let genuine =
                param(query, SIGNATURE).is_some_and(|sig| signer.verify(PURPOSE, err, sig));
            if !genuine {
                let kept: Vec<&str> = query
                    .split('&')
                    .filter(|pair| {
                        let key = pair.split('=').next().unwrap_or_default();
                        ![ERROR, SIGNATURE, "__path"].contains(&key)
                    })
                    .collect();
                let path = req.uri().path();
                let rebuilt = if kept.is_empty() {
                    path.to_string()
                } else {
                    format!("{path}?{}", kept.join("&"))
                };
                if let Ok(uri) = rebuilt.parse::<Uri>() {
                    *req.uri_mut() = uri;
                }
            }
        }
    }
    let mut res = next.run(req).await;
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(location) = location {
        let query = location.split_once('?').map(|(_, q)| q).unwrap_or_default();
        if let Some(err) = param(query, ERROR) {
            // A refused vote on a review comes back to the reviews, a refused set to the set,
            // not the top of the page.
            let anchor = param(query, "__path").map_or("", anchor_for);
            let signed = format!(
                "{location}&{SIGNATURE}={}{anchor}",
                signer.sign(PURPOSE, err)
            );
            if let Ok(v) = HeaderValue::from_str(&signed) {
                res.headers_mut().insert(header::LOCATION, v);
            }
        }
    }
    res
}

/// Where on its page a refused form's error shows, by the form's (raw) action path.
fn anchor_for(path: &str) -> &'static str {
    let decoded = path.replace("%2F", "/").replace("%2f", "/");
    if decoded.starts_with("/api/reviews/") {
        "#reviews"
    } else if decoded.starts_with("/api/cart/add-set") {
        "#buy-together"
    } else {
        ""
    }
}

/// The raw (still percent-encoded) value of `name` in a query string.
fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

#[cfg(test)]
mod tests {
    #[test]
    fn params_are_read_raw() {
        assert_eq!(
            super::param("a=1&__err=eyJ%3D&b=2", "__err"),
            Some("eyJ%3D")
        );
        assert_eq!(super::param("__errx=1", "__err"), None);
        assert_eq!(super::param("", "__err"), None);
    }

    #[test]
    fn a_refused_form_comes_back_to_where_it_was_on_its_page() {
        assert_eq!(super::anchor_for("%2Fapi%2Freviews%2Fhelpful"), "#reviews");
        assert_eq!(super::anchor_for("/api/cart/add-set"), "#buy-together");
        assert_eq!(super::anchor_for("%2Fapi%2Fcart%2Fadd"), "");
    }
}
