//! Server functions: the only way the browser (and later the widget) reaches the server.
//! Every argument is validated here before a backend sees it.

pub mod cart;
pub mod catalog;
mod error;
#[cfg(feature = "ssr")]
mod validate;

pub use error::ApiError;

#[cfg(feature = "ssr")]
pub(crate) mod context {
    use crate::api::ApiError;
    use crate::commerce::backend::Commerce;
    use leptos::prelude::*;
    use std::sync::Arc;

    /// What every server function may use; provided per request by the server.
    #[derive(Clone)]
    pub struct Backend(pub Arc<dyn Commerce>);

    pub fn backend() -> Result<Arc<dyn Commerce>, ApiError> {
        use_context::<Backend>()
            .map(|b| b.0)
            .ok_or(ApiError::Unavailable)
    }
}
