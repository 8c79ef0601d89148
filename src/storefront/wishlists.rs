//! Wishlists kept for an owner (a signed-in customer), whole: a list is at most a hundred
//! short rows, read and written together.

use super::{StorefrontData, Unavailable};
use rusqlite::OptionalExtension;
use serde::{de::DeserializeOwned, Serialize};

impl StorefrontData {
    /// `owner`'s list, empty when it has none.
    pub async fn wishlist<T: DeserializeOwned + Send + 'static>(
        &self,
        owner: &str,
    ) -> Result<Vec<T>, Unavailable> {
        let owner = owner.to_string();
        let json: Option<String> = self
            .run(move |c| {
                c.query_row(
                    "SELECT items FROM wishlists WHERE owner = ?1",
                    [&owner],
                    |r| r.get(0),
                )
                .optional()
            })
            .await?;
        Ok(json
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default())
    }

    /// Replaces `owner`'s list (an empty one is deleted).
    pub async fn keep_wishlist<T: Serialize>(
        &self,
        owner: &str,
        items: &[T],
    ) -> Result<(), Unavailable> {
        let owner = owner.to_string();
        let json = serde_json::to_string(items).map_err(|_| Unavailable)?;
        let empty = items.is_empty();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        self.run(move |c| {
            if empty {
                c.execute("DELETE FROM wishlists WHERE owner = ?1", [&owner])?;
            } else {
                c.execute(
                    "INSERT INTO wishlists (owner, items, updated_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (owner) DO UPDATE SET items = excluded.items,
                       updated_at = excluded.updated_at",
                    rusqlite::params![owner, json, now],
                )?;
            }
            Ok(())
        })
        .await
    }
}
