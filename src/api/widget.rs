//! The embeddable widget's server functions. Pages on other sites call them cross-origin (the
//! allow-list is in `server::widget`), so the cart is named by a token the widget keeps and
//! sends, not only by our cookie: browsers that block third-party cookies would otherwise give
//! the widget an empty cart on every call.

use crate::api::cart::ssr::{add_to, plausible_token, set_token, token as cookie_token};
use crate::api::ApiError;
use crate::api::{context::backend, validate};
use crate::commerce::{backend::CommerceError, Cart, Product, TokenCart};
use leptos::prelude::*;

#[server(endpoint = "widget/product", output = crate::api::Answer)]
pub async fn widget_product(handle: String) -> Result<Product, ApiError> {
    let handle = validate::handle(&handle)?;
    let product = backend()?.product(&handle).await?;
    record_on_site(crate::analytics::Step::WidgetView);
    Ok(product)
}

/// A widget step, under the site that embeds it.
fn record_on_site(step: crate::analytics::Step) {
    let origin = site().unwrap_or_default();
    crate::api::events::record(step, |e| e.subject = origin);
}

/// The site that embeds the widget: the request's Origin, which the CORS layer (or, for the
/// checkout's form post, the origin guard) has already checked against the allowed ones.
fn site() -> Option<String> {
    use_context::<axum::http::request::Parts>()
        .and_then(|p| p.headers.get(axum::http::header::ORIGIN).cloned())
        .and_then(|v| {
            v.to_str()
                .ok()
                .map(|s| s.chars().take(200).collect::<String>())
        })
        .filter(|s| !s.is_empty() && s != "null")
}

/// The cart the widget names, else the one our cookie names (a page on the store's own
/// site shares the shopper's cart), else an empty one.
#[server(endpoint = "widget/cart", output = crate::api::Answer)]
pub async fn widget_cart(token: String) -> Result<TokenCart, ApiError> {
    let backend = backend()?;
    let Some(chosen) = chosen_token(&token)? else {
        return Ok(empty(backend.currency()));
    };
    match backend.cart(&chosen).await {
        // Checked out, or expired: the widget starts afresh rather than failing.
        Err(CommerceError::InvalidCartToken) => Ok(empty(backend.currency())),
        other => Ok(unnamed_if_cookie(
            &token,
            TokenCart {
                token: chosen,
                cart: other?,
            },
        )),
    }
}

#[server(endpoint = "widget/add", output = crate::api::Answer)]
pub async fn widget_add(
    token: String,
    variant_id: String,
    quantity: i64,
) -> Result<TokenCart, ApiError> {
    // The cookie is kept too, where the browser allows it (a page on the store's site).
    let added = add_to(chosen_token(&token)?, &variant_id, quantity).await?;
    record_on_site(crate::analytics::Step::WidgetAdd);
    Ok(unnamed_if_cookie(&token, added))
}

/// The cookie's token never goes back to the page: it is HttpOnly so that scripts cannot read
/// it, and on Vendure it is the signed-in shopper's session. A page on the store's own site
/// keeps using the cart through the cookie, naming no token.
fn unnamed_if_cookie(sent: &str, mut answer: TokenCart) -> TokenCart {
    if answer.token != sent && cookie_token().as_deref() == Some(answer.token.as_str()) {
        answer.token.clear();
    }
    answer
}

/// The widget's checkout button: a plain form post that makes the widget's cart the
/// shopper's cart on the store, keeping any lines already in the store's cart, then opens
/// checkout. It always lands on a page, never on an error body.
#[server(endpoint = "widget/checkout", output = crate::api::Answer)]
pub async fn widget_checkout(token: String) -> Result<(), ApiError> {
    let backend = backend()?;
    let adopted = match plausible_token(&token) {
        true => backend.cart(&token).await.ok(),
        false => None,
    };
    let Some(widget_cart) = adopted else {
        // A page on the store's own site names no token: its cart is already the cookie's.
        let shared = token.is_empty() && cookie_token().is_some();
        crate::api::cart::ssr::redirect(if shared { "/checkout" } else { "/cart" });
        return Ok(());
    };
    if let Some(old) = cookie_token().filter(|old| *old != token) {
        if let Ok(old_cart) = backend.cart(&old).await {
            let missing = old_cart
                .lines
                .iter()
                .filter(|l| widget_cart.line(&l.variant_id).is_none());
            for line in missing {
                // A line that no longer fits (sold out since) is left out; checkout would
                // refuse it anyway.
                let _ = backend
                    .add_to_cart(Some(&token), &line.variant_id, line.quantity)
                    .await;
            }
        }
    }
    set_token(&token);
    // The order this leads to is the embedding site's sale (no visitor in it: the site only).
    if let Some(site) = site() {
        crate::api::events::came_from_site(&site);
    }
    crate::api::cart::ssr::redirect("/checkout");
    Ok(())
}

/// The token the widget sent if it sent one (refused if it cannot be ours), else the
/// cookie's.
fn chosen_token(sent: &str) -> Result<Option<String>, ApiError> {
    match sent {
        "" => Ok(cookie_token()),
        t if plausible_token(t) => Ok(Some(t.to_string())),
        _ => Err(ApiError::Invalid(crate::words::Problem::CartExpired)),
    }
}

fn empty(currency: crate::commerce::Currency) -> TokenCart {
    TokenCart {
        token: String::new(),
        cart: Cart::empty(currency),
    }
}

/// The widget's wishlist as one `<vitrine-product>` shows it: the token naming the list (""
/// until the first save), whether this product is on it, and how many are.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WidgetSaved {
    pub token: String,
    pub saved: bool,
    pub count: u32,
}

#[server(endpoint = "widget/wishlist", output = crate::api::Answer)]
pub async fn widget_wishlist(token: String, handle: String) -> Result<WidgetSaved, ApiError> {
    use crate::api::wishlist::ssr;
    let handle = validate::handle(&handle)?;
    let token = ssr::widget_token(&token)?;
    let list = ssr::widget_list(token.as_deref()).await?;
    Ok(WidgetSaved {
        saved: list.iter().any(|s| s.0 == handle),
        count: list.len() as u32,
        token: token.unwrap_or_default(),
    })
}

/// The heart: saves the product (with the variant on show) or takes it out.
#[server(endpoint = "widget/wishlist/toggle", output = crate::api::Answer)]
pub async fn widget_wishlist_toggle(
    token: String,
    handle: String,
    #[server(default)] variant_id: String,
) -> Result<WidgetSaved, ApiError> {
    use crate::api::wishlist::ssr;
    let handle = validate::handle(&handle)?;
    let (token, saved, count) =
        ssr::widget_toggle(ssr::widget_token(&token)?, &handle, &variant_id).await?;
    Ok(WidgetSaved {
        token,
        saved,
        count: count as u32,
    })
}

/// "View wishlist": a plain form post from the widget (a navigation, so the store sets its
/// own cookie) that joins the widget's list to the shopper's on the store and opens it.
#[server(endpoint = "widget/wishlist/open", output = crate::api::Answer)]
pub async fn widget_wishlist_open(token: String) -> Result<(), ApiError> {
    use crate::api::wishlist::ssr;
    // A token that cannot be ours opens the store's list as it is.
    let token = ssr::widget_token(&token).ok().flatten();
    ssr::adopt_widget_list(token.as_deref()).await?;
    crate::api::cart::ssr::redirect("/wishlist");
    Ok(())
}
