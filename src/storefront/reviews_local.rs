//! Reviews in the data folder's SQLite file.

use super::reviews::{
    ranked, Edit, NewReview, Reviews, StoredReview, Vote, COLUMNS, QUEUE, REPORTS_TO_HOLD,
};
use super::{run_on, Conn, Unavailable};
use crate::commerce::reviews::{Draft, Rating, ReviewOrder, ReviewProblem, Standing, PER_PAGE};
use rusqlite::{params, OptionalExtension, Row};
use std::collections::HashMap;

/// Products whose ratings are looked up one by one in the index; more are read in one pass.
pub(super) const LOOKUPS: usize = 200;

pub struct LocalReviews(pub(super) Conn);

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

pub(super) fn insert(c: &rusqlite::Connection, r: &NewReview) -> rusqlite::Result<usize> {
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

impl LocalReviews {
    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut rusqlite::Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, Unavailable> {
        run_on(&self.0, f).await
    }
}

#[async_trait::async_trait]
impl Reviews for LocalReviews {
    async fn add(&self, review: NewReview) -> Result<Result<i64, ReviewProblem>, Unavailable> {
        self.run(move |c| {
            Ok(match insert(c, &review)? {
                0 => Err(ReviewProblem::AlreadyReviewed),
                _ => Ok(c.last_insert_rowid()),
            })
        })
        .await
    }

    async fn by_order(
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

    async fn edit(&self, product: &str, order: &str, edit: Edit) -> Result<bool, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(move |c| {
            let changed = c.execute(
                "UPDATE reviews SET stars = ?3, title = ?4, body = ?5, fingerprint = ?6, name = ?7,
                   standing = ?8, updated_at = ?9
                 WHERE product = ?1 AND order_code = ?2",
                params![
                    product,
                    order,
                    edit.draft.stars,
                    edit.draft.title,
                    edit.draft.text,
                    edit.fingerprint,
                    edit.draft.name,
                    edit.standing.as_str(),
                    edit.at
                ],
            )?;
            Ok(changed > 0)
        })
        .await
    }

    async fn delete(&self, product: &str, order: &str) -> Result<bool, Unavailable> {
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

    async fn fingerprint_elsewhere(&self, print: &str, order: &str) -> Result<bool, Unavailable> {
        let (print, order) = (print.to_string(), order.to_string());
        self.run(move |c| {
            c.query_row(
                "SELECT EXISTS (SELECT 1 FROM reviews WHERE fingerprint = ?1 AND order_code <> ?2)",
                [print, order],
                |r| r.get(0),
            )
        })
        .await
    }

    async fn page(
        &self,
        product: &str,
        order: ReviewOrder,
        stars: Option<u8>,
        offset: usize,
    ) -> Result<(Vec<StoredReview>, usize), Unavailable> {
        let product = product.to_string();
        let ranked = ranked(order);
        let stars = stars.map_or(0, i64::from);
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

    /// A card row asks for a few products, a listing for up to thousands: a few products are
    /// looked up by the index, many by one pass over the reviews (fewer rows than the
    /// candidates in any store where most products have no reviews yet).
    async fn ratings(&self, products: Vec<String>) -> Result<HashMap<String, Rating>, Unavailable> {
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

    async fn vote(
        &self,
        id: i64,
        voter: &str,
        vote: Vote,
        at: i64,
    ) -> Result<Result<(), ReviewProblem>, Unavailable> {
        let voter = voter.to_string();
        let (kind, column, again) = vote.parts();
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

    async fn helpful_votes(&self, voter: &str, ids: Vec<i64>) -> Result<Vec<i64>, Unavailable> {
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

    async fn queue(&self) -> Result<Vec<StoredReview>, Unavailable> {
        self.run(|c| {
            let mut stmt = c.prepare_cached(&format!("SELECT {COLUMNS} FROM reviews {QUEUE}"))?;
            let rows = stmt.query_map([], stored)?.collect();
            rows
        })
        .await
    }

    async fn judge(
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

    async fn keep_draft(
        &self,
        product: &str,
        order: &str,
        fields: String,
        at: i64,
    ) -> Result<(), Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(move |c| {
            c.execute(
                "INSERT INTO review_drafts (product, order_code, fields, at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (product, order_code) DO UPDATE SET fields = excluded.fields,
                   at = excluded.at",
                params![product, order, fields, at],
            )?;
            Ok(())
        })
        .await
    }

    async fn draft(&self, product: &str, order: &str) -> Result<Option<String>, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(move |c| {
            c.query_row(
                "SELECT fields FROM review_drafts WHERE product = ?1 AND order_code = ?2",
                [product, order],
                |r| r.get(0),
            )
            .optional()
        })
        .await
    }

    async fn drop_draft(&self, product: &str, order: &str) -> Result<(), Unavailable> {
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
}
