// Pages whose islands are forms (checkout, account, orders, privacy): their islands travel in
// the second browser bundle (feature `forms`), so the browse bundle carries none of them; and
// the browse pages' own islands (product panel, cart page, filters) stay out of the forms
// bundle, whose pages never show them.
#[cfg(any(feature = "ssr", feature = "forms"))]
pub mod account;
#[cfg(any(feature = "ssr", feature = "design", not(feature = "forms")))]
pub mod cart;
#[cfg(any(feature = "ssr", feature = "design", not(feature = "forms")))]
pub mod category;
#[cfg(any(feature = "ssr", feature = "forms"))]
pub mod checkout;
#[cfg(any(feature = "ssr", feature = "forms"))]
mod checkout_address;
#[cfg(any(feature = "ssr", feature = "forms"))]
mod checkout_summary;
#[cfg(any(feature = "ssr", feature = "design"))]
pub mod gallery;
#[cfg(any(feature = "ssr", feature = "design"))]
mod gallery_fixtures;
#[cfg(any(feature = "ssr", feature = "design", not(feature = "forms")))]
pub mod home;
#[cfg(any(feature = "ssr", feature = "design", not(feature = "forms")))]
mod listing;
pub mod not_found;
#[cfg(any(feature = "ssr", feature = "forms"))]
pub mod order;
#[cfg(any(feature = "ssr", feature = "forms"))]
pub mod order_lookup;
#[cfg(any(feature = "ssr", feature = "forms"))]
pub mod privacy;
#[cfg(any(feature = "ssr", feature = "design", not(feature = "forms")))]
pub mod product;
#[cfg(feature = "ssr")]
pub mod review;
#[cfg(any(feature = "ssr", feature = "design", not(feature = "forms")))]
pub mod search;
#[cfg(feature = "ssr")]
pub mod wishlist;

use crate::api::ApiError;
use leptos::prelude::*;

/// Renders a page's data, or the page a shopper should see instead: 404 for what does not
/// exist, the error page (503) when the backend failed. The header and cart stay either way.
pub fn or_problem<T>(result: Result<T, ApiError>, page: impl FnOnce(T) -> AnyView) -> AnyView {
    match result {
        Ok(data) => page(data),
        Err(ApiError::NotFound(_)) => view! { <not_found::NotFound/> }.into_any(),
        Err(e) => view! { <not_found::ErrorPage error=e/> }.into_any(),
    }
}
