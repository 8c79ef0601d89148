//! Browsing: home, categories, product pages.

use super::ApiError;
use crate::commerce::{Category, Page, Product, ProductSummary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Products shown on one listing page.
pub const PER_PAGE: u32 = 24;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub categories: Vec<Category>,
    pub featured: Vec<ProductSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryListing {
    pub category: Category,
    pub products: Page<ProductSummary>,
}

#[server(endpoint = "catalog/categories")]
pub async fn get_categories() -> Result<Vec<Category>, ApiError> {
    Ok(super::context::backend()?.categories().await?)
}

#[server(endpoint = "catalog/home")]
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
    Ok(HomeData {
        categories: categories?,
        featured: featured?.items,
    })
}

#[server(endpoint = "catalog/category")]
pub async fn get_category(handle: String, page: u32) -> Result<CategoryListing, ApiError> {
    use crate::commerce::backend::ProductQuery;
    let handle = super::validate::handle(&handle)?;
    let backend = super::context::backend()?;
    let category = backend.category(&handle).await?;
    let query = ProductQuery {
        category: Some(handle),
        page: super::validate::page(page),
        per_page: PER_PAGE,
        ..Default::default()
    };
    let products = backend.products(&query).await?;
    Ok(CategoryListing { category, products })
}

/// Products matching what the shopper typed, best match first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub products: Page<ProductSummary>,
}

#[server(endpoint = "catalog/search")]
pub async fn search(q: String, page: u32) -> Result<SearchResults, ApiError> {
    use crate::commerce::backend::ProductQuery;
    let q: String = q
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect();
    let products = super::context::backend()?
        .products(&ProductQuery {
            text: Some(q.clone()),
            page: super::validate::page(page),
            per_page: PER_PAGE,
            ..Default::default()
        })
        .await?;
    Ok(SearchResults { query: q, products })
}

#[server(endpoint = "catalog/product")]
pub async fn get_product(handle: String) -> Result<Product, ApiError> {
    let handle = super::validate::handle(&handle)?;
    Ok(super::context::backend()?.product(&handle).await?)
}

#[cfg(feature = "ssr")]
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    tokio::join!(a, b)
}
