//! Reviews from verified buyers. Only the holder of an order's signed link (the confirmation,
//! the lookup by number and email, the account's history all lead there) may review what that
//! order bought, once it is delivered: one review per product and order, which its writer may
//! edit or delete. Shoppers read published reviews, vote them helpful (once each, no account
//! needed) and report them. Every form is a plain one: nothing here needs the wasm.

use super::ApiError;
use crate::commerce::reviews::{Draft, Rating, ReviewOrder, Standing};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A published review as a shopper reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShownReview {
    pub id: i64,
    pub stars: u8,
    pub title: String,
    pub text: String,
    pub name: String,
    /// What the writer bought, "M / Ink" (empty for a product without options).
    pub variant: String,
    /// The language it was written in.
    pub lang: String,
    pub helpful: u32,
    pub at: i64,
    /// This shopper already found it helpful.
    pub voted: bool,
}

/// One page of a product's reviews, as the address asked for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductReviews {
    pub rating: Rating,
    pub reviews: Vec<ShownReview>,
    /// Reviews matching the star filter, on every page.
    pub matching: usize,
    pub page: usize,
    pub order: ReviewOrder,
    pub stars: Option<u8>,
}

/// What the review form needs: what was bought, and the review already written, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewForm {
    pub product_name: String,
    pub variant: String,
    pub existing: Option<(Draft, Standing)>,
    /// What was typed last time and refused: stars, title, text, name.
    pub typed: Option<[String; 4]>,
    /// The first name and initial of the order's address, offered as the name shown.
    pub suggested_name: String,
}

/// `handle`'s published reviews: `order` "helpful" (default) or "newest", `stars` "1"–"5" or
/// empty for all, `page` from 1. Unknown values read as the defaults.
#[server(endpoint = "reviews/product", output = crate::api::Answer)]
pub async fn get_product_reviews(
    handle: String,
    #[server(default)] order: String,
    #[server(default)] stars: String,
    #[server(default)] page: String,
) -> Result<ProductReviews, ApiError> {
    ssr::product_reviews(&handle, &order, &stars, &page).await
}

/// The form for reviewing `handle` as bought by order `code` (its signed link's `token`).
#[server(endpoint = "reviews/form", output = crate::api::Answer)]
pub async fn get_review_form(
    code: String,
    token: String,
    handle: String,
) -> Result<ReviewForm, ApiError> {
    ssr::form(&code, &token, &handle).await
}

/// Writes (or, with `edit`, rewrites) the order's review of `handle` and says where it
/// stands; a plain form lands on the product's reviews.
#[server(endpoint = "reviews/write", output = crate::api::Answer)]
pub async fn write_review(
    code: String,
    token: String,
    handle: String,
    #[server(default)] stars: String,
    #[server(default)] title: String,
    #[server(default)] text: String,
    #[server(default)] name: String,
    #[server(default)] edit: String,
) -> Result<Standing, ApiError> {
    let standing = ssr::write(
        &code,
        &token,
        &handle,
        [&stars, &title, &text, &name],
        edit == "1",
    )
    .await?;
    crate::api::cart::ssr::after_plain_form(&format!(
        "/p/{handle}?reviewed={}#reviews",
        standing.as_str()
    ));
    Ok(standing)
}

#[server(endpoint = "reviews/delete", output = crate::api::Answer)]
pub async fn delete_review(code: String, token: String, handle: String) -> Result<(), ApiError> {
    ssr::delete(&code, &token, &handle).await?;
    crate::api::cart::ssr::after_plain_form(&format!("/p/{handle}?reviewed=deleted#reviews"));
    Ok(())
}

/// "Helpful": counted once per shopper. A plain form goes back to `back`.
#[server(endpoint = "reviews/helpful", output = crate::api::Answer)]
pub async fn mark_helpful(id: String, #[server(default)] back: String) -> Result<(), ApiError> {
    ssr::vote(&id, crate::storefront::reviews::Vote::Helpful).await?;
    crate::api::wishlist::ssr::back_to(&format!("{back}#review-{}", id.trim()), "/");
    Ok(())
}

/// "Report this review": the owner gets to look at it; three reports take it down meanwhile.
#[server(endpoint = "reviews/report", output = crate::api::Answer)]
pub async fn report_review(id: String, #[server(default)] back: String) -> Result<(), ApiError> {
    ssr::vote(&id, crate::storefront::reviews::Vote::Report).await?;
    let back = match back.split_once('?') {
        Some((path, query)) => format!("{path}?{query}&reported=1#reviews"),
        None => format!("{back}?reported=1#reviews"),
    };
    crate::api::wishlist::ssr::back_to(&back, "/");
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::api::{context, validate};
    use crate::commerce::backend::CommerceError;
    use crate::commerce::reviews::{self, ReviewProblem};
    use crate::commerce::{Order, OrderLine, OrderStatus, Thing};
    use crate::storefront::reviews::{NewReview, StoredReview, Vote};
    use crate::words::Problem;

    /// Texts this long that another order already sent are held as pasted.
    const PASTED_FROM: usize = 40;

    /// The store's own cookie naming a shopper who votes: random, nothing else in it.
    const VOTER_COOKIE: &str = "vitrine_voter";
    const VOTER_MAX_AGE: u32 = 365 * 86_400;

    fn unavailable(_: crate::storefront::Unavailable) -> ApiError {
        ApiError::Unavailable
    }

    fn refused(p: ReviewProblem) -> ApiError {
        ApiError::Invalid(Problem::Review(p))
    }

    pub async fn product_reviews(
        handle: &str,
        order: &str,
        stars: &str,
        page: &str,
    ) -> Result<ProductReviews, ApiError> {
        let handle = validate::handle(handle)?;
        let order = ReviewOrder::parse(order);
        let stars = stars.parse::<u8>().ok().filter(|s| (1..=5).contains(s));
        // A page past the last shows the last (a stale link after reviews were taken down).
        let page = page.parse::<usize>().unwrap_or(1).clamp(1, 10_000);
        let data = context::storefront()?;
        let rating = data
            .ratings(vec![handle.clone()])
            .await
            .map_err(unavailable)?
            .remove(&handle)
            .unwrap_or_default();
        let (mut rows, matching) = data
            .product_reviews(&handle, order, stars, page)
            .await
            .map_err(unavailable)?;
        let last = matching.div_ceil(reviews::PER_PAGE).max(1);
        let page = page.min(last);
        if rows.is_empty() && matching > 0 {
            rows = data
                .product_reviews(&handle, order, stars, page)
                .await
                .map_err(unavailable)?
                .0;
        }
        let voted = match voter(false) {
            Some(v) => data
                .helpful_votes(&v, rows.iter().map(|r| r.id).collect())
                .await
                .map_err(unavailable)?,
            None => Vec::new(),
        };
        Ok(ProductReviews {
            rating,
            reviews: rows.into_iter().map(|r| shown(r, &voted)).collect(),
            matching,
            page,
            order,
            stars,
        })
    }

    fn shown(r: StoredReview, voted: &[i64]) -> ShownReview {
        ShownReview {
            voted: voted.contains(&r.id),
            id: r.id,
            stars: r.draft.stars,
            title: r.draft.title,
            text: r.draft.text,
            name: r.draft.name,
            variant: r.variant,
            lang: r.lang,
            helpful: r.helpful,
            at: r.created_at,
        }
    }

    /// The order behind a signed link and its line of `handle`, once it may be reviewed.
    /// A forged or foreign link reads as a missing order, as on the order page.
    async fn bought(code: &str, token: &str, handle: &str) -> Result<(Order, OrderLine), ApiError> {
        let handle = validate::handle(handle)?;
        let not_found = || ApiError::NotFound(Thing::Order);
        if code.len() > 32 || token.len() > 200 || !context::signer()?.verify("order", code, token)
        {
            return Err(not_found());
        }
        let order = context::backend()?.order(code).await.map_err(|e| match e {
            CommerceError::Unavailable(_) => ApiError::Unavailable,
            _ => not_found(),
        })?;
        let line = order
            .lines
            .iter()
            .find(|l| l.product_handle == handle)
            .cloned()
            .ok_or(refused(ReviewProblem::NotBought))?;
        if order.status != OrderStatus::Delivered {
            return Err(refused(ReviewProblem::NotDelivered));
        }
        Ok((order, line))
    }

    pub async fn form(code: &str, token: &str, handle: &str) -> Result<ReviewForm, ApiError> {
        let (order, line) = bought(code, token, handle).await?;
        let data = context::storefront()?;
        let existing = data
            .review_by_order(handle, &order.code)
            .await
            .map_err(unavailable)?
            .map(|r| (r.draft, r.standing));
        let typed = data
            .review_draft(handle, &order.code)
            .await
            .map_err(unavailable)?;
        Ok(ReviewForm {
            product_name: line.product_name,
            variant: line.variant_title,
            existing,
            typed,
            suggested_name: reviews::suggested_name(
                &order.billing.as_ref().unwrap_or(&order.address).name,
            ),
        })
    }

    pub async fn write(
        code: &str,
        token: &str,
        handle: &str,
        [stars, title, text, name]: [&str; 4],
        edit: bool,
    ) -> Result<Standing, ApiError> {
        let (order, line) = bought(code, token, handle).await?;
        let data = context::storefront()?;
        // A refused form keeps what was typed for the form to show again: without JavaScript
        // the browser has already left the page.
        let draft = match reviews::check(stars, title, text, name) {
            Ok(d) => d,
            Err((field, p)) => {
                let typed = [stars, title, text, name].map(str::to_string);
                data.keep_review_draft(handle, &order.code, typed)
                    .await
                    .map_err(unavailable)?;
                return Err(ApiError::field(field, Problem::Review(p)));
            }
        };
        let existing = data
            .review_by_order(handle, &order.code)
            .await
            .map_err(unavailable)?;
        if existing.is_some() && !edit {
            return Err(refused(ReviewProblem::AlreadyReviewed));
        }
        // A short "Great tee, love it" is written by many honest buyers alike; a paragraph
        // pasted under many products is not.
        let again = draft.text.chars().count() >= PASTED_FROM
            && data
                .same_text_elsewhere(&draft.text, &order.code)
                .await
                .map_err(unavailable)?;
        let standing = if reviews::looks_like_spam(&draft, again) {
            Standing::Held
        } else if context::reviews_moderated() {
            Standing::Pending
        } else {
            Standing::Published
        };
        data.drop_review_draft(handle, &order.code)
            .await
            .map_err(unavailable)?;
        if existing.is_some() {
            data.edit_review(handle, &order.code, draft, standing)
                .await
                .map_err(unavailable)?;
            return Ok(standing);
        }
        data.add_review(NewReview {
            product: handle.to_string(),
            order_code: order.code,
            variant: line.variant_title,
            draft,
            lang: crate::words::current().code().to_string(),
            standing,
            helpful: 0,
            at: crate::api::clock::now(),
        })
        .await
        .map_err(unavailable)?
        .map_err(refused)?;
        Ok(standing)
    }

    pub async fn delete(code: &str, token: &str, handle: &str) -> Result<(), ApiError> {
        let (order, _) = bought(code, token, handle).await?;
        context::storefront()?
            .delete_review(handle, &order.code)
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    pub async fn vote(id: &str, vote: Vote) -> Result<(), ApiError> {
        let id = id
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or(ApiError::Invalid(Problem::Unreadable))?;
        let client = format!("vote:{}", crate::api::client::client_key().await);
        if !context::votes()?.allow(&[&client]).await? {
            return Err(ApiError::RateLimited);
        }
        let voter = voter(true).ok_or(ApiError::Unavailable)?;
        context::storefront()?
            .vote(id, &voter, vote)
            .await
            .map_err(unavailable)?
            .map_err(refused)
    }

    /// The shopper's voter id from the store's cookie; `make`: a new one (set on the reply)
    /// when there is none.
    fn voter(make: bool) -> Option<String> {
        let known = crate::api::signed_cookie::read::<String>(VOTER_COOKIE)
            .filter(|v| crate::hex::could_be_random::<16>(v));
        match known {
            Some(v) => Some(v),
            None if make => {
                let v = crate::hex::random::<16>();
                crate::api::signed_cookie::write(VOTER_COOKIE, &v, VOTER_MAX_AGE);
                Some(v)
            }
            None => None,
        }
    }
}
