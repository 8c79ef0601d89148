//! Which language a request is answered in, the language switcher's landing, and the
//! remembered choice.
//!
//! English lives at `/`, the others under `/zh`, `/fa`, `/ru` (the same pages nested). A server
//! function answers in the language of the page that called it (its `Referer`, which the
//! store's pages always send to themselves). A choice made in the switcher is remembered in
//! the `lang` cookie: an English address then leads a shopper who chose Russian to the Russian
//! page. Nobody is redirected by their browser's language (crawlers would never see the other
//! pages): the page suggests it instead (`app::components::language_suggestion`).

use crate::words::Locale;
use axum::{
    body::Body,
    extract::{Path, Query},
    http::{header, HeaderMap, HeaderValue, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The remembered choice. Not one of the `vitrine_` cookies: it says nothing about the
/// shopper, so pages stay shareable by a CDN (which keys on the Cookie header).
pub const COOKIE: &str = "lang";
const COOKIE_MAX_AGE: u32 = 365 * 86_400;

tokio::task_local! {
    /// For the server's own answers outside Leptos (refusals of oversized or cross-site
    /// requests); inside Leptos the request's extensions carry it.
    static LOCALE: Locale;
}

/// The outermost layer: decides the request's language once.
pub async fn detect(mut req: Request<Body>, next: Next) -> Response {
    let locale = of(req.uri(), req.headers());
    req.extensions_mut().insert(locale);
    LOCALE.scope(locale, next.run(req)).await
}

/// The language of a request: its address's prefix; for a server function, the page that
/// called it, or the `lang` its address names (the widget's checkout, posted from another
/// site's page).
pub fn of(uri: &axum::http::Uri, headers: &HeaderMap) -> Locale {
    let path = uri.path();
    match Locale::split(path) {
        (Locale::En, _) if path.starts_with("/api/") => named(uri)
            .or_else(|| referer_path(headers).map(|p| Locale::split(&p).0))
            .unwrap_or(Locale::En),
        (locale, _) => locale,
    }
}

fn named(uri: &axum::http::Uri) -> Option<Locale> {
    uri.query()?
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Locale::from_code)
}

/// The language being answered in: the request's task's (set by `detect`), else, in a task
/// Leptos spawned or the page's body being streamed, Leptos's request. The task comes first
/// because Leptos leaves each page's root owner current on its worker thread
/// (`Owner::new_root` sets it and nothing unsets it): a handler outside Leptos on the same
/// thread (the gallery, the server's own refusals) would otherwise read another request's
/// language while that page is still being drawn.
pub fn current() -> Locale {
    use leptos::prelude::with_context;
    LOCALE
        .try_with(|l| *l)
        .ok()
        .or_else(|| {
            with_context::<axum::http::request::Parts, _>(|p| {
                p.extensions
                    .get::<Locale>()
                    .copied()
                    .unwrap_or_else(|| of(&p.uri, &p.headers))
            })
        })
        .unwrap_or_default()
}

/// The path of the store's own page that sent the request (another site's pages, which the
/// widget's calls come from, say nothing about the store's languages).
fn referer_path(headers: &HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let (_, rest) = referer.split_once("://")?;
    let slash = rest.find('/')?;
    let host = headers.get(header::HOST)?.to_str().ok()?;
    if !rest[..slash].eq_ignore_ascii_case(host) {
        return None;
    }
    let path = &rest[slash..];
    Some(path.split(['?', '#']).next().unwrap_or("/").to_string())
}

/// The remembered choice, if the shopper made one.
pub fn chosen(headers: &HeaderMap) -> Option<Locale> {
    crate::api::cart::ssr::cookie_pairs(headers)
        .find(|(k, _)| *k == COOKIE)
        .and_then(|(_, v)| Locale::from_code(v))
}

/// On English pages: a shopper who chose another language is taken to its page. Only for a
/// page opened in the browser (GET, a document), never for scripts or crawlers (no cookie).
pub async fn remembered(req: Request<Body>, next: Next) -> Response {
    let wants_page = req.method() == axum::http::Method::GET
        && !req.uri().path().starts_with("/api/")
        && req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
    match chosen(req.headers()) {
        Some(locale) if wants_page && locale != Locale::En => {
            let target = locale.path(req.uri().path_and_query().map_or("/", |pq| pq.as_str()));
            see_other(&target, None, req.headers())
        }
        _ => next.run(req).await,
    }
}

/// `to` when it is one of the store's own paths: never `//elsewhere` or `https://…` (an
/// open redirect).
pub(crate) fn own_path(to: &str) -> Option<&str> {
    (to.starts_with('/') && !to.starts_with("//") && !to.contains('\\')).then_some(to)
}

#[derive(serde::Deserialize)]
pub struct Switch {
    /// The page to land on, as the store's own path (without a language prefix).
    #[serde(default)]
    pub(super) to: String,
}

/// `/lang/{code}?to=/p/linen-shirt`: the switcher's links land here, which remembers the
/// choice and opens the same page in that language.
pub async fn switch(
    Path(code): Path<String>,
    Query(Switch { to }): Query<Switch>,
    headers: HeaderMap,
) -> Response {
    let Some(locale) = Locale::from_code(&code) else {
        return (StatusCode::NOT_FOUND, "no such language").into_response();
    };
    let to = own_path(&to)
        .map_or("/", |p| Locale::split(p).1)
        .to_string();
    see_other(&locale.path(&to), Some((COOKIE, locale.code())), &headers)
}

/// A redirect to the store's own `target`, remembering a choice in a year-long cookie
/// (`remember`: its name and value) when one was made.
pub(super) fn see_other(
    target: &str,
    remember: Option<(&str, &str)>,
    headers: &HeaderMap,
) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(target) {
        h.insert(header::LOCATION, v);
    }
    if let Some((name, value)) = remember {
        let secure = crate::api::cart::ssr::over_https(&Default::default(), headers);
        let cookie = format!(
            "{name}={value}; Path=/; Max-Age={COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax{}",
            if secure { "; Secure" } else { "" }
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            h.append(header::SET_COOKIE, v);
        }
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::{provide_context, Owner};

    #[test]
    fn a_request_answers_in_its_own_language_beside_another_page_being_drawn() {
        // Another request's page: its root owner stays current on this thread.
        let other = Owner::new_root(None);
        let (parts, _) = Request::builder()
            .uri("/ru/c/t-shirts")
            .body(())
            .unwrap()
            .into_parts();
        other.with(|| provide_context(parts));
        assert_eq!(current(), Locale::Ru, "Leptos's request, outside any task");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let here = runtime.block_on(LOCALE.scope(Locale::Fa, async { current() }));
        assert_eq!(
            here,
            Locale::Fa,
            "this request's task, not the page drawn beside it"
        );
    }
}
