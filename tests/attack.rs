//! The outside attack of issue 15, replayed against the real router on a real store: each
//! test sends what the attacker sent and asserts the harmless outcome a shopper would see.

mod common;

use axum::body::Body;
use axum::http::{header, Request};
use common::{TestStore, STORE_HOST, STORE_ORIGIN};
use vitrine::commerce::TokenCart;

const EVIL: &str = "https://evil.example";

/// A form post as a browser sends it from a page at `origin` (None: no Origin, no Referer).
fn post_from(origin: Option<&str>, path: &str, form: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(path)
        .header(header::HOST, STORE_HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header("sec-fetch-mode", "navigate");
    if let Some(o) = origin {
        req = req.header(header::ORIGIN, o);
    }
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(form.to_string())).unwrap()
}

#[test]
fn a_shoppers_words_cannot_write_markup_into_the_head() {
    common::run(async {
        let t = TestStore::new("attack-title");
        let q = "%3C%2Ftitle%3E%3Cmeta+http-equiv%3D%22refresh%22+content%3D%220%3Burl%3Dhttps%3A%2F%2Fevil.example%2F%22%3E";
        let page = t.get(&format!("/search?q={q}"), None).await;
        assert_eq!(page.status, 200);
        let head = page.body.split("</head>").next().unwrap();
        assert!(
            !head.contains("http-equiv=\"refresh\""),
            "the query became markup: {head}"
        );
        let title = head
            .split("<title>")
            .nth(1)
            .unwrap()
            .split("</title>")
            .next()
            .unwrap();
        assert!(title.contains("&lt;/title&gt;&lt;meta"), "{title}");
        // The body's copies were escaped before; they stay so.
        assert!(!page.body.contains("<meta http-equiv"));
    })
}

#[test]
fn another_sites_page_cannot_sign_in_add_consent_or_sign_out() {
    common::run(async {
        let t = TestStore::new("attack-csrf");
        t.call(
            "account/register",
            "email=mallory%40example.com&name=Mallory&password=attackers-password",
            None,
        )
        .await;
        let variant = {
            use vitrine::commerce::backend::Commerce;
            let p = t.store.product("everyday-crew-tee").await.unwrap();
            p.variants.iter().find(|v| v.stock > 0).unwrap().id.clone()
        };
        let attempts = [
            (
                "/api/account/sign-in",
                "email=mallory%40example.com&password=attackers-password".to_string(),
            ),
            ("/api/cart/add", format!("variant_id={variant}&quantity=1")),
            ("/api/profile/consent", "allow=true".to_string()),
            ("/api/account/sign-out", String::new()),
        ];
        for (path, form) in &attempts {
            for origin in [Some(EVIL), Some("null"), None] {
                let r = t.send(post_from(origin, path, form, None)).await;
                assert_eq!(r.status, 403, "{path} from {origin:?}: {}", r.body);
                assert!(
                    r.header("set-cookie").is_empty(),
                    "{path} from {origin:?} set a cookie"
                );
                assert!(r.body.contains("store's own pages"), "{}", r.body);
            }
        }
        // The store's own pages still work, by Origin or, lacking it, by Referer.
        let r = t
            .send(post_from(
                Some(STORE_ORIGIN),
                attempts[0].0,
                &attempts[0].1,
                None,
            ))
            .await;
        assert!(r.status.is_redirection(), "{} {}", r.status, r.body);
        assert!(r.cookie("vitrine_session").is_some());
        let mut by_referer = post_from(None, attempts[1].0, &attempts[1].1, None);
        by_referer.headers_mut().insert(
            header::REFERER,
            format!("{STORE_ORIGIN}/p/everyday-crew-tee")
                .parse()
                .unwrap(),
        );
        let r = t.send(by_referer).await;
        assert!(r.status.is_redirection(), "{} {}", r.status, r.body);
        assert!(r.cookie("vitrine_cart").is_some());
        // A page's script on another site is told why, in the error type the store speaks.
        let r = t
            .send(
                Request::post("/api/cart/add")
                    .header(header::HOST, STORE_HOST)
                    .header(header::ORIGIN, EVIL)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header(header::ACCEPT, "application/json")
                    .body(Body::from(attempts[1].1.clone()))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, 403);
        assert!(matches!(
            r.json::<vitrine::api::ApiError>(),
            vitrine::api::ApiError::Invalid(_)
        ));
    })
}

#[test]
fn the_widget_hand_off_needs_a_listed_sender() {
    common::run(async {
        let blog = "http://blog.test:4000";
        let t = TestStore::configured("attack-handoff", |s| {
            s.with_widget("target/widget", vec![blog.into()])
        });
        let form = "token=0123456789abcdef0123456789abcdef";
        let r = t
            .send(post_from(None, "/api/widget/checkout", form, None))
            .await;
        assert_eq!(r.status, 403, "no Origin: {}", r.body);
        let mut unlisted = post_from(None, "/api/widget/checkout", form, None);
        unlisted.headers_mut().insert(
            header::REFERER,
            "https://evil.example/page".parse().unwrap(),
        );
        let r = t.send(unlisted).await;
        assert_eq!(r.status, 403, "an unlisted Referer: {}", r.body);
        let r = t
            .send(post_from(Some(blog), "/api/widget/checkout", form, None))
            .await;
        assert!(r.status.is_redirection(), "{} {}", r.status, r.body);
    })
}

#[test]
fn the_widget_never_hands_a_page_the_cookies_cart_token() {
    common::run(async {
        let t = TestStore::new("attack-token");
        let cookie = common::cart_with_item(&t).await;
        let token = cookie.trim_start_matches("vitrine_cart=").to_string();
        // The store's own page asks with no token: it sees its cart, not the cookie's token.
        let r = t.call("widget/cart", "token=", Some(&cookie)).await;
        let answer: TokenCart = r.json();
        assert_eq!(answer.cart.item_count, 1);
        assert_eq!(answer.token, "", "the HttpOnly cookie's token leaked");
        assert!(!r.body.contains(&token));
        let variant = {
            use vitrine::commerce::backend::Commerce;
            let p = t.store.product("heavyweight-pocket-tee").await.unwrap();
            p.variants.iter().find(|v| v.stock > 0).unwrap().id.clone()
        };
        let r = t
            .call(
                "widget/add",
                &format!("token=&variant_id={variant}&quantity=1"),
                Some(&cookie),
            )
            .await;
        let added: TokenCart = r.json();
        assert_eq!(added.cart.item_count, 2, "added to the shared cart");
        assert_eq!(added.token, "");
        // A cart the widget made for itself is the widget's to name.
        let r = t
            .call(
                "widget/add",
                &format!("token=&variant_id={variant}&quantity=1"),
                None,
            )
            .await;
        assert!(!r.json::<TokenCart>().token.is_empty());
    })
}
