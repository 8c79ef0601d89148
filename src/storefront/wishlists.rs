//! Wishlists kept for an owner (a signed-in customer), whole: a list is at most a hundred
//! short rows, read and written together.

use super::{StorefrontData, Unavailable};

/// Shared lists kept; the oldest go first (a link is for sending to someone, not an archive).
const MOST_SHARES: i64 = 100_000;

use crate::api::clock::now;
use rusqlite::OptionalExtension;
use serde::{de::DeserializeOwned, Serialize};

impl StorefrontData {
    /// `owner`'s list, empty when it has none.
    pub async fn wishlist<T: DeserializeOwned + Send + 'static>(
        &self,
        owner: &str,
    ) -> Result<Vec<T>, Unavailable> {
        let list = self
            .items("SELECT items FROM wishlists WHERE owner = ?1", owner)
            .await?;
        Ok(list.unwrap_or_default())
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
        let now = now();
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

    /// Keeps a copy of `items` under a new random token, for a read-only link.
    pub async fn share_wishlist<T: Serialize>(&self, items: &[T]) -> Result<String, Unavailable> {
        let json = serde_json::to_string(items).map_err(|_| Unavailable)?;
        let token = crate::hex::random::<16>();
        let kept = token.clone();
        let now = now();
        self.run(move |c| {
            c.execute(
                "INSERT INTO wishlist_shares (token, items, created_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![kept, json, now],
            )?;
            c.execute(
                "DELETE FROM wishlist_shares WHERE token IN (SELECT token FROM wishlist_shares
                   ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?1)",
                [MOST_SHARES],
            )?;
            Ok(())
        })
        .await?;
        Ok(token)
    }

    /// The list shared under `token`, if there is one.
    pub async fn shared_wishlist<T: DeserializeOwned + Send + 'static>(
        &self,
        token: &str,
    ) -> Result<Option<Vec<T>>, Unavailable> {
        self.items("SELECT items FROM wishlist_shares WHERE token = ?1", token)
            .await
    }

    /// The list `sql` finds for `key`, read from its JSON (`None`: no row, or unreadable).
    async fn items<T: DeserializeOwned + Send + 'static>(
        &self,
        sql: &'static str,
        key: &str,
    ) -> Result<Option<Vec<T>>, Unavailable> {
        let key = key.to_string();
        let json: Option<String> = self
            .run(move |c| c.query_row(sql, [&key], |r| r.get(0)).optional())
            .await?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }
}
