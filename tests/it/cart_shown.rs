//! The cart changes the store's pages make (`cart/shown/*`): they answer the cart as the
//! drawer and the cart page draw it, so the browser only puts the server's drawing in place.

use crate::common;

use common::TestStore;
use vitrine::api::ApiError;
use vitrine::commerce::backend::Commerce;

/// The count, the drawer's HTML and the page's (the header's count, drawn, is checked apart).
fn parts(body: &str) -> (u32, String, String) {
    let parts = common::text_parts(body);
    assert_eq!(parts.len(), 4, "{body}");
    (
        parts[0].parse().unwrap(),
        parts[2].clone(),
        parts[3].clone(),
    )
}

/// The header's count as the server drew it for the browser to put in place.
fn badge(body: &str) -> String {
    common::text_parts(body)[1].clone()
}

/// A tee's variant that `fits` its stock, and a cart holding one of it.
async fn one_in_cart(
    t: &TestStore,
    fits: impl Fn(u32) -> bool,
) -> (vitrine::commerce::Variant, String) {
    let p = t.store.product("everyday-crew-tee").await.unwrap();
    let v = p.variants.into_iter().find(|v| fits(v.stock)).unwrap();
    let r = t
        .call(
            "cart/shown/add",
            &format!("variant_id={}&quantity=1", v.id),
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    (v, r.cookie("vitrine_cart").unwrap())
}

#[test]
fn changes_answer_the_cart_as_the_drawer_and_page_draw_it() {
    common::run(async {
        let t = TestStore::new("shown");
        let p = t.store.product("everyday-crew-tee").await.unwrap();
        let v = p.variants.iter().find(|v| v.stock >= 3).unwrap();
        let total = vitrine::commerce::Money::new(v.price.minor * 2, v.price.currency);

        let r = t
            .call(
                "cart/shown/add",
                &format!("variant_id={}&quantity=2", v.id),
                None,
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.header("content-type").starts_with("text/plain"));
        let cookie = r.cookie("vitrine_cart").unwrap();
        let (count, drawer, page) = parts(&r.body);
        assert_eq!(count, 2);
        let said = badge(&r.body);
        assert!(
            said.contains(r#"class="cart-link__count">2<"#),
            "the header's count: {said}"
        );
        for html in [&drawer, &page] {
            assert!(html.contains(&p.name), "{html}");
            assert!(html.contains(&total.to_string()), "{html}");
            // Its steppers post to the shown-cart functions, so the island can send them.
            assert!(
                html.contains(r#"action="/api/cart/shown/update""#),
                "{html}"
            );
            assert!(
                html.contains(r#"action="/api/cart/shown/remove""#),
                "{html}"
            );
        }
        assert!(drawer.contains(r#"data-testid="drawer-checkout""#));
        assert!(page.contains("cart-page__summary"));

        // The cart page the server renders shows the same cart.
        let shown = t.get("/cart", Some(&cookie)).await;
        assert!(shown.body.contains(&total.to_string()));
        assert!(shown.body.contains(r#"action="/api/cart/shown/update""#));

        let r = t
            .call(
                "cart/shown/update",
                &format!("variant_id={}&quantity=3", v.id),
                Some(&cookie),
            )
            .await;
        assert_eq!(parts(&r.body).0, 3);
        assert!(badge(&r.body).contains(r#"class="cart-link__count">3<"#));

        let r = t
            .call(
                "cart/shown/remove",
                &format!("variant_id={}", v.id),
                Some(&cookie),
            )
            .await;
        let (count, drawer, page) = parts(&r.body);
        assert_eq!(count, 0);
        assert!(drawer.contains("Your cart is empty."), "{drawer}");
        assert!(page.contains("Your cart is empty."), "{page}");
        assert!(!page.contains(&p.name));
    })
}

#[test]
fn a_refused_change_is_a_worded_error_and_changes_nothing() {
    common::run(async {
        let t = TestStore::new("shown-refused");
        let (v, cookie) = one_in_cart(&t, |stock| (1..99).contains(&stock)).await;

        let r = t
            .call(
                "cart/shown/update",
                &format!("variant_id={}&quantity={}", v.id, v.stock + 1),
                Some(&cookie),
            )
            .await;
        assert!(
            matches!(r.error(), ApiError::OutOfStock { .. }),
            "{}",
            r.body
        );
        // What the browser shows of it: the server's wording.
        let sent: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let said = sent["said"].as_str().unwrap_or_default();
        assert!(said.contains(&v.stock.to_string()), "{said}");
        let r = t
            .call(
                "cart/shown/update",
                "variant_id=%3Cb%3E&quantity=1",
                Some(&cookie),
            )
            .await;
        assert!(matches!(r.error(), ApiError::Invalid(_)), "{}", r.body);
        let r = t
            .call("cart/shown/remove", &format!("variant_id={}", v.id), None)
            .await;
        assert_eq!(
            r.error(),
            ApiError::Invalid(vitrine::words::Problem::CartExpired)
        );

        let cart: vitrine::commerce::Cart = t.call("cart/get", "", Some(&cookie)).await.json();
        assert_eq!(cart.item_count, 1);
    })
}

#[test]
fn a_plain_form_post_lands_on_the_cart_page() {
    common::run(async {
        let t = TestStore::new("shown-form");
        let (v, cookie) = one_in_cart(&t, |stock| stock >= 2).await;
        for (endpoint, form) in [
            ("update", format!("variant_id={}&quantity=2", v.id)),
            ("remove", format!("variant_id={}", v.id)),
        ] {
            let req = axum::http::Request::post(format!("/api/cart/shown/{endpoint}"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept", "text/html,application/xhtml+xml")
                .header("host", common::STORE_HOST)
                .header("cookie", &cookie)
                .header("referer", "http://127.0.0.1:3000/cart")
                .body(axum::body::Body::from(form))
                .unwrap();
            let r = t.send(req).await;
            assert_eq!(r.status, 302, "{endpoint}: {}", r.body);
            assert_eq!(r.header("location"), "/cart");
        }
        let cart: vitrine::commerce::Cart = t.call("cart/get", "", Some(&cookie)).await.json();
        assert!(cart.is_empty());
    })
}

/// Buy now sent by the product page's script (`fetch`, not a page load): the answer says
/// where to go, for the script to follow, as the plain form's 302 does.
#[test]
fn buy_now_sent_by_the_page_says_where_to_go() {
    common::run(async {
        let t = TestStore::new("shown-buy");
        let p = t.store.product("everyday-crew-tee").await.unwrap();
        let v = p.variants.iter().find(|v| v.stock >= 2).unwrap();
        let mut req =
            common::api_request("cart/buy", &format!("variant_id={}&quantity=2", v.id), None);
        req.headers_mut().insert(
            axum::http::header::ACCEPT,
            axum::http::HeaderValue::from_static("*/*"),
        );
        let r = t.send(req).await;
        assert!(r.status.is_success(), "{} {}", r.status, r.body);
        assert!(
            r.headers.contains_key("serverfnredirect"),
            "{:?}",
            r.headers
        );
        assert_eq!(r.header("location"), "/checkout");
        let cookie = r.cookie("vitrine_cart").unwrap();
        let cart: vitrine::commerce::Cart = t.call("cart/get", "", Some(&cookie)).await.json();
        assert_eq!(cart.item_count, 2, "the quantity chosen was bought");
    })
}
