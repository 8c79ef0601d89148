//! The store's languages and currencies on every page: the switcher (header and footer), the
//! alternates search engines read, and the suggestion a first visit gets when the browser
//! prefers another language the store speaks. All drawn on the server: plain links, no island.

use crate::app::absolute;
use crate::commerce::Currency;
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

/// The page's whole address (language prefix included), for the currency switcher and the
/// forms that come back to the page (a card's heart).
#[cfg(feature = "ssr")]
pub fn this_address() -> String {
    use_context::<axum::http::request::Parts>()
        .and_then(|p| p.uri.path_and_query().map(|pq| pq.to_string()))
        .unwrap_or_else(|| "/".into())
}

/// The currencies the backend prices in, and the one this page shows.
#[cfg(feature = "ssr")]
fn currencies() -> (Vec<Currency>, Option<Currency>) {
    crate::api::context::backend()
        .map(|b| (b.currencies(), Some(b.currency())))
        .unwrap_or_default()
}

/// (Drawn on the server only; the browser never redraws these.)
#[cfg(not(feature = "ssr"))]
fn this_page() -> String {
    "/".into()
}

#[cfg(not(feature = "ssr"))]
fn this_address() -> String {
    "/".into()
}

#[cfg(not(feature = "ssr"))]
fn currencies() -> (Vec<Currency>, Option<Currency>) {
    Default::default()
}

/// One link per currency the store can charge in ("€ EUR · Euro"), or nothing when it has
/// only one.
fn currency_links() -> Option<impl IntoView> {
    let (offered, here) = currencies();
    let page = this_address();
    (offered.len() > 1).then(|| {
        offered
            .into_iter()
            .map(|c| {
                let href = format!(
                    "/currency/{}?to={}",
                    c.code(),
                    crate::api::listing::form_urlencode(&page)
                );
                view! {
                    <li>
                        <a href=href aria-current=(Some(c) == here).then_some("true")>
                            <span class="currency__code">{w!(symbol)(c)}" "{c.code()}</span>
                            " "<span class="currency__name">{w!(currency_name)(c)}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    })
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
    let (offered, here) = currencies();
    let shown = here.filter(|_| offered.len() > 1);
    view! {
        <details class="languages">
            <summary>
                <span class="visually-hidden">{w!(LANGUAGE)}": "</span>
                <span lang=crate::words::current().code()>{crate::words::current().autonym()}</span>
                {shown.map(|c| view! {
                    <span class="visually-hidden">", "{w!(CURRENCY)}": "</span>
                    <span class="languages__currency">{c.code()}</span>
                })}
            </summary>
            <div class="languages__panel">
                <ul class="languages__list">{links(&page)}</ul>
                {currency_links().map(|links| view! {
                    <h2 class="languages__heading">{w!(CURRENCY)}</h2>
                    <ul class="languages__list">{links}</ul>
                })}
            </div>
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
            {currency_links().map(|links| view! {
                <h2 class="visually-hidden">{w!(CURRENCY)}</h2>
                <ul class="languages__row">{links}</ul>
            })}
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
