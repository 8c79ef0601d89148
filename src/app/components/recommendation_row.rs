//! A row of recommended products with the reason it is shown, scrollable sideways.

use super::product_card::ProductCard;
use crate::api::recommend::Row;
use crate::w;
use leptos::prelude::*;

/// How wide a row's card is drawn (`discovery.css`: 10 rem while the row scrolls, then a
/// quarter of the page less the gaps; measured in Chromium at 412, 1024 and 1280 px).
const ROW_SIZES: &str = "(max-width: 1023px) 160px, (max-width: 1199px) calc(25vw - 20px), 280px";

#[component]
pub fn RecommendationRow(
    row: Row,
    /// Names the row for tests and for `aria-labelledby`.
    id: &'static str,
    /// On the cart page "bought together" reads as "goes with your cart".
    #[prop(optional)]
    in_cart: bool,
) -> impl IntoView {
    let (title, why) = w!(row_text)(&row.reason, in_cart);
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section class="section recommendation" id=id data-testid=id aria-labelledby=labelled_by>
            <h2 id=heading class="section__title">{title}</h2>
            <p class="recommendation__why">{why}</p>
            <ul class="product-row">
                {row.products.into_iter().map(|p| view! { <li><ProductCard product=p sizes=ROW_SIZES/></li> }).collect_view()}
            </ul>
        </section>
    }
}
