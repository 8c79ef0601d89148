//! The shopper's personalisation choice as the islands see it: rendered by the server with the
//! page, changed by the banner or the privacy centre, and the same in both at once.

use crate::api::profile::{ChooseConsent, Consent};
use crate::app::sender::Sender;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[derive(Clone, Copy)]
pub struct ConsentState {
    choose: Sender<Consent>,
}

impl ConsentState {
    pub fn provide() -> ConsentState {
        let state = ConsentState {
            choose: Sender::new(ChooseConsent::url(), read_choice),
        };
        provide_context(state);
        state
    }

    pub fn get() -> ConsentState {
        expect_context()
    }

    /// The choice just made on this page, if any (tracked).
    pub fn chosen(&self) -> Option<Consent> {
        self.choose.answer().and_then(Result::ok)
    }

    /// Whether the newest choice on this page has been answered (tracked): views that show
    /// what the server holds ask again then.
    pub fn answered(&self) -> bool {
        self.choose.answer().is_some()
    }

    /// A choice form (banner or privacy centre) sent as the consent action: the page stays.
    pub fn send_form(&self, ev: &leptos::ev::SubmitEvent) {
        self.choose.send_form(ev);
    }
}

/// The choice the server answered (JSON's `"Granted"` or `"Refused"`).
fn read_choice(text: &str) -> Option<Consent> {
    Consent::from_name(text.trim().trim_matches('"')).filter(|c| *c != Consent::Unasked)
}
