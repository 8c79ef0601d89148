//! First-party events through the real server: each step of the funnel is recorded where it
//! happens, a consenting shopper under a random id and everyone else as a count, the privacy
//! centre deletes a shopper's steps, and /insights shows them behind the admin token.

use crate::common;

use axum::body::Body;
use axum::http::{header, Request};
use common::{cart_with_item, TestStore, ADMIN_TOKEN, CHECKOUT_FORM};
use vitrine::analytics::{Event, Step};
use vitrine::storefront::events::Totals;
use vitrine::storefront::StorefrontData;

const CONSENT: &str = "vitrine_consent=yes";

/// The totals once the writer has caught up with at least `orders` orders and `pages` pages.
async fn settled(t: &TestStore, pages: u64, orders: u64) -> Totals {
    let data = StorefrontData::open(&t.dir).unwrap();
    for _ in 0..100 {
        let totals = data.event_totals(0).await.unwrap();
        // An order's lines are steps of their own, which the writer may take in its next batch.
        let bought: u64 = totals.bought.iter().map(|(_, orders, _)| orders).sum();
        if totals.count(Step::PageView) >= pages
            && totals.count(Step::OrderPlaced) >= orders
            && bought >= orders
        {
            return totals;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the events were not written within 2 s");
}

async fn page(
    t: &TestStore,
    path: &str,
    cookie: Option<&str>,
    extra: Option<(&str, &str)>,
) -> common::Reply {
    let mut req = Request::get(path).header(header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    if let Some((k, v)) = extra {
        req = req.header(k, v);
    }
    t.send(req.body(Body::empty()).unwrap()).await
}

#[test]
fn a_consenting_shoppers_steps_are_followed_and_the_dashboard_shows_the_funnel() {
    common::run(async {
        let t = TestStore::new("events-funnel");
        let first = page(&t, "/", Some(CONSENT), None).await;
        let visitor = first
            .cookie("vitrine_visitor")
            .expect("an id, with consent");
        let who = format!("{CONSENT}; {visitor}");
        page(&t, "/p/everyday-crew-tee", Some(&who), None).await;
        t.call(
            "catalog/listing",
            "params[q]=zzzqqqx&params[page]=1",
            Some(&who),
        )
        .await;
        let cart = cart_with_item(&t).await;
        let both = format!("{who}; {cart}");
        t.call("checkout/get", "", Some(&both)).await;
        let placed = t.place(&both, CHECKOUT_FORM, 1).await;
        // The confirmation replayed (a double click) is still one order.
        t.place(&both, CHECKOUT_FORM, 1).await;
        assert!(
            placed.header("location").starts_with("/orders/"),
            "{}",
            placed.body
        );

        let totals = settled(&t, 2, 1).await;
        assert_eq!(totals.count(Step::ProductView), 1);
        assert_eq!(totals.count(Step::Search), 1);
        assert_eq!(totals.count(Step::AddToCart), 1);
        assert_eq!(totals.count(Step::CheckoutStarted), 1);
        assert_eq!(
            totals.count(Step::OrderPlaced),
            1,
            "one order, answered twice"
        );
        assert_eq!(totals.empty_searches, vec![("zzzqqqx".to_string(), 1)]);
        assert_eq!(totals.revenue.len(), 1);
        // What was bought, once however often the order was confirmed.
        assert_eq!(totals.bought.len(), 1, "{:?}", totals.bought);
        let (_, orders, units) = &totals.bought[0];
        assert_eq!((*orders, *units), (1, 1));
        let data = StorefrontData::open(&t.dir).unwrap();
        let id = visitor.trim_start_matches("vitrine_visitor=");
        let mine = data.visitor_events(id).await.unwrap();
        assert!(mine.iter().any(|e| e.step == Step::OrderPlaced), "{mine:?}");

        let req = Request::get("/insights?days=7")
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .body(Body::empty())
            .unwrap();
        let dash = t.send(req).await;
        assert_eq!(dash.status, 200);
        assert!(dash.body.contains("data-testid=\"funnel-chart\""));
        assert!(dash.body.contains("data-testid=\"conversion-chart\""));
        assert!(dash.body.contains("data-testid=\"revenue-chart\""));
        assert!(dash.body.contains("data-testid=\"bought\""));

        // The warehouse's export: every step, one JSON object a line.
        let req = Request::get("/insights/events.ndjson?days=7")
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .body(Body::empty())
            .unwrap();
        let export = t.send(req).await;
        assert_eq!(export.header("content-type"), "application/x-ndjson");
        let lines: Vec<serde_json::Value> = export
            .body
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON object a line"))
            .collect();
        assert!(lines.len() >= 7, "{}", export.body);
        assert!(lines.iter().any(|l| l["step"] == "order_placed"
            && l["currency"] == "USD"
            && l["value"].as_i64() > Some(0)));
        assert!(lines
            .iter()
            .all(|l| l["time"].as_str().is_some_and(|t| t.ends_with('Z'))));
        assert_eq!(
            t.send(
                Request::get("/insights/events.ndjson")
                    .body(Body::empty())
                    .unwrap()
            )
            .await
            .status,
            401
        );
        assert!(
            dash.body.contains("<td>zzzqqqx</td>"),
            "the empty search is listed"
        );
        assert!(dash
            .header("content-security-policy")
            .contains("default-src 'none'"));

        // The privacy centre's deletion takes the steps with it, and the id.
        let r = t.call("profile/delete", "", Some(&who)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.header("set-cookie").contains("vitrine_visitor=;"));
        assert!(data.visitor_events(id).await.unwrap().is_empty());
    })
}

#[test]
fn without_consent_or_with_do_not_track_a_shopper_is_only_counted() {
    common::run(async {
        let t = TestStore::new("events-anonymous");
        let r = page(&t, "/p/everyday-crew-tee", None, None).await;
        assert!(
            r.cookie("vitrine_visitor").is_none(),
            "no id without consent"
        );
        let r = page(
            &t,
            "/p/everyday-crew-tee",
            Some(CONSENT),
            Some(("dnt", "1")),
        )
        .await;
        assert!(
            r.cookie("vitrine_visitor").is_none(),
            "no id with Do Not Track"
        );
        let r = page(
            &t,
            "/p/everyday-crew-tee",
            Some(CONSENT),
            Some(("sec-gpc", "1")),
        )
        .await;
        assert!(
            r.cookie("vitrine_visitor").is_none(),
            "no id with Global Privacy Control"
        );
        // Not a page: nothing counted.
        page(&t, "/p/no-such-product", None, None).await;
        let totals = settled(&t, 3, 0).await;
        assert_eq!(totals.count(Step::ProductView), 3);
        assert_eq!(totals.visitors, 0);
        assert!(totals.steps.iter().all(|(_, _, followed)| *followed == 0));
    })
}

#[test]
fn the_dashboard_is_the_owners_only() {
    common::run(async {
        let t = TestStore::new("events-insights");
        let r = page(&t, "/insights", None, None).await;
        assert_eq!(r.status, 401);
        assert!(r.body.contains("name=\"token\""), "a sign-in form");
        let form = |token: &str| {
            Request::post("/insights")
                .header(header::HOST, common::STORE_HOST)
                .header(header::ORIGIN, common::STORE_ORIGIN)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!("token={token}")))
                .unwrap()
        };
        assert_eq!(t.send(form("wrong")).await.status, 401);
        let ok = t.send(form(ADMIN_TOKEN)).await;
        assert!(ok.status.is_redirection(), "{} {}", ok.status, ok.body);
        let cookie = ok.cookie("vitrine_insights").expect("a session");
        assert!(ok.header("set-cookie").contains("HttpOnly"));
        let dash = page(&t, "/insights", Some(&cookie), None).await;
        assert_eq!(dash.status, 200);
        assert!(dash.body.contains("data-testid=\"funnel\""));
        let forged = page(
            &t,
            "/insights",
            Some("vitrine_insights=99999999999.abc"),
            None,
        )
        .await;
        assert_eq!(forged.status, 401);
    })
}

#[test]
fn old_steps_become_daily_counts_with_no_visitor_left() {
    common::run(async {
        let t = TestStore::new("events-rollup");
        let data = StorefrontData::open(&t.dir).unwrap();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let old = now - 100 * 86_400;
        let visitor = Some("0123456789abcdef0123456789abcdef".to_string());
        let step = |at: i64, step: Step, subject: &str, value: i64| Event {
            at,
            step,
            page: if step == Step::PageView {
                "home".into()
            } else {
                String::new()
            },
            subject: subject.into(),
            value,
            currency: if step == Step::OrderPlaced {
                "USD".into()
            } else {
                String::new()
            },
            visitor: visitor.clone(),
        };
        for e in [
            step(old, Step::PageView, "", 0),
            step(old + 1, Step::PageView, "", 0),
            step(old + 2, Step::OrderPlaced, "VT-OLD", 5_000),
            // The confirmation answered twice: still one order.
            step(old + 3, Step::OrderPlaced, "VT-OLD", 5_000),
            step(now - 60, Step::PageView, "", 0),
        ] {
            data.events().record(e);
        }
        let mut before = Totals::default();
        for _ in 0..100 {
            before = data.event_totals(0).await.unwrap();
            if before.count(Step::PageView) == 3 && before.count(Step::OrderPlaced) == 1 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(before.count(Step::PageView), 3);

        let rolled = data.roll_up(now - 90 * 86_400).await.unwrap();
        assert_eq!(rolled.events, 4);
        let after = data.event_totals(0).await.unwrap();
        assert_eq!(after.count(Step::PageView), 3, "the counts stay");
        assert_eq!(after.count(Step::OrderPlaced), 1, "one order");
        let mine = data
            .visitor_events(visitor.as_deref().unwrap())
            .await
            .unwrap();
        assert_eq!(
            mine.len(),
            1,
            "only the recent step still names the visitor"
        );
        let days = data.series(0, "USD").await.unwrap();
        let that_day = days
            .iter()
            .find(|d| d.day == old / 86_400)
            .expect("the old day");
        assert_eq!(
            (that_day.page_views, that_day.orders, that_day.revenue),
            (2, 1, 5_000)
        );
        // Rolling up again changes nothing.
        assert_eq!(data.roll_up(now - 90 * 86_400).await.unwrap().events, 0);
        assert_eq!(data.event_totals(0).await.unwrap().count(Step::PageView), 3);
    })
}
