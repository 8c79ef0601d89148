//! What every instance shares, in PostgreSQL (`VITRINE_DATABASE_URL`): instances on several
//! machines count one limit, place one order per checkout attempt and keep one set of
//! wishlists, reviews (`super::postgres_reviews`), bundles and recorded steps
//! (`super::postgres_events`). Migrations run on start, under a lock, so instances starting
//! together apply each once.
//!
//! Each decision is one statement (a limit's check-and-count is a PL/pgSQL function holding
//! the keys' advisory locks), so one pipelined connection is shared by every request without
//! a transaction per request; the recorded steps have a second one, so the dashboard's long
//! counts queue behind no request's statement and no request's behind them. A lost
//! connection is made again on the next call; a call that gets no answer within
//! `ANSWER_WITHIN` fails as `Unavailable` rather than hang.

use super::shared::{other_secret, Claim, Limit, Shared, KEEP_MS, PRUNE_EVERY};
use super::wishlists::{Lists, MOST_SHARES};
use super::Unavailable;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::{Client, NoTls};

const ANSWER_WITHIN: Duration = Duration::from_secs(5);
/// The dashboard may count a season of steps; nobody waits behind it.
pub(super) const RECORDED_WITHIN: Duration = Duration::from_secs(60);
/// Any constant: the advisory lock migrations take, so two instances never apply one twice.
const MIGRATION_LOCK: i64 = 0x7669_7472_696e_6501;

/// In order; each runs once, in its own transaction, and is never edited once released.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE vitrine_meta (
       key   text PRIMARY KEY,
       value text NOT NULL
     );
     CREATE TABLE vitrine_limit_counts (
       name text   NOT NULL,
       key  text   NOT NULL,
       at   bigint NOT NULL
     );
     CREATE INDEX vitrine_limit_counts_by_key ON vitrine_limit_counts (name, key, at);
     CREATE INDEX vitrine_limit_counts_by_age ON vitrine_limit_counts (at);
     CREATE TABLE vitrine_placements (
       key        text PRIMARY KEY,
       order_code text,
       started    bigint NOT NULL
     );
     CREATE INDEX vitrine_placements_by_age ON vitrine_placements (started);
     -- Checks every key against the limit and, if all are under it and p_count, counts one
     -- attempt under each. The keys' advisory locks (taken in one order, so two calls never
     -- wait on each other crosswise) make check and count one step across instances.
     CREATE FUNCTION vitrine_take(p_name text, p_keys text[], p_max int, p_since bigint,
                                  p_now bigint, p_count boolean) RETURNS boolean AS $$
     DECLARE
       k text;
     BEGIN
       IF p_count THEN
         FOR k IN SELECT DISTINCT x FROM unnest(p_keys) x ORDER BY x LOOP
           PERFORM pg_advisory_xact_lock(hashtextextended(p_name || ':' || k, 0));
         END LOOP;
       END IF;
       IF EXISTS (SELECT 1 FROM unnest(p_keys) x
                  WHERE (SELECT count(*) FROM vitrine_limit_counts c
                         WHERE c.name = p_name AND c.key = x AND c.at > p_since) >= p_max) THEN
         RETURN false;
       END IF;
       IF p_count THEN
         INSERT INTO vitrine_limit_counts (name, key, at)
           SELECT p_name, x, p_now FROM unnest(p_keys) x;
       END IF;
       RETURN true;
     END
     $$ LANGUAGE plpgsql;",
    "CREATE TABLE vitrine_attempt_orders (
       key        text PRIMARY KEY,
       order_code text NOT NULL,
       at         bigint NOT NULL
     );
     CREATE INDEX vitrine_attempt_orders_by_age ON vitrine_attempt_orders (at);",
    "CREATE TABLE vitrine_wishlists (
       owner      text PRIMARY KEY,
       items      text NOT NULL,
       updated_at bigint NOT NULL
     );
     CREATE TABLE vitrine_wishlist_shares (
       token      text PRIMARY KEY,
       items      text NOT NULL,
       created_at bigint NOT NULL,
       seq        bigserial
     );
     CREATE INDEX vitrine_wishlist_shares_by_age ON vitrine_wishlist_shares (created_at, seq);",
    "CREATE TABLE vitrine_reviews (
       id          bigserial PRIMARY KEY,
       product     text NOT NULL,
       order_code  text NOT NULL,
       variant     text NOT NULL,
       stars       int NOT NULL CHECK (stars BETWEEN 1 AND 5),
       title       text NOT NULL,
       body        text NOT NULL,
       fingerprint text NOT NULL,
       name        text NOT NULL,
       lang        text NOT NULL,
       standing    text NOT NULL CHECK (standing IN ('published', 'pending', 'held', 'rejected')),
       helpful     int NOT NULL DEFAULT 0,
       reports     int NOT NULL DEFAULT 0,
       created_at  bigint NOT NULL,
       updated_at  bigint NOT NULL,
       UNIQUE (product, order_code)
     );
     CREATE INDEX vitrine_reviews_by_product ON vitrine_reviews (product, standing);
     CREATE INDEX vitrine_reviews_by_fingerprint ON vitrine_reviews (fingerprint);
     CREATE TABLE vitrine_review_votes (
       review_id bigint NOT NULL,
       voter     text NOT NULL,
       kind      text NOT NULL CHECK (kind IN ('helpful', 'report')),
       at        bigint NOT NULL,
       PRIMARY KEY (review_id, voter, kind)
     );
     CREATE TABLE vitrine_review_drafts (
       product    text NOT NULL,
       order_code text NOT NULL,
       fields     text NOT NULL,
       at         bigint NOT NULL,
       PRIMARY KEY (product, order_code)
     );",
    "CREATE TABLE vitrine_bundles (
       id         bigserial PRIMARY KEY,
       products   text NOT NULL UNIQUE,
       percent    int NOT NULL CHECK (percent BETWEEN 1 AND 50),
       created_at bigint NOT NULL
     );",
    // The recorded steps (`super::postgres_events`), as `events` and `daily` in SQLite.
    "CREATE TABLE vitrine_events (
       id       bigserial PRIMARY KEY,
       at       bigint NOT NULL,
       step     text NOT NULL,
       page     text NOT NULL DEFAULT '',
       subject  text NOT NULL DEFAULT '',
       value    bigint NOT NULL DEFAULT 0,
       currency text NOT NULL DEFAULT '',
       visitor  text
     );
     CREATE INDEX vitrine_events_by_time ON vitrine_events (at, step);
     CREATE INDEX vitrine_events_by_visitor_step ON vitrine_events (visitor, step, at)
       WHERE visitor IS NOT NULL;
     CREATE TABLE vitrine_daily (
       day      bigint NOT NULL,
       step     text NOT NULL,
       page     text NOT NULL,
       subject  text NOT NULL,
       currency text NOT NULL,
       n        bigint NOT NULL,
       value    bigint NOT NULL,
       PRIMARY KEY (day, step, page, subject, currency)
     );",
];

pub struct Postgres {
    pub(super) url: String,
    /// What requests ask (limits, claims, wishlists, reviews, bundles).
    link: Link,
    /// The recorded steps' writes and the dashboard's reads, on a connection of their own: a
    /// connection answers its queries in turn, so a long count over a season of steps must not
    /// hold up a shopper's Place order behind it.
    recorded: Link,
    writes: AtomicU64,
}

/// One pipelined connection, made again if it was lost (PostgreSQL restarted).
struct Link {
    client: tokio::sync::RwLock<Arc<Client>>,
    /// One reconnection at a time: a restart under load must not open a connection per request.
    reconnecting: tokio::sync::Mutex<()>,
}

impl Link {
    fn new(client: Client) -> Link {
        Link {
            client: tokio::sync::RwLock::new(Arc::new(client)),
            reconnecting: tokio::sync::Mutex::new(()),
        }
    }

    async fn get(&self, url: &str) -> Result<Arc<Client>, Unavailable> {
        let current = self.client.read().await.clone();
        if !current.is_closed() {
            return Ok(current);
        }
        let _one = self.reconnecting.lock().await;
        let current = self.client.read().await.clone();
        if !current.is_closed() {
            return Ok(current);
        }
        let fresh = Arc::new(open(url).await.map_err(|e| {
            tracing::error!(error = %e, "PostgreSQL is unreachable");
            Unavailable
        })?);
        *self.client.write().await = fresh.clone();
        tracing::info!("PostgreSQL reconnected");
        Ok(fresh)
    }
}

/// A new connection to `url`, over TLS when the URL asks for it (`super::postgres_tls`).
pub(super) async fn open(url: &str) -> Result<Client, String> {
    let target = super::postgres_tls::target(url)?;
    match target.tls {
        Some(tls) => connect_over(&target.url, tls).await,
        None => connect_over(&target.url, NoTls).await,
    }
}

async fn connect_over<T>(url: &str, tls: T) -> Result<Client, String>
where
    T: tokio_postgres::tls::MakeTlsConnect<tokio_postgres::Socket>,
    T::Stream: Send + 'static,
{
    let (client, connection) =
        tokio::time::timeout(ANSWER_WITHIN, tokio_postgres::connect(url, tls))
            .await
            .map_err(|_| "no answer within 5 s".to_string())?
            .map_err(|e| match std::error::Error::source(&e) {
                // A refused certificate says why only in its source.
                Some(why) => format!("{e}: {why}"),
                None => e.to_string(),
            })?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!(error = %e, "PostgreSQL connection lost; the next call reconnects");
        }
    });
    Ok(client)
}

async fn migrate(client: &mut Client) -> Result<usize, tokio_postgres::Error> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS vitrine_migrations (
           version    int PRIMARY KEY,
           applied_at timestamptz NOT NULL DEFAULT now()
         )",
    )
    .await?;
    let done: i32 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0) FROM vitrine_migrations",
            &[],
        )
        .await?
        .get(0);
    let mut applied = 0;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
        tx.batch_execute(sql).await?;
        tx.execute(
            "INSERT INTO vitrine_migrations (version) VALUES ($1)",
            &[&(i as i32 + 1)],
        )
        .await?;
        applied += 1;
    }
    tx.commit().await?;
    Ok(applied)
}

/// `answer`, or `Unavailable` (logged) when it failed or took longer than `within`.
pub(super) async fn answered<T>(
    within: Duration,
    answer: impl std::future::Future<Output = Result<T, tokio_postgres::Error>>,
) -> Result<T, Unavailable> {
    match tokio::time::timeout(within, answer).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "shared storefront state failed");
            Err(Unavailable)
        }
        Err(_) => {
            tracing::error!(
                seconds = within.as_secs(),
                "PostgreSQL gave no answer in time"
            );
            Err(Unavailable)
        }
    }
}

impl Postgres {
    /// Connects to `url` and brings its tables up to date.
    pub async fn connect(url: &str) -> Result<Postgres, String> {
        let mut client = open(url)
            .await
            .map_err(|e| format!("cannot reach PostgreSQL (VITRINE_DATABASE_URL): {e}"))?;
        let applied = migrate(&mut client)
            .await
            .map_err(|e| format!("cannot prepare PostgreSQL's tables: {e}"))?;
        if applied > 0 {
            tracing::info!(applied, "PostgreSQL migrations applied");
        }
        let recorded = open(url)
            .await
            .map_err(|e| format!("cannot reach PostgreSQL (VITRINE_DATABASE_URL): {e}"))?;
        Ok(Postgres {
            url: url.to_string(),
            link: Link::new(client),
            recorded: Link::new(recorded),
            writes: AtomicU64::new(0),
        })
    }

    /// Runs `f` on the requests' connection, within `ANSWER_WITHIN`.
    pub(super) async fn run<T, F>(&self, f: impl FnOnce(Arc<Client>) -> F) -> Result<T, Unavailable>
    where
        F: std::future::Future<Output = Result<T, tokio_postgres::Error>>,
    {
        let client = self.link.get(&self.url).await?;
        answered(ANSWER_WITHIN, f(client)).await
    }

    /// Runs `f` on the recorded steps' connection, within `RECORDED_WITHIN`.
    pub(super) async fn run_recorded<T, F>(
        &self,
        f: impl FnOnce(Arc<Client>) -> F,
    ) -> Result<T, Unavailable>
    where
        F: std::future::Future<Output = Result<T, tokio_postgres::Error>>,
    {
        let client = self.recorded.get(&self.url).await?;
        answered(RECORDED_WITHIN, f(client)).await
    }

    /// Now and then, deletes counts and claims older than `KEEP_MS`.
    async fn prune(&self, now_ms: i64) {
        if !self
            .writes
            .fetch_add(1, Ordering::Relaxed)
            .is_multiple_of(PRUNE_EVERY)
        {
            return;
        }
        let old = now_ms - KEEP_MS;
        let _ = self
            .run(|c| async move {
                c.execute("DELETE FROM vitrine_limit_counts WHERE at < $1", &[&old])
                    .await?;
                c.execute("DELETE FROM vitrine_placements WHERE started < $1", &[&old])
                    .await?;
                c.execute("DELETE FROM vitrine_attempt_orders WHERE at < $1", &[&old])
                    .await
            })
            .await;
    }

    async fn decide(
        &self,
        limit: Limit,
        keys: &[String],
        now_ms: i64,
        count: bool,
    ) -> Result<bool, Unavailable> {
        let keys = keys.to_vec();
        let max = limit.max as i32;
        let since = now_ms - limit.window_ms;
        self.run(|c| async move {
            let row = c
                .query_one(
                    "SELECT vitrine_take($1, $2, $3, $4, $5, $6)",
                    &[&limit.name, &keys, &max, &since, &now_ms, &count],
                )
                .await?;
            Ok(row.get(0))
        })
        .await
    }
}

#[async_trait::async_trait]
impl Lists for Postgres {
    async fn list(&self, owner: &str) -> Result<Option<String>, Unavailable> {
        self.one(
            "SELECT items FROM vitrine_wishlists WHERE owner = $1",
            owner,
        )
        .await
    }

    async fn keep(&self, owner: &str, items: Option<String>, now: i64) -> Result<(), Unavailable> {
        let owner = owner.to_string();
        self.run(|c| async move {
            match items {
                None => {
                    c.execute("DELETE FROM vitrine_wishlists WHERE owner = $1", &[&owner])
                        .await
                }
                Some(json) => {
                    c.execute(
                        "INSERT INTO vitrine_wishlists (owner, items, updated_at)
                         VALUES ($1, $2, $3)
                         ON CONFLICT (owner) DO UPDATE SET items = EXCLUDED.items,
                           updated_at = EXCLUDED.updated_at",
                        &[&owner, &json, &now],
                    )
                    .await
                }
            }
        })
        .await
        .map(|_| ())
    }

    async fn share(&self, token: &str, items: String, now: i64) -> Result<(), Unavailable> {
        let token = token.to_string();
        self.run(|c| async move {
            c.execute(
                "INSERT INTO vitrine_wishlist_shares (token, items, created_at)
                 VALUES ($1, $2, $3)",
                &[&token, &items, &now],
            )
            .await?;
            c.execute(
                "DELETE FROM vitrine_wishlist_shares WHERE token IN (
                   SELECT token FROM vitrine_wishlist_shares
                   ORDER BY created_at DESC, seq DESC OFFSET $1)",
                &[&MOST_SHARES],
            )
            .await
        })
        .await
        .map(|_| ())
    }

    async fn shared(&self, token: &str) -> Result<Option<String>, Unavailable> {
        self.one(
            "SELECT items FROM vitrine_wishlist_shares WHERE token = $1",
            token,
        )
        .await
    }
}

impl Postgres {
    /// The one text column `sql` finds for `key`.
    pub(super) async fn one(
        &self,
        sql: &'static str,
        key: &str,
    ) -> Result<Option<String>, Unavailable> {
        let key = key.to_string();
        self.run(|c| async move { c.query_opt(sql, &[&key]).await.map(|r| r.map(|r| r.get(0))) })
            .await
    }
}

#[async_trait::async_trait]
impl Shared for Postgres {
    async fn take(&self, limit: Limit, keys: &[String], now_ms: i64) -> Result<bool, Unavailable> {
        self.prune(now_ms).await;
        self.decide(limit, keys, now_ms, true).await
    }

    async fn within(
        &self,
        limit: Limit,
        keys: &[String],
        now_ms: i64,
    ) -> Result<bool, Unavailable> {
        self.decide(limit, keys, now_ms, false).await
    }

    async fn count(&self, limit: Limit, keys: &[String], now_ms: i64) -> Result<(), Unavailable> {
        let keys = keys.to_vec();
        self.run(|c| async move {
            c.execute(
                "INSERT INTO vitrine_limit_counts (name, key, at)
                 SELECT $1, x, $3 FROM unnest($2::text[]) x",
                &[&limit.name, &keys, &now_ms],
            )
            .await
        })
        .await
        .map(|_| ())
    }

    async fn claim(&self, key: &str, now_ms: i64, lease_ms: i64) -> Result<Claim, Unavailable> {
        self.prune(now_ms).await;
        let stale = now_ms - lease_ms;
        // The claim and the read are two statements: an attempt abandoned between them is
        // simply claimed again.
        for _ in 0..3 {
            let key = key.to_string();
            let found = self
                .run(|c| async move {
                    let mine = c
                        .query_opt(
                            "INSERT INTO vitrine_placements (key, started) VALUES ($1, $2)
                             ON CONFLICT (key) DO UPDATE SET started = EXCLUDED.started
                               WHERE vitrine_placements.order_code IS NULL
                                 AND vitrine_placements.started <= $3
                             RETURNING key",
                            &[&key, &now_ms, &stale],
                        )
                        .await?;
                    if mine.is_some() {
                        return Ok(Some(Claim::Mine));
                    }
                    let row = c
                        .query_opt(
                            "SELECT order_code FROM vitrine_placements WHERE key = $1",
                            &[&key],
                        )
                        .await?;
                    Ok(row.map(|r| match r.get::<_, Option<String>>(0) {
                        Some(code) => Claim::Placed(code),
                        None => Claim::Running,
                    }))
                })
                .await?;
            if let Some(claim) = found {
                return Ok(claim);
            }
        }
        Err(Unavailable)
    }

    async fn renew(&self, keys: &[String], now_ms: i64) -> Result<(), Unavailable> {
        let keys = keys.to_vec();
        self.run(|c| async move {
            c.execute(
                "UPDATE vitrine_placements SET started = $2
                 WHERE key = ANY($1) AND order_code IS NULL",
                &[&keys, &now_ms],
            )
            .await
        })
        .await
        .map(|_| ())
    }

    async fn paying(&self, key: &str, code: &str, now_ms: i64) -> Result<(), Unavailable> {
        let (key, code) = (key.to_string(), code.to_string());
        self.run(|c| async move {
            c.execute(
                "INSERT INTO vitrine_attempt_orders (key, order_code, at) VALUES ($1, $2, $3)
                 ON CONFLICT (key) DO UPDATE SET order_code = EXCLUDED.order_code, at = EXCLUDED.at",
                &[&key, &code, &now_ms],
            )
            .await
        })
        .await
        .map(|_| ())
    }

    async fn paying_for(&self, key: &str) -> Result<Option<String>, Unavailable> {
        let key = key.to_string();
        self.run(|c| async move {
            c.query_opt(
                "SELECT order_code FROM vitrine_attempt_orders WHERE key = $1",
                &[&key],
            )
            .await
            .map(|r| r.map(|r| r.get(0)))
        })
        .await
    }

    async fn placed(&self, key: &str, code: &str) -> Result<(), Unavailable> {
        let (key, code) = (key.to_string(), code.to_string());
        self.run(|c| async move {
            c.execute(
                "UPDATE vitrine_placements SET order_code = $2 WHERE key = $1",
                &[&key, &code],
            )
            .await
        })
        .await
        .map(|_| ())
    }

    async fn abandon(&self, key: &str) -> Result<(), Unavailable> {
        let key = key.to_string();
        self.run(|c| async move {
            c.execute(
                "DELETE FROM vitrine_placements WHERE key = $1 AND order_code IS NULL",
                &[&key],
            )
            .await
        })
        .await
        .map(|_| ())
    }

    async fn check_secret(&self, fingerprint: &str) -> Result<(), String> {
        let fp = fingerprint.to_string();
        let seen: String = self
            .run(|c| async move {
                c.execute(
                    "INSERT INTO vitrine_meta (key, value) VALUES ('secret_fingerprint', $1)
                     ON CONFLICT (key) DO NOTHING",
                    &[&fp],
                )
                .await?;
                let row = c
                    .query_one(
                        "SELECT value FROM vitrine_meta WHERE key = 'secret_fingerprint'",
                        &[],
                    )
                    .await?;
                Ok(row.get(0))
            })
            .await
            .map_err(|_| "cannot read the shared storefront data in PostgreSQL".to_string())?;
        if seen == fingerprint {
            Ok(())
        } else {
            Err(other_secret(&seen, fingerprint))
        }
    }

    async fn forget_secret(&self) -> Result<bool, String> {
        self.run(|c| async move {
            c.execute(
                "DELETE FROM vitrine_meta WHERE key = 'secret_fingerprint'",
                &[],
            )
            .await
        })
        .await
        .map(|n| n > 0)
        .map_err(|_| "cannot write the shared storefront data in PostgreSQL".to_string())
    }

    async fn keys_kept(&self) -> Result<u64, Unavailable> {
        self.run(|c| async move {
            let row = c
                .query_one(
                    "SELECT count(*) FROM (SELECT DISTINCT name, key FROM vitrine_limit_counts) k",
                    &[],
                )
                .await?;
            Ok(row.get::<_, i64>(0) as u64)
        })
        .await
    }
}

/// `url` with an empty schema of its own, `{name}_{this process's id}`: tests, and instances
/// tried side by side, get tables of their own without touching a real store's. Schemas of
/// the same name left by processes that have ended are dropped, so runs do not pile up.
pub async fn fresh_schema(url: &str, name: &str) -> Result<String, String> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(format!("'{name}' is not a plain schema name"));
    }
    let schema = format!("{name}_{}", std::process::id());
    let admin = open(url).await?;
    let prefix = format!("{name}_");
    let others = admin
        .query(
            "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)",
            &[&prefix],
        )
        .await
        .map_err(|e| e.to_string())?;
    let mut drop = vec![schema.clone()];
    for row in others {
        let other: String = row.get(0);
        let ended = other[prefix.len()..]
            .parse::<u32>()
            .is_ok_and(|pid| !std::path::Path::new(&format!("/proc/{pid}")).exists());
        if ended {
            drop.push(other);
        }
    }
    for d in drop {
        admin
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {d} CASCADE"))
            .await
            .map_err(|e| e.to_string())?;
    }
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .await
        .map_err(|e| e.to_string())?;
    let sep = if url.contains('?') { '&' } else { '?' };
    Ok(format!("{url}{sep}options=-csearch_path%3D{schema}"))
}

/// The shared contract on a real PostgreSQL, when the tests are given one
/// (`VITRINE_POSTGRES`, which `make test` starts: scripts/postgres.sh).
#[cfg(test)]
mod tests {
    use super::super::shared::contract;
    use super::*;

    async fn fresh(test: &str) -> Option<Postgres> {
        let Ok(url) = std::env::var("VITRINE_POSTGRES") else {
            eprintln!("VITRINE_POSTGRES unset: the PostgreSQL contract is not run");
            return None;
        };
        // Each test on tables of its own.
        let url = fresh_schema(&url, test).await.unwrap();
        Some(Postgres::connect(&url).await.unwrap())
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_keeps_the_shared_contract() {
        let Some(pg) = fresh("contract").await else {
            return;
        };
        let again = Postgres::connect(&pg.url).await.unwrap();
        assert_eq!(
            migrate(
                &mut tokio_postgres::connect(&pg.url, NoTls)
                    .await
                    .map(|(c, conn)| {
                        tokio::spawn(conn);
                        c
                    })
                    .unwrap()
            )
            .await
            .unwrap(),
            0,
            "migrations run once"
        );
        let s: Arc<dyn Shared> = Arc::new(pg);
        let t0 = super::super::shared::now_ms();
        contract::limits_apply_per_key_and_lift_after_the_window(s.as_ref(), t0).await;
        contract::failures_alone_count_where_only_they_are_recorded(s.as_ref(), t0).await;
        contract::an_attempt_is_placed_once_and_freed_when_it_fails(s.as_ref(), t0).await;
        contract::a_renewed_claim_holds_and_a_taken_over_one_says_what_it_paid(s.as_ref(), t0)
            .await;
        contract::one_claim_wins_among_many_at_once(s.clone(), t0).await;
        contract::the_first_signing_key_is_kept(s.as_ref()).await;

        // A second instance on the same database counts the same limit.
        let limit = Limit {
            name: "attempts",
            max: 3,
            window_ms: 60_000,
        };
        let keys = [super::super::shared::key("order:VT-9")];
        let mut allowed = 0;
        for i in 0..6 {
            let on: &dyn Shared = if i % 2 == 0 { s.as_ref() } else { &again };
            allowed += usize::from(on.take(limit, &keys, t0).await.unwrap());
        }
        assert_eq!(allowed, 3, "three in all, not three each");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn wishlists_reviews_bundles_and_steps_in_postgres_are_read_by_every_instance() {
        let Some(pg) = fresh("lists").await else {
            return;
        };
        let other = Postgres::connect(&pg.url).await.unwrap();
        let dirs = ["a", "b"].map(|n| {
            std::env::temp_dir().join(format!("vitrine-pg-lists-{n}-{}", std::process::id()))
        });
        let on = |dir: &std::path::Path, pg: Postgres| {
            let _ = std::fs::remove_dir_all(dir);
            super::super::StorefrontData::open(dir)
                .unwrap()
                .on_postgres(Arc::new(pg))
        };
        let a = on(&dirs[0], pg);
        let b = on(&dirs[1], other);
        super::super::wishlists::contract::lists_are_kept_whole_and_shared_as_copies(&a, &b).await;
        super::super::reviews::contract::reviews_are_listed_voted_and_moderated_alike(&a, &b).await;
        super::super::events_contract::steps_are_counted_followed_rolled_up_and_forgotten_alike(
            &a, &b,
        )
        .await;
        for dir in dirs {
            let _ = std::fs::remove_dir_all(dir);
        }
    }

    /// The test PostgreSQL's certificate authority (`scripts/postgres.sh ca`).
    fn test_ca() -> String {
        let out = std::process::Command::new("bash")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/postgres.sh"))
            .arg("ca")
            .output()
            .expect("scripts/postgres.sh runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    async fn encrypted(pg: &Postgres) -> bool {
        pg.run(|c| async move {
            let row = c
                .query_one(
                    "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                    &[],
                )
                .await?;
            Ok(row.get::<_, bool>(0))
        })
        .await
        .unwrap()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn tls_is_used_when_the_url_asks_and_the_certificate_is_checked() {
        let Some(plain) = fresh("tls").await else {
            return;
        };
        assert!(!encrypted(&plain).await, "plain unless asked");
        let verified = format!(
            "{}&sslmode=verify-full&sslrootcert={}",
            plain.url,
            test_ca()
        );
        let pg = Postgres::connect(&verified).await.unwrap();
        assert!(encrypted(&pg).await, "encrypted when asked");
        // The test server's certificate is signed by no public authority: without its CA the
        // connection is refused, saying why, rather than made unchecked.
        let unchecked = format!("{}&sslmode=require", plain.url);
        let refused = Postgres::connect(&unchecked).await.err().unwrap();
        assert!(refused.contains("certificate"), "{refused}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_long_count_of_recorded_steps_holds_up_no_request() {
        let Some(pg) = fresh("apart").await else {
            return;
        };
        let pg = Arc::new(pg);
        let slow = {
            let pg = pg.clone();
            tokio::spawn(async move {
                pg.run_recorded(|c| async move { c.execute("SELECT pg_sleep(2)", &[]).await })
                    .await
            })
        };
        tokio::time::sleep(Duration::from_millis(200)).await;
        let asked = std::time::Instant::now();
        let limit = Limit {
            name: "attempts",
            max: 3,
            window_ms: 60_000,
        };
        let keys = [super::super::shared::key("order:VT-1")];
        assert!(pg
            .take(limit, &keys, super::super::shared::now_ms())
            .await
            .unwrap());
        assert!(
            asked.elapsed() < Duration::from_secs(1),
            "a lookup's limit waited {:?} behind the dashboard",
            asked.elapsed()
        );
        slow.await.unwrap().unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn many_takes_at_once_never_pass_the_limit() {
        let Some(pg) = fresh("race").await else {
            return;
        };
        let s: Arc<dyn Shared> = Arc::new(pg);
        let limit = Limit {
            name: "attempts",
            max: 10,
            window_ms: 60_000,
        };
        let t0 = super::super::shared::now_ms();
        let tries = (0..40).map(|i| {
            let s = s.clone();
            // Every try names the target; half also name one client.
            let keys = if i % 2 == 0 {
                vec![
                    super::super::shared::key("order:X"),
                    super::super::shared::key("ip:a"),
                ]
            } else {
                vec![super::super::shared::key("order:X")]
            };
            tokio::spawn(async move { s.take(limit, &keys, t0).await.unwrap() })
        });
        let allowed = futures::future::join_all(tries)
            .await
            .into_iter()
            .filter(|r| matches!(r, Ok(true)))
            .count();
        assert_eq!(allowed, 10);
    }
}
