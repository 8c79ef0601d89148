//! The shopper profile over HTTP: the consent choice, what is recorded with it, and the
//! privacy centre's view, export and deletion. Nothing is recorded until the shopper agrees.

use super::ApiError;
use crate::discovery::Profile;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Consent {
    /// No choice yet: the banner asks.
    Unasked,
    Granted,
    Refused,
}

impl Consent {
    /// Its name as JSON writes it: in the choice's answer and in the page (`data-consent`).
    pub fn name(self) -> &'static str {
        match self {
            Consent::Unasked => "Unasked",
            Consent::Granted => "Granted",
            Consent::Refused => "Refused",
        }
    }

    pub fn from_name(name: &str) -> Option<Consent> {
        [Consent::Unasked, Consent::Granted, Consent::Refused]
            .into_iter()
            .find(|c| c.name() == name)
    }
}

/// What the privacy centre shows: the choice and everything recorded under it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrivacyData {
    pub consent: Consent,
    pub profile: Profile,
    /// Seconds since the epoch, so "2 days ago" reads the same on server and browser.
    pub now: i64,
}

#[server(endpoint = "profile/consent", output = crate::api::Answer)]
pub async fn get_consent() -> Result<Consent, ApiError> {
    Ok(ssr::consent())
}

/// Records the shopper's choice. Saying no (or withdrawing) deletes whatever was recorded.
#[server(endpoint = "profile/choose", output = crate::api::Answer)]
pub async fn choose_consent(allow: bool) -> Result<Consent, ApiError> {
    let consent = if allow {
        Consent::Granted
    } else {
        Consent::Refused
    };
    ssr::set_consent(consent);
    if !allow {
        ssr::forget();
        // Withdrawing consent deletes what was recorded under this browser's id too.
        super::events::forget().await;
    }
    super::cart::ssr::after_plain_form(&ssr::back_to());
    Ok(consent)
}

#[server(endpoint = "profile", output = crate::api::Answer)]
pub async fn get_privacy() -> Result<PrivacyData, ApiError> {
    Ok(PrivacyData {
        consent: ssr::consent(),
        profile: ssr::profile().unwrap_or_default(),
        now: super::clock::now(),
    })
}

/// The privacy centre as its page draws it, for the page to put in place after a choice or a
/// deletion. `verified`: the browser has checked that its own copy of the profile is gone,
/// so an empty record may be said to be deleted everywhere.
#[server(endpoint = "profile/shown", output = crate::api::PartsAnswer)]
pub async fn privacy_shown(#[server(default)] verified: bool) -> Result<String, ApiError> {
    let (data, activity) = crate::app::privacy_centre_data().await?;
    Ok(crate::app::shown_privacy(data, activity, verified))
}

/// Deletes the profile and keeps the consent choice (a shopper may start afresh).
#[server(endpoint = "profile/delete", output = crate::api::Answer)]
pub async fn delete_profile() -> Result<PrivacyData, ApiError> {
    ssr::forget();
    super::events::forget().await;
    super::cart::ssr::after_plain_form("/privacy");
    Ok(PrivacyData {
        consent: ssr::consent(),
        profile: Profile::default(),
        now: super::clock::now(),
    })
}

/// How many steps the store's statistics recorded under this browser's id.
#[server(endpoint = "profile/activity", output = crate::api::Answer)]
pub async fn activity_count() -> Result<u64, ApiError> {
    let Some(id) = super::events::recorded_as() else {
        return Ok(0);
    };
    let data = super::context::storefront()?;
    let events = data
        .visitor_events(&id)
        .await
        .map_err(|_| ApiError::Unavailable)?;
    Ok(events.len() as u64)
}

/// The profile as a JSON download (the privacy centre's "Export").
#[server(endpoint = "profile/export", input = leptos::server_fn::codec::GetUrl, output = crate::api::Answer)]
pub async fn export_profile() -> Result<Profile, ApiError> {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            axum::http::header::CONTENT_DISPOSITION,
            axum::http::HeaderValue::from_static("attachment; filename=\"vitrine-profile.json\""),
        );
    }
    Ok(ssr::profile().unwrap_or_default())
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::Consent;
    use crate::api::cart::ssr::{cookie_value, set_cookie};
    use crate::api::signed_cookie;
    use crate::discovery::profile::Event;
    use crate::discovery::{Affinity, Profile};
    use axum::http::request::Parts;
    use leptos::prelude::*;

    pub const CONSENT_COOKIE: &str = "vitrine_consent";
    pub const PROFILE_COOKIE: &str = "vitrine_profile";
    const CONSENT_DAYS: u32 = 365;
    const PROFILE_DAYS: u32 = 180;

    pub fn consent() -> Consent {
        let value = use_context::<Parts>().and_then(|p| cookie_value(&p, CONSENT_COOKIE));
        match value.as_deref() {
            Some("yes") => Consent::Granted,
            Some("no") => Consent::Refused,
            _ => Consent::Unasked,
        }
    }

    pub fn set_consent(consent: Consent) {
        let value = if consent == Consent::Granted {
            "yes"
        } else {
            "no"
        };
        set_cookie(CONSENT_COOKIE, value, CONSENT_DAYS * 86_400);
    }

    /// The signed profile, only while consent stands; a forged or oversized one is ignored.
    pub fn profile() -> Option<Profile> {
        if consent() != Consent::Granted {
            return None;
        }
        let mut p: Profile = signed_cookie::read(PROFILE_COOKIE)?;
        p.fit();
        Some(p)
    }

    /// The shopper's taste now, when they agreed to personalisation and there is any.
    pub fn taste() -> Option<Affinity> {
        profile()
            .map(|p| p.affinity(crate::api::clock::now()))
            .filter(|a| !a.is_empty())
    }

    /// Adds `event` to the profile, only with consent.
    pub fn record(event: Event) {
        if consent() != Consent::Granted {
            return;
        }
        let mut p = profile().unwrap_or_default();
        p.record(event);
        signed_cookie::write(PROFILE_COOKIE, &p, PROFILE_DAYS * 86_400);
    }

    /// Records something done to a whole product (viewed, added, bought).
    pub fn record_product(
        kind: crate::discovery::profile::Kind,
        product: &crate::commerce::Product,
    ) {
        let Some(cheapest) = product.variants.iter().min_by_key(|v| v.price.minor) else {
            return;
        };
        let summary = crate::commerce::ProductSummary {
            handle: product.handle.clone(),
            name: product.name.clone(),
            brand: product.brand.clone(),
            image: product
                .images
                .first()
                .cloned()
                .unwrap_or(crate::commerce::Image {
                    url: String::new(),
                    alt: String::new(),
                    srcset: None,
                    avif: None,
                }),
            price: cheapest.price,
            compare_at: None,
            price_varies: false,
            in_stock: true,
            rating: None,
            saved: false,
        };
        let now = crate::api::clock::now();
        record(Event::of(kind, &summary, &product.category.handle, now));
    }

    /// Records `kind` for each of `handles` (added to cart, bought), only with consent.
    pub async fn record_handles(kind: crate::discovery::profile::Kind, handles: &[String]) {
        if consent() != Consent::Granted || handles.is_empty() {
            return;
        }
        let Ok(backend) = crate::api::context::backend() else {
            return;
        };
        let query = crate::commerce::backend::ItemQuery {
            handles: Some(handles.to_vec()),
            limit: handles.len() as u32,
            ..Default::default()
        };
        // A profile is a convenience: failing to update it must not fail the purchase.
        let Ok(items) = backend.items(&query).await else {
            return;
        };
        let mut p = profile().unwrap_or_default();
        let now = crate::api::clock::now();
        for item in &items {
            p.record(Event::product(kind, item, now));
        }
        signed_cookie::write(PROFILE_COOKIE, &p, PROFILE_DAYS * 86_400);
    }

    pub fn consented() -> bool {
        consent() == Consent::Granted
    }

    pub fn forget() {
        signed_cookie::clear(PROFILE_COOKIE);
    }

    /// Where a plain form post returns to: the page it came from, if it is ours.
    pub fn back_to() -> String {
        use_context::<Parts>()
            .and_then(|p| p.headers.get(axum::http::header::REFERER).cloned())
            .and_then(|v| v.to_str().ok().map(str::to_string))
            .and_then(|r| {
                // Only a path on this site: never redirect elsewhere.
                let path = r.split_once("://").map_or(r.as_str(), |(_, rest)| {
                    rest.find('/').map_or("/", |i| &rest[i..])
                });
                (path.starts_with('/') && !path.starts_with("//"))
                    .then(|| crate::words::Locale::split(path).1.to_string())
            })
            .unwrap_or_else(|| "/".into())
    }
}
