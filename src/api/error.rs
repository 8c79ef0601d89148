//! The one error type every server function returns: typed, serialisable, and worded for the
//! shopper by the strings module.

use crate::app::strings;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApiError {
    /// `what` is a noun such as "product".
    NotFound(String),
    /// The shopper-facing reason an input was refused.
    Invalid(String),
    OutOfStock {
        product: String,
        available: u32,
    },
    /// One form field is wrong: `field` is its input name, `message` says how to fix it.
    Field {
        field: String,
        message: String,
    },
    /// The payment was refused; nothing was charged or ordered.
    Payment(String),
    /// The backend could not be reached or failed; nothing was changed.
    Unavailable,
    /// Too many attempts from this client or at this record; try again later.
    RateLimited,
    /// The request never reached our code (network, decoding).
    Transport(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&strings::api_error(self))
    }
}

impl std::error::Error for ApiError {}

#[cfg(feature = "ui")]
impl leptos::server_fn::error::FromServerFnError for ApiError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr;
        match value {
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::MissingArg(msg) => {
                ApiError::Invalid(strings::unreadable_request(&msg))
            }
            other => ApiError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::commerce::backend::CommerceError> for ApiError {
    fn from(e: crate::commerce::backend::CommerceError) -> Self {
        use crate::commerce::backend::CommerceError as E;
        match e {
            E::NotFound(what) => ApiError::NotFound(what),
            E::InvalidInput(msg) => ApiError::Invalid(msg),
            E::InvalidCartToken => ApiError::Invalid(strings::CART_EXPIRED.into()),
            E::EmptyCart => ApiError::Invalid(strings::CART_EMPTY.into()),
            E::UnknownShipping => ApiError::Field {
                field: "shipping".into(),
                message: strings::CHOOSE_SHIPPING.into(),
            },
            E::OutOfStock { product, available } => ApiError::OutOfStock { product, available },
            E::Coupon(problem) => ApiError::Field {
                field: "coupon".into(),
                message: strings::coupon_problem(&problem),
            },
            E::EmailTaken => ApiError::Field {
                field: "email".into(),
                message: strings::EMAIL_TAKEN.into(),
            },
            E::InvalidCredentials => ApiError::Invalid(strings::SIGN_IN_FAILED.into()),
            E::PaymentDeclined(why) => ApiError::Payment(strings::decline(why).into()),
            E::Unavailable(_) => ApiError::Unavailable,
        }
    }
}
