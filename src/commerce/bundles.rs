//! Bundle discounts: the store owner names a set of products and a percentage, and every
//! complete set in a cart costs that much less. Pure, so the cart, the checkout page and the
//! charge all take off the same amount.

use super::model::CartLine;
use super::money::{Money, MoneyError};
use serde::{Deserialize, Serialize};

/// Fewest and most products in a set: "both" or "all three", as the product page offers them.
pub const MIN_PRODUCTS: usize = 2;
pub const MAX_PRODUCTS: usize = 3;
/// A bundle takes 1–50 % off; more reads as a pricing mistake, and is one.
pub const MAX_PERCENT: u32 = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub id: i64,
    /// Product handles (Vendure: slugs), sorted, distinct.
    pub products: Vec<String>,
    pub percent: u32,
}

/// What one bundle takes off a cart, named as the shopper reads it ("Lamp + Shade").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saving {
    pub label: String,
    /// Whole percent, when the store knows it (a Vendure promotion says only its name).
    pub percent: Option<u32>,
    pub off: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BundleProblem {
    /// Fewer than two or more than three products, or one twice.
    Products,
    /// Not 1–50 %.
    Percent,
}

/// A declaration as the owner typed it, checked: handles sorted and distinct.
pub fn declaration(products: &[String], percent: u32) -> Result<Vec<String>, BundleProblem> {
    if percent == 0 || percent > MAX_PERCENT {
        return Err(BundleProblem::Percent);
    }
    let mut sorted: Vec<String> = products.iter().map(|h| h.trim().to_string()).collect();
    sorted.sort();
    sorted.dedup();
    if sorted.len() != products.len()
        || !(MIN_PRODUCTS..=MAX_PRODUCTS).contains(&sorted.len())
        || sorted.iter().any(String::is_empty)
    {
        return Err(BundleProblem::Products);
    }
    Ok(sorted)
}

/// Units of one product in the cart, cheapest first: (unit price, how many).
type Units = Vec<(i64, u32)>;

/// What the bundles take off `lines`. A unit counts towards one bundle only; where bundles
/// overlap the one that saves most goes first, and within a set the cheapest units of each
/// product are the ones discounted (two sizes at two prices: the store gives the smaller
/// saving, as "buy X get Y" rules do). Each bundle's saving rounds half up to the minor unit.
pub fn savings(bundles: &[Bundle], lines: &[CartLine]) -> Result<Vec<(i64, Money)>, MoneyError> {
    let Some(currency) = lines.first().map(|l| l.unit_price.currency) else {
        return Ok(Vec::new());
    };
    let mut units: std::collections::HashMap<&str, Units> = std::collections::HashMap::new();
    for l in lines.iter().filter(|l| l.quantity > 0) {
        if l.unit_price.currency != currency {
            return Err(MoneyError::CurrencyMismatch(
                l.unit_price.currency.code(),
                currency.code(),
            ));
        }
        units
            .entry(&l.product_handle)
            .or_default()
            .push((l.unit_price.minor, l.quantity));
    }
    for u in units.values_mut() {
        u.sort_unstable();
    }
    let mut left: Vec<&Bundle> = bundles.iter().collect();
    let mut taken = Vec::new();
    loop {
        let best = left
            .iter()
            .enumerate()
            .filter_map(|(i, b)| Some((i, offer(b, &units)?)))
            .max_by_key(|(i, (off, _))| (*off, std::cmp::Reverse(*i)));
        let Some((i, (off, sets))) = best else { break };
        let bundle = left.remove(i);
        for handle in &bundle.products {
            if let Some(u) = units.get_mut(handle.as_str()) {
                take_cheapest(u, sets);
            }
        }
        if off > 0 {
            taken.push((bundle.id, Money::new(off, currency)));
        }
    }
    Ok(taken)
}

/// (minor units off, complete sets) of `bundle` in what is left, or `None` without one set.
fn offer(bundle: &Bundle, units: &std::collections::HashMap<&str, Units>) -> Option<(i64, u32)> {
    let sets = bundle
        .products
        .iter()
        .map(|h| {
            units
                .get(h.as_str())
                .map_or(0, |u| u.iter().map(|(_, n)| n).sum())
        })
        .min()
        .filter(|n| *n > 0)?;
    let goods: i128 = bundle
        .products
        .iter()
        .map(|h| cheapest_cost(&units[h.as_str()], sets))
        .sum();
    let off = (goods * i128::from(bundle.percent.min(MAX_PERCENT)) + 50) / 100;
    Some((i64::try_from(off).ok()?, sets))
}

fn cheapest_cost(units: &Units, mut n: u32) -> i128 {
    let mut cost = 0;
    for (price, count) in units {
        let k = n.min(*count);
        cost += i128::from(*price) * i128::from(k);
        n -= k;
    }
    cost
}

fn take_cheapest(units: &mut Units, mut n: u32) {
    for (_, count) in units.iter_mut() {
        let k = n.min(*count);
        *count -= k;
        n -= k;
    }
    units.retain(|(_, count)| *count > 0);
}

/// What all the savings take off together.
pub fn total(savings: &[Saving], currency: super::Currency) -> Money {
    Money::new(savings.iter().map(|s| s.off.minor).sum(), currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::{Currency, Image};

    fn line(handle: &str, variant: &str, minor: i64, quantity: u32) -> CartLine {
        let unit_price = Money::new(minor, Currency::USD);
        CartLine {
            variant_id: variant.into(),
            product_handle: handle.into(),
            product_name: handle.into(),
            variant_title: String::new(),
            image: Image {
                url: String::new(),
                alt: String::new(),
                srcset: None,
                avif: None,
            },
            unit_price,
            quantity,
            line_total: unit_price.checked_mul(quantity).unwrap(),
            available: 99,
        }
    }

    fn bundle(id: i64, products: &[&str], percent: u32) -> Bundle {
        Bundle {
            id,
            products: products.iter().map(|s| s.to_string()).collect(),
            percent,
        }
    }

    fn off(bundles: &[Bundle], lines: &[CartLine]) -> Vec<(i64, i64)> {
        savings(bundles, lines)
            .unwrap()
            .into_iter()
            .map(|(id, m)| (id, m.minor))
            .collect()
    }

    #[test]
    fn a_complete_set_gets_the_percentage_and_an_incomplete_one_nothing() {
        let lamp_shade = [bundle(1, &["lamp", "shade"], 10)];
        let both = [line("lamp", "1", 40_00, 1), line("shade", "2", 19_95, 1)];
        // 10 % of 59.95 is 5.995: half a cent rounds up.
        assert_eq!(off(&lamp_shade, &both), vec![(1, 6_00)]);
        assert_eq!(off(&lamp_shade, &both[..1]), vec![]);
        assert_eq!(off(&lamp_shade, &[]), vec![]);
    }

    #[test]
    fn only_complete_sets_count_and_the_cheapest_units_are_discounted() {
        let lamp_shade = [bundle(1, &["lamp", "shade"], 10)];
        // Two lamps, one shade: one set.
        let lines = [line("lamp", "1", 40_00, 2), line("shade", "2", 20_00, 1)];
        assert_eq!(off(&lamp_shade, &lines), vec![(1, 6_00)]);
        // Two sets, the lamp in two sizes at two prices.
        let lines = [
            line("lamp", "big", 50_00, 1),
            line("lamp", "small", 40_00, 1),
            line("shade", "2", 20_00, 2),
        ];
        assert_eq!(off(&lamp_shade, &lines), vec![(1, 13_00)]);
        // Three lamps, two shades: two sets, with the two cheaper lamps.
        let lines = [
            line("lamp", "big", 50_00, 1),
            line("lamp", "small", 40_00, 2),
            line("shade", "2", 20_00, 2),
        ];
        assert_eq!(
            off(&lamp_shade, &lines),
            vec![(1, 12_00)],
            "the two cheaper lamps"
        );
    }

    #[test]
    fn a_unit_counts_once_and_the_bigger_saving_wins() {
        let bundles = [
            bundle(1, &["lamp", "shade"], 10),
            bundle(2, &["bulb", "lamp"], 20),
        ];
        let lines = [
            line("lamp", "1", 40_00, 1),
            line("shade", "2", 20_00, 1),
            line("bulb", "3", 5_00, 1),
        ];
        // lamp+bulb saves 9.00, lamp+shade 6.00: one lamp, so only the first.
        assert_eq!(off(&bundles, &lines), vec![(2, 9_00)]);
        // With a second lamp both apply.
        let mut more = lines.to_vec();
        more[0] = line("lamp", "1", 40_00, 2);
        assert_eq!(off(&bundles, &more), vec![(2, 9_00), (1, 6_00)]);
    }

    #[test]
    fn a_set_of_three_needs_all_three() {
        let trio = [bundle(7, &["a", "b", "c"], 15)];
        let two = [line("a", "1", 10_00, 1), line("b", "2", 10_00, 1)];
        assert_eq!(off(&trio, &two), vec![]);
        let three = [two[0].clone(), two[1].clone(), line("c", "3", 10_00, 1)];
        assert_eq!(off(&trio, &three), vec![(7, 4_50)]);
    }

    #[test]
    fn a_declaration_is_two_or_three_different_products_and_a_sane_percentage() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            declaration(&h(&["shade", "lamp"]), 10),
            Ok(h(&["lamp", "shade"]))
        );
        assert_eq!(declaration(&h(&["lamp"]), 10), Err(BundleProblem::Products));
        assert_eq!(
            declaration(&h(&["lamp", "lamp"]), 10),
            Err(BundleProblem::Products)
        );
        assert_eq!(
            declaration(&h(&["a", "b", "c", "d"]), 10),
            Err(BundleProblem::Products)
        );
        assert_eq!(declaration(&h(&["a", "b"]), 0), Err(BundleProblem::Percent));
        assert_eq!(
            declaration(&h(&["a", "b"]), 51),
            Err(BundleProblem::Percent)
        );
    }
}
