//! Why a recommendation row is shown, kept as data so the page can word it.

use serde::{Deserialize, Serialize};

/// Why a row is shown; the page words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// Taste from these recently viewed products (newest first).
    BecauseYouViewed(Vec<String>),
    RecentlyViewed,
    /// Other shoppers bought these with the named product(s).
    BoughtWith(Vec<String>),
    /// Too few orders to go on: these are like the named product.
    LikeThis(String),
    SimilarTo(String),
}
