//! Declared bundles in PostgreSQL: a bundle the owner declares through one instance prices
//! carts on every instance.

use super::bundles::Bundles;
use super::postgres::Postgres;
use super::Unavailable;
use crate::commerce::bundles::Bundle;

#[async_trait::async_trait]
impl Bundles for Postgres {
    async fn all(&self) -> Result<Vec<Bundle>, Unavailable> {
        self.run(|c| async move {
            let rows = c
                .query(
                    "SELECT id, products, percent FROM vitrine_bundles ORDER BY id",
                    &[],
                )
                .await?;
            Ok(rows
                .iter()
                .map(|r| Bundle {
                    id: r.get(0),
                    products: serde_json::from_str(r.get(1)).unwrap_or_default(),
                    percent: u32::try_from(r.get::<_, i32>(2)).unwrap_or(0),
                })
                .collect())
        })
        .await
    }

    async fn declare(&self, products: String, percent: u32, at: i64) -> Result<i64, Unavailable> {
        let percent = percent as i32;
        self.run(|c| async move {
            let row = c
                .query_one(
                    "INSERT INTO vitrine_bundles (products, percent, created_at)
                     VALUES ($1, $2, $3)
                     ON CONFLICT (products) DO UPDATE SET percent = EXCLUDED.percent
                     RETURNING id",
                    &[&products, &percent, &at],
                )
                .await?;
            Ok(row.get(0))
        })
        .await
    }

    async fn withdraw(&self, id: i64) -> Result<bool, Unavailable> {
        self.run(|c| async move {
            c.execute("DELETE FROM vitrine_bundles WHERE id = $1", &[&id])
                .await
        })
        .await
        .map(|n| n > 0)
    }
}
