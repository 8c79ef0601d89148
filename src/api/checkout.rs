//! Checkout: one page, one click to place. Every field is checked here, the card by the test
//! gateway, and the order is placed once per checkout attempt however often it is submitted.

use super::ApiError;
use crate::commerce::checkout::Day;
use crate::commerce::Cart;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Form field names of an address: name, line1, line2, city, postcode, country.
pub type AddressNames = [&'static str; 6];
pub const OWN: AddressNames = ["name", "line1", "line2", "city", "postcode", "country"];
pub const RECIPIENT: AddressNames = [
    "recipient_name",
    "recipient_line1",
    "recipient_line2",
    "recipient_city",
    "recipient_postcode",
    "recipient_country",
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckoutData {
    /// With its coupon; prices and options come from `checkout::quote`, as the backend's do.
    pub cart: Cart,
    /// Names this checkout attempt; a resubmission of the same page places no second order.
    pub attempt: String,
    /// The server's today, so delivery dates render the same on server and client.
    pub today: Day,
    /// The backend's delivery options and tax rule for this cart.
    pub terms: crate::commerce::checkout::Terms,
    /// What to fill the form with: what was just typed into a refused plain form post, else
    /// the signed-in customer's details, else what this device remembers (if opted in).
    pub prefill: Option<super::details::RememberedDetails>,
    /// This device remembers the shopper (they opted in earlier).
    pub remembered: bool,
    pub signed_in: bool,
}

#[server(endpoint = "checkout/get", output = crate::api::Answer)]
pub async fn get_checkout() -> Result<CheckoutData, ApiError> {
    let (cart, terms) = ssr::costs().await?;
    let customer = super::account::signed_in().await?;
    let draft = super::details::take_draft();
    let device = super::details::remembered();
    if !cart.is_empty() {
        super::events::record(crate::analytics::Step::CheckoutStarted, |e| {
            e.value = cart.subtotal.minor;
            e.currency = cart.subtotal.currency.code().to_string();
        });
    }
    Ok(CheckoutData {
        terms,
        cart,
        attempt: crate::hex::random::<16>(),
        today: Day::from_unix(crate::api::clock::now()),
        remembered: device.is_some(),
        prefill: match &customer {
            _ if draft.is_some() => draft,
            Some(c) => Some(super::details::RememberedDetails::of_customer(c, device)),
            None => device,
        },
        signed_in: customer.is_some(),
    })
}

/// Applies a discount code to the cart; the reason when it does not apply is the error.
#[server(endpoint = "checkout/coupon", output = crate::api::Answer)]
pub async fn apply_coupon(code: String) -> Result<Cart, ApiError> {
    use crate::words::Problem;
    let code = crate::commerce::promotions::normalise_code(&code);
    if code.is_empty() {
        return Err(ApiError::field("coupon", Problem::CouponNeeded));
    }
    if code.len() > 32 || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        let unknown = crate::commerce::promotions::CouponProblem::Unknown;
        return Err(ApiError::field("coupon", Problem::Coupon(unknown)));
    }
    let token =
        super::cart::ssr::token().ok_or(ApiError::Invalid(crate::words::Problem::CartExpired))?;
    let cart = super::context::backend()?
        .apply_coupon(&token, &code)
        .await?;
    super::cart::ssr::after_plain_form("/checkout");
    super::cart::ssr::priced(cart).await
}

#[server(endpoint = "checkout/coupon/remove", output = crate::api::Answer)]
pub async fn remove_coupon() -> Result<Cart, ApiError> {
    let token =
        super::cart::ssr::token().ok_or(ApiError::Invalid(crate::words::Problem::CartExpired))?;
    let cart = super::context::backend()?.remove_coupon(&token).await?;
    super::cart::ssr::after_plain_form("/checkout");
    super::cart::ssr::priced(cart).await
}

#[server(endpoint = "checkout/place", output = crate::api::Answer)]
pub async fn place_order(
    email: String,
    name: String,
    line1: String,
    #[server(default)] line2: String,
    city: String,
    postcode: String,
    country: String,
    shipping: String,
    payment: String,
    #[server(default)] card_number: String,
    #[server(default)] card_expiry: String,
    #[server(default)] card_cvc: String,
    /// "on" when the order ships to someone else, as a gift.
    #[server(default)]
    gift: String,
    #[server(default)] gift_message: String,
    #[server(default)] gift_hide_prices: String,
    #[server(default)] recipient_name: String,
    #[server(default)] recipient_line1: String,
    #[server(default)] recipient_line2: String,
    #[server(default)] recipient_city: String,
    #[server(default)] recipient_postcode: String,
    #[server(default)] recipient_country: String,
    /// "on" when the shopper asked to be remembered on this device.
    #[server(default)]
    remember: String,
    /// The currency the page showed the total in (absent from older pages: the current one).
    #[server(default)]
    currency: String,
    attempt: String,
) -> Result<(), ApiError> {
    let draft = super::details::RememberedDetails {
        email: email.chars().take(254).collect(),
        address: crate::commerce::Address {
            name: name.chars().take(100).collect(),
            line1: line1.chars().take(200).collect(),
            line2: line2.chars().take(200).collect(),
            city: city.chars().take(100).collect(),
            postcode: postcode.chars().take(16).collect(),
            country: country.chars().take(2).collect(),
        },
        shipping: shipping.chars().take(16).collect(),
        pay_on_delivery: payment == "delivery",
    };
    // Run as a block so every refusal passes through the draft-keeping below.
    let result: Result<(), ApiError> = async move {
        use crate::commerce::backend::PlaceOrder;
        use crate::commerce::checkout::{read_test_card, Day, PaymentMethod, TestCard};
        use crate::commerce::Gift;
        // Checked in the order the fields appear, so the first message is for the first field.
        let email = super::rules::email(&email)?;
        let own = super::rules::address(&OWN, [&name, &line1, &line2, &city, &postcode, &country])?;
        let (address, billing, gift) = if gift == "on" {
            let recipient = super::rules::address(
                &RECIPIENT,
                [
                    &recipient_name,
                    &recipient_line1,
                    &recipient_line2,
                    &recipient_city,
                    &recipient_postcode,
                    &recipient_country,
                ],
            )?;
            let message = super::rules::text(
                "gift_message",
                crate::words::Label::GiftMessage,
                &gift_message,
                300,
                false,
            )?;
            let gift = Gift {
                message,
                hide_prices: gift_hide_prices == "on",
            };
            (recipient, Some(own), Some(gift))
        } else {
            (own, None, None)
        };
        if !crate::hex::could_be_random::<16>(&attempt) {
            return Err(ApiError::Invalid(crate::words::Problem::Unreadable));
        }
        let token = super::cart::ssr::token()
            .ok_or(ApiError::Invalid(crate::words::Problem::CartExpired))?;
        let card = match payment.as_str() {
            "delivery" => TestCard {
                method: PaymentMethod::PayOnDelivery,
                declines: None,
            },
            "card" => {
                let (y, m, _) = Day::from_unix(crate::api::clock::now()).civil();
                read_test_card(&card_number, &card_expiry, &card_cvc, (y, m))
                    .map_err(ssr::card_error)?
            }
            _ => {
                return Err(ApiError::field(
                    "payment",
                    crate::words::Problem::ChoosePayment,
                ))
            }
        };
        let backend = super::context::backend()?;
        let shown = match currency.as_str() {
            "" => backend.currency(),
            code => crate::commerce::Currency::parse(code)
                .ok_or(ApiError::Invalid(crate::words::Problem::Unreadable))?,
        };
        if card.method == PaymentMethod::PayOnDelivery {
            let cart = backend.cart(&token).await?;
            if !crate::commerce::checkout::pay_on_delivery_allowed(&cart) {
                let currency = cart.subtotal.currency;
                return Err(ApiError::field(
                    "payment",
                    crate::words::Problem::PayOnDeliveryLimit { currency },
                ));
            }
        }
        // What is bought joins the profile (with consent); the cart is gone once placed.
        let bought: Vec<String> = if super::profile::ssr::consented() {
            super::cart::ssr::current_cart(backend.as_ref())
                .await
                .map(|c| c.lines.into_iter().map(|l| l.product_handle).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        // One order per attempt *of this cart*: another cart that learns (or replays) the
        // attempt key gets its own placement, never this order.
        let key = super::context::signer()?.sign("attempt", &format!("{token}:{attempt}"));
        let placing = PlaceOrder {
            email,
            address,
            billing,
            gift,
            shipping_code: shipping,
            payment: card.method,
            declines: card.declines,
            currency: shown,
            idempotency_key: key.clone(),
            customer_id: super::account::signed_in().await?.map(|c| c.id),
            bundles: if backend.prices_bundles() {
                Vec::new()
            } else {
                super::bundles::ssr::declared().await?
            },
        };
        let order = super::placing::once(backend.as_ref(), &key, &token, || {
            backend.place_order(&token, &placing)
        })
        .await?;
        super::events::record(crate::analytics::Step::OrderPlaced, |e| {
            e.subject = order.code.clone();
            e.value = order.totals.total.minor;
            e.currency = order.totals.total.currency.code().to_string();
        });
        super::events::record_site_sale(
            &order.code,
            order.totals.total.minor,
            order.totals.total.currency.code(),
        );
        for line in &order.lines {
            super::events::record(crate::analytics::Step::ProductBought, |e| {
                e.page = order.code.clone();
                e.subject = line.product_handle.clone();
                e.value = i64::from(line.quantity);
            });
        }
        let purchase = crate::discovery::profile::Kind::Purchase;
        super::profile::ssr::record_handles(purchase, &bought).await;
        // Opted in now, or earlier (then keep what they just used up to date).
        if remember == "on" || super::details::remembered().is_some() {
            super::details::remember(&super::details::RememberedDetails::of(&order));
        }
        // The buyer's browser may look this order up by number and email whatever others
        // try with it.
        super::guessing::remember_device(&super::orders::order_target(&order.code));
        let signed = super::context::signer()?.sign("order", &order.code);
        crate::api::cart::ssr::redirect(&format!("/orders/{}?t={signed}", order.code));
        Ok(())
    }
    .await;
    // A plain form post is sent back to the checkout page: keep what was typed for it.
    if result.is_err() && super::cart::ssr::is_plain_form() {
        super::details::keep_draft(&draft);
    }
    result
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::api::ApiError;
    use crate::commerce::checkout::{CardProblem, Terms};
    use crate::commerce::Cart;

    /// What the checkout's costs are drawn from: the cart, priced with its bundles, and the
    /// backend's delivery options and tax for it.
    pub async fn costs() -> Result<(Cart, Terms), ApiError> {
        let backend = crate::api::context::backend()?;
        let cart = crate::api::cart::ssr::current_cart(backend.as_ref()).await?;
        let cart = crate::api::bundles::ssr::priced(backend.as_ref(), cart).await?;
        let terms = match crate::api::cart::ssr::token() {
            Some(token) if !cart.is_empty() => backend.checkout_terms(&token, &cart).await?,
            _ => Terms::house(cart.subtotal),
        };
        Ok((cart, terms))
    }

    pub fn card_error(p: CardProblem) -> ApiError {
        let field = match p {
            CardProblem::Number => "card_number",
            CardProblem::Expiry | CardProblem::Expired => "card_expiry",
            CardProblem::Cvc => "card_cvc",
        };
        ApiError::field(field, crate::words::Problem::Card(p))
    }
}
