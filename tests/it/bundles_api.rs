//! Bundles through the server functions and the admin routes: the product page offers the set
//! with its total, one call adds it all (or nothing), the cart and checkout show the saving,
//! and the order charges exactly that.

use crate::common;

use common::{post_from, TestStore, ADMIN_TOKEN, CHECKOUT_FORM, STORE_ORIGIN};
use vitrine::api::bundles::BuySet;
use vitrine::api::ApiError;
use vitrine::commerce::backend::Commerce;
use vitrine::commerce::Cart;

/// The seeded store's bundle: 10 % off a tee and a tote.
const TEE: &str = "heavyweight-pocket-tee";
const TOTE: &str = "oversized-tote";

async fn first_in_stock(t: &TestStore, handle: &str) -> (String, i64) {
    let p = t.store.product(handle).await.unwrap();
    let v = p.variants.iter().find(|v| v.stock >= 1).expect("in stock");
    (v.id.clone(), v.price.minor)
}

fn set_form(ids: &[&str]) -> String {
    ids.iter()
        .enumerate()
        .map(|(i, id)| format!("variant%5B{i}%5D={id}"))
        .collect::<Vec<_>>()
        .join("&")
}

#[test]
fn the_product_page_offers_the_declared_set_with_its_saving_before_the_click() {
    common::run(async {
        let t = TestStore::new("bundle-offer");
        let rows: vitrine::api::recommend::ProductRows = t
            .call("recommend/product", &format!("handle={TEE}"), None)
            .await
            .json();
        let set: BuySet = rows.set.expect("a set on the tee's page");
        assert_eq!(set.percent, Some(10));
        let handles: Vec<&str> = set.items.iter().map(|i| i.handle.as_str()).collect();
        assert_eq!(handles, [TEE, TOTE], "this product first");
        let (_, tee) = first_in_stock(&t, TEE).await;
        let (_, tote) = first_in_stock(&t, TOTE).await;
        assert_eq!(set.total.minor, tee + tote);
        assert_eq!(set.saving.minor, ((tee + tote) * 10 + 50) / 100);

        let page = t.get(&format!("/p/{TOTE}"), None).await;
        assert!(page.body.contains("data-testid=\"buy-together\""));
        assert!(page.body.contains("Buy them together and save 10%"));
        assert!(page.body.contains("Add both to cart"));
        assert!(page.body.contains("action=\"/api/cart/add-set\""));
    })
}

#[test]
fn adding_the_set_shows_the_saving_in_cart_and_checkout_and_the_order_charges_it() {
    common::run(async {
        let t = TestStore::new("bundle-charge");
        let (tee, tee_price) = first_in_stock(&t, TEE).await;
        let (tote, tote_price) = first_in_stock(&t, TOTE).await;
        let r = t
            .call("cart/add-set", &set_form(&[&tee, &tote]), None)
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let cookie = r.cookie("vitrine_cart").expect("a cart");
        let cart: Cart = r.json();
        assert_eq!(cart.item_count, 2);
        let saving = ((tee_price + tote_price) * 10 + 50) / 100;
        assert_eq!(cart.savings.len(), 1);
        assert_eq!(cart.savings[0].off.minor, saving);
        assert_eq!(cart.savings[0].percent, Some(10));
        assert!(cart.savings[0].label.contains(" + "));

        let checkout: vitrine::api::checkout::CheckoutData =
            t.call("checkout/get", "", Some(&cookie)).await.json();
        assert_eq!(checkout.cart.savings_total().minor, saving);
        let page = t.get("/cart", Some(&cookie)).await;
        assert!(
            page.body.contains("data-testid=\"saving\""),
            "the cart page shows it"
        );

        // A code applies to what is left after the bundle.
        t.call("checkout/coupon", "code=WELCOME10", Some(&cookie))
            .await;
        let order = t
            .placed_order(&t.place(&cookie, CHECKOUT_FORM, 1).await)
            .await;
        let tt = order.totals;
        let goods = tee_price + tote_price;
        let code_off = ((goods - saving) * 10 + 50) / 100;
        assert_eq!(tt.subtotal.minor, goods);
        assert_eq!(tt.discount.minor, saving + code_off);
        let taxable = goods - saving - code_off + tt.shipping.minor;
        assert_eq!(tt.total.minor, taxable + (taxable * 8 + 50) / 100);
    })
}

#[test]
fn half_a_set_gets_no_saving_and_a_withdrawn_bundle_none_at_checkout() {
    common::run(async {
        let t = TestStore::new("bundle-half");
        let (tee, _) = first_in_stock(&t, TEE).await;
        let (tote, _) = first_in_stock(&t, TOTE).await;
        let r = t
            .call("cart/add", &format!("variant_id={tee}&quantity=2"), None)
            .await;
        let cookie = r.cookie("vitrine_cart").unwrap();
        assert!(r.json::<Cart>().savings.is_empty(), "two tees are no set");
        let r = t
            .call(
                "cart/add",
                &format!("variant_id={tote}&quantity=1"),
                Some(&cookie),
            )
            .await;
        assert_eq!(
            r.json::<Cart>().savings.len(),
            1,
            "one set of two tees and a tote"
        );

        let listed = t.admin_get("/admin/bundles").await;
        let id = listed.json::<serde_json::Value>()[0]["id"]
            .as_i64()
            .unwrap();
        let r = t
            .admin(&format!("/admin/bundles/{id}/remove"), ADMIN_TOKEN)
            .await;
        assert_eq!(r.status, 204, "{}", r.body);
        let order = t
            .placed_order(&t.place(&cookie, CHECKOUT_FORM, 2).await)
            .await;
        assert_eq!(order.totals.discount.minor, 0, "withdrawn: nothing off");
    })
}

#[test]
fn a_set_that_cannot_all_be_added_adds_nothing() {
    common::run(async {
        let t = TestStore::new("bundle-refused");
        let (tee, _) = first_in_stock(&t, TEE).await;
        let p = t.store.product(TOTE).await.unwrap();
        let tote = p.variants.iter().find(|v| v.stock >= 1).unwrap();
        // Every tote there is already in this cart: the set's tote cannot be had.
        let r = t
            .call(
                "cart/add",
                &format!("variant_id={}&quantity={}", tote.id, tote.stock.min(99)),
                None,
            )
            .await;
        let cookie = r.cookie("vitrine_cart").unwrap();
        if tote.stock > 99 {
            return;
        }
        let r = t
            .call("cart/add-set", &set_form(&[&tee, &tote.id]), Some(&cookie))
            .await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(matches!(r.error(), ApiError::OutOfStock { .. }));
        let cart: Cart = t.call("cart/get", "", Some(&cookie)).await.json();
        assert!(cart.line(&tee).is_none(), "the tee was taken back out");
        assert_eq!(cart.line(&tote.id).unwrap().quantity, tote.stock);
    })
}

#[test]
fn a_set_is_two_or_three_real_variants() {
    common::run(async {
        let t = TestStore::new("bundle-input");
        let (tee, _) = first_in_stock(&t, TEE).await;
        for bad in [
            set_form(&[&tee]),
            set_form(&[&tee, &tee]),
            set_form(&[&tee, "1", "2", "3"]),
            set_form(&[&tee, "<script>"]),
            String::new(),
        ] {
            let r = t.call("cart/add-set", &bad, None).await;
            assert!(r.status.is_client_error(), "{bad}: {} {}", r.status, r.body);
            assert!(r.cookie("vitrine_cart").is_none(), "{bad}: no cart made");
        }
    })
}

#[test]
fn without_javascript_the_set_form_adds_and_goes_to_the_cart() {
    common::run(async {
        let t = TestStore::new("bundle-plain");
        let (tee, _) = first_in_stock(&t, TEE).await;
        let (tote, _) = first_in_stock(&t, TOTE).await;
        let r = t
            .send(post_from(
                Some(STORE_ORIGIN),
                "/api/cart/add-set",
                &set_form(&[&tee, &tote]),
                None,
            ))
            .await;
        assert!(r.status.is_redirection(), "{} {}", r.status, r.body);
        assert_eq!(r.header("location"), "/cart");
        let cookie = r.cookie("vitrine_cart").unwrap();
        let page = t.get("/cart", Some(&cookie)).await;
        assert!(page.body.contains("Bundle: "), "the saving is named");
    })
}

#[test]
fn the_owner_declares_and_withdraws_bundles_and_bad_ones_are_refused() {
    common::run(async {
        let t = TestStore::new("bundle-admin");
        let post = |q: &str| format!("/admin/bundles?{q}");
        let r = t
            .admin(
                &post("percent=15&products=everyday-crew-tee,canvas-tote"),
                ADMIN_TOKEN,
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        for (q, says) in [
            (
                "percent=0&products=everyday-crew-tee,canvas-tote",
                "1 to 50%",
            ),
            (
                "percent=80&products=everyday-crew-tee,canvas-tote",
                "1 to 50%",
            ),
            ("percent=10&products=everyday-crew-tee", "2 to 3"),
            (
                "percent=10&products=everyday-crew-tee,nope",
                "no product nope",
            ),
            ("percent=ten&products=a,b", "whole number"),
        ] {
            let r = t.admin(&post(q), ADMIN_TOKEN).await;
            assert!(r.status.is_client_error(), "{q}: {}", r.status);
            assert!(r.body.contains(says), "{q}: {}", r.body);
        }
        assert_eq!(
            t.admin(&post("percent=10&products=a,b"), "wrong")
                .await
                .status,
            401
        );
        let all: serde_json::Value = t.admin_get("/admin/bundles").await.json();
        assert_eq!(
            all.as_array().unwrap().len(),
            2,
            "the seeded one and the new one"
        );
        let rows: vitrine::api::recommend::ProductRows = t
            .call("recommend/product", "handle=canvas-tote", None)
            .await
            .json();
        assert_eq!(rows.set.unwrap().percent, Some(15));
    })
}
