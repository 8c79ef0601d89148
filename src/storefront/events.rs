//! Recorded steps in the storefront's SQLite: a bounded queue that a request only ever
//! pushes to (never waiting), one thread that writes what is queued in batches, and the
//! reads the insights dashboard and the privacy centre make.

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

/// The currency most orders were placed in since `since`, if any order was.
pub(super) fn main_currency_in(
    c: &rusqlite::Connection,
    since: i64,
) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    c.query_row(
        "SELECT currency FROM events WHERE step = 'order_placed' AND at >= ?1
         GROUP BY currency ORDER BY COUNT(DISTINCT subject) DESC LIMIT 1",
        [since],
        |r| r.get(0),
    )
    .optional()
}

/// Whether the seeded store's demo visits were written (or deleted after).
fn has_demo(c: &rusqlite::Connection) -> rusqlite::Result<bool> {
    c.query_row(
        "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'seeded_events')",
        [],
        |r| r.get(0),
    )
}

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

impl StorefrontData {
    /// Everything recorded from `since` (seconds since the epoch) on.
    pub async fn event_totals(&self, since: i64) -> Result<Totals, Unavailable> {
        self.run(move |c| {
            let mut t = Totals::default();
            let mut stmt = c.prepare_cached(
                // An order counts once however often its confirmation was answered (a
                // double click replays the same order).
                "SELECT step,
                   CASE step WHEN 'order_placed' THEN COUNT(DISTINCT subject) ELSE COUNT(*) END,
                   CASE step WHEN 'order_placed' THEN COUNT(DISTINCT CASE WHEN visitor IS NOT NULL
                     THEN subject END) ELSE COUNT(visitor) END
                 FROM events WHERE at >= ?1 GROUP BY step",
            )?;
            t.steps = stmt
                .query_map([since], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?, r.get(2)?))
                })?
                .filter_map(|r| r.ok())
                .filter_map(|(s, n, v)| Some((Step::parse(&s)?, n, v)))
                .collect();
            // Steps older than the retention period, as daily counts (nobody followed).
            for (step, n) in StorefrontData::rolled_up_steps(c, since)? {
                let Some(step) = Step::parse(&step) else {
                    continue;
                };
                match t.steps.iter_mut().find(|(s, _, _)| *s == step) {
                    Some(row) => row.1 += n,
                    None => t.steps.push((step, n, 0)),
                }
            }
            t.demo = has_demo(c)?;
            t.visitors = c.query_row(
                "SELECT COUNT(DISTINCT visitor) FROM events WHERE at >= ?1",
                [since],
                |r| r.get(0),
            )?;
            let rows = |sql: &str| -> rusqlite::Result<Vec<(String, u64, i64)>> {
                let mut stmt = c.prepare_cached(sql)?;
                let v = stmt
                    .query_map(rusqlite::params![since, TOP], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(v)
            };
            t.revenue = rows(
                "SELECT currency, COUNT(*), SUM(value) FROM
                   (SELECT currency, MAX(value) AS value FROM events
                    WHERE at >= ?1 AND step = 'order_placed' GROUP BY subject)
                 GROUP BY currency ORDER BY 3 DESC LIMIT ?2",
            )?;
            t.searches = rows(
                "SELECT subject, COUNT(*), MIN(value) FROM events
                 WHERE at >= ?1 AND step = 'search' GROUP BY subject ORDER BY 2 DESC, 1 LIMIT ?2",
            )?;
            t.empty_searches = rows(
                "SELECT subject, COUNT(*), 0 FROM events
                 WHERE at >= ?1 AND step = 'search' AND value = 0
                 GROUP BY subject ORDER BY 2 DESC, 1 LIMIT ?2",
            )?
            .into_iter()
            .map(|(q, n, _)| (q, n))
            .collect();
            let mut stmt = c.prepare_cached(
                // Units bought counted once per order, however often it was confirmed.
                "SELECT subject, SUM(step = 'product_view'), SUM(step = 'add_to_cart'),
                   COALESCE((SELECT SUM(units) FROM (SELECT MAX(b.value) AS units FROM events b
                     WHERE b.at >= ?1 AND b.step = 'product_bought' AND b.subject = e.subject
                     GROUP BY b.page)), 0)
                 FROM events e
                 WHERE at >= ?1 AND step IN ('product_view', 'add_to_cart')
                 GROUP BY subject ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?2",
            )?;
            t.products = stmt
                .query_map(rusqlite::params![since, TOP], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            t.bought = rows(
                "SELECT subject, COUNT(*), SUM(units) FROM
                   (SELECT subject, MAX(value) AS units FROM events
                    WHERE at >= ?1 AND step = 'product_bought' GROUP BY page, subject)
                 GROUP BY subject ORDER BY 3 DESC, 2 DESC, 1 LIMIT ?2",
            )?;
            t.currency = main_currency_in(c, since)?.unwrap_or_else(|| "USD".to_string());
            let mut stmt = c.prepare_cached(
                // A sale counts once however often its confirmation was answered; its revenue
                // in the period's main currency.
                "SELECT subject, SUM(step = 'widget_view'), SUM(step = 'widget_add'),
                   (SELECT COUNT(DISTINCT s.page) FROM events s WHERE s.at >= ?1
                     AND s.step = 'widget_sale' AND s.subject = e.subject),
                   (SELECT COALESCE(SUM(v), 0) FROM (SELECT MAX(s.value) AS v FROM events s
                     WHERE s.at >= ?1 AND s.step = 'widget_sale' AND s.subject = e.subject
                       AND s.currency = ?3 GROUP BY s.page))
                 FROM events e
                 WHERE at >= ?1 AND step IN ('widget_view', 'widget_add', 'widget_sale')
                 GROUP BY subject ORDER BY 4 DESC, 3 DESC, 2 DESC, 1 LIMIT ?2",
            )?;
            t.sites = stmt
                .query_map(rusqlite::params![since, TOP, t.currency], |r| {
                    Ok(Site {
                        site: r.get(0)?,
                        views: r.get(1)?,
                        adds: r.get(2)?,
                        orders: r.get(3)?,
                        revenue: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            t.pages = rows(
                "SELECT page, COUNT(*), 0 FROM events
                 WHERE at >= ?1 AND step = 'page_view' GROUP BY page ORDER BY 2 DESC, 1 LIMIT ?2",
            )?
            .into_iter()
            .map(|(p, n, _)| (p, n))
            .collect();
            Ok(t)
        })
        .await
    }

    /// What was recorded under `visitor`, newest first (the privacy centre's export).
    pub async fn visitor_events(&self, visitor: &str) -> Result<Vec<Event>, Unavailable> {
        let visitor = visitor.to_string();
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT at, step, page, subject, value, currency FROM events
                 WHERE visitor = ?1 ORDER BY at DESC, id DESC",
            )?;
            let rows = stmt.query_map([&visitor], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })?;
            Ok(rows
                .filter_map(|r| r.ok())
                .filter_map(|(at, step, page, subject, value, currency)| {
                    Some(Event {
                        at,
                        step: Step::parse(&step)?,
                        page,
                        subject,
                        value,
                        currency,
                        visitor: Some(visitor.clone()),
                    })
                })
                .collect())
        })
        .await
    }

    /// Deletes everything recorded under `visitor`; how many events went.
    pub async fn forget_visitor(&self, visitor: &str) -> Result<usize, Unavailable> {
        let visitor = visitor.to_string();
        self.run(move |c| c.execute("DELETE FROM events WHERE visitor = ?1", [&visitor]))
            .await
    }
}

impl StorefrontData {
    /// Up to `limit` events from `since` on with an id above `after`, oldest first, with
    /// their ids: the export reads the table a page at a time, never all of it at once.
    pub async fn events_after(
        &self,
        since: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, Event)>, Unavailable> {
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, at, step, page, subject, value, currency, visitor FROM events
                 WHERE id > ?1 AND at >= ?2 ORDER BY id LIMIT ?3",
            )?;
            let rows = stmt
                .query_map(rusqlite::params![after, since, limit], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                })?
                .filter_map(|r| r.ok())
                .filter_map(|(id, at, step, page, subject, value, currency, visitor)| {
                    Some((
                        id,
                        Event {
                            at,
                            step: Step::parse(&step)?,
                            page,
                            subject,
                            value,
                            currency,
                            visitor,
                        },
                    ))
                })
                .collect();
            Ok(rows)
        })
        .await
    }
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
