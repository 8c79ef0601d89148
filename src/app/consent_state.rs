//! The shopper's personalisation choice as the islands see it: rendered by the server with the
//! page, changed by the banner or the privacy centre, and the same in both at once.

use crate::api::profile::Consent;
use crate::app::sender::Sender;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ConsentState {
    choose: Sender<Consent>,
}

impl ConsentState {
    pub fn provide() -> ConsentState {
        let state = ConsentState {
            choose: Sender::new(),
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
        #[cfg(feature = "hydrate")]
        if let Some(fields) = crate::app::sender::form_fields(ev) {
            use leptos::server_fn::ServerFn;
            ev.prevent_default();
            self.choose.send(
                crate::api::profile::ChooseConsent::url(),
                fields,
                read_choice,
            );
        }
        let _ = ev;
    }
}

/// The choice the server answered (JSON's `"Granted"` or `"Refused"`).
#[cfg(feature = "hydrate")]
fn read_choice(text: &str) -> Option<Consent> {
    match text.trim().trim_matches('"') {
        "Granted" => Some(Consent::Granted),
        "Refused" => Some(Consent::Refused),
        _ => None,
    }
}
