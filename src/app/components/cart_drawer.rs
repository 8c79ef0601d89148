//! The cart drawer (an island): opens when something is added (once hydrated), shows the cart
//! the add returned, and keeps the shopper where they were. Escape, the close button and the
//! backdrop close it. The server renders it shut.

use super::cart_lines::{CartLines, CartSummary};
use crate::app::local;
use crate::app::CartState;
use crate::w;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

#[island]
pub fn CartDrawer() -> impl IntoView {
    let state = CartState::get();
    let open = state.drawer_open;
    let close_button = NodeRef::<html::Button>::new();

    // Focus moves into the dialog when it opens, so keyboard and screen-reader users land on it.
    Effect::new(move |_| {
        if open.get() {
            if let Some(button) = close_button.get() {
                let _ = button.focus();
            }
        }
    });
    let escape = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || escape.remove());

    view! {
        <Show when=move || open.get()>
            <div class="drawer-backdrop" on:click=move |_| open.set(false)></div>
            <aside class="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-title">
                <header class="drawer__header">
                    <h2 id="drawer-title" class="drawer__title">{w!(ADDED_TO_CART)}</h2>
                    <button class="icon-button" type="button" node_ref=close_button on:click=move |_| open.set(false)>
                        <span aria-hidden="true">"×"</span>
                        <span class="visually-hidden">{w!(CLOSE)}</span>
                    </button>
                </header>
                {move || match state.latest() {
                    Some(cart) if !cart.is_empty() => view! {
                        <div class="drawer__body">
                            <CartLines cart=cart.clone()/>
                        </div>
                        <footer class="drawer__footer">
                            <CartSummary cart/>
                            <a class="button button--primary button--block" href=local("/checkout") on:click=move |_| open.set(false) data-testid="drawer-checkout">{w!(CHECKOUT)}</a>
                            <a class="button button--ghost button--block" href=local("/cart") on:click=move |_| open.set(false)>{w!(VIEW_CART)}</a>
                        </footer>
                    }.into_any(),
                    _ => view! { <p class="drawer__body">{w!(CART_EMPTY)}</p> }.into_any(),
                }}
            </aside>
        </Show>
    }
}
