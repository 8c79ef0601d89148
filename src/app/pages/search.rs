//! /search?q=…: results for what the shopper typed (misspellings corrected, synonyms found),
//! as a crawlable, shareable listing with filters.

use super::listing::{params_from_url, ListingBody};
use super::or_problem;
use crate::api::listing::get_listing;
use crate::w;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn SearchPage() -> impl IntoView {
    let params = params_from_url();
    let listing = Resource::new(params, get_listing);
    view! {
        <Meta name="robots" content="noindex, follow"/>
        <div class="listing-page" data-testid="listing">
        <Transition fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
            {move || listing.get().map(|r| or_problem(r, |found| {
                let q = found.params.q.clone();
                let corrected = found.corrected.clone();
                view! {
                    <Title text=w!(search_title)(&q)/>
                    <header class="listing-header">
                        <h1>{w!(search_title)(&q)}</h1>
                        {corrected.map(|c| view! {
                            <p class="listing-header__corrected" data-testid="corrected">
                                {w!(no_exact_match)(&q)}" "<strong>{w!(showing_results_for)(&c)}</strong>
                            </p>
                        })}
                        <p class="listing-header__count" data-testid="search-count">{w!(products_count)(found.products.total)}</p>
                    </header>
                    <ListingBody listing=found/>
                }.into_any()
            }))}
        </Transition>
        </div>
    }
}
