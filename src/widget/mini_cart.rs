//! `<vitrine-cart>`: the count and subtotal, the lines on demand, and a checkout button that
//! opens the store's checkout with this cart.

use super::{dom, shared, transport};
use crate::api::ApiError;
use crate::commerce::TokenCart;
use crate::w;
use web_sys::ShadowRoot;

const MINI: &str = r#"<div class="widget-mini">
<details><summary><span class="widget-label"></span><span class="widget-count">0</span><span class="widget-subtotal"></span></summary>
<ul class="widget-lines"></ul></details>
<form method="post" target="_top"><input type="hidden" name="token"><button type="submit" class="button button--primary" disabled></button></form>
<p class="widget-status" role="status" hidden></p>
</div>"#;

pub fn mount(root: ShadowRoot) {
    root.set_inner_html(MINI);
    dom::set_text(&root, ".widget-label", w!(CART));
    dom::set_text(&root, "button", w!(CHECKOUT));
    dom::set_attr(&root, "form", "action", &transport::checkout_url());
    shared::watch(root);
}

pub fn draw(root: &ShadowRoot, named: &TokenCart) {
    let cart = &named.cart;
    let count = w!(count)(cart.item_count);
    dom::set_text(root, ".widget-count", &count);
    dom::set_text(root, ".widget-subtotal", &cart.subtotal.to_string());
    dom::set_attr(
        root,
        "summary",
        "aria-label",
        &format!(
            "{}: {} · {}",
            w!(CART),
            items(cart.item_count),
            cart.subtotal
        ),
    );
    dom::set_attr(root, "input[name=token]", "value", &named.token);
    if let Some(b) = dom::find_as::<web_sys::HtmlButtonElement>(root, "button") {
        b.set_disabled(cart.is_empty());
    }
    dom::set_hidden(root, ".widget-status", true);
    let Some(list) = dom::find(root, ".widget-lines") else {
        return;
    };
    list.set_text_content(None);
    if cart.is_empty() {
        if let Some(li) = dom::create("li") {
            li.set_text_content(Some(w!(WIDGET_CART_EMPTY)));
            let _ = list.append_child(&li);
        }
    }
    for line in &cart.lines {
        let (Some(li), Some(name), Some(total)) =
            (dom::create("li"), dom::create("span"), dom::create("span"))
        else {
            return;
        };
        let title = match line.variant_title.as_str() {
            "" => line.product_name.clone(),
            v => format!("{} ({v})", line.product_name),
        };
        name.set_text_content(Some(&format!("{} × {title}", line.quantity)));
        total.set_text_content(Some(&line.line_total.to_string()));
        let _ = li.append_child(&name);
        let _ = li.append_child(&total);
        let _ = list.append_child(&li);
    }
}

pub fn fail(root: &ShadowRoot, e: &ApiError) {
    dom::set_text(root, ".widget-status", &e.to_string());
    dom::set_attr(
        root,
        ".widget-status",
        "class",
        "widget-status widget-status--error",
    );
    dom::set_hidden(root, ".widget-status", false);
}

fn items(n: u32) -> String {
    match n {
        1 => "1 item".into(),
        n => format!("{n} items"),
    }
}
