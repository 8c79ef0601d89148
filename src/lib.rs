//! vitrine: a server-rendered, hydrated Leptos storefront on a headless commerce API.
//!
//! One crate, four builds: `ssr` (the axum server), `hydrate` (the browser bundle that
//! Trunk builds), `design` (the designers' preview) and `widget` (the embeddable custom
//! elements). See ../shared/DESIGN.md.
#![recursion_limit = "256"]

#[cfg(feature = "ssr")]
pub mod analytics;
/// Without `ui` (the widget's build) only the error type: the server functions are Leptos.
#[cfg(any(feature = "ui", feature = "widget"))]
pub mod api;
#[cfg(feature = "ui")]
pub mod app;
pub mod commerce;
pub mod discovery;
#[cfg(feature = "ssr")]
pub mod hex;
#[cfg(feature = "ssr")]
pub mod html;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod storefront;
#[cfg(feature = "widget")]
pub mod widget;
pub mod words;

/// Browser entry, called by the page's loader before it hydrates each island. (A server
/// function's redirect, after sign-in, Buy now or placing an order, is followed by
/// `app::sender`: a page load, as for a plain form post.)
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    commerce::money::write_money_with(words::money);
    leptos::mount::hydrate_islands();
}

/// Designers' preview entry (`make design`): the component gallery from fixtures, drawn in the
/// browser with no server behind it.
#[cfg(feature = "design")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn design_preview() {
    console_error_panic_hook::set_once();
    commerce::money::write_money_with(words::money);
    leptos::mount::mount_to_body(app::DesignPreview);
}
