//! Checkout: one page, one click to place. Every field is checked here, the card by the test
//! gateway, and the order is placed once per checkout attempt however often it is submitted.

use super::ApiError;
use crate::commerce::checkout::Day;
use crate::commerce::Cart;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckoutData {
    /// With its coupon; prices and options come from `checkout::quote`, as the backend's do.
    pub cart: Cart,
    /// Names this checkout attempt; a resubmission of the same page places no second order.
    pub attempt: String,
    /// The server's today, so delivery dates render the same on server and client.
    pub today: Day,
}

#[server(endpoint = "checkout/get")]
pub async fn get_checkout() -> Result<CheckoutData, ApiError> {
    let backend = super::context::backend()?;
    let cart = super::cart::ssr::current_cart(backend.as_ref()).await?;
    let bytes: [u8; 16] = rand::random();
    Ok(CheckoutData {
        cart,
        attempt: bytes.iter().map(|b| format!("{b:02x}")).collect(),
        today: Day::from_unix(crate::api::clock::now()),
    })
}

/// Applies a discount code to the cart; the reason when it does not apply is the error.
#[server(endpoint = "checkout/coupon")]
pub async fn apply_coupon(code: String) -> Result<Cart, ApiError> {
    use crate::app::strings;
    let code = crate::commerce::promotions::normalise_code(&code);
    if code.is_empty() {
        return Err(ApiError::Field {
            field: "coupon".into(),
            message: strings::COUPON_NEEDED.into(),
        });
    }
    if code.len() > 32 || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(ApiError::Field {
            field: "coupon".into(),
            message: strings::coupon_problem(&crate::commerce::promotions::CouponProblem::Unknown),
        });
    }
    let token =
        super::cart::ssr::token().ok_or_else(|| ApiError::Invalid(strings::CART_EXPIRED.into()))?;
    let cart = super::context::backend()?
        .apply_coupon(&token, &code)
        .await?;
    super::cart::ssr::after_plain_form("/checkout");
    Ok(cart)
}

#[server(endpoint = "checkout/coupon/remove")]
pub async fn remove_coupon() -> Result<Cart, ApiError> {
    let token = super::cart::ssr::token()
        .ok_or_else(|| ApiError::Invalid(crate::app::strings::CART_EXPIRED.into()))?;
    let cart = super::context::backend()?.remove_coupon(&token).await?;
    super::cart::ssr::after_plain_form("/checkout");
    Ok(cart)
}

#[server(endpoint = "checkout/place")]
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
    attempt: String,
) -> Result<(), ApiError> {
    use crate::commerce::backend::PlaceOrder;
    use crate::commerce::checkout::{charge_test_card, Day, PaymentMethod};
    let form = ssr::Form {
        email: &email,
        name: &name,
        line1: &line1,
        line2: &line2,
        city: &city,
        postcode: &postcode,
        country: &country,
    };
    let (email, address) = form.validate()?;
    if attempt.len() != 32 || !attempt.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::Invalid(crate::app::strings::unreadable_request(
            "attempt",
        )));
    }
    let token = super::cart::ssr::token()
        .ok_or_else(|| ApiError::Invalid(crate::app::strings::CART_EXPIRED.into()))?;
    let payment = match payment.as_str() {
        "delivery" => PaymentMethod::PayOnDelivery,
        "card" => {
            let (y, m, _) = Day::from_unix(crate::api::clock::now()).civil();
            charge_test_card(&card_number, &card_expiry, &card_cvc, (y, m))
                .map_err(ssr::card_error)?
        }
        _ => {
            return Err(ApiError::Field {
                field: "payment".into(),
                message: "Please choose how you'd like to pay.".into(),
            })
        }
    };
    let backend = super::context::backend()?;
    let order = backend
        .place_order(
            &token,
            &PlaceOrder {
                email,
                address,
                shipping_code: shipping,
                payment,
                idempotency_key: attempt,
            },
        )
        .await?;
    let signed = super::context::signer()?.sign("order", &order.code);
    leptos_axum::redirect(&format!("/orders/{}?t={signed}", order.code));
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::ApiError;
    use crate::app::strings;
    use crate::commerce::checkout::CardProblem;
    use crate::commerce::Address;

    pub fn card_error(p: CardProblem) -> ApiError {
        let field = match p {
            CardProblem::Number => "card_number",
            CardProblem::Expiry | CardProblem::Expired => "card_expiry",
            CardProblem::Cvc => "card_cvc",
            CardProblem::Declined | CardProblem::InsufficientFunds => {
                return ApiError::Payment(strings::card_problem(p).into())
            }
        };
        ApiError::Field {
            field: field.into(),
            message: strings::card_problem(p).into(),
        }
    }

    pub struct Form<'a> {
        pub email: &'a str,
        pub name: &'a str,
        pub line1: &'a str,
        pub line2: &'a str,
        pub city: &'a str,
        pub postcode: &'a str,
        pub country: &'a str,
    }

    fn field(name: &str, message: impl Into<String>) -> ApiError {
        ApiError::Field {
            field: name.into(),
            message: message.into(),
        }
    }

    fn text(
        name: &str,
        label: &str,
        value: &str,
        max: usize,
        required: bool,
    ) -> Result<String, ApiError> {
        let value = value.trim();
        if required && value.is_empty() {
            return Err(field(name, strings::field_required(label)));
        }
        if value.chars().count() > max || value.chars().any(char::is_control) {
            return Err(field(name, strings::TOO_LONG));
        }
        Ok(value.to_string())
    }

    impl Form<'_> {
        /// Checks fields in the order they appear, so the first message is the first field.
        pub fn validate(&self) -> Result<(String, Address), ApiError> {
            let email = self.email.trim();
            let ok_email = email.len() <= 254
                && !email.contains(char::is_whitespace)
                && email.split_once('@').is_some_and(|(local, domain)| {
                    !local.is_empty()
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains('@')
                });
            if !ok_email {
                return Err(field("email", strings::BAD_EMAIL));
            }
            let name = text("name", strings::FULL_NAME, self.name, 100, true)?;
            let line1 = text("line1", strings::ADDRESS_LINE1, self.line1, 200, true)?;
            let line2 = text("line2", strings::ADDRESS_LINE2, self.line2, 200, false)?;
            let city = text("city", strings::CITY, self.city, 100, true)?;
            let postcode = text("postcode", strings::POSTCODE, self.postcode, 16, true)?;
            if !postcode
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
            {
                return Err(field("postcode", strings::BAD_POSTCODE));
            }
            let country = self.country.trim().to_ascii_uppercase();
            if !strings::COUNTRIES.iter().any(|(code, _)| *code == country) {
                return Err(field("country", strings::BAD_COUNTRY));
            }
            Ok((
                email.to_string(),
                Address {
                    name,
                    line1,
                    line2,
                    city,
                    postcode,
                    country,
                },
            ))
        }
    }
}
