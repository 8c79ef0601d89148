//! The one error type every server function returns: typed and serialisable. It carries no
//! sentences; it is worded (`Display`, through `crate::words`) on the server, which sends the
//! wording along (`error_wire`), and the store's islands show that.

use crate::commerce::checkout::Decline;
use crate::commerce::Thing;
use crate::w;
use crate::words::Problem;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApiError {
    NotFound(Thing),
    /// Why an input was refused.
    Invalid(Problem),
    OutOfStock {
        product: String,
        available: u32,
    },
    /// One form field is wrong: `field` is its input name.
    Field {
        field: String,
        problem: Problem,
    },
    /// The payment was refused; nothing was charged or ordered.
    Payment(Decline),
    /// The backend could not be reached or failed; nothing was changed.
    Unavailable,
    /// A change was sent but not confirmed; retrying the same attempt cannot repeat it.
    Unconfirmed,
    /// Too many attempts from this client or at this record; try again later.
    RateLimited,
    /// The request never reached our code (network, decoding); the detail is for logs.
    Transport(String),
    /// An error as the store's islands receive it: the server's wording, and the form field
    /// it is about, if any. Only the browser makes these.
    Said {
        field: Option<String>,
        said: String,
    },
}

impl ApiError {
    pub fn field(name: &str, problem: Problem) -> ApiError {
        ApiError::Field {
            field: name.into(),
            problem,
        }
    }

    /// The input this error is about, when it is about one.
    pub fn field_name(&self) -> Option<&str> {
        match self {
            ApiError::Field { field, .. } => Some(field),
            ApiError::Said { field, .. } => field.as_deref(),
            _ => None,
        }
    }
}

#[cfg(not(feature = "hydrate"))]
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            ApiError::NotFound(thing) => w!(not_found)(*thing),
            ApiError::Invalid(problem) | ApiError::Field { problem, .. } => w!(problem)(problem),
            ApiError::OutOfStock { product, available } => w!(out_of_stock)(product, *available),
            ApiError::Payment(why) => w!(decline)(*why).into(),
            ApiError::Unavailable => w!(UNAVAILABLE).into(),
            ApiError::Unconfirmed => w!(UNCONFIRMED).into(),
            ApiError::RateLimited => w!(RATE_LIMITED).into(),
            ApiError::Transport(_) => w!(UNREACHABLE).into(),
            ApiError::Said { said, .. } => return f.write_str(said),
        };
        f.write_str(&said)
    }
}

/// In the islands an error is the server's (worded there) or a request that never got an
/// answer; the forms' own checks word their problems themselves (`rules::message`).
#[cfg(feature = "hydrate")]
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Said { said, .. } => f.write_str(said),
            _ => f.write_str(w!(UNREACHABLE)),
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(feature = "ui")]
impl leptos::server_fn::error::FromServerFnError for ApiError {
    type Encoder = super::error_wire::ErrorJson;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr;
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                ApiError::Invalid(Problem::Unreadable)
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
            E::NotFound(thing) => ApiError::NotFound(thing),
            E::Refused(why) => ApiError::Invalid(Problem::Refused(why)),
            E::InvalidCartToken => ApiError::Invalid(Problem::CartExpired),
            E::EmptyCart => ApiError::Invalid(Problem::CartEmpty),
            E::UnknownShipping => ApiError::field("shipping", Problem::ChooseShipping),
            E::OutOfStock { product, available } => ApiError::OutOfStock { product, available },
            E::Coupon(problem) => ApiError::field("coupon", Problem::Coupon(problem)),
            E::EmailTaken => ApiError::field("email", Problem::EmailTaken),
            E::InvalidCredentials => ApiError::Invalid(Problem::SignInFailed),
            E::PaymentDeclined(why) => ApiError::Payment(why),
            E::Unavailable(_) => ApiError::Unavailable,
            E::Unconfirmed => ApiError::Unconfirmed,
        }
    }
}
