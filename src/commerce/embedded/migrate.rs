//! Brings a data folder made by an older release up to the current schema. `schema.sql`
//! creates missing tables; columns added later to existing tables are added here.

use rusqlite::Connection;

/// (table, column, declaration) for every column added after the first release.
const ADDED_COLUMNS: &[(&str, &str, &str)] = &[
    ("orders", "carrier", "TEXT"),
    ("orders", "tracking_number", "TEXT"),
    ("orders", "discount", "INTEGER NOT NULL DEFAULT 0"),
    ("orders", "coupon", "TEXT"),
    ("orders", "billing", "TEXT"),
    ("orders", "gift", "TEXT"),
    ("carts", "coupon", "TEXT"),
    ("orders", "customer_id", "INTEGER"),
    ("orders", "currency", "TEXT NOT NULL DEFAULT 'USD'"),
];

pub fn add_missing_columns(conn: &Connection) -> rusqlite::Result<()> {
    for (table, column, declaration) in ADDED_COLUMNS {
        let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
        let present = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        // No columns: the table does not exist, and schema.sql creates it whole.
        if !present.is_empty() && !present.iter().any(|c| c == column) {
            conn.execute_batch(&format!(
                "ALTER TABLE {table} ADD COLUMN {column} {declaration}"
            ))?;
        }
    }
    let has_orders: bool = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'orders'",
            [],
            |_| Ok(()),
        )
        .is_ok();
    if has_orders {
        conn.execute_batch(
            "CREATE INDEX IF NOT EXISTS orders_by_customer ON orders(customer_id, placed_at)",
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_orders_table_gains_the_new_columns_and_keeps_its_rows() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE orders (code TEXT PRIMARY KEY, status TEXT NOT NULL, placed_at INTEGER);
             INSERT INTO orders VALUES ('VT-1', 'placed', 0);",
        )
        .unwrap();
        add_missing_columns(&conn).unwrap();
        add_missing_columns(&conn).unwrap(); // and running it again changes nothing
        let (discount, carrier): (i64, Option<String>) = conn
            .query_row("SELECT discount, carrier FROM orders", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((discount, carrier), (0, None));
    }
}
