//! The shopper's cart as the UI sees it: one resource loaded with the page, and the actions
//! that change it. After an action the UI shows the cart the action returned, so the header,
//! drawer and cart page never disagree and no extra request is made.

use crate::api::cart::{get_cart, AddToCart, BuyNow, RemoveCartLine, UpdateCartLine};
use crate::api::ApiError;
use crate::commerce::Cart;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CartState {
    loaded: Resource<Result<Cart, ApiError>>,
    latest: RwSignal<Option<Cart>>,
    pub add: ServerAction<AddToCart>,
    /// Adds and goes to checkout; the drawer stays shut.
    pub buy: ServerAction<BuyNow>,
    pub update: ServerAction<UpdateCartLine>,
    pub remove: ServerAction<RemoveCartLine>,
    pub drawer_open: RwSignal<bool>,
}

impl CartState {
    fn with(loaded: Resource<Result<Cart, ApiError>>) -> CartState {
        CartState {
            loaded,
            latest: RwSignal::new(None),
            add: ServerAction::new(),
            buy: ServerAction::new(),
            update: ServerAction::new(),
            remove: ServerAction::new(),
            drawer_open: RwSignal::new(false),
        }
    }

    pub fn provide() -> CartState {
        let state = CartState::with(Resource::new(|| (), |_| get_cart()));
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
        let never = Resource::new(|| (), |_| async { Err(ApiError::Unavailable) });
        provide_context(CartState::with(never));
    }

    pub fn get() -> CartState {
        expect_context()
    }

    /// The freshest cart known: the last action's result, else the one loaded with the page.
    /// Reading it inside `Suspense` waits for the page's load on the server.
    pub fn cart(&self) -> Option<Result<Cart, ApiError>> {
        let latest = self.latest.get();
        let loaded = self.loaded.get();
        match latest {
            Some(cart) => Some(Ok(cart)),
            None => loaded,
        }
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
