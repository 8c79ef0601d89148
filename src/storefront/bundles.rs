//! The bundle discounts the store owner declared: a handful of rows, read whole wherever a
//! cart is priced.

use super::{StorefrontData, Unavailable};
use crate::api::clock::now;
use crate::commerce::bundles::Bundle;

/// The seeded store's bundle: a tee and a tote, a pair its order history often buys together.
const SEEDED: (&[&str], u32) = (&["heavyweight-pocket-tee", "oversized-tote"], 10);

impl StorefrontData {
    /// Every declared bundle, oldest first.
    pub async fn bundles(&self) -> Result<Vec<Bundle>, Unavailable> {
        self.run(|c| {
            let mut stmt =
                c.prepare_cached("SELECT id, products, percent FROM bundles ORDER BY id")?;
            let rows = stmt.query_map([], |r| {
                let products: String = r.get(1)?;
                Ok(Bundle {
                    id: r.get(0)?,
                    products: serde_json::from_str(&products).unwrap_or_default(),
                    percent: r.get(2)?,
                })
            })?;
            rows.collect()
        })
        .await
    }

    /// Declares a bundle of `products` (sorted, distinct: `bundles::declaration`), or changes
    /// the percentage of the one already declared for exactly those products.
    pub async fn declare_bundle(
        &self,
        products: Vec<String>,
        percent: u32,
    ) -> Result<Bundle, Unavailable> {
        let json = serde_json::to_string(&products).map_err(|_| Unavailable)?;
        let now = now();
        let id = self
            .run(move |c| {
                c.query_row(
                    "INSERT INTO bundles (products, percent, created_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (products) DO UPDATE SET percent = excluded.percent
                     RETURNING id",
                    rusqlite::params![json, percent, now],
                    |r| r.get(0),
                )
            })
            .await?;
        Ok(Bundle {
            id,
            products,
            percent,
        })
    }

    /// Withdraws bundle `id`; `false` when there was none.
    pub async fn withdraw_bundle(&self, id: i64) -> Result<bool, Unavailable> {
        self.run(move |c| Ok(c.execute("DELETE FROM bundles WHERE id = ?1", [id])? > 0))
            .await
    }

    /// The seeded store's bundle, declared once (a store whose owner withdrew it keeps it
    /// withdrawn).
    pub fn seed_bundles(&self) -> Result<(), String> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let seeded: Option<String> = rusqlite::OptionalExtension::optional(conn.query_row(
            "SELECT value FROM meta WHERE key = 'bundles_seeded'",
            [],
            |r| r.get(0),
        ))
        .map_err(|e| e.to_string())?;
        if seeded.is_some() {
            return Ok(());
        }
        let products = serde_json::to_string(SEEDED.0).map_err(|e| e.to_string())?;
        conn.execute(
            "INSERT OR IGNORE INTO bundles (products, percent, created_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![products, SEEDED.1, now()],
        )
        .and_then(|_| {
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('bundles_seeded', '1')",
                [],
            )
        })
        .map_err(|e| e.to_string())?;
        Ok(())
    }
}
