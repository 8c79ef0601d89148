//! The Vendure adapter: the `Commerce` trait over Vendure's GraphQL Shop API. The cart token is
//! Vendure's session token (bearer method), which the storefront keeps in its own HttpOnly
//! cookie; the browser never talks to Vendure. Selected with `VITRINE_BACKEND=vendure`. This
//! file holds the store, its start and the `Commerce` implementation, each method handing
//! over to the file of its section (catalogue, cart, checkout, orders, accounts), as the
//! embedded adapter does.

mod accounts;
mod cart;
mod catalogue;
mod checkout;
mod client;
mod orders;
mod plain;
mod queries;

use super::backend::*;
use super::checkout::{Decline, PaymentMethod, Tax, Terms};
use super::model::*;
use super::promotions::CouponProblem;
use super::{Currency, Refusal, Thing};
use crate::discovery::Item;
use catalogue::Shelf;
use client::{Client, Kind};
use plain::{address_input, plain_order, plain_product, VOrder};
use queries::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Vendure refused for a reason of its own: its words (English, for developers) go to the log,
/// the shopper gets a typed refusal the page words.
pub(crate) fn refused(message: String) -> CommerceError {
    tracing::info!(%message, "Vendure refused the request");
    CommerceError::Refused(Refusal::Backend)
}

/// How long listings may show a catalogue (and stock) this old. Product pages and carts
/// always ask Vendure afresh.
const SHELF_TTL: Duration = Duration::from_secs(60);
/// The Shop API's default `shopListQueryLimit`: the most one page of a list may hold.
const PAGE: i64 = 100;
/// A search word keeps its best this many products (Vendure ranks them); enough for any
/// listing a shopper pages through, and a bound on the calls one search makes.
const MOST_HITS: i64 = 500;
/// How long a product page reuses Vendure's answer by default (`VENDURE_PRODUCT_TTL`): each
/// page was one Shop API query, and Vendure, not the storefront, then set the pace (134
/// pages/s at 16 connections). Stock on the page is at most this old; add to cart and
/// checkout ask Vendure live, and this instance's own orders drop the copies at once.
pub const PRODUCT_TTL: Duration = Duration::from_secs(5);
/// Product pages kept at most; past it, expired ones are dropped.
const PRODUCTS_KEPT: usize = 4_096;
/// Placed orders remembered per attempt key, so a replayed checkout returns the first order.
const REMEMBERED_ATTEMPTS: usize = 10_000;

/// The Vendure backend answering in one language (`Commerce::in_language`): its client asks
/// the Shop API with `languageCode`, and Vendure falls back to the channel's default language
/// where a product has no translation. Every view shares one `Shared`.
#[derive(Clone)]
pub struct VendureStore {
    shared: Arc<Shared>,
    client: Client,
    language: &'static str,
    product_ttl: Duration,
}

impl std::ops::Deref for VendureStore {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.shared
    }
}

pub struct Shared {
    currency: Currency,
    /// Where product pictures come from, for the page's Content-Security-Policy.
    asset_origin: Option<String>,
    /// The catalogue per language, with when it was loaded.
    shelf: Mutex<HashMap<&'static str, (Instant, Arc<Shelf>)>>,
    /// One catalogue load at a time: a cold cache under load must not fan out to Vendure.
    loading: tokio::sync::Mutex<()>,
    /// Product pages by (language, handle), with when Vendure was asked.
    products: Mutex<ProductPages>,
    /// Attempt key → what it did (the order it placed, or the one whose payment got no
    /// answer), behind a lock held across that placement: a replay waits for the first and
    /// gets its order, while other shoppers' checkouts go on. Per process; across instances
    /// the storefront's shared claim (`api/placing.rs`) keeps a second click waiting.
    attempts: Mutex<HashMap<String, Attempt>>,
    /// Vendure declares the gift fields on orders (see `OrderWithGift` in shop.graphql).
    gifts: bool,
    /// Signs order codes for Vendure's order access rule (`VENDURE_ORDER_PROOF_KEY`; see
    /// scripts/vendure/server.js). Without it Vendure's own rule applies: a guest order can
    /// be read for two hours after it is placed.
    proof_key: Option<Arc<[u8]>>,
    /// One placement at a time per variant, from the stock check until the payment: Vendure
    /// checks stock when a line is added, not when the order is placed, so ten orders at
    /// once for the last four units all went through.
    holds: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

#[derive(Default)]
struct ProductPages {
    /// Counts this instance's orders: an answer asked for before one is not kept.
    generation: u64,
    pages: HashMap<(&'static str, String), (Instant, Product)>,
}

type Attempt = Arc<tokio::sync::Mutex<Tried>>;

/// What one checkout attempt did.
#[derive(Default)]
struct Tried {
    /// The order it placed.
    placed: Option<String>,
    /// The order whose payment it sent without hearing back.
    paying: Option<String>,
}

impl VendureStore {
    /// Connects to the Shop API at `url` and learns the channel's currency.
    pub async fn connect(url: &str, proof_key: Option<&str>) -> Result<VendureStore, String> {
        let client = Client::new(url)?;
        let reply = client
            .call::<Channel>(channel::Variables {}, None, Kind::Read)
            .await
            .map_err(|e| format!("cannot reach Vendure at {url}: {e}"))?;
        let code = format!("{:?}", reply.data.active_channel.default_currency_code);
        let currency = Currency::parse(&code).ok_or_else(|| {
            format!("Vendure's channel sells in {code}, which vitrine cannot show")
        })?;
        let asset_origin = url.split_once("://").and_then(|(scheme, rest)| {
            rest.split('/')
                .next()
                .map(|host| format!("{scheme}://{host}"))
        });
        let probe = order_with_gift::Variables {
            code: "VITRINE-PROBE".into(),
        };
        let gifts = match client.call::<OrderWithGift>(probe, None, Kind::Read).await {
            Ok(_) | Err(CommerceError::NotFound(_)) => true,
            // A stock Vendure refuses the query: its orders have no such fields.
            Err(CommerceError::Refused(_)) => {
                tracing::info!("Vendure declares no gift fields: gifts are refused");
                false
            }
            Err(e) => return Err(format!("cannot reach Vendure at {url}: {e}")),
        };
        let shared = Shared {
            currency,
            asset_origin,
            gifts,
            shelf: Mutex::default(),
            loading: tokio::sync::Mutex::new(()),
            products: Mutex::default(),
            attempts: Mutex::new(HashMap::new()),
            proof_key: proof_key
                .filter(|k| !k.is_empty())
                .map(|k| Arc::from(k.as_bytes())),
            holds: Mutex::new(HashMap::new()),
        };
        Ok(VendureStore {
            shared: Arc::new(shared),
            client: client.speaking("en"),
            language: "en",
            product_ttl: PRODUCT_TTL,
        })
    }
}

impl VendureStore {
    /// The same store, its product pages reusing Vendure's answer for `ttl` (zero: never).
    pub fn reusing_products_for(self, ttl: Duration) -> VendureStore {
        VendureStore {
            product_ttl: ttl,
            ..self
        }
    }
}

fn split_name(name: &str) -> (String, String) {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_string(), last.to_string()),
        None => (name.to_string(), String::new()),
    }
}

#[async_trait::async_trait]
impl Commerce for VendureStore {
    fn currency(&self) -> Currency {
        self.currency
    }

    fn language(&self) -> &'static str {
        self.language
    }

    /// One currency, the channel's: the sample channel prices in no other, and a channel that
    /// does would be asked with `currencyCode` the way languages are.
    fn in_currency(self: Arc<Self>, _currency: Currency) -> Arc<dyn Commerce> {
        self
    }

    fn in_language(self: Arc<Self>, language: &'static str) -> Arc<dyn Commerce> {
        if language == self.language {
            return self;
        }
        Arc::new(VendureStore {
            shared: self.shared.clone(),
            client: self.client.speaking(language),
            language,
            product_ttl: self.product_ttl,
        })
    }

    fn image_origin(&self) -> Option<String> {
        self.asset_origin.clone()
    }

    /// Every order of ours drops the product copies (`restock`): pages drawn from them too.
    fn shown_changes(&self) -> u64 {
        self.product_generation()
    }

    fn prices_bundles(&self) -> bool {
        true
    }

    async fn replay(
        &self,
        idempotency_key: &str,
        paying: Option<&str>,
    ) -> CommerceResult<Option<Order>> {
        checkout::replay(self, idempotency_key, paying).await
    }

    async fn pending_sale(&self, token: &str) -> CommerceResult<Option<PendingSale>> {
        let Some(active) = self.active_order(token).await? else {
            return Ok(None);
        };
        let variants = orders::cart(&active)?
            .lines
            .into_iter()
            .map(|l| l.variant_id)
            .collect();
        Ok(Some(PendingSale {
            order: active.code,
            variants,
        }))
    }

    /// Vendure's promotions cannot be read through the Shop API, so the bundle is tried: one
    /// of each product in a scratch cart, which Vendure prices with its promotions. What it
    /// takes off those products (not the order as a whole) must be the declared percentage,
    /// give or take a cent a line for Vendure's per-line rounding. The scratch cart is emptied.
    async fn check_bundle(&self, bundle: &crate::commerce::bundles::Bundle) -> CommerceResult<()> {
        cart::check_bundle(self, bundle).await
    }

    async fn categories(&self) -> CommerceResult<Vec<Category>> {
        catalogue::categories(self).await
    }

    async fn category(&self, handle: &str) -> CommerceResult<Category> {
        catalogue::category(self, handle).await
    }

    async fn products(&self, query: &ProductQuery) -> CommerceResult<Page<ProductSummary>> {
        catalogue::products(self, query).await
    }

    async fn product(&self, handle: &str) -> CommerceResult<Product> {
        catalogue::product(self, handle).await
    }

    async fn items(&self, query: &ItemQuery) -> CommerceResult<Vec<Item>> {
        catalogue::items(self, query).await
    }

    async fn search_terms(&self) -> CommerceResult<Vec<(String, u32)>> {
        catalogue::search_terms(self).await
    }

    async fn baskets(&self, _limit: u32) -> CommerceResult<Vec<Vec<String>>> {
        // The Shop API shares no one else's orders; bought together falls back to similar.
        Ok(Vec::new())
    }

    async fn cart(&self, token: &str) -> CommerceResult<Cart> {
        cart::cart(self, token).await
    }

    async fn add_to_cart(
        &self,
        token: Option<&str>,
        variant_id: &str,
        quantity: u32,
    ) -> CommerceResult<TokenCart> {
        cart::add_to_cart(self, token, variant_id, quantity).await
    }

    async fn set_line_quantity(
        &self,
        token: &str,
        variant_id: &str,
        quantity: u32,
    ) -> CommerceResult<Cart> {
        cart::set_line_quantity(self, token, variant_id, quantity).await
    }

    async fn apply_coupon(&self, token: &str, code: &str) -> CommerceResult<Cart> {
        cart::apply_coupon(self, token, code).await
    }

    async fn remove_coupon(&self, token: &str) -> CommerceResult<Cart> {
        cart::remove_coupon(self, token).await
    }

    async fn checkout_terms(&self, token: &str, _cart: &Cart) -> CommerceResult<Terms> {
        checkout::checkout_terms(self, token, _cart).await
    }

    async fn place_order(&self, token: &str, order: &PlaceOrder) -> CommerceResult<Order> {
        checkout::place_order(self, token, order).await
    }

    async fn order(&self, code: &str) -> CommerceResult<Order> {
        orders::order(self, code).await
    }

    async fn register(
        &self,
        email: &str,
        name: &str,
        password: &str,
        cart: Option<&str>,
    ) -> CommerceResult<SignedIn> {
        accounts::register(self, email, name, password, cart).await
    }

    async fn sign_in(
        &self,
        email: &str,
        password: &str,
        cart: Option<&str>,
    ) -> CommerceResult<SignedIn> {
        accounts::sign_in(self, email, password, cart).await
    }

    async fn sign_out(&self, customer_id: &str) -> CommerceResult<bool> {
        accounts::sign_out(self, customer_id).await
    }

    /// A Vendure customer is known by their session: the id is its token, which the
    /// storefront keeps in its signed, HttpOnly session cookie.
    async fn customer(&self, id: &str) -> CommerceResult<Customer> {
        accounts::customer(self, id).await
    }

    async fn orders_for(&self, customer_id: &str) -> CommerceResult<Vec<OrderSummary>> {
        accounts::orders_for(self, customer_id).await
    }
}
