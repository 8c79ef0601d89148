//! Reviews, votes and reports as kept: the rules (who may write, what is spam) are the
//! caller's; here a product's published reviews are listed, counted and ranked in SQL, and one
//! review per product and order is enforced by the table itself.

use super::{StorefrontData, Unavailable};
use crate::api::clock::now;
use crate::commerce::reviews::{Draft, Rating, ReviewOrder, ReviewProblem, Standing, PER_PAGE};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Products whose ratings are looked up one by one in the index; more are read in one pass.
const LOOKUPS: usize = 200;

/// Reports after which a review is taken down until the owner looks at it.
const REPORTS_TO_HOLD: i64 = 3;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReview {
    pub id: i64,
    pub product: String,
    pub order_code: String,
    pub variant: String,
    pub draft: Draft,
    pub lang: String,
    pub standing: Standing,
    pub helpful: u32,
    pub reports: u32,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A review to keep.
pub struct NewReview {
    pub product: String,
    pub order_code: String,
    pub variant: String,
    pub draft: Draft,
    pub lang: String,
    pub standing: Standing,
    pub helpful: u32,
    pub at: i64,
}

/// A vote a shopper casts on someone's review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vote {
    Helpful,
    Report,
}

const COLUMNS: &str = "id, product, order_code, variant, stars, title, body, name, lang, \
                       standing, helpful, reports, created_at, updated_at";

fn stored(r: &Row) -> rusqlite::Result<StoredReview> {
    Ok(StoredReview {
        id: r.get(0)?,
        product: r.get(1)?,
        order_code: r.get(2)?,
        variant: r.get(3)?,
        draft: Draft {
            stars: r.get(4)?,
            title: r.get(5)?,
            text: r.get(6)?,
            name: r.get(7)?,
        },
        lang: r.get(8)?,
        standing: Standing::parse(&r.get::<_, String>(9)?).unwrap_or(Standing::Held),
        helpful: r.get(10)?,
        reports: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

fn insert(c: &rusqlite::Connection, r: &NewReview) -> rusqlite::Result<usize> {
    c.execute(
        "INSERT INTO reviews (product, order_code, variant, stars, title, body, fingerprint, name,
           lang, standing, helpful, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)
         ON CONFLICT (product, order_code) DO NOTHING",
        params![
            r.product,
            r.order_code,
            r.variant,
            r.draft.stars,
            r.draft.title,
            r.draft.text,
            crate::commerce::reviews::fingerprint(&r.draft.text),
            r.draft.name,
            r.lang,
            r.standing.as_str(),
            r.helpful,
            r.at,
        ],
    )
}

impl StorefrontData {
    /// Keeps a new review; refused when the order already reviewed the product.
    pub async fn add_review(
        &self,
        review: NewReview,
    ) -> Result<Result<i64, ReviewProblem>, Unavailable> {
        self.run(move |c| {
            Ok(match insert(c, &review)? {
                0 => Err(ReviewProblem::AlreadyReviewed),
                _ => Ok(c.last_insert_rowid()),
            })
        })
        .await
    }

    /// The review `order` wrote of `product`, whatever its standing.
    pub async fn review_by_order(
        &self,
        product: &str,
        order: &str,
    ) -> Result<Option<StoredReview>, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(move |c| {
            c.query_row(
                &format!("SELECT {COLUMNS} FROM reviews WHERE product = ?1 AND order_code = ?2"),
                [product, order],
                stored,
            )
            .optional()
        })
        .await
    }

    /// Rewrites the review `order` wrote of `product`; its votes stay (they were about it).
    pub async fn edit_review(
        &self,
        product: &str,
        order: &str,
        draft: Draft,
        standing: Standing,
    ) -> Result<bool, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        let at = now();
        self.run(move |c| {
            let changed = c.execute(
                "UPDATE reviews SET stars = ?3, title = ?4, body = ?5, fingerprint = ?6, name = ?7,
                   standing = ?8, updated_at = ?9
                 WHERE product = ?1 AND order_code = ?2",
                params![
                    product,
                    order,
                    draft.stars,
                    draft.title,
                    draft.text,
                    crate::commerce::reviews::fingerprint(&draft.text),
                    draft.name,
                    standing.as_str(),
                    at
                ],
            )?;
            Ok(changed > 0)
        })
        .await
    }

    pub async fn delete_review(&self, product: &str, order: &str) -> Result<bool, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(move |c| {
            let tx = c.transaction()?;
            tx.execute(
                "DELETE FROM review_votes WHERE review_id IN
                   (SELECT id FROM reviews WHERE product = ?1 AND order_code = ?2)",
                [&product, &order],
            )?;
            let gone = tx.execute(
                "DELETE FROM reviews WHERE product = ?1 AND order_code = ?2",
                [&product, &order],
            )?;
            tx.commit()?;
            Ok(gone > 0)
        })
        .await
    }

    /// Whether another order already sent this text (one text pasted under many products).
    pub async fn same_text_elsewhere(&self, text: &str, order: &str) -> Result<bool, Unavailable> {
        let (print, order) = (
            crate::commerce::reviews::fingerprint(text),
            order.to_string(),
        );
        self.run(move |c| {
            c.query_row(
                "SELECT EXISTS (SELECT 1 FROM reviews WHERE fingerprint = ?1 AND order_code <> ?2)",
                [print, order],
                |r| r.get(0),
            )
        })
        .await
    }

    /// One page (from 1) of `product`'s published reviews, and how many match in all.
    pub async fn product_reviews(
        &self,
        product: &str,
        order: ReviewOrder,
        stars: Option<u8>,
        page: usize,
    ) -> Result<(Vec<StoredReview>, usize), Unavailable> {
        let product = product.to_string();
        let ranked = match order {
            ReviewOrder::Helpful => "helpful DESC, created_at DESC, id DESC",
            ReviewOrder::Newest => "created_at DESC, id DESC",
        };
        let stars = stars.map_or(0, i64::from);
        let offset = (page.max(1) - 1) * PER_PAGE;
        self.run(move |c| {
            let filter = "product = ?1 AND standing = 'published' AND (?2 = 0 OR stars = ?2)";
            let total: i64 = c.query_row(
                &format!("SELECT COUNT(*) FROM reviews WHERE {filter}"),
                params![product, stars],
                |r| r.get(0),
            )?;
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM reviews WHERE {filter} ORDER BY {ranked} LIMIT ?3 OFFSET ?4"
            ))?;
            let rows = stmt
                .query_map(
                    params![product, stars, PER_PAGE as i64, offset as i64],
                    stored,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((rows, total as usize))
        })
        .await
    }

    /// What each of `products`' published reviews add up to; a product without any is left
    /// out. A card row asks for a few products, a listing for up to thousands: a few products
    /// are looked up by the index, many by one pass over the reviews (fewer rows than the
    /// candidates in any store where most products have no reviews yet).
    pub async fn ratings(
        &self,
        products: Vec<String>,
    ) -> Result<HashMap<String, Rating>, Unavailable> {
        self.run(move |c| {
            let mut out: HashMap<String, Rating> = HashMap::new();
            let mut add = |product: String, stars: usize, n: u32| {
                out.entry(product).or_default().by_stars[stars.clamp(1, 5) - 1] = n;
            };
            if products.len() > LOOKUPS {
                let wanted: std::collections::HashSet<&str> =
                    products.iter().map(String::as_str).collect();
                let mut stmt = c.prepare_cached(
                    "SELECT product, stars, COUNT(*) FROM reviews WHERE standing = 'published'
                     GROUP BY product, stars",
                )?;
                let mut rows = stmt.query([])?;
                while let Some(r) = rows.next()? {
                    let product: String = r.get(0)?;
                    if wanted.contains(product.as_str()) {
                        add(product, r.get(1)?, r.get(2)?);
                    }
                }
            } else if !products.is_empty() {
                let marks = vec!["?"; products.len()].join(",");
                let mut stmt = c.prepare_cached(&format!(
                    "SELECT product, stars, COUNT(*) FROM reviews
                     WHERE standing = 'published' AND product IN ({marks}) GROUP BY product, stars"
                ))?;
                let mut rows = stmt.query(rusqlite::params_from_iter(&products))?;
                while let Some(r) = rows.next()? {
                    add(r.get(0)?, r.get(1)?, r.get(2)?);
                }
            }
            Ok(out)
        })
        .await
    }

    /// Counts `voter`'s vote on a published review, once; a third report takes the review
    /// down until the owner has looked.
    pub async fn vote(
        &self,
        id: i64,
        voter: &str,
        vote: Vote,
    ) -> Result<Result<(), ReviewProblem>, Unavailable> {
        let voter = voter.to_string();
        let (kind, column, again) = match vote {
            Vote::Helpful => ("helpful", "helpful", ReviewProblem::AlreadyVoted),
            Vote::Report => ("report", "reports", ReviewProblem::AlreadyReported),
        };
        let at = now();
        self.run(move |c| {
            let tx = c.transaction()?;
            let published: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM reviews WHERE id = ?1 AND standing = 'published')",
                [id],
                |r| r.get(0),
            )?;
            if !published {
                return Ok(Err(ReviewProblem::Gone));
            }
            let counted = tx.execute(
                "INSERT INTO review_votes (review_id, voter, kind, at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
                params![id, voter, kind, at],
            )?;
            if counted == 0 {
                return Ok(Err(again));
            }
            tx.execute(
                &format!("UPDATE reviews SET {column} = {column} + 1 WHERE id = ?1"),
                [id],
            )?;
            tx.execute(
                "UPDATE reviews SET standing = 'held' WHERE id = ?1 AND reports >= ?2",
                [id, REPORTS_TO_HOLD],
            )?;
            tx.commit()?;
            Ok(Ok(()))
        })
        .await
    }

    /// Which of `ids` `voter` found helpful.
    pub async fn helpful_votes(&self, voter: &str, ids: Vec<i64>) -> Result<Vec<i64>, Unavailable> {
        let voter = voter.to_string();
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT 1 FROM review_votes WHERE review_id = ?1 AND voter = ?2 AND kind = 'helpful'",
            )?;
            let mut out = Vec::new();
            for id in ids {
                if stmt.exists(params![id, voter])? {
                    out.push(id);
                }
            }
            Ok(out)
        })
        .await
    }

    /// What the owner should look at: waiting, held, or published but reported; oldest first.
    pub async fn review_queue(&self) -> Result<Vec<StoredReview>, Unavailable> {
        self.run(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM reviews
                 WHERE standing IN ('pending', 'held') OR (standing = 'published' AND reports > 0)
                 ORDER BY updated_at, id LIMIT 500"
            ))?;
            let rows = stmt.query_map([], stored)?.collect();
            rows
        })
        .await
    }

    /// The owner's decision; approving also clears the reports (they were looked at).
    pub async fn judge_review(
        &self,
        id: i64,
        standing: Standing,
    ) -> Result<Option<StoredReview>, Unavailable> {
        self.run(move |c| {
            c.execute(
                "UPDATE reviews SET standing = ?2,
                   reports = CASE WHEN ?2 = 'published' THEN 0 ELSE reports END WHERE id = ?1",
                params![id, standing.as_str()],
            )?;
            c.query_row(
                &format!("SELECT {COLUMNS} FROM reviews WHERE id = ?1"),
                [id],
                stored,
            )
            .optional()
        })
        .await
    }

    /// Keeps what was typed into a refused review form (cut to a bounded size).
    pub async fn keep_review_draft(
        &self,
        product: &str,
        order: &str,
        fields: [String; 4],
    ) -> Result<(), Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        let fields: Vec<String> = fields
            .into_iter()
            .map(|f| {
                f.chars()
                    .take(2 * crate::commerce::reviews::MAX_TEXT)
                    .collect()
            })
            .collect();
        let json = serde_json::to_string(&fields).map_err(|_| Unavailable)?;
        let at = now();
        self.run(move |c| {
            c.execute(
                "INSERT INTO review_drafts (product, order_code, fields, at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (product, order_code) DO UPDATE SET fields = excluded.fields,
                   at = excluded.at",
                params![product, order, json, at],
            )?;
            Ok(())
        })
        .await
    }

    /// What was last typed and refused, if anything.
    pub async fn review_draft(
        &self,
        product: &str,
        order: &str,
    ) -> Result<Option<[String; 4]>, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        let json: Option<String> = self
            .run(move |c| {
                c.query_row(
                    "SELECT fields FROM review_drafts WHERE product = ?1 AND order_code = ?2",
                    [product, order],
                    |r| r.get(0),
                )
                .optional()
            })
            .await?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    pub async fn drop_review_draft(&self, product: &str, order: &str) -> Result<(), Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(move |c| {
            c.execute(
                "DELETE FROM review_drafts WHERE product = ?1 AND order_code = ?2",
                [product, order],
            )?;
            Ok(())
        })
        .await
    }

    /// Whether the seeded reviews of `version` are in.
    pub fn seeded(&self, version: &str) -> bool {
        let c = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        c.query_row(
            "SELECT value FROM meta WHERE key = 'seeded_reviews'",
            [],
            |r| r.get::<_, String>(0),
        )
        .is_ok_and(|v| v == version)
    }

    /// Keeps the seeded store's `reviews` as `version` (at start, before any request).
    pub fn seed_reviews(&self, version: &str, reviews: &[NewReview]) -> Result<usize, String> {
        let mut c = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let seed = |c: &mut rusqlite::Connection| {
            let tx = c.transaction()?;
            let mut kept = 0;
            for r in reviews {
                kept += insert(&tx, r)?;
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('seeded_reviews', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [version],
            )?;
            tx.commit()?;
            Ok(kept)
        };
        seed(&mut c).map_err(|e: rusqlite::Error| format!("cannot seed reviews: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(product: &str, order: &str, stars: u8, standing: Standing) -> NewReview {
        NewReview {
            product: product.into(),
            order_code: order.into(),
            variant: String::new(),
            draft: Draft {
                stars,
                title: "t".into(),
                text: format!("a text from {order}"),
                name: "Ada L.".into(),
            },
            lang: "en".into(),
            standing,
            helpful: 0,
            at: 0,
        }
    }

    #[tokio::test]
    async fn ratings_read_the_same_for_a_row_of_cards_and_a_whole_listing() {
        let dir = std::env::temp_dir().join(format!("vitrine-ratings-{}", std::process::id()));
        let data = StorefrontData::open(&dir).unwrap();
        let reviews = [
            review("tee", "A", 5, Standing::Published),
            review("tee", "B", 4, Standing::Published),
            review("tee", "C", 1, Standing::Pending),
            review("mug", "A", 3, Standing::Published),
            review("lamp", "D", 2, Standing::Held),
        ];
        data.seed_reviews("test", &reviews).unwrap();
        let few = data
            .ratings(vec!["tee".into(), "mug".into(), "lamp".into()])
            .await
            .unwrap();
        let mut many: Vec<String> = (0..LOOKUPS + 50).map(|i| format!("p{i}")).collect();
        many.extend(["tee".into(), "mug".into(), "lamp".into()]);
        let all = data.ratings(many).await.unwrap();
        assert_eq!(few, all);
        assert_eq!(
            few["tee"].by_stars,
            [0, 0, 0, 1, 1],
            "only published reviews count"
        );
        assert_eq!(few["mug"].count(), 1);
        assert!(
            !few.contains_key("lamp"),
            "a product without published reviews is left out"
        );
        let only_mug = data.ratings(vec!["mug".into()]).await.unwrap();
        assert_eq!(only_mug.len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
