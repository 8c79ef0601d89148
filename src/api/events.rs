//! Recording the funnel's steps from a request: who the shopper is (a random visitor id in
//! the store's own cookie, only with consent and without Do Not Track or Global Privacy
//! Control), and nothing else about them: no address, no user agent.

use crate::analytics::{asks_not_to_be_tracked, Event, Step};
use crate::api::cart::ssr::{cookie_value, set_cookie};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use leptos::prelude::*;

pub const VISITOR_COOKIE: &str = "vitrine_visitor";
/// As long as the profile it goes with.
const VISITOR_DAYS: u32 = 180;

/// The visitor id a request's headers carry, when that shopper may be followed: consent
/// given, no DNT/GPC, and an id that could be ours.
pub fn visitor_in(headers: &HeaderMap) -> Option<String> {
    if !may_follow(headers) {
        return None;
    }
    crate::api::cart::ssr::cookie_pairs(headers)
        .find(|(k, _)| *k == VISITOR_COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| crate::hex::could_be_random::<16>(v))
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
        set_cookie(VISITOR_COOKIE, &id, VISITOR_DAYS * 86_400);
        Some(id)
    })
}

/// Records `step` for this request. Never fails and never waits.
pub fn record(step: Step, fill: impl FnOnce(&mut Event)) {
    let Ok(data) = crate::api::context::storefront() else {
        return;
    };
    let mut event = Event::new(crate::api::clock::now(), step);
    fill(&mut event);
    event.visitor = visitor();
    data.events().record(event);
}

/// The id this browser's steps were recorded under, if any (the privacy centre's).
pub fn recorded_as() -> Option<String> {
    let parts = use_context::<Parts>()?;
    cookie_value(&parts, VISITOR_COOKIE).filter(|v| crate::hex::could_be_random::<16>(v))
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
