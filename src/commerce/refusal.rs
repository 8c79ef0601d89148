//! What a backend refuses or cannot find, typed. The page words it in the shopper's language
//! (`crate::words`); a backend's own message is logged where it arrives and goes no further.

use super::model::OrderStatus;
use serde::{Deserialize, Serialize};

/// What could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Thing {
    Page,
    Product,
    Category,
    Order,
    CartLine,
    Customer,
    /// Something the backend would not name (Vendure says "forbidden" and "not found" alike).
    Record,
}

/// Why a backend refused a request that was well formed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    QuantityTooSmall {
        min: u32,
    },
    QuantityTooLarge {
        max: u32,
    },
    /// The cart already holds this many different items.
    CartFull {
        lines: u32,
    },
    /// This backend has nowhere to keep a gift note; refusing beats losing it.
    GiftsNotSupported,
    EmailNotConfirmed,
    /// The backend's password policy said no (its own words are in the log).
    PasswordRejected,
    /// An order cannot move to that status (the admin command's problem, never a shopper's).
    StatusCannotMove {
        from: OrderStatus,
        to: Option<OrderStatus>,
    },
    /// The checkout was shown in one currency and the store now prices in another (the
    /// shopper switched in another tab): nothing is charged until they see the new total.
    CurrencyChanged {
        shown: super::Currency,
        now: super::Currency,
    },
    /// A bundle discount the backend would not take off (no Vendure promotion gives it), so
    /// it is not declared: the store never shows a discount the charge would not give.
    BundleNotPromoted {
        percent: u32,
    },
    /// The backend's own reason, logged where it was received.
    Backend,
}
