//! First-party measurement: the steps of the funnel as the server sees them happen, and what
//! they add up to. Pure: storage is the storefront's (`storefront::events`), recording is the
//! API's (`api::events`), showing is the insights page's.

pub mod demo;
pub mod experiments;
pub mod stats;

use serde::{Deserialize, Serialize};

/// A step a shopper took, recorded where it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// A page of the store was shown (`Event::page` says which kind).
    PageView,
    /// A product page was shown (`subject`: the product).
    ProductView,
    /// A search (`subject`: the words, `value`: how many products it found).
    Search,
    /// Something went into a cart (`subject`: the product, `value`: how many).
    AddToCart,
    /// The checkout page was shown with something in the cart.
    CheckoutStarted,
    /// An order was placed (`value`: its total in minor units of `currency`).
    OrderPlaced,
    /// The widget showed a product on another site (`subject`: that site's origin).
    WidgetView,
    /// The widget added to its cart (`subject`: that site's origin).
    WidgetAdd,
    /// An order placed after the widget's checkout button (`subject`: that site's origin,
    /// `page`: the order, `value`: its total in `currency`).
    WidgetSale,
    /// A product in a placed order (`subject`: the product, `value`: how many, `page`: the
    /// order, so a replayed confirmation counts once).
    ProductBought,
    /// A consenting visitor saw a page an experiment varies (`subject`: the experiment,
    /// `page`: their cell).
    Exposure,
}

impl Step {
    pub const ALL: [Step; 11] = [
        Step::PageView,
        Step::ProductView,
        Step::Search,
        Step::AddToCart,
        Step::CheckoutStarted,
        Step::OrderPlaced,
        Step::WidgetView,
        Step::WidgetAdd,
        Step::WidgetSale,
        Step::ProductBought,
        Step::Exposure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::PageView => "page_view",
            Step::ProductView => "product_view",
            Step::Search => "search",
            Step::AddToCart => "add_to_cart",
            Step::CheckoutStarted => "checkout_started",
            Step::OrderPlaced => "order_placed",
            Step::WidgetView => "widget_view",
            Step::WidgetAdd => "widget_add",
            Step::WidgetSale => "widget_sale",
            Step::ProductBought => "product_bought",
            Step::Exposure => "exposure",
        }
    }

    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One recorded step. `visitor` is set only for a shopper who agreed to personalisation
/// (and sent neither Do Not Track nor Global Privacy Control); everyone else is a count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Seconds since the epoch.
    pub at: i64,
    pub step: Step,
    /// The kind of page, for page views: home, category, search, product, cart, checkout,
    /// order, account, other.
    pub page: String,
    pub subject: String,
    pub value: i64,
    pub currency: String,
    pub visitor: Option<String>,
}

impl Event {
    pub fn new(at: i64, step: Step) -> Event {
        Event {
            at,
            step,
            page: String::new(),
            subject: String::new(),
            value: 0,
            currency: String::new(),
            visitor: None,
        }
    }
}

/// Where recorded steps go. Recording never waits: a sink that cannot keep up drops the
/// event and counts it, so measuring never makes a page slower.
pub trait Sink: Send + Sync {
    fn record(&self, event: Event);
    /// Events dropped since the start (queue full, or storage failing).
    fn dropped(&self) -> u64;
    /// Whether this sink keeps anything (`Off` does not).
    fn records(&self) -> bool {
        true
    }
}

/// The sink of a store whose statistics are off.
pub struct Off;

impl Sink for Off {
    fn record(&self, _: Event) {}
    fn dropped(&self) -> u64 {
        0
    }
    fn records(&self) -> bool {
        false
    }
}

/// The kind of page a path shows (after its language prefix), for page views.
pub fn page_kind(path: &str) -> &'static str {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match first {
        "" => "home",
        "c" => "category",
        "search" => "search",
        "p" => "product",
        "cart" => "cart",
        "checkout" => "checkout",
        "orders" => "order",
        "account" => "account",
        "wishlist" => "wishlist",
        _ => "other",
    }
}

/// The funnel's steps in order, as the dashboard draws them.
pub const FUNNEL: [(Step, &str); 5] = [
    (Step::PageView, "Page views"),
    (Step::ProductView, "Product views"),
    (Step::AddToCart, "Added to cart"),
    (Step::CheckoutStarted, "Checkout started"),
    (Step::OrderPlaced, "Orders"),
];

/// One bar of the funnel: how many, and what share of the step before it.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStep {
    pub label: &'static str,
    pub count: u64,
    /// Percent of the previous step, one decimal; `None` for the first step or after zero.
    pub from_previous: Option<f64>,
}

/// The funnel from counts per step (missing steps count zero).
pub fn funnel(count: impl Fn(Step) -> u64) -> Vec<FunnelStep> {
    let mut previous: Option<u64> = None;
    FUNNEL
        .iter()
        .map(|(step, label)| {
            let n = count(*step);
            let from_previous = previous
                .filter(|p| *p > 0)
                .map(|p| (n as f64 * 1000.0 / p as f64).round() / 10.0);
            previous = Some(n);
            FunnelStep {
                label,
                count: n,
                from_previous,
            }
        })
        .collect()
}

/// Search words as counted: trimmed, lower case, spaces squeezed, so "Tote " and "tote" are one.
pub fn search_key(q: &str) -> String {
    q.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .take(100)
        .collect()
}

/// Whether a request's headers ask not to be tracked (`DNT: 1` or `Sec-GPC: 1`): such a
/// shopper is counted, never identified, whatever their consent cookie says.
pub fn asks_not_to_be_tracked(header: impl Fn(&str) -> Option<String>) -> bool {
    ["dnt", "sec-gpc"]
        .iter()
        .any(|h| header(h).is_some_and(|v| v.trim() == "1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_funnel_gives_each_step_as_a_share_of_the_one_before() {
        let counts = [
            (Step::PageView, 1000),
            (Step::ProductView, 400),
            (Step::AddToCart, 50),
            (Step::CheckoutStarted, 0),
            (Step::OrderPlaced, 3),
        ];
        let f = funnel(|s| counts.iter().find(|(k, _)| *k == s).map_or(0, |(_, n)| *n));
        let shares: Vec<Option<f64>> = f.iter().map(|s| s.from_previous).collect();
        assert_eq!(shares, [None, Some(40.0), Some(12.5), Some(0.0), None]);
        assert_eq!(f[4].count, 3);
        assert_eq!(f[0].label, "Page views");
    }

    #[test]
    fn pages_are_told_apart_by_their_path() {
        assert_eq!(page_kind("/"), "home");
        assert_eq!(page_kind("/c/t-shirts"), "category");
        assert_eq!(page_kind("/p/everyday-crew-tee"), "product");
        assert_eq!(page_kind("/search"), "search");
        assert_eq!(page_kind("/orders/VT-1"), "order");
        assert_eq!(page_kind("/privacy"), "other");
    }

    #[test]
    fn searches_count_as_typed_without_case_or_extra_spaces() {
        assert_eq!(search_key("  Canvas   TOTE "), "canvas tote");
        assert_eq!(search_key(&"x".repeat(300)).len(), 100);
    }

    #[test]
    fn do_not_track_and_global_privacy_control_both_mean_no() {
        let with = |name: &'static str, value: &'static str| {
            move |h: &str| (h == name).then(|| value.to_string())
        };
        assert!(asks_not_to_be_tracked(with("dnt", "1")));
        assert!(asks_not_to_be_tracked(with("sec-gpc", "1")));
        assert!(!asks_not_to_be_tracked(with("dnt", "0")));
        assert!(!asks_not_to_be_tracked(|_| None));
        assert_eq!(Step::parse("order_placed"), Some(Step::OrderPlaced));
        assert_eq!(Step::parse("nope"), None);
    }
}
