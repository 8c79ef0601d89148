//! Everything that can go wrong that a shopper reads about, typed. Server functions, adapters
//! and the browser's own checks hand these around; only the page turns one into a sentence,
//! in the shopper's language.

use crate::commerce::checkout::CardProblem;
use crate::commerce::promotions::CouponProblem;
use crate::commerce::{Currency, Refusal};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// The backend said no (typed by the adapter).
    Refused(Refusal),
    CartExpired,
    CartEmpty,
    ChooseOption,
    ChooseShipping,
    ChoosePayment,
    /// Above what may be paid on delivery, in the cart's currency.
    PayOnDeliveryLimit {
        currency: Currency,
    },
    CouponNeeded,
    Coupon(CouponProblem),
    Card(CardProblem),
    Required(Label),
    TooLong,
    UnusualCharacters,
    BadEmail,
    BadPostcode,
    BadCountry,
    PasswordRule,
    SignInFailed,
    EmailTaken,
    LookupCodeNeeded,
    LookupNotFound,
    /// The request lacked or garbled an argument.
    Unreadable,
    RequestTooLarge,
    /// A state-changing request that did not come from the store's own pages.
    CrossSite,
    /// The widget on a site the store does not list (said to that site's developer).
    WidgetOriginRefused {
        origin: String,
    },
    /// What the widget shows the shopper on such a site.
    WidgetRefused,
    /// There is nothing on the wishlist (to share).
    WishlistEmpty,
    /// The wishlist holds `max` items already.
    WishlistFull {
        max: u32,
    },
    /// A review that cannot be taken, or a vote that cannot be counted.
    Review(crate::commerce::reviews::ReviewProblem),
}

/// The name of a form field, for "please enter your …".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Label {
    FullName,
    Address,
    Address2,
    City,
    Postcode,
    GiftMessage,
}
