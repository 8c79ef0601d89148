//! The few things only a browser can do, kept in one place so the rest of the UI compiles the
//! same on the server.

use wasm_bindgen::JsCast;

/// Submits the form `event` happened in, as if its button were pressed (so the router sees it).
pub fn submit_form_of(event: &web_sys::Event) {
    let form = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("form").ok().flatten())
        .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
    if let Some(form) = form {
        let _ = form.request_submit();
    }
}

/// Focuses the form field named `name` (with `value`, for one of several checkboxes), e.g.
/// after a listing re-rendered.
pub fn focus_field(name: &str, value: &str) {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let selector = if value.is_empty() {
        format!("[name=\"{}\"]", escape(name))
    } else {
        format!("[name=\"{}\"][value=\"{}\"]", escape(name), escape(value))
    };
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// The field `event` happened on: its name and value.
pub fn field_of(event: &web_sys::Event) -> Option<(String, String)> {
    let el = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    Some((
        el.get_attribute("name")?,
        el.get_attribute("value").unwrap_or_default(),
    ))
}

pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
