//! The embedded backend: a SQLite file in the data folder, created and seeded on first run.
//! Zero setup for `make run`, and a real database for the tests.

mod accounts;
pub mod art;
pub mod catalog;
pub mod history;
mod listing;
mod migrate;
mod prices;
mod search;
mod seed;
mod texts;

use super::backend::*;
use super::checkout::{self, PaymentMethod, ShippingOption, Totals};
use super::model::*;
use super::promotions::{self, Coupon, CouponProblem, Discount};
use super::tracking::{self, OrderEvent, Shipment};
use super::{Currency, Money, Refusal, Thing};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

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
    path: PathBuf,
    /// How many of the next order placements fail as if the database were down (tests and
    /// demos of the outage path; zero in normal use).
    failures: AtomicU32,
    /// Listing attributes of every product (`listing::Catalogue`) per language and currency;
    /// dropped when
    /// stock or sales change and rebuilt by the next listing.
    catalogue: Arc<Mutex<Catalogues>>,
    /// The catalogue's words in every language it has them in.
    texts: texts::Texts,
}

/// Listing attributes by (language, currency).
type Catalogues = HashMap<(&'static str, Currency), Arc<listing::Catalogue>>;

const DB_FILE: &str = "vitrine.sqlite3";
/// Read-only connections beside the writer: one per core is enough, reads take microseconds.
const READERS: usize = 2;
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
        let readers = (0..READERS)
            .map(|_| {
                let reader = Connection::open_with_flags(
                    &path,
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                reader.busy_timeout(std::time::Duration::from_secs(5))?;
                Ok(Mutex::new(reader))
            })
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| format!("cannot open {} for reading: {e}", path.display()))?;
        let store = Store {
            conn: Arc::new(Mutex::new(conn)),
            readers: readers.into(),
            next_reader: Default::default(),
            last_sweep: Default::default(),
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

    /// Makes the next `n` order placements fail with `Unavailable`, before anything is written.
    pub fn fail_next_placements(&self, n: u32) {
        self.failures.store(n, Ordering::SeqCst);
    }

    fn injected_failure(&self) -> bool {
        self.failures
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
    }

    /// Moves an order on, to `to` or (when `None`) to the next status on its way. Refuses
    /// moves the tracking rules do not allow, so the timeline never has holes.
    pub async fn advance_order(
        &self,
        code: &str,
        to: Option<OrderStatus>,
    ) -> CommerceResult<Order> {
        let code = code.to_string();
        self.run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let current = load_order(&tx, &code)?.status;
            let to = match to.or_else(|| tracking::next(current)) {
                Some(to) if tracking::can_move(current, to) => to,
                wanted => {
                    return Err(CommerceError::Refused(Refusal::StatusCannotMove {
                        from: current,
                        to: wanted,
                    }))
                }
            };
            tx.execute(
                "UPDATE orders SET status = ?2 WHERE code = ?1",
                params![code, to.as_str()],
            )
            .map_err(db)?;
            if to == OrderStatus::Shipped {
                tx.execute(
                    "UPDATE orders SET carrier = ?2, tracking_number = ?3 WHERE code = ?1",
                    params![code, tracking::CARRIER, tracking::tracking_number(&code)],
                )
                .map_err(db)?;
            }
            record_event(&tx, &code, to, now())?;
            let order = load_order(&tx, &code)?;
            tx.commit().map_err(db)?;
            Ok(order)
        })
        .await
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sets every variant of product `handle` to `minor` in the base currency (a sale, a new
    /// price list), and its price in the other currencies from it; a compare-at price that is
    /// no longer above the price is dropped. Returns how many variants changed. (The caller
    /// checks the amount: the table refuses only a negative one.)
    pub async fn set_price(&self, handle: &str, minor: i64) -> CommerceResult<usize> {
        let handle = handle.to_string();
        let catalogue = self.catalogue.clone();
        self.run(move |c| {
            let tx = c.transaction().map_err(db)?;
            let variants = "SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id
                            WHERE p.handle = ?1";
            tx.execute(
                &format!("DELETE FROM prices WHERE variant_id IN ({variants})"),
                [&handle],
            )
            .map_err(db)?;
            let changed = tx
                .execute(
                    &format!(
                        "UPDATE variants SET price = ?2,
                           compare_at = CASE WHEN compare_at > ?2 THEN compare_at END
                         WHERE id IN ({variants})"
                    ),
                    params![handle, minor],
                )
                .map_err(db)?;
            tx.commit().map_err(db)?;
            if changed == 0 {
                return Err(CommerceError::NotFound(Thing::Product));
            }
            prices::seed(c).map_err(db)?;
            catalogue.lock().unwrap_or_else(|p| p.into_inner()).clear();
            Ok(changed)
        })
        .await
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

    /// Whether abandoned carts are due a sweep (and claims it, so one caller sweeps).
    fn sweep_due(&self) -> bool {
        let now = now();
        let last = self.last_sweep.load(Ordering::Relaxed);
        now - last >= SWEEP_EVERY_SECONDS
            && self
                .last_sweep
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
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

    /// The SVG picture for a product in one of its colours (`None` when either is unknown).
    pub async fn product_art(&self, handle: String, colour: String) -> Option<String> {
        let colour = catalog::colour(&colour)?;
        let found = self
            .read(move |c| {
                c.query_row(
                    "SELECT art, id FROM products WHERE handle = ?1",
                    [&handle],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
                )
                .optional()
                .map_err(db)
            })
            .await
            .ok()??;
        Some(art::product_svg(&found.0, colour, found.1 as u64))
    }
}

/// Deletes carts nobody has touched for `CART_DAYS`, and empty ones after a day: every
/// cookie-less add makes a cart, and without this they would pile up for ever.
fn sweep_abandoned_carts(c: &Connection) -> CommerceResult<()> {
    let now = now();
    c.execute(
        "DELETE FROM carts WHERE updated_at < ?1
            OR (updated_at < ?2 AND NOT EXISTS (SELECT 1 FROM cart_lines WHERE cart_token = token))",
        params![now - CART_DAYS * 86_400, now - EMPTY_CART_SECONDS],
    )
    .map(|_| ())
    .map_err(db)
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

/// A product's picture in one colour; `name` is already in `words`' language.
fn picture(words: &texts::Language, handle: &str, name: &str, colour: &str) -> Image {
    Image {
        url: format!("/media/p/{handle}/{}.svg", colour.to_ascii_lowercase()),
        alt: words.picture(name, colour),
    }
}

/// Cart tokens are 128 random bits in lowercase hex; anything else is refused before a query.
fn check_token(token: &str) -> CommerceResult<()> {
    let ok = token.len() == 32
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    ok.then_some(()).ok_or(CommerceError::InvalidCartToken)
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn new_token() -> String {
    crate::hex::random::<16>()
}

fn new_order_code() -> String {
    // Crockford base32 without I, L, O, U: readable over the phone.
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let bytes: [u8; 8] = rand::random();
    let body: String = bytes
        .iter()
        .map(|b| ALPHABET[(*b as usize) % 32] as char)
        .collect();
    format!("VT-{body}")
}

/// Sums that overflow or mix currencies: a fault in the data, not the shopper's.
fn money_refused(e: impl std::fmt::Display) -> CommerceError {
    tracing::warn!(error = %e, "cart arithmetic refused");
    CommerceError::Refused(Refusal::Backend)
}

fn check_quantity(quantity: u32, allow_zero: bool) -> CommerceResult<()> {
    if quantity == 0 && !allow_zero {
        return Err(CommerceError::Refused(Refusal::QuantityTooSmall { min: 1 }));
    }
    if quantity > MAX_LINE_QUANTITY {
        return Err(CommerceError::Refused(Refusal::QuantityTooLarge {
            max: MAX_LINE_QUANTITY,
        }));
    }
    Ok(())
}

fn parse_variant_id(id: &str) -> CommerceResult<i64> {
    id.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or(CommerceError::NotFound(Thing::Product))
}

fn split(s: &str) -> Vec<String> {
    s.split('|').map(str::to_string).collect()
}

fn category_row(
    words: &texts::Language,
) -> impl Fn(&rusqlite::Row) -> rusqlite::Result<Category> + '_ {
    move |r| {
        let image = r.get::<_, Option<String>>(4)?.and_then(|s| {
            let mut it = s.splitn(3, '|');
            let (handle, name, colour) = (it.next()?, it.next()?, it.next()?);
            Some(picture(
                words,
                handle,
                words.product_name(handle, name),
                colour,
            ))
        });
        let handle: String = r.get(0)?;
        Ok(Category {
            name: words
                .category_name(&handle, &r.get::<_, String>(1)?)
                .to_string(),
            description: words
                .category_description(&handle, &r.get::<_, String>(2)?)
                .to_string(),
            handle,
            product_count: r.get(3)?,
            image,
        })
    }
}

/// A category's tile shows its first featured product.
const CATEGORY_SELECT: &str = "SELECT c.handle, c.name, c.description, \
     (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id), \
     (SELECT p.handle || '|' || p.name || '|' || p.art_colour FROM products p \
        WHERE p.category_id = c.id ORDER BY p.featured DESC, p.position LIMIT 1) \
     FROM categories c";

/// A coupon, its amounts (kept in the base currency) in `currency`.
fn load_coupon(c: &Connection, code: &str, currency: Currency) -> CommerceResult<Option<Coupon>> {
    let money = |minor| super::prices::house(minor, currency);
    c.query_row(
        "SELECT code, kind, value, min_spend, last_day FROM coupons WHERE code = ?1",
        [code],
        |r| {
            let value: i64 = r.get(2)?;
            let discount = match r.get::<_, String>(1)?.as_str() {
                "percent_off" => Discount::PercentOff(value.clamp(0, 100) as u32),
                "amount_off" => Discount::AmountOff(money(value)),
                _ => Discount::FreeShipping,
            };
            Ok(Coupon {
                code: r.get(0)?,
                discount,
                min_spend: r.get::<_, Option<i64>>(3)?.map(money),
                last_day: r.get::<_, Option<i64>>(4)?.map(checkout::Day),
            })
        },
    )
    .optional()
    .map_err(db)
}

fn load_cart(
    c: &Connection,
    token: &str,
    words: &texts::Language,
    currency: Currency,
) -> CommerceResult<Cart> {
    let coupon_code: Option<Option<String>> = c
        .query_row("SELECT coupon FROM carts WHERE token = ?1", [token], |r| {
            r.get(0)
        })
        .optional()
        .map_err(db)?;
    let Some(coupon_code) = coupon_code else {
        return Err(CommerceError::InvalidCartToken);
    };
    let (join, price, _) = prices::columns(currency);
    let mut stmt = c
        .prepare_cached(&format!(
            "SELECT v.id, p.handle, p.name, v.options, v.colour, {price}, l.quantity, v.stock
             FROM cart_lines l JOIN variants v ON v.id = l.variant_id {join}
             JOIN products p ON p.id = v.product_id
             WHERE l.cart_token = ?1 ORDER BY l.added_at, v.id"
        ))
        .map_err(db)?;
    let lines = stmt
        .query_map([token], |r| {
            let handle: String = r.get(1)?;
            let name = words
                .product_name(&handle, &r.get::<_, String>(2)?)
                .to_string();
            let colour: String = r.get(4)?;
            Ok(CartLineInput {
                variant_id: r.get::<_, i64>(0)?.to_string(),
                image: picture(words, &handle, &name, &colour),
                product_handle: handle,
                product_name: name,
                variant_title: variant_title(words, &r.get::<_, String>(3)?),
                unit_price: Money::new(r.get(5)?, currency),
                quantity: r.get(6)?,
                available: r.get(7)?,
            })
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    let mut cart = Cart::from_lines(currency, lines).map_err(money_refused)?;
    cart.coupon = match coupon_code {
        Some(code) => load_coupon(c, &code, currency)?,
        None => None,
    };
    Ok(cart)
}

/// A variant's options as the cart and order show them ("M / Ink"), in `words`' language.
fn variant_title(words: &texts::Language, options: &str) -> String {
    options
        .split('|')
        .map(|o| words.phrase(o))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn variant_stock(
    c: &Connection,
    variant: i64,
    words: &texts::Language,
) -> CommerceResult<(String, u32)> {
    c.query_row(
        "SELECT p.handle, p.name, v.stock FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?1",
        [variant],
        |r| {
            let handle: String = r.get(0)?;
            let name: String = r.get(1)?;
            Ok((words.product_name(&handle, &name).to_string(), r.get(2)?))
        },
    )
    .optional()
    .map_err(db)?
    .ok_or(CommerceError::NotFound(Thing::Product))
}

fn record_event(c: &Connection, code: &str, status: OrderStatus, at: i64) -> CommerceResult<()> {
    c.execute(
        "INSERT INTO order_events (order_code, status, at) VALUES (?1, ?2, ?3)",
        params![code, status.as_str(), at],
    )
    .map(|_| ())
    .map_err(db)
}

fn load_events(c: &Connection, code: &str) -> CommerceResult<Vec<OrderEvent>> {
    let mut stmt = c
        .prepare_cached(
            "SELECT status, at FROM order_events WHERE order_code = ?1 ORDER BY at, rowid",
        )
        .map_err(db)?;
    let rows = stmt
        .query_map([code], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    Ok(rows
        .into_iter()
        .filter_map(|(s, at)| OrderStatus::parse(&s).map(|status| OrderEvent { status, at }))
        .collect())
}

fn load_order(c: &Connection, code: &str) -> CommerceResult<Order> {
    let corrupt = |what: &str| {
        tracing::error!(order = code, "stored order has unreadable {what}");
        CommerceError::Unavailable("the store database failed".into())
    };
    let head = c
        .query_row(
            "SELECT email, ship_name, ship_line1, ship_line2, ship_city, ship_postcode, ship_country,
               shipping, payment, subtotal, shipping_cost, tax, total, status, placed_at,
               carrier, tracking_number, discount, coupon, billing, gift, currency
             FROM orders WHERE code = ?1",
            [code],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Address {
                        name: r.get(1)?,
                        line1: r.get(2)?,
                        line2: r.get(3)?,
                        city: r.get(4)?,
                        postcode: r.get(5)?,
                        country: r.get(6)?,
                    },
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    [r.get::<_, i64>(9)?, r.get(10)?, r.get(11)?, r.get(12)?],
                    r.get::<_, String>(13)?,
                    r.get::<_, i64>(14)?,
                    (
                        r.get::<_, Option<String>>(15)?,
                        r.get::<_, Option<String>>(16)?,
                    ),
                    (r.get::<_, i64>(17)?, r.get::<_, Option<String>>(18)?),
                    (
                        r.get::<_, Option<String>>(19)?,
                        r.get::<_, Option<String>>(20)?,
                    ),
                    r.get::<_, String>(21)?,
                ))
            },
        )
        .optional()
        .map_err(db)?
        .ok_or(CommerceError::NotFound(Thing::Order))?;
    let (
        email,
        address,
        shipping,
        payment,
        [subtotal, shipping_cost, tax, total],
        status,
        placed_at,
        (carrier, tracking_number),
        (discount, coupon),
        (billing, gift),
        currency,
    ) = head;
    let currency = Currency::parse(&currency).ok_or_else(|| corrupt("currency"))?;
    let money = |minor| Money::new(minor, currency);
    fn parse<T: serde::de::DeserializeOwned>(json: Option<String>) -> Result<Option<T>, ()> {
        json.map(|j| serde_json::from_str(&j).map_err(|_| ()))
            .transpose()
    }
    let coupon: Option<Coupon> = parse(coupon).map_err(|_| corrupt("coupon"))?;
    let billing: Option<Address> = parse(billing).map_err(|_| corrupt("billing"))?;
    let gift: Option<Gift> = parse(gift).map_err(|_| corrupt("gift"))?;
    let shipping: ShippingOption =
        serde_json::from_str(&shipping).map_err(|_| corrupt("shipping"))?;
    let payment: PaymentMethod = serde_json::from_str(&payment).map_err(|_| corrupt("payment"))?;
    let mut stmt = c
        .prepare_cached(
            "SELECT l.variant_id, l.product_name, l.variant_title, l.unit_price, l.quantity,
               p.handle
             FROM order_lines l JOIN variants v ON v.id = l.variant_id
               JOIN products p ON p.id = v.product_id
             WHERE l.order_code = ?1 ORDER BY l.rowid",
        )
        .map_err(db)?;
    let lines = stmt
        .query_map([code], |r| {
            let unit: i64 = r.get(3)?;
            let qty: u32 = r.get(4)?;
            Ok(OrderLine {
                variant_id: r.get::<_, i64>(0)?.to_string(),
                product_handle: r.get(5)?,
                product_name: r.get(1)?,
                variant_title: r.get(2)?,
                unit_price: money(unit),
                quantity: qty,
                line_total: money(unit * i64::from(qty)),
            })
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    Ok(Order {
        code: code.to_string(),
        email,
        lines,
        totals: Totals {
            subtotal: money(subtotal),
            discount: money(discount),
            shipping: money(shipping_cost),
            tax: money(tax),
            total: money(total),
            tax_included: false,
        },
        delivery: checkout::delivery_window(placed_at, &shipping),
        shipping,
        address,
        payment,
        status: OrderStatus::parse(&status).unwrap_or(OrderStatus::Placed),
        placed_at,
        events: load_events(c, code)?,
        coupon,
        billing,
        gift,
        shipment: carrier
            .zip(tracking_number)
            .map(|(carrier, tracking_number)| Shipment {
                carrier,
                tracking_number,
            }),
    })
}

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
        let words = self.words.clone();
        self.read(move |c| {
            let mut stmt = c
                .prepare_cached(&format!("{CATEGORY_SELECT} ORDER BY c.position"))
                .map_err(db)?;
            let rows = stmt.query_map([], category_row(&words)).map_err(db)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(db)
        })
        .await
    }

    async fn category(&self, handle: &str) -> CommerceResult<Category> {
        let handle = handle.to_string();
        let words = self.words.clone();
        self.read(move |c| {
            c.query_row(
                &format!("{CATEGORY_SELECT} WHERE c.handle = ?1"),
                [&handle],
                category_row(&words),
            )
            .optional()
            .map_err(db)?
            .ok_or(CommerceError::NotFound(Thing::Category))
        })
        .await
    }

    async fn products(&self, query: &ProductQuery) -> CommerceResult<Page<ProductSummary>> {
        let q = query.clone();
        let (words, currency) = (self.words.clone(), self.currency);
        self.read(move |c| {
            let per_page = q.per_page.clamp(1, 100);
            let page = q.page.max(1);
            let (from, order) = ("products p", "p.position");
            let filter =
                "(?1 IS NULL OR p.category_id = (SELECT id FROM categories WHERE handle = ?1))
                 AND (?2 = 0 OR p.featured = 1)";
            let total: u32 = c
                .query_row(
                    &format!("SELECT COUNT(*) FROM {from} WHERE {filter}"),
                    params![q.category, q.featured_only],
                    |r| r.get(0),
                )
                .map_err(db)?;
            // The cheapest variant prices the card; its compare-at shows the saving.
            let (join, price, compare_at) = prices::columns(currency);
            let sql = format!(
                "SELECT p.handle, p.name, p.brand,
                   (SELECT colour FROM variants WHERE product_id = p.id ORDER BY position LIMIT 1),
                   MIN({price}), MAX({price}),
                   (SELECT {compare_at} FROM variants v {join} WHERE v.product_id = p.id
                      ORDER BY {price}, v.position LIMIT 1),
                   MAX(v.stock > 0)
                 FROM {from} JOIN variants v ON v.product_id = p.id {join}
                 WHERE {filter}
                 GROUP BY p.id ORDER BY {order} LIMIT ?3 OFFSET ?4"
            );
            let mut stmt = c.prepare_cached(&sql).map_err(db)?;
            let offset = i64::from(page - 1) * i64::from(per_page);
            let items = stmt
                .query_map(
                    params![q.category, q.featured_only, per_page, offset],
                    |r| {
                        let handle: String = r.get(0)?;
                        let name = words
                            .product_name(&handle, &r.get::<_, String>(1)?)
                            .to_string();
                        let colour: String = r.get(3)?;
                        let min: i64 = r.get(4)?;
                        let max: i64 = r.get(5)?;
                        Ok(ProductSummary {
                            image: picture(&words, &handle, &name, &colour),
                            handle,
                            name,
                            brand: r.get(2)?,
                            price: Money::new(min, currency),
                            compare_at: r
                                .get::<_, Option<i64>>(6)?
                                .map(|m| Money::new(m, currency)),
                            price_varies: max != min,
                            in_stock: r.get(7)?,
                            rating: None,
                            saved: false,
                        })
                    },
                )
                .map_err(db)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(db)?;
            Ok(Page {
                items,
                page,
                per_page,
                total,
            })
        })
        .await
    }

    async fn items(&self, query: &ItemQuery) -> CommerceResult<Vec<crate::discovery::Item>> {
        let q = query.clone();
        let cached = self.catalogue.clone();
        let (language, words, currency) = (self.language, self.words.clone(), self.currency);
        self.read(move |c| {
            let mut slot = cached.lock().unwrap_or_else(|p| p.into_inner());
            let catalogue = match slot.get(&(language, currency)) {
                Some(catalogue) => catalogue.clone(),
                None => {
                    let built = Arc::new(listing::load_all(c, &words, currency).map_err(db)?);
                    slot.insert((language, currency), built.clone());
                    built
                }
            };
            drop(slot);
            listing::items(c, &catalogue, &q, language).map_err(db)
        })
        .await
    }

    async fn search_terms(&self) -> CommerceResult<Vec<(String, u32)>> {
        let language = self.language;
        self.read(move |c| search::terms(c, language).map_err(db))
            .await
    }

    async fn baskets(&self, limit: u32) -> CommerceResult<Vec<Vec<String>>> {
        self.read(move |c| listing::baskets(c, limit).map_err(db))
            .await
    }

    async fn product(&self, handle: &str) -> CommerceResult<Product> {
        let handle = handle.to_string();
        let (words, currency) = (self.words.clone(), self.currency);
        self.read(move |c| {
            let head = c
                .query_row(
                    "SELECT p.id, p.name, p.brand, p.description, p.option_names, c.handle
                     FROM products p JOIN categories c ON c.id = p.category_id WHERE p.handle = ?1",
                    [&handle],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, String>(4)?,
                            r.get::<_, String>(5)?,
                        ))
                    },
                )
                .optional()
                .map_err(db)?
                .ok_or(CommerceError::NotFound(Thing::Product))?;
            let (id, name, brand, description, option_names, category_handle) = head;
            let name = words.product_name(&handle, &name).to_string();
            let description = words.product_description(&handle, &description).to_string();
            let category = c
                .query_row(
                    &format!("{CATEGORY_SELECT} WHERE c.handle = ?1"),
                    [&category_handle],
                    category_row(&words),
                )
                .map_err(db)?;
            let (join, price, compare_at) = prices::columns(currency);
            let mut stmt = c
                .prepare_cached(&format!(
                    "SELECT v.id, v.sku, v.options, v.colour, {price}, {compare_at}, v.stock
                     FROM variants v {join} WHERE v.product_id = ?1 ORDER BY v.position"
                ))
                .map_err(db)?;
            let variants = stmt
                .query_map([id], |r| {
                    let colour: String = r.get(3)?;
                    Ok(Variant {
                        id: r.get::<_, i64>(0)?.to_string(),
                        sku: r.get(1)?,
                        options: split(&r.get::<_, String>(2)?)
                            .iter()
                            .map(|o| words.phrase(o).to_string())
                            .collect(),
                        image: Some(picture(&words, &handle, &name, &colour)),
                        price: Money::new(r.get(4)?, currency),
                        compare_at: r.get::<_, Option<i64>>(5)?.map(|m| Money::new(m, currency)),
                        stock: r.get(6)?,
                    })
                })
                .map_err(db)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(db)?;
            let options = split(&option_names)
                .into_iter()
                .enumerate()
                .map(|(i, option)| {
                    let mut values: Vec<String> = Vec::new();
                    for v in &variants {
                        if let Some(value) = v.options.get(i) {
                            if !values.contains(value) {
                                values.push(value.clone());
                            }
                        }
                    }
                    ProductOption {
                        name: words.phrase(&option).to_string(),
                        values,
                    }
                })
                .collect();
            let mut images: Vec<Image> = Vec::new();
            for img in variants.iter().filter_map(|v| v.image.clone()) {
                if !images.contains(&img) {
                    images.push(img);
                }
            }
            Ok(Product {
                handle: handle.clone(),
                name,
                brand,
                description,
                category,
                images,
                options,
                variants,
            })
        })
        .await
    }

    async fn cart(&self, token: &str) -> CommerceResult<Cart> {
        check_token(token)?;
        let token = token.to_string();
        let (words, currency) = (self.words.clone(), self.currency);
        self.read(move |c| load_cart(c, &token, &words, currency))
            .await
    }

    async fn add_to_cart(
        &self,
        token: Option<&str>,
        variant_id: &str,
        quantity: u32,
    ) -> CommerceResult<TokenCart> {
        if let Some(t) = token {
            check_token(t)?;
        }
        check_quantity(quantity, false)?;
        let variant = parse_variant_id(variant_id)?;
        let token = token.map(str::to_string);
        let sweep = token.is_none() && self.sweep_due();
        let (words, currency) = (self.words.clone(), self.currency);
        self.run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            if sweep {
                sweep_abandoned_carts(&tx)?;
            }
            let (name, stock) = variant_stock(&tx, variant, &words)?;
            let token = match token {
                Some(t) => {
                    let known = tx
                        .query_row("SELECT 1 FROM carts WHERE token = ?1", [&t], |_| Ok(()))
                        .optional()
                        .map_err(db)?;
                    known.ok_or(CommerceError::InvalidCartToken)?;
                    t
                }
                None => {
                    let t = new_token();
                    tx.execute(
                        "INSERT INTO carts (token, created_at, updated_at) VALUES (?1, ?2, ?2)",
                        params![t, now()],
                    )
                    .map_err(db)?;
                    t
                }
            };
            let (held, lines): (u32, usize) = tx
                .query_row(
                    "SELECT COALESCE(SUM(CASE WHEN variant_id = ?2 THEN quantity END), 0), COUNT(*)
                     FROM cart_lines WHERE cart_token = ?1",
                    params![token, variant],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(db)?;
            let wanted = held + quantity;
            if wanted > MAX_LINE_QUANTITY {
                return Err(CommerceError::Refused(Refusal::QuantityTooLarge {
                    max: MAX_LINE_QUANTITY,
                }));
            }
            if wanted > stock {
                return Err(CommerceError::OutOfStock {
                    product: name,
                    available: stock,
                });
            }
            if held == 0 && lines >= MAX_CART_LINES {
                return Err(CommerceError::Refused(Refusal::CartFull {
                    lines: MAX_CART_LINES as u32,
                }));
            }
            tx.execute(
                "INSERT INTO cart_lines (cart_token, variant_id, quantity, added_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (cart_token, variant_id) DO UPDATE SET quantity = excluded.quantity",
                params![token, variant, wanted, now()],
            )
            .map_err(db)?;
            tx.execute(
                "UPDATE carts SET updated_at = ?2 WHERE token = ?1",
                params![token, now()],
            )
            .map_err(db)?;
            let cart = load_cart(&tx, &token, &words, currency)?;
            tx.commit().map_err(db)?;
            Ok(TokenCart { token, cart })
        })
        .await
    }

    async fn set_line_quantity(
        &self,
        token: &str,
        variant_id: &str,
        quantity: u32,
    ) -> CommerceResult<Cart> {
        check_token(token)?;
        check_quantity(quantity, true)?;
        let variant = parse_variant_id(variant_id)?;
        let token = token.to_string();
        let (words, currency) = (self.words.clone(), self.currency);
        self.run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            load_cart(&tx, &token, &words, currency)?;
            if quantity == 0 {
                tx.execute(
                    "DELETE FROM cart_lines WHERE cart_token = ?1 AND variant_id = ?2",
                    params![token, variant],
                )
                .map_err(db)?;
            } else {
                let (name, stock) = variant_stock(&tx, variant, &words)?;
                if quantity > stock {
                    return Err(CommerceError::OutOfStock {
                        product: name,
                        available: stock,
                    });
                }
                let changed = tx
                    .execute(
                        "UPDATE cart_lines SET quantity = ?3 WHERE cart_token = ?1 AND variant_id = ?2",
                        params![token, variant, quantity],
                    )
                    .map_err(db)?;
                if changed == 0 {
                    return Err(CommerceError::NotFound(Thing::CartLine));
                }
            }
            let cart = load_cart(&tx, &token, &words, currency)?;
            tx.commit().map_err(db)?;
            Ok(cart)
        })
        .await
    }

    async fn apply_coupon(&self, token: &str, code: &str) -> CommerceResult<Cart> {
        check_token(token)?;
        let token = token.to_string();
        let code = promotions::normalise_code(code);
        let (words, currency) = (self.words.clone(), self.currency);
        self.run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let cart = load_cart(&tx, &token, &words, currency)?;
            let coupon = load_coupon(&tx, &code, currency)?
                .ok_or(CommerceError::Coupon(CouponProblem::Unknown))?;
            coupon
                .check(cart.subtotal, checkout::Day::from_unix(now()))
                .map_err(CommerceError::Coupon)?;
            tx.execute(
                "UPDATE carts SET coupon = ?2, updated_at = ?3 WHERE token = ?1",
                params![token, coupon.code, now()],
            )
            .map_err(db)?;
            let cart = load_cart(&tx, &token, &words, currency)?;
            tx.commit().map_err(db)?;
            Ok(cart)
        })
        .await
    }

    async fn remove_coupon(&self, token: &str) -> CommerceResult<Cart> {
        check_token(token)?;
        let token = token.to_string();
        let (words, currency) = (self.words.clone(), self.currency);
        self.run(move |c| {
            c.execute(
                "UPDATE carts SET coupon = NULL, updated_at = ?2 WHERE token = ?1",
                params![token, now()],
            )
            .map_err(db)?;
            load_cart(c, &token, &words, currency)
        })
        .await
    }

    async fn place_order(&self, token: &str, order: &PlaceOrder) -> CommerceResult<Order> {
        check_token(token)?;
        if self.injected_failure() {
            return Err(CommerceError::Unavailable("injected failure".into()));
        }
        let token = token.to_string();
        let order = order.clone();
        let catalogue = self.catalogue.clone();
        let (words, currency) = (self.words.clone(), self.currency);
        self.run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let existing: Option<String> = tx
                .query_row(
                    "SELECT code FROM orders WHERE idempotency_key = ?1",
                    [&order.idempotency_key],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db)?;
            if let Some(code) = existing {
                return load_order(&tx, &code);
            }
            let cart = load_cart(&tx, &token, &words, currency)?;
            if cart.is_empty() {
                return Err(CommerceError::EmptyCart);
            }
            if order.currency != currency {
                return Err(CommerceError::Refused(Refusal::CurrencyChanged {
                    shown: order.currency,
                    now: currency,
                }));
            }
            // The bundles the storefront showed this cart with, charged as shown.
            let savings = crate::commerce::bundles::savings(&order.bundles, &cart.lines)
                .map_err(money_refused)?;
            let saved = Money::new(
                savings.iter().map(|(_, m)| m.minor).sum(),
                cart.subtotal.currency,
            );
            let quote = checkout::quote(
                cart.subtotal,
                saved,
                cart.coupon.as_ref(),
                &order.shipping_code,
                checkout::Day::from_unix(now()),
                &checkout::Terms::house(cart.subtotal),
            )
            .map_err(money_refused)?;
            // The page showed this problem and no discount; placing anyway would surprise
            // nobody, but a coupon the shopper thinks applies must not silently vanish.
            if let Some(problem) = quote.coupon_problem {
                return Err(CommerceError::Coupon(problem));
            }
            let shipping = quote.chosen.ok_or(CommerceError::UnknownShipping)?;
            let totals = quote.totals;
            // The payment is charged before anything is taken, so a decline changes nothing.
            if let Some(why) = order.declines {
                return Err(CommerceError::PaymentDeclined(why));
            }
            // Stock is checked and taken inside the same transaction, so two shoppers can never
            // both buy the last one.
            for line in &cart.lines {
                let taken = tx
                    .execute(
                        "UPDATE variants SET stock = stock - ?2 WHERE id = ?1 AND stock >= ?2",
                        params![line.variant_id.parse::<i64>().unwrap_or(0), line.quantity],
                    )
                    .map_err(db)?;
                if taken == 0 {
                    return Err(CommerceError::OutOfStock {
                        product: line.product_name.clone(),
                        available: line.available,
                    });
                }
            }
            let code = new_order_code();
            let a = &order.address;
            let placed_at = now();
            // A card is charged when the order is placed; pay-on-delivery is paid at the door.
            let status = match order.payment {
                PaymentMethod::Card { .. } => OrderStatus::Paid,
                PaymentMethod::PayOnDelivery => OrderStatus::Placed,
            };
            tx.execute(
                "INSERT INTO orders (code, idempotency_key, email, ship_name, ship_line1, ship_line2,
                   ship_city, ship_postcode, ship_country, shipping, payment, subtotal,
                   shipping_cost, tax, total, status, placed_at, discount, coupon, billing, gift,
                   currency)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                   ?18, ?19, ?20, ?21, ?22)",
                params![
                    code,
                    order.idempotency_key,
                    order.email,
                    a.name,
                    a.line1,
                    a.line2,
                    a.city,
                    a.postcode,
                    a.country,
                    to_json(&shipping),
                    to_json(&order.payment),
                    totals.subtotal.minor,
                    totals.shipping.minor,
                    totals.tax.minor,
                    totals.total.minor,
                    status.as_str(),
                    placed_at,
                    totals.discount.minor,
                    cart.coupon.as_ref().map(to_json),
                    order.billing.as_ref().map(to_json),
                    order.gift.as_ref().map(to_json),
                    currency.code()
                ],
            )
            .map_err(db)?;
            record_event(&tx, &code, OrderStatus::Placed, placed_at)?;
            if let Some(session) = order.customer_id.as_deref() {
                let customer = accounts::session_customer(&tx, session)?;
                tx.execute(
                    "UPDATE orders SET customer_id = ?2 WHERE code = ?1",
                    params![code, customer],
                )
                .map_err(db)?;
                accounts::remember_address(&tx, customer, order.billing.as_ref().unwrap_or(&order.address))?;
            }
            if status == OrderStatus::Paid {
                record_event(&tx, &code, OrderStatus::Paid, placed_at)?;
            }
            for line in &cart.lines {
                tx.execute(
                    "INSERT INTO order_lines (order_code, variant_id, product_name, variant_title, unit_price, quantity)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        code,
                        line.variant_id.parse::<i64>().unwrap_or(0),
                        line.product_name,
                        line.variant_title,
                        line.unit_price.minor,
                        line.quantity
                    ],
                )
                .map_err(db)?;
            }
            tx.execute("DELETE FROM cart_lines WHERE cart_token = ?1", [&token])
                .map_err(db)?;
            tx.execute("UPDATE carts SET coupon = NULL WHERE token = ?1", [&token])
                .map_err(db)?;
            let placed = load_order(&tx, &code)?;
            tx.commit().map_err(db)?;
            // Stock and sales changed: listings must not show a sold-out product as in stock.
            catalogue.lock().unwrap_or_else(|p| p.into_inner()).clear();
            Ok(placed)
        })
        .await
    }

    async fn order(&self, code: &str) -> CommerceResult<Order> {
        let code = code.to_string();
        self.read(move |c| load_order(c, &code)).await
    }

    async fn register(
        &self,
        email: &str,
        name: &str,
        password: &str,
        _cart: Option<&str>,
    ) -> CommerceResult<SignedIn> {
        // A taken address is refused before any hashing: hashing is the costly part.
        let known = email.to_string();
        if self
            .read(move |c| accounts::credentials(c, &known))
            .await?
            .is_some()
        {
            return Err(CommerceError::EmailTaken);
        }
        let password = password.to_string();
        let hash = accounts::hashing(move || accounts::hash_password(&password)).await??;
        let (email, name) = (email.to_string(), name.to_string());
        let customer = self
            .run(move |c| accounts::insert_customer(c, &email, &name, &hash))
            .await?;
        Ok(SignedIn {
            customer,
            cart_token: None,
        })
    }

    async fn sign_in(
        &self,
        email: &str,
        password: &str,
        _cart: Option<&str>,
    ) -> CommerceResult<SignedIn> {
        let email = email.to_string();
        let found = self.read(move |c| accounts::credentials(c, &email)).await?;
        let password = password.to_string();
        let stored = found.as_ref().map(|(_, h)| h.clone());
        let ok = accounts::hashing(move || accounts::verify_password(&password, stored.as_deref()))
            .await?;
        match found {
            Some((id, _)) if ok => Ok(SignedIn {
                customer: self.run(move |c| accounts::open_session(c, id)).await?,
                cart_token: None,
            }),
            _ => Err(CommerceError::InvalidCredentials),
        }
    }

    async fn customer(&self, id: &str) -> CommerceResult<Customer> {
        let session = id.to_string();
        self.read(move |c| {
            let mut customer =
                accounts::load_customer(c, accounts::session_customer(c, &session)?)?;
            customer.id = session;
            Ok(customer)
        })
        .await
    }

    /// Ends the session at once; the cart was never the session's.
    async fn sign_out(&self, customer_id: &str) -> CommerceResult<bool> {
        let session = customer_id.to_string();
        self.run(move |c| accounts::close_session(c, &session))
            .await?;
        Ok(false)
    }

    async fn orders_for(&self, customer_id: &str) -> CommerceResult<Vec<OrderSummary>> {
        let session = customer_id.to_string();
        self.read(move |c| accounts::orders_for(c, accounts::session_customer(c, &session)?))
            .await
    }
}
