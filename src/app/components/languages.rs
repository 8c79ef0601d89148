//! The store's languages on every page: the switcher (header and footer), the alternates
//! search engines read, and the suggestion a first visit gets when the browser prefers another
//! language the store speaks. All drawn on the server: plain links, no island.

use crate::app::absolute;
use crate::w;
use crate::words::Locale;
use leptos::prelude::*;
use leptos_meta::Link;

/// The page's own path and query without its language prefix, as the server received it.
#[cfg(feature = "ssr")]
fn this_page() -> String {
    use_context::<axum::http::request::Parts>()
        .map(|p| {
            let (_, path) = Locale::split(p.uri.path());
            match p.uri.query() {
                Some(q) => format!("{path}?{q}"),
                None => path.to_string(),
            }
        })
        .unwrap_or_else(|| "/".into())
}

/// (Drawn on the server only; the browser never redraws these.)
#[cfg(not(feature = "ssr"))]
fn this_page() -> String {
    "/".into()
}

/// Where a switcher's link goes: the server remembers the choice, then opens the same page.
fn switch_href(to: Locale, page: &str) -> String {
    format!(
        "/lang/{}?to={}",
        to.code(),
        crate::api::listing::form_urlencode(page)
    )
}

/// One link per language, each named in its own language and marked so.
fn links(page: &str) -> impl IntoView {
    let here = crate::words::current();
    Locale::ALL
        .into_iter()
        .map(|l| {
            view! {
                <li>
                    <a href=switch_href(l, page) lang=l.code() hreflang=l.code()
                        aria-current=(l == here).then_some("true")>{l.autonym()}</a>
                </li>
            }
        })
        .collect_view()
}

/// The header's switcher: a disclosure (works without JavaScript) naming the current language.
#[component]
pub fn LanguageMenu() -> impl IntoView {
    let page = this_page();
    view! {
        <details class="languages">
            <summary>
                <span class="visually-hidden">{w!(LANGUAGE)}": "</span>
                <span lang=crate::words::current().code()>{crate::words::current().autonym()}</span>
            </summary>
            <ul class="languages__list">{links(&page)}</ul>
        </details>
    }
}

/// The footer's switcher: every language in a row.
#[component]
pub fn LanguageList() -> impl IntoView {
    let page = this_page();
    view! {
        <div class="site-footer__languages">
            <h2 class="visually-hidden">{w!(LANGUAGE)}</h2>
            <ul class="languages__row">{links(&page)}</ul>
        </div>
    }
}

/// `hreflang` alternates for an indexable page: the same `path` in every language, and English
/// for anyone else.
#[component]
pub fn Alternates(path: String) -> impl IntoView {
    let each = Locale::ALL
        .into_iter()
        .map(|l| view! { <Link rel="alternate" hreflang=l.code() href=absolute(&l.path(&path))/> })
        .collect_view();
    view! {
        {each}
        <Link rel="alternate" hreflang="x-default" href=absolute(&path)/>
    }
}

/// "This store is also in Русский": shown until the shopper chooses, when the browser prefers
/// another language the store speaks. Never a redirect: crawlers and shared links see the page
/// they asked for.
#[cfg(feature = "ssr")]
#[component]
pub fn LanguageSuggestion() -> impl IntoView {
    let here = crate::words::current();
    let offer = use_context::<axum::http::request::Parts>().and_then(|p| {
        if crate::server::locale::chosen(&p.headers).is_some() {
            return None;
        }
        let accept = p
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)?
            .to_str()
            .ok()?;
        Locale::preferred(accept).filter(|l| *l != here)
    });
    offer.map(|l| {
        let page = this_page();
        view! {
            <aside class="language-offer" lang=l.code() dir=l.dir() aria-label=w!(in l, LANGUAGE)>
                <p>{w!(in l, LANGUAGE_OFFER)}</p>
                <a class="language-offer__switch" href=switch_href(l, &page)>{w!(in l, LANGUAGE_SWITCH)}</a>
                <a href=switch_href(here, &page) lang=here.code() dir=here.dir()>{w!(LANGUAGE_STAY)}</a>
            </aside>
        }
    })
}
