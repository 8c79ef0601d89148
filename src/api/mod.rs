//! Server functions: the only way the browser (and later the widget) reaches the server.
//! Every argument is validated here before a backend sees it.

#[cfg(feature = "ui")]
pub mod account;
#[cfg(feature = "ui")]
mod answer;
#[cfg(feature = "ui")]
pub mod bundles;
#[cfg(feature = "ssr")]
pub mod cards;
#[cfg(feature = "ui")]
pub mod cart;
#[cfg(feature = "ui")]
pub mod cart_shown;
#[cfg(feature = "ui")]
pub mod catalog;
// One argument per form field keeps the field names plain for the no-JS form post; the
// server macro's generated functions do not carry a per-item allow.
#[allow(clippy::too_many_arguments)]
#[cfg(feature = "ui")]
pub mod checkout;
#[cfg(feature = "ui")]
pub mod checkout_shown;
#[cfg(feature = "ssr")]
pub mod client;
#[cfg(feature = "ui")]
pub mod details;
mod error;
#[cfg(feature = "ui")]
pub mod error_wire;
#[cfg(feature = "ssr")]
pub mod events;
#[cfg(feature = "ssr")]
pub mod experiments;
#[cfg(feature = "ssr")]
mod guessing;
#[cfg(feature = "ssr")]
pub mod learned;
#[cfg(feature = "ui")]
pub mod listing;
#[cfg(feature = "ui")]
pub mod orders;
#[cfg(feature = "ssr")]
pub mod page_copy;
#[cfg(feature = "ssr")]
mod placing;
#[cfg(feature = "ui")]
pub mod profile;
#[cfg(feature = "ssr")]
pub mod rate_limit;
#[cfg(feature = "ui")]
pub mod recommend;
// One argument per form field, as for checkout.
#[allow(clippy::too_many_arguments)]
#[cfg(feature = "ui")]
pub mod reviews;
#[cfg(feature = "ui")]
pub mod rules;
#[cfg(feature = "ssr")]
mod signed_cookie;
#[cfg(feature = "ssr")]
mod validate;
#[cfg(feature = "ssr")]
pub mod widget;
#[cfg(feature = "ui")]
pub mod wishlist;

#[cfg(feature = "ui")]
pub use answer::{read_parts, Answer, InParts, JsonText, PartsAnswer};
pub use error::ApiError;

#[cfg(feature = "ssr")]
pub(crate) mod context {
    use crate::api::rate_limit::RateLimit;
    use crate::api::ApiError;
    use crate::commerce::backend::Commerce;
    use crate::server::signing::Signer;
    use leptos::prelude::*;
    use std::sync::Arc;

    /// What every server function may use; provided per request by the server.
    #[derive(Clone)]
    pub struct Services {
        pub backend: Arc<dyn Commerce>,
        pub signer: Signer,
        /// Guessable attempts (order lookups, sign-ins), per client address and per target.
        pub attempts: Arc<RateLimit>,
        pub learned: Arc<crate::api::learned::Learned>,
        pub storefront: crate::storefront::StorefrontData,
        pub reviews_moderated: bool,
        /// Votes and reports on reviews, per client address.
        pub votes: Arc<RateLimit>,
        /// The theme laid over the tokens (`VITRINE_THEME`), by name.
        pub theme: Option<Arc<str>>,
        pub trusted_proxies: crate::api::client::TrustedProxies,
        /// Where shoppers reach the store (`VITRINE_PUBLIC_URL`, else the listening address):
        /// canonical links are absolute on it.
        pub public_origin: Arc<str>,
    }

    fn services() -> Result<Services, ApiError> {
        use_context::<Services>().ok_or(ApiError::Unavailable)
    }

    /// The backend, answering in the request's language and currency.
    pub fn backend() -> Result<Arc<dyn Commerce>, ApiError> {
        services().map(|s| {
            s.backend
                .in_language(crate::words::current().code())
                .in_currency(crate::server::currency::current())
        })
    }

    pub fn signer() -> Result<Signer, ApiError> {
        services().map(|s| s.signer)
    }

    pub fn attempts() -> Result<Arc<RateLimit>, ApiError> {
        services().map(|s| s.attempts)
    }

    pub fn storefront() -> Result<crate::storefront::StorefrontData, ApiError> {
        services().map(|s| s.storefront)
    }

    pub fn reviews_moderated() -> bool {
        services().is_ok_and(|s| s.reviews_moderated)
    }

    pub fn votes() -> Result<Arc<RateLimit>, ApiError> {
        services().map(|s| s.votes)
    }

    pub fn learned() -> Result<Arc<crate::api::learned::Learned>, ApiError> {
        services().map(|s| s.learned)
    }

    pub fn trusted_proxies() -> crate::api::client::TrustedProxies {
        services().map(|s| s.trusted_proxies).unwrap_or_default()
    }

    pub fn public_origin() -> Option<Arc<str>> {
        services().ok().map(|s| s.public_origin)
    }

    pub fn theme() -> Option<Arc<str>> {
        services().ok().and_then(|s| s.theme)
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod clock {
    /// Seconds since the Unix epoch.
    pub fn now() -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}
