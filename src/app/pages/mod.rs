pub mod account;
pub mod cart;
pub mod category;
pub mod checkout;
mod checkout_address;
mod checkout_summary;
#[cfg(any(feature = "ssr", feature = "design"))]
pub mod gallery;
#[cfg(any(feature = "ssr", feature = "design"))]
mod gallery_fixtures;
pub mod home;
mod listing;
pub mod not_found;
pub mod order;
pub mod order_lookup;
pub mod privacy;
pub mod product;
pub mod search;

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
