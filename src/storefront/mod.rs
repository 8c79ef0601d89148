//! The storefront's own data: what belongs to the shopper's relationship with this store
//! rather than to the commerce backend, so it works the same on every backend (the Shop API
//! of Vendure has no wishlists). Wishlists of signed-in shoppers, reviews, bundles, the
//! funnel's events and the experiments. A SQLite file in the data folder; what several
//! instances must agree on (limits, checkout attempts, the signing key) is behind `Shared`,
//! the wishlists behind `wishlists::Lists`, the reviews behind `reviews::Reviews`, the
//! bundles behind `bundles::Bundles` and the recorded steps behind `analytics::Sink` (written)
//! and `recorded::Recorded` (read), each in that file or in PostgreSQL. The experiments'
//! declarations stay a file in each data folder, deployed like configuration.

pub mod bundles;
pub mod events;
#[cfg(test)]
pub(crate) mod events_contract;
pub mod experiments;
pub mod postgres;
pub mod postgres_bundles;
pub mod postgres_events;
pub mod postgres_reviews;
mod postgres_tls;
pub mod recorded;
pub mod reviews;
pub mod reviews_local;
pub mod rollup;
pub mod seeded_reviews;
pub mod shared;
pub mod wishlists;

use std::path::Path;
use std::sync::{Arc, Mutex};

const DB_FILE: &str = "storefront.sqlite3";

#[derive(Clone)]
pub struct StorefrontData {
    conn: Arc<Mutex<rusqlite::Connection>>,
    /// Where recorded steps go (`events::SqliteSink`: the same file, its own writer; or
    /// `postgres_events::PostgresSink`).
    events: Arc<dyn crate::analytics::Sink>,
    /// Where they are read from (the same file, or PostgreSQL).
    recorded: Arc<dyn recorded::Recorded>,
    /// The owner's experiments (`experiments.json` beside the database).
    experiments: Arc<experiments::ExperimentFile>,
    /// Limits, checkout attempts and the key's fingerprint (`shared::Local` unless
    /// `on_postgres` put them in PostgreSQL).
    shared: Arc<dyn shared::Shared>,
    /// Signed-in shoppers' and widgets' wishlists (`wishlists::LocalLists`, or PostgreSQL).
    lists: Arc<dyn wishlists::Lists>,
    /// Reviews, their votes and drafts (`reviews_local::LocalReviews`, or PostgreSQL).
    reviews: Arc<dyn reviews::Reviews>,
    /// Declared bundle discounts (`bundles::LocalBundles`, or PostgreSQL).
    bundles: Arc<dyn bundles::Bundles>,
    /// Whether the above are in the data folder's file rather than PostgreSQL.
    local: bool,
}

/// The store could not be read or written; what failed is in the log.
#[derive(Debug)]
pub struct Unavailable;

impl StorefrontData {
    /// Opens (creating) the storefront's data in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<StorefrontData, String> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| format!("cannot create data folder {}: {e}", data_dir.display()))?;
        let path = data_dir.join(DB_FILE);
        let conn = rusqlite::Connection::open(&path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .and_then(|_| conn.busy_timeout(std::time::Duration::from_secs(5)))
            .and_then(|_| conn.execute_batch(include_str!("schema.sql")))
            .map_err(|e| format!("cannot prepare {}: {e}", path.display()))?;
        // Every statement a request runs stays compiled (the default keeps 16).
        conn.set_prepared_statement_cache_capacity(128);
        let events = events::SqliteSink::start(&path)?;
        let conn = Arc::new(Mutex::new(conn));
        Ok(StorefrontData {
            shared: Arc::new(shared::Local::new(conn.clone())),
            lists: Arc::new(wishlists::LocalLists(conn.clone())),
            reviews: Arc::new(reviews_local::LocalReviews(conn.clone())),
            bundles: Arc::new(bundles::LocalBundles(conn.clone())),
            recorded: Arc::new(recorded::Local(conn.clone())),
            local: true,
            conn,
            events: Arc::new(events),
            experiments: Arc::new(experiments::ExperimentFile::open(data_dir)),
        })
    }

    /// What every instance shares.
    pub fn shared(&self) -> Arc<dyn shared::Shared> {
        self.shared.clone()
    }

    /// The same data with what instances share, the wishlists, the reviews, the bundles and
    /// the recorded steps kept in PostgreSQL. Must run within the server's runtime (the
    /// steps' writer is a task on it).
    pub fn on_postgres(mut self, pg: Arc<postgres::Postgres>) -> StorefrontData {
        if self.events.records() {
            self.events = Arc::new(postgres_events::PostgresSink::start(pg.clone()));
        }
        self.recorded = pg.clone();
        self.shared = pg.clone();
        self.lists = pg.clone();
        self.reviews = pg.clone();
        self.bundles = pg;
        self.local = false;
        self
    }

    /// Whether wishlists, reviews, bundles and recorded steps are in the data folder's file
    /// (where the sample store's reviews, bundle and demo visits are seeded) rather than
    /// shared in PostgreSQL.
    pub fn is_local(&self) -> bool {
        self.local
    }

    /// The sink recorded steps go to.
    pub fn events(&self) -> &dyn crate::analytics::Sink {
        self.events.as_ref()
    }

    /// The same data with the store's statistics off (`VITRINE_STATISTICS=off`): nothing
    /// is recorded, nobody is given a visitor id, every shopper sees every experiment's
    /// control. Also what `make bench-ssr` measures recording against.
    pub fn without_statistics(mut self) -> StorefrontData {
        self.events = Arc::new(crate::analytics::Off);
        self
    }

    /// Whether steps are recorded at all.
    pub fn records(&self) -> bool {
        self.events.records()
    }

    /// Deletes the data in `data_dir` (the embedded store's reset).
    pub fn remove(data_dir: &Path) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(data_dir.join(format!("{DB_FILE}{suffix}")));
        }
    }
}

/// The storefront's SQLite connection, one writer at a time.
type Conn = Arc<Mutex<rusqlite::Connection>>;

/// Runs `f` on `conn` off the async workers.
async fn run_on<T: Send + 'static>(
    conn: &Conn,
    f: impl FnOnce(&mut rusqlite::Connection) -> rusqlite::Result<T> + Send + 'static,
) -> Result<T, Unavailable> {
    let conn = conn.clone();
    tokio::task::spawn_blocking(move || {
        let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    })
    .await
    .map_err(|_| Unavailable)?
    .map_err(|e| {
        tracing::error!(error = %e, "storefront data query failed");
        Unavailable
    })
}
