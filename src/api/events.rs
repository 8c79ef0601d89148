//! Recording the funnel's steps from a request: who the shopper is (a random visitor id in
//! the store's own cookie, only with consent and without Do Not Track or Global Privacy
//! Control), and nothing else about them: no address, no user agent.

use crate::analytics::{asks_not_to_be_tracked, Event, Step};
use crate::api::cart::ssr::set_cookie;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use leptos::prelude::*;

pub const VISITOR_COOKIE: &str = "vitrine_visitor";
/// As long as the profile it goes with (180 days), in seconds.
pub const VISITOR_MAX_AGE: u32 = 180 * 86_400;

/// The visitor id the headers' cookie carries, if it could be ours, whatever the consent.
pub fn recorded_in(headers: &HeaderMap) -> Option<String> {
    crate::api::cart::ssr::cookie_pairs(headers)
        .find(|(k, _)| *k == VISITOR_COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| crate::hex::could_be_random::<16>(v))
}

/// The visitor id a request's headers carry, when that shopper may be followed: consent
/// given, no DNT/GPC, and an id that could be ours.
pub fn visitor_in(headers: &HeaderMap) -> Option<String> {
    if !may_follow(headers) {
        return None;
    }
    recorded_in(headers)
}

/// Consent given and no request not to be tracked.
pub fn may_follow(headers: &HeaderMap) -> bool {
    let consented = crate::api::cart::ssr::cookie_pairs(headers)
        .any(|(k, v)| k == crate::api::profile::ssr::CONSENT_COOKIE && v == "yes");
    consented
        && !asks_not_to_be_tracked(|name| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        })
}

/// This request's visitor: the cookie's id, or a new one (set now) when the shopper may be
/// followed and has none yet; `None` for everyone else, who is only counted.
fn visitor() -> Option<String> {
    let parts = use_context::<Parts>()?;
    if !may_follow(&parts.headers) {
        return None;
    }
    visitor_in(&parts.headers).or_else(|| {
        let id = crate::hex::random::<16>();
        set_cookie(VISITOR_COOKIE, &id, VISITOR_MAX_AGE);
        Some(id)
    })
}

/// Records `step` for this request. Never fails and never waits.
pub fn record(step: Step, fill: impl FnOnce(&mut Event)) {
    let Ok(data) = crate::api::context::storefront() else {
        return;
    };
    if !data.records() {
        return;
    }
    let mut event = Event::new(crate::api::clock::now(), step);
    fill(&mut event);
    event.visitor = visitor();
    crate::api::page_copy::recorded(&event);
    data.events().record(event);
}

/// The id this browser's steps were recorded under, if any (the privacy centre's).
pub fn recorded_as() -> Option<String> {
    recorded_in(&use_context::<Parts>()?.headers)
}

/// Deletes what was recorded under this browser's id and forgets the id.
pub async fn forget() {
    if let (Some(id), Ok(data)) = (recorded_as(), crate::api::context::storefront()) {
        if data.forget_visitor(&id).await.is_err() {
            tracing::warn!("could not delete a visitor's events");
        }
    }
    set_cookie(VISITOR_COOKIE, "", 0);
}

/// The cookie naming the site whose widget sent the shopper to checkout: the site only, for
/// a day, so that the order can be counted as that site's sale.
const VIA_COOKIE: &str = "vitrine_via";
const VIA_MAX_AGE: u32 = 86_400;

/// Remembers that this shopper's checkout came from the widget on `site`.
pub fn came_from_site(site: &str) {
    // An origin is letters, digits, ':', '/', '.', '-', '[' and ']': nothing a cookie value
    // may not hold.
    let plain = site
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ":/.-[]".contains(c));
    if plain {
        set_cookie(VIA_COOKIE, site, VIA_MAX_AGE);
    }
}

/// Records order `code` (its `total` in `currency`) as the sale of the site whose widget
/// sent this shopper, if one did, and forgets the site.
pub fn record_site_sale(code: &str, total: i64, currency: &str) {
    let Some(parts) = use_context::<Parts>() else {
        return;
    };
    let Some(site) = crate::api::cart::ssr::cookie_pairs(&parts.headers)
        .find(|(k, _)| *k == VIA_COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
    else {
        return;
    };
    record(Step::WidgetSale, |e| {
        e.subject = site;
        e.page = code.to_string();
        e.value = total;
        e.currency = currency.to_string();
    });
    set_cookie(VIA_COOKIE, "", 0);
}
