//! Where recorded steps are read from: the data folder's SQLite file, or PostgreSQL when
//! instances share their data (`super::postgres_events`). The dashboard's, the privacy
//! centre's and the experiments' queries are written once, in SQL both understand, so the
//! figures cannot differ by where they are kept.

use super::{run_on, Conn, Unavailable};

/// A value a query is given.
#[derive(Clone, Debug)]
pub enum Arg {
    Int(i64),
    Text(String),
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Int(v)
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_string())
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}

/// A value a query answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Int(i64),
    Text(String),
    Null,
}

impl Cell {
    pub fn int(&self) -> i64 {
        match self {
            Cell::Int(v) => *v,
            Cell::Text(s) => s.parse().unwrap_or(0),
            Cell::Null => 0,
        }
    }

    /// A count (never negative).
    pub fn count(&self) -> u64 {
        u64::try_from(self.int()).unwrap_or(0)
    }

    pub fn text(&self) -> String {
        self.opt_text().unwrap_or_default()
    }

    pub fn opt_text(&self) -> Option<String> {
        match self {
            Cell::Text(s) => Some(s.clone()),
            Cell::Int(v) => Some(v.to_string()),
            Cell::Null => None,
        }
    }
}

pub type Row = Vec<Cell>;

/// A query in the shared dialect: parameters `?1`, `?2`…; tables `{events}`, `{daily}` and
/// `{meta}`; sums cast to BIGINT (PostgreSQL's SUM of a bigint is a numeric); every subquery
/// in FROM named.
pub type Sql = &'static str;

/// The recorded steps' tables, read and changed.
#[async_trait::async_trait]
pub trait Recorded: Send + Sync {
    async fn rows(&self, sql: Sql, args: Vec<Arg>) -> Result<Vec<Row>, Unavailable>;
    /// Runs `statements` in one transaction (one at a time across instances): all or none.
    /// How many rows each changed.
    async fn change(&self, statements: Vec<(Sql, Vec<Arg>)>) -> Result<Vec<u64>, Unavailable>;
}

/// `sql` for SQLite: the data folder's table names.
fn for_sqlite(sql: Sql) -> String {
    sql.replace("{events}", "events")
        .replace("{daily}", "daily")
        .replace("{meta}", "meta")
}

/// `sql` for PostgreSQL: its tables' names, and `$N` for `?N`.
pub(super) fn for_postgres(sql: Sql) -> String {
    let named = sql
        .replace("{events}", "vitrine_events")
        .replace("{daily}", "vitrine_daily")
        .replace("{meta}", "vitrine_meta");
    let mut out = String::with_capacity(named.len());
    let mut chars = named.chars().peekable();
    while let Some(c) = chars.next() {
        let numbered = c == '?' && chars.peek().is_some_and(|n| n.is_ascii_digit());
        out.push(if numbered { '$' } else { c });
    }
    out
}

impl rusqlite::ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Arg::Int(v) => v.to_sql(),
            Arg::Text(s) => s.to_sql(),
        }
    }
}

fn sqlite_cell(v: rusqlite::types::ValueRef<'_>) -> Cell {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(f) => Cell::Int(f as i64),
        ValueRef::Text(t) | ValueRef::Blob(t) => Cell::Text(String::from_utf8_lossy(t).into()),
        ValueRef::Null => Cell::Null,
    }
}

/// The steps in the data folder's file.
pub struct Local(pub(super) Conn);

#[async_trait::async_trait]
impl Recorded for Local {
    async fn rows(&self, sql: Sql, args: Vec<Arg>) -> Result<Vec<Row>, Unavailable> {
        run_on(&self.0, move |c| {
            let mut stmt = c.prepare_cached(&for_sqlite(sql))?;
            let width = stmt.column_count();
            let rows = stmt
                .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                    (0..width)
                        .map(|i| r.get_ref(i).map(sqlite_cell))
                        .collect::<rusqlite::Result<Row>>()
                })?
                .collect::<rusqlite::Result<Vec<Row>>>()?;
            Ok(rows)
        })
        .await
    }

    async fn change(&self, statements: Vec<(Sql, Vec<Arg>)>) -> Result<Vec<u64>, Unavailable> {
        run_on(&self.0, move |c| {
            let tx = c.transaction()?;
            let mut changed = Vec::with_capacity(statements.len());
            for (sql, args) in &statements {
                let n = tx.execute(&for_sqlite(sql), rusqlite::params_from_iter(args.iter()))?;
                changed.push(n as u64);
            }
            tx.commit()?;
            Ok(changed)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_gets_its_table_names_and_numbered_parameters() {
        assert_eq!(
            for_postgres("SELECT ?1, '?' FROM {events} e JOIN {daily} d WHERE x = ?12"),
            "SELECT $1, '?' FROM vitrine_events e JOIN vitrine_daily d WHERE x = $12"
        );
        assert_eq!(
            for_sqlite("SELECT key FROM {meta} WHERE at >= ?1"),
            "SELECT key FROM meta WHERE at >= ?1"
        );
    }
}
