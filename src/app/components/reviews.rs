//! A product's reviews as the product page shows them: the average, the count and how the
//! stars are spread; then one page of reviews, sorted and filtered by links that keep it all in
//! the address. Votes and reports are plain forms. Drawn on the server only.

use super::pagination::Pagination;
use super::stars::Stars;
use crate::api::reviews::{MarkHelpful, ProductReviews, ReportReview, ShownReview};
use crate::app::components::field::FormErrors;
use crate::app::local;
use crate::commerce::checkout::Day;
use crate::commerce::reviews::{Rating, ReviewOrder, PER_PAGE};
use crate::w;
use leptos::prelude::*;

/// Where the reviews are: the product's address with the reviews' own parameters.
#[derive(Clone)]
pub struct ReviewsAt {
    pub handle: String,
    pub order: ReviewOrder,
    pub stars: Option<u8>,
    pub page: usize,
}

impl ReviewsAt {
    /// The address with `order`, `stars` and `page` changed.
    fn address(&self, order: ReviewOrder, stars: Option<u8>, page: usize) -> String {
        let mut query = Vec::new();
        if order != ReviewOrder::Helpful {
            query.push(format!("review_order={}", order.as_str()));
        }
        if let Some(s) = stars {
            query.push(format!("review_stars={s}"));
        }
        if page > 1 {
            query.push(format!("review_page={page}"));
        }
        let path = local(&format!("/p/{}", self.handle));
        if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }

    /// That address, landing on the reviews.
    fn href(&self, order: ReviewOrder, stars: Option<u8>, page: usize) -> String {
        format!("{}#reviews", self.address(order, stars, page))
    }

    /// This page itself, as a form's way back (no fragment: the server adds the review's).
    fn here(&self) -> String {
        self.address(self.order, self.stars, self.page)
    }
}

/// The stars, average and count beside a product's title: a link down to the reviews.
#[component]
pub fn RatingLink(rating: Rating) -> impl IntoView {
    rating.average_tenths().map(|tenths| {
        let count = rating.count();
        view! {
            <a class="rating-link" href="#reviews" data-testid="rating-link">
                <Stars tenths said=w!(rating_said)(tenths, count)/>
                <span aria-hidden="true">{w!(average)(tenths)} " · " {w!(reviews_count)(count)}</span>
            </a>
        }
    })
}

#[component]
pub fn ReviewsSection(
    at: ReviewsAt,
    reviews: ProductReviews,
    note: Option<&'static str>,
) -> impl IntoView {
    let helpful = ServerAction::<MarkHelpful>::new();
    let report = ServerAction::<ReportReview>::new();
    let errors = FormErrors::new(move || {
        helpful
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| report.value().get().and_then(Result::err))
    });
    let rating = reviews.rating;
    let pages = reviews.matching.div_ceil(PER_PAGE).max(1);
    let summary = rating.average_tenths().map(|tenths| {
        let count = rating.count();
        view! {
            <div class="reviews__summary" data-testid="reviews-summary">
                <p class="reviews__average">
                    <span class="reviews__score" aria-hidden="true">{w!(average)(tenths)}</span>
                    <Stars tenths said=w!(rating_said)(tenths, count)/>
                    <span class="reviews__count" aria-hidden="true">{w!(reviews_count)(count)}</span>
                </p>
                <ul class="reviews__spread">
                    {(1..=5u8).rev().map(|s| {
                        let n = rating.by_stars[usize::from(s) - 1];
                        view! {
                            <li>
                                <a href=at.href(at.order, Some(s), 1) aria-current=(at.stars == Some(s)).then_some("true")>{w!(stars_count)(s)}</a>
                                <meter min="0" max="100" value=rating.percent(s) aria-hidden="true"></meter>
                                <span class="reviews__spread-count">{w!(count)(n)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    let tools = (rating.count() > 0).then(|| {
        let sort_link = |order: ReviewOrder, label: &'static str| {
            view! {
                <li><a href=at.href(order, at.stars, 1) aria-current=(at.order == order).then_some("true")>{label}</a></li>
            }
        };
        view! {
            <div class="reviews__tools">
                <nav aria-label=w!(SORT_REVIEWS)>
                    <ul class="reviews__choices">
                        {sort_link(ReviewOrder::Helpful, w!(MOST_HELPFUL))}
                        {sort_link(ReviewOrder::Newest, w!(NEWEST))}
                    </ul>
                </nav>
                <nav aria-label=w!(FILTER_REVIEWS)>
                    <ul class="reviews__choices">
                        <li><a href=at.href(at.order, None, 1) aria-current=at.stars.is_none().then_some("true")>{w!(ALL_RATINGS)}</a></li>
                        {(1..=5u8).rev().map(|s| view! {
                            <li><a href=at.href(at.order, Some(s), 1) aria-current=(at.stars == Some(s)).then_some("true")>{w!(stars_count)(s)}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
            </div>
        }
    });
    let back = at.here();
    let list = if rating.count() == 0 {
        view! { <p class="reviews__none">{w!(NO_REVIEWS)}</p> }.into_any()
    } else if reviews.reviews.is_empty() {
        view! { <p class="reviews__none">{w!(NO_MATCHING_REVIEWS)}</p> }.into_any()
    } else {
        view! {
            <ol class="reviews__list" data-testid="reviews">
                {reviews.reviews.into_iter().map(|r| view! { <Review review=r back=back.clone()/> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let pager = at.clone();
    view! {
        <section class="reviews" id="reviews" aria-labelledby="reviews-title">
            <h2 id="reviews-title">{w!(REVIEWS)}</h2>
            {note.map(|n| view! { <p class="notice" role="status" data-testid="reviews-note">{n}</p> })}
            {move || errors.general().map(|m| view! { <p class="form-error" role="alert" data-testid="reviews-error">{m}</p> })}
            {summary}
            {tools}
            {list}
            <Pagination page=reviews.page as u32 pages=pages as u32 label=w!(REVIEW_PAGES)
                href=move |n: u32| pager.href(pager.order, pager.stars, n as usize)/>
        </section>
    }
}

#[component]
fn Review(review: ShownReview, back: String) -> impl IntoView {
    let r = review;
    let id = r.id.to_string();
    let anchor = format!("review-{id}");
    view! {
        <li class="review" id=anchor data-testid="review">
            <article lang=r.lang.clone()>
                <header class="review__header">
                    <Stars tenths=u32::from(r.stars) * 10 said=w!(stars_said)(r.stars)/>
                    <h3 class="review__title" dir="auto">{r.title}</h3>
                </header>
                <p class="review__by">
                    <span class="review__name" dir="auto">{r.name}</span>
                    " · "
                    <time>{w!(dated)(Day::from_unix(r.at))}</time>
                </p>
                <p class="review__verified">
                    <span aria-hidden="true">"✓ "</span>{w!(VERIFIED_PURCHASE)}
                    {(!r.variant.is_empty()).then(|| view! { " · " <span class="review__variant">{r.variant}</span> })}
                </p>
                // Plain text: each line a paragraph, nothing in it read as markup or a link; its
                // own direction (a Persian review on an English page reads right to left).
                <div class="review__text" dir="auto">
                    {r.text.split('\n').filter(|l| !l.is_empty()).map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                </div>
            </article>
            <div class="review__votes">
                {(r.helpful > 0).then(|| view! { <p class="review__helpful" data-testid="helpful-count">{w!(found_helpful)(r.helpful)}</p> })}
                <form method="post" action="/api/reviews/helpful">
                    <input type="hidden" name="id" value=id.clone()/>
                    <input type="hidden" name="back" value=back.clone()/>
                    <button class="button button--ghost button--small" type="submit" aria-pressed=if r.voted { "true" } else { "false" }
                        disabled=r.voted data-testid="helpful">
                        {if r.voted { w!(YOU_FOUND_HELPFUL) } else { w!(HELPFUL) }}
                    </button>
                </form>
                <form method="post" action="/api/reviews/report">
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="back" value=back/>
                    <button class="link-button review__report" type="submit">{w!(REPORT_REVIEW)}</button>
                </form>
            </div>
        </li>
    }
}
