//! The shopper's personalisation choice as the islands see it: rendered by the server with the
//! page, changed by the banner or the privacy centre, and the same in both at once.

use crate::api::profile::{ChooseConsent, Consent};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ConsentState {
    pub choose: ServerAction<ChooseConsent>,
}

impl ConsentState {
    pub fn provide() -> ConsentState {
        let state = ConsentState {
            choose: ServerAction::new(),
        };
        provide_context(state);
        state
    }

    pub fn get() -> ConsentState {
        expect_context()
    }

    /// The choice just made on this page, if any.
    pub fn chosen(&self) -> Option<Consent> {
        self.choose.value().get().and_then(Result::ok)
    }
}
