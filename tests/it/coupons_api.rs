//! Discount codes through the server functions: each kind takes off what it says, before
//! tax; one that does not apply says why and changes nothing; the order keeps the discount.

use crate::common;

use common::{cart_with_item, TestStore, CHECKOUT_FORM};
use vitrine::api::ApiError;
use vitrine::commerce::backend::Commerce;
use vitrine::commerce::Cart;

fn coupon_error(r: &common::Reply) -> String {
    assert_eq!(r.status, 422, "{}", r.body);
    let e = r.error();
    let on_coupon = matches!(&e, ApiError::Field { field, .. } if field == "coupon");
    assert!(on_coupon, "expected a coupon field error, got {e:?}");
    e.to_string()
}

#[test]
fn a_percentage_code_comes_off_before_tax_and_stays_on_the_order() {
    common::run(async {
        let t = TestStore::new("coupon-percent");
        let cookie = cart_with_item(&t).await;
        let r = t
            .call("checkout/coupon", "code=+welcome10+", Some(&cookie))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let cart: Cart = r.json();
        assert_eq!(cart.coupon.as_ref().unwrap().code, "WELCOME10");

        let order = t
            .placed_order(&t.place(&cookie, CHECKOUT_FORM, 1).await)
            .await;
        let tt = order.totals;
        assert_eq!(tt.discount.minor, (tt.subtotal.minor + 5) / 10);
        let taxable = tt.subtotal.minor - tt.discount.minor + tt.shipping.minor;
        assert_eq!(tt.tax.minor, (taxable * 8 + 50) / 100);
        assert_eq!(tt.total.minor, taxable + tt.tax.minor);
        assert_eq!(order.coupon.unwrap().code, "WELCOME10");
        // The code was used up with the cart.
        let token = cookie.trim_start_matches("vitrine_cart=");
        assert!(t.store.cart(token).await.unwrap().coupon.is_none());
    })
}

#[test]
fn free_shipping_zeroes_standard_delivery_only() {
    common::run(async {
        let t = TestStore::new("coupon-ship");
        let cookie = cart_with_item(&t).await;
        t.call("checkout/coupon", "code=FREESHIP", Some(&cookie))
            .await;
        let order = t
            .placed_order(&t.place(&cookie, CHECKOUT_FORM, 2).await)
            .await;
        assert_eq!(order.totals.shipping.minor, 0);
        assert_eq!(order.totals.discount.minor, 0);
    })
}

#[test]
fn a_code_that_does_not_apply_says_why_and_changes_nothing() {
    common::run(async {
        let t = TestStore::new("coupon-bad");
        let cookie = cart_with_item(&t).await;
        let expired = t
            .call("checkout/coupon", "code=SUMMER25", Some(&cookie))
            .await;
        assert_eq!(coupon_error(&expired), "That code expired on Wed 30 Sep.");
        let unknown = t
            .call("checkout/coupon", "code=SUMMER26", Some(&cookie))
            .await;
        assert!(coupon_error(&unknown).contains("don't recognise"));
        let small = t
            .call("checkout/coupon", "code=SAVE15", Some(&cookie))
            .await;
        let message = coupon_error(&small);
        assert!(
            message.starts_with("That code needs $100.00 of items; add $"),
            "{message}"
        );
        let empty = t.call("checkout/coupon", "code=+", Some(&cookie)).await;
        assert!(coupon_error(&empty).contains("enter a discount code"));
        let token = cookie.trim_start_matches("vitrine_cart=");
        assert!(t.store.cart(token).await.unwrap().coupon.is_none());
    })
}

#[test]
fn a_code_that_stops_applying_before_placing_is_named_and_the_cart_is_kept() {
    common::run(async {
        let t = TestStore::new("coupon-later");
        let cookie = cart_with_item(&t).await;
        let token = cookie.trim_start_matches("vitrine_cart=").to_string();
        let line = t.store.cart(&token).await.unwrap().lines[0].clone();
        // Enough of the tee for $100, then SAVE15, then back down to one.
        let needed = 10_000 / line.unit_price.minor + 1;
        t.call(
            "cart/update",
            &format!("variant_id={}&quantity={needed}", line.variant_id),
            Some(&cookie),
        )
        .await;
        let r = t
            .call("checkout/coupon", "code=SAVE15", Some(&cookie))
            .await;
        assert_eq!(r.json::<Cart>().coupon.unwrap().code, "SAVE15");
        t.call(
            "cart/update",
            &format!("variant_id={}&quantity=1", line.variant_id),
            Some(&cookie),
        )
        .await;
        let refused = t.place(&cookie, CHECKOUT_FORM, 3).await;
        assert!(coupon_error(&refused).contains("needs $100.00"));
        assert_eq!(t.store.cart(&token).await.unwrap().item_count, 1);

        let removed = t
            .call("checkout/coupon/remove", "", Some(&cookie))
            .await
            .json::<Cart>();
        assert!(removed.coupon.is_none());
        let order = t
            .placed_order(&t.place(&cookie, CHECKOUT_FORM, 4).await)
            .await;
        assert_eq!(order.totals.discount.minor, 0);
    })
}
