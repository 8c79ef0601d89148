//! Reviews, votes and reports as kept: the rules (who may write, what is spam) are the
//! caller's; here a product's published reviews are listed, counted and ranked in SQL, and one
//! review per product and order is enforced by the table itself. Behind one trait, `Reviews`:
//! the data folder's SQLite file (`super::reviews_local`), or PostgreSQL
//! (`super::postgres_reviews`) where instances on several machines read and vote on the same
//! reviews.

use super::{StorefrontData, Unavailable};
use crate::api::clock::now;
use crate::commerce::reviews::{Draft, Rating, ReviewOrder, ReviewProblem, Standing, PER_PAGE};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Reports after which a review is taken down until the owner looks at it.
pub(super) const REPORTS_TO_HOLD: i64 = 3;

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

impl Vote {
    /// Its kind as kept, the count it adds to, and the refusal of a second one.
    pub(super) fn parts(self) -> (&'static str, &'static str, ReviewProblem) {
        match self {
            Vote::Helpful => ("helpful", "helpful", ReviewProblem::AlreadyVoted),
            Vote::Report => ("report", "reports", ReviewProblem::AlreadyReported),
        }
    }
}

/// A review's columns as `StoredReview` reads them, in both stores' tables.
pub(super) const COLUMNS: &str = "id, product, order_code, variant, stars, title, body, name, \
                                  lang, standing, helpful, reports, created_at, updated_at";

/// The `ORDER BY` of a product's reviews in `order`.
pub(super) fn ranked(order: ReviewOrder) -> &'static str {
    match order {
        ReviewOrder::Helpful => "helpful DESC, created_at DESC, id DESC",
        ReviewOrder::Newest => "created_at DESC, id DESC",
    }
}

/// What the owner should look at (waiting, held, or published but reported), oldest first:
/// the `WHERE` and `ORDER BY` of the review queue.
pub(super) const QUEUE: &str = "WHERE standing IN ('pending', 'held')
       OR (standing = 'published' AND reports > 0)
     ORDER BY updated_at, id LIMIT 500";

/// Where reviews, their votes and their refused drafts are kept. Times are the caller's
/// (`api::clock::now`, seconds); fingerprints and JSON are made by the caller.
#[async_trait::async_trait]
pub trait Reviews: Send + Sync + 'static {
    /// Keeps a new review; refused when the order already reviewed the product.
    async fn add(&self, review: NewReview) -> Result<Result<i64, ReviewProblem>, Unavailable>;
    async fn by_order(
        &self,
        product: &str,
        order: &str,
    ) -> Result<Option<StoredReview>, Unavailable>;
    /// Rewrites one; whether it was there.
    async fn edit(&self, product: &str, order: &str, edit: Edit) -> Result<bool, Unavailable>;
    /// Deletes one and its votes; whether it was there.
    async fn delete(&self, product: &str, order: &str) -> Result<bool, Unavailable>;
    /// Whether another order sent a text with this fingerprint.
    async fn fingerprint_elsewhere(&self, print: &str, order: &str) -> Result<bool, Unavailable>;
    /// `PER_PAGE` published reviews of `product` from `offset`, ranked, with how many match.
    async fn page(
        &self,
        product: &str,
        order: ReviewOrder,
        stars: Option<u8>,
        offset: usize,
    ) -> Result<(Vec<StoredReview>, usize), Unavailable>;
    async fn ratings(&self, products: Vec<String>) -> Result<HashMap<String, Rating>, Unavailable>;
    async fn vote(
        &self,
        id: i64,
        voter: &str,
        vote: Vote,
        at: i64,
    ) -> Result<Result<(), ReviewProblem>, Unavailable>;
    async fn helpful_votes(&self, voter: &str, ids: Vec<i64>) -> Result<Vec<i64>, Unavailable>;
    async fn queue(&self) -> Result<Vec<StoredReview>, Unavailable>;
    async fn judge(&self, id: i64, standing: Standing)
        -> Result<Option<StoredReview>, Unavailable>;
    async fn keep_draft(
        &self,
        product: &str,
        order: &str,
        fields: String,
        at: i64,
    ) -> Result<(), Unavailable>;
    async fn draft(&self, product: &str, order: &str) -> Result<Option<String>, Unavailable>;
    async fn drop_draft(&self, product: &str, order: &str) -> Result<(), Unavailable>;
}

/// A review's new wording and standing.
pub struct Edit {
    pub draft: Draft,
    pub fingerprint: String,
    pub standing: Standing,
    pub at: i64,
}

impl StorefrontData {
    /// Keeps a new review; refused when the order already reviewed the product.
    pub async fn add_review(
        &self,
        review: NewReview,
    ) -> Result<Result<i64, ReviewProblem>, Unavailable> {
        self.reviews.add(review).await
    }

    /// The review `order` wrote of `product`, whatever its standing.
    pub async fn review_by_order(
        &self,
        product: &str,
        order: &str,
    ) -> Result<Option<StoredReview>, Unavailable> {
        self.reviews.by_order(product, order).await
    }

    /// Rewrites the review `order` wrote of `product`; its votes stay (they were about it).
    pub async fn edit_review(
        &self,
        product: &str,
        order: &str,
        draft: Draft,
        standing: Standing,
    ) -> Result<bool, Unavailable> {
        let fingerprint = crate::commerce::reviews::fingerprint(&draft.text);
        let edit = Edit {
            draft,
            fingerprint,
            standing,
            at: now(),
        };
        self.reviews.edit(product, order, edit).await
    }

    pub async fn delete_review(&self, product: &str, order: &str) -> Result<bool, Unavailable> {
        self.reviews.delete(product, order).await
    }

    /// Whether another order already sent this text (one text pasted under many products).
    pub async fn same_text_elsewhere(&self, text: &str, order: &str) -> Result<bool, Unavailable> {
        let print = crate::commerce::reviews::fingerprint(text);
        self.reviews.fingerprint_elsewhere(&print, order).await
    }

    /// One page (from 1) of `product`'s published reviews, and how many match in all.
    pub async fn product_reviews(
        &self,
        product: &str,
        order: ReviewOrder,
        stars: Option<u8>,
        page: usize,
    ) -> Result<(Vec<StoredReview>, usize), Unavailable> {
        let offset = (page.max(1) - 1) * PER_PAGE;
        self.reviews.page(product, order, stars, offset).await
    }

    /// What each of `products`' published reviews add up to; a product without any is left
    /// out.
    pub async fn ratings(
        &self,
        products: Vec<String>,
    ) -> Result<HashMap<String, Rating>, Unavailable> {
        self.reviews.ratings(products).await
    }

    /// Counts `voter`'s vote on a published review, once; a third report takes the review
    /// down until the owner has looked.
    pub async fn vote(
        &self,
        id: i64,
        voter: &str,
        vote: Vote,
    ) -> Result<Result<(), ReviewProblem>, Unavailable> {
        self.reviews.vote(id, voter, vote, now()).await
    }

    /// Which of `ids` `voter` found helpful.
    pub async fn helpful_votes(&self, voter: &str, ids: Vec<i64>) -> Result<Vec<i64>, Unavailable> {
        self.reviews.helpful_votes(voter, ids).await
    }

    /// What the owner should look at: waiting, held, or published but reported; oldest first.
    pub async fn review_queue(&self) -> Result<Vec<StoredReview>, Unavailable> {
        self.reviews.queue().await
    }

    /// The owner's decision; approving also clears the reports (they were looked at).
    pub async fn judge_review(
        &self,
        id: i64,
        standing: Standing,
    ) -> Result<Option<StoredReview>, Unavailable> {
        self.reviews.judge(id, standing).await
    }

    /// Keeps what was typed into a refused review form (cut to a bounded size).
    pub async fn keep_review_draft(
        &self,
        product: &str,
        order: &str,
        fields: [String; 4],
    ) -> Result<(), Unavailable> {
        let fields: Vec<String> = fields
            .into_iter()
            .map(|f| {
                f.chars()
                    .take(2 * crate::commerce::reviews::MAX_TEXT)
                    .collect()
            })
            .collect();
        let json = serde_json::to_string(&fields).map_err(|_| Unavailable)?;
        self.reviews.keep_draft(product, order, json, now()).await
    }

    /// What was last typed and refused, if anything.
    pub async fn review_draft(
        &self,
        product: &str,
        order: &str,
    ) -> Result<Option<[String; 4]>, Unavailable> {
        let json = self.reviews.draft(product, order).await?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    pub async fn drop_review_draft(&self, product: &str, order: &str) -> Result<(), Unavailable> {
        self.reviews.drop_draft(product, order).await
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
                kept += super::reviews_local::insert(&tx, r)?;
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

/// The behaviour every `Reviews` must show, through two instances' data (`a`, `b`) that
/// share it: run on SQLite (one folder) and on PostgreSQL (two folders, one database).
#[cfg(test)]
pub(crate) mod contract {
    use super::*;

    fn new(product: &str, order: &str, stars: u8, at: i64) -> NewReview {
        NewReview {
            product: product.into(),
            order_code: order.into(),
            variant: "M / Ink".into(),
            draft: Draft {
                stars,
                title: format!("{stars} stars"),
                text: format!("Worn every day since order {order}."),
                name: "Ada L.".into(),
            },
            lang: "en".into(),
            standing: Standing::Published,
            helpful: 0,
            at,
        }
    }

    pub async fn reviews_are_listed_voted_and_moderated_alike(
        a: &StorefrontData,
        b: &StorefrontData,
    ) {
        // Seven published reviews of the tee, one of the mug, one waiting.
        for (i, stars) in [5u8, 4, 4, 3, 5, 1, 2].into_iter().enumerate() {
            let added = a.add_review(new("tee", &format!("VT-{i}"), stars, 100 + i as i64));
            assert!(added.await.unwrap().is_ok());
        }
        assert!(a
            .add_review(new("mug", "VT-0", 3, 50))
            .await
            .unwrap()
            .is_ok());
        let mut waiting = new("lamp", "VT-9", 2, 60);
        waiting.standing = Standing::Pending;
        let waiting = a.add_review(waiting).await.unwrap().unwrap();
        assert_eq!(
            b.add_review(new("tee", "VT-3", 5, 999)).await.unwrap(),
            Err(ReviewProblem::AlreadyReviewed),
            "one review per product and order"
        );

        let (page, total) = b
            .product_reviews("tee", ReviewOrder::Newest, None, 1)
            .await
            .unwrap();
        assert_eq!(total, 7);
        assert_eq!(page.len(), PER_PAGE);
        assert_eq!(page[0].order_code, "VT-6", "newest first");
        let (second, _) = b
            .product_reviews("tee", ReviewOrder::Newest, None, 2)
            .await
            .unwrap();
        assert_eq!(second.len(), 2);
        let (fours, n) = b
            .product_reviews("tee", ReviewOrder::Newest, Some(4), 1)
            .await
            .unwrap();
        assert_eq!((fours.len(), n), (2, 2), "the star filter");
        assert!(fours
            .iter()
            .all(|r| r.draft.stars == 4 && r.variant == "M / Ink"));

        let ratings = b
            .ratings(vec!["tee".into(), "mug".into(), "lamp".into()])
            .await
            .unwrap();
        assert_eq!(ratings["tee"].by_stars, [1, 1, 1, 2, 2]);
        assert_eq!(ratings["mug"].count(), 1);
        assert!(
            !ratings.contains_key("lamp"),
            "only published reviews count"
        );

        // Votes: once each, counted wherever they are cast; the helpful one ranks first.
        let oldest = b.review_by_order("tee", "VT-0").await.unwrap().unwrap();
        assert_eq!(
            a.vote(oldest.id, "v1", Vote::Helpful).await.unwrap(),
            Ok(())
        );
        assert_eq!(
            b.vote(oldest.id, "v1", Vote::Helpful).await.unwrap(),
            Err(ReviewProblem::AlreadyVoted)
        );
        assert_eq!(
            b.vote(oldest.id, "v2", Vote::Helpful).await.unwrap(),
            Ok(())
        );
        let (helpful, _) = a
            .product_reviews("tee", ReviewOrder::Helpful, None, 1)
            .await
            .unwrap();
        assert_eq!((helpful[0].id, helpful[0].helpful), (oldest.id, 2));
        assert_eq!(
            a.helpful_votes("v1", vec![helpful[1].id, oldest.id])
                .await
                .unwrap(),
            vec![oldest.id]
        );
        assert_eq!(
            a.vote(waiting, "v1", Vote::Helpful).await.unwrap(),
            Err(ReviewProblem::Gone),
            "no votes on a review nobody can see"
        );

        // Three reports take a review down until the owner looks.
        let reported = b.review_by_order("tee", "VT-5").await.unwrap().unwrap();
        for (i, voter) in ["r1", "r2", "r3"].into_iter().enumerate() {
            let on = if i % 2 == 0 { a } else { b };
            assert_eq!(
                on.vote(reported.id, voter, Vote::Report).await.unwrap(),
                Ok(())
            );
        }
        assert_eq!(
            a.vote(reported.id, "r4", Vote::Report).await.unwrap(),
            Err(ReviewProblem::Gone)
        );
        let queue: Vec<i64> = b
            .review_queue()
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(queue, vec![waiting, reported.id], "oldest first");
        let back = a
            .judge_review(reported.id, Standing::Published)
            .await
            .unwrap();
        let back = back.unwrap();
        assert_eq!((back.standing, back.reports), (Standing::Published, 0));
        assert_eq!(b.review_queue().await.unwrap().len(), 1);
        assert_eq!(
            a.judge_review(424_242, Standing::Rejected).await.unwrap(),
            None
        );

        // An edit keeps the votes; the same text under another order is noticed.
        let draft = Draft {
            stars: 2,
            title: "Shrank".into(),
            text: "It shrank after one wash, sadly.".into(),
            name: "Ada".into(),
        };
        assert!(a
            .edit_review("tee", "VT-0", draft, Standing::Published)
            .await
            .unwrap());
        let edited = b.review_by_order("tee", "VT-0").await.unwrap().unwrap();
        assert_eq!((edited.draft.stars, edited.helpful), (2, 2));
        assert!(b
            .same_text_elsewhere("it SHRANK after one wash sadly", "VT-77")
            .await
            .unwrap());
        assert!(!b
            .same_text_elsewhere("it shrank after one wash, sadly", "VT-0")
            .await
            .unwrap());

        // A refused form's words wait for the buyer, on any instance.
        let typed = ["3".into(), "Title".into(), "Too short".into(), "Ada".into()];
        a.keep_review_draft("mug", "VT-1", typed.clone())
            .await
            .unwrap();
        assert_eq!(b.review_draft("mug", "VT-1").await.unwrap(), Some(typed));
        b.drop_review_draft("mug", "VT-1").await.unwrap();
        assert_eq!(a.review_draft("mug", "VT-1").await.unwrap(), None);

        assert!(b.delete_review("tee", "VT-0").await.unwrap());
        assert!(!a.delete_review("tee", "VT-0").await.unwrap());
        assert_eq!(a.review_by_order("tee", "VT-0").await.unwrap(), None);
        assert_eq!(
            a.helpful_votes("v1", vec![oldest.id]).await.unwrap(),
            Vec::<i64>::new()
        );
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
        let mut many: Vec<String> = (0..super::super::reviews_local::LOOKUPS + 50)
            .map(|i| format!("p{i}"))
            .collect();
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn local_reviews_keep_the_contract() {
        let dir = std::env::temp_dir().join(format!("vitrine-reviews-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let a = StorefrontData::open(&dir).unwrap();
        let b = StorefrontData::open(&dir).unwrap();
        super::contract::reviews_are_listed_voted_and_moderated_alike(&a, &b).await;
        let _ = std::fs::remove_dir_all(&dir);
    }
}
