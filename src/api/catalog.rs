//! Browsing: home, categories, product pages. Listings (search, category pages) are in
//! `listing`.

use super::ApiError;
use crate::commerce::{Category, Product, ProductSummary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub categories: Vec<Category>,
    pub featured: Vec<ProductSummary>,
}

#[server(endpoint = "catalog/categories", output = crate::api::Answer)]
pub async fn get_categories() -> Result<Vec<Category>, ApiError> {
    Ok(super::context::backend()?.categories().await?)
}

#[server(endpoint = "catalog/home", output = crate::api::Answer)]
pub async fn get_home() -> Result<HomeData, ApiError> {
    use crate::commerce::backend::ProductQuery;
    let backend = super::context::backend()?;
    let query = ProductQuery {
        featured_only: true,
        page: 1,
        per_page: 8,
        ..Default::default()
    };
    let (categories, featured) = futures_join(backend.categories(), backend.products(&query)).await;
    let mut featured = featured?.items;
    super::cards::dress_all(&mut featured).await;
    Ok(HomeData {
        categories: categories?,
        featured,
    })
}

#[server(endpoint = "catalog/product", output = crate::api::Answer)]
pub async fn get_product(handle: String) -> Result<Product, ApiError> {
    let handle = super::validate::handle(&handle)?;
    let product = super::context::backend()?.product(&handle).await?;
    super::profile::ssr::record_product(crate::discovery::profile::Kind::View, &product);
    Ok(product)
}

/// The parts of a product page that change with the variant, drawn on the server: the gallery,
/// and the price, stock, options and buttons.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownVariant {
    pub gallery: String,
    pub buy: String,
}

impl crate::api::InParts for ShownVariant {
    fn parts(&self) -> Vec<String> {
        vec![self.gallery.clone(), self.buy.clone()]
    }

    fn from_parts(parts: Vec<&str>) -> Option<ShownVariant> {
        let [gallery, buy] = parts[..] else {
            return None;
        };
        Some(ShownVariant {
            gallery: gallery.to_string(),
            buy: buy.to_string(),
        })
    }
}

/// A product page's variant `variant` (empty: the one a page without it shows), as a chip
/// that chose it shows it. Not a view of the product: the page's own load counted that.
#[server(endpoint = "catalog/variant", output = crate::api::PartsAnswer)]
pub async fn variant_shown(handle: String, variant: String) -> Result<ShownVariant, ApiError> {
    let handle = super::validate::handle(&handle)?;
    let wanted = if variant.is_empty() {
        None
    } else {
        Some(super::validate::variant_id(&variant)?)
    };
    let backend = super::context::backend()?;
    let (product, saved) = futures_join(
        backend.product(&handle),
        super::wishlist::wishlist_has(handle.clone()),
    )
    .await;
    // A wishlist that cannot be read shows the product as not saved, as the page does.
    let (product, saved) = (product?, saved.unwrap_or(false));
    Ok(crate::app::shown_variant(
        &product,
        wanted.as_deref(),
        saved,
    ))
}

#[cfg(feature = "ssr")]
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    tokio::join!(a, b)
}
