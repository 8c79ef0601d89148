//! What every element on the page shares: the store, the shopper's cart and the token that
//! names it. The token is kept in the page's own storage, per store: the widget's cart must
//! not depend on third-party cookies, which many browsers block.

use super::{mini_cart, transport};
use crate::commerce::Cart;
use crate::commerce::TokenCart;
use std::cell::RefCell;
use web_sys::ShadowRoot;

#[derive(Default)]
struct Shared {
    store: String,
    token: Option<String>,
    cart: Option<Cart>,
    /// The mini carts to redraw when the cart changes.
    carts: Vec<ShadowRoot>,
    loading: bool,
    refusal_told: bool,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::default();
}

pub fn set_store(store: String) {
    SHARED.with_borrow_mut(|s| s.store = store);
}

pub fn store() -> String {
    SHARED.with_borrow(|s| s.store.clone())
}

fn storage_key() -> String {
    format!("vitrine-cart {}", store())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The token naming the shopper's cart, "" when there is none yet.
pub fn token() -> String {
    if let Some(t) = SHARED.with_borrow(|s| s.token.clone()) {
        return t;
    }
    let kept = storage()
        .and_then(|s| s.get_item(&storage_key()).ok().flatten())
        .unwrap_or_default();
    SHARED.with_borrow_mut(|s| s.token = Some(kept.clone()));
    kept
}

fn wishlist_key() -> String {
    format!("vitrine-wishlist {}", store())
}

/// The token naming the widget's wishlist on this store, "" before the first save.
pub fn wishlist_token() -> String {
    storage()
        .and_then(|s| s.get_item(&wishlist_key()).ok().flatten())
        .unwrap_or_default()
}

pub fn keep_wishlist_token(token: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&wishlist_key(), token);
    }
}

pub fn cart() -> Option<Cart> {
    SHARED.with_borrow(|s| s.cart.clone())
}

/// Remembers the cart the store answered with and redraws every mini cart.
pub fn keep(named: TokenCart) {
    if let Some(s) = storage() {
        let _ = match named.token.as_str() {
            "" => s.remove_item(&storage_key()),
            t => s.set_item(&storage_key(), t),
        };
    }
    let carts = SHARED.with_borrow_mut(|s| {
        s.token = Some(named.token.clone());
        s.cart = Some(named.cart.clone());
        s.carts.retain(|r| r.host().is_connected());
        s.carts.clone()
    });
    for root in carts {
        mini_cart::draw(&root, &named);
    }
}

/// Adds a mini cart to those redrawn, and loads the cart once for the page.
pub fn watch(root: ShadowRoot) {
    let load = SHARED.with_borrow_mut(|s| {
        // An element moved in the page is connected, and so watched, again.
        if !s.carts.contains(&root) {
            s.carts.push(root.clone());
        }
        let load = s.cart.is_none() && !s.loading;
        s.loading |= load;
        load
    });
    if let Some(cart) = cart() {
        mini_cart::draw(
            &root,
            &TokenCart {
                token: token(),
                cart,
            },
        );
    }
    if load {
        wasm_bindgen_futures::spawn_local(async {
            let answer = transport::cart(&token()).await;
            // An add that answered meanwhile kept a newer cart (and its token): this load,
            // asked before it, must not put back the empty one (and forget the token).
            let newer = SHARED.with_borrow_mut(|s| {
                s.loading = false;
                s.cart.is_some()
            });
            if newer {
                return;
            }
            match answer {
                Ok(named) => keep(named),
                Err(e) => {
                    let carts = SHARED.with_borrow(|s| s.carts.clone());
                    for root in carts {
                        mini_cart::fail(&root, &e);
                    }
                }
            }
        });
    }
}

/// True the first time only: a refused page hears why once, however many elements it has.
pub fn first_refusal() -> bool {
    SHARED.with_borrow_mut(|s| !std::mem::replace(&mut s.refusal_told, true))
}
