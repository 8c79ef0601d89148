//! Every word a shopper reads, below everything that shows them: pages, server functions,
//! the server's own refusals and the widget all take their words from here, and nothing here
//! knows about pages or transport. Problems travel typed ([`Problem`]) and become sentences
//! only where they are shown, in the shopper's language.
//!
//! Each locale is a module with the same items (`en::ADD_TO_CART`, `ru::items(n)`); callers
//! write `w!(ADD_TO_CART)` or `w!(items)(n)`. On the server `w!` picks the module of the
//! language being drawn; a browser bundle is built for one language and `w!` names that module
//! alone, so no other language's words reach the browser. A word missing in one locale does
//! not compile.

/// What every language composes the same way from its own words: which sentence a problem is,
/// and what a totals box's tax line says. Expanded inside each language's module.
macro_rules! composed {
    () => {
        /// What a refused request tells the shopper.
        pub fn problem(p: &Problem) -> String {
            let plain = match p {
                Problem::Refused(r) => return refusal(r),
                Problem::PayOnDeliveryLimit { currency } => return pay_on_delivery_limit(*currency),
                Problem::Coupon(c) => return coupon_problem(c),
                Problem::Required(label) => return field_required(*label),
                Problem::WidgetOriginRefused { origin } => return widget_origin_refused(origin),
                Problem::WishlistFull { max } => return wishlist_full(*max),
                Problem::Review(r) => return review_problem(r),
                Problem::Card(c) => card_problem(*c),
                Problem::CartExpired => CART_EXPIRED,
                Problem::CartEmpty => CART_EMPTY,
                Problem::ChooseOption => CHOOSE_OPTION,
                Problem::ChooseShipping => CHOOSE_SHIPPING,
                Problem::ChoosePayment => CHOOSE_PAYMENT,
                Problem::CouponNeeded => COUPON_NEEDED,
                Problem::TooLong => TOO_LONG,
                Problem::UnusualCharacters => UNUSUAL_CHARACTERS,
                Problem::BadEmail => BAD_EMAIL,
                Problem::BadPostcode => BAD_POSTCODE,
                Problem::BadCountry => BAD_COUNTRY,
                Problem::PasswordRule => PASSWORD_RULE,
                Problem::SignInFailed => SIGN_IN_FAILED,
                Problem::EmailTaken => EMAIL_TAKEN,
                Problem::LookupCodeNeeded => LOOKUP_CODE_NEEDED,
                Problem::LookupNotFound => LOOKUP_NOT_FOUND,
                Problem::Unreadable => UNREADABLE,
                Problem::RequestTooLarge => REQUEST_TOO_LARGE,
                Problem::CrossSite => CROSS_SITE_REFUSED,
                Problem::WidgetRefused => WIDGET_REFUSED,
                Problem::WishlistEmpty => WISHLIST_EMPTY,
            };
            plain.into()
        }

        /// The tax line of a totals box: what it is called and what it shows.
        pub fn tax_line(t: &crate::commerce::checkout::Totals) -> (String, String) {
            match (t.tax_included, t.tax.minor) {
                (false, _) => (
                    tax(crate::commerce::checkout::TAX_BASIS_POINTS),
                    t.tax.to_string(),
                ),
                (true, 0) => (TAX_INCLUDED.into(), IN_PRICES.to_string()),
                (true, _) => (TAX_INCLUDED.into(), t.tax.to_string()),
            }
        }
    };
}
pub(crate) use composed;

pub mod en;
pub mod fa;
mod locale;
pub mod number;
pub mod plural;
mod problem;
pub mod ru;
pub mod zh;

pub use locale::Locale;
pub use plural::{form, Form};
pub use problem::{Label, Problem};

/// The language a browser bundle was built for (features `locale-*`).
#[cfg(not(feature = "ssr"))]
pub const HERE: Locale = if cfg!(feature = "locale-zh") {
    Locale::Zh
} else if cfg!(feature = "locale-fa") {
    Locale::Fa
} else if cfg!(feature = "locale-ru") {
    Locale::Ru
} else {
    Locale::En
};

#[cfg(all(
    not(feature = "ssr"),
    not(any(feature = "locale-zh", feature = "locale-fa", feature = "locale-ru"))
))]
pub use en as here;
#[cfg(all(not(feature = "ssr"), feature = "locale-fa"))]
pub use fa as here;
#[cfg(all(not(feature = "ssr"), feature = "locale-ru"))]
pub use ru as here;
#[cfg(all(not(feature = "ssr"), feature = "locale-zh"))]
pub use zh as here;

/// A price in the current language (what `Money`'s `Display` writes once the app has said so:
/// `commerce::money::write_money_with`).
pub fn money(m: crate::commerce::Money) -> String {
    crate::w!(money)(m)
}

/// The language of what is being drawn or answered now.
#[cfg(not(feature = "ssr"))]
pub fn current() -> Locale {
    HERE
}

#[cfg(feature = "ssr")]
static SOURCE: std::sync::OnceLock<fn() -> Locale> = std::sync::OnceLock::new();

/// The language of what is being drawn or answered now: the server tells (from the request)
/// through [`read_locale_from`]; English until it has.
#[cfg(feature = "ssr")]
pub fn current() -> Locale {
    SOURCE.get().map_or(Locale::En, |read| read())
}

/// Where [`current`] reads the request's language: set once by the server, which knows
/// requests (the words do not).
#[cfg(feature = "ssr")]
pub fn read_locale_from(source: fn() -> Locale) {
    let _ = SOURCE.set(source);
}

/// A word (or a function making one) in the current language: `w!(CART)`, `w!(items)(3)`.
#[cfg(feature = "ssr")]
#[macro_export]
macro_rules! w {
    (in $locale:expr, $item:ident) => {
        match $locale {
            $crate::words::Locale::En => $crate::words::en::$item,
            $crate::words::Locale::Zh => $crate::words::zh::$item,
            $crate::words::Locale::Fa => $crate::words::fa::$item,
            $crate::words::Locale::Ru => $crate::words::ru::$item,
        }
    };
    ($item:ident) => {
        match $crate::words::current() {
            $crate::words::Locale::En => $crate::words::en::$item,
            $crate::words::Locale::Zh => $crate::words::zh::$item,
            $crate::words::Locale::Fa => $crate::words::fa::$item,
            $crate::words::Locale::Ru => $crate::words::ru::$item,
        }
    };
}

/// A word (or a function making one) in the bundle's language: `w!(CART)`, `w!(items)(3)`.
#[cfg(not(feature = "ssr"))]
#[macro_export]
macro_rules! w {
    ($item:ident) => {
        $crate::words::here::$item
    };
}
