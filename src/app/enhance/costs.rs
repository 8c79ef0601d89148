//! The checkout's costs, drawn by the server (`checkout/shown`) and put in place when the
//! shopper picks another delivery option or a code is applied or removed. The newest question
//! wins: an older answer arriving late is dropped.

use crate::api::checkout_shown::{CheckoutShown, ShownCheckout};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;

static ASKED: AtomicU32 = AtomicU32::new(0);

pub fn on_change(target: Option<web_sys::EventTarget>) {
    let Some(input) = target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return;
    };
    if input.name() == "shipping" && input.closest("form[data-enhance]").ok().flatten().is_some() {
        redraw();
    }
}

pub fn redraw() {
    let shipping = document()
        .query_selector("input[name=shipping]:checked")
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let mine = ASKED.fetch_add(1, Ordering::Relaxed) + 1;
    leptos::task::spawn_local(async move {
        let asked = crate::app::sender::fields(&[("shipping", &shipping)]);
        let answer = crate::app::sender::ask(
            CheckoutShown::url(),
            &asked,
            crate::api::read_parts::<ShownCheckout>,
        )
        .await;
        if ASKED.load(Ordering::Relaxed) != mine {
            return;
        }
        if let Some(Ok(shown)) = answer {
            put(&shown);
        }
    });
}

fn put(shown: &ShownCheckout) {
    let doc = document();
    if let Ok(Some(summary)) = doc.query_selector(".checkout__summary") {
        summary.set_inner_html(&shown.summary);
    }
    if let Ok(Some(total)) = doc.query_selector(".checkout__place-total") {
        total.set_text_content(Some(&shown.total));
    }
    if let Ok(prices) = doc.query_selector_all(".choice__price") {
        for (i, price) in shown.prices.iter().enumerate() {
            if let Some(el) = prices.item(i as u32) {
                el.set_text_content(Some(price));
            }
        }
    }
}
