//! The cart page: every line, quantities, and the subtotal.

use crate::app::components::cart_lines::CartPageContents;
use crate::app::components::recommendation_row::RecommendationRow;
use crate::app::pages::not_found::ErrorPage;
use crate::app::{CartState, PageCart};
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
                    Ok(cart) => view! { <CartView><CartPageContents cart/></CartView> }.into_any(),
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

/// The lines and the summary (an island): the server's drawing, then the one each change
/// returned.
#[island]
fn CartView(children: Children) -> impl IntoView {
    let state = CartState::get();
    let contents = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let (Some(shown), Some(div)) = (state.shown(), contents.get()) {
            div.set_inner_html(&shown.page);
        }
    });
    view! {
        {move || state.line_error().map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
        <div class="cart-page__contents" node_ref=contents aria-busy=move || state.line_pending().then_some("true")
            on:submit=move |ev| state.send_line_form(ev)>
            {children()}
        </div>
    }
}
