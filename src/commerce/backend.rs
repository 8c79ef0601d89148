//! The seam between the storefront and a commerce backend. UI and server functions speak only
//! this trait; each adapter (embedded SQLite, Vendure, …) implements it and passes the same
//! contract tests.

use super::model::*;
use crate::discovery::{query::WordMatch, Item};
use serde::{Deserialize, Serialize};

/// Everything a backend can refuse, typed so every adapter gives the shopper the same message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CommerceError {
    #[error("{0:?} not found")]
    NotFound(super::Thing),
    #[error("refused: {0:?}")]
    Refused(super::Refusal),
    #[error("cart token is malformed or unknown")]
    InvalidCartToken,
    #[error("only {available} of {product} left")]
    OutOfStock { product: String, available: u32 },
    #[error("the cart is empty")]
    EmptyCart,
    #[error("unknown shipping option")]
    UnknownShipping,
    #[error("coupon does not apply: {0:?}")]
    Coupon(super::promotions::CouponProblem),
    #[error("an account with that email already exists")]
    EmailTaken,
    /// Wrong email or password; which one is never said.
    #[error("email or password not recognised")]
    InvalidCredentials,
    /// The payment provider refused the payment; nothing was charged.
    #[error("payment declined: {0:?}")]
    PaymentDeclined(super::checkout::Decline),
    #[error("backend unavailable: {0}")]
    Unavailable(String),
    /// A change was sent and no answer came back, and asking again found nothing either: it
    /// may or may not have happened. Trying the same attempt again finds out first.
    #[error("backend did not confirm the change")]
    Unconfirmed,
}

pub type CommerceResult<T> = Result<T, CommerceError>;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProductQuery {
    pub category: Option<String>,
    pub featured_only: bool,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

/// The products a listing filters, counts and ranks (`discovery::facets`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemQuery {
    /// Planned words (`discovery::query::plan`): every word must match one of its
    /// alternatives, the first of which may be unfinished. Best matches come first.
    pub words: Option<Vec<WordMatch>>,
    pub category: Option<String>,
    /// Only these products (recommendations, recently viewed).
    pub handles: Option<Vec<String>>,
    /// Most to return; a search keeps its best matches.
    pub limit: u32,
}

/// A customer just signed in (or registered).
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub customer: Customer,
    /// Set when the backend keeps the cart in the account's session (Vendure): the cart token
    /// the storefront must use from now on.
    pub cart_token: Option<String>,
}

#[derive(Clone, Debug)]
pub struct PlaceOrder {
    pub email: String,
    /// Where the parcel goes.
    pub address: Address,
    /// The buyer's own address, when it ships to someone else (a gift).
    pub billing: Option<Address>,
    pub gift: Option<Gift>,
    /// A code from `checkout::shipping_options`.
    pub shipping_code: String,
    /// What the shopper chose; of a card, only brand and last four digits are ever kept.
    pub payment: super::checkout::PaymentMethod,
    /// The test gateway's answer for the card, which the backend's payment handler gives when
    /// it charges: a decline places no order and takes no stock.
    pub declines: Option<super::checkout::Decline>,
    /// The currency the shopper was shown the total in; the order is refused
    /// (`Refusal::CurrencyChanged`) rather than charged in another.
    pub currency: super::Currency,
    /// One per checkout attempt: replays of the same attempt return the first order.
    pub idempotency_key: String,
    /// The signed-in customer, whose history the order joins and whose addresses it updates.
    pub customer_id: Option<String>,
    /// The bundle discounts the storefront declared, for a backend that does not price
    /// bundles itself (`Commerce::prices_bundles`) to charge as the cart showed them.
    pub bundles: Vec<super::bundles::Bundle>,
}

/// A cart about to be placed, as the storefront must see it first (`Commerce::pending_sale`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingSale {
    /// The code the order will carry: recorded before placing, so an instance that takes
    /// over a dead one's attempt can ask what became of it.
    pub order: String,
    /// Its variants: held in the storefront's shared store while it is placed, so no two
    /// sales of one variant overlap on any instance.
    pub variants: Vec<String>,
}

#[async_trait::async_trait]
pub trait Commerce: Send + Sync + 'static {
    /// The currency prices and carts are in.
    fn currency(&self) -> super::Currency;
    /// The language names, descriptions and option values come in (a primary language code
    /// such as "en" or "zh").
    fn language(&self) -> &'static str;
    /// This backend answering in `language`, as Hydrogen passes the locale into every query;
    /// where the catalogue has no translation, the backend's default language shows.
    fn in_language(
        self: std::sync::Arc<Self>,
        language: &'static str,
    ) -> std::sync::Arc<dyn Commerce>;
    /// The currencies this backend can price in (the first is its own).
    fn currencies(&self) -> Vec<super::Currency> {
        vec![self.currency()]
    }
    /// This backend showing and charging prices in `currency`; itself unchanged when it
    /// cannot price in it.
    fn in_currency(
        self: std::sync::Arc<Self>,
        currency: super::Currency,
    ) -> std::sync::Arc<dyn Commerce>;
    /// An option value (a colour, a size) in this backend's language, for facets, which keep
    /// the value itself as their key so a filtered address means the same in every language.
    fn option_label(&self, _value: &str) -> Option<String> {
        None
    }
    /// An order number as a shopper typed it (trimmed, upper case), in the backend's own form.
    fn order_code_as_typed(&self, code: &str) -> String {
        code.to_string()
    }
    /// The order an earlier try of checkout attempt `idempotency_key` placed, when this
    /// backend can tell without placing anything: asked before a retry holds stock or pays
    /// again. `paying`: the order (`PendingSale::order`) a try on any instance was about to pay
    /// for. `Unconfirmed` when it still cannot tell.
    async fn replay(
        &self,
        _idempotency_key: &str,
        _paying: Option<&str>,
    ) -> CommerceResult<Option<Order>> {
        Ok(None)
    }
    /// What placing cart `token` will sell, where the storefront must know it before it
    /// places (`None` otherwise, or for an empty cart). Vendure needs it: it checks stock
    /// when a line is added rather than when it is paid, and counts a paid order's units by
    /// reading the total and writing it back, so overlapping sales oversold and lost units
    /// from its count; and it names the order before it is paid.
    async fn pending_sale(&self, _token: &str) -> CommerceResult<Option<PendingSale>> {
        Ok(None)
    }
    /// Whether this backend takes bundle discounts off by its own rules (Vendure's
    /// promotions) and reports them in `Cart::savings`. Otherwise the storefront prices the
    /// bundles it declared into every cart, and `place_order` charges `PlaceOrder::bundles`.
    fn prices_bundles(&self) -> bool {
        false
    }
    /// Whether this backend will charge `bundle` as declared: refused with the reason when it
    /// would not, so the storefront never shows a discount the charge would not give.
    async fn check_bundle(&self, _bundle: &super::bundles::Bundle) -> CommerceResult<()> {
        Ok(())
    }
    /// Where product pictures are served from when that is not the storefront itself (for
    /// the page's Content-Security-Policy).
    fn image_origin(&self) -> Option<String> {
        None
    }

    /// A count that moves whenever something done through this instance changed what a
    /// browse page shows of the catalogue (a sale selling a variant out or down to its last
    /// few, a new price): pages kept from before it moved are drawn again.
    fn shown_changes(&self) -> u64 {
        0
    }

    async fn categories(&self) -> CommerceResult<Vec<Category>>;
    async fn category(&self, handle: &str) -> CommerceResult<Category>;
    async fn products(&self, query: &ProductQuery) -> CommerceResult<Page<ProductSummary>>;
    async fn product(&self, handle: &str) -> CommerceResult<Product>;
    /// Products with their facets and sales, for listings and recommendations.
    async fn items(&self, query: &ItemQuery) -> CommerceResult<Vec<Item>>;
    /// The words the catalogue uses, with how many products use each (for spelling).
    async fn search_terms(&self) -> CommerceResult<Vec<(String, u32)>>;
    /// The product handles of recent orders, newest first, one list per order (for "bought
    /// together"). A backend that does not share order history returns none.
    async fn baskets(&self, limit: u32) -> CommerceResult<Vec<Vec<String>>>;

    /// The cart behind `token`; `InvalidCartToken` when the backend does not know it.
    async fn cart(&self, token: &str) -> CommerceResult<Cart>;
    /// Adds to the cart behind `token`, or to a new cart when `token` is `None`.
    async fn add_to_cart(
        &self,
        token: Option<&str>,
        variant_id: &str,
        quantity: u32,
    ) -> CommerceResult<TokenCart>;
    /// Sets a line's quantity; zero removes the line.
    async fn set_line_quantity(
        &self,
        token: &str,
        variant_id: &str,
        quantity: u32,
    ) -> CommerceResult<Cart>;

    /// Applies a coupon code to the cart, refusing (with the reason) one that does not apply.
    async fn apply_coupon(&self, token: &str, code: &str) -> CommerceResult<Cart>;
    async fn remove_coupon(&self, token: &str) -> CommerceResult<Cart>;

    /// The delivery options and tax rule checkout quotes this cart with; by default the
    /// storefront's own (`checkout::Terms::house`).
    async fn checkout_terms(
        &self,
        _token: &str,
        cart: &Cart,
    ) -> CommerceResult<super::checkout::Terms> {
        Ok(super::checkout::Terms::house(cart.subtotal))
    }

    /// Turns the cart into an order, checking stock for every line in one transaction.
    async fn place_order(&self, token: &str, order: &PlaceOrder) -> CommerceResult<Order>;
    async fn order(&self, code: &str) -> CommerceResult<Order>;

    /// Creates an account and signs it in; the backend stores only a slow salted hash of the
    /// password. `cart` is the shopper's cart token, which a session-based backend carries
    /// into the account.
    async fn register(
        &self,
        email: &str,
        name: &str,
        password: &str,
        cart: Option<&str>,
    ) -> CommerceResult<SignedIn>;
    /// `InvalidCredentials` for an unknown email and a wrong password alike.
    async fn sign_in(
        &self,
        email: &str,
        password: &str,
        cart: Option<&str>,
    ) -> CommerceResult<SignedIn>;
    /// Ends the customer's session with the backend; `true` when the cart went with it (the
    /// storefront then forgets its cart token too).
    async fn sign_out(&self, _customer_id: &str) -> CommerceResult<bool> {
        Ok(false)
    }
    async fn customer(&self, id: &str) -> CommerceResult<Customer>;
    /// The customer's orders, newest first.
    async fn orders_for(&self, customer_id: &str) -> CommerceResult<Vec<OrderSummary>>;
}
