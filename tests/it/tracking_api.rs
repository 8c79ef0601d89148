//! Following an order after checkout: the admin endpoint moves it along and the tracking data
//! shows every step; a guest finds it by number and email without learning whether other
//! orders exist; a store outage while placing loses nothing and places nothing twice.

use crate::common;

use common::{cart_with_item, TestStore, ADMIN_TOKEN};
use vitrine::api::orders::TrackedOrder;
use vitrine::api::ApiError;
use vitrine::commerce::backend::Commerce;
use vitrine::commerce::OrderStatus;

const GOOD: &str = common::CHECKOUT_FORM;

/// Places an order and returns (code, signed token).
async fn place(t: &TestStore, attempt: u32) -> (String, String) {
    let cookie = cart_with_item(t).await;
    t.place(&cookie, GOOD, attempt).await.order_link()
}

async fn tracked(t: &TestStore, code: &str, token: &str) -> TrackedOrder {
    t.call("orders/get", &format!("code={code}&token={token}"), None)
        .await
        .json()
}

#[test]
fn the_admin_endpoint_moves_an_order_through_every_step_and_no_further() {
    common::run(async {
        let t = TestStore::new("track");
        let (code, token) = place(&t, 1).await;
        let start = tracked(&t, &code, &token).await.order;
        assert_eq!(
            start.status,
            OrderStatus::Paid,
            "a card order is paid at once"
        );
        assert_eq!(start.events.len(), 2);
        assert!(start.shipment.is_none());

        let advance = format!("/admin/orders/{code}/advance");
        assert_eq!(
            t.admin(&advance, "wrong-token-wrong-token-00").await.status,
            401
        );
        assert_eq!(
            tracked(&t, &code, &token).await.order.status,
            OrderStatus::Paid
        );

        for expected in [
            OrderStatus::Packed,
            OrderStatus::Shipped,
            OrderStatus::OutForDelivery,
            OrderStatus::Delivered,
        ] {
            let r = t.admin(&advance, ADMIN_TOKEN).await;
            assert_eq!(r.status, 200, "{}", r.body);
            let order = tracked(&t, &code, &token).await.order;
            assert_eq!(order.status, expected);
            assert_eq!(order.events.last().unwrap().status, expected);
        }
        let done = tracked(&t, &code, &token).await.order;
        assert_eq!(done.events.len(), 6, "one timed event per step");
        let shipment = done.shipment.expect("a carrier once shipped");
        assert!(shipment.tracking_number.starts_with("PW"));

        let r = t.admin(&advance, ADMIN_TOKEN).await;
        assert_eq!(r.status, 409, "nothing after delivered but a refund");
        let r = t
            .admin(&format!("{advance}?to=cancelled"), ADMIN_TOKEN)
            .await;
        assert_eq!(r.status, 409, "a delivered order cannot be cancelled");
        let r = t
            .admin(&format!("{advance}?to=refunded"), ADMIN_TOKEN)
            .await;
        assert_eq!(r.status, 200);
        assert_eq!(
            t.admin("/admin/orders/VT-NOSUCH/advance", ADMIN_TOKEN)
                .await
                .status,
            404
        );
    })
}

/// What an open tracking page asks every few seconds: the order drawn as the page draws it,
/// with a stamp that changes when the drawing does, and whether to keep asking.
#[test]
fn an_open_tracking_page_gets_the_order_drawn_as_its_page_draws_it() {
    common::run(async {
        let t = TestStore::new("track-shown");
        let (code, token) = place(&t, 1).await;
        let shown = |code: String, token: String| {
            let t = &t;
            async move {
                let r = t
                    .call("orders/shown", &format!("code={code}&token={token}"), None)
                    .await;
                assert_eq!(r.status, 200, "{}", r.body);
                common::text_parts(&r.body)
            }
        };
        let page = t.get(&format!("/orders/{code}?t={token}"), None).await;
        let first = shown(code.clone(), token.clone()).await;
        assert_eq!(first.len(), 3);
        assert_eq!(first[0], "1", "a paid order can still change: keep asking");
        assert!(
            page.body.contains(&format!(r#"data-stamp="{}""#, first[1])),
            "the page was drawn with the same stamp"
        );
        assert!(first[2].contains(r#"data-status="paid""#), "{}", first[2]);
        assert!(first[2].contains(&code));
        let again = shown(code.clone(), token.clone()).await;
        assert_eq!(again[1], first[1], "nothing changed, same stamp");

        let advance = format!("/admin/orders/{code}/advance");
        for _ in 0..4 {
            assert_eq!(t.admin(&advance, ADMIN_TOKEN).await.status, 200);
        }
        let delivered = shown(code.clone(), token.clone()).await;
        assert_ne!(delivered[1], first[1], "a new drawing, a new stamp");
        assert!(delivered[2].contains(r#"data-status="delivered""#));
        assert_eq!(delivered[0], "0", "a delivered order stops the asking");

        // A wrong token learns nothing, as with `orders/get`.
        let r = t
            .call("orders/shown", &format!("code={code}&token=x{token}"), None)
            .await;
        assert_eq!(r.status, 404, "{}", r.body);
        assert!(!r.body.contains("data-status"));
    })
}

#[test]
fn a_guest_finds_an_order_by_number_and_email_and_a_guesser_learns_nothing() {
    common::run(async {
        let t = TestStore::new("lookup");
        let (code, token) = place(&t, 2).await;

        // Case and spacing do not matter, nor does leaving off "VT-".
        let bare = code.trim_start_matches("VT-").to_lowercase();
        let r = t
            .call(
                "orders/lookup",
                &format!("code=+{bare}+&email=+ada%40EXAMPLE.com"),
                None,
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.header("location"), format!("/orders/{code}?t={token}"));

        let wrong_email = t
            .call(
                "orders/lookup",
                &format!("code={code}&email=eve%40example.com"),
                None,
            )
            .await;
        assert_eq!(wrong_email.status, 422, "a shopper's mistake is not a 500");
        let wrong_email = wrong_email.error();
        let no_such_order = t
            .call(
                "orders/lookup",
                "code=VT-AAAAAAAA&email=ada%40example.com",
                None,
            )
            .await
            .error();
        assert_eq!(
            wrong_email,
            ApiError::Invalid(vitrine::words::Problem::LookupNotFound)
        );
        assert!(wrong_email.to_string().contains("couldn't find"));
        assert_eq!(wrong_email, no_such_order, "the same answer either way");

        // Ten tries per order number in ten minutes, then a clear refusal, even with the
        // right email.
        let mut refused = None;
        for i in 0..12 {
            let r = t
                .call(
                    "orders/lookup",
                    &format!("code={code}&email=guess{i}%40example.com"),
                    None,
                )
                .await;
            if r.error() == ApiError::RateLimited {
                refused = Some(i);
                break;
            }
        }
        assert!(refused.is_some(), "guessing is rate limited");
        let r = t
            .call(
                "orders/lookup",
                &format!("code={code}&email=ada%40example.com"),
                None,
            )
            .await;
        assert_eq!(r.status, 429);
        assert_eq!(r.error(), ApiError::RateLimited);
    })
}

#[test]
fn an_outage_while_placing_keeps_the_cart_and_the_retry_places_one_order() {
    common::run(async {
        let t = TestStore::new("outage");
        let cookie = cart_with_item(&t).await;
        let body = format!("{GOOD}&attempt={:032x}", 99);
        t.store.fail_next_placements(1);
        let failed = t.call("checkout/place", &body, Some(&cookie)).await;
        assert_eq!(failed.status, 503, "an outage is the server's fault");
        assert_eq!(failed.error(), ApiError::Unavailable);
        let token = cookie.trim_start_matches("vitrine_cart=");
        assert_eq!(
            t.store.cart(token).await.unwrap().item_count,
            1,
            "cart intact"
        );

        let retried = t.call("checkout/place", &body, Some(&cookie)).await;
        let location = retried.header("location");
        assert!(location.starts_with("/orders/VT-"), "{}", retried.body);
        // The shopper, unsure, sends it once more: still the one order.
        let again = t.call("checkout/place", &body, Some(&cookie)).await;
        assert_eq!(again.header("location"), location);
        let page = t.get(&location, None).await;
        assert!(page.body.contains("Payment received"), "timeline rendered");
    })
}
