//! Keeping events from growing without end: steps older than the retention period become
//! daily counts (no visitor id survives) and the raw rows go; and the day-by-day series the
//! dashboard charts, read from both.

use super::recorded::{Arg, Sql};
use super::{StorefrontData, Unavailable};
use crate::analytics::Step;

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

/// Steps before `?1`, except orders, products bought and exposures, as daily counts.
/// Exposures name a visitor and nothing else: an experiment's figures cover the retained
/// period only.
const FOLD_STEPS: Sql = "INSERT INTO {daily} (day, step, page, subject, currency, n, value)
   SELECT at / 86400, step, page, subject, currency, COUNT(*), CAST(SUM(value) AS BIGINT)
   FROM {events} WHERE at < ?1
     AND step NOT IN ('order_placed', 'product_bought', 'exposure')
   GROUP BY at / 86400, step, page, subject, currency
   ON CONFLICT (day, step, page, subject, currency) DO UPDATE
   SET n = {daily}.n + excluded.n, value = {daily}.value + excluded.value";

/// One row per order, however often its confirmation was answered.
const FOLD_ORDERS: Sql = "INSERT INTO {daily} (day, step, page, subject, currency, n, value)
   SELECT MIN(at) / 86400, 'order_placed', '', subject, currency, 1, MAX(value)
   FROM {events} WHERE at < ?1 AND step = 'order_placed'
   GROUP BY subject, currency
   ON CONFLICT (day, step, page, subject, currency) DO NOTHING";

/// A product bought: orders it was in (n) and units (value), per day.
const FOLD_BOUGHT: Sql = "INSERT INTO {daily} (day, step, page, subject, currency, n, value)
   SELECT day, 'product_bought', '', subject, '', COUNT(*), CAST(SUM(units) AS BIGINT) FROM
     (SELECT MIN(at) / 86400 AS day, subject, MAX(value) AS units FROM {events}
      WHERE at < ?1 AND step = 'product_bought' GROUP BY page, subject) AS o
   GROUP BY day, subject
   ON CONFLICT (day, step, page, subject, currency) DO UPDATE
   SET n = {daily}.n + excluded.n, value = {daily}.value + excluded.value";

const FOLDED: Sql = "DELETE FROM {events} WHERE at < ?1";

/// Page views, orders and revenue (in `?2`) per day from `?1` on, raw and rolled up.
const SERIES: Sql = "SELECT day, CAST(SUM(views) AS BIGINT), CAST(SUM(orders) AS BIGINT),
     CAST(SUM(revenue) AS BIGINT) FROM (
     SELECT at / 86400 AS day, COUNT(*) AS views, 0 AS orders, 0 AS revenue
     FROM {events} WHERE at >= ?1 AND step = 'page_view' GROUP BY at / 86400
     UNION ALL
     SELECT day, 0, COUNT(*), SUM(CASE WHEN currency = ?2 THEN value ELSE 0 END)
     FROM (SELECT MIN(at) / 86400 AS day, currency, MAX(value) AS value
           FROM {events} WHERE at >= ?1 AND step = 'order_placed'
           GROUP BY subject, currency) AS o
     GROUP BY day
     UNION ALL
     SELECT day,
       SUM(CASE step WHEN 'page_view' THEN n ELSE 0 END),
       SUM(CASE step WHEN 'order_placed' THEN n ELSE 0 END),
       SUM(CASE WHEN step = 'order_placed' AND currency = ?2 THEN value ELSE 0 END)
     FROM {daily} WHERE day >= CAST(?1 AS BIGINT) / 86400
       AND step IN ('page_view', 'order_placed')
     GROUP BY day) AS u
   GROUP BY day ORDER BY day";

const ROLLED_UP: Sql = "SELECT step, CAST(SUM(n) AS BIGINT) FROM {daily}
   WHERE day >= CAST(?1 AS BIGINT) / 86400 GROUP BY step";

impl StorefrontData {
    /// Folds every event before `before` (seconds since the epoch) into daily counts and
    /// deletes it, in one transaction: a crash leaves either both or neither.
    pub async fn roll_up(&self, before: i64) -> Result<RolledUp, Unavailable> {
        let folds = [FOLD_STEPS, FOLD_ORDERS, FOLD_BOUGHT, FOLDED];
        let changed = self
            .recorded
            .change(folds.map(|sql| (sql, vec![Arg::Int(before)])).into())
            .await?;
        Ok(RolledUp {
            events: changed.last().copied().unwrap_or(0) as usize,
        })
    }

    /// Page views, orders and revenue (in `currency`) per day from `since` on, raw and
    /// rolled up together, oldest first; days without any are left out.
    pub async fn series(&self, since: i64, currency: &str) -> Result<Vec<Day>, Unavailable> {
        let rows = self
            .recorded
            .rows(SERIES, vec![since.into(), currency.into()])
            .await?;
        Ok(rows
            .iter()
            .map(|r| Day {
                day: r[0].int(),
                page_views: r[1].count(),
                orders: r[2].count(),
                revenue: r[3].int(),
            })
            .collect())
    }

    /// Rolled-up counts per step from `since` on (steps older than the retention period).
    pub(super) async fn rolled_up_steps(
        &self,
        since: i64,
    ) -> Result<Vec<(Step, u64)>, Unavailable> {
        let rows = self.recorded.rows(ROLLED_UP, vec![since.into()]).await?;
        Ok(rows
            .iter()
            .filter_map(|r| Some((Step::parse(&r[0].text())?, r[1].count())))
            .collect())
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
