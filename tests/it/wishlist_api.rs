//! The wishlist: saved from the product page (a plain form, no script needed), listed as it
//! is now with a note when a price dropped or a sold-out item is back, removed, and bounded:
//! bad or forged input changes nothing.

use crate::common::{self, TestStore, STORE_ORIGIN};
use axum::body::Body;
use axum::http::Request;
use vitrine::commerce::backend::Commerce;

const HANDLE: &str = "everyday-crew-tee";

/// A browser's own form post (no script ran): answered with a redirect.
fn plain_post(endpoint: &str, form: &str, cookie: Option<&str>) -> Request<Body> {
    common::post_from(
        Some(STORE_ORIGIN),
        &format!("/api/{endpoint}"),
        form,
        cookie,
    )
}

#[test]
fn a_product_saved_with_a_plain_form_is_listed_and_removed() {
    common::run(async {
        let t = TestStore::new("wishlist-save");
        let p = t.store.product(HANDLE).await.unwrap();
        let v = &p.variants[1];
        let saved = t
            .send(plain_post(
                "wishlist/save",
                &format!(
                    "handle={HANDLE}&variant_id={}&back=%2Fp%2F{HANDLE}%3Fvariant%3D{}",
                    v.id, v.id
                ),
                None,
            ))
            .await;
        assert!(
            saved.status.is_redirection(),
            "{} {}",
            saved.status,
            saved.body
        );
        assert_eq!(
            saved.header("location"),
            format!("/p/{HANDLE}?variant={}", v.id)
        );
        let cookie = saved.cookie("vitrine_wishlist").expect("the list is kept");
        assert!(saved.header("set-cookie").contains("HttpOnly"));

        let page = t.get(&format!("/p/{HANDLE}"), Some(&cookie)).await;
        assert!(page.body.contains("Saved to your wishlist"));
        assert!(
            page.body.contains(r#"class="wishlist-link__count">1<"#),
            "the header counts it"
        );
        let list = t.get("/wishlist", Some(&cookie)).await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains(&p.name));
        assert!(
            list.body.contains(&v.options.join(" / ")),
            "the variant saved"
        );
        assert!(list.body.contains(&v.price.to_string()));
        assert!(
            list.header("cache-control").contains("no-store"),
            "a personal page"
        );

        // In Russian, the same list in Russian words.
        let ru = t.get("/ru/wishlist", Some(&cookie)).await;
        assert!(ru.body.contains("Повседневная футболка с круглым вырезом"));

        let removed = t
            .send(plain_post(
                "wishlist/remove",
                &format!("handle={HANDLE}&variant_id={}&back=%2Fwishlist", v.id),
                Some(&cookie),
            ))
            .await;
        assert_eq!(removed.header("location"), "/wishlist");
        let cleared = removed.cookie("vitrine_wishlist").unwrap();
        let empty = t.get("/wishlist", Some(&cleared)).await;
        assert!(empty.body.contains("Nothing saved yet"));
    })
}

#[test]
fn the_list_says_when_a_price_dropped_or_a_sold_out_item_is_back() {
    common::run(async {
        let t = TestStore::new("wishlist-notes");
        let p = t.store.product(HANDLE).await.unwrap();
        let cheaper = p.variants.iter().find(|v| v.stock > 0).unwrap().clone();
        let save = |id: &str, cookie: Option<&str>| {
            let form = format!("handle={HANDLE}&variant_id={id}");
            common::api_request("wishlist/save", &form, cookie)
        };
        let r = t.send(save(&cheaper.id, None)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let mut cookie = r.cookie("vitrine_wishlist").unwrap();
        // A sold-out variant of another product, saved too.
        let mut gone = None;
        for handle in [
            "heavyweight-pocket-tee",
            "organic-boxy-tee",
            "washed-ringer-tee",
            "slub-henley",
        ] {
            let q = t.store.product(handle).await.unwrap();
            if let Some(v) = q.variants.iter().find(|v| v.stock == 0) {
                gone = Some((handle, v.id.clone()));
                break;
            }
        }
        let (gone_handle, gone_id) = gone.expect("a sold-out variant in the first shirts");
        let form = format!("handle={gone_handle}&variant_id={gone_id}");
        let r = t
            .send(common::api_request("wishlist/save", &form, Some(&cookie)))
            .await;
        cookie = r.cookie("vitrine_wishlist").unwrap();
        let before = t.get("/wishlist", Some(&cookie)).await;
        assert!(!before.body.contains("price-dropped"));
        assert!(!before.body.contains("back-in-stock"));

        // The store owner lowers a price and restocks.
        let db = rusqlite::Connection::open(t.store.path()).unwrap();
        db.execute(
            "UPDATE variants SET price = price - 200 WHERE id = ?1",
            [cheaper.id.parse::<i64>().unwrap()],
        )
        .unwrap();
        db.execute(
            "UPDATE variants SET stock = 5 WHERE id = ?1",
            [gone_id.parse::<i64>().unwrap()],
        )
        .unwrap();
        let after = t.get("/wishlist", Some(&cookie)).await;
        assert!(
            after
                .body
                .contains(&format!("Price dropped from {}", cheaper.price)),
            "the drop, from the price when saved"
        );
        assert!(after.body.contains("Back in stock"));
    })
}

#[test]
fn bad_or_forged_input_changes_nothing() {
    common::run(async {
        let t = TestStore::new("wishlist-bad");
        let call =
            |form: &str, cookie: Option<&str>| common::api_request("wishlist/save", form, cookie);
        let unknown = t.send(call("handle=no-such-thing", None)).await;
        assert_eq!(unknown.status, 404);
        assert!(unknown.cookie("vitrine_wishlist").is_none());
        let odd = t.send(call("handle=%3Cscript%3E", None)).await;
        assert_eq!(odd.status, 404);
        let variant = t
            .send(call(&format!("handle={HANDLE}&variant_id=999999"), None))
            .await;
        assert_eq!(variant.status, 422);

        // Thirty items, then a clear refusal; saving one already there still works.
        let handles: Vec<String> = vitrine::commerce::embedded::catalog::generate(1)
            .into_iter()
            .map(|p| p.handle)
            .take(31)
            .collect();
        let mut cookie: Option<String> = None;
        for h in &handles[..30] {
            let r = t
                .send(call(&format!("handle={h}"), cookie.as_deref()))
                .await;
            assert_eq!(r.status, 200, "{h}: {}", r.body);
            cookie = r.cookie("vitrine_wishlist");
        }
        let full = t
            .send(call(&format!("handle={}", handles[30]), cookie.as_deref()))
            .await;
        assert_eq!(full.status, 422);
        assert!(full.error().to_string().contains("30"), "{}", full.body);
        let again = t
            .send(call(&format!("handle={}", handles[3]), cookie.as_deref()))
            .await;
        assert_eq!(again.status, 200);
        let list = t.get("/wishlist", cookie.as_deref()).await;
        assert_eq!(list.body.matches("class=\"wishlist__item\"").count(), 30);

        // A cookie changed by hand is not believed.
        let forged = cookie.unwrap().replacen('.', "x.", 1);
        let page = t.get("/wishlist", Some(&forged)).await;
        assert!(page.body.contains("Nothing saved yet"));
    })
}

#[test]
fn a_guests_list_joins_the_account_on_signing_in_and_stays_with_it() {
    common::run(async {
        let t = TestStore::new("wishlist-account");
        const PASSWORD: &str = "correct-horse-battery";
        let saved = t
            .call("wishlist/save", &format!("handle={HANDLE}"), None)
            .await;
        let guest = saved.cookie("vitrine_wishlist").unwrap();
        let registered = t
            .call(
                "account/register",
                &format!("email=grace%40example.com&name=Grace+Hopper&password={PASSWORD}"),
                Some(&guest),
            )
            .await;
        assert_eq!(registered.status, 200, "{}", registered.body);
        let session = registered.cookie("vitrine_session").unwrap();
        assert_eq!(
            registered.cookie("vitrine_wishlist").as_deref(),
            Some("vitrine_wishlist="),
            "the guest's cookie is emptied once its list joined the account"
        );
        // Signed in: saving goes to the account, not to a cookie.
        let more = t
            .call(
                "wishlist/save",
                "handle=heavyweight-pocket-tee",
                Some(&session),
            )
            .await;
        assert_eq!(more.json::<usize>(), 2);
        assert!(more.cookie("vitrine_wishlist").is_none());
        let list = t.get("/wishlist", Some(&session)).await;
        assert_eq!(list.body.matches("class=\"wishlist__item\"").count(), 2);

        // Signed out, this browser is a guest again with nothing saved; signing back in finds
        // both, kept in the storefront's own data.
        let out = t.call("account/sign-out", "", Some(&session)).await;
        let cleared = out.cookie("vitrine_session").unwrap();
        let empty = t.get("/wishlist", Some(&cleared)).await;
        assert!(empty.body.contains("Nothing saved yet"));
        assert!(t.dir.join("storefront.sqlite3").exists());
        let back = t
            .call(
                "account/sign-in",
                &format!("email=grace%40example.com&password={PASSWORD}"),
                None,
            )
            .await;
        let session = back.cookie("vitrine_session").unwrap();
        let again = t.get("/wishlist", Some(&session)).await;
        assert_eq!(again.body.matches("class=\"wishlist__item\"").count(), 2);
    })
}

#[test]
fn a_shared_link_shows_a_read_only_copy_of_the_list() {
    common::run(async {
        let t = TestStore::new("wishlist-share");
        let empty = t.call("wishlist/share", "", None).await;
        assert_eq!(empty.status, 422, "nothing to share yet");
        let r = t
            .call("wishlist/save", &format!("handle={HANDLE}"), None)
            .await;
        let cookie = r.cookie("vitrine_wishlist").unwrap();
        let shared = t
            .send(plain_post("wishlist/share", "", Some(&cookie)))
            .await;
        let location = shared.header("location");
        assert!(location.starts_with("/wishlist/shared/"), "{location}");
        let token = location
            .trim_start_matches("/wishlist/shared/")
            .trim_end_matches("?new=1")
            .to_string();
        assert_eq!(token.len(), 32);

        // Someone else opens it: the list, the link to copy, no Remove.
        let page = t.get(&location, None).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Everyday Crew Tee"));
        assert!(page.body.contains(&format!("/wishlist/shared/{token}")));
        assert!(!page.body.contains("wishlist/remove"), "read-only");
        // The owner's later changes stay private.
        let removed = t
            .call(
                "wishlist/remove",
                &format!("handle={HANDLE}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(removed.json::<usize>(), 0);
        let still = t.get(&format!("/wishlist/shared/{token}"), None).await;
        assert!(still.body.contains("Everyday Crew Tee"));
        assert_eq!(t.get("/wishlist/shared/0123", None).await.status, 404);
        let unknown = format!("/wishlist/shared/{}", "ab".repeat(16));
        assert_eq!(t.get(&unknown, None).await.status, 404);
    })
}

#[test]
fn a_cards_heart_saves_the_product_and_returns_to_the_same_card() {
    common::run(async {
        let t = TestStore::new("wishlist-cards");
        let listing = t.get("/c/t-shirts?sort=price-asc", None).await.body;
        assert!(listing.contains(r#"aria-label="Save Everyday Crew Tee to your wishlist""#));
        let saved = t
            .send(plain_post(
                "wishlist/save",
                &format!("handle={HANDLE}&back=%2Fc%2Ft-shirts%3Fsort%3Dprice-asc%23card-{HANDLE}"),
                None,
            ))
            .await;
        assert_eq!(
            saved.header("location"),
            format!("/c/t-shirts?sort=price-asc#card-{HANDLE}"),
            "back to the same listing, at the card"
        );
        let cookie = saved.cookie("vitrine_wishlist").unwrap();
        let again = t
            .get("/c/t-shirts?sort=price-asc", Some(&cookie))
            .await
            .body;
        let heart = again
            .split("<form")
            .find(|f| f.contains(&format!(r#"id="card-{HANDLE}""#)))
            .and_then(|f| f.split("</form>").next())
            .expect("the card's heart");
        assert!(heart.contains(r#"aria-pressed="true""#), "{heart}");
        assert!(heart.contains("Remove Everyday Crew Tee from your wishlist"));
        assert!(heart.contains(r#"action="/api/wishlist/remove""#));
        // Only that card.
        assert_eq!(
            again
                .matches(r#"aria-pressed="true" data-testid="card-heart""#)
                .count(),
            1
        );
    })
}

#[test]
fn the_owners_price_change_shows_as_a_drop_in_every_currency() {
    common::run(async {
        let t = TestStore::new("wishlist-price-change");
        let before = t.store.product(HANDLE).await.unwrap();
        let r = t
            .send(common::api_request(
                "wishlist/save",
                &format!("handle={HANDLE}"),
                None,
            ))
            .await;
        let cookie = r.cookie("vitrine_wishlist").unwrap();
        let path = format!("/admin/products/{HANDLE}/price?amount=9.00");
        assert_eq!(
            t.admin(&path, "wrong-token-wrong-token-00").await.status,
            401
        );
        assert_eq!(
            t.admin(
                &format!("/admin/products/{HANDLE}/price?amount=9,00"),
                common::ADMIN_TOKEN
            )
            .await
            .status,
            400
        );
        assert_eq!(
            t.admin(
                "/admin/products/no-such-thing/price?amount=9.00",
                common::ADMIN_TOKEN
            )
            .await
            .status,
            404
        );
        let r = t.admin(&path, common::ADMIN_TOKEN).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let after = t.store.product(HANDLE).await.unwrap();
        assert!(after
            .variants
            .iter()
            .all(|v| v.price.minor == 900 && v.compare_at.is_none_or(|c| c.minor > 900)));
        assert_eq!(after.variants.len(), before.variants.len());
        let list = t.get("/wishlist", Some(&cookie)).await.body;
        assert!(list.contains("Price dropped from"), "the wishlist notices");
        // The listing (cached) follows at once.
        let listing = t.get("/c/t-shirts?sort=price-asc", None).await.body;
        assert!(listing.contains("$9.00"));
        // Euros follow the new price too.
        let euro = t
            .store
            .clone()
            .in_currency(vitrine::commerce::Currency::EUR)
            .product(HANDLE)
            .await
            .unwrap();
        assert!(euro
            .variants
            .iter()
            .all(|v| v.price.minor < 900 && v.price.minor > 0));
    })
}
