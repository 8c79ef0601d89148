//! The store's words in English.

use super::{form, Form, Label, Locale, Problem};
use crate::commerce::{Refusal, Thing};

pub const STORE_NAME: &str = "Vitrine";
pub const STORE_TAGLINE: &str = "Well-made things for everyday life";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const NAV_LABEL: &str = "Categories";
pub const HOME: &str = "Home";

pub const LANGUAGE: &str = "Language";
pub const CURRENCY: &str = "Currency";

/// A currency's name, for the switcher (its symbol and code beside it).
pub fn currency_name(c: crate::commerce::Currency) -> &'static str {
    use crate::commerce::Currency::*;
    match c {
        USD => "US dollar",
        EUR => "Euro",
        CNY => "Chinese yuan",
        GBP => "British pound",
        JPY => "Japanese yen",
    }
}

pub fn symbol(c: crate::commerce::Currency) -> &'static str {
    c.symbol()
}
/// Said in the language offered, to a shopper whose browser prefers it.
pub const LANGUAGE_OFFER: &str = "This store is also in English.";
pub const LANGUAGE_SWITCH: &str = "Continue in English";
/// Said in the page's language: keep reading it.
pub const LANGUAGE_STAY: &str = "Stay in English";

pub const HERO_TITLE: &str = "Made to be used, every day";
pub const HERO_TEXT: &str =
    "Clothing, kitchen and home goods from independent makers. Free returns within 30 days.";
pub const HERO_CTA: &str = "See what's featured";
pub const SHOP_BY_CATEGORY: &str = "Shop by category";
pub const FEATURED: &str = "Featured";

pub const SOLD_OUT: &str = "Sold out";
pub const SALE: &str = "Sale";
pub const FROM: &str = "From";
pub const REGULAR_PRICE: &str = "Regular price";
pub const SALE_PRICE: &str = "Sale price";
pub const QUANTITY: &str = "Quantity";
pub const ADD_TO_CART: &str = "Add to cart";
pub const ADDING: &str = "Adding…";
pub const UNAVAILABLE_COMBINATION: &str = "Unavailable";
pub const DESCRIPTION: &str = "Description";
pub const PRODUCT_IMAGES: &str = "Product images";

pub const CART: &str = "Cart";
pub const YOUR_CART: &str = "Your cart";
pub const CART_EMPTY: &str = "Your cart is empty.";
pub const CART_EMPTY_HINT: &str = "Browse a category to find something you'll love.";
pub const CONTINUE_SHOPPING: &str = "Continue shopping";
pub const SUBTOTAL: &str = "Subtotal";
pub const SHIPPING_AT_CHECKOUT: &str = "Shipping and taxes are shown before you pay.";
pub const VIEW_CART: &str = "View cart";
pub const CLOSE: &str = "Close";
pub const UPDATE: &str = "Update";
pub const REMOVE: &str = "Remove";
pub const ADDED_TO_CART: &str = "Added to your cart";
pub const CART_EXPIRED: &str = "Your cart has expired. Please add the item again.";
pub const CHOOSE_OPTION: &str = "Please choose an available option.";

pub const BREADCRUMB: &str = "Breadcrumb";
/// The designers' gallery (/gallery).
pub const GALLERY_TITLE: &str = "Component gallery";
pub const GALLERY_INTRO: &str =
    "Every shared component in the states a shopper meets, from fixtures: light, dark and at phone width.";
pub const GALLERY_INDEX: &str = "Components";

pub const PAGINATION: &str = "Pagination";
pub const PREVIOUS: &str = "Previous";
pub const NEXT: &str = "Next";

pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str =
    "We couldn't find that page. It may have moved, or the link may be mistyped.";
pub const ERROR_TITLE: &str = "Something went wrong";
pub const BACK_HOME: &str = "Back to the home page";
pub const LOADING: &str = "Loading…";
pub const FOOTER_NOTE: &str = "Prices include VAT where applicable. Free returns within 30 days.";

/// The cart link reads "Cart, 3 items" to a screen reader while it shows "Cart 3": the
/// hidden words go around the visible ones, so the link's name contains what is seen (WCAG
/// 2.5.3, label in name) and speech input can say "click Cart".
pub const CART_COUNT_BEFORE: &str = ", ";

pub fn cart_count_after(count: u32) -> &'static str {
    match form(Locale::En, count.into()) {
        Form::One => " item",
        _ => " items",
    }
}

pub fn items(count: u32) -> String {
    match form(Locale::En, count.into()) {
        Form::One => format!("{count} item"),
        _ => format!("{count} items"),
    }
}

pub fn products_count(count: u32) -> String {
    match form(Locale::En, count.into()) {
        Form::One => format!("{count} product"),
        _ => format!("{count} products"),
    }
}

pub fn page_of(page: u32, pages: u32) -> String {
    format!("Page {page} of {pages}")
}

pub fn percent_off(pct: u32) -> String {
    format!("−{pct}%")
}

pub fn only_left(n: u32) -> String {
    format!("Only {n} left")
}

/// "$1,234.50", "-€3.00".
pub fn money(m: crate::commerce::Money) -> String {
    let (sign, n) = super::number::money_parts(Locale::En, m);
    format!("{sign}{}{n}", m.currency.symbol())
}

/// A bare count (the cart badge, page numbers), in the language's digits.
pub fn count(n: u32) -> String {
    n.to_string()
}

/// A price filter's band, from its edges in whole units: "Under $25", "$25 to $50", "$200 and up".
pub fn price_band(from: Option<i64>, to: Option<i64>, c: crate::commerce::Currency) -> String {
    let whole = |n: i64| format!("{}{}", c.symbol(), super::number::decimal(Locale::En, n, 0));
    match (from, to) {
        (None, Some(to)) => format!("Under {}", whole(to)),
        (Some(from), Some(to)) => format!("{} to {}", whole(from), whole(to)),
        (Some(from), None) => format!("{} and up", whole(from)),
        (None, None) => String::new(),
    }
}

pub const IN_STOCK: &str = "In stock";

pub fn quantity_of(name: &str) -> String {
    format!("Quantity of {name}")
}

pub fn remove_item(name: &str) -> String {
    format!("Remove {name}")
}

pub fn quantity_too_small(min: u32) -> String {
    format!("Quantity must be at least {min}.")
}

pub fn quantity_too_large(max: u32) -> String {
    format!("You can add at most {max} of one item.")
}

pub const UNREADABLE: &str = "That request was incomplete. Please try again.";
pub const UNAVAILABLE: &str =
    "The store is having trouble right now. Nothing was changed; please try again.";
pub const UNCONFIRMED: &str =
    "The store did not confirm this in time. Wait a moment and check before trying again; an order is never placed twice.";
pub const UNREACHABLE: &str = "We couldn't reach the store. Check your connection and try again.";
pub const RATE_LIMITED: &str =
    "Too many tries in a short time. Please wait a few minutes and try again.";

pub fn not_found(t: Thing) -> String {
    let what = match t {
        Thing::Page => "page",
        Thing::Product => "product",
        Thing::Category => "category",
        Thing::Order => "order",
        Thing::CartLine => "item",
        Thing::Customer => "account",
        Thing::Record => return "That could not be found.".into(),
    };
    format!("That {what} could not be found.")
}

pub fn out_of_stock(product: &str, available: u32) -> String {
    match available {
        0 => format!("{product} is sold out."),
        n => format!("Only {n} of {product} left; your cart can't hold more."),
    }
}

super::composed!();

/// What a backend's refusal tells the shopper.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::QuantityTooSmall { min } => quantity_too_small(*min),
        Refusal::QuantityTooLarge { max } => quantity_too_large(*max),
        Refusal::CartFull { lines } => format!(
            "Your cart holds at most {lines} different items. Please check out or remove one first."
        ),
        Refusal::GiftsNotSupported => "Gift notes are not available in this store yet.".into(),
        Refusal::EmailNotConfirmed => {
            "Please confirm your email address first, with the link we sent.".into()
        }
        Refusal::PasswordRejected => {
            format!("The store did not accept that password. {PASSWORD_RULE}")
        }
        // Said to the store owner (the admin command), in the statuses' own names.
        Refusal::StatusCannotMove { from, to } => format!(
            "That order is {} and cannot move to {}.",
            from.as_str(),
            to.map_or("anything further", |t| t.as_str())
        ),
        Refusal::CurrencyChanged { shown, now } => format!(
            "Prices are now shown in {}, not {}. Nothing was charged: please check the new total and place the order again.",
            now.code(),
            shown.code()
        ),
        Refusal::BundleNotPromoted { percent } => format!(
            "The commerce backend takes nothing off this set, so it was not declared: create a promotion there first (each product in the cart; {percent}% off those products), then declare it again."
        ),
        Refusal::Backend => "The store could not do that. Nothing was changed.".into(),
    }
}

pub const CHECKOUT: &str = "Checkout";
pub const CHECKOUT_TITLE: &str = "Checkout";
pub const CONTACT: &str = "Contact";
pub const EMAIL: &str = "Email";
pub const EMAIL_HINT: &str = "For your receipt and delivery updates. No newsletters.";
pub const SHIPPING_ADDRESS: &str = "Shipping address";
pub const FULL_NAME: &str = "Full name";
pub const ADDRESS_LINE1: &str = "Address";
pub const ADDRESS_LINE2: &str = "Apartment, suite, etc. (optional)";
pub const CITY: &str = "City";
pub const POSTCODE: &str = "Postcode / ZIP";
pub const COUNTRY: &str = "Country";
pub const DELIVERY: &str = "Delivery";
pub const PAYMENT: &str = "Payment";
pub const PAY_BY_CARD: &str = "Card";
pub const PAY_ON_DELIVERY: &str = "Pay on delivery";
pub const PAY_ON_DELIVERY_HINT: &str = "Pay the courier by card or cash when your order arrives.";
pub const CARD_NUMBER: &str = "Card number";
pub const CARD_EXPIRY: &str = "Expiry (MM/YY)";
pub const CARD_CVC: &str = "Security code";
pub const CARD_TEST_HINT: &str =
    "Test store: use 4242 4242 4242 4242, any future date and any 3 digits.";
pub const ORDER_SUMMARY: &str = "Order summary";
pub const SHIPPING: &str = "Shipping";
pub const FREE: &str = "Free";
/// The tax line, with the rate in basis points (800 is 8%).
pub fn tax(basis_points: i64) -> String {
    match basis_points % 100 {
        0 => format!("Tax ({}%)", basis_points / 100),
        _ => format!("Tax ({}.{:02}%)", basis_points / 100, basis_points % 100),
    }
}
/// The tax line when prices already hold the tax.
pub const TAX_INCLUDED: &str = "Tax included";
/// Its value before the backend has worked the amount out.
pub const IN_PRICES: &str = "In prices";

pub const TOTAL: &str = "Total";
pub const PLACE_ORDER: &str = "Place order";
pub const PLACING_ORDER: &str = "Placing order…";
pub const BUY_NOW: &str = "Buy now";

/// What a shopper reads in the widget on a page the store does not allow.
pub const WIDGET_REFUSED: &str = "This shop can't be used on this page.";
pub const WIDGET_NO_PRODUCT: &str = "This product isn't available.";
pub const WIDGET_CART_EMPTY: &str = "Your cart is empty.";

/// Said to a page (and its developer's console) that is not on the widget's allow-list.
pub fn pay_on_delivery_limit(currency: crate::commerce::Currency) -> String {
    use crate::commerce::checkout::PAY_ON_DELIVERY_MAX_UNITS;
    format!(
        "Pay on delivery is available for up to {PAY_ON_DELIVERY_MAX_UNITS} items and {} \
         before delivery. Please pay by card for this order.",
        crate::commerce::checkout::pay_on_delivery_max(currency)
    )
}
pub const UNUSUAL_CHARACTERS: &str =
    "Please remove unusual characters (invisible marks or extra line breaks) from this field.";
pub const REQUEST_TOO_LARGE: &str =
    "That request was too large for the store to read. Nothing was changed.";
pub const CROSS_SITE_REFUSED: &str = "This request did not come from the store's own pages, \
     so nothing was changed. Please open the store and try again there.";
pub fn widget_origin_refused(origin: &str) -> String {
    format!(
        "This store does not accept the widget on {origin}. Its owner can allow that site by \
         adding {origin} to VITRINE_WIDGET_ORIGINS."
    )
}
pub const REMEMBER_ME: &str = "Remember my details on this device";
pub const REMEMBER_ME_HINT: &str =
    "Saves your email, address and choices in a cookie on this device only. Never your card.";
pub const REMEMBERED: &str = "Your details are remembered on this device.";
pub const FORGET_ME: &str = "Forget them";
pub const GIFT: &str = "Gift";
pub const GIFT_TOGGLE: &str = "This is a gift — send it to someone else";
pub const RECIPIENT_ADDRESS: &str = "Recipient's address";
pub const RECIPIENT_HINT: &str = "We deliver here. Your address above stays on the receipt.";
pub const GIFT_MESSAGE: &str = "Gift message (optional)";
pub const GIFT_HIDE_PRICES: &str = "Leave prices off the packing slip";
pub const GIFT_SUMMARY: &str = "Sent as a gift";
pub const PRICES_HIDDEN: &str = "Prices are left off the packing slip.";
pub const BILLED_TO: &str = "Your address";
pub const CHOOSE_PAYMENT: &str = "Please choose how you'd like to pay.";
pub const CHOOSE_SHIPPING: &str = "Please choose a delivery option.";
pub const ORDER_CONFIRMED: &str = "Thank you — your order is confirmed";
pub const ORDER_NUMBER: &str = "Order number";
pub const ARRIVES: &str = "Arrives";
pub const SHIPS_TO: &str = "Ships to";
pub const PAID_WITH: &str = "Payment";
pub const TRACK_HINT: &str =
    "Bookmark this page, or find your order later with its number and your email.";
pub const ORDER_TITLE: &str = "Your order";
pub const PROGRESS: &str = "Progress";
pub const CARRIER: &str = "Carrier";
pub const TRACKING_NUMBER: &str = "Tracking number";
pub const LIVE_HINT: &str = "This page updates by itself as your order moves.";
pub const PACKING_SLIP: &str = "Packing slip";

/// A step's name on the tracking timeline: a pay-on-delivery order is confirmed, not paid,
/// before it ships.
pub fn timeline_step(s: crate::commerce::OrderStatus, pay_on_delivery: bool) -> &'static str {
    match s {
        crate::commerce::OrderStatus::Paid if pay_on_delivery => "Confirmed · pay on delivery",
        other => order_status(other),
    }
}

pub fn order_status(s: crate::commerce::OrderStatus) -> &'static str {
    use crate::commerce::OrderStatus as S;
    match s {
        S::Placed => "Order placed",
        S::Paid => "Payment received",
        S::Packed => "Packed",
        S::Shipped => "Shipped",
        S::OutForDelivery => "Out for delivery",
        S::Delivered => "Delivered",
        S::Cancelled => "Cancelled",
        S::Refunded => "Refunded",
    }
}

pub fn punctuality(p: crate::commerce::tracking::Punctuality) -> Option<&'static str> {
    use crate::commerce::tracking::Punctuality as P;
    match p {
        P::OnTrack => Some("On track for the promised window"),
        P::Late => Some("Running late — sorry. It is past the promised window."),
        P::DeliveredOnTime => Some("Delivered on time"),
        P::DeliveredLate => Some("Delivered later than promised"),
        P::NotApplicable => None,
    }
}

/// "Mon 23 Nov, 14:05 UTC": one zone for everyone, so server and browser render the same.
pub fn moment(unix: i64) -> String {
    let d = crate::commerce::checkout::Day::from_unix(unix);
    let secs = unix.rem_euclid(86_400);
    format!(
        "{}, {:02}:{:02} UTC",
        day(d),
        secs / 3_600,
        secs % 3_600 / 60
    )
}

pub const LOOKUP_TITLE: &str = "Find your order";
pub const LOOKUP_INTRO: &str =
    "Enter your order number (it is in your confirmation) and the email you ordered with.";
pub const LOOKUP_CODE: &str = "Order number";
pub const LOOKUP_CODE_HINT: &str = "Like VT-7K3M9QX2.";
pub const LOOKUP_SUBMIT: &str = "Find order";
pub const LOOKUP_CODE_NEEDED: &str = "Please enter your order number, like VT-7K3M9QX2.";
pub const LOOKUP_NOT_FOUND: &str =
    "We couldn't find an order with that number and email. Please check both and try again.";
pub const TRACK_ORDER: &str = "Track an order";

/// Countries we ship to, as (ISO code, name).
/// A country's name, for the codes the store ships to (`commerce::checkout::SHIPS_TO`).
pub fn country_name(code: &str) -> &str {
    match code {
        "US" => "United States",
        "CA" => "Canada",
        "GB" => "United Kingdom",
        "IE" => "Ireland",
        "DE" => "Germany",
        "FR" => "France",
        "NL" => "Netherlands",
        "ES" => "Spain",
        "IT" => "Italy",
        "AU" => "Australia",
        other => other,
    }
}

/// Labels as they read inside a sentence ("your postcode"); written out, since lowering a
/// label's case is no rule in most languages (and would ship Unicode's case tables).
pub fn field_required(label: Label) -> String {
    let named = match label {
        Label::FullName => "full name",
        Label::Address => "address",
        Label::Address2 => "apartment, suite, etc.",
        Label::City => "city",
        Label::Postcode => "postcode / zip",
        Label::GiftMessage => "gift message",
    };
    format!("Please enter your {named}.")
}

pub const BAD_EMAIL: &str = "Please enter an email address like name@example.com.";
pub const BAD_POSTCODE: &str = "Please enter a valid postcode.";
pub const BAD_COUNTRY: &str = "Please choose a country we ship to.";
pub const TOO_LONG: &str = "That is too long.";

pub fn card_problem(p: crate::commerce::checkout::CardProblem) -> &'static str {
    use crate::commerce::checkout::CardProblem as P;
    match p {
        P::Number => "That card number doesn't look right. Please check it.",
        P::Expiry => "Please enter the expiry date as MM/YY.",
        P::Expired => "That card has expired. Please use another card.",
        P::Cvc => "Please enter the 3 or 4 digit security code.",
    }
}

pub fn decline(d: crate::commerce::checkout::Decline) -> &'static str {
    use crate::commerce::checkout::Decline as D;
    match d {
        D::Declined => "Your card was declined. Nothing was charged; please try another card.",
        D::InsufficientFunds => {
            "Your card was declined for insufficient funds. Nothing was charged; please try another card."
        }
    }
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Wed 25 Nov".
/// A date a shopper may read years later (a review's): "1 Feb 2026".
pub fn dated(d: crate::commerce::checkout::Day) -> String {
    let (y, m, dd) = d.civil();
    format!("{dd} {} {y}", MONTHS[(m - 1) as usize])
}

pub fn day(d: crate::commerce::checkout::Day) -> String {
    let (_, m, dd) = d.civil();
    format!(
        "{} {dd} {}",
        WEEKDAYS[d.weekday() as usize],
        MONTHS[(m - 1) as usize]
    )
}

pub fn delivery_window(
    from: crate::commerce::checkout::Day,
    to: crate::commerce::checkout::Day,
) -> String {
    if from == to {
        day(from)
    } else {
        format!("{} – {}", day(from), day(to))
    }
}

/// A delivery option by its code; the storefront's own options are worded here, a
/// backend's come in the shopper's language from the backend.
pub fn shipping_label(code: &str, label: &str, min_days: u32, max_days: u32) -> String {
    let _ = code;
    format!("{label} · {min_days}–{max_days} business days")
}

pub fn card_ending(brand: &str, last4: &str) -> String {
    format!("{brand} ending {last4}")
}

pub const COUPON: &str = "Discount code";
/// The test store's codes; SAVE15's minimum spend in the shopper's currency.
pub fn coupon_hint(save15_from: crate::commerce::Money) -> String {
    format!(
        "Test store: try WELCOME10, SAVE15 (on {}+), FREESHIP or SUMMER25.",
        money(save15_from)
    )
}
pub const COUPON_APPLY: &str = "Apply";
pub const COUPON_REMOVE: &str = "Remove";
pub const DISCOUNT: &str = "Discount";
pub const COUPON_NEEDED: &str = "Please enter a discount code.";

pub fn coupon_problem(p: &crate::commerce::promotions::CouponProblem) -> String {
    use crate::commerce::promotions::CouponProblem as P;
    match p {
        P::Unknown => "We don't recognise that code. Please check the spelling.".into(),
        P::Expired {
            last_day: Some(last_day),
        } => format!("That code expired on {}.", day(*last_day)),
        P::Expired { last_day: None } => "That code has expired.".into(),
        P::BelowMinimum {
            min_spend,
            short_by,
        } => format!("That code needs {min_spend} of items; add {short_by} more to use it."),
    }
}

/// "WELCOME10 · 10% off", for the applied coupon in the summary.
pub fn coupon_label(c: &crate::commerce::promotions::Coupon) -> String {
    use crate::commerce::promotions::Discount as D;
    let what = match c.discount {
        D::PercentOff(p) => format!("{p}% off"),
        D::AmountOff(m) => format!("{m} off"),
        D::FreeShipping => "free standard delivery".into(),
    };
    format!("{} · {what}", c.code)
}

pub const ACCOUNT: &str = "Account";
pub const ACCOUNT_TITLE: &str = "Your account";
pub const SIGN_IN: &str = "Sign in";
pub const SIGN_IN_INTRO: &str = "Welcome back.";
pub const REGISTER: &str = "Create an account";
pub const REGISTER_INTRO: &str =
    "Optional: guests can always check out. An account keeps your addresses and orders.";
pub const SIGN_OUT: &str = "Sign out";
pub const PASSWORD: &str = "Password";
pub const PASSWORD_HINT: &str = "At least 10 characters. A phrase is easier to remember.";
pub const PASSWORD_RULE: &str = "Please use a password of 10 to 128 characters.";
pub const SIGN_IN_FAILED: &str = "That email and password don't match an account.";
pub const EMAIL_TAKEN: &str = "There is already an account with that email. Please sign in.";
pub const YOUR_ORDERS: &str = "Your orders";
pub const NO_ORDERS: &str = "No orders yet.";
pub const SAVED_ADDRESSES: &str = "Saved addresses";
pub const NO_ADDRESSES: &str = "Addresses you ship to are saved here.";
pub const SIGNED_IN_AS: &str = "Signed in as";

pub const SEARCH: &str = "Search";
pub const SEARCH_PLACEHOLDER: &str = "Search products";

pub fn search_title(query: &str) -> String {
    if query.is_empty() {
        SEARCH.to_string()
    } else {
        format!("Results for “{query}”")
    }
}

pub fn no_results(query: &str) -> String {
    format!("Nothing matches “{query}”. Try fewer words, or browse a category:")
}

pub const FILTERS: &str = "Filters";
pub const FILTER_APPLY: &str = "Show results";
pub const SORT_BY: &str = "Sort by";
pub const FACET_CATEGORY: &str = "Category";
pub const FACET_COLOUR: &str = "Colour";
pub const FACET_SIZE: &str = "Size";
pub const FACET_PRICE: &str = "Price";
pub const FACET_STOCK: &str = "Availability";
pub const FACET_RATING: &str = "Rating";
pub const CLEAR_FILTERS: &str = "Clear all filters";
pub const NO_MATCH_FILTERS: &str = "No products match these filters.";
pub const POPULAR_NOW: &str = "Popular right now";
/// The listing's results, for screen readers' heading navigation (the cards are level 3).
pub const RESULTS: &str = "Products";
pub const CART_DESCRIPTION: &str = "What is in your cart, and the way to checkout.";

/// A category's description for search engines when the backend has none.
pub fn category_description(name: &str, count: u32) -> String {
    format!("{name} at {STORE_NAME}: {}.", products_count(count))
}
pub const BROWSE_CATEGORIES: &str = "Browse a category";
pub const SUGGESTION_CATEGORY: &str = "Category";

pub fn rated_only(count: u32) -> String {
    format!("4 stars & up ({count})")
}

pub fn in_stock_only(count: u32) -> String {
    format!("In stock only ({count})")
}

pub fn facet_value(label: &str, count: u32) -> String {
    format!("{label} ({count})")
}

pub fn filters_button(ticked: usize) -> String {
    if ticked == 0 {
        FILTERS.to_string()
    } else {
        format!("{FILTERS} ({ticked})")
    }
}

pub fn sort_label(sort: crate::discovery::Sort) -> &'static str {
    use crate::discovery::Sort;
    match sort {
        Sort::Relevance => "Best match",
        Sort::PriceLow => "Price, low to high",
        Sort::PriceHigh => "Price, high to low",
        Sort::Newest => "Newest",
        Sort::BestSelling => "Best selling",
        Sort::TopRated => "Top rated",
    }
}

/// On a category page there are no words, so "best match" means the store's own order.
pub fn browse_sort_label(sort: crate::discovery::Sort) -> &'static str {
    match sort {
        crate::discovery::Sort::Relevance => "Featured",
        other => sort_label(other),
    }
}

pub fn showing_results_for(corrected: &str) -> String {
    format!("Showing results for “{corrected}”")
}

pub fn no_exact_match(typed: &str) -> String {
    format!("No exact match for “{typed}”.")
}

pub const DID_YOU_MEAN: &str = "Did you mean";

pub fn search_for(q: &str) -> String {
    format!("Search for “{q}”")
}

pub fn suggestions_count(n: usize) -> String {
    match (n, form(Locale::En, n as u64)) {
        (0, _) => "No suggestions".into(),
        (_, Form::One) => format!("{n} suggestion. Use the arrow keys to choose it."),
        _ => format!("{n} suggestions. Use the arrow keys to choose one."),
    }
}

pub const PERSONALISED_NOTE: &str = "Ordered with your taste in mind, from what you viewed here.";
pub const PRIVACY_CENTRE: &str = "Privacy centre";

pub const FOR_YOU: &str = "For you";
pub const RECENTLY_VIEWED: &str = "Recently viewed";
pub const BOUGHT_TOGETHER: &str = "Often bought together";
pub const YOU_MAY_LIKE: &str = "You may also like";
pub const SIMILAR_PRODUCTS: &str = "Similar products";
pub const GOES_WITH_CART: &str = "Goes well with your cart";

#[cfg(feature = "ui")]
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// A recommendation row's heading and the sentence saying why it is shown.
#[cfg(feature = "ui")]
pub fn row_text(reason: &crate::discovery::Reason, in_cart: bool) -> (&'static str, String) {
    use crate::discovery::Reason;
    match reason {
        Reason::BecauseYouViewed(names) if names.is_empty() => {
            (FOR_YOU, "Picked from what you browse here.".into())
        }
        Reason::BecauseYouViewed(names) => {
            (FOR_YOU, format!("Because you viewed {}.", and_list(names)))
        }
        Reason::RecentlyViewed => (
            RECENTLY_VIEWED,
            "Only on this device, and only because you said yes.".into(),
        ),
        Reason::BoughtWith(names) if in_cart => (
            GOES_WITH_CART,
            format!("Shoppers who bought {} also bought these.", and_list(names)),
        ),
        Reason::BoughtWith(names) => (
            BOUGHT_TOGETHER,
            format!("Shoppers who bought {} also bought these.", and_list(names)),
        ),
        Reason::LikeThis(name) => (
            YOU_MAY_LIKE,
            format!("Few orders include {name} yet, so these are products like it."),
        ),
        Reason::SimilarTo(name) => (
            SIMILAR_PRODUCTS,
            format!("Close to {name} in kind, price and colour."),
        ),
    }
}

pub const CONSENT_TITLE: &str = "Personalise this store for you?";
/// Short on purpose: the banner must not be the largest thing a phone paints on a first visit
/// (README "Performance"); the privacy centre says the rest.
pub const CONSENT_TEXT: &str = "We'd remember what you view, add and buy, on this device only, to suggest products. Nothing is shared.";
pub const CONSENT_YES: &str = "Yes, personalise";
pub const CONSENT_NO: &str = "No thanks";

pub const PRIVACY_TITLE: &str = "Privacy centre";
pub const PRIVACY_LEAD: &str = "Everything this store remembers about your browsing, in plain words. It lives in a signed cookie and in this browser's storage; it is never stored on our servers and never shared with anyone.";
pub const PRIVACY_ON: &str = "Personalisation is on.";
pub const PRIVACY_OFF: &str = "Personalisation is off. Nothing is recorded.";
pub const PRIVACY_UNASKED: &str = "You have not chosen yet. Nothing is recorded until you say yes.";
pub const PRIVACY_TURN_ON: &str = "Turn personalisation on";
pub const PRIVACY_WITHDRAW: &str = "Withdraw consent and delete";
pub const PRIVACY_NOTHING: &str = "Nothing is recorded.";
pub const PRIVACY_EXPORT: &str = "Download as JSON";
pub const PRIVACY_DELETE: &str = "Delete everything";
pub const PRIVACY_RECORDED: &str = "What is recorded";
pub const PRIVACY_DELETED: &str =
    "Deleted. The cookie is cleared and this browser's storage is empty.";

/// One recorded event in plain words.
pub fn privacy_event(e: &crate::discovery::profile::Event, now: i64) -> String {
    use crate::discovery::profile::Kind;
    let when = ago(now - e.at);
    match e.kind {
        Kind::View => format!("You viewed {} {when}.", e.name),
        Kind::Cart => format!("You added {} to your cart {when}.", e.name),
        Kind::Purchase => format!("You bought {} {when}.", e.name),
        Kind::Search => format!("You searched for “{}” {when}.", e.subject),
    }
}

fn ago(seconds: i64) -> String {
    let (n, unit) = match seconds.max(0) {
        0..60 => return "just now".into(),
        s @ 60..3_600 => (s / 60, "minute"),
        s @ 3_600..86_400 => (s / 3_600, "hour"),
        s => (s / 86_400, "day"),
    };
    match form(Locale::En, n as u64) {
        Form::One => format!("{n} {unit} ago"),
        _ => format!("{n} {unit}s ago"),
    }
}

pub const WISHLIST: &str = "Wishlist";
pub const SAVE_TO_WISHLIST: &str = "Save to wishlist";
pub const SAVED_IN_WISHLIST: &str = "Saved to your wishlist";
pub const REMOVE_FROM_WISHLIST: &str = "Remove from wishlist";
pub const WISHLIST_EMPTY: &str =
    "Nothing saved yet. Save a product with its heart to find it here later.";
pub const BACK_IN_STOCK: &str = "Back in stock";
pub const NO_LONGER_AVAILABLE: &str = "No longer available";
pub const SHARE_WISHLIST: &str = "Share this list";
pub const SHARED_WISHLIST: &str = "A shared wishlist";
pub const SHARE_LINK_NOTE: &str = "Anyone with this link sees this list as it was when you shared it, without your name. Copy it to send it:";
pub const SHARE_LINK: &str = "Link to this list";
pub const CHOOSE_OPTIONS: &str = "Choose options";

pub fn save_named(name: &str) -> String {
    format!("Save {name} to your wishlist")
}

pub fn unsave_named(name: &str) -> String {
    format!("Remove {name} from your wishlist")
}

/// A saved item that costs less than when it was saved.
pub fn price_dropped(was: crate::commerce::Money) -> String {
    format!("Price dropped from {}", money(was))
}

pub fn wishlist_full(max: u32) -> String {
    format!("Your wishlist holds up to {max} items. Remove one to save another.")
}

pub const REVIEWS: &str = "Reviews";
pub const NO_REVIEWS: &str = "No reviews yet. Only shoppers who bought this product can review it.";
pub const NO_MATCHING_REVIEWS: &str = "No reviews with this rating yet.";
pub const SORT_REVIEWS: &str = "Sort reviews";
pub const MOST_HELPFUL: &str = "Most helpful";
pub const NEWEST: &str = "Newest";
pub const ALL_RATINGS: &str = "All ratings";
pub const FILTER_REVIEWS: &str = "Show reviews with";
pub const VERIFIED_PURCHASE: &str = "Verified purchase";
pub const HELPFUL: &str = "Helpful";
pub const YOU_FOUND_HELPFUL: &str = "You found this helpful";
pub const REPORT_REVIEW: &str = "Report this review";
pub const REPORTED_THANKS: &str = "Thank you. The store will take a look at that review.";
pub const REVIEWED_PUBLISHED: &str = "Thank you: your review is published.";
pub const REVIEWED_PENDING: &str =
    "Thank you: your review will appear here once the store has read it.";
pub const REVIEWED_DELETED: &str = "Your review was deleted.";
pub const WRITE_REVIEW: &str = "Write a review";
pub const EDIT_REVIEW: &str = "Edit your review";
pub const YOUR_RATING: &str = "Your rating";
pub const REVIEW_TITLE: &str = "Title";
pub const REVIEW_TEXT: &str = "Your review";
pub const NAME_SHOWN: &str = "Name shown";
pub const NAME_SHOWN_HINT: &str = "Your first name and an initial, as other shoppers will see it.";
pub const PUBLISH_REVIEW: &str = "Publish review";
pub const SAVE_REVIEW: &str = "Save changes";
pub const DELETE_REVIEW: &str = "Delete review";
pub const REVIEW_WAITING: &str = "Your review is waiting for the store to read it.";
pub const REVIEW_YOUR_PURCHASES: &str = "Review what you bought";
pub const REVIEW_PRODUCT: &str = "Write a review";
pub const BACK_TO_ORDER: &str = "Back to your order";
pub const REVIEW_PAGES: &str = "Review pages";

pub fn reviews_count(n: u32) -> String {
    match form(Locale::En, n.into()) {
        Form::One => format!("{n} review"),
        _ => format!("{n} reviews"),
    }
}

/// An average in tenths of a star: 43 → "4.3".
pub fn average(tenths: u32) -> String {
    super::number::decimal(Locale::En, tenths.into(), 1)
}

/// What a screen reader says for a product's stars.
pub fn rating_said(tenths: u32, count: u32) -> String {
    format!(
        "Rated {} out of 5, from {}",
        average(tenths),
        reviews_count(count)
    )
}

pub fn stars_said(stars: u8) -> String {
    format!("Rated {stars} out of 5")
}

pub fn stars_count(stars: u8) -> String {
    match stars {
        1 => "1 star".into(),
        n => format!("{n} stars"),
    }
}

pub fn found_helpful(n: u32) -> String {
    match n {
        1 => "1 person found this helpful".into(),
        n => format!("{n} people found this helpful"),
    }
}

pub fn review_of(product: &str) -> String {
    format!("Review {product}")
}

pub fn review_text_hint(max: u32) -> String {
    format!(
        "Plain text, up to {} characters. Links are shown as text.",
        thousands(max)
    )
}

/// A count written out with its thousands grouped (4,000).
fn thousands(n: u32) -> String {
    super::number::decimal(Locale::En, n.into(), 0)
}

pub fn review_problem(p: &crate::commerce::reviews::ReviewProblem) -> String {
    use crate::commerce::reviews::ReviewProblem as R;
    match p {
        R::Stars => "Please choose from 1 to 5 stars.".into(),
        R::TitleNeeded => "Please give your review a title.".into(),
        R::TitleTooLong { max } => format!("Please keep the title to {} characters.", count(*max)),
        R::TextTooShort { min } => format!("Please write at least {} characters.", count(*min)),
        R::TextTooLong { max } => format!(
            "Please keep your review to {} characters: it is longer than that.",
            thousands(*max)
        ),
        R::Markup => "Reviews are plain text: please leave out HTML and scripts.".into(),
        R::Name => "Please enter a name to show: letters, spaces, dots and hyphens, up to 40 characters.".into(),
        R::NotBought => "Only shoppers who bought this product can review it, and this order did not include it.".into(),
        R::NotDelivered => "You can review this once your order has been delivered.".into(),
        R::AlreadyReviewed => "You have already reviewed this product for this order. You can edit that review instead.".into(),
        R::AlreadyVoted => "You already marked this review as helpful.".into(),
        R::AlreadyReported => "You already reported this review; the store will take a look.".into(),
        R::Gone => "That review is no longer shown.".into(),
    }
}

// The privacy centre's statistics section (api/events.rs, pages/privacy.rs).
pub const ACTIVITY_TITLE: &str = "In the store's own statistics";
pub fn activity_count(count: u64) -> String {
    match count {
        0 => "No steps are recorded under this browser's id.".into(),
        1 => "1 step (a page, a search, the cart, an order) is recorded under this browser's id."
            .into(),
        n => format!(
            "{n} steps (pages, searches, the cart, orders) are recorded under this browser's id."
        ),
    }
}
pub const ACTIVITY_NOTE: &str = "Without your consent, or with Do Not Track or Global Privacy Control on, the store only counts what is visited, never who. Nothing goes to anyone else. Deleting your data above, or withdrawing consent, deletes these too.";

// Bundles (api/bundles.rs, components/buy_together.rs).
pub const SET_TITLE: &str = "Frequently bought together";
pub fn bundle_title(percent: u32) -> String {
    format!("Buy them together and save {percent}%")
}
pub fn add_set(count: usize) -> &'static str {
    if count >= 3 {
        "Add all three to cart"
    } else {
        "Add both to cart"
    }
}
pub fn set_total(total: &str, varies: bool) -> String {
    if varies {
        format!("Together from {total}")
    } else {
        format!("Together {total}")
    }
}
pub fn you_save(amount: &str) -> String {
    format!("You save {amount}")
}
pub fn option_for(name: &str) -> String {
    format!("Option for {name}")
}
pub const AFTER_SAVINGS: &str = "After savings";
pub fn saving_label(label: &str, percent: Option<u32>) -> String {
    match percent {
        Some(p) => format!("Bundle: {label} ({p}% off)"),
        None => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::checkout::CardProblem;

    #[test]
    fn problems_read_as_sentences_with_their_figures() {
        let too_many = Problem::Refused(Refusal::QuantityTooLarge { max: 99 });
        assert_eq!(problem(&too_many), "You can add at most 99 of one item.");
        assert_eq!(
            problem(&Problem::Required(Label::City)),
            "Please enter your city."
        );
        assert_eq!(
            problem(&Problem::Card(CardProblem::Cvc)),
            "Please enter the 3 or 4 digit security code."
        );
        let refused = Problem::WidgetOriginRefused {
            origin: "https://shop.example".into(),
        };
        assert!(problem(&refused).contains("adding https://shop.example to VITRINE_WIDGET_ORIGINS"));
        assert_eq!(not_found(Thing::Order), "That order could not be found.");
        assert_eq!(tax(800), "Tax (8%)");
        assert_eq!(tax(725), "Tax (7.25%)");
    }

    #[test]
    fn every_country_shipped_to_has_a_name() {
        for code in crate::commerce::checkout::SHIPS_TO {
            assert_ne!(country_name(code), *code);
        }
    }
}
