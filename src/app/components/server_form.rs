//! A form that calls a server function: a plain HTML form posting to the function's address
//! (it works before the wasm starts, or without it), which the island sends itself once it
//! runs, keeping the shopper on the page. Like Leptos's `ActionForm`, but reading the fields
//! with `form_fields` instead of serde_qs.

use leptos::ev::SubmitEvent;
use leptos::html::form;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::de::DeserializeOwned;

#[component]
pub fn ServerForm<S>(action: ServerAction<S>, children: Children) -> impl IntoView
where
    S: ServerFn + DeserializeOwned + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    // Only this part depends on the server function; the form itself is drawn by one
    // function for all of them (a copy per function cost kilobytes of wasm).
    let send = move |_ev: &SubmitEvent| -> bool {
        #[cfg(feature = "hydrate")]
        return send_as(_ev, action);
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = action;
            false
        }
    };
    posting_form(S::url(), Box::new(send), children)
}

/// `send` returns whether it sent the form itself; if not, the browser posts it as it is and
/// the server says what is wrong.
fn posting_form(
    url: &'static str,
    send: Box<dyn Fn(&SubmitEvent) -> bool + Send + Sync>,
    children: Children,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    follow_redirects();
    form()
        .action(url)
        .method("post")
        .on(leptos::ev::submit, move |ev: SubmitEvent| {
            if !ev.default_prevented() && send(&ev) {
                ev.prevent_default();
            }
        })
        .child(children())
}

/// A server function that answers with a redirect (Buy now, sign in) moves the page, as the
/// plain form post would.
#[cfg(feature = "hydrate")]
fn follow_redirects() {
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| {
        let _ = window().location().set_href(to);
    });
}

/// Sends the form submitted in `ev` as `action`; whether it could (its fields fit the
/// function). The caller stops the browser's own post when it did.
#[cfg(feature = "hydrate")]
fn send_as<S>(ev: &SubmitEvent, action: ServerAction<S>) -> bool
where
    S: ServerFn + DeserializeOwned + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    fields(ev)
        .and_then(crate::app::form_fields::read::<S>)
        .map(|args| action.dispatch(args))
        .is_some()
}

/// The submitted fields, with the button that submitted them (its name and value, as a
/// browser posts them).
#[cfg(feature = "hydrate")]
fn fields(ev: &SubmitEvent) -> Option<Vec<(String, String)>> {
    use leptos::wasm_bindgen::JsCast;
    let data = leptos::form::form_data_from_event(ev).ok()?;
    let mut fields = Vec::new();
    for entry in js_sys::try_iter(&data).ok()?? {
        let entry: js_sys::Array = entry.ok()?.unchecked_into();
        fields.push((entry.get(0).as_string()?, entry.get(1).as_string()?));
    }
    Some(fields)
}
