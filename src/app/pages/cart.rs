//! The cart page: every line, quantities, and the subtotal.

use crate::app::components::cart_lines::{CartLines, CartSummary};
use crate::app::components::recommendation_row::RecommendationRow;
use crate::app::pages::not_found::ErrorPage;
use crate::app::{strings, CartState};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn CartPage() -> impl IntoView {
    let state = CartState::get();
    // Follows the cart: a new line can change what goes with it.
    let row = Resource::new(
        move || state.cart().and_then(Result::ok).map(|c| c.lines.len()),
        |_| crate::api::recommend::get_cart_row(),
    );
    view! {
        <Title text=strings::YOUR_CART/>
        <Meta name="robots" content="noindex"/>
        <section class="cart-page">
            <h1>{strings::YOUR_CART}</h1>
            {move || state.line_error().map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
            <Suspense fallback=|| view! { <p class="loading">{strings::LOADING}</p> }>
                {move || state.cart().map(|r| match r {
                    Ok(cart) if cart.is_empty() => view! {
                        <div class="empty-state">
                            <p class="empty-state__title">{strings::CART_EMPTY}</p>
                            <p>{strings::CART_EMPTY_HINT}</p>
                            <a class="button button--primary" href="/">{strings::CONTINUE_SHOPPING}</a>
                        </div>
                    }.into_any(),
                    Ok(cart) => view! {
                        <div class="cart-page__layout">
                            <CartLines cart=cart.clone()/>
                            <aside class="cart-page__summary">
                                <CartSummary cart/>
                                <a class="button button--primary button--block" href="/checkout">{strings::CHECKOUT}</a>
                                <a class="button button--ghost button--block" href="/">{strings::CONTINUE_SHOPPING}</a>
                            </aside>
                        </div>
                    }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                })}
            </Suspense>
        </section>
        <Suspense fallback=|| ()>
            {move || row.get().and_then(Result::ok).flatten().map(|row| view! {
                <RecommendationRow row id="cart-together" in_cart=true/>
            })}
        </Suspense>
    }
}
