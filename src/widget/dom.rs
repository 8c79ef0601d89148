//! Small DOM helpers: the widget fills static markup by selector and sets text and
//! attributes only (never markup built from data), so nothing a backend returns is parsed
//! as HTML.

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, ShadowRoot};

pub fn find(root: &ShadowRoot, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

pub fn find_as<T: JsCast>(root: &ShadowRoot, selector: &str) -> Option<T> {
    find(root, selector).and_then(|e| e.dyn_into().ok())
}

pub fn set_text(root: &ShadowRoot, selector: &str, text: &str) {
    if let Some(e) = find(root, selector) {
        e.set_text_content(Some(text));
    }
}

pub fn set_attr(root: &ShadowRoot, selector: &str, name: &str, value: &str) {
    if let Some(e) = find(root, selector) {
        let _ = e.set_attribute(name, value);
    }
}

pub fn set_hidden(root: &ShadowRoot, selector: &str, hidden: bool) {
    if let Some(e) = find(root, selector) {
        let _ = e.toggle_attribute_with_force("hidden", hidden);
    }
}

pub fn create(tag: &str) -> Option<Element> {
    web_sys::window()?.document()?.create_element(tag).ok()
}

/// Calls `f` on each `event` at the element matching `selector`, for the element's life.
pub fn on(root: &ShadowRoot, selector: &str, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    if let Some(e) = find(root, selector) {
        let f = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = e.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
        // The element keeps the listener as long as it lives; our elements live with the page.
        f.forget();
    }
}

/// A picture or link URL from the store: its own paths are made absolute (the page is on
/// another site); anything that is not http(s) is dropped.
pub fn store_url(store: &str, url: &str) -> Option<String> {
    if url.starts_with('/') && !url.starts_with("//") {
        Some(format!("{store}{url}"))
    } else if url.starts_with("https://") || url.starts_with("http://") {
        Some(url.to_string())
    } else {
        None
    }
}

/// Logs for the page's developer, prefixed so it is found among the page's own messages.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&format!("vitrine widget: {message}").into());
}

#[cfg(test)]
mod tests {
    #[test]
    fn store_urls_are_absolute_and_only_http() {
        let store = "https://shop.example";
        assert_eq!(
            super::store_url(store, "/media/p/a/1.svg").as_deref(),
            Some("https://shop.example/media/p/a/1.svg")
        );
        assert_eq!(
            super::store_url(store, "https://cdn.example/a.jpg").as_deref(),
            Some("https://cdn.example/a.jpg")
        );
        for bad in [
            "javascript:alert(1)",
            "//evil.example/x",
            "data:text/html,x",
        ] {
            assert_eq!(super::store_url(store, bad), None, "{bad}");
        }
    }
}
