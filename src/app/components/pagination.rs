//! Numbered pages as real links, so every page of a listing can be crawled and shared.

use crate::w;
use leptos::prelude::*;

/// Page numbers shown either side of the current one.
const WINDOW: u32 = 2;

/// `href` gives the link to page `n`, keeping the rest of the listing's URL.
#[component]
pub fn Pagination(
    #[prop(into)] href: Callback<u32, String>,
    page: u32,
    pages: u32,
    /// What the navigation is called, when a page has more than one.
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let first = page.saturating_sub(WINDOW).max(1);
    let last = (page + WINDOW).min(pages);
    (pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=label.unwrap_or(w!(PAGINATION))>
                <p class="visually-hidden">{w!(page_of)(page, pages)}</p>
                <ul class="pagination__list">
                    {(page > 1).then(|| view! {
                        <li><a class="pagination__step" rel="prev" href=href.run(page - 1)>{w!(PREVIOUS)}</a></li>
                    })}
                    {(first..=last)
                        .map(|n| {
                            if n == page {
                                view! { <li><span class="pagination__page" aria-current="page">{w!(count)(n)}</span></li> }.into_any()
                            } else {
                                view! { <li><a class="pagination__page" href=href.run(n)>{w!(count)(n)}</a></li> }.into_any()
                            }
                        })
                        .collect_view()}
                    {(page < pages).then(|| view! {
                        <li><a class="pagination__step" rel="next" href=href.run(page + 1)>{w!(NEXT)}</a></li>
                    })}
                </ul>
            </nav>
        }
    })
}
