//! Four weeks of generated visits for the seeded store, so that its owner's dashboard shows a
//! funnel, searches and sales on the first run, as the seeded order history does for the
//! shop. Deterministic (a fixed seed), with a week's rhythm (more on weekends), a share of
//! consenting visitors, some searches that find nothing, and about 2% of visits buying.
//! Only the seeded embedded store gets it; its orders are marked `DEMO-…`.

use super::{search_key, Event, Step};
use crate::commerce::embedded::catalog::Rng;

/// Days of visits, ending the day before yesterday of the store's first start.
pub const DAYS: i64 = 28;

/// Searches shoppers type, most asked first, with how many products each finds in the
/// seeded catalogue (the last three: none).
const SEARCHES: [(&str, i64); 12] = [
    ("tee", 24),
    ("tote", 6),
    ("sneakers", 16),
    ("mug", 5),
    ("linen shirt", 3),
    ("wool", 9),
    ("lamp", 7),
    ("hoodie", 4),
    ("socks", 2),
    ("umbrella", 0),
    ("gift card", 0),
    ("swimsuit", 0),
];
/// Sites that embed the widget.
const SITES: [&str; 3] = [
    "https://blog.example",
    "https://zine.example",
    "https://shop-window.example",
];

/// The visits, given the catalogue's products (handle, price in US cents) and the moment
/// the store starts (seconds since the epoch).
pub fn visits(products: &[(String, i64)], now: i64) -> Vec<Event> {
    let mut rng = Rng::new(0xdea1_0f15_1705);
    let mut out = Vec::new();
    if products.is_empty() {
        return out;
    }
    let today = now.div_euclid(86_400);
    let mut order = 0;
    // Nothing from the last day and a half, which the dashboard's "24 hours" shows: that
    // period is the owner's own first visits.
    for day in today - DAYS - 1..today - 1 {
        // Thursday 1970-01-01 is day 0: days 2 and 3 of the week are Saturday and Sunday.
        let weekend = matches!(day.rem_euclid(7), 2 | 3);
        let count = rng.range(140, 190) + if weekend { 60 } else { 0 };
        // The widget on other sites: views, and a few adds.
        for _ in 0..rng.range(20, 45) {
            let site = SITES[rng.range(0, 2).min(rng.range(0, 2)) as usize];
            let mut v = Visit {
                at: day * 86_400 + rng.range(7 * 3600, 22 * 3600),
                visitor: None,
                events: &mut out,
            };
            v.step(&mut rng, Step::WidgetView, "", site, 0);
            if !rng.chance(6) {
                continue;
            }
            v.step(&mut rng, Step::WidgetAdd, "", site, 1);
            if rng.chance(45) {
                let (handle, price) = &products[rng.range(0, products.len() as i64 - 1) as usize];
                order += 1;
                let code = format!("DEMO-{order:05}");
                let total = charged(*price);
                v.step(&mut rng, Step::OrderPlaced, "", &code, total);
                v.step(&mut rng, Step::WidgetSale, &code, site, total);
                v.step(&mut rng, Step::ProductBought, &code, handle, 1);
            }
        }
        for _ in 0..count {
            let mut v = Visit {
                at: day * 86_400 + rng.range(7 * 3600, 22 * 3600),
                visitor: rng
                    .chance(40)
                    .then(|| format!("{:016x}{:016x}", rng.next_u64(), rng.next_u64())),
                events: &mut out,
            };
            let landing = ["home", "category", "product", "search"][rng.range(0, 3) as usize];
            if landing != "product" {
                v.step(&mut rng, Step::PageView, landing, "", 0);
            }
            if landing == "search" || rng.chance(25) {
                // The smaller of two draws: the first searches are asked most.
                let i = rng.range(0, 11).min(rng.range(0, 11)) as usize;
                let (q, found) = SEARCHES[i];
                v.step(&mut rng, Step::Search, "", &search_key(q), found);
            }
            let mut last = None;
            // A visit that lands on a product sees at least that one.
            let views = rng.range(0, 4).max(i64::from(landing == "product"));
            for _ in 0..views {
                // Popular products are seen more: the first tenth of the list a third of the
                // time.
                let n = products.len() as i64;
                let i = if rng.chance(33) {
                    rng.range(0, (n / 10).max(1) - 1)
                } else {
                    rng.range(0, n - 1)
                };
                let p = &products[i as usize];
                v.step(&mut rng, Step::PageView, "product", "", 0);
                v.step(&mut rng, Step::ProductView, "", &p.0, 0);
                last = Some(p);
            }
            let Some((handle, price)) = last else {
                continue;
            };
            if !rng.chance(8) {
                continue;
            }
            v.step(&mut rng, Step::AddToCart, "", handle, 1);
            if !rng.chance(55) {
                continue;
            }
            v.step(&mut rng, Step::PageView, "checkout", "", 0);
            v.step(&mut rng, Step::CheckoutStarted, "", "", 0);
            if !rng.chance(62) {
                continue;
            }
            order += 1;
            let code = format!("DEMO-{order:05}");
            v.step(&mut rng, Step::OrderPlaced, "", &code, charged(*price));
            v.step(&mut rng, Step::ProductBought, &code, handle, 1);
            v.step(&mut rng, Step::PageView, "order", "", 0);
        }
    }
    out.sort_by_key(|e| e.at);
    out
}

/// What one unit at `price` costs with delivery and tax, as the embedded store charges.
fn charged(price: i64) -> i64 {
    let shipping = if price >= 7_500 { 0 } else { 495 };
    price + shipping + (price + shipping) * 8 / 100
}

/// One visit's steps, a few seconds to a minute and a half apart.
struct Visit<'a> {
    at: i64,
    visitor: Option<String>,
    events: &'a mut Vec<Event>,
}

impl Visit<'_> {
    fn step(&mut self, rng: &mut Rng, step: Step, page: &str, subject: &str, value: i64) {
        self.at += rng.range(5, 90);
        self.events.push(Event {
            at: self.at,
            step,
            page: page.to_string(),
            subject: subject.to_string(),
            value,
            currency: if matches!(step, Step::OrderPlaced | Step::WidgetSale) {
                "USD".into()
            } else {
                String::new()
            },
            visitor: self.visitor.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_weeks_of_visits_make_a_believable_funnel() {
        let products: Vec<(String, i64)> = (0..50)
            .map(|i| (format!("p{i}"), 2_000 + i * 100))
            .collect();
        let now = 1_796_292_000;
        let events = visits(&products, now);
        let count = |s: Step| events.iter().filter(|e| e.step == s).count();
        let (views, products_seen, added, started, orders) = (
            count(Step::PageView),
            count(Step::ProductView),
            count(Step::AddToCart),
            count(Step::CheckoutStarted),
            count(Step::OrderPlaced),
        );
        assert!(
            views > products_seen && products_seen > added && added > started && started > orders
        );
        assert!((60..200).contains(&orders), "{orders} orders in four weeks");
        assert!(
            events.iter().all(|e| e.at < now - 86_400),
            "nothing in the last 24 hours"
        );
        assert!(events
            .iter()
            .any(|e| e.step == Step::Search && e.value == 0));
        assert!(
            events.iter().any(|e| e.visitor.is_some())
                && events.iter().any(|e| e.visitor.is_none())
        );
        assert_eq!(visits(&products, now), events, "the same every time");
    }
}
