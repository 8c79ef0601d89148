//! The server's refusal, or the browser's own check, put beside what it is about, as the
//! server draws it after a plain post: under a field (`.field__error`, announced through
//! `aria-describedby`), under a group of choices, or at the top of the form (`.form-error`).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlFormElement};

/// A new answer from the server replaces everything said on the form before, the browser's
/// own checks included: says `message` about `field` (or the whole form).
pub fn refusal(form: &HtmlFormElement, field: Option<&str>, message: &str) {
    clear(form);
    let input = field.and_then(|name| {
        let selector = format!("[name=\"{name}\"], [data-field=\"{name}\"]");
        form.query_selector(&selector).ok().flatten()
    });
    match input {
        Some(input) => about(&input, Some(message)),
        None => general(form, message),
    }
}

/// Takes away everything said on the form (an accepted answer has nothing to say).
pub fn clear(form: &HtmlFormElement) {
    for stale in all(form, ".field__error, .form-error") {
        stale.remove();
    }
    for marked in all(form, "[aria-invalid], [data-checked]") {
        let _ = marked.remove_attribute("aria-invalid");
        let _ = marked.remove_attribute("data-checked");
        describe(&marked, None);
    }
    for invalid in all(form, ".field--invalid") {
        let _ = invalid.class_list().remove_1("field--invalid");
    }
}

/// Says `message` about one input (or clears what was said when `None`).
pub fn about(input: &Element, message: Option<&str>) {
    if let Some(field) = input.closest(".field").ok().flatten() {
        let id = format!("{}-error", input.id());
        let shown = field.query_selector(".field__error").ok().flatten();
        match message {
            Some(message) => {
                let shown = shown.unwrap_or_else(|| {
                    let span = create("span", "field__error");
                    span.set_id(&id);
                    let _ = field.append_child(&span);
                    span
                });
                shown.set_text_content(Some(message));
                let _ = field.class_list().add_1("field--invalid");
                let _ = input.set_attribute("aria-invalid", "true");
                describe(input, Some(&id));
            }
            None => {
                if let Some(shown) = shown {
                    shown.remove();
                }
                let _ = field.class_list().remove_1("field--invalid");
                let _ = input.remove_attribute("aria-invalid");
                describe(input, None);
            }
        }
    } else if let (Some(group), Some(message)) = (input.closest("fieldset").ok().flatten(), message)
    {
        // A choice (delivery, payment): said once, under the group.
        let p = create("p", "field__error");
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(message));
        let _ = group.append_child(&p);
    }
}

fn general(form: &HtmlFormElement, message: &str) {
    let p = create("p", "form-error");
    let _ = p.set_attribute("role", "alert");
    if let Some(id) = form.get_attribute("data-error-testid") {
        let _ = p.set_attribute("data-testid", &id);
    }
    p.set_text_content(Some(message));
    let _ = form.prepend_with_node_1(&p);
}

/// The input's `aria-describedby`: its hint, and its error when one is shown.
fn describe(input: &Element, error: Option<&str>) {
    let hint = format!("{}-hint", input.id());
    let has_hint = !input.id().is_empty()
        && leptos::prelude::document()
            .get_element_by_id(&hint)
            .is_some();
    let ids: Vec<&str> = [has_hint.then_some(hint.as_str()), error]
        .into_iter()
        .flatten()
        .collect();
    if ids.is_empty() {
        let _ = input.remove_attribute("aria-describedby");
    } else {
        let _ = input.set_attribute("aria-describedby", &ids.join(" "));
    }
}

fn create(tag: &str, class: &str) -> Element {
    let el = leptos::prelude::document()
        .create_element(tag)
        .expect("a browser creates elements");
    el.set_class_name(class);
    el
}

fn all(root: &HtmlFormElement, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}
