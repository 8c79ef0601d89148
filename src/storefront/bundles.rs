//! The bundle discounts the store owner declared: a handful of rows, read whole wherever a
//! cart is priced. Behind one trait, so instances on several machines price carts with the
//! same bundles (PostgreSQL, `super::postgres_bundles`).

use super::{run_on, Conn, StorefrontData, Unavailable};
use crate::api::clock::now;
use crate::commerce::bundles::Bundle;

/// The seeded store's bundle: a tee and a tote, a pair its order history often buys together.
const SEEDED: (&[&str], u32) = (&["heavyweight-pocket-tee", "oversized-tote"], 10);

/// Where declared bundles are kept; `products` as a JSON array, sorted.
#[async_trait::async_trait]
pub trait Bundles: Send + Sync + 'static {
    /// Every declared bundle, oldest first.
    async fn all(&self) -> Result<Vec<Bundle>, Unavailable>;
    /// Declares one, or changes the percentage of the one for exactly those products; its id.
    async fn declare(&self, products: String, percent: u32, at: i64) -> Result<i64, Unavailable>;
    /// Withdraws one; whether there was one.
    async fn withdraw(&self, id: i64) -> Result<bool, Unavailable>;
}

/// The bundles in the data folder's SQLite file.
pub struct LocalBundles(pub(super) Conn);

#[async_trait::async_trait]
impl Bundles for LocalBundles {
    async fn all(&self) -> Result<Vec<Bundle>, Unavailable> {
        run_on(&self.0, |c| {
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

    async fn declare(&self, products: String, percent: u32, at: i64) -> Result<i64, Unavailable> {
        run_on(&self.0, move |c| {
            c.query_row(
                "INSERT INTO bundles (products, percent, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (products) DO UPDATE SET percent = excluded.percent
                 RETURNING id",
                rusqlite::params![products, percent, at],
                |r| r.get(0),
            )
        })
        .await
    }

    async fn withdraw(&self, id: i64) -> Result<bool, Unavailable> {
        run_on(&self.0, move |c| {
            Ok(c.execute("DELETE FROM bundles WHERE id = ?1", [id])? > 0)
        })
        .await
    }
}

impl StorefrontData {
    /// Every declared bundle, oldest first.
    pub async fn bundles(&self) -> Result<Vec<Bundle>, Unavailable> {
        self.bundles.all().await
    }

    /// Declares a bundle of `products` (sorted, distinct: `bundles::declaration`), or changes
    /// the percentage of the one already declared for exactly those products.
    pub async fn declare_bundle(
        &self,
        products: Vec<String>,
        percent: u32,
    ) -> Result<Bundle, Unavailable> {
        let json = serde_json::to_string(&products).map_err(|_| Unavailable)?;
        let id = self.bundles.declare(json, percent, now()).await?;
        Ok(Bundle {
            id,
            products,
            percent,
        })
    }

    /// Withdraws bundle `id`; `false` when there was none.
    pub async fn withdraw_bundle(&self, id: i64) -> Result<bool, Unavailable> {
        self.bundles.withdraw(id).await
    }

    /// The seeded store's bundle, declared once (a store whose owner withdrew it keeps it
    /// withdrawn).
    pub fn seed_bundles(&self) -> Result<(), String> {
        if !self.is_local() {
            // Bundles in PostgreSQL are every instance's; each sample store is its own.
            return Ok(());
        }
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

/// The behaviour every `Bundles` must show, through two instances' data that share it.
#[cfg(test)]
pub(crate) mod contract {
    use super::StorefrontData;

    pub async fn bundles_are_declared_once_and_withdrawn(a: &StorefrontData, b: &StorefrontData) {
        let before = a.bundles().await.unwrap().len();
        let pair = vec!["mug".to_string(), "tee".to_string()];
        let first = a.declare_bundle(pair.clone(), 10).await.unwrap();
        let other = b
            .declare_bundle(vec!["cap".into(), "scarf".into()], 15)
            .await
            .unwrap();
        let again = b.declare_bundle(pair.clone(), 20).await.unwrap();
        assert_eq!(again.id, first.id, "the same products are one bundle");
        let all = a.bundles().await.unwrap();
        assert_eq!(all.len(), before + 2);
        let kept = all.iter().find(|x| x.id == first.id).unwrap();
        assert_eq!((&kept.products, kept.percent), (&pair, 20));
        assert!(
            all.iter().position(|x| x.id == first.id) < all.iter().position(|x| x.id == other.id)
        );
        assert!(a.withdraw_bundle(first.id).await.unwrap());
        assert!(!b.withdraw_bundle(first.id).await.unwrap());
        assert_eq!(b.bundles().await.unwrap().len(), before + 1);
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn local_bundles_keep_the_contract() {
        let dir = std::env::temp_dir().join(format!("vitrine-bundles-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let a = super::StorefrontData::open(&dir).unwrap();
        let b = super::StorefrontData::open(&dir).unwrap();
        super::contract::bundles_are_declared_once_and_withdrawn(&a, &b).await;
        let _ = std::fs::remove_dir_all(dir);
    }
}
