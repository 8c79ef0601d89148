//! The embeddable widget (feature `widget`): `<vitrine-product>`, `<vitrine-buy-button>` and
//! `<vitrine-cart>` on any page, from one script tag. vitrine.js defines the elements and gives
//! each a shadow root; this draws into it with web-sys and talks to the store's server
//! functions. Leptos is left out on purpose: the smallest Leptos app is 28 KB brotli
//! (bench/leptos-floor.sh), and the store's components bring the server-function client with
//! serde_json (31 KB more, measured here): nearly the whole 60 KB budget before any component.
//! What is shared with the store is the domain: the product and cart model, the variant
//! choice, money formatting, the error type, the words and the stylesheet.

mod dom;
mod mini_cart;
mod product;
mod shared;
mod style;
mod transport;
mod wire;

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

/// Draws `host` (one of our elements) into its shadow `root`; `store` is the storefront's
/// origin, where vitrine.js came from.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: ShadowRoot, store: String) {
    shared::set_store(store);
    // Prices in this bundle's language (set once; later calls change nothing).
    crate::commerce::money::write_money_with(crate::words::money);
    match host.local_name().as_str() {
        "vitrine-product" => product::mount(&host, root, product::Kind::Card),
        "vitrine-buy-button" => product::mount(&host, root, product::Kind::BuyButton),
        "vitrine-cart" => mini_cart::mount(root),
        _ => {}
    }
}

/// The stylesheet every element's shadow root adopts.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    style::css()
}
