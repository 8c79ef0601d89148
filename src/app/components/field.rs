//! Form parts shared by every form: a labelled input wired to its hint and error for screen
//! readers, and the split of a server function's error into field and form messages.

use crate::api::ApiError;
use leptos::prelude::*;

/// A server action's latest error, read per field (shown under the input) or as the form's
/// general message (shown at the top, announced).
#[derive(Clone, Copy)]
pub struct FormErrors {
    error: Signal<Option<ApiError>>,
}

impl FormErrors {
    pub fn new(error: impl Fn() -> Option<ApiError> + Send + Sync + 'static) -> FormErrors {
        FormErrors {
            error: Signal::derive(error),
        }
    }

    /// The refusal a plain (no-JavaScript) post of `url`'s form came back with, which the
    /// page it returned to draws.
    pub fn posted(url: &'static str) -> FormErrors {
        #[cfg(feature = "ssr")]
        let posted = crate::app::sender::posted_refusal(url);
        #[cfg(not(feature = "ssr"))]
        let posted = {
            let _ = url;
            None
        };
        FormErrors::new(move || posted.clone())
    }

    pub fn field(self, name: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            let error = self.error.get();
            error
                .filter(|e| e.field_name() == Some(name))
                .map(|e| e.to_string())
        })
    }

    pub fn general(self) -> Option<String> {
        self.error
            .get()
            .filter(|e| e.field_name().is_none())
            .map(|e| e.to_string())
    }
}

/// A labelled text input with its hint and error wired for screen readers, drawn on the
/// server. Once the wasm runs, `enhance` checks it as the shopper types and puts the server's
/// answer in place.
#[component]
pub fn Field(
    name: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] optional: bool,
    #[prop(optional)] maxlength: Option<u32>,
    /// Element id when the page has two forms with the same field names.
    #[prop(optional)]
    id: Option<&'static str>,
    /// Prefilled value (a remembered shopper's details).
    #[prop(optional, into)]
    value: Option<String>,
    /// The server's message for this field, from the last submission.
    #[prop(name = "error")]
    server_error: Signal<Option<String>>,
    /// The browser runs the same rule the server applies (`enhance::checks`, by the field's
    /// name): first when the shopper leaves the field, then on every keystroke until it is right.
    #[prop(optional)]
    checked: bool,
    /// The field name the server's refusals use for it, when not its own (the code box's).
    #[prop(optional)]
    said_as: Option<&'static str>,
) -> impl IntoView {
    let error = server_error.get_untracked();
    let invalid = error.is_some();
    let id = id.map_or_else(|| format!("f-{name}"), str::to_string);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described: Vec<&str> = [
        hint.is_some().then_some(hint_id.as_str()),
        error.is_some().then_some(error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    view! {
        <div class="field" class:field--invalid=invalid>
            <label class="field__label" for=id.clone()>{label}</label>
            <input class="field__input" id=id type=kind name=name autocomplete=autocomplete inputmode=inputmode
                maxlength=maxlength value=value required=!optional aria-invalid=invalid.then_some("true")
                aria-describedby=described data-check=checked.then_some("") data-field=said_as/>
            {hint.map(|h| view! { <span class="field__hint" id=hint_id>{h}</span> })}
            {error.map(|m| view! { <span class="field__error" id=error_id>{m}</span> })}
        </div>
    }
}
