//! The shopper's personalisation choice as the UI sees it: loaded with the page, changed by
//! the banner or the privacy centre, and the same everywhere at once.

use crate::api::profile::{get_consent, ChooseConsent, Consent};
use crate::api::ApiError;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ConsentState {
    loaded: Resource<Result<Consent, ApiError>>,
    pub choose: ServerAction<ChooseConsent>,
}

impl ConsentState {
    pub fn provide() -> ConsentState {
        let state = ConsentState {
            loaded: Resource::new(|| (), |_| get_consent()),
            choose: ServerAction::new(),
        };
        provide_context(state);
        state
    }

    pub fn get() -> ConsentState {
        expect_context()
    }

    /// The latest choice: the one just made, else the one the page loaded with.
    pub fn current(&self) -> Option<Consent> {
        match self.choose.value().get() {
            Some(Ok(c)) => Some(c),
            _ => self.loaded.get().and_then(Result::ok),
        }
    }
}
