//! One listing for search results and category pages: filter by facets (multi-select, counted
//! the way shoppers expect), sort, and cut into pages.

use super::profile::Affinity;
use super::ranking;
use crate::commerce::{Currency, Money, Page, ProductSummary};
use serde::{Deserialize, Serialize};

/// A product with what listings filter and rank on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub summary: ProductSummary,
    pub category: String,
    pub category_name: String,
    pub colours: Vec<String>,
    pub sizes: Vec<String>,
    /// Seconds since the epoch.
    pub created_at: i64,
    /// When the product last changed, as far as the backend says (seconds since the epoch).
    pub updated_at: i64,
    /// Units sold so far.
    pub sold: u32,
    /// How well the product matches the words searched; higher is better, 0 when browsing.
    pub relevance: f64,
    /// The merchandiser's order.
    pub position: u32,
}

impl Item {
    /// How many published reviews the product has.
    pub fn reviews(&self) -> u32 {
        self.summary.rating.map_or(0, |r| r.count())
    }

    pub fn price(&self) -> Money {
        self.summary.price
    }
}

/// Price bands in whole units of the store currency (25, 50, 100, 200); the same for every
/// listing, so a shared link means the same thing tomorrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PriceBand {
    Under25,
    From25To50,
    From50To100,
    From100To200,
    Over200,
}

impl PriceBand {
    pub const ALL: [PriceBand; 5] = [
        PriceBand::Under25,
        PriceBand::From25To50,
        PriceBand::From50To100,
        PriceBand::From100To200,
        PriceBand::Over200,
    ];

    pub fn of(price: Money) -> PriceBand {
        let unit = 10i64.pow(price.currency.exponent()) * scale(price.currency);
        match price.minor / unit {
            ..25 => PriceBand::Under25,
            25..50 => PriceBand::From25To50,
            50..100 => PriceBand::From50To100,
            100..200 => PriceBand::From100To200,
            _ => PriceBand::Over200,
        }
    }

    /// Position in `ALL`; how a profile stores the band compactly.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn from_index(i: u8) -> Option<PriceBand> {
        PriceBand::ALL.get(usize::from(i)).copied()
    }

    /// How the band is written in a URL.
    pub fn slug(self) -> &'static str {
        match self {
            PriceBand::Under25 => "0-25",
            PriceBand::From25To50 => "25-50",
            PriceBand::From50To100 => "50-100",
            PriceBand::From100To200 => "100-200",
            PriceBand::Over200 => "200-",
        }
    }

    pub fn from_slug(s: &str) -> Option<PriceBand> {
        PriceBand::ALL.into_iter().find(|b| b.slug() == s)
    }

    /// The band's edges in whole units of `currency` (`None`: open). The words layer says
    /// them in the shopper's language ("Under $25", "до 25 $", "¥250–¥500").
    pub fn bounds(self, currency: Currency) -> (Option<i64>, Option<i64>) {
        let (from, to) = match self {
            PriceBand::Under25 => (None, Some(25)),
            PriceBand::From25To50 => (Some(25), Some(50)),
            PriceBand::From50To100 => (Some(50), Some(100)),
            PriceBand::From100To200 => (Some(100), Some(200)),
            PriceBand::Over200 => (Some(200), None),
        };
        let k = scale(currency);
        (from.map(|n| n * k), to.map(|n| n * k))
    }
}

/// Bands are drawn at 25/50/100/200 of a dollar-sized unit; a currency whose unit is worth
/// much less draws them at a multiple, so a yuan shopper's bands hold the same goods.
fn scale(currency: Currency) -> i64 {
    match currency {
        Currency::CNY => 10,
        Currency::JPY => 100,
        _ => 1,
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// Best match for a search; the merchandiser's order (or the shopper's taste) when browsing.
    #[default]
    Relevance,
    PriceLow,
    PriceHigh,
    Newest,
    BestSelling,
    /// Best reviewed first, a handful of reviews weighing less than many (see ranking).
    TopRated,
}

impl Sort {
    pub const ALL: [Sort; 6] = [
        Sort::Relevance,
        Sort::PriceLow,
        Sort::PriceHigh,
        Sort::Newest,
        Sort::BestSelling,
        Sort::TopRated,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::PriceLow => "price-asc",
            Sort::PriceHigh => "price-desc",
            Sort::Newest => "newest",
            Sort::BestSelling => "best-selling",
            Sort::TopRated => "top-rated",
        }
    }

    pub fn from_slug(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|o| o.slug() == s)
    }
}

/// What the shopper ticked. Within a facet any ticked value matches; across facets all must.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    pub categories: Vec<String>,
    pub colours: Vec<String>,
    pub sizes: Vec<String>,
    pub prices: Vec<PriceBand>,
    pub in_stock: bool,
    /// Only products whose reviews average four stars or more.
    pub rated: bool,
}

/// The average, in tenths of a star, "4 stars & up" keeps.
pub const RATED_FROM: u32 = 40;

/// Values one facet may have ticked at once, and the longest value: a listing's work grows
/// with them, so they are bounded wherever filters come in (a URL, a server function call).
pub const MAX_TICKED: usize = 20;
pub const MAX_VALUE_LEN: usize = 60;

impl Filters {
    /// These filters within the bounds: values trimmed, empty and overlong ones dropped,
    /// repeats dropped, at most `MAX_TICKED` a facet.
    pub fn bounded(self) -> Filters {
        fn values(raw: Vec<String>) -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for v in raw {
                let v = v.trim();
                if out.len() == MAX_TICKED {
                    break;
                }
                if !v.is_empty() && v.len() <= MAX_VALUE_LEN && !out.iter().any(|o| o == v) {
                    out.push(v.to_string());
                }
            }
            out
        }
        let mut prices = Vec::new();
        for p in self.prices {
            if !prices.contains(&p) {
                prices.push(p);
            }
        }
        Filters {
            categories: values(self.categories),
            colours: values(self.colours),
            sizes: values(self.sizes),
            prices,
            in_stock: self.in_stock,
            rated: self.rated,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
            && self.colours.is_empty()
            && self.sizes.is_empty()
            && self.prices.is_empty()
            && !self.in_stock
            && !self.rated
    }

    pub fn count(&self) -> usize {
        self.categories.len()
            + self.colours.len()
            + self.sizes.len()
            + self.prices.len()
            + usize::from(self.in_stock)
            + usize::from(self.rated)
    }

    fn keeps(&self, item: &Item, except: Option<Facet>) -> bool {
        let any = |ticked: &[String], values: &[String]| {
            ticked.is_empty() || values.iter().any(|v| ticked.contains(v))
        };
        (except == Some(Facet::Category)
            || self.categories.is_empty()
            || self.categories.contains(&item.category))
            && (except == Some(Facet::Colour) || any(&self.colours, &item.colours))
            && (except == Some(Facet::Size) || any(&self.sizes, &item.sizes))
            && (except == Some(Facet::Price)
                || self.prices.is_empty()
                || self.prices.contains(&PriceBand::of(item.price())))
            && (except == Some(Facet::Stock) || !self.in_stock || item.summary.in_stock)
            && (except == Some(Facet::Rating) || !self.rated || well_rated(item))
    }
}

fn well_rated(item: &Item) -> bool {
    item.summary
        .rating
        .and_then(|r| r.average_tenths())
        .is_some_and(|t| t >= RATED_FROM)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facet {
    Category,
    Colour,
    Size,
    Price,
    Stock,
    Rating,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// As written in the URL.
    pub value: String,
    pub label: String,
    /// Products the listing would show with this value ticked too.
    pub count: u32,
    pub selected: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub categories: Vec<FacetValue>,
    pub colours: Vec<FacetValue>,
    pub sizes: Vec<FacetValue>,
    pub prices: Vec<FacetValue>,
    /// Products in stock among those the other filters keep.
    pub in_stock: u32,
    /// Products rated four stars or more among those the other filters keep.
    #[serde(default)]
    pub rated: u32,
}

/// Filters, counts, sorts and pages `items`. A facet's counts ignore that facet's own ticks
/// (ticking "Ink" must not make "Sand" read 0), so multi-select stays useful.
pub fn arrange(
    items: Vec<Item>,
    filters: &Filters,
    sort: Sort,
    affinity: Option<&Affinity>,
    page: u32,
    per_page: u32,
) -> (Page<ProductSummary>, Facets) {
    let facets = count(&items, filters);
    let mut kept: Vec<Item> = items
        .into_iter()
        .filter(|i| filters.keeps(i, None))
        .collect();
    ranking::sort(&mut kept, sort, affinity);
    let per_page = per_page.max(1);
    let total = kept.len() as u32;
    let pages = total.div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let items = kept
        .into_iter()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .map(|i| i.summary)
        .collect();
    (
        Page {
            items,
            page,
            per_page,
            total,
        },
        facets,
    )
}

fn count(items: &[Item], filters: &Filters) -> Facets {
    let tally = |facet: Facet, values: &dyn Fn(&Item) -> Vec<(String, String)>| {
        // Keeps first-seen order, which follows the merchandiser's order of the items.
        let mut out: Vec<FacetValue> = Vec::new();
        let mut at: std::collections::HashMap<String, usize> = Default::default();
        for item in items.iter().filter(|i| filters.keeps(i, Some(facet))) {
            for (value, label) in values(item) {
                match at.get(&value) {
                    Some(&i) => out[i].count += 1,
                    None => {
                        at.insert(value.clone(), out.len());
                        out.push(FacetValue {
                            value,
                            label,
                            count: 1,
                            selected: false,
                        })
                    }
                }
            }
        }
        out
    };
    let mut categories = tally(Facet::Category, &|i| {
        vec![(i.category.clone(), i.category_name.clone())]
    });
    let mut colours = tally(Facet::Colour, &|i| {
        i.colours.iter().map(|c| (c.clone(), c.clone())).collect()
    });
    colours.sort_by(|a, b| a.label.cmp(&b.label));
    let mut sizes = tally(Facet::Size, &|i| {
        i.sizes.iter().map(|s| (s.clone(), s.clone())).collect()
    });
    sizes.sort_by_key(|s| size_rank(&s.value));
    let mut prices = tally(Facet::Price, &|i| {
        let band = PriceBand::of(i.price());
        // Labelled by the words layer where the listing is answered, in the shopper's language.
        vec![(band.slug().to_string(), band.slug().to_string())]
    });
    prices.sort_by_key(|p| PriceBand::from_slug(&p.value));
    let in_stock = items
        .iter()
        .filter(|i| filters.keeps(i, Some(Facet::Stock)) && i.summary.in_stock)
        .count() as u32;
    let rated = items
        .iter()
        .filter(|i| filters.keeps(i, Some(Facet::Rating)) && well_rated(i))
        .count() as u32;
    mark(&mut categories, &filters.categories);
    mark(&mut colours, &filters.colours);
    mark(&mut sizes, &filters.sizes);
    let price_slugs: Vec<String> = filters.prices.iter().map(|p| p.slug().into()).collect();
    mark(&mut prices, &price_slugs);
    Facets {
        categories,
        colours,
        sizes,
        prices,
        in_stock,
        rated,
    }
}

/// Ticked values stay listed (with a count of 0 if nothing matches), so they can be unticked.
fn mark(values: &mut Vec<FacetValue>, ticked: &[String]) {
    for t in ticked {
        match values.iter_mut().find(|v| &v.value == t) {
            Some(v) => v.selected = true,
            None => values.push(FacetValue {
                value: t.clone(),
                label: t.clone(),
                count: 0,
                selected: true,
            }),
        }
    }
}

/// Clothing sizes small to large, then shoe sizes by number, then the rest by name.
fn size_rank(size: &str) -> (u8, u32, String) {
    const LETTERS: [&str; 7] = ["XXS", "XS", "S", "M", "L", "XL", "XXL"];
    if let Some(i) = LETTERS.iter().position(|l| l.eq_ignore_ascii_case(size)) {
        return (0, i as u32, String::new());
    }
    match size.parse::<u32>() {
        Ok(n) => (1, n, String::new()),
        Err(_) => (2, 0, size.to_string()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::commerce::{Currency, Image};

    pub fn item(handle: &str, category: &str, price: i64, colours: &[&str]) -> Item {
        Item {
            summary: ProductSummary {
                handle: handle.into(),
                name: handle.replace('-', " "),
                brand: "Oakline".into(),
                image: Image {
                    url: String::new(),
                    alt: String::new(),
                    srcset: None,
                    avif: None,
                },
                price: Money::new(price, Currency::USD),
                compare_at: None,
                price_varies: false,
                in_stock: true,
                rating: None,
                saved: false,
            },
            category: category.into(),
            category_name: category.to_uppercase(),
            colours: colours.iter().map(|c| c.to_string()).collect(),
            sizes: vec!["M".into(), "S".into()],
            created_at: 0,
            updated_at: 0,
            sold: 0,
            relevance: 0.0,
            position: 0,
        }
    }

    fn catalogue() -> Vec<Item> {
        let mut sold_out = item("sold-out-tee", "tees", 1_500, &["Ink"]);
        sold_out.summary.in_stock = false;
        vec![
            item("ink-tee", "tees", 2_000, &["Ink"]),
            item("sand-tee", "tees", 3_000, &["Sand"]),
            item("two-tone-tee", "tees", 4_000, &["Ink", "Sand"]),
            item("ink-bag", "bags", 12_000, &["Ink"]),
            sold_out,
        ]
    }

    fn rated(mut i: Item, by_stars: [u32; 5]) -> Item {
        i.summary.rating = Some(crate::commerce::reviews::Rating { by_stars });
        i
    }

    #[test]
    fn top_rated_weighs_many_reviews_over_one_and_four_stars_and_up_keeps_the_well_liked() {
        let items = vec![
            item("unreviewed", "tees", 1_000, &["Ink"]),
            rated(item("one-five", "tees", 1_000, &["Ink"]), [0, 0, 0, 0, 1]),
            rated(
                item("forty-at-4-8", "tees", 1_000, &["Ink"]),
                [0, 0, 0, 8, 32],
            ),
            rated(item("mixed-3-5", "tees", 1_000, &["Ink"]), [1, 1, 0, 1, 1]),
        ];
        let (page, facets) = arrange(
            items.clone(),
            &Filters::default(),
            Sort::TopRated,
            None,
            1,
            10,
        );
        assert_eq!(
            handles(&page),
            ["forty-at-4-8", "one-five", "mixed-3-5", "unreviewed"]
        );
        assert_eq!(
            facets.rated, 2,
            "4.8 and 5.0 average four stars or more; 3.0 does not"
        );
        let four_up = Filters {
            rated: true,
            ..Default::default()
        };
        let (page, _) = arrange(items, &four_up, Sort::Relevance, None, 1, 10);
        assert_eq!(handles(&page).len(), 2);
        assert!(handles(&page)
            .iter()
            .all(|h| *h != "mixed-3-5" && *h != "unreviewed"));
    }

    fn handles(page: &Page<ProductSummary>) -> Vec<&str> {
        page.items.iter().map(|p| p.handle.as_str()).collect()
    }

    fn count_of(values: &[FacetValue], value: &str) -> u32 {
        values
            .iter()
            .find(|v| v.value == value)
            .map_or(0, |v| v.count)
    }

    #[test]
    fn ticking_two_colours_keeps_either_and_other_colours_keep_their_counts() {
        let filters = Filters {
            colours: vec!["Ink".into()],
            ..Filters::default()
        };
        let (page, facets) = arrange(catalogue(), &filters, Sort::Relevance, None, 1, 24);
        assert_eq!(page.total, 4);
        assert_eq!(count_of(&facets.colours, "Sand"), 2, "Sand still counts");
        assert!(facets
            .colours
            .iter()
            .any(|c| c.value == "Ink" && c.selected));
        // Category counts do respect the colour tick.
        assert_eq!(count_of(&facets.categories, "tees"), 3);
        assert_eq!(count_of(&facets.categories, "bags"), 1);
    }

    #[test]
    fn facets_combine_across_kinds() {
        let filters = Filters {
            colours: vec!["Ink".into(), "Sand".into()],
            prices: vec![PriceBand::From25To50],
            in_stock: true,
            ..Filters::default()
        };
        let (page, facets) = arrange(catalogue(), &filters, Sort::PriceLow, None, 1, 24);
        assert_eq!(handles(&page), vec!["sand-tee", "two-tone-tee"]);
        assert_eq!(
            count_of(&facets.prices, "0-25"),
            1,
            "ink-tee; sold-out-tee is out"
        );
        assert_eq!(facets.in_stock, 2);
    }

    #[test]
    fn a_ticked_value_with_no_products_stays_listed_so_it_can_be_unticked() {
        let filters = Filters {
            colours: vec!["Mauve".into()],
            ..Filters::default()
        };
        let (page, facets) = arrange(catalogue(), &filters, Sort::Relevance, None, 1, 24);
        assert_eq!(page.total, 0);
        let mauve = facets.colours.iter().find(|c| c.value == "Mauve").unwrap();
        assert!(mauve.selected);
        assert_eq!(mauve.count, 0);
    }

    #[test]
    fn pages_are_cut_after_sorting_and_a_page_past_the_end_shows_the_last() {
        let (page, _) = arrange(
            catalogue(),
            &Filters::default(),
            Sort::PriceHigh,
            None,
            2,
            2,
        );
        assert_eq!(handles(&page), vec!["sand-tee", "ink-tee"]);
        assert_eq!(page.total, 5);
        let (page, _) = arrange(
            catalogue(),
            &Filters::default(),
            Sort::PriceHigh,
            None,
            9,
            2,
        );
        assert_eq!(page.page, 3);
        assert_eq!(handles(&page), vec!["sold-out-tee"]);
    }

    #[test]
    fn sizes_read_small_to_large_and_price_bands_low_to_high() {
        let (_, facets) = arrange(
            catalogue(),
            &Filters::default(),
            Sort::Relevance,
            None,
            1,
            24,
        );
        let sizes: Vec<&str> = facets.sizes.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(sizes, vec!["S", "M"]);
        let bands: Vec<&str> = facets.prices.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(bands, vec!["0-25", "25-50", "100-200"]);
    }

    #[test]
    fn url_slugs_round_trip() {
        for b in PriceBand::ALL {
            assert_eq!(PriceBand::from_slug(b.slug()), Some(b));
        }
        for s in Sort::ALL {
            assert_eq!(Sort::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Sort::from_slug("cheapest"), None);
        assert_eq!(
            PriceBand::From25To50.bounds(Currency::USD),
            (Some(25), Some(50))
        );
        assert_eq!(PriceBand::Over200.bounds(Currency::EUR), (Some(200), None));
    }

    #[test]
    fn yuan_bands_hold_what_dollar_bands_hold() {
        assert_eq!(PriceBand::Under25.bounds(Currency::CNY), (None, Some(250)));
        assert_eq!(
            PriceBand::of(Money::new(21_200, Currency::CNY)),
            PriceBand::Under25
        );
        assert_eq!(
            PriceBand::of(Money::new(29_50, Currency::USD)),
            PriceBand::From25To50
        );
        assert_eq!(
            PriceBand::of(Money::new(30_000, Currency::CNY)),
            PriceBand::From25To50
        );
    }
}
