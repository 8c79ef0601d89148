//! The cart page: every line, quantities, and the subtotal.

use crate::app::components::cart_lines::{CartEmpty, CartLines, CartSummary};
use crate::app::components::recommendation_row::RecommendationRow;
use crate::app::local;
use crate::app::pages::not_found::ErrorPage;
use crate::app::{CartState, PageCart};
use crate::commerce::Cart;
use crate::w;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn CartPage() -> impl IntoView {
    let cart = expect_context::<PageCart>().0;
    let row = Resource::new(|| (), |_| crate::api::recommend::get_cart_row());
    view! {
        <Title text=w!(YOUR_CART)/>
        <Meta name="robots" content="noindex"/>
        <Meta name="description" content=w!(CART_DESCRIPTION)/>
        <section class="cart-page">
            <h1>{w!(YOUR_CART)}</h1>
            <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
                {move || cart.get().map(|r| match r {
                    Ok(cart) => view! { <CartView cart/> }.into_any(),
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

/// The lines and the summary (an island): the server's cart, then what each change returned.
#[island]
fn CartView(cart: Cart) -> impl IntoView {
    let state = CartState::get();
    let shown = move || state.or(&cart);
    view! {
        {move || state.line_error().map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
        {move || {
            let cart = shown();
            if cart.is_empty() {
                view! { <CartEmpty/> }.into_any()
            } else {
                view! {
                    <div class="cart-page__layout">
                        <CartLines cart=cart.clone()/>
                        <aside class="cart-page__summary">
                            <CartSummary cart/>
                            <a class="button button--primary button--block" href=local("/checkout")>{w!(CHECKOUT)}</a>
                            <a class="button button--ghost button--block" href=local("/")>{w!(CONTINUE_SHOPPING)}</a>
                        </aside>
                    </div>
                }.into_any()
            }
        }}
    }
}
