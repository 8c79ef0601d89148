//! The cart's server functions against the real embedded store: what a shopper (or a hostile
//! client) can send, and what they get back.

use crate::common;

use common::TestStore;
use vitrine::api::ApiError;
use vitrine::commerce::backend::Commerce;
use vitrine::commerce::{Cart, Money, Product};

async fn product(t: &TestStore, handle: &str) -> Product {
    t.store.product(handle).await.unwrap()
}

/// A product with a variant that has at least `min_stock` units.
async fn stocked_variant(t: &TestStore, min_stock: u32) -> (Product, String, u32) {
    for handle in [
        "everyday-crew-tee",
        "heavyweight-pocket-tee",
        "organic-boxy-tee",
    ] {
        let p = product(t, handle).await;
        if let Some(v) = p.variants.iter().find(|v| v.stock >= min_stock) {
            let (id, stock) = (v.id.clone(), v.stock);
            return (p, id, stock);
        }
    }
    panic!("no stocked variant in the seed");
}

#[test]
fn adding_creates_a_cart_in_an_httponly_cookie_and_totals_it() {
    common::run(async {
        let t = TestStore::new("add");
        let (p, id, _) = stocked_variant(&t, 3).await;
        let price = p.variant(&id).unwrap().price;

        let r = t
            .call("cart/add", &format!("variant_id={id}&quantity=2"), None)
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let set_cookie = r.header("set-cookie");
        assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
        assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
        let cart: Cart = r.json();
        assert_eq!(cart.item_count, 2);
        assert_eq!(cart.subtotal, Money::new(price.minor * 2, price.currency));
        assert_eq!(cart.lines[0].product_name, p.name);

        // The same cart comes back with the cookie, and adding again sums the line.
        let cookie = r.cookie("vitrine_cart").unwrap();
        let again = t
            .call(
                "cart/add",
                &format!("variant_id={id}&quantity=1"),
                Some(&cookie),
            )
            .await;
        let cart: Cart = again.json();
        assert_eq!(cart.lines.len(), 1);
        assert_eq!(cart.lines[0].quantity, 3);
        assert!(
            again.cookie("vitrine_cart").is_none(),
            "known cart keeps its cookie"
        );
        let fetched: Cart = t.call("cart/get", "", Some(&cookie)).await.json();
        assert_eq!(fetched, cart);
    })
}

#[test]
fn bad_quantities_are_refused_with_reasons_and_change_nothing() {
    common::run(async {
        let t = TestStore::new("qty");
        let (_, id, _) = stocked_variant(&t, 2).await;
        let r = t
            .call("cart/add", &format!("variant_id={id}&quantity=1"), None)
            .await;
        let cookie = r.cookie("vitrine_cart").unwrap();
        let before: Cart = r.json();

        for (qty, expect) in [
            ("-3", "at least 1"),
            ("0", "at least 1"),
            ("1000000000000000", "at most 99"),
        ] {
            let r = t
                .call(
                    "cart/add",
                    &format!("variant_id={id}&quantity={qty}"),
                    Some(&cookie),
                )
                .await;
            assert!(
                r.status.is_server_error() || r.status.is_client_error(),
                "{qty}: {}",
                r.status
            );
            match r.error() {
                e @ ApiError::Invalid(_) => {
                    let said = e.to_string();
                    assert!(said.contains(expect), "{qty}: {said}")
                }
                other => panic!("{qty}: unexpected {other:?}"),
            }
        }
        let r = t
            .call(
                "cart/add",
                &format!("variant_id={id}&quantity=lots"),
                Some(&cookie),
            )
            .await;
        assert!(matches!(r.error(), ApiError::Invalid(_)), "{}", r.body);

        let after: Cart = t.call("cart/get", "", Some(&cookie)).await.json();
        assert_eq!(after, before);
    })
}

#[test]
fn more_than_in_stock_says_how_many_are_left() {
    common::run(async {
        let t = TestStore::new("stock");
        let (p, id, stock) = stocked_variant(&t, 1).await;
        let over = (stock + 1).min(99);
        if over <= stock {
            return; // a 99-unit variant cannot be over-asked within the per-line limit
        }
        let r = t
            .call(
                "cart/add",
                &format!("variant_id={id}&quantity={over}"),
                None,
            )
            .await;
        assert_eq!(
            r.error(),
            ApiError::OutOfStock {
                product: p.name.clone(),
                available: stock
            }
        );
        assert!(
            r.cookie("vitrine_cart").is_none(),
            "a refused add creates no cart"
        );
    })
}

#[test]
fn sold_out_and_unknown_products_cannot_be_added() {
    common::run(async {
        let t = TestStore::new("soldout");
        let r = t
            .call("cart/add", "variant_id=999999&quantity=1", None)
            .await;
        assert_eq!(
            r.error(),
            ApiError::NotFound(vitrine::commerce::Thing::Product)
        );
        let r = t
            .call("cart/add", "variant_id=%3Cscript%3E&quantity=1", None)
            .await;
        assert!(matches!(r.error(), ApiError::Invalid(_)));

        // Find a sold-out variant in the seed and try it.
        let cats = t.store.categories().await.unwrap();
        let mut sold_out = None;
        'outer: for c in cats {
            let q = vitrine::commerce::backend::ProductQuery {
                category: Some(c.handle),
                page: 1,
                per_page: 100,
                ..Default::default()
            };
            for s in t.store.products(&q).await.unwrap().items {
                let p = t.store.product(&s.handle).await.unwrap();
                if let Some(v) = p.variants.iter().find(|v| v.stock == 0) {
                    sold_out = Some((p.name.clone(), v.id.clone()));
                    break 'outer;
                }
            }
        }
        let (name, id) = sold_out.expect("the seed has sold-out variants");
        let r = t
            .call("cart/add", &format!("variant_id={id}&quantity=1"), None)
            .await;
        assert_eq!(
            r.error(),
            ApiError::OutOfStock {
                product: name,
                available: 0
            }
        );
    })
}

#[test]
fn a_forged_cart_cookie_is_dropped_not_trusted() {
    common::run(async {
        let t = TestStore::new("forged");
        let (_, id, _) = stocked_variant(&t, 1).await;
        let victim = t
            .call("cart/add", &format!("variant_id={id}&quantity=1"), None)
            .await;
        let victim_cookie = victim.cookie("vitrine_cart").unwrap();
        let victim_cart: Cart = victim.json();

        for forged in [
            "vitrine_cart=zzz'--",
            "vitrine_cart=00000000000000000000000000000000",
            "vitrine_cart=",
        ] {
            let r = t.call("cart/get", "", Some(forged)).await;
            assert_eq!(r.status, 200);
            assert!(r.json::<Cart>().is_empty(), "{forged}");
            // Adding with a forged cookie starts a fresh cart with a fresh cookie.
            let r = t
                .call(
                    "cart/add",
                    &format!("variant_id={id}&quantity=1"),
                    Some(forged),
                )
                .await;
            assert_eq!(r.status, 200, "{forged}: {}", r.body);
            let fresh = r.cookie("vitrine_cart").expect("a new cookie");
            assert_ne!(fresh, victim_cookie);
        }
        // Nothing happened to the real cart.
        let still: Cart = t.call("cart/get", "", Some(&victim_cookie)).await.json();
        assert_eq!(still, victim_cart);
    })
}

#[test]
fn quantities_change_and_lines_are_removed() {
    common::run(async {
        let t = TestStore::new("update");
        let (_, id, stock) = stocked_variant(&t, 3).await;
        let r = t
            .call("cart/add", &format!("variant_id={id}&quantity=1"), None)
            .await;
        let cookie = r.cookie("vitrine_cart").unwrap();

        let cart: Cart = t
            .call(
                "cart/update",
                &format!("variant_id={id}&quantity=3"),
                Some(&cookie),
            )
            .await
            .json();
        assert_eq!(cart.item_count, 3);
        let r = t
            .call(
                "cart/update",
                &format!("variant_id={id}&quantity={}", stock + 1),
                Some(&cookie),
            )
            .await;
        if stock < 99 {
            assert!(matches!(r.error(), ApiError::OutOfStock { .. }));
        }
        let cart: Cart = t
            .call(
                "cart/update",
                &format!("variant_id={id}&quantity=0"),
                Some(&cookie),
            )
            .await
            .json();
        assert!(cart.is_empty());

        t.call(
            "cart/add",
            &format!("variant_id={id}&quantity=2"),
            Some(&cookie),
        )
        .await;
        let cart: Cart = t
            .call("cart/remove", &format!("variant_id={id}"), Some(&cookie))
            .await
            .json();
        assert!(cart.is_empty());

        let r = t
            .call("cart/update", &format!("variant_id={id}&quantity=2"), None)
            .await;
        let expired = r.error();
        assert_eq!(
            expired,
            ApiError::Invalid(vitrine::words::Problem::CartExpired)
        );
        assert!(expired.to_string().contains("expired"));
    })
}

#[test]
fn a_plain_form_post_lands_on_the_cart_page() {
    common::run(async {
        let t = TestStore::new("form");
        let (_, id, _) = stocked_variant(&t, 1).await;
        let req = axum::http::Request::post("/api/cart/add")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html,application/xhtml+xml")
            .header("host", common::STORE_HOST)
            .header("referer", "http://127.0.0.1:3000/p/everyday-crew-tee")
            .body(axum::body::Body::from(format!(
                "variant_id={id}&quantity=1"
            )))
            .unwrap();
        let r = t.send(req).await;
        assert_eq!(r.status, 302);
        assert_eq!(r.header("location"), "/cart");
        let cookie = r.cookie("vitrine_cart").unwrap();
        let page = t.get("/cart", Some(&cookie)).await;
        assert!(page.body.contains("everyday-crew-tee") || page.body.contains("Everyday Crew Tee"));
        assert!(
            page.header("cache-control").contains("private"),
            "a page with a cart is never shared"
        );
    })
}
