//! Every word a shopper reads, below everything that shows them: pages, server functions,
//! the server's own refusals and the widget all take their words from here, and nothing here
//! knows about pages or transport. Problems travel typed ([`Problem`]) and become sentences
//! only where they are shown. English is the one locale so far (issue 17 adds zh, fa, ru).

mod en;
mod problem;

pub use en::*;
pub use problem::{Label, Problem};
