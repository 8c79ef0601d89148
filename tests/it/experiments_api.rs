//! Experiments through the real server: a running experiment draws each visitor's cell in
//! the server's HTML (the set above or below the description; search with or without taste),
//! the same cell on every visit and after a restart; shoppers who did not agree see control
//! and are not counted; and the dashboard's figures come from what was recorded, with a
//! skewed split flagged.

use crate::common;

use common::TestStore;
use vitrine::analytics::experiments::{shipped, Experiment, Verdict};
use vitrine::analytics::{Event, Step};
use vitrine::storefront::StorefrontData;

const YES: &str = "vitrine_consent=yes";
/// A product with the seeded bundle, so its page offers a set.
const PAGE: &str = "/p/heavyweight-pocket-tee";

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn visitor(i: u32) -> String {
    format!("{:032x}", 0x5eed_0000_u128 + u128::from(i) * 7919)
}

fn started(name: &str) -> impl FnOnce(vitrine::server::AppState) -> vitrine::server::AppState + '_ {
    move |state| {
        state
            .storefront
            .time_experiment(name, true, now() - 60)
            .expect("the shipped experiment starts");
        state
    }
}

fn declared(name: &str) -> Experiment {
    shipped()
        .experiments
        .into_iter()
        .find(|e| e.name == name)
        .unwrap()
}

/// Whether the page's HTML has the set above the description.
fn set_above(html: &str) -> bool {
    let set = html
        .find("data-testid=\"buy-together\"")
        .expect("the page offers a set");
    let description = html.find("class=\"product__description\"").unwrap();
    set < description
}

#[test]
fn each_visitor_sees_their_cell_drawn_by_the_server_on_every_visit_and_after_a_restart() {
    common::run(async {
        let t = TestStore::configured("experiment-cells", started("together-position"));
        let e = declared("together-position");
        let mut seen = std::collections::HashMap::new();
        for i in 0..24 {
            let who = format!("{YES}; vitrine_visitor={}", visitor(i));
            let r = t.get(PAGE, Some(&who)).await;
            assert_eq!(r.status, 200);
            let above = set_above(&r.body);
            assert_eq!(above, e.cell_of(&visitor(i)) == "above", "visitor {i}");
            assert!(
                r.header("cache-control").starts_with("private"),
                "never shared"
            );
            seen.insert(i, above);
        }
        assert!(
            seen.values().any(|a| *a) && seen.values().any(|a| !*a),
            "both cells drawn"
        );

        // Without consent, or with Do Not Track: control, and no id given.
        let r = t.get(PAGE, None).await;
        assert!(!set_above(&r.body));
        let some_above = seen.iter().find(|(_, a)| **a).map(|(i, _)| *i).unwrap();
        let who = format!(
            "vitrine_consent=no; vitrine_visitor={}",
            visitor(some_above)
        );
        assert!(!set_above(&t.get(PAGE, Some(&who)).await.body));

        let again = t.restarted();
        for (i, above) in &seen {
            let who = format!("{YES}; vitrine_visitor={}", visitor(*i));
            assert_eq!(set_above(&again.get(PAGE, Some(&who)).await.body), *above);
        }

        // Each consenting visitor counted once, in their cell, by the dashboard. Measured as
        // the store declares it (started a minute ago), not as shipped (not started).
        let data = StorefrontData::open(&t.dir).unwrap();
        let e = data
            .experiments()
            .experiments
            .iter()
            .find(|x| x.name == e.name)
            .cloned()
            .expect("the store runs the experiment");
        assert!(e.started().is_some());
        let mut measured = Vec::new();
        for _ in 0..100 {
            measured = data.measure(&e, "USD", now()).await.unwrap();
            if measured.iter().map(|m| m.visitors).sum::<u64>() >= 24 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let above = seen.values().filter(|a| **a).count() as u64;
        let count = |cell: &str| {
            measured
                .iter()
                .find(|m| m.cell == cell)
                .map_or(0, |m| m.visitors)
        };
        assert_eq!((count("below"), count("above")), (24 - above, above));
        let dash = t.admin_get("/insights").await;
        assert!(dash
            .body
            .contains("data-testid=\"experiment-together-position\""));
        assert!(
            dash.body.contains("Collecting: the smallest cell has"),
            "no winner on 24 visitors"
        );
    })
}

#[test]
fn a_first_consenting_visit_is_already_in_its_cell() {
    common::run(async {
        let t = TestStore::configured("experiment-first", started("together-position"));
        let e = declared("together-position");
        for _ in 0..6 {
            let r = t.get(PAGE, Some(YES)).await;
            let id = r.cookie("vitrine_visitor").expect("an id with consent");
            let id = id.trim_start_matches("vitrine_visitor=");
            assert_eq!(set_above(&r.body), e.cell_of(id) == "above");
        }
    })
}

#[test]
fn search_ranks_without_taste_for_the_plain_cell_only() {
    common::run(async {
        let t = TestStore::configured("experiment-taste", started("search-taste"));
        let e = declared("search-taste");
        // A taste for knitwear, from three views.
        let mut profile = String::new();
        for h in [
            "everyday-crew-tee",
            "heavyweight-pocket-tee",
            "organic-boxy-tee",
        ] {
            let who = format!("{YES}{profile}");
            if let Some(p) = t
                .get(&format!("/p/{h}"), Some(&who))
                .await
                .cookie("vitrine_profile")
            {
                profile = format!("; {p}");
            }
        }
        assert!(!profile.is_empty());
        let mut cells = std::collections::HashSet::new();
        for i in 0..16 {
            let who = format!("{YES}{profile}; vitrine_visitor={}", visitor(i));
            let listing: vitrine::api::listing::Listing = t
                .call(
                    "catalog/listing",
                    "params[q]=tee&params[page]=1",
                    Some(&who),
                )
                .await
                .json();
            let cell = e.cell_of(&visitor(i));
            assert_eq!(
                listing.personalised,
                cell == "taste",
                "visitor {i} in {cell}"
            );
            cells.insert(cell);
        }
        assert_eq!(cells.len(), 2);
    })
}

/// Records exposures and orders as `n` new visitors of each cell (ids counted on from
/// `from`), `bought` of them buying.
fn simulate(data: &StorefrontData, e: &Experiment, plan: &[(&str, u32, u32)], at: i64, from: u32) {
    let mut i = from;
    for (cell, n, bought) in plan {
        let mut made = 0;
        while made < *n {
            i += 1;
            let v = format!("{:032x}", 0xabc0_0000_u128 + u128::from(i));
            if e.cell_of(&v) != *cell {
                continue;
            }
            let mut seen = Event::new(at, Step::Exposure);
            seen.subject = e.name.clone();
            seen.page = cell.to_string();
            seen.visitor = Some(v.clone());
            data.events().record(seen);
            if made < *bought {
                let mut order = Event::new(at + 5, Step::OrderPlaced);
                order.subject = format!("VT-{i}");
                order.value = 4_000;
                order.currency = "USD".into();
                order.visitor = Some(v);
                data.events().record(order);
            }
            made += 1;
        }
    }
}

#[test]
fn the_figures_find_a_real_difference_and_flag_a_skewed_split() {
    common::run(async {
        let t = TestStore::configured("experiment-figures", started("together-position"));
        let data = StorefrontData::open(&t.dir).unwrap();
        let mut e = declared("together-position");
        e.start = Some("2026-01-01".into());
        let now = now();
        let results = |m: &[vitrine::analytics::experiments::Measured]| {
            vitrine::analytics::experiments::results(&e, m)
        };
        // 1,200 visitors a cell; 8% buy under control, 12% with the set above.
        simulate(
            &data,
            &e,
            &[("below", 1200, 96), ("above", 1200, 144)],
            now - 100,
            0,
        );
        let mut m = Vec::new();
        for _ in 0..200 {
            m = data.measure(&e, "USD", now).await.unwrap();
            if m.iter().map(|c| c.visitors).sum::<u64>() >= 2400 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let r = results(&m);
        assert_eq!(
            r.verdict,
            Verdict::Beats {
                cell: "above".into()
            },
            "{m:?}"
        );
        assert_eq!(r.cells[1].measured.revenue, 144 * 4_000);
        assert_eq!(r.cells[1].measured.orders, 144);

        // 600 more for control only: the split no longer matches the weights.
        simulate(&data, &e, &[("below", 600, 48)], now - 50, 1_000_000);
        for _ in 0..200 {
            m = data.measure(&e, "USD", now).await.unwrap();
            if m.iter().map(|c| c.visitors).sum::<u64>() >= 3000 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert!(
            matches!(results(&m).verdict, Verdict::BrokenSplit { .. }),
            "{m:?}"
        );
    })
}

#[test]
fn with_the_statistics_off_nobody_is_followed_and_everyone_sees_control() {
    common::run(async {
        let t = TestStore::configured("experiment-off", |state| {
            let mut state = started("together-position")(state);
            state.storefront = state.storefront.without_statistics();
            state
        });
        let e = declared("together-position");
        let above = (0..40)
            .find(|i| e.cell_of(&visitor(*i)) == "above")
            .unwrap();
        let who = format!("{YES}; vitrine_visitor={}", visitor(above));
        assert!(!set_above(&t.get(PAGE, Some(&who)).await.body));
        let first = t.get(PAGE, Some(YES)).await;
        assert_eq!(first.cookie("vitrine_visitor"), None, "no id given");
    })
}
