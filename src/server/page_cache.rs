//! Browse pages drawn once and served again, for a moment, to every shopper the store does not
//! follow. Drawing a page was most of the server's work under load (issue 20), and for such
//! shoppers the home page, listings, product pages and searches differ only in the cart's
//! count: that is left as a hole and filled per request with the shopper's own cart.
//!
//! What a kept page may not depend on decides who gets one: a shopper with consent (their
//! recommendations and experiment cells), a session, a wishlist or remembered details carries
//! a cookie of ours other than the cart and the consent answer, and is drawn afresh. What a
//! page does depend on is its key: address, language chosen, currency, the consent answer,
//! the language the browser prefers, whether it asks for a page and not to be tracked.
//!
//! A copy lives `ttl` at most (`VITRINE_PAGE_TTL`, 2 s by default), so another instance's
//! change or an admin command run beside the server shows within that. Changes made through
//! this instance show at once: a post that may change what pages show (a review, an admin
//! change) forgets every copy, and so does an order that changes the stock a page shows
//! (`Commerce::shown_changes`). Add to cart and checkout always read live stock and prices.

use crate::analytics::Event;
use crate::api::context::Services;
use crate::api::page_copy::{Drawing, CART_HOLE};
use crate::words::Locale;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a copy is served by default: stock, prices and reviews changed elsewhere show
/// within this.
pub const TTL: Duration = Duration::from_secs(2);
/// Copies kept at most (a product page is about 50 KB): past it, expired ones are dropped,
/// and while all are fresh no new one is kept.
const KEPT: usize = 1_000;
/// The store's paths (language prefix removed) whose pages may be kept.
const BROWSE: [&str; 3] = ["/c/", "/p/", "/search"];
/// Posts to these change only the shopper's own things (cart, wishlist, consent, account) or
/// nothing a page shows: every other post may, and forgets the copies. Placing an order
/// changes stock, which the backend reports (`Commerce::shown_changes`).
const OWN_THINGS: [&str; 9] = [
    "/api/cart/",
    "/api/catalog/",
    "/api/checkout/",
    "/api/orders/",
    "/api/profile",
    "/api/wishlist/",
    "/api/account/",
    "/api/recommend/",
    "/api/widget/",
];

/// Our cookies that no browse page reads: the limits' known browser (sign-in, order
/// lookup), details remembered for checkout, the widget's site for its sale, the dashboard's
/// sign-in. Any other of ours (a session, a wishlist, review votes, consent's profile) has the
/// page drawn afresh.
const NOT_READ_BY_PAGES: [&str; 4] = [
    "vitrine_device",
    "vitrine_details",
    "vitrine_via",
    "vitrine_insights",
];

#[derive(Clone)]
pub struct PageCache(Arc<Inner>);

struct Inner {
    ttl: Duration,
    pages: RwLock<HashMap<String, Arc<Kept>>>,
    /// Moves whenever a post through this instance may have changed what pages show.
    posts: AtomicU64,
}

/// A page as drawn, cut where each request puts its own: the nonce and the cart's count.
struct Kept {
    drawn: Instant,
    /// `(posts, backend's shown_changes)` when it was drawn.
    era: (u64, u64),
    headers: HeaderMap,
    /// The CSP nonce the page was drawn with, in its headers.
    nonce: String,
    pieces: Vec<Piece>,
    /// Steps drawing the page recorded (a search and its results): recorded again per request.
    steps: Vec<Event>,
}

enum Piece {
    Text(Bytes),
    Nonce,
    CartCount,
}

impl PageCache {
    pub fn new(ttl: Duration) -> PageCache {
        PageCache(Arc::new(Inner {
            ttl,
            pages: RwLock::new(HashMap::new()),
            posts: AtomicU64::new(0),
        }))
    }

    fn get(&self, key: &str, era: (u64, u64)) -> Option<Arc<Kept>> {
        let pages = self.0.pages.read().ok()?;
        pages
            .get(key)
            .filter(|k| k.era == era && k.drawn.elapsed() < self.0.ttl)
            .cloned()
    }

    fn keep(&self, key: String, kept: Kept) {
        let Ok(mut pages) = self.0.pages.write() else {
            return;
        };
        if pages.len() >= KEPT {
            let (ttl, era) = (self.0.ttl, kept.era);
            pages.retain(|_, k| k.era == era && k.drawn.elapsed() < ttl);
            if pages.len() >= KEPT {
                return;
            }
        }
        pages.insert(key, Arc::new(kept));
    }

    fn forget_all(&self) {
        self.0.posts.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut pages) = self.0.pages.write() {
            pages.clear();
        }
    }
}

/// The layer: answers a keepable page from its copy, or draws it to be kept.
pub async fn serve(
    axum::extract::State((cache, services)): axum::extract::State<(PageCache, Services)>,
    req: Request<Body>,
    next: Next,
) -> Response {
    if cache.0.ttl.is_zero() || req.method() == Method::HEAD {
        return next.run(req).await;
    }
    if req.method() != Method::GET {
        let path = Locale::split(req.uri().path()).1;
        let may_change = !OWN_THINGS.iter().any(|p| path.starts_with(p));
        let res = next.run(req).await;
        if may_change && (res.status().is_success() || res.status().is_redirection()) {
            cache.forget_all();
        }
        return res;
    }
    let Some(key) = key_of(&req) else {
        return next.run(req).await;
    };
    let era = (
        cache.0.posts.load(Ordering::SeqCst),
        services.backend.shown_changes(),
    );
    let (parts, body) = req.into_parts();
    if let Some(kept) = cache.get(&key, era) {
        record_again(&kept.steps, &services);
        return said(filled(&kept, parts, &services).await, "hit");
    }
    let drawing = Drawing::default();
    let mut drawn_parts = parts.clone();
    drawn_parts.extensions.insert(drawing.clone());
    let res = next.run(Request::from_parts(drawn_parts, body)).await;
    let keepable = res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && super::is_html(res.headers());
    if !keepable {
        return res;
    }
    let (head, body) = res.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return axum::response::IntoResponse::into_response(StatusCode::INTERNAL_SERVER_ERROR);
    };
    let nonce = nonce_in(&head.headers).unwrap_or_default();
    let kept = Kept {
        drawn: Instant::now(),
        era,
        pieces: cut(&body, &nonce),
        headers: head.headers,
        nonce,
        steps: drawing.steps(),
    };
    let res = filled(&kept, parts, &services).await;
    cache.keep(key, kept);
    said(res, "miss")
}

/// Whether the page came from a copy, as caches say it (for operators and the tests).
fn said(mut res: Response, how: &'static str) -> Response {
    res.headers_mut()
        .insert("x-cache", HeaderValue::from_static(how));
    res
}

/// What a request's page depends on beyond the cart, or `None` when it may not be kept.
fn key_of(req: &Request<Body>) -> Option<String> {
    let (locale, path) = Locale::split(req.uri().path());
    if path != "/" && !BROWSE.iter().any(|p| path.starts_with(p)) {
        return None;
    }
    let query = req.uri().query().unwrap_or("");
    // An error a refused form brought back is one shopper's.
    if query.contains("__err") {
        return None;
    }
    let headers = req.headers();
    let mut consent = "";
    for (name, value) in crate::api::cart::ssr::cookie_pairs(headers) {
        match name {
            crate::api::cart::ssr::COOKIE => {}
            crate::api::profile::ssr::CONSENT_COOKIE => {
                // Consent given: recommendations and experiments are this shopper's.
                if value == "yes" {
                    return None;
                }
                if consent.is_empty() {
                    consent = if value == "no" { "no" } else { "?" };
                }
            }
            other if NOT_READ_BY_PAGES.contains(&other) => {}
            other if other.starts_with(super::headers::OUR_COOKIES) => return None,
            _ => {}
        }
    }
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let chosen = super::locale::chosen(headers).map_or("", Locale::code);
    let currency = super::currency::chosen(headers).map_or("", |c| c.code());
    let prefers = text(header::ACCEPT_LANGUAGE)
        .and_then(Locale::preferred)
        .map_or("", Locale::code);
    let page = text(header::ACCEPT).is_some_and(|a| a.contains("text/html"));
    let untracked =
        crate::analytics::asks_not_to_be_tracked(|h| text(h.parse().ok()?).map(str::to_string));
    // The address as asked: `/zh/` (a redirect) is not `/zh`.
    Some(format!(
        "{} {}?{query} lang={chosen} currency={currency} consent={consent} prefers={prefers} page={page} untracked={untracked}",
        locale.code(),
        req.uri().path(),
    ))
}

/// The nonce the policy names (`'nonce-…'`).
fn nonce_in(headers: &HeaderMap) -> Option<String> {
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(policy[start..start + len].to_string())
}

/// The page cut at each use of the nonce and at the cart's hole.
fn cut(body: &Bytes, nonce: &str) -> Vec<Piece> {
    let Ok(text) = std::str::from_utf8(body) else {
        return vec![Piece::Text(body.clone())];
    };
    let mut marks: Vec<(usize, usize, bool)> = text
        .match_indices(CART_HOLE)
        .map(|(at, m)| (at, m.len(), false))
        .collect();
    if !nonce.is_empty() {
        marks.extend(text.match_indices(nonce).map(|(at, m)| (at, m.len(), true)));
    }
    marks.sort_unstable();
    let mut pieces = Vec::new();
    let mut rest = 0;
    for (at, len, is_nonce) in marks {
        if at < rest {
            continue;
        }
        if rest < at {
            pieces.push(Piece::Text(body.slice(rest..at)));
        }
        pieces.push(if is_nonce {
            Piece::Nonce
        } else {
            Piece::CartCount
        });
        rest = at + len;
    }
    if rest < body.len() {
        pieces.push(Piece::Text(body.slice(rest..)));
    }
    pieces
}

/// The kept page for this request: a nonce of its own and its shopper's cart count.
async fn filled(kept: &Kept, parts: axum::http::request::Parts, services: &Services) -> Response {
    let owner = Owner::new();
    let options = leptos_axum::ResponseOptions::default();
    owner.with(|| {
        provide_context(services.clone());
        provide_context(parts);
        provide_context(options.clone());
    });
    let count = if kept.pieces.iter().any(|p| matches!(p, Piece::CartCount)) {
        owner
            .with(|| ScopedFuture::new(crate::app::cart_count_here()))
            .await
    } else {
        String::new()
    };
    let nonce = leptos::nonce::Nonce::new().to_string();
    let mut body = Vec::with_capacity(
        kept.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.len(),
                _ => 0,
            })
            .sum::<usize>()
            + count.len()
            + 64,
    );
    for piece in &kept.pieces {
        match piece {
            Piece::Text(t) => body.extend_from_slice(t),
            Piece::Nonce => body.extend_from_slice(nonce.as_bytes()),
            Piece::CartCount => body.extend_from_slice(count.as_bytes()),
        }
    }
    let mut res = Response::new(Body::from(body));
    let headers = res.headers_mut();
    for (name, value) in &kept.headers {
        if name == header::CONTENT_LENGTH {
            continue;
        }
        let value = match value.to_str() {
            Ok(v) if !kept.nonce.is_empty() && v.contains(&kept.nonce) => {
                HeaderValue::from_str(&v.replace(&kept.nonce, &nonce)).unwrap_or(value.clone())
            }
            _ => value.clone(),
        };
        headers.append(name, value);
    }
    // What reading the cart set (an unknown cart's cookie cleared).
    if let Ok(set) = options.0.read() {
        for (name, value) in &set.headers {
            headers.append(name, value.clone());
        }
    }
    drop(owner);
    res
}

/// The steps the page recorded when drawn, recorded again for this request.
fn record_again(steps: &[Event], services: &Services) {
    if steps.is_empty() || !services.storefront.records() {
        return;
    }
    let now = crate::api::clock::now();
    for step in steps {
        let mut step = step.clone();
        step.at = now;
        services.storefront.events().record(step);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => String::from_utf8_lossy(t).into_owned(),
                Piece::Nonce => "{N}".into(),
                Piece::CartCount => "{C}".into(),
            })
            .collect()
    }

    #[test]
    fn a_page_is_cut_at_its_nonce_and_its_cart_hole() {
        let body = Bytes::from(format!(
            "<head><script nonce=\"abc123\">x</script></head><a>é{CART_HOLE}</a><p>abc12 abc</p><script nonce=\"abc123\"></script>"
        ));
        let pieces = cut(&body, "abc123");
        assert_eq!(
            text(&pieces),
            "<head><script nonce=\"{N}\">x</script></head><a>é{C}</a><p>abc12 abc</p><script nonce=\"{N}\"></script>"
        );
    }

    #[test]
    fn only_browse_pages_of_shoppers_nobody_follows_are_kept() {
        let req = |path: &str, cookie: &str| {
            let mut r = Request::builder().uri(path);
            if !cookie.is_empty() {
                r = r.header(header::COOKIE, cookie);
            }
            r.body(Body::empty()).unwrap()
        };
        assert!(key_of(&req("/p/linen-shirt", "")).is_some());
        assert!(key_of(&req("/ru/c/shirts?page=2", "vitrine_cart=abc; other=1")).is_some());
        assert!(key_of(&req("/", "vitrine_consent=no")).is_some());
        assert!(key_of(&req("/search?q=lnen", "")).is_some());
        assert!(key_of(&req("/p/a", "vitrine_device=x; vitrine_details=y")).is_some());
        for (path, cookie) in [
            ("/cart", ""),
            ("/checkout", ""),
            ("/orders/VT-1", ""),
            ("/wishlist", ""),
            ("/p/linen-shirt", "vitrine_consent=yes"),
            ("/p/linen-shirt", "vitrine_session=x"),
            ("/p/linen-shirt", "vitrine_wishlist=x"),
            ("/p/linen-shirt", "vitrine_visitor=x"),
            ("/p/linen-shirt", "vitrine_voter=x"),
            ("/p/linen-shirt", "vitrine_new_thing=x"),
            ("/p/linen-shirt?__err=x&__sig=y", ""),
        ] {
            assert!(key_of(&req(path, cookie)).is_none(), "{path} {cookie}");
        }
        // The cart is a hole, not part of the key; the consent answer and language are.
        assert_eq!(
            key_of(&req("/p/a", "vitrine_cart=one")),
            key_of(&req("/p/a", "vitrine_cart=two"))
        );
        assert_ne!(
            key_of(&req("/p/a", "")),
            key_of(&req("/p/a", "vitrine_consent=no"))
        );
        assert_ne!(key_of(&req("/p/a", "")), key_of(&req("/p/a", "lang=ru")));
        assert_ne!(key_of(&req("/p/a", "")), key_of(&req("/ru/p/a", "")));
        assert_ne!(key_of(&req("/zh", "")), key_of(&req("/zh/", "")));
    }
}
