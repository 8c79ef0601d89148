//! The embedded backend: a SQLite file in the data folder, created and seeded on first run.
//! Zero setup for `make run`, and a real database for the tests. This file holds the store,
//! its start and the `Commerce` implementation, each method handing over to the file of its
//! section (catalogue, cart, checkout, orders, accounts), as the Vendure adapter does.

mod accounts;
pub mod art;
mod cart;
pub mod catalog;
mod catalogue;
mod checkout;
pub mod history;
mod listing;
mod migrate;
mod orders;
mod prices;
mod rows;
mod search;
mod seed;
mod texts;

use super::backend::*;
use super::checkout::{self as rules, PaymentMethod, ShippingOption, Totals};
use super::model::*;
use super::promotions::{self, Coupon, CouponProblem, Discount};
use super::tracking::{self, OrderEvent, Shipment};
use super::{Currency, Money, Refusal, Thing};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
// The loaders every section uses.
use rows::*;

/// The embedded store answering in one language (`Commerce::in_language`); every view
/// shares one `Store`.
#[derive(Clone)]
pub struct EmbeddedStore {
    store: Arc<Store>,
    language: &'static str,
    words: Arc<texts::Language>,
    /// The price list this view shows and charges.
    currency: Currency,
}

impl std::ops::Deref for EmbeddedStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

pub struct Store {
    /// The one connection that writes: SQLite serialises writers anyway.
    conn: Arc<Mutex<Connection>>,
    /// Read-only connections. In WAL mode readers never wait for a writer, but they would
    /// wait behind the write connection's mutex while it waits (up to its busy timeout) for
    /// another process's write lock: a backup or the admin command made reads take 9.7 s.
    readers: Arc<[Mutex<Connection>]>,
    next_reader: std::sync::atomic::AtomicUsize,
    /// When abandoned carts were last swept away (Unix seconds).
    last_sweep: std::sync::atomic::AtomicI64,
    /// `Commerce::shown_changes`: sales that changed the stock a page shows, new prices.
    shown: Arc<std::sync::atomic::AtomicU64>,
    path: PathBuf,
    /// How many of the next order placements fail as if the database were down (tests and
    /// demos of the outage path; zero in normal use).
    failures: AtomicU32,
    /// Listing attributes of every product (`listing::Catalogue`) per language and currency;
    /// rebuilt by the next listing once stock or prices changed, in this process or in
    /// another one on the same data folder (`listing::catalogue_version`).
    catalogue: Arc<Mutex<Catalogues>>,
    /// The catalogue's words in every language it has them in.
    texts: texts::Texts,
}

/// Listing attributes by (language, currency).
/// Each with the `catalogue_version` it was built at (`listing::catalogue_version`).
type Catalogues = HashMap<(&'static str, Currency), (i64, Arc<listing::Catalogue>)>;

const DB_FILE: &str = "vitrine.sqlite3";
/// Read-only connections beside the writer: one per core is enough, reads take microseconds.
const READERS: usize = 2;
/// Compiled statements each connection keeps.
const STATEMENTS: usize = 128;
/// A cart nobody touched for this long is gone (the cart cookie lasts as long)…
const CART_DAYS: i64 = 30;
/// …and an empty one (emptied, or ordered) after a day.
const EMPTY_CART_SECONDS: i64 = 86_400;
/// Abandoned carts are swept at most this often, when a new cart is made.
const SWEEP_EVERY_SECONDS: i64 = 3_600;

impl EmbeddedStore {
    /// Opens (creating and seeding when new) the store in `data_dir`; `reset` starts over.
    pub fn open(data_dir: &Path, reset: bool) -> Result<EmbeddedStore, String> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| format!("cannot create data folder {}: {e}", data_dir.display()))?;
        let path = data_dir.join(DB_FILE);
        if reset {
            for suffix in ["", "-wal", "-shm"] {
                let file = PathBuf::from(format!("{}{suffix}", path.display()));
                if file.exists() {
                    std::fs::remove_file(&file)
                        .map_err(|e| format!("cannot remove {}: {e}", file.display()))?;
                }
            }
        }
        let mut conn =
            Connection::open(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .and_then(|_| conn.pragma_update(None, "synchronous", "NORMAL"))
            // The admin command writes to the same file while the server runs.
            .and_then(|_| conn.busy_timeout(std::time::Duration::from_secs(5)))
            .and_then(|_| conn.execute_batch(include_str!("schema.sql")))
            .and_then(|_| migrate::add_missing_columns(&conn))
            .map_err(|e| format!("cannot prepare {}: {e}", path.display()))?;
        seed::seed_if_empty(&mut conn).map_err(|e| format!("cannot seed the catalogue: {e}"))?;
        seed::coupons(&conn).map_err(|e| format!("cannot add the coupons: {e}"))?;
        history::seed_if_missing(&mut conn)
            .map_err(|e| format!("cannot add the order history: {e}"))?;
        texts::seed(&mut conn).map_err(|e| format!("cannot add the translations: {e}"))?;
        prices::seed(&mut conn).map_err(|e| format!("cannot make the price lists: {e}"))?;
        let texts =
            texts::Texts::load(&conn).map_err(|e| format!("cannot read the translations: {e}"))?;
        search::rebuild_index(&mut conn, &texts)
            .map_err(|e| format!("cannot index the catalogue: {e}"))?;
        // Every statement a request runs stays compiled (the default keeps 16, fewer than a
        // checkout uses, so they pushed each other out).
        conn.set_prepared_statement_cache_capacity(STATEMENTS);
        let readers = (0..READERS)
            .map(|_| {
                let reader = Connection::open_with_flags(
                    &path,
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                reader.busy_timeout(std::time::Duration::from_secs(5))?;
                reader.set_prepared_statement_cache_capacity(STATEMENTS);
                Ok(Mutex::new(reader))
            })
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| format!("cannot open {} for reading: {e}", path.display()))?;
        let store = Store {
            conn: Arc::new(Mutex::new(conn)),
            readers: readers.into(),
            next_reader: Default::default(),
            last_sweep: Default::default(),
            shown: Arc::default(),
            path,
            failures: AtomicU32::new(0),
            catalogue: Arc::default(),
            texts,
        };
        Ok(EmbeddedStore {
            words: store.texts.language("en"),
            store: Arc::new(store),
            language: "en",
            currency: super::prices::BASE,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every line of the seeded order history, oldest first (its buyers' reviews are seeded).
    /// On a connection of its own: called once, at start, before any request.
    pub fn seeded_purchases(
        &self,
    ) -> Result<Vec<crate::storefront::seeded_reviews::Bought>, String> {
        rusqlite::Connection::open(&self.path)
            .and_then(|c| history::purchases(&c))
            .map_err(|e| format!("cannot read the seeded orders: {e}"))
    }

    async fn run<T, F>(&self, f: F) -> CommerceResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> CommerceResult<T> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            // A panic in another query must not take the store down with a poisoned lock.
            let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| CommerceError::Unavailable(format!("store task failed: {e}")))?
    }

    /// Runs a query that only reads, on one of the read-only connections.
    async fn read<T, F>(&self, f: F) -> CommerceResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> CommerceResult<T> + Send + 'static,
    {
        let readers = self.readers.clone();
        let first = self.next_reader.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            // A free reader if there is one, else wait for the next in turn.
            let n = readers.len();
            let guard = (0..n)
                .find_map(|i| readers[(first + i) % n].try_lock().ok())
                .unwrap_or_else(|| readers[first % n].lock().unwrap_or_else(|p| p.into_inner()));
            f(&guard)
        })
        .await
        .map_err(|e| CommerceError::Unavailable(format!("store task failed: {e}")))?
    }
}

fn db(e: rusqlite::Error) -> CommerceError {
    tracing::error!(error = %e, "embedded store query failed");
    CommerceError::Unavailable("the store database failed".into())
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A category's tile shows its first featured product.
const CATEGORY_SELECT: &str = "SELECT c.handle, c.name, c.description, \
     (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id), \
     (SELECT p.handle || '|' || p.name || '|' || p.art_colour FROM products p \
        WHERE p.category_id = c.id ORDER BY p.featured DESC, p.position LIMIT 1) \
     FROM categories c";

#[async_trait::async_trait]
impl Commerce for EmbeddedStore {
    /// "VT-" is easy to leave off when reading a number aloud.
    fn order_code_as_typed(&self, code: &str) -> String {
        if code.starts_with("VT-") {
            code.to_string()
        } else {
            format!("VT-{code}")
        }
    }

    fn currency(&self) -> Currency {
        self.currency
    }

    fn shown_changes(&self) -> u64 {
        self.shown.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn currencies(&self) -> Vec<Currency> {
        super::prices::OFFERED.to_vec()
    }

    fn in_currency(self: Arc<Self>, currency: Currency) -> Arc<dyn Commerce> {
        if currency == self.currency || !super::prices::OFFERED.contains(&currency) {
            return self;
        }
        Arc::new(EmbeddedStore {
            currency,
            ..(*self).clone()
        })
    }

    fn language(&self) -> &'static str {
        self.language
    }

    fn in_language(self: Arc<Self>, language: &'static str) -> Arc<dyn Commerce> {
        if language == self.language {
            return self;
        }
        Arc::new(EmbeddedStore {
            store: self.store.clone(),
            language,
            words: self.store.texts.language(language),
            currency: self.currency,
        })
    }

    fn option_label(&self, value: &str) -> Option<String> {
        self.words
            .has_phrase(value)
            .then(|| self.words.phrase(value).to_string())
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

    async fn items(&self, query: &ItemQuery) -> CommerceResult<Vec<crate::discovery::Item>> {
        catalogue::items(self, query).await
    }

    async fn search_terms(&self) -> CommerceResult<Vec<(String, u32)>> {
        catalogue::search_terms(self).await
    }

    async fn baskets(&self, limit: u32) -> CommerceResult<Vec<Vec<String>>> {
        catalogue::baskets(self, limit).await
    }

    async fn product(&self, handle: &str) -> CommerceResult<Product> {
        catalogue::product(self, handle).await
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
        _cart: Option<&str>,
    ) -> CommerceResult<SignedIn> {
        accounts::register(self, email, name, password).await
    }

    async fn sign_in(
        &self,
        email: &str,
        password: &str,
        _cart: Option<&str>,
    ) -> CommerceResult<SignedIn> {
        accounts::sign_in(self, email, password).await
    }

    async fn customer(&self, id: &str) -> CommerceResult<Customer> {
        accounts::customer(self, id).await
    }

    /// Ends the session at once; the cart was never the session's.
    async fn sign_out(&self, customer_id: &str) -> CommerceResult<bool> {
        accounts::sign_out(self, customer_id).await
    }

    async fn orders_for(&self, customer_id: &str) -> CommerceResult<Vec<OrderSummary>> {
        accounts::orders_for(self, customer_id).await
    }
}
