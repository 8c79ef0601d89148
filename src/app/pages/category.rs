//! A category listing: filters, sort and numbered pages, all in the URL.

use super::listing::{params_from_url, ListingBody};
use super::or_problem;
use crate::api::listing::get_listing;
use crate::app::components::structured_data::{self, JsonLd};
use crate::app::local;
use crate::w;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn CategoryPage() -> impl IntoView {
    let path = use_params_map();
    let query = params_from_url();
    let key = move || {
        let mut p = query();
        p.category = path.read().get("handle").unwrap_or_default();
        p
    };
    let listing = Resource::new(key, get_listing);

    view! {
        <div class="listing-page" data-testid="listing">
        <Transition fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
            {move || listing.get().map(|r| or_problem(r, |l| {
                let Some(category) = l.category.clone() else {
                    return view! { <super::not_found::NotFound/> }.into_any();
                };
                let page = l.products.page;
                let pages = l.products.page_count();
                // Filtered and sorted variants are the same page to a search engine.
                let base = format!("/c/{}", category.handle);
                let canonical = if page > 1 { format!("{base}?page={page}") } else { base };
                let title = if page > 1 {
                    format!("{} — {}", category.name, w!(page_of)(page, pages))
                } else {
                    category.name.clone()
                };
                view! {
                    <Title text=title/>
                    <Meta name="description" content=if category.description.trim().is_empty() {
                        w!(category_description)(&category.name, category.product_count)
                    } else {
                        category.description.clone()
                    }/>
                    <Link rel="canonical" href=crate::app::absolute(&crate::app::local(&canonical))/>
                    <crate::app::components::languages::Alternates path=canonical/>
                    <JsonLd data=structured_data::breadcrumbs(&category, None)/>
                    <nav class="breadcrumbs" aria-label=w!(BREADCRUMB)>
                        <ol>
                            <li><a href=local("/")>{w!(HOME)}</a></li>
                            <li><span aria-current="page">{category.name.clone()}</span></li>
                        </ol>
                    </nav>
                    <header class="listing-header">
                        <h1>{category.name}</h1>
                        <p class="listing-header__lead">{category.description}</p>
                        <p class="listing-header__count" data-testid="listing-count">{w!(products_count)(l.products.total)}</p>
                    </header>
                    <ListingBody listing=l/>
                }.into_any()
            }))}
        </Transition>
        </div>
    }
}
