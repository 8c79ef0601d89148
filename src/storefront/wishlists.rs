//! Wishlists kept for an owner (a signed-in customer, or a widget's token), whole: a list is
//! at most a hundred short rows, read and written together as JSON. Behind one trait, so
//! instances on several machines keep them in PostgreSQL (`super::postgres`) and a list
//! saved through one instance is read through any other.

use super::{StorefrontData, Unavailable};

/// Shared lists kept; the oldest go first (a link is for sending to someone, not an archive).
pub(super) const MOST_SHARES: i64 = 100_000;

use crate::api::clock::now;
use rusqlite::OptionalExtension;
use serde::{de::DeserializeOwned, Serialize};

/// Where lists are kept, as JSON arrays.
#[async_trait::async_trait]
pub trait Lists: Send + Sync + 'static {
    /// `owner`'s list.
    async fn list(&self, owner: &str) -> Result<Option<String>, Unavailable>;
    /// Replaces `owner`'s list; `None` deletes it.
    async fn keep(&self, owner: &str, items: Option<String>, now: i64) -> Result<(), Unavailable>;
    /// Keeps a copy under `token`, forgetting the oldest beyond `MOST_SHARES`.
    async fn share(&self, token: &str, items: String, now: i64) -> Result<(), Unavailable>;
    /// The copy kept under `token`.
    async fn shared(&self, token: &str) -> Result<Option<String>, Unavailable>;
}

/// The lists in the data folder's SQLite file.
pub struct LocalLists(pub(super) super::Conn);

#[async_trait::async_trait]
impl Lists for LocalLists {
    async fn list(&self, owner: &str) -> Result<Option<String>, Unavailable> {
        self.one("SELECT items FROM wishlists WHERE owner = ?1", owner)
            .await
    }

    async fn keep(&self, owner: &str, items: Option<String>, now: i64) -> Result<(), Unavailable> {
        let owner = owner.to_string();
        super::run_on(&self.0, move |c| {
            match items {
                None => c.execute("DELETE FROM wishlists WHERE owner = ?1", [&owner])?,
                Some(json) => c.execute(
                    "INSERT INTO wishlists (owner, items, updated_at) VALUES (?1, ?2, ?3)
                         ON CONFLICT (owner) DO UPDATE SET items = excluded.items,
                           updated_at = excluded.updated_at",
                    rusqlite::params![owner, json, now],
                )?,
            };
            Ok(())
        })
        .await
    }

    async fn share(&self, token: &str, items: String, now: i64) -> Result<(), Unavailable> {
        let token = token.to_string();
        super::run_on(&self.0, move |c| {
            c.execute(
                "INSERT INTO wishlist_shares (token, items, created_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![token, items, now],
            )?;
            c.execute(
                "DELETE FROM wishlist_shares WHERE token IN (SELECT token FROM wishlist_shares
                       ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?1)",
                [MOST_SHARES],
            )?;
            Ok(())
        })
        .await
    }

    async fn shared(&self, token: &str) -> Result<Option<String>, Unavailable> {
        self.one("SELECT items FROM wishlist_shares WHERE token = ?1", token)
            .await
    }
}

impl LocalLists {
    async fn one(&self, sql: &'static str, key: &str) -> Result<Option<String>, Unavailable> {
        let key = key.to_string();
        super::run_on(&self.0, move |c| {
            c.query_row(sql, [&key], |r| r.get(0)).optional()
        })
        .await
    }
}

impl StorefrontData {
    /// `owner`'s list, empty when it has none.
    pub async fn wishlist<T: DeserializeOwned + Send + 'static>(
        &self,
        owner: &str,
    ) -> Result<Vec<T>, Unavailable> {
        Ok(read(self.lists.list(owner).await?).unwrap_or_default())
    }

    /// Replaces `owner`'s list (an empty one is deleted).
    pub async fn keep_wishlist<T: Serialize>(
        &self,
        owner: &str,
        items: &[T],
    ) -> Result<(), Unavailable> {
        let json = if items.is_empty() {
            None
        } else {
            Some(serde_json::to_string(items).map_err(|_| Unavailable)?)
        };
        self.lists.keep(owner, json, now()).await
    }

    /// Keeps a copy of `items` under a new random token, for a read-only link.
    pub async fn share_wishlist<T: Serialize>(&self, items: &[T]) -> Result<String, Unavailable> {
        let json = serde_json::to_string(items).map_err(|_| Unavailable)?;
        let token = crate::hex::random::<16>();
        self.lists.share(&token, json, now()).await?;
        Ok(token)
    }

    /// The list shared under `token`, if there is one.
    pub async fn shared_wishlist<T: DeserializeOwned + Send + 'static>(
        &self,
        token: &str,
    ) -> Result<Option<Vec<T>>, Unavailable> {
        Ok(read(self.lists.shared(token).await?))
    }
}

/// A kept list, read from its JSON (`None`: none kept, or unreadable).
fn read<T: DeserializeOwned>(json: Option<String>) -> Option<Vec<T>> {
    json.and_then(|j| serde_json::from_str(&j).ok())
}

/// The behaviour every `Lists` must show, through two instances' data (`a`, `b`) that share
/// it: run on SQLite (one folder) and on PostgreSQL (two folders, one database).
#[cfg(test)]
pub(crate) mod contract {
    use super::StorefrontData;

    pub async fn lists_are_kept_whole_and_shared_as_copies(a: &StorefrontData, b: &StorefrontData) {
        let owner = "customer:contract";
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(a.wishlist::<String>(owner).await.unwrap(), list(&[]));
        a.keep_wishlist(owner, &list(&["tee", "mug"]))
            .await
            .unwrap();
        assert_eq!(
            b.wishlist::<String>(owner).await.unwrap(),
            list(&["tee", "mug"])
        );
        b.keep_wishlist(owner, &list(&["cap"])).await.unwrap();
        assert_eq!(a.wishlist::<String>(owner).await.unwrap(), list(&["cap"]));
        assert_eq!(
            a.wishlist::<String>("customer:other").await.unwrap(),
            list(&[]),
            "lists are each owner's own"
        );

        let token = a.share_wishlist(&list(&["cap", "scarf"])).await.unwrap();
        assert_eq!(token.len(), 32, "128 random bits: {token}");
        a.keep_wishlist::<String>(owner, &[]).await.unwrap();
        assert_eq!(b.wishlist::<String>(owner).await.unwrap(), list(&[]));
        assert_eq!(
            b.shared_wishlist::<String>(&token).await.unwrap(),
            Some(list(&["cap", "scarf"])),
            "a shared link is a copy, read anywhere"
        );
        assert_eq!(
            b.shared_wishlist::<String>("0".repeat(32).as_str())
                .await
                .unwrap(),
            None
        );
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn local_lists_keep_the_contract() {
        let dir = std::env::temp_dir().join(format!("vitrine-lists-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let a = super::StorefrontData::open(&dir).unwrap();
        let b = super::StorefrontData::open(&dir).unwrap();
        super::contract::lists_are_kept_whole_and_shared_as_copies(&a, &b).await;
        let _ = std::fs::remove_dir_all(dir);
    }
}
