//! The shopper's cart as the islands see it: the actions that change it and the cart the last
//! one returned, as the server drew it, shared by every island on the page (header count,
//! drawer, product, cart page, checkout) through the page's `StoreState` island. What the page
//! first shows comes from the server's render; after an action the islands show the cart the
//! action returned, so they never disagree and no extra request is made.

use crate::api::cart::BuyNow;
use crate::api::cart_shown::{AddShown, RemoveShown, ShownCart, UpdateShown};
use crate::api::{read_parts, ApiError};
use crate::app::sender::{nothing, Sender};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[derive(Clone, Copy)]
pub struct CartState {
    shown: RwSignal<Option<ShownCart>>,
    pub add: Sender<ShownCart>,
    /// Adds and goes to checkout (the server's redirect); the drawer stays shut.
    pub buy: Sender<()>,
    pub update: Sender<ShownCart>,
    pub remove: Sender<ShownCart>,
    pub drawer_open: RwSignal<bool>,
    /// The button a line's change was sent from, found again in the new drawing: a keyboard
    /// shopper pressing "+1" twice stays on it.
    refocus: StoredValue<Option<String>>,
}

impl CartState {
    fn new() -> CartState {
        CartState {
            shown: RwSignal::new(None),
            add: Sender::new(AddShown::url(), read_parts::<ShownCart>),
            buy: Sender::new(BuyNow::url(), nothing),
            update: Sender::new(UpdateShown::url(), read_parts::<ShownCart>),
            remove: Sender::new(RemoveShown::url(), read_parts::<ShownCart>),
            drawer_open: RwSignal::new(false),
            refocus: StoredValue::new(None),
        }
    }

    pub fn provide() -> CartState {
        let state = CartState::new();
        let shown = state.shown;
        let open = state.drawer_open;
        Effect::new(move |_| {
            if let Some(Ok(cart)) = state.add.answer() {
                shown.set(Some(cart));
                open.set(true);
            }
        });
        for sender in [state.update, state.remove] {
            Effect::new(move |_| {
                if let Some(Ok(cart)) = sender.answer() {
                    shown.set(Some(cart));
                    state.focus_again();
                }
            });
        }
        provide_context(state);
        state
    }

    /// For the gallery and the designers' preview: components that act on the cart render, and
    /// nothing asks for one.
    #[cfg(any(feature = "ssr", feature = "design"))]
    pub fn provide_offline() {
        provide_context(CartState::new());
    }

    pub fn get() -> CartState {
        expect_context()
    }

    /// The cart the last action on this page returned, if any.
    pub fn shown(&self) -> Option<ShownCart> {
        self.shown.get()
    }

    /// The most recent error from any cart action, for the message next to the control.
    pub fn line_error(&self) -> Option<ApiError> {
        [self.update, self.remove]
            .into_iter()
            .find_map(|sender| sender.refused())
    }

    /// Whether a line's change is on its way.
    pub fn line_pending(&self) -> bool {
        self.update.pending() || self.remove.pending()
    }

    /// Once the new drawing is in place, the focus goes back to the button pressed, if it is
    /// still there (a removed line's is not).
    fn focus_again(&self) {
        #[cfg(feature = "hydrate")]
        if let Some(selector) = self.refocus.get_value() {
            self.refocus.set_value(None);
            request_animation_frame(move || {
                use leptos::wasm_bindgen::JsCast;
                if let Some(button) = document()
                    .query_selector(&selector)
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = button.focus();
                }
            });
        }
        let _ = &self.refocus;
    }

    /// A line's stepper or remove form, submitted inside the server-drawn cart: sent as its
    /// action, so the page stays. A second press while one is on its way is dropped (a plain
    /// form would send both). Forms it does not know post as they are.
    pub fn send_line_form(&self, ev: leptos::ev::SubmitEvent) {
        #[cfg(feature = "hydrate")]
        {
            use crate::app::sender::form_fields;
            use leptos::wasm_bindgen::JsCast;
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let action = form.get_attribute("action").unwrap_or_default();
            let update = action == UpdateShown::url();
            if !update && action != RemoveShown::url() {
                return;
            }
            if self.update.busy() || self.remove.busy() {
                ev.prevent_default();
                return;
            }
            // The line (by its variant) and the button (by its label) pressed.
            let pressed = form
                .closest(".cart-line")
                .ok()
                .flatten()
                .and_then(|line| line.get_attribute("data-variant"))
                .zip(
                    form.query_selector("button")
                        .ok()
                        .flatten()
                        .and_then(|b| b.get_attribute("aria-label")),
                );
            let container = if form.closest(".drawer").ok().flatten().is_some() {
                ".drawer"
            } else {
                ".cart-page"
            };
            self.refocus.set_value(pressed.map(|(variant, label)| {
                format!(r#"{container} .cart-line[data-variant="{variant}"] button[aria-label="{label}"]"#)
            }));
            let Some(fields) = form_fields(&ev) else {
                return;
            };
            ev.prevent_default();
            if update {
                self.update.send(fields);
            } else {
                self.remove.send(fields);
            }
        }
        let _ = ev;
    }
}
