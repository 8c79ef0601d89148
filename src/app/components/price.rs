//! A price as shoppers read it: the amount, and on sale the struck-through regular price and
//! the saving, with words for screen readers where the styling carries the meaning.

use crate::commerce::Money;
use crate::w;
use leptos::prelude::*;

#[component]
pub fn Price(
    price: Money,
    /// The regular price when this one is a sale price.
    #[prop(default = None)]
    compare_at: Option<Money>,
    /// Variants differ in price: prefix "From".
    #[prop(optional)]
    from: bool,
) -> impl IntoView {
    let prefix = from.then(|| format!("{} ", w!(FROM)));
    match compare_at.and_then(|was| price.percent_off(was).map(|pct| (was, pct))) {
        Some((was, pct)) => view! {
            <p class="price price--sale">
                <span class="visually-hidden">{w!(SALE_PRICE)}</span>
                <span class="price__now">{prefix}{price.to_string()}</span>
                <span class="visually-hidden">{w!(REGULAR_PRICE)}</span>
                <s class="price__was">{was.to_string()}</s>
                <span class="badge badge--sale">{w!(percent_off)(pct)}</span>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="price">
                <span class="price__now">{prefix}{price.to_string()}</span>
            </p>
        }
        .into_any(),
    }
}
