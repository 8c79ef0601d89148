//! Reviews from verified buyers, through the server functions and pages a shopper uses: only a
//! delivered order's link may review what it bought, once; bad input is refused with a reason
//! and changes nothing; votes count once per shopper; the product page, its JSON-LD and the
//! cards show what published reviews add up to; moderation and reports hold reviews back.

use crate::common;

use common::{cart_with_item, TestStore, ADMIN_TOKEN};
use vitrine::api::reviews::{ProductReviews, ReviewForm};
use vitrine::api::ApiError;
use vitrine::commerce::reviews::{ReviewProblem, Standing};
use vitrine::words::Problem;

const TEE: &str = "everyday-crew-tee";

/// A guest's order of the tee, delivered; returns (code, token).
async fn delivered(t: &TestStore, attempt: u32) -> (String, String) {
    let cookie = cart_with_item(t).await;
    let (code, token) = t
        .place(&cookie, common::CHECKOUT_FORM, attempt)
        .await
        .order_link();
    // Packed, shipped, out for delivery, delivered.
    for _ in 0..4 {
        let r = t
            .admin(&format!("/admin/orders/{code}/advance"), ADMIN_TOKEN)
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    (code, token)
}

/// Form-encoded, as a browser sends it.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn form(code: &str, token: &str, stars: &str, title: &str, text: &str) -> String {
    format!(
        "code={code}&token={token}&handle={TEE}&stars={stars}&title={}&text={}&name=Ada+L.",
        encode(title),
        encode(text)
    )
}

async fn reviews(t: &TestStore, query: &str) -> ProductReviews {
    t.call("reviews/product", &format!("handle={TEE}&{query}"), None)
        .await
        .json()
}

fn review_problem(e: ApiError) -> ReviewProblem {
    match e {
        ApiError::Invalid(Problem::Review(p)) => p,
        ApiError::Field {
            problem: Problem::Review(p),
            ..
        } => p,
        other => panic!("not a review problem: {other:?}"),
    }
}

#[test]
fn a_buyer_reviews_a_delivered_product_once_and_it_shows_on_the_product_and_its_card() {
    common::run(async {
        let t = TestStore::new("reviews");
        let before = reviews(&t, "").await.rating;
        let (code, token) = delivered(&t, 1).await;

        let f: ReviewForm = t
            .call(
                "reviews/form",
                &format!("code={code}&token={token}&handle={TEE}"),
                None,
            )
            .await
            .json();
        assert_eq!(
            f.suggested_name, "Ada L.",
            "the order's name, first name and initial"
        );
        assert!(f.existing.is_none());

        let text = "Soft, warm and the colour is exactly as pictured.\n\nWashed well too.";
        let r = t
            .call(
                "reviews/write",
                &form(&code, &token, "5", "Lovely tee", text),
                None,
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.json::<Standing>(), Standing::Published);

        let page = reviews(&t, "order=newest").await;
        assert_eq!(page.rating.count(), before.count() + 1);
        assert_eq!(page.rating.by_stars[4], before.by_stars[4] + 1);
        let mine = &page.reviews[0];
        assert_eq!(
            (mine.title.as_str(), mine.stars, mine.name.as_str()),
            ("Lovely tee", 5, "Ada L.")
        );
        assert_eq!(
            mine.text,
            "Soft, warm and the colour is exactly as pictured.\n\nWashed well too."
        );
        assert!(!mine.variant.is_empty(), "the variant bought is shown");

        // A second review of the same order is refused; the first stays as it was.
        let again = t
            .call(
                "reviews/write",
                &form(
                    &code,
                    &token,
                    "1",
                    "Changed my mind",
                    "Not so good after all.",
                ),
                None,
            )
            .await;
        assert_eq!(
            review_problem(again.error()),
            ReviewProblem::AlreadyReviewed
        );
        assert_eq!(reviews(&t, "").await.rating, page.rating);

        // The product page shows it, with the rating in its JSON-LD.
        let html = t
            .get(&format!("/p/{TEE}?review_order=newest"), None)
            .await
            .body;
        assert!(html.contains("Lovely tee") && html.contains("Verified purchase"));
        assert!(
            html.contains("\"@type\":\"AggregateRating\""),
            "JSON-LD rating"
        );
        assert!(html.contains(&format!("\"reviewCount\":{}", page.rating.count())));
        assert!(html.contains("Rated "), "stars are read out as words");

        // The category's card carries the average and count.
        let listing = t.get("/c/t-shirts", None).await.body;
        let card = listing
            .split("data-testid=\"card-rating\"")
            .nth(1)
            .expect("a rated card");
        assert!(card.contains("Rated "));

        // The buyer edits it, then deletes it.
        let edited = t
            .call(
                "reviews/write",
                &format!(
                    "{}&edit=1",
                    form(&code, &token, "4", "Lovely tee, runs small", text)
                ),
                None,
            )
            .await;
        assert_eq!(edited.json::<Standing>(), Standing::Published);
        let now = reviews(&t, "order=newest").await;
        assert_eq!(now.rating.count(), page.rating.count());
        assert_eq!(now.reviews[0].title, "Lovely tee, runs small");
        assert_eq!(now.reviews[0].stars, 4);
        let gone = t
            .call(
                "reviews/delete",
                &format!("code={code}&token={token}&handle={TEE}"),
                None,
            )
            .await;
        assert_eq!(gone.status, 200, "{}", gone.body);
        assert_eq!(reviews(&t, "").await.rating, before);
    })
}

#[test]
fn a_shopper_who_did_not_buy_it_or_has_not_received_it_is_refused() {
    common::run(async {
        let t = TestStore::new("reviews-refused");
        let before = reviews(&t, "").await;
        let (code, token) = delivered(&t, 1).await;
        // The order holds the tee, not the mug.
        let other = form(&code, &token, "5", "Great", "Great mug, keeps coffee warm.")
            .replace(TEE, "stoneware-mug");
        assert_eq!(
            review_problem(t.call("reviews/write", &other, None).await.error()),
            ReviewProblem::NotBought
        );

        // A forged or borrowed token reads as no order at all.
        let forged = form(
            &code,
            "0123456789abcdef0123456789abcdef",
            "5",
            "Great",
            "A perfectly fine tee.",
        );
        assert!(matches!(
            t.call("reviews/write", &forged, None).await.error(),
            ApiError::NotFound(_)
        ));

        // Not delivered yet.
        let cookie = cart_with_item(&t).await;
        let (fresh, fresh_token) = t
            .place(&cookie, common::CHECKOUT_FORM, 2)
            .await
            .order_link();
        let early = form(&fresh, &fresh_token, "5", "Great", "A perfectly fine tee.");
        assert_eq!(
            review_problem(t.call("reviews/write", &early, None).await.error()),
            ReviewProblem::NotDelivered
        );
        assert_eq!(reviews(&t, "").await, before, "nothing was kept");
        let mug: ProductReviews = t
            .call("reviews/product", "handle=stoneware-mug", None)
            .await
            .json();
        assert!(mug.reviews.iter().all(|r| r.title != "Great"));
    })
}

#[test]
fn bad_input_gets_a_reason_beside_its_field_and_changes_nothing() {
    common::run(async {
        let t = TestStore::new("reviews-bad");
        let (code, token) = delivered(&t, 1).await;
        let before = reviews(&t, "").await;
        let long = "a long review ".repeat(1_500);
        let cases = [
            (
                form(&code, &token, "6", "Six", "Better than the best."),
                "stars",
                ReviewProblem::Stars,
            ),
            (
                form(&code, &token, "", "None", "I chose no stars at all."),
                "stars",
                ReviewProblem::Stars,
            ),
            (
                form(&code, &token, "5", "Long", &long),
                "text",
                ReviewProblem::TextTooLong { max: 4_000 },
            ),
            (
                form(
                    &code,
                    &token,
                    "5",
                    "Script",
                    "<script>alert('x')</script> nice",
                ),
                "text",
                ReviewProblem::Markup,
            ),
            (
                form(&code, &token, "5", "<b>Bold</b>", "A perfectly fine tee."),
                "title",
                ReviewProblem::Markup,
            ),
            (
                form(&code, &token, "5", "Short", "ok"),
                "text",
                ReviewProblem::TextTooShort { min: 10 },
            ),
        ];
        for (body, field, problem) in cases {
            let e = t.call("reviews/write", &body, None).await.error();
            assert_eq!(e.field_name(), Some(field), "{e:?}");
            assert_eq!(review_problem(e.clone()), problem);
            assert!(!e.to_string().is_empty());
        }
        assert_eq!(reviews(&t, "").await, before, "nothing was kept");
        // What was typed last comes back in the form, so nothing typed is lost.
        let f: ReviewForm = t
            .call(
                "reviews/form",
                &format!("code={code}&token={token}&handle={TEE}"),
                None,
            )
            .await
            .json();
        assert_eq!(f.typed.as_ref().map(|t| t[2].as_str()), Some("ok"));
        // Once a review is kept, the draft is gone.
        t.call(
            "reviews/write",
            &form(&code, &token, "5", "Fine", "A perfectly fine tee."),
            None,
        )
        .await;
        let f: ReviewForm = t
            .call(
                "reviews/form",
                &format!("code={code}&token={token}&handle={TEE}"),
                None,
            )
            .await
            .json();
        assert!(f.typed.is_none());
        assert_eq!(f.existing.map(|(d, _)| d.title), Some("Fine".into()));
    })
}

#[test]
fn helpful_votes_count_once_per_shopper_and_a_flood_is_stopped() {
    common::run(async {
        let t = TestStore::new("reviews-votes");
        let top = reviews(&t, "").await.reviews.into_iter().next();
        let top = top.expect("the seeded store has reviews of the tee");
        let vote = |cookie: Option<String>| {
            let t = &t;
            let id = top.id;
            async move {
                t.call("reviews/helpful", &format!("id={id}"), cookie.as_deref())
                    .await
            }
        };
        let first = vote(None).await;
        assert_eq!(first.status, 200, "{}", first.body);
        let me = first.cookie("vitrine_voter").expect("a voter cookie");
        assert!(first.header("set-cookie").contains("HttpOnly"));
        let counted = |page: ProductReviews| {
            page.reviews
                .iter()
                .find(|r| r.id == top.id)
                .unwrap()
                .helpful
        };
        let after = reviews(&t, "").await;
        assert_eq!(counted(after), top.helpful + 1);
        assert_eq!(
            review_problem(vote(Some(me.clone())).await.error()),
            ReviewProblem::AlreadyVoted
        );
        // Nonsense ids are refused with a reason.
        let e = t.call("reviews/helpful", "id=abc", None).await.error();
        assert_eq!(e, ApiError::Invalid(Problem::Unreadable));
        // A script clearing its cookie to vote again is stopped per address.
        let mut limited = false;
        for _ in 0..40 {
            let r = vote(None).await;
            if r.status != 200 && r.error() == ApiError::RateLimited {
                limited = true;
                break;
            }
        }
        assert!(limited, "the vote flood was never limited");
        assert!(counted(reviews(&t, "").await) <= top.helpful + 31);
    })
}

#[test]
fn with_moderation_a_review_waits_for_approval_and_reports_queue_it_for_a_look() {
    common::run(async {
        let t = TestStore::configured("reviews-moderated", |s| s.with_review_moderation(true));
        let (code, token) = delivered(&t, 1).await;
        let before = reviews(&t, "").await.rating;
        let r = t
            .call(
                "reviews/write",
                &form(
                    &code,
                    &token,
                    "3",
                    "Fine",
                    "A perfectly fine tee, nothing more.",
                ),
                None,
            )
            .await;
        assert_eq!(r.json::<Standing>(), Standing::Pending);
        assert_eq!(
            reviews(&t, "").await.rating,
            before,
            "not shown before approval"
        );

        let queue: Vec<serde_json::Value> = t.admin_get("/admin/reviews").await.json();
        let waiting = queue
            .iter()
            .find(|r| r["order"] == code.as_str())
            .expect("queued");
        let id = waiting["id"].as_i64().unwrap();
        assert_eq!(
            t.admin(
                &format!("/admin/reviews/{id}/approve"),
                "wrong-token-wrong-token-00"
            )
            .await
            .status,
            401
        );
        assert_eq!(
            t.admin(&format!("/admin/reviews/{id}/approve"), ADMIN_TOKEN)
                .await
                .status,
            200
        );
        let shown = reviews(&t, "").await.rating;
        assert_eq!(shown.count(), before.count() + 1);
        assert_eq!(shown.by_stars[2], before.by_stars[2] + 1);

        // Reports queue it; three take it down until the owner looks again.
        for n in 0..3 {
            let r = t.call("reviews/report", &format!("id={id}"), None).await;
            assert_eq!(r.status, 200, "report {n}: {}", r.body);
        }
        let queue: Vec<serde_json::Value> = t.admin_get("/admin/reviews").await.json();
        let reported = queue
            .iter()
            .find(|r| r["id"] == id)
            .expect("reported reviews are queued");
        assert_eq!(reported["standing"], "held");
        assert_eq!(reviews(&t, "").await.rating, before);
        assert_eq!(
            t.admin(&format!("/admin/reviews/{id}/reject"), ADMIN_TOKEN)
                .await
                .status,
            200
        );
        assert_eq!(reviews(&t, "").await.rating, before);
    })
}

#[test]
fn spam_is_held_without_asking() {
    common::run(async {
        let t = TestStore::new("reviews-spam");
        let (code, token) = delivered(&t, 1).await;
        let spam = form(
            &code,
            &token,
            "5",
            "Deals",
            "https://cheap.example https://cheap.example/2",
        );
        assert_eq!(
            t.call("reviews/write", &spam, None)
                .await
                .json::<Standing>(),
            Standing::Held
        );
        let queue: Vec<serde_json::Value> = t.admin_get("/admin/reviews").await.json();
        assert!(queue
            .iter()
            .any(|r| r["order"] == code.as_str() && r["standing"] == "held"));

        // A paragraph another order already sent (here, one of the seeded reviews) is held as
        // pasted; a short line many buyers write alike is not.
        let (second, second_token) = delivered(&t, 2).await;
        let pasted = form(
            &second,
            &second_token,
            "5",
            "Sturdy",
            "Sturdy, well made and it feels like it will last for years. Worth every penny.",
        );
        let (third, third_token) = delivered(&t, 3).await;
        let short = |code: &str, token: &str| form(code, token, "5", "Nice", "Great tee, love it.");
        assert_eq!(
            t.call("reviews/write", &pasted, None)
                .await
                .json::<Standing>(),
            Standing::Held
        );
        assert_eq!(
            t.call("reviews/write", &short(&third, &third_token), None)
                .await
                .json::<Standing>(),
            Standing::Published
        );
        let (fourth, fourth_token) = delivered(&t, 4).await;
        assert_eq!(
            t.call("reviews/write", &short(&fourth, &fourth_token), None)
                .await
                .json::<Standing>(),
            Standing::Published,
            "the same short line from another buyer"
        );
    })
}

#[test]
fn the_seeded_store_has_reviews_from_its_own_orders_in_every_language_and_pages_of_them() {
    common::run(async {
        let t = TestStore::new("reviews-seeded");
        let page = reviews(&t, "").await;
        assert!(page.rating.count() >= 2, "{:?}", page.rating);
        // Sorted by most helpful by default, newest on asking.
        let helpful: Vec<u32> = page.reviews.iter().map(|r| r.helpful).collect();
        assert!(helpful.windows(2).all(|w| w[0] >= w[1]), "{helpful:?}");
        let newest = reviews(&t, "order=newest").await;
        let at: Vec<i64> = newest.reviews.iter().map(|r| r.at).collect();
        assert!(at.windows(2).all(|w| w[0] >= w[1]), "{at:?}");
        // Filtered by stars.
        let five = reviews(&t, "stars=5").await;
        assert!(five.reviews.iter().all(|r| r.stars == 5));
        assert_eq!(five.matching as u32, page.rating.by_stars[4]);
        // Every language has some, somewhere in the store.
        let html = t.get("/", None).await.body;
        assert!(
            html.contains("data-testid=\"card-rating\""),
            "home's cards show ratings"
        );
        let mut langs = std::collections::HashSet::new();
        for handle in [
            "everyday-crew-tee",
            "stoneware-mug",
            "heavyweight-pocket-tee",
            "organic-boxy-tee",
            "washed-ringer-tee",
        ] {
            let p: ProductReviews = t
                .call("reviews/product", &format!("handle={handle}&page=1"), None)
                .await
                .json();
            for r in p.reviews {
                langs.insert(r.lang);
            }
        }
        assert!(langs.len() >= 2, "{langs:?}");

        // A category sorted by rating, four stars and up: only rated cards, best first.
        let html = t
            .get("/c/t-shirts?sort=top-rated&rating=4", None)
            .await
            .body;
        let averages: Vec<f64> = html
            .split("data-testid=\"card-rating\"")
            .skip(1)
            .map(|card| {
                let said = card.split("aria-label=\"Rated ").nth(1).unwrap();
                said.split(' ').next().unwrap().parse().unwrap()
            })
            .collect();
        let cards = html.matches("class=\"card\"").count()
            + html.matches("class=\"card card--sold-out\"").count();
        assert!(!averages.is_empty());
        assert_eq!(averages.len(), cards, "every card kept is rated");
        assert!(averages.iter().all(|a| *a >= 4.0), "{averages:?}");
        assert!(html.contains("4 stars &amp; up") || html.contains("4 stars & up"));
    })
}
