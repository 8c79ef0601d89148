//! Personalisation through the server: nothing is recorded without consent; with it, views
//! shape "For you" in the server's own HTML; a tampered profile is ignored; the shopper can
//! see, export and delete it; "bought together" comes from real orders.

use crate::common;

use common::TestStore;
use vitrine::api::profile::PrivacyData;
use vitrine::api::recommend::{HomeRows, ProductRows, Reason};

const YES: &str = "vitrine_consent=yes";

/// Views `handles` one after another as a shopper with `cookies`; returns the cookies after.
async fn view(t: &TestStore, cookies: &str, handles: &[&str]) -> String {
    let mut cookies = cookies.to_string();
    for h in handles {
        let r = t.get(&format!("/p/{h}"), Some(&cookies)).await;
        assert_eq!(r.status, 200);
        if let Some(profile) = r.cookie("vitrine_profile") {
            cookies = format!("{YES}; {profile}");
        }
    }
    cookies
}

fn knitwear() -> Vec<String> {
    vitrine::commerce::embedded::catalog::generate(1)
        .into_iter()
        .filter(|p| p.category.handle == "knitwear")
        .map(|p| p.handle)
        .collect()
}

#[test]
fn without_consent_nothing_is_recorded() {
    common::run(async {
        let t = TestStore::new("no-consent");
        for cookie in [None, Some("vitrine_consent=no")] {
            let r = t.get("/p/everyday-crew-tee", cookie).await;
            assert_eq!(r.status, 200);
            assert_eq!(r.cookie("vitrine_profile"), None, "{cookie:?}");
            let r = t.call("catalog/listing", "params[q]=lamp", cookie).await;
            assert_eq!(r.cookie("vitrine_profile"), None);
        }
        let home = t.get("/", None).await;
        assert!(
            home.body.contains("data-testid=\"consent-banner\""),
            "the banner asks"
        );
        let home = t.get("/", Some("vitrine_consent=no")).await;
        assert!(
            !home.body.contains("data-testid=\"consent-banner\""),
            "and asks once"
        );
    })
}

#[test]
fn with_consent_views_lead_for_you_in_the_server_html() {
    common::run(async {
        let t = TestStore::new("for-you");
        let knitwear = knitwear();
        let seen: Vec<&str> = knitwear.iter().take(3).map(String::as_str).collect();
        let cookies = view(&t, YES, &seen).await;
        assert!(cookies.contains("vitrine_profile="));

        let rows: HomeRows = t.call("recommend/home", "", Some(&cookies)).await.json();
        let for_you = rows.for_you.expect("a For you row");
        assert!(knitwear.contains(&for_you.products[0].handle));
        assert!(!seen.contains(&for_you.products[0].handle.as_str()));
        assert!(matches!(for_you.reason, Reason::BecauseYouViewed(ref names) if !names.is_empty()));
        let recent: Vec<String> = rows
            .recently_viewed
            .unwrap()
            .products
            .into_iter()
            .map(|p| p.handle)
            .collect();
        let newest_first: Vec<&str> = seen.iter().rev().copied().collect();
        assert_eq!(recent, newest_first, "newest first");

        let home = t.get("/", Some(&cookies)).await;
        assert!(home.body.contains("data-testid=\"for-you\""));

        // Browsing knitwear's own category puts taste first too (relevance has no words here).
        let listing: vitrine::api::listing::Listing = t
            .call("catalog/listing", "params[category]=bags", Some(&cookies))
            .await
            .json();
        assert!(listing.personalised);
    })
}

#[test]
fn a_tampered_or_oversized_profile_is_ignored() {
    common::run(async {
        let t = TestStore::new("tampered");
        let cookies = view(&t, YES, &["everyday-crew-tee"]).await;
        let privacy: PrivacyData = t.call("profile", "", Some(&cookies)).await.json();
        assert_eq!(privacy.profile.events.len(), 1);

        let value = cookies.split("vitrine_profile=").nth(1).unwrap();
        let (body, mac) = value.split_once('.').unwrap();
        let mut forged = body.as_bytes().to_vec();
        forged[3] = if forged[3] == b'A' { b'B' } else { b'A' };
        let forged = format!(
            "{YES}; vitrine_profile={}.{mac}",
            String::from_utf8(forged).unwrap()
        );
        let privacy: PrivacyData = t.call("profile", "", Some(&forged)).await.json();
        assert!(
            privacy.profile.is_empty(),
            "a forged profile is not trusted"
        );

        let huge = format!("{YES}; vitrine_profile={}.{mac}", "A".repeat(5_000));
        let privacy: PrivacyData = t.call("profile", "", Some(&huge)).await.json();
        assert!(privacy.profile.is_empty());

        // Many views stay within a cookie's size.
        let handles: Vec<String> = vitrine::commerce::embedded::catalog::generate(1)
            .into_iter()
            .take(60)
            .map(|p| p.handle)
            .collect();
        let refs: Vec<&str> = handles.iter().map(String::as_str).collect();
        let cookies = view(&t, YES, &refs).await;
        assert!(cookies.len() < 3_200, "{} bytes", cookies.len());
        let privacy: PrivacyData = t.call("profile", "", Some(&cookies)).await.json();
        assert_eq!(
            privacy.profile.events[0].subject, handles[59],
            "the profile keeps up (oldest views make room) instead of freezing when full"
        );
        assert!(privacy.profile.events.len() >= 10);
    })
}

#[test]
fn the_shopper_can_export_delete_and_withdraw() {
    common::run(async {
        let t = TestStore::new("privacy");
        let cookies = view(&t, YES, &["everyday-crew-tee"]).await;
        let export = t
            .send(
                axum::http::Request::get("/api/profile/export")
                    .header("cookie", &cookies)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(export.status, 200);
        assert!(export.header("content-disposition").contains("attachment"));
        assert!(export.body.contains("everyday-crew-tee"));

        let deleted = t.call("profile/delete", "", Some(&cookies)).await;
        assert_eq!(deleted.status, 200);
        assert!(deleted
            .header("set-cookie")
            .contains("vitrine_profile=; Path=/; Max-Age=0"));

        let withdrawn = t
            .call("profile/choose", "allow=false", Some(&cookies))
            .await;
        let set = withdrawn.header("set-cookie");
        assert!(set.contains("vitrine_consent=no"));
        assert!(set.contains("vitrine_profile=; Path=/; Max-Age=0"));
    })
}

#[test]
fn the_privacy_centre_is_drawn_again_as_the_page_draws_it() {
    common::run(async {
        let t = TestStore::new("privacy-shown");
        let cookies = view(&t, YES, &["everyday-crew-tee"]).await;
        let drawn = |r: common::Reply| {
            assert_eq!(r.status, 200, "{}", r.body);
            assert!(r.header("content-type").starts_with("text/plain"));
            common::text_parts(&r.body).remove(0)
        };
        let shown = drawn(t.call("profile/shown", "", Some(&cookies)).await);
        assert!(shown.contains("data-testid=\"privacy-events\""), "{shown}");
        assert!(shown.contains("Everyday Crew Tee"), "{shown}");
        assert!(shown.contains("action=\"/api/profile/delete\""));
        assert!(
            shown.contains("name=\"allow\" value=\"false\""),
            "withdraw is offered"
        );

        // Emptied by the delete (the cookie the browser now sends holds no record).
        let consent_only = cookies
            .split("; ")
            .filter(|c| !c.starts_with("vitrine_profile="))
            .collect::<Vec<_>>()
            .join("; ");
        let unverified = drawn(t.call("profile/shown", "", Some(&consent_only)).await);
        assert!(unverified.contains("data-testid=\"privacy-empty\""));
        assert!(
            !unverified.contains("privacy-deleted"),
            "deleted everywhere is said only once the browser checked its copy"
        );
        let verified = drawn(
            t.call("profile/shown", "verified=true", Some(&consent_only))
                .await,
        );
        assert!(
            verified.contains("data-testid=\"privacy-deleted\""),
            "{verified}"
        );
        // A record still there is never said to be deleted.
        let still = drawn(
            t.call("profile/shown", "verified=true", Some(&cookies))
                .await,
        );
        assert!(!still.contains("privacy-deleted"));
    })
}

#[test]
fn bought_together_comes_from_orders_and_similar_from_attributes() {
    common::run(async {
        let t = TestStore::new("together");
        let rows: ProductRows = t
            .call("recommend/product", "handle=everyday-crew-tee", None)
            .await
            .json();
        let together = rows.together.expect("a bought-together row");
        assert!(matches!(together.reason, Reason::BoughtWith(_)));
        // The seeded history pairs tee 0 with sneaker 3 (history.rs).
        let partner = &vitrine::commerce::embedded::catalog::generate(1)[2 * 16 + 3].handle;
        assert!(
            together.products.iter().any(|p| &p.handle == partner),
            "{partner} in {:?}",
            together
                .products
                .iter()
                .map(|p| &p.handle)
                .collect::<Vec<_>>()
        );
        let similar = rows.similar.expect("a similar row");
        assert!(similar
            .products
            .iter()
            .all(|p| p.handle != "everyday-crew-tee"));
        assert!(rows.recently_viewed.is_none(), "no consent, no history");
        let r = t.call("recommend/product", "handle=..%2Fetc", None).await;
        assert_eq!(r.status, 404);
    })
}
