//! Browse pages kept for shoppers nobody follows (`server::page_cache`): a page served from a
//! copy is the page that shopper would have been drawn, their own cart's count included;
//! followed shoppers are drawn afresh; changes made through this server show at once; and
//! what drawing a page records (a search) is recorded for every page served from the copy.

use crate::common;

use common::{cart_with_item, one_stocked_variant, TestStore, ADMIN_TOKEN, CHECKOUT_FORM};
use std::time::Duration;
use vitrine::analytics::Step;
use vitrine::commerce::backend::Commerce;
use vitrine::storefront::StorefrontData;

/// The page with its nonces blanked (each response has a fresh one), up to `</html>`: after
/// it Leptos appends its resource bookkeeping, which differs from one drawing to the next
/// (a recommendation row's resource is sometimes still pending when the page is taken).
fn without_nonces(body: &str) -> String {
    let body = body.find("</html>").map_or(body, |end| &body[..end]);
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = rest.find("nonce=\"") {
        out.push_str(&rest[..at + 7]);
        rest = &rest[at + 7..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out + rest
}

fn count_in(body: &str) -> Option<String> {
    let badge = &body[body.find("data-testid=\"cart-count\"")?..];
    let at = badge.find('>')? + 1;
    Some(badge[at..at + badge[at..].find('<')?].to_string())
}

#[test]
fn a_kept_page_is_the_page_each_shopper_would_have_been_drawn() {
    common::run(async {
        let kept = TestStore::new("page-copy");
        let fresh = kept.beside(|s| s.with_page_ttl(Duration::ZERO));
        let one = cart_with_item(&kept).await;
        let two = cart_with_item(&kept).await;
        let variant = {
            let p = kept.store.product("everyday-crew-tee").await.unwrap();
            p.variants.iter().find(|v| v.stock >= 3).unwrap().id.clone()
        };
        let more = kept
            .call(
                "cart/add",
                &format!("variant_id={variant}&quantity=2"),
                Some(&two),
            )
            .await;
        assert!(more.status.is_success(), "{}", more.body);
        let category = kept.store.categories().await.unwrap()[0].handle.clone();
        let refused = format!("vitrine_consent=no; {one}");
        for path in [
            "/".to_string(),
            format!("/c/{category}?sort=price-asc"),
            "/p/everyday-crew-tee".into(),
            "/search?q=tshirt".into(),
            "/ru/p/everyday-crew-tee".into(),
        ] {
            let mut served = Vec::new();
            for cookie in [None, Some(one.as_str()), Some(two.as_str()), Some(&refused)] {
                let copy = kept.get(&path, cookie).await;
                let drawn = fresh.get(&path, cookie).await;
                assert_eq!(copy.status, 200, "{path}");
                assert_eq!(
                    without_nonces(&copy.body),
                    without_nonces(&drawn.body),
                    "{path} with {cookie:?}: the copy is the page drawn afresh"
                );
                assert_eq!(drawn.header("x-cache"), "", "nothing kept at TTL 0");
                let nonce = copy.nonce();
                assert!(
                    copy.body.contains(&format!("nonce=\"{nonce}\"")),
                    "{path}: the page's nonce is its policy's"
                );
                served.push((copy.header("x-cache"), nonce, count_in(&copy.body)));
            }
            let how: Vec<_> = served.iter().map(|s| s.0.as_str()).collect();
            // Refusing consent is a page of its own (the banner is gone).
            assert_eq!(how, ["miss", "hit", "hit", "miss"], "{path}");
            assert_ne!(
                served[0].1, served[1].1,
                "{path}: each answer has its own nonce"
            );
            let counts: Vec<_> = served.iter().map(|s| s.2.as_deref()).collect();
            assert_eq!(counts[..3], [Some("0"), Some("1"), Some("3")], "{path}");
        }
    })
}

#[test]
fn a_followed_shopper_or_a_personal_page_is_drawn_afresh() {
    common::run(async {
        let t = TestStore::new("page-copy-personal");
        let cart = cart_with_item(&t).await;
        t.get("/p/everyday-crew-tee", None).await;
        for cookie in [
            "vitrine_consent=yes",
            "vitrine_session=x",
            "vitrine_wishlist=x",
            "vitrine_profile=x",
        ] {
            let r = t
                .get("/p/everyday-crew-tee", Some(&format!("{cookie}; {cart}")))
                .await;
            assert_eq!(r.status, 200);
            assert_eq!(r.header("x-cache"), "", "{cookie}");
        }
        for path in ["/cart", "/checkout", "/wishlist", "/orders", "/account"] {
            t.get(path, Some(&cart)).await;
            let r = t.get(path, Some(&cart)).await;
            assert_eq!(r.header("x-cache"), "", "{path}");
        }
    })
}

#[test]
fn changes_made_through_this_server_show_at_once() {
    common::run(async {
        let t = TestStore::new("page-copy-changes");
        let path = "/p/everyday-crew-tee";
        t.get(path, None).await;
        assert_eq!(t.get(path, None).await.header("x-cache"), "hit");
        let r = t
            .admin(
                "/admin/products/everyday-crew-tee/price?amount=7.00",
                ADMIN_TOKEN,
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
        let r = t.get(path, None).await;
        assert_eq!(
            r.header("x-cache"),
            "miss",
            "a new price draws the page again"
        );
        assert!(r.body.contains("7.00"), "the new price shows");

        // A sale that sells a product out: its page says so at once.
        let (handle, variant, stock) = one_stocked_variant(&t.store).await;
        let page = format!("/p/{handle}");
        t.get(&page, None).await;
        assert_eq!(t.get(&page, None).await.header("x-cache"), "hit");
        let added = t
            .call(
                "cart/add",
                &format!("variant_id={variant}&quantity={stock}"),
                None,
            )
            .await;
        let cart = added.cookie("vitrine_cart").unwrap();
        let placed = t.place(&cart, CHECKOUT_FORM, 1).await;
        assert!(
            placed.status.is_redirection() || placed.status.is_success(),
            "{}",
            placed.body
        );
        let r = t.get(&page, None).await;
        assert_eq!(r.header("x-cache"), "miss");
        assert!(r.body.contains("stock stock--out"), "sold out at once");
        // A sale that leaves what pages say as it was keeps them.
        assert_eq!(t.get(&page, None).await.header("x-cache"), "hit");
        let one = cart_with_item(&t).await;
        t.place(&one, CHECKOUT_FORM, 2).await;
        assert_eq!(t.get(&page, None).await.header("x-cache"), "hit");

        // Elsewhere (another instance, the admin command): within the copy's life.
        tokio::time::sleep(vitrine::server::PAGE_TTL).await;
        assert_eq!(t.get(&page, None).await.header("x-cache"), "miss");
    })
}

#[test]
fn a_search_served_from_a_copy_is_counted_each_time() {
    common::run(async {
        let t = TestStore::new("page-copy-steps");
        for _ in 0..3 {
            t.get("/search?q=zzzqqqx", None).await;
        }
        let data = StorefrontData::open(&t.dir).unwrap();
        for _ in 0..100 {
            let totals = data.event_totals(0).await.unwrap();
            if totals.count(Step::PageView) >= 3 && totals.count(Step::Search) >= 3 {
                assert_eq!(totals.empty_searches, vec![("zzzqqqx".to_string(), 3)]);
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("three searches were not recorded");
    })
}
