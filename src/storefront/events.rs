//! Recorded steps in the storefront's SQLite: a bounded queue that a request only ever
//! pushes to (never waiting), one thread that writes what is queued in batches, and the
//! reads the insights dashboard and the privacy centre make.

use super::recorded::{Arg, Cell, Row, Sql};
use super::{StorefrontData, Unavailable};
use crate::analytics::{Event, Sink, Step};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::Arc;

/// Events waiting to be written; beyond this they are dropped (and counted).
const QUEUE: usize = 10_000;
/// Most events one transaction writes.
const BATCH: usize = 500;
/// How long the writer gathers a batch: one transaction for a page's steps and its
/// neighbours', rather than one each (the dashboard is never that close to the second).
const GATHER: std::time::Duration = std::time::Duration::from_millis(25);

/// The SQLite sink: `record` queues, the writer thread writes.
pub struct SqliteSink {
    queue: SyncSender<Event>,
    dropped: Arc<AtomicU64>,
}

impl Sink for SqliteSink {
    fn record(&self, event: Event) {
        match self.queue.try_send(event) {
            Ok(()) => {}
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

impl SqliteSink {
    /// Starts the writer on its own connection to `path`.
    pub fn start(path: &Path) -> Result<SqliteSink, String> {
        // Statistics may lose the last moment's steps to a power cut, not to a crash: in WAL
        // mode `synchronous = NORMAL` keeps the file whole and spares an fsync per batch,
        // which on a small machine took CPU from the pages.
        let conn = rusqlite::Connection::open(path)
            .and_then(|c| c.busy_timeout(std::time::Duration::from_secs(5)).map(|_| c))
            .and_then(|c| c.pragma_update(None, "synchronous", "NORMAL").map(|_| c))
            .map_err(|e| format!("cannot open {} for events: {e}", path.display()))?;
        let (queue, rx) = sync_channel(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        let counted = dropped.clone();
        std::thread::Builder::new()
            .name("vitrine-events".into())
            .spawn(move || write_all(conn, rx, counted))
            .map_err(|e| format!("cannot start the events writer: {e}"))?;
        Ok(SqliteSink { queue, dropped })
    }
}

/// Waits for an event, gathers what else comes within `GATHER` (up to a batch), writes
/// them in one transaction; until every sender is gone.
fn write_all(mut conn: rusqlite::Connection, rx: Receiver<Event>, dropped: Arc<AtomicU64>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        let until = std::time::Instant::now() + GATHER;
        while batch.len() < BATCH {
            let left = until.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(e) => batch.push(e),
                Err(_) => break,
            }
        }
        if let Err(e) = write(&mut conn, &batch) {
            tracing::warn!(error = %e, events = batch.len(), "events dropped: cannot write");
            dropped.fetch_add(batch.len() as u64, Ordering::Relaxed);
        }
    }
}

fn write(conn: &mut rusqlite::Connection, batch: &[Event]) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    insert(&tx, batch)?;
    tx.commit()
}

/// Inserts `events` within the caller's transaction.
fn insert(tx: &rusqlite::Transaction, events: &[Event]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (at, step, page, subject, value, currency, visitor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for e in events {
        stmt.execute(rusqlite::params![
            e.at,
            e.step.as_str(),
            e.page,
            e.subject,
            e.value,
            e.currency,
            e.visitor
        ])?;
    }
    Ok(())
}

/// The currency most orders were placed in since `?1`, if any order was.
pub(super) const MAIN_CURRENCY: Sql = "SELECT currency FROM {events}
   WHERE step = 'order_placed' AND at >= ?1
   GROUP BY currency ORDER BY COUNT(DISTINCT subject) DESC LIMIT 1";

/// What the dashboard reads for a period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    /// (step, all events, events from consenting visitors).
    pub steps: Vec<(Step, u64, u64)>,
    /// Distinct consenting visitors.
    pub visitors: u64,
    /// (currency, orders, revenue in minor units).
    pub revenue: Vec<(String, u64, i64)>,
    /// (words, times, results the last time).
    pub searches: Vec<(String, u64, i64)>,
    /// Searches that found nothing: (words, times).
    pub empty_searches: Vec<(String, u64)>,
    /// The most viewed: (product, views, added to cart, units bought).
    pub products: Vec<(String, u64, u64, u64)>,
    /// The most bought: (product, orders, units).
    pub bought: Vec<(String, u64, i64)>,
    /// The widget by the site that embeds it.
    pub sites: Vec<Site>,
    /// The currency most orders were placed in (revenue by site is in it).
    pub currency: String,
    /// Page views by kind of page.
    pub pages: Vec<(String, u64)>,
    /// The seeded store's generated visits are in the data.
    pub demo: bool,
}

/// What the widget did on one site.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Site {
    pub site: String,
    pub views: u64,
    pub adds: u64,
    /// Orders placed after its checkout button, and their revenue (minor units of the
    /// totals' currency).
    pub orders: u64,
    pub revenue: i64,
}

impl Totals {
    pub fn count(&self, step: Step) -> u64 {
        self.steps
            .iter()
            .find(|(s, _, _)| *s == step)
            .map_or(0, |(_, n, _)| *n)
    }
}

/// Rows a dashboard table shows.
const TOP: i64 = 10;

/// Per step: all events and those of consenting visitors. An order counts once however
/// often its confirmation was answered (a double click replays the same order).
const STEPS: Sql = "SELECT step,
     CASE step WHEN 'order_placed' THEN COUNT(DISTINCT subject) ELSE COUNT(*) END,
     CASE step WHEN 'order_placed' THEN COUNT(DISTINCT CASE WHEN visitor IS NOT NULL
       THEN subject END) ELSE COUNT(visitor) END
   FROM {events} WHERE at >= ?1 GROUP BY step";

const VISITORS: Sql = "SELECT COUNT(DISTINCT visitor) FROM {events} WHERE at >= ?1";

const HAS_DEMO: Sql = "SELECT COUNT(*) FROM {meta} WHERE key = 'seeded_events'";

const REVENUE: Sql = "SELECT currency, COUNT(*), CAST(SUM(value) AS BIGINT) FROM
     (SELECT subject, currency, MAX(value) AS value FROM {events}
      WHERE at >= ?1 AND step = 'order_placed' GROUP BY subject, currency) AS o
   GROUP BY currency ORDER BY 3 DESC LIMIT ?2";

const SEARCHES: Sql = "SELECT subject, COUNT(*), MIN(value) FROM {events}
   WHERE at >= ?1 AND step = 'search' GROUP BY subject ORDER BY 2 DESC, 1 LIMIT ?2";

const EMPTY_SEARCHES: Sql = "SELECT subject, COUNT(*) FROM {events}
   WHERE at >= ?1 AND step = 'search' AND value = 0
   GROUP BY subject ORDER BY 2 DESC, 1 LIMIT ?2";

/// The most viewed products, with adds and units bought (counted once per order, however
/// often it was confirmed).
const PRODUCTS: Sql = "SELECT v.subject, v.views, v.adds, COALESCE(u.units, 0) FROM
     (SELECT subject, SUM(CASE WHEN step = 'product_view' THEN 1 ELSE 0 END) AS views,
        SUM(CASE WHEN step = 'add_to_cart' THEN 1 ELSE 0 END) AS adds
      FROM {events} WHERE at >= ?1 AND step IN ('product_view', 'add_to_cart')
      GROUP BY subject) AS v
   LEFT JOIN
     (SELECT subject, CAST(SUM(units) AS BIGINT) AS units FROM
        (SELECT subject, MAX(value) AS units FROM {events}
         WHERE at >= ?1 AND step = 'product_bought' GROUP BY page, subject) AS o
      GROUP BY subject) AS u ON u.subject = v.subject
   ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?2";

const BOUGHT: Sql = "SELECT subject, COUNT(*), CAST(SUM(units) AS BIGINT) FROM
     (SELECT page, subject, MAX(value) AS units FROM {events}
      WHERE at >= ?1 AND step = 'product_bought' GROUP BY page, subject) AS o
   GROUP BY subject ORDER BY 3 DESC, 2 DESC, 1 LIMIT ?2";

/// The widget by site: a sale counts once however often its confirmation was answered, its
/// revenue in the period's main currency (`?3`).
const SITES: Sql = "SELECT w.subject, w.views, w.adds, COALESCE(s.orders, 0),
     COALESCE(s.revenue, 0) FROM
     (SELECT subject, SUM(CASE WHEN step = 'widget_view' THEN 1 ELSE 0 END) AS views,
        SUM(CASE WHEN step = 'widget_add' THEN 1 ELSE 0 END) AS adds
      FROM {events} WHERE at >= ?1 AND step IN ('widget_view', 'widget_add', 'widget_sale')
      GROUP BY subject) AS w
   LEFT JOIN
     (SELECT subject, COUNT(*) AS orders,
        CAST(SUM(CASE WHEN currency = ?3 THEN v ELSE 0 END) AS BIGINT) AS revenue FROM
        (SELECT subject, page, currency, MAX(value) AS v FROM {events}
         WHERE at >= ?1 AND step = 'widget_sale' GROUP BY subject, page, currency) AS o
      GROUP BY subject) AS s ON s.subject = w.subject
   ORDER BY 4 DESC, 3 DESC, 2 DESC, 1 LIMIT ?2";

const PAGES: Sql = "SELECT page, COUNT(*) FROM {events}
   WHERE at >= ?1 AND step = 'page_view' GROUP BY page ORDER BY 2 DESC, 1 LIMIT ?2";

const OF_VISITOR: Sql = "SELECT at, step, page, subject, value, currency FROM {events}
   WHERE visitor = ?1 ORDER BY at DESC, id DESC";

const FORGET: Sql = "DELETE FROM {events} WHERE visitor = ?1";

const AFTER: Sql = "SELECT id, at, step, page, subject, value, currency, visitor FROM {events}
   WHERE id > ?1 AND at >= ?2 ORDER BY id LIMIT ?3";

impl StorefrontData {
    /// Everything recorded from `since` (seconds since the epoch) on.
    pub async fn event_totals(&self, since: i64) -> Result<Totals, Unavailable> {
        let db = self.recorded.as_ref();
        let top = || vec![Arg::Int(since), Arg::Int(TOP)];
        let mut t = Totals {
            steps: db
                .rows(STEPS, vec![since.into()])
                .await?
                .iter()
                .filter_map(|r| Some((Step::parse(&r[0].text())?, r[1].count(), r[2].count())))
                .collect(),
            ..Totals::default()
        };
        // Steps older than the retention period, as daily counts (nobody followed).
        for (step, n) in self.rolled_up_steps(since).await? {
            match t.steps.iter_mut().find(|(s, _, _)| *s == step) {
                Some(row) => row.1 += n,
                None => t.steps.push((step, n, 0)),
            }
        }
        t.demo = first(db.rows(HAS_DEMO, vec![]).await?).count() > 0;
        t.visitors = first(db.rows(VISITORS, vec![since.into()]).await?).count();
        let triples = |rows: Vec<Row>| -> Vec<(String, u64, i64)> {
            rows.iter()
                .map(|r| (r[0].text(), r[1].count(), r[2].int()))
                .collect()
        };
        let pairs = |rows: Vec<Row>| -> Vec<(String, u64)> {
            rows.iter().map(|r| (r[0].text(), r[1].count())).collect()
        };
        t.revenue = triples(db.rows(REVENUE, top()).await?);
        t.searches = triples(db.rows(SEARCHES, top()).await?);
        t.empty_searches = pairs(db.rows(EMPTY_SEARCHES, top()).await?);
        t.products = db
            .rows(PRODUCTS, top())
            .await?
            .iter()
            .map(|r| (r[0].text(), r[1].count(), r[2].count(), r[3].count()))
            .collect();
        t.bought = triples(db.rows(BOUGHT, top()).await?);
        t.currency = self
            .main_currency(since)
            .await?
            .unwrap_or_else(|| "USD".to_string());
        let mut args = top();
        args.push(t.currency.clone().into());
        t.sites = db
            .rows(SITES, args)
            .await?
            .iter()
            .map(|r| Site {
                site: r[0].text(),
                views: r[1].count(),
                adds: r[2].count(),
                orders: r[3].count(),
                revenue: r[4].int(),
            })
            .collect();
        t.pages = pairs(db.rows(PAGES, top()).await?);
        Ok(t)
    }

    /// The currency most orders were placed in since `since` (an experiment's revenue is
    /// reported in it), if any order was.
    pub async fn main_currency(&self, since: i64) -> Result<Option<String>, Unavailable> {
        let rows = self
            .recorded
            .rows(MAIN_CURRENCY, vec![since.into()])
            .await?;
        Ok(rows.first().and_then(|r| r[0].opt_text()))
    }

    /// What was recorded under `visitor`, newest first (the privacy centre's export).
    pub async fn visitor_events(&self, visitor: &str) -> Result<Vec<Event>, Unavailable> {
        let rows = self.recorded.rows(OF_VISITOR, vec![visitor.into()]).await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(Event {
                    at: r[0].int(),
                    step: Step::parse(&r[1].text())?,
                    page: r[2].text(),
                    subject: r[3].text(),
                    value: r[4].int(),
                    currency: r[5].text(),
                    visitor: Some(visitor.to_string()),
                })
            })
            .collect())
    }

    /// Deletes everything recorded under `visitor`; how many events went.
    pub async fn forget_visitor(&self, visitor: &str) -> Result<usize, Unavailable> {
        let changed = self
            .recorded
            .change(vec![(FORGET, vec![visitor.into()])])
            .await?;
        Ok(changed.iter().sum::<u64>() as usize)
    }

    /// Up to `limit` events from `since` on with an id above `after`, oldest first, with
    /// their ids: the export reads the table a page at a time, never all of it at once.
    pub async fn events_after(
        &self,
        since: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, Event)>, Unavailable> {
        let rows = self
            .recorded
            .rows(AFTER, vec![after.into(), since.into(), limit.into()])
            .await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some((
                    r[0].int(),
                    Event {
                        at: r[1].int(),
                        step: Step::parse(&r[2].text())?,
                        page: r[3].text(),
                        subject: r[4].text(),
                        value: r[5].int(),
                        currency: r[6].text(),
                        visitor: r[7].opt_text(),
                    },
                ))
            })
            .collect())
    }
}

/// The first cell of a one-row answer (`Null` if there was none).
fn first(rows: Vec<Row>) -> Cell {
    rows.into_iter()
        .next()
        .and_then(|r| r.into_iter().next())
        .unwrap_or(Cell::Null)
}

/// Whether the seeded store's demo visits were written (or deleted after).
fn has_demo(c: &rusqlite::Connection) -> rusqlite::Result<bool> {
    c.query_row(
        "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'seeded_events')",
        [],
        |r| r.get(0),
    )
}

impl StorefrontData {
    /// Writes the seeded store's generated visits (`analytics::demo`) once, over the
    /// seeded catalogue. How many were written.
    pub fn seed_demo(&self) -> Result<usize, String> {
        // Checked before the four weeks are generated: most starts have them already.
        let seeded = has_demo(&self.conn.lock().unwrap_or_else(|p| p.into_inner()));
        if seeded.map_err(|e| format!("cannot read the storefront's data: {e}"))? {
            return Ok(0);
        }
        let products: Vec<(String, i64)> = crate::commerce::embedded::catalog::generate(1)
            .into_iter()
            .filter_map(|p| Some((p.handle, p.variants.first()?.price)))
            .collect();
        self.seed_demo_events(&crate::analytics::demo::visits(
            &products,
            crate::api::clock::now(),
        ))
    }

    /// Writes `events` once: a store that has them, or whose owner deleted them, is left
    /// alone. How many were written.
    pub fn seed_demo_events(&self, events: &[Event]) -> Result<usize, String> {
        let mut c = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let db = |e: rusqlite::Error| format!("cannot write the demo visits: {e}");
        if has_demo(&c).map_err(db)? {
            return Ok(0);
        }
        let tx = c.transaction().map_err(db)?;
        insert(&tx, events).map_err(db)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('seeded_events', ?1)",
            [events.len().to_string()],
        )
        .map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(events.len())
    }
}
