//! Response headers: a strict, nonce-based CSP on pages, safe defaults on everything, and
//! cache rules that let a CDN cache public pages but never a shopper's own.

use axum::{
    body::Body,
    http::{header, HeaderValue, Request, StatusCode},
    middleware::Next,
    response::Response,
};
use leptos::prelude::*;

/// Called while rendering a page: the policy names this response's script nonce, so only our
/// own inline hydration scripts run. Wasm needs 'wasm-unsafe-eval' and nothing looser.
pub fn content_security_policy() {
    let Some(res) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let nonce = leptos::nonce::use_nonce()
        .map(|n| format!(" 'nonce-{n}'"))
        .unwrap_or_default();
    // A backend that serves its own pictures (Vendure's asset server) is allowed for images
    // and nothing else.
    let images = crate::api::context::backend()
        .ok()
        .and_then(|b| b.image_origin())
        .filter(|o| {
            o.chars()
                .all(|c| c.is_ascii_alphanumeric() || ":/.-[]".contains(c))
        })
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    let policy = format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:{images}; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(v) = HeaderValue::from_str(&policy) {
        res.insert_header(header::CONTENT_SECURITY_POLICY, v);
    }
}

/// Every cookie we set is named `vitrine_…` (cart, session, remembered details, draft).
pub(super) const OUR_COOKIES: &str = "vitrine_";

/// Pages about one shopper: never stored by any cache, whoever asks.
const PERSONAL_PATHS: [&str; 5] = ["/checkout", "/account", "/orders", "/privacy", "/wishlist"];

pub async fn defaults(req: Request<Body>, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let personal = crate::api::cart::ssr::cookie_pairs(req.headers())
        .any(|(name, _)| name.starts_with(OUR_COOKIES));
    let secure = crate::api::cart::ssr::over_https(req.uri(), req.headers());
    let started = std::time::Instant::now();
    let mut res = next.run(req).await;
    let status = res.status();
    let h = res.headers_mut();
    // How long the server took to answer (a page renders fully before its headers go out):
    // what benches and browser dev tools read to tell server time from network time.
    // Not on order lookups and order pages: there, how long the server took would tell an
    // order that exists from one that does not.
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let telling = path.starts_with("/api/orders/") || path.starts_with("/orders");
    if !telling {
        if let Ok(v) = HeaderValue::from_str(&format!("app;dur={ms:.2}")) {
            h.insert("server-timing", v);
        }
    }
    if secure {
        // Served over HTTPS (here or at the proxy): browsers should never use plain HTTP again.
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(
            "default-src 'none'; frame-ancestors 'none'",
        ));
    if !h.contains_key(header::CACHE_CONTROL) {
        set_cache_control(h, &path, status, personal);
    }
    res
}

fn set_cache_control(
    h: &mut axum::http::HeaderMap,
    path: &str,
    status: StatusCode,
    personal: bool,
) {
    let is_html = super::is_html(h);
    let cache = if path.starts_with("/api/") || status.is_server_error() {
        "no-store"
    } else if path.starts_with("/pkg/") || path.ends_with(".css") || path.ends_with(".svg") {
        // Asset names are stable across builds, so revalidate often rather than pin a year.
        "public, max-age=300, stale-while-revalidate=86400"
    } else if is_html && PERSONAL_PATHS.iter().any(|p| path.starts_with(p)) {
        "private, no-store"
    } else if is_html && (personal || status != StatusCode::OK) {
        "private, no-cache"
    } else if is_html {
        // Without any of our cookies a page carries nothing personal: a CDN may share it.
        "public, max-age=0, s-maxage=60, stale-while-revalidate=600"
    } else {
        "no-cache"
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if is_html {
        // The language suggestion reads the browser's languages.
        h.append(
            header::VARY,
            HeaderValue::from_static("Cookie, Accept-Language"),
        );
    }
}
