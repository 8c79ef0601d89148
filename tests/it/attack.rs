//! The outside attack of issue 15, replayed against the real router on a real store: each
//! test sends what the attacker sent and asserts the harmless outcome a shopper would see.

use crate::common;

use axum::body::Body;
use axum::http::{header, Request};
use common::{post_from, TestStore, STORE_ORIGIN};
use vitrine::commerce::TokenCart;

const EVIL: &str = "https://evil.example";

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
            .send({
                let mut r = common::api_request("cart/add", &attempts[1].1, None);
                r.headers_mut()
                    .insert(header::ORIGIN, EVIL.parse().unwrap());
                r
            })
            .await;
        assert_eq!(r.status, 403);
        assert!(matches!(r.error(), vitrine::api::ApiError::Invalid(_)));
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

/// A server-function call as the store's own page makes it, from the client at `peer`
/// (with what a proxy in front said, if anything).
fn call_from(
    peer: &str,
    forwarded: Option<&str>,
    endpoint: &str,
    form: &str,
    cookie: Option<&str>,
) -> Request<Body> {
    let mut req = common::api_request(endpoint, form, cookie);
    if let Some(f) = forwarded {
        req.headers_mut()
            .insert("x-forwarded-for", f.parse().unwrap());
    }
    let addr: std::net::SocketAddr = format!("{peer}:50000").parse().unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(addr));
    req
}

#[test]
fn a_listing_call_with_thousands_of_filter_values_is_cut_to_the_caps() {
    common::run(async {
        let t = TestStore::new("attack-listing");
        let mut form = String::from("params[category]=t-shirts");
        for i in 0..1_500 {
            form.push_str(&format!("&params[filters][colours][{i}]=c{i:05}"));
        }
        assert!(form.len() < 64 * 1024);
        let r = t.call("catalog/listing", &form, None).await;
        assert_eq!(r.status, 200, "{}", &r.body[..r.body.len().min(300)]);
        let listing: vitrine::api::listing::Listing = r.json();
        assert_eq!(
            listing.params.filters.colours.len(),
            vitrine::discovery::facets::MAX_TICKED,
            "the server function applies the page's caps"
        );
        assert!(listing.facets.colours.iter().filter(|c| c.selected).count() <= 20);

        // The attack's 1.5 MB body, and a 3 MB one, are refused before anything reads them.
        for size in [1_500_000, 3_000_000] {
            let big = format!("params[q]={}", "a".repeat(size));
            let r = t.call("catalog/listing", &big, None).await;
            assert_eq!(r.status, 413, "{size} bytes");
            assert!(r.body.contains("too large"), "{}", r.body);
        }
        // A body that is not text is the sender's mistake, not the server's.
        let mut req = call_from("192.0.2.1", None, "catalog/listing", "", None);
        *req.body_mut() = Body::from(vec![b'q', b'=', 0xff, 0xfe, 0x80]);
        let r = t.send(req).await;
        assert_eq!(r.status, 400, "{}", r.body);
        assert_eq!(t.get("/healthz", None).await.status, 200);
    })
}

#[test]
fn registering_is_limited_like_signing_in_and_a_taken_address_counts_as_a_guess() {
    common::run(async {
        let t = TestStore::new("attack-register");
        let form = |i: u32| {
            format!("email=new{i}%40example.com&name=New+Shopper&password=long-enough-password")
        };
        let mut statuses = Vec::new();
        for i in 0..12 {
            let r = t
                .send(call_from(
                    "198.51.100.4",
                    None,
                    "account/register",
                    &form(i),
                    None,
                ))
                .await;
            statuses.push(r.status.as_u16());
        }
        assert_eq!(&statuses[..10], &[200; 10], "ten accounts from one address");
        assert_eq!(&statuses[10..], &[429, 429], "then the address waits");

        // Guessing a known address's password through "register" from many addresses stops too.
        let taken = "email=new0%40example.com&name=Eve&password=guess-number-0000";
        let mut refused = None;
        for i in 0..15 {
            let r = t
                .send(call_from(
                    &format!("203.0.113.{i}"),
                    None,
                    "account/register",
                    taken,
                    None,
                ))
                .await;
            if r.status == 429 {
                refused = Some(i);
                break;
            }
            assert_eq!(r.status, 422, "{}", r.body);
            assert!(r.cookie("vitrine_session").is_none());
        }
        assert_eq!(
            refused,
            Some(10),
            "ten wrong guesses at one account, then a wait"
        );
    })
}

#[test]
fn sign_in_limits_keep_no_huge_keys_follow_proxies_and_cannot_lock_a_shopper_out() {
    common::run(async {
        let mut attempts = None;
        let t = TestStore::configured("attack-limits", |s| {
            attempts = Some(s.attempts.clone());
            s.with_trusted_proxies(
                vitrine::api::client::TrustedProxies::parse("10.0.0.0/8").unwrap(),
            )
        });
        let attempts = attempts.unwrap();
        t.call(
            "account/register",
            "email=ada%40example.com&name=Ada&password=correct-horse-battery",
            None,
        )
        .await;
        let before = attempts.keys_kept().await;

        // A 1.5 MB email is refused without being kept anywhere.
        let huge = format!(
            "email={}%40example.com&password=x",
            "a".repeat(1_500_000 / 2)
        );
        let r = t.call("account/sign-in", &huge[..60_000], None).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            attempts.keys_kept().await,
            before,
            "nothing was kept for it"
        );

        // Behind the proxy, each shopper has their own attempts: one shopper's ten failures
        // do not stop another's sign-in.
        let wrong = "email=eve%40example.com&password=wrong-password-1";
        for _ in 0..10 {
            t.send(call_from(
                "10.0.0.2",
                Some("198.51.100.20"),
                "account/sign-in",
                wrong,
                None,
            ))
            .await;
        }
        let r = t
            .send(call_from(
                "10.0.0.2",
                Some("198.51.100.20"),
                "account/sign-in",
                wrong,
                None,
            ))
            .await;
        assert_eq!(r.status, 429, "the failing shopper waits");
        let good = "email=ada%40example.com&password=correct-horse-battery";
        let r = t
            .send(call_from(
                "10.0.0.2",
                Some("198.51.100.21"),
                "account/sign-in",
                good,
                None,
            ))
            .await;
        assert_eq!(
            r.status, 200,
            "another shopper behind the same proxy: {}",
            r.body
        );
        let device = r
            .cookie("vitrine_device")
            .expect("this browser is known now");
        // A client's own X-Forwarded-For is not believed when it does not come through the proxy.
        let r = t
            .send(call_from(
                "198.51.100.20",
                Some("192.0.2.99"),
                "account/sign-in",
                wrong,
                None,
            ))
            .await;
        assert_eq!(r.status, 429, "still the same failing client");

        // An attacker fails ten times at Ada's account from ten addresses…
        let attack = "email=ada%40example.com&password=not-adas-password";
        for i in 0..10 {
            let r = t
                .send(call_from(
                    &format!("203.0.113.{i}"),
                    None,
                    "account/sign-in",
                    attack,
                    None,
                ))
                .await;
            assert_eq!(r.status, 422);
        }
        let r = t
            .send(call_from(
                "203.0.113.50",
                None,
                "account/sign-in",
                attack,
                None,
            ))
            .await;
        assert_eq!(r.status, 429, "guessing at one account is slowed");
        // …and Ada, in the browser she signed in from before, still gets in.
        let r = t
            .send(call_from(
                "192.0.2.7",
                None,
                "account/sign-in",
                good,
                Some(&device),
            ))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.cookie("vitrine_session").is_some());
    })
}

#[test]
fn failing_lookups_by_others_do_not_lock_the_buyer_out_of_their_order() {
    common::run(async {
        let t = TestStore::new("attack-lookup");
        let cart = common::cart_with_item(&t).await;
        let r = t.place(&cart, common::CHECKOUT_FORM, 1).await;
        let (code, _) = r.order_link();
        let device = r
            .cookie("vitrine_device")
            .expect("the buyer's browser is known");
        for i in 0..10 {
            let form = format!("code={code}&email=guess{i}%40example.com");
            let r = t
                .send(call_from(
                    &format!("203.0.113.{i}"),
                    None,
                    "orders/lookup",
                    &form,
                    None,
                ))
                .await;
            assert_eq!(r.status, 422);
        }
        let right = format!("code={code}&email=ada%40example.com");
        let r = t
            .send(call_from(
                "203.0.113.77",
                None,
                "orders/lookup",
                &right,
                None,
            ))
            .await;
        assert_eq!(r.status, 429, "guessing at one order is slowed");
        let r = t
            .send(call_from(
                "192.0.2.8",
                None,
                "orders/lookup",
                &right,
                Some(&device),
            ))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r
            .header("location")
            .starts_with(&format!("/orders/{code}?t=")));
    })
}

#[test]
fn a_session_cookie_kept_from_before_sign_out_opens_nothing() {
    common::run(async {
        let t = TestStore::new("attack-sign-out");
        let r = t
            .call(
                "account/register",
                "email=ada%40example.com&name=Ada&password=correct-horse-battery",
                None,
            )
            .await;
        let session = r.cookie("vitrine_session").unwrap();
        let account = t.call("account/get", "", Some(&session)).await;
        assert!(account.body.contains("ada@example.com"));
        let r = t.call("account/sign-out", "", Some(&session)).await;
        assert!(
            r.status.is_success() || r.status.is_redirection(),
            "{}",
            r.status
        );
        // Someone who copied the cookie before sign-out replays it.
        let replayed = t.call("account/get", "", Some(&session)).await;
        assert_eq!(replayed.status, 200);
        assert_eq!(
            replayed.body, "null",
            "the old session still names the account"
        );
    })
}

/// The variant id of an in-stock `handle` with at least `units` left.
async fn stocked(t: &TestStore, handle: &str, units: u32) -> String {
    use vitrine::commerce::backend::Commerce;
    let p = t.store.product(handle).await.unwrap();
    p.variants
        .iter()
        .find(|v| v.stock >= units)
        .unwrap()
        .id
        .clone()
}

#[test]
fn reads_go_on_while_another_process_holds_the_write_lock() {
    common::run(async {
        use tower::ServiceExt;
        let t = TestStore::new("attack-wal");
        let id = stocked(&t, "everyday-crew-tee", 1).await;
        // A backup or `vitrine admin` in another process takes the write lock.
        let other = rusqlite::Connection::open(t.dir.join("vitrine.sqlite3")).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        let add = common::api_request("cart/add", &format!("variant_id={id}&quantity=1"), None);
        let write = tokio::spawn(t.app.clone().oneshot(add));
        // Let the write reach the lock and wait there.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let page = t.get("/p/everyday-crew-tee", None).await;
        assert_eq!(page.status, 200);
        let listing = t.get("/c/t-shirts", None).await;
        assert_eq!(listing.status, 200);
        assert!(
            !write.is_finished(),
            "the pages answered while the write was still waiting for the other process"
        );
        other.execute_batch("COMMIT").unwrap();
        let added = write.await.unwrap().unwrap();
        assert_eq!(
            added.status(),
            200,
            "the write goes through once the lock is free"
        );
    })
}

#[test]
fn abandoned_carts_do_not_pile_up() {
    common::run(async {
        let t = TestStore::new("attack-carts");
        let db = rusqlite::Connection::open(t.dir.join("vitrine.sqlite3")).unwrap();
        let month = 31 * 86_400;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        db.execute_batch(&format!(
            "INSERT INTO carts (token, created_at, updated_at) VALUES
               ('abandoned', {old}, {old}), ('emptied', {yesterday}, {yesterday}),
               ('recent', {now}, {now});",
            old = now - month,
            yesterday = now - 2 * 86_400,
        ))
        .unwrap();
        let id = stocked(&t, "everyday-crew-tee", 1).await;
        db.execute(
            "INSERT INTO cart_lines (cart_token, variant_id, quantity, added_at) VALUES ('abandoned', ?1, 1, 0)",
            [&id],
        )
        .unwrap();
        // The next new cart sweeps what nobody will come back for.
        common::cart_with_item(&t).await;
        let left: Vec<String> = db
            .prepare("SELECT token FROM carts WHERE token IN ('abandoned', 'emptied', 'recent')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(left, ["recent"]);
        let orphan_lines: i64 = db
            .query_row(
                "SELECT COUNT(*) FROM cart_lines WHERE cart_token = 'abandoned'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphan_lines, 0);
    })
}

#[test]
fn pay_on_delivery_is_for_ordinary_baskets_only() {
    common::run(async {
        let t = TestStore::new("attack-cod");
        let id = stocked(&t, "everyday-crew-tee", 11).await;
        let r = t
            .call("cart/add", &format!("variant_id={id}&quantity=11"), None)
            .await;
        let cookie = r.cookie("vitrine_cart").unwrap();
        let on_delivery = common::CHECKOUT_FORM.replace("payment=card", "payment=delivery");
        let r = t.place(&cookie, &on_delivery, 1).await;
        assert_eq!(r.status, 422, "{}", r.body);
        let refused = r.error();
        let limit = vitrine::words::Problem::PayOnDeliveryLimit {
            currency: vitrine::commerce::Currency::USD,
        };
        assert_eq!(refused, vitrine::api::ApiError::field("payment", limit));
        assert!(refused.to_string().contains("by card"), "{refused}");
        // Without JavaScript the refusal comes back to the checkout page, by the payment choice.
        let form = format!("{on_delivery}&attempt={:032x}", 2);
        let mut req = post_from(
            Some(STORE_ORIGIN),
            "/api/checkout/place",
            &form,
            Some(&cookie),
        );
        req.headers_mut().insert(
            header::REFERER,
            format!("{STORE_ORIGIN}/checkout").parse().unwrap(),
        );
        let back = t.send(req).await.header("location");
        let page = t
            .get(back.trim_start_matches(STORE_ORIGIN), Some(&cookie))
            .await;
        assert!(page
            .body
            .contains("Pay on delivery is available for up to 10 items"));
        let r = t.place(&cookie, common::CHECKOUT_FORM, 3).await;
        assert!(
            r.status.is_redirection() || r.status == 200,
            "a card pays for it: {}",
            r.body
        );
    })
}

#[test]
fn an_attempt_key_from_another_cart_never_opens_someone_elses_order() {
    common::run(async {
        let t = TestStore::new("attack-attempt");
        let ada = common::cart_with_item(&t).await;
        let eve = common::cart_with_item(&t).await;
        let first = t.place(&ada, common::CHECKOUT_FORM, 7).await;
        let (ada_order, _) = first.order_link();
        let eves = t
            .place(&eve, &common::CHECKOUT_FORM.replace("ada%40", "eve%40"), 7)
            .await;
        let (eve_order, _) = eves.order_link();
        assert_ne!(
            ada_order, eve_order,
            "the same key from another cart made its own order"
        );
        // The same cart replaying its key still gets its one order.
        let again = t.place(&ada, common::CHECKOUT_FORM, 7).await;
        assert_eq!(again.order_link().0, ada_order);
    })
}

#[test]
fn names_emails_and_gift_messages_cannot_disguise_themselves() {
    common::run(async {
        let t = TestStore::new("attack-text");
        let cookie = common::cart_with_item(&t).await;
        for (bad, field) in [
            ("name=Ada+Lovelace", "name=Ada%E2%80%AEecalevoL"),
            ("email=ada%40example.com", "email=ada%07%40example.com"),
        ] {
            let form = common::CHECKOUT_FORM.replace(bad, field);
            let r = t.place(&cookie, &form, 3).await;
            assert_eq!(r.status, 422, "{field}: {}", r.body);
        }
        let gift = "&gift=on&gift_message=Enjoy%21%0A%0ATotal+paid%3A+%240.00&recipient_name=Grace+Hopper&recipient_line1=1+Navy+Yard&recipient_city=Arlington&recipient_postcode=22202&recipient_country=US";
        let r = t
            .place(&cookie, &format!("{}{gift}", common::CHECKOUT_FORM), 4)
            .await;
        let (code, _) = r.order_link();
        let slip = t.admin_get(&format!("/admin/orders/{code}/slip")).await;
        assert!(
            !slip
                .body
                .lines()
                .any(|l| l.trim_start().starts_with("Total paid: $0.00")),
            "the message forged a slip line:\n{}",
            slip.body
        );
        assert!(slip.body.contains("│ Total paid: $0.00"), "{}", slip.body);
    })
}

#[test]
fn only_errors_the_store_put_in_a_link_are_shown() {
    common::run(async {
        let t = TestStore::new("attack-err");
        let cart = common::cart_with_item(&t).await;
        // A refused plain form post comes back to its page with the error…
        let form = format!(
            "{}&attempt={:032x}",
            common::CHECKOUT_FORM.replace("postcode=SW1Y+4JH", "postcode=%3Cb%3E"),
            1
        );
        let mut req = post_from(
            Some(STORE_ORIGIN),
            "/api/checkout/place",
            &form,
            Some(&cart),
        );
        req.headers_mut().insert(
            header::REFERER,
            format!("{STORE_ORIGIN}/checkout").parse().unwrap(),
        );
        let r = t.send(req).await;
        let location = r.header("location");
        assert!(location.contains("__err="), "{} {location}", r.status);
        let path = location.trim_start_matches(STORE_ORIGIN);
        let page = t.get(path, Some(&cart)).await;
        assert!(
            page.body.contains("Please enter a valid postcode."),
            "the store's own message is shown"
        );
        // …but a link someone else wrote shows nothing of theirs, nor does a real error's
        // signature vouch for other words.
        use base64::Engine;
        let forged = base64::engine::general_purpose::URL_SAFE
            .encode(r#"{"Invalid":"Your account is locked. Call +1 555 0100 now."}"#);
        let sig = path.split("__sig=").nth(1).unwrap_or_default();
        for link in [
            format!("/checkout?__path=/api/checkout/place&__err={forged}"),
            format!("/checkout?__path=/api/checkout/place&__err={forged}&__sig={sig}"),
        ] {
            let page = t.get(&link, Some(&cart)).await;
            assert_eq!(page.status, 200);
            assert!(
                !page.body.contains("555 0100"),
                "a stranger's words in the store's error box"
            );
        }
    })
}

#[test]
fn timing_and_transport_headers_tell_an_attacker_nothing_and_keep_https() {
    common::run(async {
        let t = TestStore::new("attack-headers");
        let r = t
            .call(
                "orders/lookup",
                "code=VT-AAAAAAAA&email=ada%40example.com",
                None,
            )
            .await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.header("server-timing"),
            "",
            "lookup time would tell orders apart"
        );
        assert!(!t.get("/", None).await.header("server-timing").is_empty());
        let https = Request::get("/")
            .header("x-forwarded-proto", "https")
            .body(Body::empty())
            .unwrap();
        let r = t.send(https).await;
        assert!(r.header("strict-transport-security").contains("max-age="));
        assert_eq!(
            t.get("/", None).await.header("strict-transport-security"),
            ""
        );
    })
}
