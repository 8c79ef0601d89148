//! The checkout's costs as its page draws them (`checkout/shown`): what the page puts in place
//! when the shopper picks a delivery option or applies a code, so it must be what the order
//! then charges.

use crate::common;

use common::{cart_with_item, TestStore, CHECKOUT_FORM};

/// The checkout's costs with `shipping` chosen, for the cart in `cookie`: the summary's HTML,
/// the Place order button's total, and each option's price.
async fn shown(t: &TestStore, cookie: &str, shipping: &str) -> (String, String, Vec<String>) {
    let r = t
        .call(
            "checkout/shown",
            &format!("shipping={shipping}"),
            Some(cookie),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.header("content-type").starts_with("text/plain"));
    let mut parts = common::text_parts(&r.body);
    assert!(parts.len() >= 3, "{}", r.body);
    let summary = parts.remove(0);
    let total = parts.remove(0);
    (summary, total, parts)
}

/// The amount in a "$12.34"-like text, in cents.
fn cents(text: &str) -> i64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap()
}

#[test]
fn another_delivery_option_is_priced_as_the_order_charges_it() {
    common::run(async {
        let t = TestStore::new("shown-checkout");
        let cookie = cart_with_item(&t).await;
        let (standard_summary, standard_total, prices) = shown(&t, &cookie, "standard").await;
        let (express_summary, express_total, same_prices) = shown(&t, &cookie, "express").await;
        assert_eq!(
            prices, same_prices,
            "each option's price is the same whichever is chosen"
        );
        assert_eq!(prices.len(), 2, "{prices:?}");
        assert_eq!(prices[0], "$4.95");
        assert_eq!(prices[1], "$12.95");
        assert!(standard_total.starts_with(" · $"), "{standard_total}");
        // Express costs $8.00 more, and tax is on shipping too.
        let more = cents(&express_total) - cents(&standard_total);
        assert_eq!(
            more,
            800 + (800 * 8 + 50) / 100,
            "{standard_total} → {express_total}"
        );
        assert!(standard_summary.contains("data-testid=\"checkout-total\""));
        assert!(express_summary.contains(&express_total[" · ".len()..]));
        assert!(
            !standard_summary.contains("<script"),
            "a drawing, nothing to run"
        );

        // What the page showed for express is what the order charges.
        let form = CHECKOUT_FORM.replace("shipping=standard", "shipping=express");
        let order = t.placed_order(&t.place(&cookie, &form, 1).await).await;
        assert_eq!(order.totals.total.minor, cents(&express_total));
    })
}

#[test]
fn an_applied_code_is_in_the_summary_drawn_again() {
    common::run(async {
        let t = TestStore::new("shown-coupon");
        let cookie = cart_with_item(&t).await;
        let (summary, before_total, _) = shown(&t, &cookie, "standard").await;
        assert!(
            summary.contains("action=\"/api/checkout/coupon\""),
            "the code box"
        );
        let r = t
            .call("checkout/coupon", "code=WELCOME10", Some(&cookie))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let (summary, after_total, _) = shown(&t, &cookie, "standard").await;
        assert!(
            summary.contains("data-testid=\"coupon-applied\""),
            "{summary}"
        );
        assert!(
            summary.contains("data-testid=\"checkout-discount\""),
            "{summary}"
        );
        assert!(summary.contains("action=\"/api/checkout/coupon/remove\""));
        assert!(cents(&after_total) < cents(&before_total));
    })
}

#[test]
fn a_shipping_name_that_is_not_one_is_refused() {
    common::run(async {
        let t = TestStore::new("shown-refused");
        let cookie = cart_with_item(&t).await;
        let long = "x".repeat(40);
        let r = t
            .call("checkout/shown", &format!("shipping={long}"), Some(&cookie))
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.error().field_name(), Some("shipping"));
    })
}
