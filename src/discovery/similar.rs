//! "Similar products" by attributes: same category first, then brand, price and colours.

use super::facets::Item;
use std::cmp::Ordering;

/// How alike `b` is to `a`, from 0 (nothing shared) to 4.
pub fn likeness(a: &Item, b: &Item) -> f64 {
    let category = if a.category == b.category { 2.0 } else { 0.0 };
    let brand = if a.summary.brand == b.summary.brand {
        0.5
    } else {
        0.0
    };
    let (pa, pb) = (a.price().minor.max(1) as f64, b.price().minor.max(1) as f64);
    // Same price is 1, double or half the price is 0.
    let price = (1.0 - (pa / pb).ln().abs() / std::f64::consts::LN_2).max(0.0);
    let shared = a.colours.iter().filter(|c| b.colours.contains(c)).count() as f64;
    let union = (a.colours.len() + b.colours.len()) as f64 - shared;
    let colours = if union > 0.0 {
        0.5 * shared / union
    } else {
        0.0
    };
    category + brand + price + colours
}

/// The `limit` products most like `target`, in stock first among equals.
pub fn similar(target: &Item, candidates: &[Item], limit: usize) -> Vec<Item> {
    let mut ranked: Vec<(f64, &Item)> = candidates
        .iter()
        .filter(|c| c.summary.handle != target.summary.handle)
        .map(|c| (likeness(target, c), c))
        .collect();
    ranked.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(Ordering::Equal)
            .then_with(|| b.1.summary.in_stock.cmp(&a.1.summary.in_stock))
            .then_with(|| a.1.position.cmp(&b.1.position))
    });
    ranked
        .into_iter()
        .take(limit)
        .map(|(_, i)| i.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discovery::facets::tests::item;

    #[test]
    fn same_category_and_close_price_and_colour_come_first() {
        let target = item("ink-tee", "tees", 2_000, &["Ink"]);
        let candidates = vec![
            item("ink-bag", "bags", 2_000, &["Ink"]),
            item("dear-tee", "tees", 8_000, &["Sand"]),
            item("ink-tee-2", "tees", 2_200, &["Ink"]),
            item("ink-tee", "tees", 2_000, &["Ink"]),
        ];
        let picked: Vec<String> = similar(&target, &candidates, 3)
            .into_iter()
            .map(|i| i.summary.handle)
            .collect();
        assert_eq!(picked, vec!["ink-tee-2", "dear-tee", "ink-bag"]);
    }
}
