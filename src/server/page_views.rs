//! Page views, counted as the server answers them: a page (HTML, 200) of the store, by kind,
//! and the product a product page showed. Consenting shoppers get their visitor id here on
//! their first page (`api::events`); everyone else is only counted.

use crate::analytics::{page_kind, Event, Step};
use crate::storefront::StorefrontData;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Paths that are the store's tools, not its pages; and the privacy centre, where a shopper
/// who just deleted their steps should not start a new record by looking.
const NOT_PAGES: [&str; 6] = [
    "/api/",
    "/admin",
    "/insights",
    "/gallery",
    "/widget",
    "/privacy",
];

pub async fn count(
    State(data): State<StorefrontData>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    if req.method() != Method::GET {
        return next.run(req).await;
    }
    let path = crate::words::Locale::split(req.uri().path()).1.to_string();
    // Files (the stylesheet, the wasm, pictures) have an extension; pages never do.
    let file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    if file || NOT_PAGES.iter().any(|p| path.starts_with(p)) {
        return next.run(req).await;
    }
    let https = crate::api::cart::ssr::over_https(req.uri(), req.headers());
    let follow = crate::api::events::may_follow(req.headers());
    let mut visitor = crate::api::events::visitor_in(req.headers());
    let mut minted = None;
    if follow && visitor.is_none() {
        // Given before the page is drawn, so that its first page already shows this
        // visitor's cell of any experiment, as every later one will.
        let id = crate::hex::random::<16>();
        // Every other cookie kept, a malformed id of ours replaced.
        let joined = crate::api::cart::ssr::cookie_pairs(req.headers())
            .filter(|(k, _)| *k != crate::api::events::VISITOR_COOKIE)
            .map(|(k, v)| format!("{k}={v}"))
            .chain([format!("{}={id}", crate::api::events::VISITOR_COOKIE)])
            .collect::<Vec<_>>()
            .join("; ");
        if let Ok(v) = HeaderValue::from_str(&joined) {
            req.headers_mut().insert(header::COOKIE, v);
            visitor = Some(id.clone());
            minted = Some(id);
        }
    }
    let mut res = next.run(req).await;
    if let Some(id) = minted {
        let cookie = crate::api::cart::ssr::cookie_line(
            crate::api::events::VISITOR_COOKIE,
            &id,
            crate::api::events::VISITOR_MAX_AGE,
            https,
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    if res.status() != StatusCode::OK || !super::is_html(res.headers()) {
        return res;
    }
    let now = crate::api::clock::now();
    let kind = page_kind(&path);
    let mut view = Event::new(now, Step::PageView);
    view.page = kind.to_string();
    view.visitor = visitor.clone();
    data.events().record(view);
    if kind == "product" {
        let mut product = Event::new(now, Step::ProductView);
        product.subject = path.trim_start_matches("/p/").chars().take(100).collect();
        product.visitor = visitor;
        data.events().record(product);
    }
    res
}
