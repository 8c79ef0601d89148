//! A product in a listing: picture, name, brand, its reviews' stars, price, and whether it can
//! be bought.

use super::picture::{Loading, Picture};
use super::price::Price;
use super::stars::Stars;
use crate::commerce::ProductSummary;
use crate::w;
use leptos::prelude::*;

/// Cards above this index load lazily: the first row is painted at once, its first card
/// first.
const EAGER_CARDS: usize = 4;

/// `lazy`: the grid is below the first screen, so every picture waits to be scrolled near.
#[component]
pub fn ProductGrid(products: Vec<ProductSummary>, #[prop(optional)] lazy: bool) -> impl IntoView {
    let first_screen = if lazy { 0 } else { EAGER_CARDS };
    view! {
        <ul class="product-grid">
            {products
                .into_iter()
                .enumerate()
                .map(|(i, p)| view! { <li><ProductCard product=p loading=Loading::nth(i, first_screen)/></li> })
                .collect_view()}
        </ul>
    }
}

/// How wide a card's picture is drawn (`listing.css`: two columns on a phone, then three,
/// then four beside the filters; measured in Chromium).
const CARD_SIZES: &str = "(max-width: 719px) calc(50vw - 22px), (max-width: 1023px) 30vw, 210px";

#[component]
pub fn ProductCard(
    product: ProductSummary,
    #[prop(optional)] loading: Loading,
    /// How wide the card is drawn where it is not in a listing's grid.
    #[prop(default = CARD_SIZES)]
    sizes: &'static str,
) -> impl IntoView {
    let href = crate::app::local(&format!("/p/{}", product.handle));
    let heart = view! { <Heart handle=product.handle.clone() name=product.name.clone() saved=product.saved/> };
    view! {
        <article class="card" class:card--sold-out=!product.in_stock>
            {heart}
            <a class="card__link" href=href>
                <div class="card__media">
                    // The name follows in text, so the picture is not announced twice.
                    <Picture
                        image=product.image
                        sizes
                        size=400
                        loading
                    />
                    {(!product.in_stock)
                        .then(|| view! { <span class="badge badge--sold-out">{w!(SOLD_OUT)}</span> })}
                </div>
                <h3 class="card__title">{product.name}</h3>
            </a>
            <p class="card__brand">{product.brand}</p>
            {product.rating.and_then(|r| Some((r.average_tenths()?, r.count()))).map(|(tenths, count)| view! {
                <p class="card__rating" data-testid="card-rating">
                    <Stars tenths said=w!(rating_said)(tenths, count)/>
                    <span aria-hidden="true">{w!(average)(tenths)} " (" {w!(count)(count)} ")"</span>
                </p>
            })}
            <Price price=product.price compare_at=product.compare_at from=product.price_varies/>
        </article>
    }
}

/// The card's heart: a plain form that saves the product to the wishlist (or takes it back)
/// and returns to this very page, at this card. Its addresses are written out: the server
/// functions' client code stays out of every bundle.
#[component]
fn Heart(handle: String, name: String, saved: bool) -> impl IntoView {
    // Drawn on the server (the designers' gallery aside, whose forms go nowhere).
    #[cfg(feature = "ssr")]
    let page = super::languages::this_address();
    #[cfg(not(feature = "ssr"))]
    let page = String::from("/");
    let here = format!("{page}#card-{handle}");
    let (action, label, glyph) = if saved {
        ("/api/wishlist/remove", w!(unsave_named)(&name), "♥")
    } else {
        ("/api/wishlist/save", w!(save_named)(&name), "♡")
    };
    let anchor = format!("card-{handle}");
    view! {
        <form class="card__save" method="post" action=action id=anchor>
            <input type="hidden" name="handle" value=handle/>
            <input type="hidden" name="back" value=here/>
            <button class="card__heart" class:card__heart--saved=saved type="submit" aria-label=label
                aria-pressed=if saved { "true" } else { "false" } data-testid="card-heart">
                <span aria-hidden="true">{glyph}</span>
            </button>
        </form>
    }
}
