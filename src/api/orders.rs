//! Opening an order as a guest: by its signed link, or by order number and email through a
//! lookup that is rate limited, compares in constant time, and answers alike whether the
//! order is missing or the email is wrong.

use super::ApiError;
use crate::commerce::checkout::Day;
use crate::commerce::Order;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An order and the server's clock, so "on time" reads the same on server and client.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackedOrder {
    pub order: Order,
    pub today: Day,
}

/// An order, for the holder of its signed link. A wrong token and an unknown code answer
/// alike, so the link cannot be used to probe which orders exist.
#[server(endpoint = "orders/get", output = crate::api::Answer)]
pub async fn get_order(code: String, token: String) -> Result<TrackedOrder, ApiError> {
    let not_found = || ApiError::NotFound(crate::commerce::Thing::Order);
    if code.len() > 32 || !super::context::signer()?.verify("order", &code, &token) {
        return Err(not_found());
    }
    let order = super::context::backend()?
        .order(&code)
        .await
        .map_err(|e| match e {
            crate::commerce::backend::CommerceError::Unavailable(_) => ApiError::Unavailable,
            _ => not_found(),
        })?;
    Ok(TrackedOrder {
        order,
        today: Day::from_unix(super::clock::now()),
    })
}

/// The order as its page draws it, for an open tracking page to put in place: whether it can
/// still change (the page stops asking when not), a stamp of the drawing (the page replaces
/// nothing when it has not changed) and the drawing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownOrder {
    pub open: bool,
    pub stamp: String,
    pub html: String,
}

impl crate::api::InParts for ShownOrder {
    fn parts(&self) -> Vec<String> {
        let open = if self.open { "1" } else { "0" };
        vec![open.to_string(), self.stamp.clone(), self.html.clone()]
    }

    fn from_parts(parts: Vec<&str>) -> Option<ShownOrder> {
        let [open, stamp, html] = parts[..] else {
            return None;
        };
        Some(ShownOrder {
            open: open == "1",
            stamp: stamp.to_string(),
            html: html.to_string(),
        })
    }
}

/// `get_order`, as the tracking page shows it.
#[server(endpoint = "orders/shown", output = crate::api::PartsAnswer)]
pub async fn order_shown(code: String, token: String) -> Result<ShownOrder, ApiError> {
    Ok(crate::app::shown_order(get_order(code, token).await?))
}

/// Finds an order by number and the email it was placed with, and sends the shopper to its
/// signed link.
#[server(endpoint = "orders/lookup", output = crate::api::Answer)]
pub async fn lookup_order(code: String, email: String) -> Result<(), ApiError> {
    use crate::words::Problem;
    let code: String = code
        .trim()
        .to_ascii_uppercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let email = email.trim().to_lowercase();
    if code.is_empty() || code.len() > 32 {
        return Err(ApiError::field("code", Problem::LookupCodeNeeded));
    }
    if email.is_empty() || email.len() > 254 {
        return Err(ApiError::field("email", Problem::BadEmail));
    }
    let code = super::context::backend()?.order_code_as_typed(&code);
    let attempt = super::guessing::begin("lookup", &order_target(&code)).await?;
    let signer = super::context::signer()?;
    let found = match super::context::backend()?.order(&code).await {
        Ok(order) => Some(order),
        Err(crate::commerce::backend::CommerceError::Unavailable(_)) => {
            return Err(ApiError::Unavailable)
        }
        Err(_) => None,
    };
    // The same HMAC comparison runs whether or not the order exists, so neither the answer
    // nor its timing tells a guesser which numbers are real.
    let stored = found
        .as_ref()
        .map(|o| o.email.trim().to_lowercase())
        .unwrap_or_default();
    let matches = signer.verify("lookup", &stored, &signer.sign("lookup", &email));
    match found {
        Some(order) if matches => {
            attempt.succeeded();
            let token = signer.sign("order", &order.code);
            crate::api::cart::ssr::redirect(&format!("/orders/{}?t={token}", order.code));
            Ok(())
        }
        _ => {
            attempt.failed().await;
            Err(ApiError::Invalid(Problem::LookupNotFound))
        }
    }
}

/// The limiter's (and the known-device cookie's) name for an order.
pub fn order_target(code: &str) -> String {
    format!("order:{code}")
}
