//! The cart drawer (an island): opens when something is added (once hydrated), shows the cart
//! the add returned as the server drew it, and keeps the shopper where they were. Escape, the
//! close button and the backdrop close it. The server renders it shut.

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
                <div class="drawer__contents" aria-busy=move || state.line_pending().then_some("true")
                    inner_html=move || state.shown().map(|c| c.drawer).unwrap_or_default()
                    on:submit=move |ev| state.send_line_form(ev)></div>
            </aside>
        </Show>
    }
}
