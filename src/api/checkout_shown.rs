//! The checkout's costs as its page draws them, for the page to put in place when the shopper
//! picks another delivery option or a code is applied or removed: the browser carries no
//! pricing code and no JSON reader for them (README "Performance").

use super::ApiError;
use leptos::prelude::*;

/// The order summary (items, code box, every cost), the Place order button's total, and each
/// delivery option's price in the order the page lists them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownCheckout {
    pub summary: String,
    pub total: String,
    pub prices: Vec<String>,
}

impl super::InParts for ShownCheckout {
    fn parts(&self) -> Vec<String> {
        let mut parts = vec![self.summary.clone(), self.total.clone()];
        parts.extend(self.prices.iter().cloned());
        parts
    }

    fn from_parts(parts: Vec<&str>) -> Option<ShownCheckout> {
        let [summary, total, prices @ ..] = &parts[..] else {
            return None;
        };
        Some(ShownCheckout {
            summary: summary.to_string(),
            total: total.to_string(),
            prices: prices.iter().map(|p| p.to_string()).collect(),
        })
    }
}

/// The checkout's costs with `shipping` chosen (an unknown option: the first one, as the
/// page's form would fall back to).
#[server(endpoint = "checkout/shown", output = crate::api::PartsAnswer)]
pub async fn checkout_shown(shipping: String) -> Result<ShownCheckout, ApiError> {
    if shipping.len() > 32 {
        let problem = crate::words::Problem::ChooseShipping;
        return Err(ApiError::field("shipping", problem));
    }
    let (cart, terms) = super::checkout::ssr::costs().await?;
    let today = crate::commerce::checkout::Day::from_unix(super::clock::now());
    Ok(crate::app::shown_checkout(&cart, &terms, today, &shipping))
}
