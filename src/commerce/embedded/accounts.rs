//! Customer accounts in the embedded store: registering, signing in and out, the customer and
//! their orders. Passwords are kept only as argon2id hashes, and hashing runs outside the
//! database lock (it takes tens of milliseconds on purpose).

use super::*;
use crate::commerce::backend::{CommerceError, CommerceResult};
use crate::commerce::model::{Address, Customer, OrderStatus, OrderSummary};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use rusqlite::{params, Connection, OptionalExtension};

/// Password hashes computed at once. Each argon2id hash holds 19 MiB while it runs: 64
/// registrations at once took the server from 0.5 to 2.6 GB. Two at a time (the machine's
/// cores) keeps that to ~40 MB; the rest wait their turn.
const HASHING_AT_ONCE: usize = 2;

/// Runs a password hash or check off the async workers, a bounded number at a time.
pub async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> CommerceResult<T> {
    static PERMITS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(HASHING_AT_ONCE);
    let _turn = PERMITS
        .acquire()
        .await
        .map_err(|e| CommerceError::Unavailable(e.to_string()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| CommerceError::Unavailable(e.to_string()))
}

pub fn hash_password(password: &str) -> CommerceResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CommerceError::Unavailable(format!("cannot hash password: {e}")))
}

/// Checks `password` against a stored hash; with no hash (no such account) it checks against
/// a fixed one, so an unknown email takes as long as a wrong password.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    // The hash of a random password nobody knows, made once per process.
    static DECOY: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| hash_password(&crate::hex::random::<16>()).unwrap_or_default());
    let Ok(parsed) = PasswordHash::new(stored.unwrap_or(&DECOY)) else {
        return false;
    };
    let ok = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    ok && stored.is_some()
}

/// Creates the account and signs it in (a new session).
pub fn insert_customer(
    c: &Connection,
    email: &str,
    name: &str,
    hash: &str,
) -> CommerceResult<Customer> {
    let taken = c
        .query_row("SELECT 1 FROM customers WHERE email = ?1", [email], |_| {
            Ok(())
        })
        .optional()
        .map_err(db)?
        .is_some();
    if taken {
        return Err(CommerceError::EmailTaken);
    }
    c.execute(
        "INSERT INTO customers (email, name, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![email, name, hash, now()],
    )
    .map_err(db)?;
    open_session(c, c.last_insert_rowid())
}

/// (customer id, password hash) for an email, if there is such an account.
pub fn credentials(c: &Connection, email: &str) -> CommerceResult<Option<(i64, String)>> {
    c.query_row(
        "SELECT id, password_hash FROM customers WHERE email = ?1",
        [email],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(db)
}

pub fn load_customer(c: &Connection, id: i64) -> CommerceResult<Customer> {
    let (email, name) = c
        .query_row(
            "SELECT email, name FROM customers WHERE id = ?1",
            [id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()
        .map_err(db)?
        .ok_or(CommerceError::NotFound(crate::commerce::Thing::Customer))?;
    let mut stmt = c
        .prepare_cached(
            "SELECT address FROM customer_addresses WHERE customer_id = ?1
             ORDER BY used_at DESC, rowid DESC LIMIT 10",
        )
        .map_err(db)?;
    let addresses = stmt
        .query_map([id], |r| r.get::<_, String>(0))
        .map_err(db)?
        .filter_map(|json| json.ok().and_then(|j| serde_json::from_str(&j).ok()))
        .collect();
    Ok(Customer {
        id: id.to_string(),
        email,
        name,
        addresses,
    })
}

/// Keeps the address the customer just used, first in their list next time.
pub fn remember_address(c: &Connection, customer: i64, address: &Address) -> CommerceResult<()> {
    let json = serde_json::to_string(address).unwrap_or_default();
    c.execute(
        "INSERT INTO customer_addresses (customer_id, address, used_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (customer_id, address) DO UPDATE SET used_at = excluded.used_at",
        params![customer, json, now()],
    )
    .map(|_| ())
    .map_err(db)
}

pub fn order_summaries(c: &Connection, customer: i64) -> CommerceResult<Vec<OrderSummary>> {
    let mut stmt = c
        .prepare_cached(
            "SELECT o.code, o.placed_at, o.status, o.total, o.currency,
               (SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE order_code = o.code)
             FROM orders o WHERE o.customer_id = ?1 ORDER BY o.placed_at DESC, o.rowid DESC",
        )
        .map_err(db)?;
    let rows = stmt
        .query_map([customer], |r| {
            Ok(OrderSummary {
                code: r.get(0)?,
                placed_at: r.get(1)?,
                status: OrderStatus::parse(&r.get::<_, String>(2)?).unwrap_or(OrderStatus::Placed),
                total: crate::commerce::Money::new(
                    r.get(3)?,
                    crate::commerce::Currency::parse(&r.get::<_, String>(4)?)
                        .unwrap_or(crate::commerce::prices::BASE),
                ),
                item_count: r.get(5)?,
            })
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    Ok(rows)
}

/// How long a session lasts without signing in again (the storefront's cookie lasts as long).
const SESSION_SECONDS: i64 = 30 * 86_400;

/// Starts a session for `customer`; the customer is known by its token from then on.
pub fn open_session(c: &Connection, customer: i64) -> CommerceResult<Customer> {
    let token = crate::hex::random::<16>();
    c.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now()])
        .map_err(db)?;
    c.execute(
        "INSERT INTO sessions (token, customer_id, expires_at) VALUES (?1, ?2, ?3)",
        params![token, customer, now() + SESSION_SECONDS],
    )
    .map_err(db)?;
    let mut signed_in = load_customer(c, customer)?;
    signed_in.id = token;
    Ok(signed_in)
}

/// The customer a live session belongs to; an ended or unknown one names nobody.
pub fn session_customer(c: &Connection, token: &str) -> CommerceResult<i64> {
    c.query_row(
        "SELECT customer_id FROM sessions WHERE token = ?1 AND expires_at > ?2",
        params![token, now()],
        |r| r.get(0),
    )
    .optional()
    .map_err(db)?
    .ok_or(CommerceError::NotFound(crate::commerce::Thing::Customer))
}

pub fn close_session(c: &Connection, token: &str) -> CommerceResult<()> {
    c.execute("DELETE FROM sessions WHERE token = ?1", [token])
        .map(|_| ())
        .map_err(db)
}

pub(super) async fn register(
    store: &EmbeddedStore,
    email: &str,
    name: &str,
    password: &str,
) -> CommerceResult<SignedIn> {
    // A taken address is refused before any hashing: hashing is the costly part.
    let known = email.to_string();
    if store
        .read(move |c| accounts::credentials(c, &known))
        .await?
        .is_some()
    {
        return Err(CommerceError::EmailTaken);
    }
    let password = password.to_string();
    let hash = accounts::hashing(move || accounts::hash_password(&password)).await??;
    let (email, name) = (email.to_string(), name.to_string());
    let customer = store
        .run(move |c| accounts::insert_customer(c, &email, &name, &hash))
        .await?;
    Ok(SignedIn {
        customer,
        cart_token: None,
    })
}

pub(super) async fn sign_in(
    store: &EmbeddedStore,
    email: &str,
    password: &str,
) -> CommerceResult<SignedIn> {
    let email = email.to_string();
    let found = store
        .read(move |c| accounts::credentials(c, &email))
        .await?;
    let password = password.to_string();
    let stored = found.as_ref().map(|(_, h)| h.clone());
    let ok =
        accounts::hashing(move || accounts::verify_password(&password, stored.as_deref())).await?;
    match found {
        Some((id, _)) if ok => Ok(SignedIn {
            customer: store.run(move |c| accounts::open_session(c, id)).await?,
            cart_token: None,
        }),
        _ => Err(CommerceError::InvalidCredentials),
    }
}

pub(super) async fn customer(store: &EmbeddedStore, id: &str) -> CommerceResult<Customer> {
    let session = id.to_string();
    store
        .read(move |c| {
            let mut customer =
                accounts::load_customer(c, accounts::session_customer(c, &session)?)?;
            customer.id = session;
            Ok(customer)
        })
        .await
}

/// Ends the session at once; the cart was never the session's.
pub(super) async fn sign_out(store: &EmbeddedStore, customer_id: &str) -> CommerceResult<bool> {
    let session = customer_id.to_string();
    store
        .run(move |c| accounts::close_session(c, &session))
        .await?;
    Ok(false)
}

pub(super) async fn orders_for(
    store: &EmbeddedStore,
    customer_id: &str,
) -> CommerceResult<Vec<OrderSummary>> {
    let session = customer_id.to_string();
    store
        .read(move |c| order_summaries(c, accounts::session_customer(c, &session)?))
        .await
}
