//! The shopper's cart as the islands see it: the actions that change it and the cart the last
//! one returned, shared by every island on the page (header count, drawer, product, cart page,
//! checkout) through the page's `StoreState` island. What the page first shows comes from the
//! server's render; after an action the islands show the cart the action returned, so they
//! never disagree and no extra request is made.

use crate::api::cart::{AddToCart, BuyNow, RemoveCartLine, UpdateCartLine};
use crate::api::ApiError;
use crate::commerce::Cart;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CartState {
    latest: RwSignal<Option<Cart>>,
    pub add: ServerAction<AddToCart>,
    /// Adds and goes to checkout (the server's redirect); the drawer stays shut.
    pub buy: ServerAction<BuyNow>,
    pub update: ServerAction<UpdateCartLine>,
    pub remove: ServerAction<RemoveCartLine>,
    pub drawer_open: RwSignal<bool>,
}

impl CartState {
    fn new() -> CartState {
        CartState {
            latest: RwSignal::new(None),
            add: ServerAction::new(),
            buy: ServerAction::new(),
            update: ServerAction::new(),
            remove: ServerAction::new(),
            drawer_open: RwSignal::new(false),
        }
    }

    pub fn provide() -> CartState {
        let state = CartState::new();
        let latest = state.latest;
        let open = state.drawer_open;
        Effect::new(move |_| {
            if let Some(Ok(cart)) = state.add.value().get() {
                latest.set(Some(cart));
                open.set(true);
            }
        });
        for action in [
            state.buy.value(),
            state.update.value(),
            state.remove.value(),
        ] {
            Effect::new(move |_| {
                if let Some(Ok(cart)) = action.get() {
                    latest.set(Some(cart));
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
    pub fn latest(&self) -> Option<Cart> {
        self.latest.get()
    }

    /// The freshest cart: the last action's result, else `rendered` (the server's, with the page).
    pub fn or(&self, rendered: &Cart) -> Cart {
        self.latest.get().unwrap_or_else(|| rendered.clone())
    }

    /// After an order is placed the backend's cart is empty; show that without a refetch.
    pub fn clear(&self, currency: crate::commerce::Currency) {
        self.latest.set(Some(Cart::empty(currency)));
    }

    /// The most recent error from any cart action, for the message next to the control.
    pub fn line_error(&self) -> Option<ApiError> {
        [self.update.value(), self.remove.value()]
            .into_iter()
            .find_map(|v| v.get().and_then(Result::err))
    }
}
