//! Checkout through the server functions: a guest places an order with one POST, a replay
//! places nothing more, bad input is named field by field, and only the signed link opens
//! the order.

use crate::common;

use common::{cart_with_item, TestStore};
use vitrine::api::orders::TrackedOrder;
use vitrine::api::ApiError;
use vitrine::commerce::backend::Commerce;

const GOOD: &str = common::CHECKOUT_FORM;

fn attempt(n: u8) -> String {
    format!("{:032x}", u128::from(n) + 0xabc)
}

fn with(field: &str, value: &str) -> String {
    GOOD.split('&')
        .map(|kv| {
            if kv.starts_with(&format!("{field}=")) {
                format!("{field}={value}")
            } else {
                kv.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[test]
fn a_guest_places_one_order_however_often_the_form_is_sent() {
    common::run(async {
        let t = TestStore::new("checkout");
        let cookie = cart_with_item(&t).await;
        let body = format!("{GOOD}&attempt={}", attempt(1));

        let first = t.call("checkout/place", &body, Some(&cookie)).await;
        assert_eq!(first.status, 200, "{}", first.body);
        let location = first.header("location");
        assert!(
            location.starts_with("/orders/VT-") && location.contains("?t="),
            "{location}"
        );
        // Double click / replayed POST: same attempt, same order.
        let second = t.call("checkout/place", &body, Some(&cookie)).await;
        assert_eq!(second.header("location"), location);

        let (code, token) = location
            .trim_start_matches("/orders/")
            .split_once("?t=")
            .unwrap();
        let order = t
            .call("orders/get", &format!("code={code}&token={token}"), None)
            .await
            .json::<TrackedOrder>()
            .order;
        assert_eq!(order.email, "ada@example.com");
        assert_eq!(order.lines.len(), 1);
        assert_eq!(
            order.totals.total.minor,
            order.totals.subtotal.minor + order.totals.shipping.minor + order.totals.tax.minor
        );
        assert!(format!("{:?}", order.payment).contains("4242"));
        assert!(
            !format!("{:?}", order.payment).contains("4242 4242"),
            "the card number is never kept"
        );
        assert!(t
            .store
            .cart(cookie.trim_start_matches("vitrine_cart="))
            .await
            .unwrap()
            .is_empty());

        // The confirmation page renders for the link holder.
        let page = t.get(&location, None).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(code) && page.body.contains("London"));
    })
}

#[test]
fn bad_input_is_named_by_field_and_places_nothing() {
    common::run(async {
        let t = TestStore::new("checkout-bad");
        let cookie = cart_with_item(&t).await;
        let cases = [
            (with("email", "not-an-email"), "email"),
            (with("name", ""), "name"),
            (with("postcode", ""), "postcode"),
            (with("postcode", "%3Cb%3E"), "postcode"),
            (with("country", "XX"), "country"),
            (with("card_number", "4242+4242+4242+4241"), "card_number"),
            (with("card_expiry", "01%2F20"), "card_expiry"),
            (with("card_cvc", "1"), "card_cvc"),
        ];
        for (i, (body, field)) in cases.iter().enumerate() {
            let r = t
                .call(
                    "checkout/place",
                    &format!("{body}&attempt={}", attempt(10 + i as u8)),
                    Some(&cookie),
                )
                .await;
            match r.error() {
                e @ ApiError::Field { .. } => {
                    assert!(
                        matches!(&e, ApiError::Field { field: f, .. } if f == field),
                        "{body}"
                    );
                    assert!(!e.to_string().is_empty());
                }
                other => panic!("{field}: expected a field error, got {other:?}"),
            }
        }
        let declined = with("card_number", "4000000000000002");
        let r = t
            .call(
                "checkout/place",
                &format!("{declined}&attempt={}", attempt(30)),
                Some(&cookie),
            )
            .await;
        let declined = r.error();
        assert_eq!(
            declined,
            ApiError::Payment(vitrine::commerce::checkout::Decline::Declined)
        );
        assert!(declined.to_string().contains("declined"));
        // Nothing was ordered: the cart still holds its line.
        assert_eq!(
            t.store
                .cart(cookie.trim_start_matches("vitrine_cart="))
                .await
                .unwrap()
                .item_count,
            1
        );
    })
}

#[test]
fn an_order_opens_only_with_its_signed_link() {
    common::run(async {
        let t = TestStore::new("checkout-link");
        let cookie = cart_with_item(&t).await;
        let r = t
            .call(
                "checkout/place",
                &format!("{GOOD}&attempt={}", attempt(2)),
                Some(&cookie),
            )
            .await;
        let location = r.header("location");
        let (code, token) = location
            .trim_start_matches("/orders/")
            .split_once("?t=")
            .unwrap();
        for (c, tok) in [
            (code, "0".repeat(32).as_str()),
            (code, ""),
            ("VT-NOSUCHORD", token),
        ] {
            let r = t
                .call("orders/get", &format!("code={c}&token={tok}"), None)
                .await;
            assert_eq!(
                r.error(),
                ApiError::NotFound(vitrine::commerce::Thing::Order),
                "{c} {tok}"
            );
        }
        assert_eq!(t.get(&format!("/orders/{code}"), None).await.status, 404);
    })
}
