//! The widget's server functions against the real embedded store: a cart named by the token
//! the widget keeps, the hand-off to the store's checkout that keeps every line, and the
//! refusal of pages on sites the store has not listed.

use crate::common;

use axum::body::Body;
use axum::http::{header, Request};
use common::TestStore;
use vitrine::commerce::backend::Commerce;
use vitrine::commerce::TokenCart;

/// A site the store lists for the widget.
const BLOG: &str = "http://blog.test:4000";

fn store_for_blog(tag: &str) -> TestStore {
    TestStore::configured(tag, |s| s.with_widget("target/widget", vec![BLOG.into()]))
}

async fn variant(t: &TestStore, handle: &str) -> String {
    let p = t.store.product(handle).await.unwrap();
    p.variants.iter().find(|v| v.stock > 2).unwrap().id.clone()
}

#[test]
fn the_widget_names_its_cart_by_token_without_any_cookie() {
    common::run(async {
        let t = TestStore::new("widget-token");
        let id = variant(&t, "everyday-crew-tee").await;
        let r = t
            .call(
                "widget/add",
                &format!("token=&variant_id={id}&quantity=1"),
                None,
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let added: TokenCart = r.json();
        assert!(!added.token.is_empty());
        assert_eq!(added.cart.item_count, 1);

        // Another call with only the token finds the same cart, and adds to it.
        let r = t
            .call(
                "widget/add",
                &format!("token={}&variant_id={id}&quantity=1", added.token),
                None,
            )
            .await;
        let again: TokenCart = r.json();
        assert_eq!(again.token, added.token);
        assert_eq!(again.cart.item_count, 2);
        let r = t
            .call("widget/cart", &format!("token={}", added.token), None)
            .await;
        assert_eq!(r.json::<TokenCart>().cart.item_count, 2);

        // A token the store never issued reads as no cart; one that cannot be ours is refused.
        let r = t.call("widget/cart", "token=never-issued", None).await;
        let none: TokenCart = r.json();
        assert_eq!((none.token.as_str(), none.cart.item_count), ("", 0));
        let r = t.call("widget/cart", "token=%3Cscript%3E", None).await;
        assert_eq!(r.status, 422, "{}", r.body);
    });
}

#[test]
fn opening_checkout_from_the_widget_makes_its_cart_the_stores_and_keeps_the_stores_lines() {
    common::run(async {
        let t = store_for_blog("widget-handoff");
        // The shopper already had a cart on the store…
        let tee = variant(&t, "everyday-crew-tee").await;
        let r = t
            .call("cart/add", &format!("variant_id={tee}&quantity=1"), None)
            .await;
        let store_cookie = r.cookie("vitrine_cart").unwrap();
        // …and then adds something else on a blog.
        let pocket = variant(&t, "heavyweight-pocket-tee").await;
        let r = t
            .call(
                "widget/add",
                &format!("token=&variant_id={pocket}&quantity=2"),
                None,
            )
            .await;
        let widget: TokenCart = r.json();

        let form = Request::post("/api/widget/checkout")
            .header(header::HOST, common::STORE_HOST)
            .header(header::ORIGIN, BLOG)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::COOKIE, &store_cookie)
            .body(Body::from(format!("token={}", widget.token)))
            .unwrap();
        let r = t.send(form).await;
        assert!(r.status.is_redirection(), "{} {}", r.status, r.body);
        assert_eq!(r.header("location"), "/checkout");
        assert_eq!(
            r.cookie("vitrine_cart"),
            Some(format!("vitrine_cart={}", widget.token))
        );
        let cart = t.store.cart(&widget.token).await.unwrap();
        assert!(cart.line(&tee).is_some(), "the store's line is kept");
        assert_eq!(cart.line(&pocket).map(|l| l.quantity), Some(2));

        // The order placed from there is the blog's sale on the owner's dashboard, once
        // however often it is confirmed, and the site is forgotten with it.
        let via = r.cookie("vitrine_via").expect("the site, remembered");
        assert_eq!(via, format!("vitrine_via={BLOG}"));
        let shopper = format!("vitrine_cart={}; {via}", widget.token);
        let placed = t.place(&shopper, common::CHECKOUT_FORM, 7).await;
        assert!(
            placed.header("location").starts_with("/orders/"),
            "{}",
            placed.body
        );
        assert!(placed.header("set-cookie").contains("vitrine_via=;"));
        t.place(&shopper, common::CHECKOUT_FORM, 7).await;
        let data = vitrine::storefront::StorefrontData::open(&t.dir).unwrap();
        let mut sites = Vec::new();
        for _ in 0..100 {
            sites = data.event_totals(0).await.unwrap().sites;
            if sites.iter().any(|s| s.orders > 0) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let blog = sites
            .iter()
            .find(|s| s.site == BLOG)
            .expect("the blog's row");
        assert_eq!(blog.orders, 1, "{sites:?}");
        assert!(blog.revenue > 0);

        // A cart that is gone (ordered, expired) opens the store's cart page, changing nothing.
        let form = Request::post("/api/widget/checkout")
            .header(header::HOST, common::STORE_HOST)
            .header(header::ORIGIN, BLOG)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .body(Body::from("token=gone"))
            .unwrap();
        let r = t.send(form).await;
        assert_eq!(r.header("location"), "/cart");
        assert_eq!(r.cookie("vitrine_cart"), None);
    });
}

#[test]
fn a_page_on_an_unlisted_site_is_refused_before_anything_runs() {
    common::run(async {
        let t = TestStore::new("widget-cors");
        let id = variant(&t, "everyday-crew-tee").await;
        let call = |origin: &'static str| {
            Request::post("/api/widget/add")
                .header(header::HOST, "127.0.0.1:3000")
                .header(header::ORIGIN, origin)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!("token=&variant_id={id}&quantity=1")))
                .unwrap()
        };
        let r = t.send(call("https://elsewhere.example")).await;
        assert_eq!(r.status, 403);
        // Typed, so the widget words it; the words tell the site's developer what to do.
        let refused = r.error();
        let origin = "https://elsewhere.example".to_string();
        assert_eq!(
            refused,
            vitrine::api::ApiError::Invalid(vitrine::words::Problem::WidgetOriginRefused {
                origin
            })
        );
        assert!(refused.to_string().contains("VITRINE_WIDGET_ORIGINS"));
        assert_eq!(r.header("access-control-allow-credentials"), "");
        assert_eq!(r.cookie("vitrine_cart"), None, "no cart was made");

        // The store's own pages are not foreign.
        let r = t.send(call("http://127.0.0.1:3000")).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.header("access-control-allow-origin"), "");
    });
}

#[test]
fn the_widgets_heart_keeps_a_list_by_token_and_opens_it_as_the_shoppers_own() {
    use vitrine::api::widget::WidgetSaved;
    common::run(async {
        let t = store_for_blog("widget-wishlist");
        let r = t
            .call("widget/wishlist", "token=&handle=everyday-crew-tee", None)
            .await;
        let none: WidgetSaved = r.json();
        assert_eq!(
            (none.token.as_str(), none.saved, none.count),
            ("", false, 0)
        );

        let id = variant(&t, "everyday-crew-tee").await;
        let r = t
            .call(
                "widget/wishlist/toggle",
                &format!("token=&handle=everyday-crew-tee&variant_id={id}"),
                None,
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let saved: WidgetSaved = r.json();
        assert_eq!(saved.token.len(), 32);
        assert_eq!((saved.saved, saved.count), (true, 1));
        assert!(
            r.cookie("vitrine_wishlist").is_none(),
            "no cookie: the token names it"
        );
        let r = t
            .call(
                "widget/wishlist/toggle",
                &format!("token={}&handle=heavyweight-pocket-tee", saved.token),
                None,
            )
            .await;
        assert_eq!(r.json::<WidgetSaved>().count, 2);
        let r = t
            .call(
                "widget/wishlist",
                &format!("token={}&handle=everyday-crew-tee", saved.token),
                None,
            )
            .await;
        assert!(r.json::<WidgetSaved>().saved);

        // A token that cannot be ours, or an unknown product, is refused and changes nothing.
        let r = t
            .call(
                "widget/wishlist/toggle",
                "token=%3Cscript%3E&handle=everyday-crew-tee",
                None,
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        let r = t
            .call(
                "widget/wishlist/toggle",
                &format!("token={}&handle=no-such-thing", saved.token),
                None,
            )
            .await;
        assert_eq!(r.status, 404, "{}", r.body);

        // "Wishlist (2)": a navigation that makes the list the shopper's on the store.
        let form = Request::post("/api/widget/wishlist/open")
            .header(header::HOST, common::STORE_HOST)
            .header(header::ORIGIN, BLOG)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .body(Body::from(format!("token={}", saved.token)))
            .unwrap();
        let r = t.send(form).await;
        assert!(r.status.is_redirection(), "{} {}", r.status, r.body);
        assert_eq!(r.header("location"), "/wishlist");
        let cookie = r.cookie("vitrine_wishlist").expect("the store's own list");
        let page = t.get("/wishlist", Some(&cookie)).await.body;
        assert!(page.contains("Everyday Crew Tee") && page.contains("Heavyweight Pocket Tee"));

        // Taken out again from the widget.
        let r = t
            .call(
                "widget/wishlist/toggle",
                &format!("token={}&handle=everyday-crew-tee", saved.token),
                None,
            )
            .await;
        let after: WidgetSaved = r.json();
        assert_eq!((after.saved, after.count), (false, 1));
    });
}
