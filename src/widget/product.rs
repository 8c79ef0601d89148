//! `<vitrine-product handle>`: picture, name, price, a choice per option and "Add to cart".
//! `<vitrine-buy-button handle [variant]>`: one button that adds the product and opens the
//! store's checkout.

use super::{dom, shared, transport};
use crate::api::ApiError;
use crate::commerce::{Product, Variant};
use crate::w;
use std::{cell::RefCell, rc::Rc};
use wasm_bindgen::JsCast;
use web_sys::{HtmlButtonElement, HtmlElement, HtmlFormElement, HtmlSelectElement, ShadowRoot};

#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Card,
    BuyButton,
}

const CARD: &str = r#"<article class="card widget-card" aria-busy="true">
<p class="widget-skeleton"></p>
<div class="widget-body" hidden>
<a class="card__link"><div class="card__media"><img alt="" width="480" height="480"></div>
<h3 class="card__title"></h3></a>
<p class="card__brand"></p>
<p class="price"><span class="price__now"></span><s class="price__was"></s></p>
<div class="widget-options"></div>
<button type="button" class="button button--primary button--block" disabled></button>
<div class="widget-save" hidden>
<button type="button" class="widget-heart" aria-pressed="false"><span class="widget-heart__glyph" aria-hidden="true">♡</span> <span class="widget-heart__label"></span></button>
<form method="post" target="_top" class="widget-wishlist" hidden><input type="hidden" name="token"><button type="submit" class="widget-wishlist__open"></button></form>
</div>
</div>
<p class="widget-status" role="status"></p>
</article>"#;

const BUTTON: &str = r#"<button type="button" class="button button--primary" disabled></button>
<form method="post" target="_top" hidden><input type="hidden" name="token"></form>
<p class="widget-status" role="status"></p>"#;

/// One element's product and the variant chosen in it.
struct Choice {
    product: Product,
    variant: String,
    busy: bool,
}

pub fn mount(host: &HtmlElement, root: ShadowRoot, kind: Kind) {
    let handle = host.get_attribute("handle").unwrap_or_default();
    let wanted = host.get_attribute("variant");
    root.set_inner_html(if kind == Kind::Card { CARD } else { BUTTON });
    dom::set_text(&root, ".widget-skeleton", w!(LOADING));
    dom::set_text(&root, "button", w!(LOADING));
    let drawn = root.first_element_child();
    wasm_bindgen_futures::spawn_local(async move {
        let answer = transport::product(&handle).await;
        // The page changed an attribute while this was asked: a later mount has redrawn the
        // root and draws its own answer.
        if root.first_element_child() != drawn {
            return;
        }
        match answer {
            Ok(product) => show(root, kind, product, wanted.as_deref()),
            Err(ApiError::NotFound(_)) => {
                dom::console_error(&format!("the store has no product \"{handle}\""));
                fail(&root, w!(WIDGET_NO_PRODUCT));
            }
            Err(e) => fail(&root, &e.to_string()),
        }
    });
}

/// The product could not be shown: say why, and offer nothing to press.
fn fail(root: &ShadowRoot, message: &str) {
    dom::set_hidden(root, "button", true);
    dom::set_hidden(root, ".widget-skeleton", true);
    status(root, message, "widget-status--error");
    dom::set_attr(root, "article", "aria-busy", "false");
}

fn status(root: &ShadowRoot, message: &str, class: &str) {
    if let Some(e) = dom::find(root, ".widget-status") {
        e.set_text_content(Some(message));
        e.set_class_name(&format!("widget-status {class}"));
    }
}

fn show(root: ShadowRoot, kind: Kind, product: Product, wanted: Option<&str>) {
    let Some(variant) = product.default_variant(wanted).map(|v| v.id.clone()) else {
        fail(&root, w!(WIDGET_NO_PRODUCT));
        return;
    };
    let store = shared::store();
    dom::set_attr(
        &root,
        ".card__link",
        "href",
        &format!("{store}/p/{}", product.handle),
    );
    dom::set_text(&root, ".card__title", &product.name);
    dom::set_text(&root, ".card__brand", &product.brand);
    if kind == Kind::Card {
        options(&root, &product);
    }
    dom::set_hidden(&root, ".widget-skeleton", true);
    dom::set_hidden(&root, ".widget-body", false);
    dom::set_attr(&root, "article", "aria-busy", "false");
    let choice = Rc::new(RefCell::new(Choice {
        product,
        variant,
        busy: false,
    }));
    draw(&root, kind, &choice.borrow());
    if kind == Kind::Card && root.host().has_attribute("wishlist") {
        heart(&root, choice.clone());
    }

    for (index, select) in selects(&root).into_iter().enumerate() {
        let (root2, choice2, select2) = (root.clone(), choice.clone(), select.clone());
        let f = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            let mut c = choice2.borrow_mut();
            let next = c
                .product
                .variant(&c.variant)
                .and_then(|from| c.product.variant_with(from, index, &select2.value()))
                .map(|v| v.id.clone());
            if let Some(next) = next {
                c.variant = next;
            }
            status(&root2, "", "");
            draw(&root2, kind, &c);
        });
        let _ = select.add_event_listener_with_callback("change", f.as_ref().unchecked_ref());
        f.forget();
    }

    let root2 = root.clone();
    dom::on(&root, "button", "click", move |_| {
        let (root, choice) = (root2.clone(), choice.clone());
        let variant = {
            let mut c = choice.borrow_mut();
            if c.busy {
                return; // a double click adds once
            }
            c.busy = true;
            c.variant.clone()
        };
        set_button(&root, w!(ADDING), true);
        wasm_bindgen_futures::spawn_local(async move {
            let answer = transport::add(&shared::token(), &variant).await;
            choice.borrow_mut().busy = false;
            match answer {
                Ok(named) => {
                    let token = named.token.clone();
                    shared::keep(named);
                    if kind == Kind::BuyButton {
                        open_checkout(&root, &token);
                        return;
                    }
                    status(&root, w!(ADDED_TO_CART), "widget-status--done");
                }
                Err(e) => status(&root, &e.to_string(), "widget-status--error"),
            }
            draw(&root, kind, &choice.borrow());
        });
    });
}

/// The heart, where the page asks for it (`<vitrine-product wishlist>`): saves the product
/// with the variant on show to a list the widget names by its own token (no third-party
/// cookie needed), and "Wishlist (n)" opens that list on the store as the shopper's own.
fn heart(root: &ShadowRoot, choice: Rc<RefCell<Choice>>) {
    dom::set_hidden(root, ".widget-save", false);
    let handle = choice.borrow().product.handle.clone();
    let (root2, handle2) = (root.clone(), handle.clone());
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(state) = transport::wishlist(&shared::wishlist_token(), &handle2).await {
            draw_heart(&root2, &state);
        }
    });
    let root2 = root.clone();
    dom::on(root, ".widget-heart", "click", move |_| {
        let Some(button) = dom::find_as::<HtmlButtonElement>(&root2, ".widget-heart") else {
            return;
        };
        if button.disabled() {
            return; // a double click saves once
        }
        button.set_disabled(true);
        let (root, variant) = (root2.clone(), choice.borrow().variant.clone());
        let handle = handle.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let token = shared::wishlist_token();
            match transport::toggle_wishlist(&token, &handle, &variant).await {
                Ok(state) => {
                    shared::keep_wishlist_token(&state.0);
                    draw_heart(&root, &state);
                    let said = if state.1 { w!(SAVED_IN_WISHLIST) } else { "" };
                    status(&root, said, "widget-status--done");
                }
                Err(e) => status(&root, &e.to_string(), "widget-status--error"),
            }
            button.set_disabled(false);
        });
    });
}

fn draw_heart(root: &ShadowRoot, (token, saved, count): &(String, bool, u32)) {
    let pressed = if *saved { "true" } else { "false" };
    dom::set_attr(root, ".widget-heart", "aria-pressed", pressed);
    dom::set_text(root, ".widget-heart__glyph", if *saved { "♥" } else { "♡" });
    let label = if *saved {
        w!(REMOVE_FROM_WISHLIST)
    } else {
        w!(SAVE_TO_WISHLIST)
    };
    dom::set_text(root, ".widget-heart__label", label);
    dom::set_hidden(root, ".widget-wishlist", *count == 0);
    dom::set_attr(
        root,
        ".widget-wishlist",
        "action",
        &transport::wishlist_url(),
    );
    dom::set_attr(root, ".widget-wishlist input", "value", token);
    let open = format!("{} ({})", w!(WISHLIST), w!(count)(*count));
    dom::set_text(root, ".widget-wishlist__open", &open);
}

/// One labelled select per option that has a choice to make.
fn options(root: &ShadowRoot, product: &Product) {
    let Some(box_) = dom::find(root, ".widget-options") else {
        return;
    };
    for (i, option) in product.options.iter().enumerate() {
        if option.values.len() < 2 {
            continue;
        }
        let (Some(label), Some(select)) = (dom::create("label"), dom::create("select")) else {
            return;
        };
        label.set_text_content(Some(&option.name));
        let _ = select.set_attribute("data-option", &i.to_string());
        for value in &option.values {
            if let Some(o) = dom::create("option") {
                o.set_text_content(Some(value));
                let _ = o.set_attribute("value", value);
                let _ = select.append_child(&o);
            }
        }
        let _ = label.append_child(&select);
        let _ = box_.append_child(&label);
    }
}

fn selects(root: &ShadowRoot) -> Vec<HtmlSelectElement> {
    let Ok(list) = root.query_selector_all("select") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// Shows the chosen variant: its price, picture, options and whether it can be bought.
fn draw(root: &ShadowRoot, kind: Kind, c: &Choice) {
    let Some(v) = c.product.variant(&c.variant) else {
        return;
    };
    let store = shared::store();
    let sale = v.compare_at.filter(|was| was.minor > v.price.minor);
    dom::set_text(root, ".price__now", &v.price.to_string());
    dom::set_text(
        root,
        ".price__was",
        &sale.map(|m| m.to_string()).unwrap_or_default(),
    );
    if let Some(p) = dom::find(root, ".price") {
        p.set_class_name(if sale.is_some() {
            "price price--sale"
        } else {
            "price"
        });
    }
    let image = v.image.as_ref().or(c.product.images.first());
    if let Some(img) = image {
        if let Some(src) = dom::store_url(&store, &img.url) {
            dom::set_attr(root, "img", "src", &src);
            dom::set_attr(root, "img", "alt", &img.alt);
        }
    }
    for select in selects(root) {
        let index: usize = select
            .get_attribute("data-option")
            .and_then(|i| i.parse().ok())
            .unwrap_or(0);
        if let Some(value) = v.options.get(index) {
            select.set_value(value);
        }
    }
    let label = label(kind, v);
    set_button(root, &label, !v.in_stock() || c.busy);
}

fn label(kind: Kind, v: &Variant) -> String {
    match (kind, v.in_stock()) {
        (_, false) => w!(SOLD_OUT).into(),
        (Kind::Card, true) => w!(ADD_TO_CART).into(),
        (Kind::BuyButton, true) => format!("{} · {}", w!(BUY_NOW), v.price),
    }
}

fn set_button(root: &ShadowRoot, text: &str, disabled: bool) {
    if let Some(b) = dom::find_as::<HtmlButtonElement>(root, "button") {
        b.set_text_content(Some(text));
        b.set_disabled(disabled);
    }
}

/// The buy button's second half: the store's checkout, with this cart.
fn open_checkout(root: &ShadowRoot, token: &str) {
    dom::set_attr(root, "input[name=token]", "value", token);
    if let Some(form) = dom::find_as::<HtmlFormElement>(root, "form") {
        form.set_action(&transport::checkout_url());
        let _ = form.submit();
    }
}
