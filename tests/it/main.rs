//! The integration tests, in one binary so that the 2-core CI links them once, not fourteen
//! times. Each module is one journey of the storefront against a real store.

mod common;

mod accounts_api;
mod attack;
mod bundles_api;
mod cart_api;
mod cart_shown;
mod catalogue_languages;
mod checkout_api;
mod checkout_shown;
mod contract;
mod coupons_api;
mod currencies;
mod discovery_api;
mod disk_full;
mod embedded_store;
mod experiments_api;
mod gift_and_details_api;
mod insights_api;
mod instances;
mod killed_mid_checkout;
mod languages;
mod page_cache;
mod pages;
mod reviews_api;
mod search_api;
mod search_engines;
mod shared_secret;
mod style_tokens;
mod tracking_api;
mod vendure_faults;
mod widget_api;
mod wishlist_api;
mod words_only;
