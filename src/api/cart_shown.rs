//! The cart changes the store's pages make: the same as `cart`'s, answered with the cart as
//! the page shows it (drawn on the server) instead of its data, so the browser's bundle
//! carries no cart decoder and no cart views (README "Performance"). `cart`'s JSON answers
//! stay for other clients and the load test.

use super::ApiError;
use leptos::prelude::*;

/// The header's count, and the server-drawn HTML of the count as the header says it and of
/// the drawer's and the cart page's contents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownCart {
    pub count: u32,
    pub badge: String,
    pub drawer: String,
    pub page: String,
}

impl crate::api::InParts for ShownCart {
    fn parts(&self) -> Vec<String> {
        vec![
            self.count.to_string(),
            self.badge.clone(),
            self.drawer.clone(),
            self.page.clone(),
        ]
    }

    fn from_parts(parts: Vec<&str>) -> Option<ShownCart> {
        let [count, badge, drawer, page] = parts[..] else {
            return None;
        };
        Some(ShownCart {
            count: count.parse().ok()?,
            badge: badge.to_string(),
            drawer: drawer.to_string(),
            page: page.to_string(),
        })
    }
}

#[server(endpoint = "cart/shown/add", output = crate::api::PartsAnswer)]
pub async fn add_shown(variant_id: String, quantity: i64) -> Result<ShownCart, ApiError> {
    let cart = super::cart::add_to_cart(variant_id, quantity).await?;
    Ok(crate::app::shown_cart(cart))
}

#[server(endpoint = "cart/shown/update", output = crate::api::PartsAnswer)]
pub async fn update_shown(variant_id: String, quantity: i64) -> Result<ShownCart, ApiError> {
    let cart = super::cart::update_cart_line(variant_id, quantity).await?;
    Ok(crate::app::shown_cart(cart))
}

#[server(endpoint = "cart/shown/remove", output = crate::api::PartsAnswer)]
pub async fn remove_shown(variant_id: String) -> Result<ShownCart, ApiError> {
    let cart = super::cart::remove_cart_line(variant_id).await?;
    Ok(crate::app::shown_cart(cart))
}
