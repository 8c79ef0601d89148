//! "Bought together": item-to-item co-occurrence over real orders. Two products count as a
//! pair once per order that holds both; a pair needs `MIN_SUPPORT` orders before it is
//! trusted, so one odd basket does not become a recommendation.

use std::collections::HashMap;

pub const MIN_SUPPORT: u32 = 2;

#[derive(Clone, Debug, Default)]
pub struct CoPurchases {
    pairs: HashMap<String, HashMap<String, u32>>,
    /// Orders holding each product.
    orders: HashMap<String, u32>,
}

impl CoPurchases {
    /// `baskets` holds one list of product handles per order.
    pub fn build(baskets: &[Vec<String>]) -> CoPurchases {
        let mut model = CoPurchases::default();
        for basket in baskets {
            let basket = distinct(basket);
            for a in &basket {
                *model.orders.entry(a.to_string()).or_default() += 1;
                let row = model.pairs.entry(a.to_string()).or_default();
                for b in basket.iter().filter(|b| *b != a) {
                    *row.entry(b.to_string()).or_default() += 1;
                }
            }
        }
        model
    }

    pub fn is_empty(&self) -> bool {
        self.orders.is_empty()
    }

    /// Products bought with any of `seeds`, most often first, leaving out the seeds.
    /// `held_out` is an order to pretend never happened (for leave-one-out evaluation).
    pub fn recommend(
        &self,
        seeds: &[&str],
        held_out: Option<&[&str]>,
        limit: usize,
    ) -> Vec<(String, u32)> {
        let in_held_out = |h: &str| held_out.is_some_and(|b| b.contains(&h));
        let mut scores: HashMap<&str, u32> = HashMap::new();
        for seed in seeds {
            let Some(row) = self.pairs.get(*seed) else {
                continue;
            };
            for (other, &count) in row {
                let count = count - u32::from(in_held_out(seed) && in_held_out(other));
                if count >= MIN_SUPPORT && !seeds.contains(&other.as_str()) {
                    *scores.entry(other).or_default() += count;
                }
            }
        }
        let mut ranked: Vec<(String, u32)> = scores
            .into_iter()
            .map(|(h, c)| (h.to_string(), c))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked
    }

    /// The best sellers by orders: the baseline any recommendation must beat.
    pub fn popular(
        &self,
        exclude: &[&str],
        held_out: Option<&[&str]>,
        limit: usize,
    ) -> Vec<String> {
        let mut ranked: Vec<(&str, u32)> = self
            .orders
            .iter()
            .filter(|(h, _)| !exclude.contains(&h.as_str()))
            .map(|(h, &n)| {
                let n = n - u32::from(held_out.is_some_and(|b| b.contains(&h.as_str())));
                (h.as_str(), n)
            })
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(h, _)| h.to_string())
            .collect()
    }
}

fn distinct(basket: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::with_capacity(basket.len());
    for h in basket {
        if !out.contains(&h.as_str()) {
            out.push(h);
        }
    }
    out
}

/// Hit-rate@k of leave-one-out over `baskets`: hold out one line of an order, recommend from
/// the rest (with that order removed from the counts), and see whether the held-out product
/// is among the first `k`. Returns (cases, bought-together hits, popularity hits).
pub fn leave_one_out(baskets: &[Vec<String>], k: usize) -> (u32, u32, u32) {
    let model = CoPurchases::build(baskets);
    let (mut cases, mut together, mut popular) = (0, 0, 0);
    for basket in baskets {
        let basket = distinct(basket);
        if basket.len() < 2 {
            continue;
        }
        for held in &basket {
            let rest: Vec<&str> = basket.iter().copied().filter(|h| h != held).collect();
            cases += 1;
            let recs = model.recommend(&rest, Some(&basket), k);
            together += u32::from(recs.iter().any(|(h, _)| h == held));
            let pop = model.popular(&rest, Some(&basket), k);
            popular += u32::from(pop.iter().any(|h| h == held));
        }
    }
    (cases, together, popular)
}

/// `leave_one_out` in words, for the evaluation command.
pub fn report(baskets: &[Vec<String>], k: usize) -> String {
    let (cases, together, popular) = leave_one_out(baskets, k);
    let rate = |hits: u32| {
        if cases == 0 {
            0.0
        } else {
            f64::from(hits) * 100.0 / f64::from(cases)
        }
    };
    format!(
        "{} orders, {cases} held-out lines (orders with 2+ products)\n\
         hit-rate@{k}  bought together: {:.1}%  ({together})\n\
         hit-rate@{k}  best sellers:    {:.1}%  ({popular})",
        baskets.len(),
        rate(together),
        rate(popular)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn baskets(list: &[&[&str]]) -> Vec<Vec<String>> {
        list.iter()
            .map(|b| b.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn pairs_need_minimum_support_and_rank_by_how_often_they_happen() {
        let model = CoPurchases::build(&baskets(&[
            &["tee", "sneakers"],
            &["tee", "sneakers", "bag"],
            &["tee", "sneakers", "sneakers"],
            &["tee", "bag"],
            &["tee", "lamp"],
        ]));
        let recs = model.recommend(&["tee"], None, 10);
        assert_eq!(
            recs,
            vec![("sneakers".into(), 3), ("bag".into(), 2)],
            "the lamp was bought with a tee once: not enough"
        );
        assert!(model.recommend(&["unknown"], None, 10).is_empty());
    }

    #[test]
    fn a_held_out_order_does_not_count_towards_its_own_recommendation() {
        let data = baskets(&[&["tee", "lamp"], &["tee", "lamp"]]);
        let model = CoPurchases::build(&data);
        assert_eq!(model.recommend(&["tee"], None, 10).len(), 1);
        let held: Vec<&str> = vec!["tee", "lamp"];
        assert!(
            model.recommend(&["tee"], Some(&held), 10).is_empty(),
            "without that order the pair was seen once"
        );
    }

    #[test]
    fn leave_one_out_finds_structure_popularity_cannot() {
        // Pairs that always go together, and one product everybody buys alone.
        let mut data = Vec::new();
        for pair in 0..20 {
            for _ in 0..3 {
                data.push(vec![format!("a{pair}"), format!("b{pair}")]);
            }
        }
        for _ in 0..50 {
            data.push(vec!["hit".to_string()]);
        }
        let (cases, together, popular) = leave_one_out(&data, 10);
        assert_eq!(cases, 120);
        assert_eq!(together, 120);
        assert!(popular < 60, "popularity found {popular}");
    }
}
