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

#[cfg(feature = "ssr")]
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    tokio::join!(a, b)
}
