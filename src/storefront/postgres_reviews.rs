//! Reviews in PostgreSQL, for instances on several machines: a review written through one is
//! listed, voted on and moderated through any other. Each call is one statement (votes and
//! deletions are data-modifying CTEs), as the one pipelined connection is shared by every
//! request without a transaction of its own.

use super::postgres::Postgres;
use super::reviews::REPORTS_TO_HOLD;
use super::reviews::{ranked, Edit, NewReview, Reviews, StoredReview, Vote, COLUMNS, QUEUE};
use super::Unavailable;
use crate::commerce::reviews::{Draft, Rating, ReviewOrder, ReviewProblem, Standing, PER_PAGE};
use std::collections::HashMap;
use tokio_postgres::Row;

fn stored(r: &Row) -> StoredReview {
    let count = |i: usize| u32::try_from(r.get::<_, i32>(i)).unwrap_or(0);
    StoredReview {
        id: r.get(0),
        product: r.get(1),
        order_code: r.get(2),
        variant: r.get(3),
        draft: Draft {
            stars: u8::try_from(r.get::<_, i32>(4)).unwrap_or(1),
            title: r.get(5),
            text: r.get(6),
            name: r.get(7),
        },
        lang: r.get(8),
        standing: Standing::parse(r.get(9)).unwrap_or(Standing::Held),
        helpful: count(10),
        reports: count(11),
        created_at: r.get(12),
        updated_at: r.get(13),
    }
}

#[async_trait::async_trait]
impl Reviews for Postgres {
    async fn add(&self, review: NewReview) -> Result<Result<i64, ReviewProblem>, Unavailable> {
        let print = crate::commerce::reviews::fingerprint(&review.draft.text);
        self.run(|c| async move {
            let r = &review;
            let id = c
                .query_opt(
                    "INSERT INTO vitrine_reviews (product, order_code, variant, stars, title, body,
                       fingerprint, name, lang, standing, helpful, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
                     ON CONFLICT (product, order_code) DO NOTHING RETURNING id",
                    &[
                        &r.product,
                        &r.order_code,
                        &r.variant,
                        &i32::from(r.draft.stars),
                        &r.draft.title,
                        &r.draft.text,
                        &print,
                        &r.draft.name,
                        &r.lang,
                        &r.standing.as_str(),
                        &(r.helpful as i32),
                        &r.at,
                    ],
                )
                .await?;
            Ok(id.map(|r| r.get(0)).ok_or(ReviewProblem::AlreadyReviewed))
        })
        .await
    }

    async fn by_order(
        &self,
        product: &str,
        order: &str,
    ) -> Result<Option<StoredReview>, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(|c| async move {
            let sql = format!(
                "SELECT {COLUMNS} FROM vitrine_reviews WHERE product = $1 AND order_code = $2"
            );
            Ok(c.query_opt(&sql, &[&product, &order])
                .await?
                .map(|r| stored(&r)))
        })
        .await
    }

    async fn edit(&self, product: &str, order: &str, edit: Edit) -> Result<bool, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(|c| async move {
            let changed = c
                .execute(
                    "UPDATE vitrine_reviews SET stars = $3, title = $4, body = $5,
                       fingerprint = $6, name = $7, standing = $8, updated_at = $9
                     WHERE product = $1 AND order_code = $2",
                    &[
                        &product,
                        &order,
                        &i32::from(edit.draft.stars),
                        &edit.draft.title,
                        &edit.draft.text,
                        &edit.fingerprint,
                        &edit.draft.name,
                        &edit.standing.as_str(),
                        &edit.at,
                    ],
                )
                .await?;
            Ok(changed > 0)
        })
        .await
    }

    async fn delete(&self, product: &str, order: &str) -> Result<bool, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(|c| async move {
            let row = c
                .query_one(
                    "WITH gone AS (
                       DELETE FROM vitrine_reviews WHERE product = $1 AND order_code = $2
                       RETURNING id),
                     votes AS (
                       DELETE FROM vitrine_review_votes WHERE review_id IN (SELECT id FROM gone))
                     SELECT count(*) FROM gone",
                    &[&product, &order],
                )
                .await?;
            Ok(row.get::<_, i64>(0) > 0)
        })
        .await
    }

    async fn fingerprint_elsewhere(&self, print: &str, order: &str) -> Result<bool, Unavailable> {
        let (print, order) = (print.to_string(), order.to_string());
        self.run(|c| async move {
            let row = c
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM vitrine_reviews
                       WHERE fingerprint = $1 AND order_code <> $2)",
                    &[&print, &order],
                )
                .await?;
            Ok(row.get(0))
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
        let stars = stars.map_or(0, i32::from);
        let (limit, offset) = (PER_PAGE as i64, offset as i64);
        self.run(|c| async move {
            let filter = "product = $1 AND standing = 'published' AND ($2 = 0 OR stars = $2)";
            let total: i64 = c
                .query_one(
                    &format!("SELECT count(*) FROM vitrine_reviews WHERE {filter}"),
                    &[&product, &stars],
                )
                .await?
                .get(0);
            let sql = format!(
                "SELECT {COLUMNS} FROM vitrine_reviews WHERE {filter}
                 ORDER BY {} LIMIT $3 OFFSET $4",
                ranked(order)
            );
            let rows = c.query(&sql, &[&product, &stars, &limit, &offset]).await?;
            Ok((rows.iter().map(stored).collect(), total as usize))
        })
        .await
    }

    async fn ratings(&self, products: Vec<String>) -> Result<HashMap<String, Rating>, Unavailable> {
        if products.is_empty() {
            return Ok(HashMap::new());
        }
        self.run(|c| async move {
            let rows = c
                .query(
                    "SELECT product, stars, count(*) FROM vitrine_reviews
                     WHERE standing = 'published' AND product = ANY($1)
                     GROUP BY product, stars",
                    &[&products],
                )
                .await?;
            let mut out: HashMap<String, Rating> = HashMap::new();
            for r in rows {
                let stars = r.get::<_, i32>(1).clamp(1, 5) as usize;
                let n = u32::try_from(r.get::<_, i64>(2)).unwrap_or(u32::MAX);
                out.entry(r.get(0)).or_default().by_stars[stars - 1] = n;
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
        let (kind, _, again) = vote.parts();
        self.run(|c| async move {
            // The vote is counted only on a published review and only once (the votes'
            // primary key); its count and the hold after enough reports change with it.
            let row = c
                .query_one(
                    "WITH review AS (
                       SELECT id FROM vitrine_reviews WHERE id = $1 AND standing = 'published'),
                     counted AS (
                       INSERT INTO vitrine_review_votes (review_id, voter, kind, at)
                       SELECT id, $2, $3, $4 FROM review
                       ON CONFLICT DO NOTHING RETURNING review_id),
                     changed AS (
                       UPDATE vitrine_reviews SET
                         helpful = helpful + CASE WHEN $3 = 'helpful' THEN 1 ELSE 0 END,
                         reports = reports + CASE WHEN $3 = 'report' THEN 1 ELSE 0 END,
                         standing = CASE WHEN $3 = 'report' AND reports + 1 >= $5
                                         THEN 'held' ELSE standing END
                       WHERE id IN (SELECT review_id FROM counted) RETURNING id)
                     SELECT EXISTS (SELECT 1 FROM review), EXISTS (SELECT 1 FROM changed)",
                    &[&id, &voter, &kind, &at, &(REPORTS_TO_HOLD as i32)],
                )
                .await?;
            Ok(match (row.get::<_, bool>(0), row.get::<_, bool>(1)) {
                (false, _) => Err(ReviewProblem::Gone),
                (true, false) => Err(again),
                (true, true) => Ok(()),
            })
        })
        .await
    }

    async fn helpful_votes(&self, voter: &str, ids: Vec<i64>) -> Result<Vec<i64>, Unavailable> {
        let voter = voter.to_string();
        let asked = ids.clone();
        let found: std::collections::HashSet<i64> = self
            .run(|c| async move {
                let rows = c
                    .query(
                        "SELECT review_id FROM vitrine_review_votes
                         WHERE voter = $1 AND kind = 'helpful' AND review_id = ANY($2)",
                        &[&voter, &asked],
                    )
                    .await?;
                Ok(rows.iter().map(|r| r.get(0)).collect())
            })
            .await?;
        Ok(ids.into_iter().filter(|id| found.contains(id)).collect())
    }

    async fn queue(&self) -> Result<Vec<StoredReview>, Unavailable> {
        self.run(|c| async move {
            let sql = format!("SELECT {COLUMNS} FROM vitrine_reviews {QUEUE}");
            Ok(c.query(&sql, &[]).await?.iter().map(stored).collect())
        })
        .await
    }

    async fn judge(
        &self,
        id: i64,
        standing: Standing,
    ) -> Result<Option<StoredReview>, Unavailable> {
        self.run(|c| async move {
            let sql = format!(
                "UPDATE vitrine_reviews SET standing = $2,
                   reports = CASE WHEN $2 = 'published' THEN 0 ELSE reports END
                 WHERE id = $1 RETURNING {COLUMNS}"
            );
            Ok(c.query_opt(&sql, &[&id, &standing.as_str()])
                .await?
                .map(|r| stored(&r)))
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
        self.run(|c| async move {
            c.execute(
                "INSERT INTO vitrine_review_drafts (product, order_code, fields, at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (product, order_code) DO UPDATE SET fields = EXCLUDED.fields,
                   at = EXCLUDED.at",
                &[&product, &order, &fields, &at],
            )
            .await
        })
        .await
        .map(|_| ())
    }

    async fn draft(&self, product: &str, order: &str) -> Result<Option<String>, Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(|c| async move {
            let row = c
                .query_opt(
                    "SELECT fields FROM vitrine_review_drafts
                     WHERE product = $1 AND order_code = $2",
                    &[&product, &order],
                )
                .await?;
            Ok(row.map(|r| r.get(0)))
        })
        .await
    }

    async fn drop_draft(&self, product: &str, order: &str) -> Result<(), Unavailable> {
        let (product, order) = (product.to_string(), order.to_string());
        self.run(|c| async move {
            c.execute(
                "DELETE FROM vitrine_review_drafts WHERE product = $1 AND order_code = $2",
                &[&product, &order],
            )
            .await
        })
        .await
        .map(|_| ())
    }
}
