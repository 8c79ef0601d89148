//! The cart, named by an opaque token in an HttpOnly cookie so the server stays stateless and
//! no script can read it.

use super::ApiError;
use crate::commerce::Cart;
use leptos::prelude::*;

#[server(endpoint = "cart/get", output = crate::api::Answer)]
pub async fn get_cart() -> Result<Cart, ApiError> {
    let backend = super::context::backend()?;
    let cart = ssr::current_cart(backend.as_ref()).await?;
    super::bundles::ssr::priced(backend.as_ref(), cart).await
}

#[server(endpoint = "cart/add", output = crate::api::Answer)]
pub async fn add_to_cart(variant_id: String, quantity: i64) -> Result<Cart, ApiError> {
    let cart = ssr::add(&variant_id, quantity).await?;
    ssr::after_plain_form("/cart");
    ssr::priced(cart).await
}

/// Adds to the cart and goes straight to checkout: the first of a returning shopper's two
/// clicks. It answers nothing but the way there, so the page needs no code to read a cart.
#[server(endpoint = "cart/buy", output = crate::api::Answer)]
pub async fn buy_now(variant_id: String, quantity: i64) -> Result<(), ApiError> {
    ssr::add(&variant_id, quantity).await?;
    crate::api::cart::ssr::redirect("/checkout");
    Ok(())
}

#[server(endpoint = "cart/update", output = crate::api::Answer)]
pub async fn update_cart_line(variant_id: String, quantity: i64) -> Result<Cart, ApiError> {
    let quantity = super::validate::quantity(quantity, 0)?;
    ssr::set_quantity(&variant_id, quantity).await
}

#[server(endpoint = "cart/remove", output = crate::api::Answer)]
pub async fn remove_cart_line(variant_id: String) -> Result<Cart, ApiError> {
    ssr::set_quantity(&variant_id, 0).await
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use axum::http::{header, request::Parts, HeaderValue};
    use leptos::prelude::*;
    use leptos_axum::ResponseOptions;

    pub const COOKIE: &str = "vitrine_cart";

    /// `cart` with its bundle savings, as every answer that shows a cart has it.
    pub async fn priced(
        cart: crate::commerce::Cart,
    ) -> Result<crate::commerce::Cart, crate::api::ApiError> {
        let backend = crate::api::context::backend()?;
        crate::api::bundles::ssr::priced(backend.as_ref(), cart).await
    }

    /// Sets a line's quantity (0 removes it) in this request's cart, already validated, and
    /// answers the cart with its savings.
    pub async fn set_quantity(
        variant_id: &str,
        quantity: u32,
    ) -> Result<crate::commerce::Cart, crate::api::ApiError> {
        use crate::api::ApiError;
        let variant_id = crate::api::validate::variant_id(variant_id)?;
        let token = token().ok_or(ApiError::Invalid(crate::words::Problem::CartExpired))?;
        let cart = crate::api::context::backend()?
            .set_line_quantity(&token, &variant_id, quantity)
            .await?;
        after_plain_form("/cart");
        priced(cart).await
    }

    /// Adds to this request's cart, starting one when there is none (or the cookie names a
    /// cart the backend does not know).
    pub async fn add(
        variant_id: &str,
        quantity: i64,
    ) -> Result<crate::commerce::Cart, crate::api::ApiError> {
        let added = add_to(token(), variant_id, quantity).await?;
        let handle = added
            .cart
            .lines
            .iter()
            .find(|l| l.variant_id == variant_id.trim())
            .map(|l| l.product_handle.clone());
        if let Some(handle) = handle {
            crate::api::events::record(crate::analytics::Step::AddToCart, |e| {
                e.subject = handle.clone();
                e.value = quantity;
            });
            use crate::api::profile::ssr::record_handles;
            record_handles(crate::discovery::profile::Kind::Cart, &[handle]).await;
        }
        Ok(added.cart)
    }

    /// Adds to the cart `token` names, starting one when there is none (or the backend does
    /// not know it), and keeps the token in our cookie when it changed.
    pub async fn add_to(
        token: Option<String>,
        variant_id: &str,
        quantity: i64,
    ) -> Result<crate::commerce::TokenCart, crate::api::ApiError> {
        use crate::commerce::backend::CommerceError;
        let variant_id = crate::api::validate::variant_id(variant_id)?;
        let quantity = crate::api::validate::quantity(quantity, 1)?;
        let backend = crate::api::context::backend()?;
        let added = match backend
            .add_to_cart(token.as_deref(), &variant_id, quantity)
            .await
        {
            Err(CommerceError::InvalidCartToken) if token.is_some() => {
                backend.add_to_cart(None, &variant_id, quantity).await?
            }
            other => other?,
        };
        if token.as_deref() != Some(added.token.as_str()) {
            set_token(&added.token);
        }
        Ok(added)
    }

    /// The cart this request's cookie names, or an empty one. A cookie we did not issue (or
    /// whose cart is gone) is dropped, not trusted; a failing backend is an error, never an
    /// empty cart.
    pub async fn current_cart(
        backend: &dyn crate::commerce::backend::Commerce,
    ) -> Result<crate::commerce::Cart, crate::api::ApiError> {
        use crate::commerce::{backend::CommerceError, Cart};
        match token() {
            None => Ok(Cart::empty(backend.currency())),
            Some(token) => match backend.cart(&token).await {
                Err(CommerceError::InvalidCartToken) => {
                    clear_token();
                    Ok(Cart::empty(backend.currency()))
                }
                other => Ok(other?),
            },
        }
    }
    const MAX_AGE_DAYS: u32 = 30;

    /// The cart token from the request's cookie, if it is plausibly one of ours.
    pub fn token() -> Option<String> {
        let parts = use_context::<Parts>()?;
        cookie_value(&parts, COOKIE).filter(|v| plausible_token(v))
    }

    /// Whether a cart token (from a cookie, or from the widget) could be one we issued.
    pub fn plausible_token(v: &str) -> bool {
        !v.is_empty()
            && v.len() <= 256
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
    }

    pub fn cookie_value(parts: &Parts, name: &str) -> Option<String> {
        cookie_pairs(&parts.headers)
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.trim_matches('"').to_string())
    }

    /// Every `name=value` the request's Cookie headers carry.
    pub fn cookie_pairs(headers: &axum::http::HeaderMap) -> impl Iterator<Item = (&str, &str)> {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
    }

    /// Whether the request came over HTTPS, here or at the proxy in front.
    pub fn over_https(uri: &axum::http::Uri, headers: &axum::http::HeaderMap) -> bool {
        uri.scheme_str() == Some("https")
            || headers
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
                == Some("https")
    }

    /// Sets (or, with `max_age` 0, clears) one of our cookies: always HttpOnly and SameSite=Lax,
    /// Secure when the request came over HTTPS.
    pub fn set_cookie(name: &str, value: &str, max_age: u32) {
        let Some(res) = use_context::<ResponseOptions>() else {
            return;
        };
        let secure = use_context::<Parts>()
            .map(|p| over_https(&p.uri, &p.headers))
            .unwrap_or(false);
        if let Ok(v) = HeaderValue::from_str(&cookie_line(name, value, max_age, secure)) {
            res.append_header(header::SET_COOKIE, v);
        }
    }

    /// A `Set-Cookie` value for one of our cookies, also for answers made outside Leptos.
    pub fn cookie_line(name: &str, value: &str, max_age: u32, secure: bool) -> String {
        format!(
            "{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
            if secure { "; Secure" } else { "" }
        )
    }

    pub fn set_token(token: &str) {
        set_cookie(COOKIE, token, MAX_AGE_DAYS * 86_400);
    }

    pub fn clear_token() {
        set_cookie(COOKIE, "", 0);
    }

    /// Before hydration, forms post natively; send those shoppers to a page that shows the
    /// result rather than back to where they were.
    pub fn after_plain_form(to: &str) {
        if is_plain_form() {
            redirect(to);
        }
    }

    /// Sends the browser to the store's own `to`, in the language of the page it came from.
    pub fn redirect(to: &str) {
        leptos_axum::redirect(&crate::words::current().path(to));
    }

    /// Whether this request is a browser's own form post (no JavaScript ran), not a call
    /// from the hydrated page.
    pub fn is_plain_form() -> bool {
        use_context::<Parts>()
            .and_then(|p| p.headers.get(header::ACCEPT).cloned())
            .and_then(|v| v.to_str().ok().map(|s| s.contains("text/html")))
            .unwrap_or(false)
    }
}
