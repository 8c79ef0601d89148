//! What recorded steps must add up to wherever they are kept, through two instances' data
//! (`a` records, `b` reads) that share them: run on SQLite (one folder) and on PostgreSQL
//! (two folders, one database), so the dashboard cannot count differently on either.

use super::events::{Site, Totals};
use super::StorefrontData;
use crate::analytics::experiments::{format_time, shipped};
use crate::analytics::{Event, Step};

const DAY: i64 = 86_400;
const SITE: &str = "https://blog.example";

fn step(at: i64, step: Step, visitor: Option<&str>) -> Event {
    Event {
        visitor: visitor.map(str::to_string),
        ..Event::new(at, step)
    }
}

fn with(mut e: Event, page: &str, subject: &str, value: i64, currency: &str) -> Event {
    e.page = page.into();
    e.subject = subject.into();
    e.value = value;
    e.currency = currency.into();
    e
}

/// `b`'s totals since `since` once `pages` page views have reached it.
async fn caught_up(b: &StorefrontData, since: i64, pages: u64) -> Totals {
    for _ in 0..200 {
        let t = b.event_totals(since).await.unwrap();
        if t.count(Step::PageView) >= pages {
            return t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the recorded steps did not reach the other instance within 4 s");
}

pub async fn steps_are_counted_followed_rolled_up_and_forgotten_alike(
    a: &StorefrontData,
    b: &StorefrontData,
) {
    let now = crate::api::clock::now();
    let old = now - 100 * DAY;
    let (v, w) = (Some("visitor-v"), Some("visitor-w"));
    let order =
        |at, code: &str, cents, who| with(step(at, Step::OrderPlaced, who), "", code, cents, "USD");
    let bought = |e: Event| with(e, "VT-1", "tee", 2, "");
    let events = vec![
        // A hundred days ago: two anonymous pages and the consenting visitor's first order.
        with(step(old, Step::PageView, None), "home", "", 0, ""),
        with(step(old, Step::PageView, None), "home", "", 0, ""),
        order(old, "VT-0", 1000, v),
        // Today: v sees the experiment's "above" cell, then shops and buys (the order's
        // confirmation answered twice: a double click).
        with(
            step(now - 5, Step::Exposure, v),
            "above",
            "together-position",
            0,
            "",
        ),
        with(
            step(now - 5, Step::Exposure, w),
            "below",
            "together-position",
            0,
            "",
        ),
        with(step(now, Step::PageView, v), "home", "", 0, ""),
        with(step(now, Step::PageView, v), "product", "", 0, ""),
        with(step(now, Step::PageView, None), "product", "", 0, ""),
        with(step(now, Step::ProductView, v), "", "tee", 0, ""),
        with(step(now, Step::ProductView, None), "", "tee", 0, ""),
        with(step(now, Step::ProductView, w), "", "mug", 0, ""),
        with(step(now, Step::Search, v), "", "blue tee", 3, ""),
        with(step(now, Step::Search, None), "", "zzz", 0, ""),
        with(step(now, Step::Search, w), "", "zzz", 0, ""),
        with(step(now, Step::AddToCart, v), "", "tee", 2, ""),
        step(now, Step::CheckoutStarted, v),
        order(now, "VT-1", 2500, v),
        order(now, "VT-1", 2500, v),
        bought(step(now, Step::ProductBought, v)),
        bought(step(now, Step::ProductBought, v)),
        with(step(now, Step::WidgetView, None), "", SITE, 0, ""),
        with(step(now, Step::WidgetAdd, None), "", SITE, 1, ""),
        with(step(now, Step::WidgetSale, None), "VT-1", SITE, 2500, "USD"),
        with(step(now, Step::WidgetSale, None), "VT-1", SITE, 2500, "USD"),
    ];
    for e in &events {
        a.events().record(e.clone());
    }
    let since = now - 200 * DAY;
    let t = caught_up(b, since, 5).await;
    let count = |s| t.count(s);
    assert_eq!(count(Step::PageView), 5);
    assert_eq!(count(Step::OrderPlaced), 2, "VT-1 counted once");
    assert_eq!(count(Step::ProductView), 3);
    assert_eq!(count(Step::Search), 3);
    assert_eq!(count(Step::AddToCart), 1);
    assert_eq!(count(Step::CheckoutStarted), 1);
    let followed = |s| t.steps.iter().find(|(k, _, _)| *k == s).map(|r| r.2);
    assert_eq!(
        followed(Step::PageView),
        Some(2),
        "only consenting visitors followed"
    );
    assert_eq!(t.visitors, 2);
    assert_eq!(t.revenue, vec![("USD".to_string(), 2, 3500)]);
    assert_eq!(
        t.searches,
        vec![("zzz".to_string(), 2, 0), ("blue tee".to_string(), 1, 3)]
    );
    assert_eq!(t.empty_searches, vec![("zzz".to_string(), 2)]);
    assert_eq!(
        t.products,
        vec![("tee".to_string(), 2, 1, 2), ("mug".to_string(), 1, 0, 0)]
    );
    assert_eq!(t.bought, vec![("tee".to_string(), 1, 2)]);
    assert_eq!(
        t.sites,
        vec![Site {
            site: SITE.into(),
            views: 1,
            adds: 1,
            orders: 1,
            revenue: 2500
        }]
    );
    assert_eq!(t.currency, "USD");
    assert_eq!(
        t.pages,
        vec![("home".to_string(), 3), ("product".to_string(), 2)]
    );
    assert!(!t.demo);

    let days = |d: &[super::rollup::Day]| {
        d.iter()
            .map(|d| (d.day, d.page_views, d.orders, d.revenue))
            .collect::<Vec<_>>()
    };
    let series = days(&b.series(since, "USD").await.unwrap());
    assert_eq!(
        series,
        vec![(old / DAY, 2, 1, 1000), (now / DAY, 3, 1, 2500)]
    );

    let mut experiment = shipped()
        .experiments
        .into_iter()
        .find(|e| e.name == "together-position")
        .unwrap();
    experiment.start = Some(format_time(now - 60));
    let mut cells = b.measure(&experiment, "USD", now).await.unwrap();
    cells.sort_by(|x, y| x.cell.cmp(&y.cell));
    let figures = |i: usize| {
        let c = &cells[i];
        (
            c.cell.as_str(),
            c.visitors,
            c.converted,
            c.orders,
            c.revenue,
        )
    };
    assert_eq!(cells.len(), 2);
    assert_eq!(
        figures(0),
        ("above", 1, 1, 1, 2500),
        "the order after it, once"
    );
    assert_eq!(figures(1), ("below", 1, 0, 0, 0));

    let mine = b.visitor_events(v.unwrap()).await.unwrap();
    assert_eq!(mine.len(), 12, "{mine:?}");
    assert_eq!(mine.last().unwrap().subject, "VT-0", "newest first");
    let all = b.events_after(0, 0, 1000).await.unwrap();
    assert_eq!(all.len(), events.len());
    assert!(
        all.windows(2).all(|p| p[0].0 < p[1].0),
        "in the order written"
    );
    let page = b.events_after(0, all[9].0, 5).await.unwrap();
    assert_eq!(
        page.first().map(|p| p.0),
        Some(all[10].0),
        "a page after an id"
    );

    // Older than 90 days: folded into daily counts, nobody left in them.
    let rolled = a.roll_up(now - 90 * DAY).await.unwrap();
    assert_eq!(rolled.events, 3);
    let again = a.roll_up(now - 90 * DAY).await.unwrap();
    assert_eq!(again.events, 0);
    let t = b.event_totals(since).await.unwrap();
    assert_eq!(t.count(Step::PageView), 5, "counts survive the roll-up");
    assert_eq!(t.count(Step::OrderPlaced), 2);
    assert_eq!(days(&b.series(since, "USD").await.unwrap()), series);
    assert_eq!(b.visitor_events(v.unwrap()).await.unwrap().len(), 11);

    // The privacy centre's "Delete" on one instance forgets them on every one.
    assert_eq!(b.forget_visitor(v.unwrap()).await.unwrap(), 11);
    assert!(a.visitor_events(v.unwrap()).await.unwrap().is_empty());
    assert_eq!(a.event_totals(since).await.unwrap().visitors, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_keeps_the_recorded_steps_contract() {
    let dir = std::env::temp_dir().join(format!("vitrine-events-contract-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = StorefrontData::open(&dir).unwrap();
    steps_are_counted_followed_rolled_up_and_forgotten_alike(&data, &data).await;
    let _ = std::fs::remove_dir_all(&dir);
}
