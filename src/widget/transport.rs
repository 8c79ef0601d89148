//! Calls to the store's widget server functions (src/api/widget.rs), cross-origin: a form
//! body in, JSON out, the same encoding the store's own pages use.

use super::{dom, shared, wire};
use crate::api::ApiError;
use crate::commerce::Product;
use crate::commerce::TokenCart;
use crate::words::Problem;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response, UrlSearchParams};

pub async fn product(handle: &str) -> Result<Product, ApiError> {
    call("product", &[("handle", handle)], wire::product).await
}

pub async fn cart(token: &str) -> Result<TokenCart, ApiError> {
    call("cart", &[("token", token)], wire::named_cart).await
}

pub async fn add(token: &str, variant_id: &str) -> Result<TokenCart, ApiError> {
    call(
        "add",
        &[
            ("token", token),
            ("variant_id", variant_id),
            ("quantity", "1"),
        ],
        wire::named_cart,
    )
    .await
}

/// Whether the widget's wishlist holds `handle`: (token, saved, count).
pub async fn wishlist(token: &str, handle: &str) -> Result<(String, bool, u32), ApiError> {
    call(
        "wishlist",
        &[("token", token), ("handle", handle)],
        wire::wishlist,
    )
    .await
}

/// The heart: saves `handle` (with the variant on show) or takes it out.
pub async fn toggle_wishlist(
    token: &str,
    handle: &str,
    variant_id: &str,
) -> Result<(String, bool, u32), ApiError> {
    let args = [
        ("token", token),
        ("handle", handle),
        ("variant_id", variant_id),
    ];
    call("wishlist/toggle", &args, wire::wishlist).await
}

/// Where "View wishlist" posts (a navigation: the store then lists it as its own).
pub fn wishlist_url() -> String {
    with_language(format!("{}/api/widget/wishlist/open", shared::store()))
}

/// The form the checkout buttons post (a navigation, so the store sets its own cookie).
/// It names the widget's language, so checkout opens in it.
pub fn checkout_url() -> String {
    with_language(format!("{}/api/widget/checkout", shared::store()))
}

/// `url`, naming the widget's language when it is not the store's first.
fn with_language(url: String) -> String {
    match crate::words::HERE {
        crate::words::Locale::En => url,
        other => format!("{url}?lang={}", other.code()),
    }
}

async fn call<T>(
    name: &str,
    args: &[(&str, &str)],
    wire: fn(&JsValue) -> Option<T>,
) -> Result<T, ApiError> {
    // With credentials: a page on the store's own site then shares the shopper's cart.
    match send(name, args, RequestCredentials::Include).await {
        Ok(response) => read(response, wire).await,
        // The browser hides why (a refused origin looks like a network failure); ask again
        // without credentials, which the store answers readably even when it refuses.
        Err(()) => Err(diagnose().await),
    }
}

async fn send(
    name: &str,
    args: &[(&str, &str)],
    credentials: RequestCredentials,
) -> Result<Response, ()> {
    let body = UrlSearchParams::new().map_err(drop)?;
    for (k, v) in args {
        body.append(k, v);
    }
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&body);
    init.set_credentials(credentials);
    let url = format!("{}/api/widget/{name}", shared::store());
    let window = web_sys::window().ok_or(())?;
    let response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(drop)?;
    response.dyn_into().map_err(drop)
}

async fn read<T>(response: Response, wire: fn(&JsValue) -> Option<T>) -> Result<T, ApiError> {
    let unreadable = || ApiError::Transport("unreadable answer".into());
    let json = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.map_err(|_| unreadable())?,
        Err(_) => return Err(unreadable()),
    };
    match response.ok() {
        true => wire(&json).ok_or_else(unreadable),
        false => Err(wire::error(&json)),
    }
}

/// Why a call failed: a refusal of this page's origin (said once in the console, for the
/// page's developer), or a store out of reach.
async fn diagnose() -> ApiError {
    let Ok(response) = send("cart", &[("token", "")], RequestCredentials::Omit).await else {
        return ApiError::Transport("unreachable".into());
    };
    if response.status() != 403 {
        return ApiError::Transport("refused with credentials".into());
    }
    if let Err(why @ ApiError::Invalid(_)) = read(response, wire::named_cart).await {
        if shared::first_refusal() {
            dom::console_error(&why.to_string());
        }
    }
    ApiError::Invalid(Problem::WidgetRefused)
}
