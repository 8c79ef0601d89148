//! Recorded steps in PostgreSQL, so the owner's dashboard counts what every instance saw and
//! the privacy centre forgets a shopper on all of them. Written as in SQLite: a request only
//! pushes onto a bounded queue, and one task writes what gathered in batches.

use super::postgres::{answered, open, Postgres, RECORDED_WITHIN};
use super::recorded::{for_postgres, Arg, Cell, Recorded, Row, Sql};
use super::Unavailable;
use crate::analytics::{Event, Sink};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::mpsc::{channel, error::TrySendError, Receiver, Sender};
use tokio_postgres::types::{ToSql, Type};

/// As `events::SqliteSink`'s: beyond the queue events are dropped (and counted), a batch is
/// at most this many, gathered this long.
const QUEUE: usize = 10_000;
const BATCH: usize = 500;
const GATHER: std::time::Duration = std::time::Duration::from_millis(25);

/// Any constant: the advisory lock a change of the recorded steps holds, so two instances'
/// roll-ups never fold the same rows twice.
const CHANGE_LOCK: i64 = 0x7669_7472_696e_6502;

pub struct PostgresSink {
    queue: Sender<Event>,
    dropped: Arc<AtomicU64>,
}

impl PostgresSink {
    /// Starts the writer task (on the current runtime).
    pub fn start(pg: Arc<Postgres>) -> PostgresSink {
        let (queue, rx) = channel(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        tokio::spawn(write_all(pg, rx, dropped.clone()));
        PostgresSink { queue, dropped }
    }
}

impl Sink for PostgresSink {
    fn record(&self, event: Event) {
        if let Err(TrySendError::Full(_) | TrySendError::Closed(_)) = self.queue.try_send(event) {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

async fn write_all(pg: Arc<Postgres>, mut rx: Receiver<Event>, dropped: Arc<AtomicU64>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        let until = tokio::time::Instant::now() + GATHER;
        while batch.len() < BATCH {
            match tokio::time::timeout_at(until, rx.recv()).await {
                Ok(Some(e)) => batch.push(e),
                _ => break,
            }
        }
        // A PostgreSQL away for longer than one answer's wait costs these steps, counted;
        // the store itself goes on.
        if write(&pg, &batch).await.is_err() {
            dropped.fetch_add(batch.len() as u64, Ordering::Relaxed);
        }
    }
}

/// One statement for the whole batch: its columns as arrays.
async fn write(pg: &Postgres, batch: &[Event]) -> Result<u64, Unavailable> {
    let at: Vec<i64> = batch.iter().map(|e| e.at).collect();
    let step: Vec<&str> = batch.iter().map(|e| e.step.as_str()).collect();
    let page: Vec<&str> = batch.iter().map(|e| e.page.as_str()).collect();
    let subject: Vec<&str> = batch.iter().map(|e| e.subject.as_str()).collect();
    let value: Vec<i64> = batch.iter().map(|e| e.value).collect();
    let currency: Vec<&str> = batch.iter().map(|e| e.currency.as_str()).collect();
    let visitor: Vec<Option<&str>> = batch.iter().map(|e| e.visitor.as_deref()).collect();
    pg.run_recorded(|c| async move {
        c.execute(
            "INSERT INTO vitrine_events (at, step, page, subject, value, currency, visitor)
             SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[],
               $5::bigint[], $6::text[], $7::text[])",
            &[&at, &step, &page, &subject, &value, &currency, &visitor],
        )
        .await
    })
    .await
}

fn params(args: &[Arg]) -> Vec<&(dyn ToSql + Sync)> {
    args.iter()
        .map(|a| match a {
            Arg::Int(v) => v as &(dyn ToSql + Sync),
            Arg::Text(s) => s as &(dyn ToSql + Sync),
        })
        .collect()
}

/// A column's value; the shared queries answer only integers and text (sums are cast).
fn cell(row: &tokio_postgres::Row, i: usize) -> Result<Cell, tokio_postgres::Error> {
    let ty = row.columns()[i].type_().clone();
    Ok(match ty {
        Type::INT8 => row
            .try_get::<_, Option<i64>>(i)?
            .map_or(Cell::Null, Cell::Int),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into())),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into())),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into())),
        // Text, or a type a query should have cast: read as text, or fail loudly.
        _ => row
            .try_get::<_, Option<String>>(i)?
            .map_or(Cell::Null, Cell::Text),
    })
}

#[async_trait::async_trait]
impl Recorded for Postgres {
    async fn rows(&self, sql: Sql, args: Vec<Arg>) -> Result<Vec<Row>, Unavailable> {
        let sql = for_postgres(sql);
        self.run_recorded(|c| async move {
            let rows = c.query(sql.as_str(), &params(&args)).await?;
            rows.iter()
                .map(|r| (0..r.len()).map(|i| cell(r, i)).collect())
                .collect()
        })
        .await
    }

    async fn change(&self, statements: Vec<(Sql, Vec<Arg>)>) -> Result<Vec<u64>, Unavailable> {
        // A transaction of its own on a connection of its own: the shared one is pipelined
        // between every request, so a BEGIN there would take them in.
        let mut client = open(&self.url).await.map_err(|e| {
            tracing::error!(error = %e, "PostgreSQL is unreachable");
            Unavailable
        })?;
        let done = async {
            let tx = client.transaction().await?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&CHANGE_LOCK])
                .await?;
            let mut changed = Vec::with_capacity(statements.len());
            for (sql, args) in &statements {
                changed.push(
                    tx.execute(for_postgres(sql).as_str(), &params(args))
                        .await?,
                );
            }
            tx.commit().await?;
            Ok::<_, tokio_postgres::Error>(changed)
        };
        answered(RECORDED_WITHIN, done).await
    }
}
