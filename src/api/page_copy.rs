//! A page being drawn to be kept (`server::page_cache`) and served again to other shoppers
//! nobody follows. Such a drawing leaves the shopper's own parts out (the cart's count is a
//! hole filled per request) and keeps the steps it recorded, so that every later request
//! served from the copy records them again.

use crate::analytics::Event;
use axum::http::request::Parts;
use leptos::prelude::*;
use std::sync::{Arc, Mutex};

/// Put in a request's extensions by the page cache: this page is drawn to be kept.
#[derive(Clone, Default)]
pub struct Drawing(Arc<Mutex<Vec<Event>>>);

impl Drawing {
    /// The steps the drawing recorded.
    pub fn steps(&self) -> Vec<Event> {
        self.0.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

/// The drawing of the request being answered, if its page is to be kept.
fn drawing() -> Option<Drawing> {
    use_context::<Parts>()?.extensions.get::<Drawing>().cloned()
}

/// Whether the page being drawn is to be kept: its shopper's own parts are then holes.
pub fn drawing_copy() -> bool {
    drawing().is_some()
}

/// Remembers a step recorded while drawing a page that will be kept.
pub fn recorded(step: &Event) {
    if let Some(d) = drawing() {
        if let Ok(mut steps) = d.0.lock() {
            steps.push(step.clone());
        }
    }
}

/// Where the cart's count goes in a kept page: an element no shopper's words can make (they
/// are escaped), filled per request with what `CountBadge` draws for that shopper's cart.
pub const CART_HOLE: &str = "<vitrine-cart-hole></vitrine-cart-hole>";
