//! Forms drawn on the server (`data-enhance`), sent in place once the wasm runs. Before it
//! runs, or without it, each is a plain form that posts and comes back with the server's
//! answer drawn. After, the browser sends the same fields to the same server function with
//! `fetch`, says a refusal beside the field it is about, drops a second press while one is on
//! its way, and checks fields as the shopper types with the server's own rules. No form is an
//! island of its own: the browser carries none of their views (README "Performance").
//!
//! What a form does once its answer is in: `data-then="reload"` reloads the page,
//! `data-then="summary"` asks for the checkout's costs again; otherwise the server's redirect
//! (sign-in, an order found or placed) moves the page, and anything else reloads it.

#[cfg(feature = "hydrate")]
mod checks;
#[cfg(feature = "hydrate")]
mod costs;
#[cfg(feature = "hydrate")]
mod said;

use leptos::prelude::*;

/// Placed once on a page with `data-enhance` forms; it draws nothing. Its listeners sit on the
/// window, so forms the server draws again later (the code box) are sent the same way.
#[island]
pub fn EnhancedForms() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    listen();
}

#[cfg(feature = "hydrate")]
fn listen() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static LISTENING: AtomicBool = AtomicBool::new(false);
    if LISTENING.swap(true, Ordering::Relaxed) {
        return;
    }
    // The handles live as long as the page: nothing removes these listeners.
    std::mem::forget(window_event_listener(leptos::ev::submit, on_submit));
    std::mem::forget(window_event_listener(leptos::ev::focusout, |ev| {
        checks::run(ev.target(), true)
    }));
    std::mem::forget(window_event_listener(leptos::ev::input, |ev| {
        checks::run(ev.target(), false)
    }));
    std::mem::forget(window_event_listener(leptos::ev::change, |ev| {
        costs::on_change(ev.target())
    }));
}

#[cfg(feature = "hydrate")]
fn on_submit(ev: web_sys::SubmitEvent) {
    use wasm_bindgen::JsCast;
    if ev.default_prevented() {
        return;
    }
    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    if !form.has_attribute("data-enhance") {
        return;
    }
    // A second press while the first is on its way is dropped (a plain form would send both).
    if form.get_attribute("aria-busy").as_deref() == Some("true") {
        ev.prevent_default();
        return;
    }
    let (Some(url), Some(fields)) = (
        form.get_attribute("action"),
        crate::app::sender::form_fields(&ev),
    ) else {
        return;
    };
    ev.prevent_default();
    busy(&form, true);
    leptos::task::spawn_local(async move {
        use crate::app::sender::{post, Posted};
        match post(&url, &fields).await {
            // The page is on its way elsewhere: it stays busy until it has gone.
            Posted::Moved => {}
            Posted::Refused(error) => {
                busy(&form, false);
                said::refusal(&form, error.field_name(), &error.to_string());
            }
            Posted::Answer(_) => {
                busy(&form, false);
                said::clear(&form);
                match form.get_attribute("data-then").as_deref() {
                    Some("summary") => costs::redraw(),
                    _ => {
                        let _ = window().location().reload();
                    }
                }
            }
        }
    });
}

/// Marks `form` as on its way (or back): its buttons disabled, and a button with
/// `data-pending` saying so in its `[data-label]`.
#[cfg(feature = "hydrate")]
fn busy(form: &web_sys::HtmlFormElement, on: bool) {
    use wasm_bindgen::JsCast;
    let _ = form.set_attribute("aria-busy", if on { "true" } else { "false" });
    let Ok(buttons) = form.query_selector_all("button[type=submit]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(button) = buttons
            .item(i)
            .and_then(|b| b.dyn_into::<web_sys::HtmlButtonElement>().ok())
        else {
            continue;
        };
        button.set_disabled(on);
        let Some(pending) = button.get_attribute("data-pending") else {
            continue;
        };
        let label = button
            .query_selector("[data-label]")
            .ok()
            .flatten()
            .unwrap_or_else(|| button.clone().into());
        if on {
            let _ = label.set_attribute("data-label", &label.text_content().unwrap_or_default());
            label.set_text_content(Some(&pending));
        } else if let Some(idle) = label.get_attribute("data-label").filter(|l| !l.is_empty()) {
            label.set_text_content(Some(&idle));
        }
    }
}
