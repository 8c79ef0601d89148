//! vitrine: a server-rendered, hydrated Leptos storefront on a headless commerce API.
//!
//! One crate, three builds: `ssr` (the axum server), `hydrate` (the browser bundle that
//! Trunk builds) and, later, the embeddable widget. See ../shared/DESIGN.md.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod commerce;
pub mod discovery;
#[cfg(feature = "ssr")]
pub mod hex;
#[cfg(feature = "ssr")]
pub mod server;

/// Browser entry: attaches behaviour to the server-rendered page without re-rendering it.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}

/// Designers' preview entry (`make design`): the component gallery from fixtures, drawn in the
/// browser with no server behind it.
#[cfg(feature = "design")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn design_preview() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::DesignPreview);
}

/// Marks the document once hydration has run, for tests and for CSS that differs with scripts.
#[cfg(feature = "hydrate")]
pub(crate) fn mark_hydrated() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
