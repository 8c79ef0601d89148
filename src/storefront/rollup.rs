//! Keeping events from growing without end: steps older than the retention period become
//! daily counts (no visitor id survives) and the raw rows go; and the day-by-day series the
//! dashboard charts, read from both.

use super::{StorefrontData, Unavailable};

/// Raw events are kept this many days unless `VITRINE_EVENT_RETENTION_DAYS` says otherwise.
pub const RETENTION_DAYS: i64 = 90;

/// What one roll-up did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RolledUp {
    /// Raw events folded into daily counts and deleted.
    pub events: usize,
}

/// One day of the store, for the charts over time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Day {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub page_views: u64,
    /// Orders in any currency.
    pub orders: u64,
    /// Revenue in minor units of the currency asked for.
    pub revenue: i64,
}

impl StorefrontData {
    /// Folds every event before `before` (seconds since the epoch) into daily counts and
    /// deletes it, in one transaction: a crash leaves either both or neither.
    pub async fn roll_up(&self, before: i64) -> Result<RolledUp, Unavailable> {
        self.run(move |c| {
            let tx = c.transaction()?;
            // Exposures name a visitor and nothing else: an experiment's figures cover the
            // retained period only.
            tx.execute(
                "INSERT INTO daily (day, step, page, subject, currency, n, value)
                 SELECT at / 86400, step, page, subject, currency, COUNT(*), SUM(value)
                 FROM events WHERE at < ?1
                   AND step NOT IN ('order_placed', 'product_bought', 'exposure')
                 GROUP BY at / 86400, step, page, subject, currency
                 ON CONFLICT DO UPDATE SET n = n + excluded.n, value = value + excluded.value",
                [before],
            )?;
            // One row per order, however often its confirmation was answered.
            tx.execute(
                "INSERT INTO daily (day, step, page, subject, currency, n, value)
                 SELECT MIN(at) / 86400, 'order_placed', '', subject, currency, 1, MAX(value)
                 FROM events WHERE at < ?1 AND step = 'order_placed'
                 GROUP BY subject, currency
                 ON CONFLICT DO NOTHING",
                [before],
            )?;
            // A product bought: orders it was in (n) and units (value), per day.
            tx.execute(
                "INSERT INTO daily (day, step, page, subject, currency, n, value)
                 SELECT day, 'product_bought', '', subject, '', COUNT(*), SUM(units) FROM
                   (SELECT MIN(at) / 86400 AS day, subject, MAX(value) AS units FROM events
                    WHERE at < ?1 AND step = 'product_bought' GROUP BY page, subject)
                 GROUP BY day, subject
                 ON CONFLICT DO UPDATE SET n = n + excluded.n, value = value + excluded.value",
                [before],
            )?;
            let events = tx.execute("DELETE FROM events WHERE at < ?1", [before])?;
            tx.commit()?;
            Ok(RolledUp { events })
        })
        .await
    }

    /// Page views, orders and revenue (in `currency`) per day from `since` on, raw and
    /// rolled up together, oldest first; days without any are left out.
    pub async fn series(&self, since: i64, currency: &str) -> Result<Vec<Day>, Unavailable> {
        let currency = currency.to_string();
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT day, SUM(views), SUM(orders), SUM(revenue) FROM (
                   SELECT at / 86400 AS day, COUNT(*) AS views, 0 AS orders, 0 AS revenue
                   FROM events WHERE at >= ?1 AND step = 'page_view' GROUP BY day
                   UNION ALL
                   SELECT day, 0, COUNT(*), SUM(CASE WHEN currency = ?2 THEN value ELSE 0 END)
                   FROM (SELECT MIN(at) / 86400 AS day, currency, MAX(value) AS value
                         FROM events WHERE at >= ?1 AND step = 'order_placed'
                         GROUP BY subject, currency)
                   GROUP BY day
                   UNION ALL
                   SELECT day,
                     SUM(CASE step WHEN 'page_view' THEN n ELSE 0 END),
                     SUM(CASE step WHEN 'order_placed' THEN n ELSE 0 END),
                     SUM(CASE WHEN step = 'order_placed' AND currency = ?2 THEN value ELSE 0 END)
                   FROM daily WHERE day >= ?1 / 86400 AND step IN ('page_view', 'order_placed')
                   GROUP BY day)
                 GROUP BY day ORDER BY day",
            )?;
            let days = stmt
                .query_map(rusqlite::params![since, currency], |r| {
                    Ok(Day {
                        day: r.get(0)?,
                        page_views: r.get(1)?,
                        orders: r.get(2)?,
                        revenue: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(days)
        })
        .await
    }

    /// Rolled-up counts per step from `since` on (steps older than the retention period).
    pub(super) fn rolled_up_steps(
        c: &rusqlite::Connection,
        since: i64,
    ) -> rusqlite::Result<Vec<(String, u64)>> {
        let mut stmt = c.prepare_cached(
            "SELECT step, SUM(n) FROM daily WHERE day >= ?1 / 86400 GROUP BY step",
        )?;
        let rows = stmt
            .query_map([since], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// Rolls up what is older than the retention period now, then every six hours, for as long
/// as the server runs.
pub fn keep_rolling(data: StorefrontData, retention_days: i64) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(6 * 3600));
        loop {
            every.tick().await;
            let before = crate::api::clock::now() - retention_days * 86_400;
            match data.roll_up(before).await {
                Ok(r) if r.events > 0 => {
                    tracing::info!(events = r.events, retention_days, "events rolled up");
                }
                Ok(_) => {}
                Err(_) => tracing::warn!("events could not be rolled up; trying again later"),
            }
        }
    });
}
