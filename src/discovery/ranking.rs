//! Orders a listing. For a search, relevance decides and the shopper's taste only breaks
//! near-ties; when browsing, taste leads and the merchandiser's order breaks ties.

use super::facets::{Item, Sort};
use super::profile::Affinity;
use std::cmp::Ordering;

/// How much taste can add to a search result's relevance (relevance runs 0 to 1).
pub const TASTE_IN_SEARCH: f64 = 0.2;

pub fn sort(items: &mut [Item], sort: Sort, affinity: Option<&Affinity>) {
    let by_position = |a: &Item, b: &Item| a.position.cmp(&b.position);
    match sort {
        Sort::Relevance => {
            let searched = items.iter().any(|i| i.relevance > 0.0);
            let top = items.iter().map(|i| i.relevance).fold(0.0, f64::max);
            let taste = |i: &Item| affinity.map_or(0.0, |a| a.score(i));
            let score = |i: &Item| {
                if searched && top > 0.0 {
                    i.relevance / top + TASTE_IN_SEARCH * taste(i)
                } else {
                    taste(i)
                }
            };
            items.sort_by(|a, b| {
                score(b)
                    .partial_cmp(&score(a))
                    .unwrap_or(Ordering::Equal)
                    .then_with(|| by_position(a, b))
            });
        }
        Sort::PriceLow => items.sort_by(|a, b| {
            a.price()
                .minor
                .cmp(&b.price().minor)
                .then_with(|| by_position(a, b))
        }),
        Sort::PriceHigh => items.sort_by(|a, b| {
            b.price()
                .minor
                .cmp(&a.price().minor)
                .then_with(|| by_position(a, b))
        }),
        Sort::Newest => items.sort_by(|a, b| {
            b.created_at
                .cmp(&a.created_at)
                .then_with(|| by_position(a, b))
        }),
        Sort::BestSelling => {
            items.sort_by(|a, b| b.sold.cmp(&a.sold).then_with(|| by_position(a, b)))
        }
        Sort::TopRated => items.sort_by(|a, b| {
            rated_score(b)
                .cmp(&rated_score(a))
                .then_with(|| b.reviews().cmp(&a.reviews()))
                .then_with(|| by_position(a, b))
        }),
    }
}

/// Reviews' prior for "top rated": as if each product also had this many reviews of this
/// many stars, so one 5-star review does not outrank forty that average 4.8.
const PRIOR_REVIEWS: u32 = 3;
const PRIOR_STARS: u32 = 35; // tenths: 3.5 stars

/// The product's average pulled towards the prior, in thousandths of a star; unreviewed
/// products come last.
fn rated_score(i: &Item) -> u32 {
    match i.summary.rating {
        Some(r) if r.count() > 0 => {
            let sum_tenths: u32 = (1..=5).zip(r.by_stars).map(|(s, n)| s * 10 * n).sum();
            (sum_tenths + PRIOR_REVIEWS * PRIOR_STARS) * 100 / (r.count() + PRIOR_REVIEWS)
        }
        _ => 0,
    }
}

/// "For you": the products that best fit the shopper's taste, leaving out what they have
/// already seen; best sellers break ties.
pub fn for_you(
    mut items: Vec<Item>,
    affinity: &Affinity,
    seen: &[&str],
    limit: usize,
) -> Vec<Item> {
    items.retain(|i| !seen.contains(&i.summary.handle.as_str()));
    items.sort_by(|a, b| {
        affinity
            .score(b)
            .partial_cmp(&affinity.score(a))
            .unwrap_or(Ordering::Equal)
            .then_with(|| b.sold.cmp(&a.sold))
            .then_with(|| a.position.cmp(&b.position))
    });
    items.truncate(limit);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discovery::facets::tests::item;
    use crate::discovery::profile::{Event, Kind, Profile};

    fn handles(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.summary.handle.as_str()).collect()
    }

    fn likes_bags() -> Affinity {
        let mut p = Profile::default();
        p.record(Event::product(
            Kind::View,
            &item("seen-bag", "bags", 9_000, &[]),
            0,
        ));
        p.affinity(0)
    }

    #[test]
    fn in_a_search_relevance_dominates_and_taste_breaks_near_ties() {
        let mut strong = item("strong-tee", "tees", 2_000, &[]);
        strong.relevance = 10.0;
        let mut weak = item("weak-bag", "bags", 9_000, &[]);
        weak.relevance = 5.0;
        let mut close = item("close-bag", "bags", 9_000, &[]);
        close.relevance = 9.5;
        let mut items = vec![weak, strong, close];
        sort(&mut items, Sort::Relevance, None);
        assert_eq!(handles(&items), vec!["strong-tee", "close-bag", "weak-bag"]);
        sort(&mut items, Sort::Relevance, Some(&likes_bags()));
        assert_eq!(
            handles(&items),
            vec!["close-bag", "strong-tee", "weak-bag"],
            "a bag lover sees the nearly-as-good bag first, never the poor match"
        );
    }

    #[test]
    fn browsing_follows_taste_then_the_merchandisers_order() {
        let mut items: Vec<Item> = [("t1", "tees"), ("b1", "bags"), ("t2", "tees")]
            .iter()
            .enumerate()
            .map(|(n, (h, c))| {
                let mut i = item(h, c, 2_000, &[]);
                i.position = n as u32;
                i
            })
            .collect();
        sort(&mut items, Sort::Relevance, None);
        assert_eq!(handles(&items), vec!["t1", "b1", "t2"]);
        sort(&mut items, Sort::Relevance, Some(&likes_bags()));
        assert_eq!(handles(&items), vec!["b1", "t1", "t2"]);
    }

    #[test]
    fn explicit_sorts_ignore_taste() {
        let mut cheap = item("cheap", "tees", 1_000, &[]);
        cheap.created_at = 1;
        cheap.sold = 9;
        let mut dear = item("dear", "bags", 9_000, &[]);
        dear.created_at = 2;
        let mut items = vec![dear, cheap];
        sort(&mut items, Sort::PriceLow, Some(&likes_bags()));
        assert_eq!(handles(&items), vec!["cheap", "dear"]);
        sort(&mut items, Sort::PriceHigh, None);
        assert_eq!(handles(&items), vec!["dear", "cheap"]);
        sort(&mut items, Sort::Newest, None);
        assert_eq!(handles(&items), vec!["dear", "cheap"]);
        sort(&mut items, Sort::BestSelling, None);
        assert_eq!(handles(&items), vec!["cheap", "dear"]);
    }

    #[test]
    fn for_you_leads_with_the_favourite_category_and_skips_what_was_seen() {
        let items = vec![
            item("t1", "tees", 2_000, &[]),
            item("seen-bag", "bags", 9_000, &[]),
            item("b2", "bags", 9_000, &[]),
        ];
        let picked = for_you(items, &likes_bags(), &["seen-bag"], 2);
        assert_eq!(handles(&picked), vec!["b2", "t1"]);
    }
}
