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

/// A labelled text input with its hint and error wired for screen readers.
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
    /// The same rule the server applies, run in the browser: first when the shopper leaves
    /// the field, then on every keystroke until it is right.
    #[prop(default = None)]
    check: Option<Callback<String, Option<String>>>,
) -> impl IntoView {
    let local = RwSignal::new(None::<Option<String>>);
    // A new answer from the server replaces what the browser last said.
    Effect::new(move |_| {
        server_error.track();
        local.set(None);
    });
    let error = Signal::derive(move || match local.get() {
        Some(mine) => mine,
        None => server_error.get(),
    });
    let run = move |value: String, leaving: bool| {
        if let Some(check) = check {
            // Leaving an empty field says nothing yet: tabbing through is not a mistake.
            if (leaving && !value.trim().is_empty()) || local.get_untracked().is_some() {
                local.set(Some(check.run(value)));
            }
        }
    };
    let id = id.map_or_else(|| format!("f-{name}"), str::to_string);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (e, h) = (error_id.clone(), hint_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(h.clone());
            }
            if error.get().is_some() {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label class="field__label" for=id.clone()>{label}</label>
            <input class="field__input" id=id type=kind name=name autocomplete=autocomplete inputmode=inputmode
                maxlength=maxlength value=value required=!optional aria-invalid=move || error.get().map(|_| "true") aria-describedby=described
                on:blur=move |ev| run(event_target_value(&ev), true)
                on:input=move |ev| run(event_target_value(&ev), false)/>
            {hint.map(|h| view! { <span class="field__hint" id=hint_id>{h}</span> })}
            {move || error.get().map(|m| view! { <span class="field__error" id=error_id.clone()>{m}</span> })}
        </div>
    }
}
