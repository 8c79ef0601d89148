//! Experiments as the owner declares them, how a visitor is assigned to one of their cells,
//! and what their figures say. Pure: the declaration is read from the data folder by
//! `storefront::experiments`, a page asks for its level through `api::experiments`.
//!
//! An experiment varies one or more factors ("knobs" the pages know how to turn), each with
//! levels and weights; the first level of each is control. A visitor gets a level of each
//! factor from a hash of their id, the experiment's name and the factor's: the same visitor
//! always gets the same cell, on every instance and across restarts, and two factors are
//! assigned independently, so a multivariate experiment is a full factorial one.

use super::stats::{chi_square, two_proportions, wilson, Difference};
use super::Step;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What the store's pages can vary, with the levels each understands (control first) and
/// the kinds of page each may be shown on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Knob {
    /// Where a product page offers its "bought together" set: `below` the description (as
    /// the store draws it) or `above` it.
    Together,
    /// Whether search results lean to the shopper's taste (`taste`, as the store does) or
    /// are ranked by relevance alone (`plain`).
    Ranking,
}

impl Knob {
    pub const ALL: [Knob; 2] = [Knob::Together, Knob::Ranking];

    pub fn name(self) -> &'static str {
        match self {
            Knob::Together => "together",
            Knob::Ranking => "ranking",
        }
    }

    pub fn levels(self) -> &'static [&'static str] {
        match self {
            Knob::Together => &["below", "above"],
            Knob::Ranking => &["taste", "plain"],
        }
    }

    pub fn pages(self) -> &'static [&'static str] {
        match self {
            Knob::Together => &["product"],
            Knob::Ranking => &["search", "category"],
        }
    }

    fn parse(s: &str) -> Option<Knob> {
        Knob::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// The metrics a conversion can be counted on.
const METRICS: [Step; 3] = [Step::AddToCart, Step::CheckoutStarted, Step::OrderPlaced];

/// The file's contents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Declared {
    pub experiments: Vec<Experiment>,
}

/// One experiment, as written in `experiments.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Experiment {
    /// Short and stable: it seeds the assignment, so renaming reshuffles everyone.
    pub name: String,
    /// What it tries, for the dashboard.
    #[serde(default)]
    pub about: String,
    pub factors: Vec<Factor>,
    /// Kinds of page it touches (product, search, category); elsewhere shoppers see control.
    pub pages: Vec<String>,
    /// The step that counts as converting: add_to_cart, checkout_started or order_placed.
    pub metric: String,
    /// Visitors every cell needs before the dashboard names a winner.
    pub min_visitors: u64,
    /// When it starts and stops: "2026-12-03" (midnight UTC) or "2026-12-03T10:00:00Z".
    /// Without a start it is declared but not running.
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub stop: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Factor {
    pub factor: String,
    pub levels: Vec<Level>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    pub level: String,
    pub weight: u32,
}

/// The two experiments the store ships, declared and waiting for the owner to start them.
pub fn shipped() -> Declared {
    let factor = |knob: Knob| Factor {
        factor: knob.name().into(),
        levels: knob
            .levels()
            .iter()
            .map(|l| Level {
                level: (*l).into(),
                weight: 50,
            })
            .collect(),
    };
    Declared {
        experiments: vec![
            Experiment {
                name: "together-position".into(),
                about: "The product page's \"bought together\" set above the description \
                        instead of below it."
                    .into(),
                factors: vec![factor(Knob::Together)],
                pages: vec!["product".into()],
                metric: "order_placed".into(),
                min_visitors: 1000,
                start: None,
                stop: None,
            },
            Experiment {
                name: "search-taste".into(),
                about: "Search results ranked by relevance alone instead of leaning to the \
                        shopper's taste."
                    .into(),
                factors: vec![factor(Knob::Ranking)],
                pages: vec!["search".into()],
                metric: "add_to_cart".into(),
                min_visitors: 1000,
                start: None,
                stop: None,
            },
        ],
    }
}

/// Seconds since the epoch of "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SSZ".
pub fn parse_time(s: &str) -> Option<i64> {
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t.strip_suffix('Z')?)),
        None => (s, None),
    };
    let mut d = date.split('-');
    let (y, m, day) = (d.next()?, d.next()?, d.next()?);
    if d.next().is_some() || y.len() != 4 || m.len() != 2 || day.len() != 2 {
        return None;
    }
    let (y, m, day): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, day.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    let days = crate::commerce::checkout::Day::from_civil(y, m, day);
    if days.civil() != (y, m, day) {
        return None;
    }
    let mut at = days.0 * 86_400;
    if let Some(t) = time {
        let mut p = t.split(':');
        let (h, mi, sec) = (p.next()?, p.next()?, p.next()?);
        let (h, mi, sec): (i64, i64, i64) = (h.parse().ok()?, mi.parse().ok()?, sec.parse().ok()?);
        if p.next().is_some()
            || !(0..24).contains(&h)
            || !(0..60).contains(&mi)
            || !(0..60).contains(&sec)
        {
            return None;
        }
        at += h * 3600 + mi * 60 + sec;
    }
    Some(at)
}

/// "2026-12-03T10:00:00Z" for `at`.
pub fn format_time(at: i64) -> String {
    let (y, m, d) = crate::commerce::checkout::Day(at.div_euclid(86_400)).civil();
    let s = at.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

impl Experiment {
    /// Everything wrong with the declaration, worded for the owner who wrote it.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let name_ok = !self.name.is_empty()
            && self.name.len() <= 60
            && self
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !name_ok {
            out.push(format!(
                "'{}': a name is 1-60 lower-case letters, digits and dashes",
                self.name
            ));
        }
        if self.factors.is_empty() {
            out.push(format!("{}: it varies no factor", self.name));
        }
        for f in &self.factors {
            let Some(knob) = Knob::parse(&f.factor) else {
                out.push(format!(
                    "{}: no factor '{}' (the store knows: together, ranking)",
                    self.name, f.factor
                ));
                continue;
            };
            if f.levels.len() < 2 {
                out.push(format!(
                    "{}: {} needs two levels or more",
                    self.name, f.factor
                ));
            }
            if f.levels.first().map(|l| l.level.as_str()) != knob.levels().first().copied() {
                out.push(format!(
                    "{}: {}'s first level is control and must be '{}'",
                    self.name,
                    f.factor,
                    knob.levels()[0]
                ));
            }
            for l in &f.levels {
                if !knob.levels().contains(&l.level.as_str()) {
                    out.push(format!(
                        "{}: {} has no level '{}' (it knows: {})",
                        self.name,
                        f.factor,
                        l.level,
                        knob.levels().join(", ")
                    ));
                }
                if l.weight == 0 || l.weight > 1000 {
                    out.push(format!(
                        "{}: {} {}: a weight is 1-1000",
                        self.name, f.factor, l.level
                    ));
                }
            }
            let mut names: Vec<&str> = f.levels.iter().map(|l| l.level.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            if names.len() != f.levels.len() {
                out.push(format!("{}: {} repeats a level", self.name, f.factor));
            }
            if !self
                .pages
                .iter()
                .any(|p| knob.pages().contains(&p.as_str()))
            {
                out.push(format!(
                    "{}: {} shows on {} pages, and the experiment touches none of them",
                    self.name,
                    f.factor,
                    knob.pages().join(" or ")
                ));
            }
        }
        let mut factors: Vec<&str> = self.factors.iter().map(|f| f.factor.as_str()).collect();
        factors.sort_unstable();
        factors.dedup();
        if factors.len() != self.factors.len() {
            out.push(format!("{}: a factor is listed twice", self.name));
        }
        if self.metric().is_none() {
            out.push(format!(
                "{}: metric '{}' is not one of add_to_cart, checkout_started, order_placed",
                self.name, self.metric
            ));
        }
        if self.min_visitors == 0 {
            out.push(format!("{}: min_visitors must be at least 1", self.name));
        }
        for (what, t) in [("start", &self.start), ("stop", &self.stop)] {
            if t.as_deref().is_some_and(|t| parse_time(t).is_none()) {
                out.push(format!(
                    "{}: {what} '{}' is not a date like 2026-12-03 or 2026-12-03T10:00:00Z",
                    self.name,
                    t.as_deref().unwrap_or_default()
                ));
            }
        }
        if let (Some(a), Some(b)) = (self.started(), self.stopped()) {
            if b <= a {
                out.push(format!("{}: it stops before it starts", self.name));
            }
        }
        out
    }

    pub fn metric(&self) -> Option<Step> {
        METRICS
            .into_iter()
            .find(|s| s.as_str() == self.metric.as_str())
    }

    pub fn started(&self) -> Option<i64> {
        self.start.as_deref().and_then(parse_time)
    }

    pub fn stopped(&self) -> Option<i64> {
        self.stop.as_deref().and_then(parse_time)
    }

    pub fn running(&self, now: i64) -> bool {
        self.started().is_some_and(|s| s <= now) && self.stopped().is_none_or(|s| now < s)
    }

    /// The factor for `knob` on a page of `kind`, if this experiment turns it there.
    fn turns(&self, knob: Knob, kind: &str) -> Option<&Factor> {
        if !self.pages.iter().any(|p| p == kind) || !knob.pages().contains(&kind) {
            return None;
        }
        self.factors.iter().find(|f| f.factor == knob.name())
    }

    /// The level of `factor` for `visitor`: a hash of both names and the id, spread over
    /// the levels' weights.
    fn level_of<'a>(&self, factor: &'a Factor, visitor: &str) -> &'a str {
        let total: u64 = factor.levels.iter().map(|l| u64::from(l.weight)).sum();
        let digest = Sha256::new()
            .chain_update(self.name.as_bytes())
            .chain_update([0])
            .chain_update(factor.factor.as_bytes())
            .chain_update([0])
            .chain_update(visitor.as_bytes())
            .finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        // Multiply-shift rather than modulo: no bias toward the first levels.
        let mut point = ((u128::from(u64::from_be_bytes(first)) * u128::from(total)) >> 64) as u64;
        for l in &factor.levels {
            if point < u64::from(l.weight) {
                return &l.level;
            }
            point -= u64::from(l.weight);
        }
        &factor.levels[factor.levels.len() - 1].level
    }

    /// The visitor's cell: a level of each factor, in the file's order, joined by " + ".
    pub fn cell_of(&self, visitor: &str) -> String {
        self.factors
            .iter()
            .map(|f| self.level_of(f, visitor))
            .collect::<Vec<_>>()
            .join(" + ")
    }

    /// Every cell with its share of visitors (weights multiplied across factors), control
    /// first.
    pub fn cells(&self) -> Vec<(String, f64)> {
        let mut cells = vec![(Vec::<&str>::new(), 1.0)];
        for f in &self.factors {
            let total: f64 = f.levels.iter().map(|l| f64::from(l.weight)).sum();
            cells = cells
                .into_iter()
                .flat_map(|(names, share)| {
                    f.levels.iter().map(move |l| {
                        let mut n = names.clone();
                        n.push(&l.level);
                        (n, share * f64::from(l.weight) / total)
                    })
                })
                .collect();
        }
        cells.into_iter().map(|(n, s)| (n.join(" + "), s)).collect()
    }
}

/// Which experiment turns `knob` on a page of `kind` now, and the level `visitor` gets from
/// it; `None` (control, not counted) when none does.
pub fn level<'a>(
    declared: &'a [Experiment],
    knob: Knob,
    kind: &str,
    visitor: &str,
    now: i64,
) -> Option<(&'a Experiment, &'a str)> {
    declared
        .iter()
        .filter(|e| e.running(now))
        .find_map(|e| Some((e, e.level_of(e.turns(knob, kind)?, visitor))))
}

/// Problems across experiments: two running at once may not turn the same factor (a
/// shopper would be in both, and neither would measure what it says).
pub fn clashes(declared: &[Experiment]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, a) in declared.iter().enumerate() {
        for b in &declared[i + 1..] {
            if a.name == b.name {
                out.push(format!("two experiments are named {}", a.name));
            }
            let overlap = match (a.started(), b.started()) {
                (Some(sa), Some(sb)) => {
                    a.stopped().is_none_or(|ea| sb < ea) && b.stopped().is_none_or(|eb| sa < eb)
                }
                _ => false,
            };
            let shared = a
                .factors
                .iter()
                .find(|f| b.factors.iter().any(|g| g.factor == f.factor));
            if let (true, Some(f)) = (overlap, shared) {
                out.push(format!(
                    "{} and {} both vary {} at the same time",
                    a.name, b.name, f.factor
                ));
            }
        }
    }
    out
}

/// What was measured for one cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measured {
    pub cell: String,
    pub visitors: u64,
    /// Visitors who did the metric's step after they first saw the experiment.
    pub converted: u64,
    pub orders: u64,
    /// In minor units of the experiment's main currency.
    pub revenue: i64,
}

/// One cell's figures as the dashboard shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct CellResult {
    pub measured: Measured,
    /// The share of visitors it was meant to get, 0..1.
    pub planned: f64,
    pub rate: f64,
    pub interval: (f64, f64),
    /// Revenue per visitor and average order value, in minor units.
    pub per_visitor: f64,
    pub average_order: Option<f64>,
    /// Against control; `None` for control itself.
    pub against_control: Option<Difference>,
}

/// What may be said of an experiment.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The split is not the one declared: the figures cannot be trusted.
    BrokenSplit { p_value: f64 },
    /// Too few visitors yet (the smallest cell's count, of the minimum).
    Collecting { smallest: u64, needed: u64 },
    /// A cell beats control beyond chance (after correcting for the number compared).
    Beats { cell: String },
    /// Control beats every cell that differs beyond chance.
    ControlBest,
    /// No difference beyond chance.
    NoDifference,
}

/// Sample ratio mismatch below this p-value: the usual 0.001, strict because a broken split
/// is a bug, not a finding.
pub const SRM_ALPHA: f64 = 0.001;
/// Two-sided significance for a difference to control.
pub const ALPHA: f64 = 0.05;

#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub cells: Vec<CellResult>,
    /// Chi-square p-value of the observed split against the declared weights.
    pub split_p: Option<f64>,
    pub verdict: Verdict,
}

/// The figures for `measured` (cells absent from it count zero), control first.
pub fn results(experiment: &Experiment, measured: &[Measured]) -> Results {
    let planned = experiment.cells();
    let cells: Vec<Measured> = planned
        .iter()
        .map(|(cell, _)| {
            measured
                .iter()
                .find(|m| &m.cell == cell)
                .cloned()
                .unwrap_or(Measured {
                    cell: cell.clone(),
                    ..Default::default()
                })
        })
        .collect();
    let control = cells.first().cloned().unwrap_or_default();
    let out: Vec<CellResult> = cells
        .iter()
        .zip(&planned)
        .enumerate()
        .map(|(i, (m, (_, share)))| CellResult {
            measured: m.clone(),
            planned: *share,
            rate: if m.visitors > 0 {
                m.converted as f64 / m.visitors as f64
            } else {
                0.0
            },
            interval: wilson(m.converted, m.visitors),
            per_visitor: if m.visitors > 0 {
                m.revenue as f64 / m.visitors as f64
            } else {
                0.0
            },
            average_order: (m.orders > 0).then(|| m.revenue as f64 / m.orders as f64),
            against_control: (i > 0)
                .then(|| {
                    two_proportions(control.converted, control.visitors, m.converted, m.visitors)
                })
                .flatten(),
        })
        .collect();
    let observed: Vec<u64> = cells.iter().map(|m| m.visitors).collect();
    let shares: Vec<f64> = planned.iter().map(|(_, s)| *s).collect();
    let split_p = chi_square(&observed, &shares).map(|(_, p)| p);
    let smallest = observed.iter().copied().min().unwrap_or(0);
    // Bonferroni: with k variants against control, each is tested at ALPHA / k, so that
    // "a winner" is not just the luckiest of many.
    let alpha = ALPHA / (out.len().saturating_sub(1).max(1)) as f64;
    let verdict = if let Some(p) = split_p.filter(|p| *p < SRM_ALPHA) {
        Verdict::BrokenSplit { p_value: p }
    } else if smallest < experiment.min_visitors {
        Verdict::Collecting {
            smallest,
            needed: experiment.min_visitors,
        }
    } else {
        let significant: Vec<(&CellResult, f64)> = out
            .iter()
            .filter_map(|c| c.against_control.map(|d| (c, d)))
            .filter(|(_, d)| d.p_value < alpha)
            .map(|(c, d)| (c, d.diff))
            .collect();
        match significant
            .iter()
            .filter(|(_, d)| *d > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
        {
            Some((best, _)) => Verdict::Beats {
                cell: best.measured.cell.clone(),
            },
            None if !significant.is_empty() => Verdict::ControlBest,
            None => Verdict::NoDifference,
        }
    };
    Results {
        cells: out,
        split_p,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running(factors: Vec<Factor>) -> Experiment {
        Experiment {
            name: "t".into(),
            about: String::new(),
            factors,
            pages: vec!["product".into(), "search".into()],
            metric: "order_placed".into(),
            min_visitors: 100,
            start: Some("2026-01-01".into()),
            stop: None,
        }
    }

    fn factor(name: &str, levels: &[(&str, u32)]) -> Factor {
        Factor {
            factor: name.into(),
            levels: levels
                .iter()
                .map(|(l, w)| Level {
                    level: (*l).into(),
                    weight: *w,
                })
                .collect(),
        }
    }

    fn visitor(i: u32) -> String {
        format!(
            "{:032x}",
            u128::from(i).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)
        )
    }

    #[test]
    fn the_shipped_experiments_are_valid_and_wait_to_be_started() {
        let d = shipped();
        for e in &d.experiments {
            assert_eq!(e.problems(), Vec::<String>::new());
            assert!(!e.running(i64::MAX / 2));
        }
        assert!(clashes(&d.experiments).is_empty());
    }

    #[test]
    fn a_visitor_keeps_their_cell_and_the_split_follows_the_weights() {
        let e = running(vec![factor("together", &[("below", 80), ("above", 20)])]);
        let now = parse_time("2026-06-01").unwrap();
        let first = level(
            std::slice::from_ref(&e),
            Knob::Together,
            "product",
            &visitor(7),
            now,
        );
        for _ in 0..3 {
            assert_eq!(
                level(
                    std::slice::from_ref(&e),
                    Knob::Together,
                    "product",
                    &visitor(7),
                    now
                ),
                first
            );
        }
        let above = (0..10_000)
            .filter(|i| e.cell_of(&visitor(*i)) == "above")
            .count();
        assert!((1_850..2_150).contains(&above), "{above} of 10,000 above");
        // Not on a page it does not touch, not before it starts.
        let d = [e];
        assert_eq!(level(&d, Knob::Together, "search", &visitor(7), now), None);
        assert_eq!(level(&d, Knob::Ranking, "search", &visitor(7), now), None);
        let before = parse_time("2025-12-31").unwrap();
        assert_eq!(
            level(&d, Knob::Together, "product", &visitor(7), before),
            None
        );
    }

    #[test]
    fn two_factors_are_assigned_independently_into_every_combination() {
        let e = running(vec![
            factor("together", &[("below", 1), ("above", 1)]),
            factor("ranking", &[("taste", 1), ("plain", 1)]),
        ]);
        let cells = e.cells();
        let names: Vec<&str> = cells.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            names,
            [
                "below + taste",
                "below + plain",
                "above + taste",
                "above + plain"
            ]
        );
        assert!(cells.iter().all(|(_, s)| (*s - 0.25).abs() < 1e-12));
        let mut seen = std::collections::HashMap::new();
        for i in 0..8_000 {
            *seen.entry(e.cell_of(&visitor(i))).or_insert(0) += 1;
        }
        for (cell, _) in &cells {
            let n = seen[cell];
            assert!((1_850..2_150).contains(&n), "{cell}: {n} of 8,000");
        }
    }

    #[test]
    fn a_declaration_that_cannot_run_is_explained() {
        let mut e = running(vec![factor("colour", &[("red", 1), ("blue", 1)])]);
        e.metric = "likes".into();
        e.start = Some("2026-13-01".into());
        let p = e.problems().join("\n");
        assert!(p.contains("no factor 'colour'"), "{p}");
        assert!(p.contains("metric 'likes'"), "{p}");
        assert!(p.contains("start '2026-13-01'"), "{p}");
        let e = running(vec![factor("together", &[("above", 1), ("below", 1)])]);
        assert!(e.problems()[0].contains("first level is control and must be 'below'"));
        let a = running(vec![factor("ranking", &[("taste", 1), ("plain", 1)])]);
        let mut b = a.clone();
        b.name = "u".into();
        assert_eq!(clashes(&[a.clone(), b.clone()]).len(), 1);
        b.start = Some("2027-01-01".into());
        let mut a = a;
        a.stop = Some("2026-06-01".into());
        assert!(clashes(&[a, b]).is_empty(), "one after the other");
    }

    #[test]
    fn times_read_as_written() {
        assert_eq!(parse_time("1970-01-02"), Some(86_400));
        assert_eq!(parse_time("2026-12-03T10:00:00Z"), Some(1_796_292_000));
        assert_eq!(format_time(1_796_292_000), "2026-12-03T10:00:00Z");
        for bad in [
            "2026-02-30",
            "2026-1-01",
            "yesterday",
            "2026-12-03T25:00:00Z",
            "2026-12-03T10:00:00",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    fn cell(name: &str, visitors: u64, converted: u64) -> Measured {
        Measured {
            cell: name.into(),
            visitors,
            converted,
            orders: converted,
            revenue: converted as i64 * 5_000,
        }
    }

    #[test]
    fn a_winner_is_named_only_with_enough_visitors_and_a_fair_split() {
        let e = running(vec![factor("together", &[("below", 1), ("above", 1)])]);
        let r = results(&e, &[cell("below", 2000, 200), cell("above", 2000, 260)]);
        assert_eq!(
            r.verdict,
            Verdict::Beats {
                cell: "above".into()
            }
        );
        let above = &r.cells[1];
        assert!((above.rate - 0.13).abs() < 1e-12);
        assert!((above.per_visitor - 650.0).abs() < 1e-9);
        assert_eq!(above.average_order, Some(5_000.0));
        assert!(above.against_control.unwrap().p_value < 0.01);

        // The same difference on too few visitors: no winner yet.
        let small = results(&e, &[cell("below", 60, 6), cell("above", 60, 8)]);
        assert_eq!(
            small.verdict,
            Verdict::Collecting {
                smallest: 60,
                needed: 100
            }
        );

        // A split of 5,000 to 5,400 on a 50/50 experiment is a bug, whatever it sells.
        let skewed = results(&e, &[cell("below", 5000, 500), cell("above", 5400, 700)]);
        assert!(
            matches!(skewed.verdict, Verdict::BrokenSplit { .. }),
            "{:?}",
            skewed.verdict
        );

        let worse = results(&e, &[cell("below", 2000, 260), cell("above", 2000, 200)]);
        assert_eq!(worse.verdict, Verdict::ControlBest);
        let same = results(&e, &[cell("below", 2000, 200), cell("above", 2000, 205)]);
        assert_eq!(same.verdict, Verdict::NoDifference);
        // A cell nobody reached counts zero, and the split says so.
        let empty = results(&e, &[cell("below", 2000, 200)]);
        assert_eq!(empty.cells[1].measured.visitors, 0);
        assert!(matches!(empty.verdict, Verdict::BrokenSplit { .. }));
    }
}
