//! A product in a listing: picture, name, brand, price, and whether it can be bought.

use super::price::Price;
use crate::commerce::ProductSummary;
use crate::w;
use leptos::prelude::*;

/// Cards above this index load lazily: the first row is painted at once.
const EAGER_CARDS: usize = 4;

#[component]
pub fn ProductGrid(products: Vec<ProductSummary>) -> impl IntoView {
    view! {
        <ul class="product-grid">
            {products
                .into_iter()
                .enumerate()
                .map(|(i, p)| view! { <li><ProductCard product=p eager=i < EAGER_CARDS/></li> })
                .collect_view()}
        </ul>
    }
}

#[component]
pub fn ProductCard(product: ProductSummary, #[prop(optional)] eager: bool) -> impl IntoView {
    let href = crate::app::local(&format!("/p/{}", product.handle));
    view! {
        <article class="card" class:card--sold-out=!product.in_stock>
            <a class="card__link" href=href>
                <div class="card__media">
                    // The name follows in text, so the picture is not announced twice.
                    <img
                        src=product.image.url
                        alt=""
                        width="400"
                        height="400"
                        loading=if eager { "eager" } else { "lazy" }
                        decoding="async"
                    />
                    {(!product.in_stock)
                        .then(|| view! { <span class="badge badge--sold-out">{w!(SOLD_OUT)}</span> })}
                </div>
                <h3 class="card__title">{product.name}</h3>
            </a>
            <p class="card__brand">{product.brand}</p>
            <Price price=product.price compare_at=product.compare_at from=product.price_varies/>
        </article>
    }
}
