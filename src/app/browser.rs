//! The few things only a browser can do, kept in one place so the rest of the UI compiles the
//! same on the server.

use wasm_bindgen::JsCast;

/// Submits the form `event` happened in, as if its button were pressed.
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

/// Where the shopper was when a change submitted the page's form: the page, the field (name,
/// value) and the scroll position, for the next page to restore.
const REFOCUS_KEY: &str = "vitrine.refocus";
/// Between the parts of what is kept (a control character no page or field name holds).
const SEPARATOR: char = '\u{1f}';

/// Remembers the field `event` happened on, for `restore_focus` on the page the form loads.
pub fn keep_focus(event: &web_sys::Event) {
    let (Some((name, value)), Some(w)) = (field_of(event), web_sys::window()) else {
        return;
    };
    let path = w.location().pathname().unwrap_or_default();
    // Whole pixels: float formatting and parsing would add kilobytes of tables to the wasm.
    let y = w.scroll_y().unwrap_or_default() as i64;
    let kept = [path, name, value, y.to_string()].join(&SEPARATOR.to_string());
    if let Some(s) = session_storage() {
        let _ = s.set_item(REFOCUS_KEY, &kept);
    }
}

/// On the page a filter change loaded: focus that field again and scroll back to where the
/// shopper was, so ticking boxes one after another feels like one page.
pub fn restore_focus() {
    let Some(s) = session_storage() else { return };
    let Ok(Some(kept)) = s.get_item(REFOCUS_KEY) else {
        return;
    };
    let _ = s.remove_item(REFOCUS_KEY);
    let mut parts = kept.split(SEPARATOR);
    let (Some(path), Some(name), Some(value), Some(y)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let Some(w) = web_sys::window() else { return };
    if w.location().pathname().ok().as_deref() != Some(path) {
        return;
    }
    if let Ok(y) = y.parse::<i64>() {
        w.scroll_to_with_x_and_y(0.0, y as f64);
    }
    focus_field(name, value);
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Focuses the form field named `name` (with `value`, for one of several checkboxes).
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
