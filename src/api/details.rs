//! "Remember my details on this device": an opt-in, signed, HttpOnly cookie holding the
//! contact, address and choices of the last order, so a returning shopper's checkout is
//! filled in. Card numbers are never part of it.

use super::ApiError;
use crate::commerce::Address;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RememberedDetails {
    pub email: String,
    /// The shopper's own address (a gift's recipient is not remembered).
    pub address: Address,
    pub shipping: String,
    pub pay_on_delivery: bool,
}

#[cfg(feature = "ssr")]
impl RememberedDetails {
    pub fn of(order: &crate::commerce::Order) -> RememberedDetails {
        RememberedDetails {
            email: order.email.clone(),
            address: order
                .billing
                .clone()
                .unwrap_or_else(|| order.address.clone()),
            shipping: order.shipping.code.clone(),
            pay_on_delivery: order.payment
                == crate::commerce::checkout::PaymentMethod::PayOnDelivery,
        }
    }
}

#[cfg(feature = "ssr")]
impl RememberedDetails {
    /// A signed-in customer's details: their email and latest address, with this device's
    /// remembered choices of delivery and payment when there are some.
    pub fn of_customer(
        c: &crate::commerce::Customer,
        device: Option<RememberedDetails>,
    ) -> RememberedDetails {
        RememberedDetails {
            email: c.email.clone(),
            address: c.addresses.first().cloned().unwrap_or_else(|| Address {
                name: c.name.clone(),
                ..Address::default()
            }),
            shipping: device
                .as_ref()
                .map_or_else(|| "standard".to_string(), |d| d.shipping.clone()),
            pay_on_delivery: device.is_some_and(|d| d.pay_on_delivery),
        }
    }
}

/// Forgets the details on this device (the cookie is cleared).
#[server(endpoint = "checkout/forget", output = crate::api::Answer)]
pub async fn forget_details() -> Result<(), ApiError> {
    ssr::forget();
    super::cart::ssr::after_plain_form("/checkout");
    Ok(())
}

#[cfg(feature = "ssr")]
pub use ssr::{keep_draft, remember, remembered, take_draft};

#[cfg(feature = "ssr")]
mod ssr {
    use super::RememberedDetails;
    use crate::api::signed_cookie::{clear, read, write};

    const COOKIE: &str = "vitrine_details";
    const DRAFT: &str = "vitrine_draft";
    const MAX_AGE_DAYS: u32 = 180;

    pub fn remember(details: &RememberedDetails) {
        write(COOKIE, details, MAX_AGE_DAYS * 86_400);
    }

    pub fn remembered() -> Option<RememberedDetails> {
        read(COOKIE)
    }

    /// What a shopper without JavaScript typed into a refused checkout form, for the page the
    /// browser is sent back to (minutes only; never card fields).
    pub fn keep_draft(draft: &RememberedDetails) {
        write(DRAFT, draft, 300);
    }

    /// The kept draft, once: reading it clears it.
    pub fn take_draft() -> Option<RememberedDetails> {
        let draft = read(DRAFT)?;
        clear(DRAFT);
        Some(draft)
    }

    pub fn forget() {
        clear(COOKIE);
    }
}
