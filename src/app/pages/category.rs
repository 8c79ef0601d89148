//! A category listing: product cards, numbered pages, all in the URL.

use super::or_problem;
use crate::api::catalog::get_category;
use crate::app::components::{pagination::Pagination, product_card::ProductGrid};
use crate::app::strings;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let handle = params.read().get("handle").unwrap_or_default();
        let page = query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1);
        (handle, page)
    };
    let listing = Resource::new(key, |(handle, page)| get_category(handle, page));

    view! {
        <Suspense fallback=|| view! { <p class="loading">{strings::LOADING}</p> }>
            {move || listing.get().map(|r| or_problem(r, |l| {
                let base = format!("/c/{}", l.category.handle);
                let page = l.products.page;
                let pages = l.products.page_count();
                let canonical = if page > 1 { format!("{base}?page={page}") } else { base.clone() };
                let title = if page > 1 {
                    format!("{} — {}", l.category.name, strings::page_of(page, pages))
                } else {
                    l.category.name.clone()
                };
                view! {
                    <Title text=title/>
                    <Meta name="description" content=l.category.description.clone()/>
                    <Link rel="canonical" href=canonical/>
                    <nav class="breadcrumbs" aria-label="Breadcrumb">
                        <ol>
                            <li><a href="/">{strings::HOME}</a></li>
                            <li><span aria-current="page">{l.category.name.clone()}</span></li>
                        </ol>
                    </nav>
                    <header class="listing-header">
                        <h1>{l.category.name}</h1>
                        <p class="listing-header__lead">{l.category.description}</p>
                        <p class="listing-header__count">{strings::products_count(l.products.total)}</p>
                    </header>
                    <ProductGrid products=l.products.items/>
                    <Pagination base page pages/>
                }.into_any()
            }))}
        </Suspense>
    }
}
