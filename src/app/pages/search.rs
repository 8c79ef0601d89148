//! /search?q=…: results for what the shopper typed, as a crawlable, shareable listing; when
//! nothing matches, the categories to browse instead.

use super::or_problem;
use crate::api::catalog::search;
use crate::app::components::{pagination::Pagination, product_card::ProductGrid};
use crate::app::{strings, CategoriesResource};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            q.get("q").unwrap_or_default(),
            q.get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(1),
        )
    };
    let results = Resource::new(key, |(q, page)| search(q, page));
    view! {
        <Meta name="robots" content="noindex, follow"/>
        <Suspense fallback=|| view! { <p class="loading">{strings::LOADING}</p> }>
            {move || results.get().map(|r| or_problem(r, |found| {
                let encoded: String = form_urlencoded(&found.query);
                let base = format!("/search?q={encoded}");
                let page = found.products.page;
                let pages = found.products.page_count();
                let empty = found.products.items.is_empty();
                view! {
                    <Title text=strings::search_title(&found.query)/>
                    <header class="listing-header">
                        <h1>{strings::search_title(&found.query)}</h1>
                        <p class="listing-header__count" data-testid="search-count">{strings::products_count(found.products.total)}</p>
                    </header>
                    {if empty {
                        view! { <NoResults query=found.query.clone()/> }.into_any()
                    } else {
                        view! {
                            <ProductGrid products=found.products.items/>
                            <Pagination base page pages/>
                        }.into_any()
                    }}
                }.into_any()
            }))}
        </Suspense>
    }
}

#[component]
fn NoResults(query: String) -> impl IntoView {
    let categories = expect_context::<CategoriesResource>();
    view! {
        <div class="empty-state" data-testid="no-results">
            <p>{strings::no_results(&query)}</p>
            <ul class="chips">
                {move || categories.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|c| view! {
                    <li><a class="chip" href=format!("/c/{}", c.handle)>{c.name}</a></li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// `application/x-www-form-urlencoded`, as a GET form would write it.
fn form_urlencoded(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
