//! Discovery: what the shopper typed, how listings are filtered and ranked, what to recommend,
//! and the shopper profile behind it. Pure (inputs in, ranked lists out, no I/O), so the same
//! code runs in the server and in the browser and is tested without either.

pub mod facets;
pub mod profile;
pub mod query;
pub mod ranking;
pub mod reason;
pub mod script;
pub mod similar;
pub mod spelling;
pub mod synonyms;
pub mod together;

pub use facets::{Facets, Filters, Item, PriceBand, Sort};
pub use profile::{Affinity, Profile};
pub use reason::Reason;
