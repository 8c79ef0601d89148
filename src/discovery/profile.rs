//! The shopper profile: what a consenting shopper viewed, added, bought and searched, kept
//! small (it travels in a cookie) and fading with time (last month's browsing matters less
//! than today's).

use super::facets::{Item, PriceBand};
use crate::commerce::ProductSummary;
use serde::{Deserialize, Serialize};

/// Events kept; older ones drop off.
pub const MAX_EVENTS: usize = 30;
/// Searches kept among them.
pub const MAX_SEARCHES: usize = 8;
/// Bytes of JSON a profile may take; leaves room in a 4 KB cookie after encoding and signing.
pub const MAX_JSON_BYTES: usize = 2_100;
/// An event counts half as much after this many seconds.
pub const HALF_LIFE: i64 = 14 * 86_400;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "v")]
    View,
    #[serde(rename = "c")]
    Cart,
    #[serde(rename = "p")]
    Purchase,
    #[serde(rename = "s")]
    Search,
}

impl Kind {
    /// How much one event says about taste: buying says more than looking.
    fn weight(self) -> f64 {
        match self {
            Kind::View => 1.0,
            Kind::Cart => 3.0,
            Kind::Purchase => 5.0,
            Kind::Search => 0.0,
        }
    }
}

/// One thing the shopper did. Short field names: the profile travels in a cookie.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "k")]
    pub kind: Kind,
    /// The product's handle, or the words searched.
    #[serde(rename = "s")]
    pub subject: String,
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "c", default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub brand: String,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub band: Option<u8>,
    /// Seconds since the epoch.
    #[serde(rename = "t")]
    pub at: i64,
}

impl Event {
    pub fn product(kind: Kind, item: &Item, at: i64) -> Event {
        Event::of(kind, &item.summary, &item.category, at)
    }

    pub fn of(kind: Kind, product: &ProductSummary, category: &str, at: i64) -> Event {
        Event {
            kind,
            subject: product.handle.clone(),
            name: product.name.clone(),
            category: category.to_string(),
            brand: product.brand.clone(),
            band: Some(PriceBand::of(product.price).index()),
            at,
        }
    }

    pub fn search(words: &str, at: i64) -> Event {
        Event {
            kind: Kind::Search,
            subject: words.chars().take(60).collect(),
            name: String::new(),
            category: String::new(),
            brand: String::new(),
            band: None,
            at,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Newest first.
    #[serde(rename = "e")]
    pub events: Vec<Event>,
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Records `event`. Doing the same thing again moves it to the front instead of filling
    /// the profile with repeats; then the profile is cut back to its bounds.
    pub fn record(&mut self, event: Event) {
        self.events
            .retain(|e| !(e.kind == event.kind && e.subject == event.subject));
        self.events.insert(0, event);
        let mut searches = 0;
        self.events.retain(|e| {
            searches += usize::from(e.kind == Kind::Search);
            e.kind != Kind::Search || searches <= MAX_SEARCHES
        });
        self.events.truncate(MAX_EVENTS);
        self.fit();
    }

    /// Drops the oldest events until the profile fits in a cookie.
    pub fn fit(&mut self) {
        while !self.events.is_empty()
            && serde_json::to_vec(self).map_or(usize::MAX, |j| j.len()) > MAX_JSON_BYTES
        {
            self.events.pop();
        }
    }

    /// Products viewed, newest first, each once.
    pub fn viewed(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| e.kind == Kind::View)
    }

    pub fn searches(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| e.kind == Kind::Search)
    }

    /// Taste at `now`: each event adds its weight, halved for every `HALF_LIFE` of age.
    pub fn affinity(&self, now: i64) -> Affinity {
        let mut a = Affinity::default();
        for e in &self.events {
            let age = (now - e.at).max(0) as f64;
            let w = e.kind.weight() * 0.5f64.powf(age / HALF_LIFE as f64);
            if w <= 0.0 {
                continue;
            }
            add(&mut a.categories, &e.category, w);
            add(&mut a.brands, &e.brand, w);
            if let Some(b) = e.band {
                add(&mut a.bands, &b.to_string(), w);
            }
        }
        for list in [&mut a.categories, &mut a.brands, &mut a.bands] {
            list.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        }
        a
    }
}

fn add(list: &mut Vec<(String, f64)>, key: &str, w: f64) {
    if key.is_empty() {
        return;
    }
    match list.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v += w,
        None => list.push((key.to_string(), w)),
    }
}

/// How much the shopper leans towards each category, brand and price band; strongest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Affinity {
    pub categories: Vec<(String, f64)>,
    pub brands: Vec<(String, f64)>,
    /// Keyed by `PriceBand::index`.
    pub bands: Vec<(String, f64)>,
}

impl Affinity {
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
    }

    pub fn top_category(&self) -> Option<&str> {
        self.categories.first().map(|(c, _)| c.as_str())
    }

    /// 0 to 1: how well `item` fits this taste. Category matters most, then brand, then price.
    pub fn score(&self, item: &Item) -> f64 {
        let share = |list: &[(String, f64)], key: &str| {
            let top = list.first().map_or(0.0, |(_, v)| *v);
            if top <= 0.0 {
                return 0.0;
            }
            list.iter()
                .find(|(k, _)| k == key)
                .map_or(0.0, |(_, v)| v / top)
        };
        let band = PriceBand::of(item.price()).index().to_string();
        0.6 * share(&self.categories, &item.category)
            + 0.25 * share(&self.brands, &item.summary.brand)
            + 0.15 * share(&self.bands, &band)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discovery::facets::tests::item;

    const DAY: i64 = 86_400;

    #[test]
    fn repeated_views_move_to_the_front_instead_of_repeating() {
        let mut p = Profile::default();
        p.record(Event::product(
            Kind::View,
            &item("a", "tees", 2_000, &[]),
            1,
        ));
        p.record(Event::product(
            Kind::View,
            &item("b", "tees", 2_000, &[]),
            2,
        ));
        p.record(Event::product(
            Kind::View,
            &item("a", "tees", 2_000, &[]),
            3,
        ));
        let viewed: Vec<&str> = p.viewed().map(|e| e.subject.as_str()).collect();
        assert_eq!(viewed, vec!["a", "b"]);
    }

    #[test]
    fn the_profile_is_bounded_in_events_searches_and_bytes() {
        let mut p = Profile::default();
        for i in 0..200 {
            let long = format!("{}-{i}", "a-very-long-product-handle-for-testing".repeat(2));
            p.record(Event::product(
                Kind::View,
                &item(&long, "tees", 2_000, &[]),
                i,
            ));
            p.record(Event::search(&format!("query {i}"), i));
        }
        assert!(p.events.len() <= MAX_EVENTS);
        assert!(p.searches().count() <= MAX_SEARCHES);
        assert!(serde_json::to_vec(&p).unwrap().len() <= MAX_JSON_BYTES);
        assert_eq!(p.events[0].subject, "query 199", "the newest survive");
    }

    #[test]
    fn older_events_count_less() {
        let mut p = Profile::default();
        // Three views of bags two months ago, one view of tees today.
        for h in ["b1", "b2", "b3"] {
            p.record(Event::product(Kind::View, &item(h, "bags", 9_000, &[]), 0));
        }
        p.record(Event::product(
            Kind::View,
            &item("t1", "tees", 2_000, &[]),
            60 * DAY,
        ));
        let a = p.affinity(60 * DAY);
        assert_eq!(a.top_category(), Some("tees"));
        // Without the decay the bags would have won three to one.
        let a = p.affinity(0);
        assert_eq!(a.top_category(), Some("bags"));
    }

    #[test]
    fn purchases_weigh_more_than_views_and_searches_add_no_taste() {
        let mut p = Profile::default();
        p.record(Event::product(
            Kind::View,
            &item("t1", "tees", 2_000, &[]),
            0,
        ));
        p.record(Event::product(
            Kind::View,
            &item("t2", "tees", 2_000, &[]),
            0,
        ));
        p.record(Event::product(
            Kind::Purchase,
            &item("b1", "bags", 9_000, &[]),
            0,
        ));
        p.record(Event::search("lamps", 0));
        let a = p.affinity(0);
        assert_eq!(a.top_category(), Some("bags"));
        assert!(a.categories.iter().all(|(c, _)| c != "lamps"));
        assert!(a.score(&item("x", "bags", 9_000, &[])) > a.score(&item("y", "tees", 2_000, &[])));
    }
}
