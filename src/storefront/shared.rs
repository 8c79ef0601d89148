//! What every storefront instance must agree on, behind one trait: the limits on guessable
//! attempts (order lookups, sign-ins), the checkout attempts being placed, and the signing
//! key's fingerprint. One instance, or several sharing a data folder, keep it in the
//! storefront's SQLite file (`Local`); instances on several machines share a PostgreSQL
//! database (`super::postgres::Postgres`, `VITRINE_DATABASE_URL`).
//!
//! Times are Unix milliseconds from the caller, so every instance reads the same clock (a
//! process's `Instant` means nothing to another) and tests can move it.

use super::Unavailable;
use sha2::{Digest, Sha256};

/// A limit on attempts: at most `max` per key in any `window_ms`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Keeps each limit's counts apart ("attempts", "votes").
    pub name: &'static str,
    pub max: u32,
    pub window_ms: i64,
}

/// A key as it is kept: 16 bytes of SHA-256, in hex, so a hostile key (a 1.5 MB "email")
/// costs 32 characters and names nobody.
pub fn key(k: &str) -> String {
    crate::hex::encode(&Sha256::digest(k.as_bytes())[..16])
}

/// What `claim` found for a checkout attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Nobody is placing it: the caller places it, then calls `placed` or `abandon`.
    Mine,
    /// Another request (on any instance) is placing it now.
    Running,
    /// It was placed: this order.
    Placed(String),
}

#[async_trait::async_trait]
pub trait Shared: Send + Sync + 'static {
    /// Counts one attempt under every key, unless one of them already has `limit.max`
    /// within the window: then counts nothing and says no. Atomic across instances.
    async fn take(&self, limit: Limit, keys: &[String], now_ms: i64) -> Result<bool, Unavailable>;

    /// Whether every key is below the limit, counting nothing (for limits that count only
    /// failures, with `count`).
    async fn within(&self, limit: Limit, keys: &[String], now_ms: i64)
        -> Result<bool, Unavailable>;

    /// Counts one attempt (a failure) under every key.
    async fn count(&self, limit: Limit, keys: &[String], now_ms: i64) -> Result<(), Unavailable>;

    /// Claims the checkout attempt `key`. A claim older than `lease_ms` that never finished
    /// (its instance died mid-checkout) is taken over.
    async fn claim(&self, key: &str, now_ms: i64, lease_ms: i64) -> Result<Claim, Unavailable>;

    /// Starts the lease of claims `keys` (attempts and holds its caller is still working on)
    /// again at `now_ms`, so only a claim whose instance stopped renewing it is taken over.
    async fn renew(&self, keys: &[String], now_ms: i64) -> Result<(), Unavailable>;

    /// The claimed attempt `key` is about to pay for the backend's order `code`.
    async fn paying(&self, key: &str, code: &str, now_ms: i64) -> Result<(), Unavailable>;

    /// What attempt `key` was last about to pay for, on any instance.
    async fn paying_for(&self, key: &str) -> Result<Option<String>, Unavailable>;

    /// The claimed attempt placed order `code`: replays get it.
    async fn placed(&self, key: &str, code: &str) -> Result<(), Unavailable>;

    /// The claimed attempt failed (a declined card, an outage): it may be tried again.
    async fn abandon(&self, key: &str) -> Result<(), Unavailable>;

    /// Accepts the signing key's `fingerprint` if it is the one these instances were served
    /// with (remembering it the first time); otherwise says what to do.
    async fn check_secret(&self, fingerprint: &str) -> Result<(), String>;

    /// Forgets the fingerprint: the next start remembers its own. Whether one was kept.
    async fn forget_secret(&self) -> Result<bool, String>;

    /// Keys counted now, over every limit (for tests of the memory bound).
    async fn keys_kept(&self) -> Result<u64, Unavailable>;
}

/// The refusal when another key's fingerprint is on record.
pub(super) fn other_secret(seen: &str, fingerprint: &str) -> String {
    format!(
        "this data was served with another signing key (fingerprint {}…, this one {}…): \
         every instance must share one VITRINE_SECRET. To change the key on purpose, run \
         `vitrine admin secret reset` once (links and sign-ins signed with the old key \
         stop working).",
        &seen[..8.min(seen.len())],
        &fingerprint[..8.min(fingerprint.len())]
    )
}

/// Counts and claims older than this are deleted now and then: longer than any window or
/// lease, and long after a replayed checkout could come back.
pub(super) const KEEP_MS: i64 = 24 * 3_600_000;
/// One write in this many also deletes what is older than `KEEP_MS`.
pub(super) const PRUNE_EVERY: u64 = 512;

/// The storefront's SQLite file. Instances sharing a data folder share it: each decision is
/// one `BEGIN IMMEDIATE` transaction, which SQLite runs one at a time across processes.
pub struct Local {
    conn: std::sync::Arc<std::sync::Mutex<rusqlite::Connection>>,
    writes: std::sync::atomic::AtomicU64,
}

const SECRET: &str = "secret_fingerprint";

impl Local {
    pub(super) fn new(conn: std::sync::Arc<std::sync::Mutex<rusqlite::Connection>>) -> Local {
        Local {
            conn,
            writes: Default::default(),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, Unavailable> {
        let conn = self.conn.clone();
        let prune = self
            .writes
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .is_multiple_of(PRUNE_EVERY);
        tokio::task::spawn_blocking(move || {
            let mut c = conn.lock().unwrap_or_else(|p| p.into_inner());
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            if prune {
                let old = now_ms() - KEEP_MS;
                tx.execute("DELETE FROM limit_counts WHERE at < ?1", [old])?;
                tx.execute("DELETE FROM placements WHERE started < ?1", [old])?;
                tx.execute("DELETE FROM attempt_orders WHERE at < ?1", [old])?;
            }
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
        .map_err(|_| Unavailable)?
        .map_err(|e: rusqlite::Error| {
            tracing::error!(error = %e, "shared storefront state failed");
            Unavailable
        })
    }
}

/// The wall clock in Unix milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn over(
    tx: &rusqlite::Transaction,
    limit: Limit,
    keys: &[String],
    now: i64,
) -> rusqlite::Result<bool> {
    let mut stmt = tx.prepare_cached(
        "SELECT COUNT(*) FROM limit_counts WHERE name = ?1 AND key = ?2 AND at > ?3",
    )?;
    for k in keys {
        let n: i64 = stmt.query_row(
            rusqlite::params![limit.name, k, now - limit.window_ms],
            |r| r.get(0),
        )?;
        if n >= i64::from(limit.max) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn add(
    tx: &rusqlite::Transaction,
    limit: Limit,
    keys: &[String],
    now: i64,
) -> rusqlite::Result<()> {
    let mut stmt =
        tx.prepare_cached("INSERT INTO limit_counts (name, key, at) VALUES (?1, ?2, ?3)")?;
    for k in keys {
        stmt.execute(rusqlite::params![limit.name, k, now])?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl Shared for Local {
    async fn take(&self, limit: Limit, keys: &[String], now_ms: i64) -> Result<bool, Unavailable> {
        let keys = keys.to_vec();
        self.run(move |tx| {
            if over(tx, limit, &keys, now_ms)? {
                return Ok(false);
            }
            add(tx, limit, &keys, now_ms)?;
            Ok(true)
        })
        .await
    }

    async fn within(
        &self,
        limit: Limit,
        keys: &[String],
        now_ms: i64,
    ) -> Result<bool, Unavailable> {
        let keys = keys.to_vec();
        self.run(move |tx| over(tx, limit, &keys, now_ms).map(|o| !o))
            .await
    }

    async fn count(&self, limit: Limit, keys: &[String], now_ms: i64) -> Result<(), Unavailable> {
        let keys = keys.to_vec();
        self.run(move |tx| add(tx, limit, &keys, now_ms)).await
    }

    async fn claim(&self, key: &str, now_ms: i64, lease_ms: i64) -> Result<Claim, Unavailable> {
        let key = key.to_string();
        self.run(move |tx| {
            use rusqlite::OptionalExtension;
            let found: Option<(Option<String>, i64)> = tx
                .query_row(
                    "SELECT order_code, started FROM placements WHERE key = ?1",
                    [&key],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            Ok(match found {
                Some((Some(code), _)) => Claim::Placed(code),
                Some((None, started)) if started > now_ms - lease_ms => Claim::Running,
                _ => {
                    tx.execute(
                        "INSERT INTO placements (key, started) VALUES (?1, ?2)
                         ON CONFLICT (key) DO UPDATE SET started = excluded.started",
                        rusqlite::params![key, now_ms],
                    )?;
                    Claim::Mine
                }
            })
        })
        .await
    }

    async fn renew(&self, keys: &[String], now_ms: i64) -> Result<(), Unavailable> {
        let keys = keys.to_vec();
        self.run(move |tx| {
            let mut stmt = tx.prepare_cached(
                "UPDATE placements SET started = ?2 WHERE key = ?1 AND order_code IS NULL",
            )?;
            for k in keys {
                stmt.execute(rusqlite::params![k, now_ms])?;
            }
            Ok(())
        })
        .await
    }

    async fn paying(&self, key: &str, code: &str, now_ms: i64) -> Result<(), Unavailable> {
        let (key, code) = (key.to_string(), code.to_string());
        self.run(move |tx| {
            tx.execute(
                "INSERT INTO attempt_orders (key, order_code, at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET order_code = excluded.order_code, at = excluded.at",
                rusqlite::params![key, code, now_ms],
            )
            .map(|_| ())
        })
        .await
    }

    async fn paying_for(&self, key: &str) -> Result<Option<String>, Unavailable> {
        let key = key.to_string();
        self.run(move |tx| {
            use rusqlite::OptionalExtension;
            tx.query_row(
                "SELECT order_code FROM attempt_orders WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()
        })
        .await
    }

    async fn placed(&self, key: &str, code: &str) -> Result<(), Unavailable> {
        let (key, code) = (key.to_string(), code.to_string());
        self.run(move |tx| {
            tx.execute(
                "UPDATE placements SET order_code = ?2 WHERE key = ?1",
                [key, code],
            )
            .map(|_| ())
        })
        .await
    }

    async fn abandon(&self, key: &str) -> Result<(), Unavailable> {
        let key = key.to_string();
        self.run(move |tx| {
            tx.execute(
                "DELETE FROM placements WHERE key = ?1 AND order_code IS NULL",
                [key],
            )
            .map(|_| ())
        })
        .await
    }

    async fn check_secret(&self, fingerprint: &str) -> Result<(), String> {
        let fp = fingerprint.to_string();
        let seen = self
            .run(move |tx| {
                use rusqlite::OptionalExtension;
                let seen: Option<String> = tx
                    .query_row("SELECT value FROM meta WHERE key = ?1", [SECRET], |r| {
                        r.get(0)
                    })
                    .optional()?;
                if seen.is_none() {
                    tx.execute(
                        "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                        [SECRET, &fp],
                    )?;
                }
                Ok(seen)
            })
            .await
            .map_err(|_| "cannot read the storefront's data".to_string())?;
        match seen {
            Some(seen) if seen != fingerprint => Err(other_secret(&seen, fingerprint)),
            _ => Ok(()),
        }
    }

    async fn forget_secret(&self) -> Result<bool, String> {
        self.run(|tx| tx.execute("DELETE FROM meta WHERE key = ?1", [SECRET]))
            .await
            .map(|n| n > 0)
            .map_err(|_| "cannot write the storefront's data".to_string())
    }

    async fn keys_kept(&self) -> Result<u64, Unavailable> {
        self.run(|tx| {
            tx.query_row(
                "SELECT COUNT(DISTINCT name || key) FROM limit_counts",
                [],
                |r| r.get(0),
            )
        })
        .await
    }
}

/// The behaviour every `Shared` must show, run on each adapter by its tests.
#[cfg(test)]
pub(crate) mod contract {
    use super::*;

    const ATTEMPTS: Limit = Limit {
        name: "attempts",
        max: 2,
        window_ms: 60_000,
    };

    fn k(s: &str) -> String {
        key(s)
    }

    pub async fn limits_apply_per_key_and_lift_after_the_window(s: &dyn Shared, t0: i64) {
        let take = |a: &str, b: &str, t: i64| {
            let keys = vec![k(a), k(b)];
            async move { s.take(ATTEMPTS, &keys, t).await.unwrap() }
        };
        assert!(take("ip:a", "order:1", t0).await);
        assert!(take("ip:a", "order:2", t0).await);
        assert!(!take("ip:a", "order:3", t0).await, "third from one address");
        assert!(
            take("ip:b", "order:3", t0).await,
            "another address is separate"
        );
        assert!(take("ip:c", "order:1", t0).await);
        assert!(
            !take("ip:d", "order:1", t0).await,
            "one order guessed from many addresses"
        );
        assert!(
            take("ip:a", "order:4", t0 + 60_001).await,
            "the window passed"
        );
        let other = Limit {
            name: "votes",
            ..ATTEMPTS
        };
        assert!(
            s.take(other, &[k("ip:a")], t0).await.unwrap(),
            "each limit counts apart"
        );
    }

    pub async fn failures_alone_count_where_only_they_are_recorded(s: &dyn Shared, t0: i64) {
        let email = [k("email:a")];
        assert!(s.within(ATTEMPTS, &email, t0).await.unwrap());
        assert!(
            s.within(ATTEMPTS, &email, t0).await.unwrap(),
            "checking counts nothing"
        );
        s.count(ATTEMPTS, &email, t0).await.unwrap();
        s.count(ATTEMPTS, &email, t0).await.unwrap();
        assert!(!s.within(ATTEMPTS, &email, t0).await.unwrap());
    }

    pub async fn an_attempt_is_placed_once_and_freed_when_it_fails(s: &dyn Shared, t0: i64) {
        let lease = 30_000;
        assert_eq!(s.claim("a1", t0, lease).await.unwrap(), Claim::Mine);
        assert_eq!(s.claim("a1", t0 + 5, lease).await.unwrap(), Claim::Running);
        s.placed("a1", "VT-1").await.unwrap();
        assert_eq!(
            s.claim("a1", t0 + 10, lease).await.unwrap(),
            Claim::Placed("VT-1".into())
        );
        s.abandon("a1").await.unwrap();
        assert_eq!(
            s.claim("a1", t0 + 20, lease).await.unwrap(),
            Claim::Placed("VT-1".into()),
            "a placed order is never forgotten by a failure"
        );

        // A declined card frees the attempt: the shopper tries again with another card.
        assert_eq!(s.claim("a2", t0, lease).await.unwrap(), Claim::Mine);
        s.abandon("a2").await.unwrap();
        assert_eq!(s.claim("a2", t0 + 5, lease).await.unwrap(), Claim::Mine);
        // Its instance died mid-checkout: after the lease another takes it over.
        assert_eq!(s.claim("a2", t0 + 10, lease).await.unwrap(), Claim::Running);
        assert_eq!(
            s.claim("a2", t0 + 5 + lease + 1, lease).await.unwrap(),
            Claim::Mine
        );
    }

    pub async fn a_renewed_claim_holds_and_a_taken_over_one_says_what_it_paid(
        s: &dyn Shared,
        t0: i64,
    ) {
        let lease = 10_000;
        assert_eq!(s.claim("a3", t0, lease).await.unwrap(), Claim::Mine);
        assert_eq!(
            s.claim("a3", t0 + 9_000, lease).await.unwrap(),
            Claim::Running
        );
        // Still at work at 8 s: nobody takes it over at 12 s.
        s.renew(&["a3".into(), "hold:v1".into()], t0 + 8_000)
            .await
            .unwrap();
        assert_eq!(
            s.claim("a3", t0 + 12_000, lease).await.unwrap(),
            Claim::Running
        );
        assert_eq!(s.paying_for("a3").await.unwrap(), None);
        s.paying("a3", "ORDER-1", t0 + 8_500).await.unwrap();
        s.paying("a3", "ORDER-2", t0 + 8_600).await.unwrap();
        // Its instance stopped renewing: the taker-over learns what it was paying for.
        assert_eq!(
            s.claim("a3", t0 + 8_000 + lease + 1, lease).await.unwrap(),
            Claim::Mine
        );
        assert_eq!(
            s.paying_for("a3").await.unwrap().as_deref(),
            Some("ORDER-2")
        );
        // A failure frees the claim, not the record of what it was paying for.
        s.abandon("a3").await.unwrap();
        assert_eq!(
            s.paying_for("a3").await.unwrap().as_deref(),
            Some("ORDER-2")
        );
        assert_eq!(s.paying_for("a4").await.unwrap(), None);
        // Placed on the next try, it is not renewed back to life.
        assert_eq!(
            s.claim("a3", t0 + 20_000, lease).await.unwrap(),
            Claim::Mine
        );
        s.placed("a3", "ORDER-2").await.unwrap();
        s.renew(&["a3".into()], t0 + 30_000).await.unwrap();
        assert_eq!(
            s.claim("a3", t0 + 30_001, lease).await.unwrap(),
            Claim::Placed("ORDER-2".into())
        );
    }

    pub async fn one_claim_wins_among_many_at_once(s: std::sync::Arc<dyn Shared>, t0: i64) {
        let tries = (0..16).map(|_| {
            let s = s.clone();
            tokio::spawn(async move { s.claim("race", t0, 30_000).await.unwrap() })
        });
        let claims = futures::future::join_all(tries).await;
        let mine = claims
            .iter()
            .filter(|c| matches!(c, Ok(Claim::Mine)))
            .count();
        assert_eq!(mine, 1, "{claims:?}");
    }

    pub async fn the_first_signing_key_is_kept(s: &dyn Shared) {
        s.check_secret("aaaa1111").await.unwrap();
        s.check_secret("aaaa1111").await.unwrap();
        let refused = s.check_secret("bbbb2222").await.unwrap_err();
        assert!(refused.contains("VITRINE_SECRET"), "{refused}");
        assert!(s.forget_secret().await.unwrap());
        s.check_secret("bbbb2222").await.unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::contract;
    use crate::storefront::StorefrontData;

    fn local(name: &str) -> (StorefrontData, std::path::PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("vitrine-shared-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        (StorefrontData::open(&dir).unwrap(), dir)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn local_state_keeps_the_shared_contract() {
        let (data, dir) = local("contract");
        let s = data.shared();
        let t0 = super::now_ms();
        contract::limits_apply_per_key_and_lift_after_the_window(s.as_ref(), t0).await;
        contract::failures_alone_count_where_only_they_are_recorded(s.as_ref(), t0).await;
        contract::an_attempt_is_placed_once_and_freed_when_it_fails(s.as_ref(), t0).await;
        contract::a_renewed_claim_holds_and_a_taken_over_one_says_what_it_paid(s.as_ref(), t0)
            .await;
        contract::one_claim_wins_among_many_at_once(s.clone(), t0).await;
        contract::the_first_signing_key_is_kept(s.as_ref()).await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_openings_of_one_folder_share_limits_and_claims() {
        // What two processes on one data folder do: each its own connection to the file.
        let (a, dir) = local("two");
        let b = StorefrontData::open(&dir).unwrap();
        let limit = super::Limit {
            name: "attempts",
            max: 3,
            window_ms: 60_000,
        };
        let t0 = super::now_ms();
        let keys = [super::key("order:VT-1")];
        let mut allowed = 0;
        for i in 0..6 {
            let s = if i % 2 == 0 { a.shared() } else { b.shared() };
            allowed += usize::from(s.take(limit, &keys, t0).await.unwrap());
        }
        assert_eq!(allowed, 3, "three in all, not three each");
        assert_eq!(
            a.shared().claim("k", t0, 30_000).await.unwrap(),
            super::Claim::Mine
        );
        assert_eq!(
            b.shared().claim("k", t0, 30_000).await.unwrap(),
            super::Claim::Running
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn a_huge_key_is_kept_as_a_small_one() {
        let (data, dir) = local("huge");
        let s = data.shared();
        let huge = super::key(&"x".repeat(1_500_000));
        assert_eq!(huge.len(), 32);
        let limit = super::Limit {
            name: "attempts",
            max: 2,
            window_ms: 60_000,
        };
        let t0 = super::now_ms();
        let once = std::slice::from_ref(&huge);
        assert!(s.take(limit, once, t0).await.unwrap());
        assert!(s.take(limit, once, t0).await.unwrap());
        assert!(
            !s.take(limit, &[huge], t0).await.unwrap(),
            "still the same key"
        );
        assert_eq!(s.keys_kept().await.unwrap(), 1);
        let _ = std::fs::remove_dir_all(dir);
    }
}
