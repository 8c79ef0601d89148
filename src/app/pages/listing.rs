//! What search results and category pages share: filters beside the products, pages, and
//! states that help when nothing matches.

use crate::api::listing::{Listing, ListingParams};
use crate::app::components::{
    listing_filters::ListingFilters, pagination::Pagination, product_card::ProductGrid,
};
use crate::app::local;
use crate::app::CategoriesResource;
use crate::w;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The listing's params from the current URL's query.
pub fn params_from_url() -> impl Fn() -> ListingParams + Copy {
    let query = use_query_map();
    move || {
        let map = query.read();
        ListingParams::from_query(|k| map.get_all(k).unwrap_or_default())
    }
}

#[component]
pub fn ListingBody(listing: Listing) -> impl IntoView {
    let params = listing.params.clone();
    let page = listing.products.page;
    let pages = listing.products.page_count();
    let empty = listing.products.items.is_empty();
    let filtered = !params.filters.is_empty();
    let href = {
        let params = params.clone();
        Callback::new(move |n: u32| params.href(n))
    };
    let clear_href = {
        let mut cleared = params.clone();
        cleared.filters = Default::default();
        cleared.href(1)
    };
    // What this render shows, in URL form: lets tests (and scripts) tell fresh results from
    // the previous ones still on screen while the next load.
    let shown = params.href(page);
    view! {
        <div class="listing" data-listing-href=shown>
            <ListingFilters params=listing.params.clone() facets=listing.facets.clone()/>
            <div class="listing__results">
                {listing.personalised.then(|| view! {
                    <p class="listing__note" data-testid="personalised-note">
                        {w!(PERSONALISED_NOTE)}" "<a href=local("/privacy")>{w!(PRIVACY_CENTRE)}</a>
                    </p>
                })}
                {if !empty {
                    view! {
                        <h2 class="visually-hidden">{w!(RESULTS)}</h2>
                        <ProductGrid products=listing.products.items/>
                        <Pagination href page pages/>
                    }.into_any()
                } else if filtered {
                    view! {
                        <div class="empty-state" data-testid="no-results">
                            <p>{w!(NO_MATCH_FILTERS)}</p>
                            <a class="button" href=clear_href>{w!(CLEAR_FILTERS)}</a>
                        </div>
                    }.into_any()
                } else {
                    view! { <NothingFound listing/> }.into_any()
                }}
            </div>
        </div>
    }
}

/// Nothing matched the words: a better search if there is one, the categories, and what
/// other shoppers buy.
#[component]
fn NothingFound(listing: Listing) -> impl IntoView {
    let categories = expect_context::<CategoriesResource>();
    let suggestion = listing.did_you_mean.clone().map(|q| {
        let href = ListingParams {
            q: q.clone(),
            ..Default::default()
        }
        .href(1);
        view! {
            <p class="did-you-mean" data-testid="did-you-mean">
                {w!(DID_YOU_MEAN)}" "<a href=href>{format!("“{q}”")}</a>"?"
            </p>
        }
    });
    view! {
        <div class="empty-state" data-testid="no-results">
            <p>{w!(no_results)(&listing.params.q)}</p>
            {suggestion}
            <h2 class="visually-hidden">{w!(BROWSE_CATEGORIES)}</h2>
            <ul class="chips">
                {move || categories.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|c| view! {
                    <li><a class="chip" href=local(&format!("/c/{}", c.handle))>{c.name}</a></li>
                }).collect_view()}
            </ul>
        </div>
        {(!listing.popular.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="popular-title">
                <h2 id="popular-title" class="section__title">{w!(POPULAR_NOW)}</h2>
                <ProductGrid products=listing.popular.clone()/>
            </section>
        })}
    }
}
