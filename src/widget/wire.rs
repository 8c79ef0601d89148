//! Reads the server functions' JSON answers, parsed by the browser, into the commerce model.
//! Not serde: serde_json and its derives were a third of the widget's 60 KB budget, and the
//! widget reads only what it shows. The shapes are the model's serde ones (field names as
//! written, Money as `{minor, currency}`, enums externally tagged); a missing field reads as
//! empty rather than failing the whole answer.

use crate::api::ApiError;
use crate::commerce::TokenCart;
use crate::commerce::{
    Cart, CartLine, Category, Currency, Image, Money, Product, ProductOption, Variant,
};
use crate::commerce::{Refusal, Thing};
use crate::words::Problem;
use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn number(v: &JsValue, key: &str) -> i64 {
    get(v, key).as_f64().map(|n| n as i64).unwrap_or(0)
}

fn count(v: &JsValue, key: &str) -> u32 {
    u32::try_from(number(v, key)).unwrap_or(0)
}

fn list(v: &JsValue, key: &str) -> Vec<JsValue> {
    let items = get(v, key);
    match Array::is_array(&items) {
        true => Array::from(&items).to_vec(),
        false => Vec::new(),
    }
}

fn money(v: &JsValue) -> Option<Money> {
    let currency = Currency::parse(&text(v, "currency"))?;
    Some(Money::new(number(v, "minor"), currency))
}

fn image(v: &JsValue) -> Option<Image> {
    v.is_object().then(|| Image {
        url: text(v, "url"),
        alt: text(v, "alt"),
        srcset: None,
        avif: None,
    })
}

fn strings(v: &JsValue, key: &str) -> Vec<String> {
    list(v, key).iter().filter_map(JsValue::as_string).collect()
}

pub fn product(v: &JsValue) -> Option<Product> {
    let variants = list(v, "variants")
        .iter()
        .map(|v| {
            Some(Variant {
                id: text(v, "id"),
                sku: text(v, "sku"),
                options: strings(v, "options"),
                price: money(&get(v, "price"))?,
                compare_at: money(&get(v, "compare_at")),
                stock: count(v, "stock"),
                image: image(&get(v, "image")),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Product {
        handle: text(v, "handle"),
        name: text(v, "name"),
        brand: text(v, "brand"),
        description: String::new(),
        category: Category {
            handle: String::new(),
            name: String::new(),
            description: String::new(),
            product_count: 0,
            image: None,
        },
        images: list(v, "images").iter().filter_map(image).collect(),
        options: list(v, "options")
            .iter()
            .map(|o| ProductOption {
                name: text(o, "name"),
                values: strings(o, "values"),
            })
            .collect(),
        variants,
    })
}

/// The widget's cart; a coupon, if the shopper applied one on the store, is checkout's affair.
pub fn named_cart(v: &JsValue) -> Option<TokenCart> {
    let c = get(v, "cart");
    let lines = list(&c, "lines")
        .iter()
        .map(|l| {
            Some(CartLine {
                variant_id: text(l, "variant_id"),
                product_handle: text(l, "product_handle"),
                product_name: text(l, "product_name"),
                variant_title: text(l, "variant_title"),
                image: image(&get(l, "image"))?,
                unit_price: money(&get(l, "unit_price"))?,
                quantity: count(l, "quantity"),
                line_total: money(&get(l, "line_total"))?,
                available: count(l, "available"),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(TokenCart {
        token: text(v, "token"),
        cart: Cart {
            lines,
            item_count: count(&c, "item_count"),
            subtotal: money(&get(&c, "subtotal"))?,
            coupon: None,
            // The widget shows the subtotal; bundle savings show on the store's cart.
            savings: Vec::new(),
        },
    })
}

/// A widget wishlist answer: (token, saved, count).
pub fn wishlist(v: &JsValue) -> Option<(String, bool, u32)> {
    v.is_object().then(|| {
        (
            text(v, "token"),
            get(v, "saved").as_bool().unwrap_or(false),
            count(v, "count"),
        )
    })
}

/// An error answer: `{"error": …, "said": …}`, the typed error being `"Unavailable"`, or
/// `{"Variant": …}` for the ones that carry more. Only what the widget's calls can meet is
/// read; anything else is the store refusing.
pub fn error(answer: &JsValue) -> ApiError {
    let v = &get(answer, "error");
    match v.as_string().as_deref() {
        Some("RateLimited") => return ApiError::RateLimited,
        // "Nothing was changed" would be false here: the store may have done it.
        Some("Unconfirmed") => return ApiError::Unconfirmed,
        Some(_) => return ApiError::Unavailable,
        None => {}
    }
    if let Some(what) = get(v, "NotFound").as_string() {
        return ApiError::NotFound(match what.as_str() {
            "Product" => Thing::Product,
            _ => Thing::Record,
        });
    }
    let invalid = get(v, "Invalid");
    if !invalid.is_undefined() {
        return ApiError::Invalid(problem(&invalid));
    }
    let field = get(v, "Field");
    if field.is_object() {
        return ApiError::Invalid(problem(&get(&field, "problem")));
    }
    let short = get(v, "OutOfStock");
    if short.is_object() {
        return ApiError::OutOfStock {
            product: text(&short, "product"),
            available: count(&short, "available"),
        };
    }
    ApiError::Unavailable
}

fn problem(v: &JsValue) -> Problem {
    match v.as_string().as_deref() {
        Some("CartExpired") => return Problem::CartExpired,
        Some("ChooseOption") => return Problem::ChooseOption,
        Some("Unreadable") => return Problem::Unreadable,
        Some("CrossSite") => return Problem::CrossSite,
        Some(_) => return Problem::Refused(Refusal::Backend),
        None => {}
    }
    let refused = get(v, "Refused");
    if refused.is_object() {
        let bound = |variant: &str, key: &str| {
            let b = get(&refused, variant);
            b.is_object().then(|| count(&b, key))
        };
        if let Some(max) = bound("QuantityTooLarge", "max") {
            return Problem::Refused(Refusal::QuantityTooLarge { max });
        }
        if let Some(min) = bound("QuantityTooSmall", "min") {
            return Problem::Refused(Refusal::QuantityTooSmall { min });
        }
        if let Some(lines) = bound("CartFull", "lines") {
            return Problem::Refused(Refusal::CartFull { lines });
        }
    }
    let origin = get(v, "WidgetOriginRefused");
    if origin.is_object() {
        return Problem::WidgetOriginRefused {
            origin: text(&origin, "origin"),
        };
    }
    Problem::Refused(Refusal::Backend)
}
