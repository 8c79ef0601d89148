//! The commerce domain: plain data shared by server and browser, and (server only) the
//! `Commerce` trait with one adapter per backend. Nothing here knows about UI or HTTP.

pub mod bundles;
pub mod checkout;
pub mod model;
pub mod money;
pub mod packing_slip;
pub mod prices;
pub mod promotions;
pub mod refusal;
pub mod reviews;
pub mod tracking;

#[cfg(feature = "ssr")]
pub mod backend;
#[cfg(feature = "ssr")]
pub mod embedded;
#[cfg(feature = "ssr")]
pub mod vendure;

pub use model::*;
pub use money::{Currency, Money};
pub use refusal::{Refusal, Thing};
