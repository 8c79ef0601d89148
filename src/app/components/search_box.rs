//! The header's search: a plain GET form (works before the wasm loads) that, once hydrated,
//! suggests categories and products as the shopper types, following the ARIA combobox
//! pattern: arrow keys move through the suggestions, Enter opens one, Escape closes the list.
//! The suggestions come drawn by the server (`suggest_shown`); the island puts them in place
//! and marks the one the arrow keys reached.

use crate::api::listing::{search_href, ShownSuggestions};
use crate::app::local;
use crate::w;
use leptos::prelude::*;

/// Wait this long after the last keystroke before asking the server.
const DEBOUNCE_MS: u64 = 120;
const LIST_ID: &str = "search-suggestions";

fn option_id(i: usize) -> String {
    format!("search-suggestion-{i}")
}

/// An island without props (a prop would make the browser carry a JSON reader): the field
/// shows what a results page is for, drawn by the server; hydration leaves it as drawn.
#[island]
pub fn SearchBox() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let searched = searched_here();
    #[cfg(not(feature = "ssr"))]
    let searched = String::new();
    let input = NodeRef::<leptos::html::Input>::new();
    // What the suggestions are for: the field's text, once the shopper pauses.
    let settled = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let generation = StoredValue::new(0u64);
    // The answer for the newest settled words (an older answer arriving late is dropped). A
    // plain task rather than a resource: the resource's machinery was kilobytes of wasm.
    let found = RwSignal::new(None::<ShownSuggestions>);
    let ask = move |q: String, mine: u64| {
        settled.set(q.clone());
        if q.trim().chars().count() < 2 {
            found.set(None);
            return;
        }
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            use crate::api::listing::SuggestShown;
            use crate::app::sender::{ask, fields};
            use leptos::server_fn::ServerFn;
            let read = crate::api::read_parts::<ShownSuggestions>;
            let answer = ask(SuggestShown::url(), &fields(&[("q", &q)]), read)
                .await
                .and_then(Result::ok);
            if generation.get_value() == mine {
                found.set(answer);
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = mine;
    };
    let shown = move || found.get();
    let n = move || shown().map_or(0, |s| s.options);
    let expanded = move || open.get() && n() > 0;
    let go = move |href: String| {
        open.set(false);
        active.set(None);
        // Pages are the server's: a suggestion is a page load.
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_href(&href);
        }
        let _ = href;
    };
    // The server drew every option unselected; the one the arrow keys reached is marked here.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let chosen = active.get();
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for i in 0..n() {
            if let Some(option) = doc.get_element_by_id(&option_id(i)) {
                let selected = if chosen == Some(i) { "true" } else { "false" };
                let _ = option.set_attribute("aria-selected", selected);
            }
        }
    });
    let href_of = |i: usize| -> Option<String> {
        #[cfg(feature = "hydrate")]
        return web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&option_id(i)))
            .and_then(|o| o.get_attribute("data-href"));
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = i;
            None
        }
    };

    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        open.set(true);
        active.set(None);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    ask(value, mine);
                }
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
    };
    let on_keydown = {
        move |ev: leptos::ev::KeyboardEvent| {
            let n = n();
            match ev.key().as_str() {
                "ArrowDown" if n > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
                }
                "ArrowUp" if n > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
                }
                "Enter" => {
                    // With a suggestion chosen, open it; otherwise the form searches.
                    if let (true, Some(i)) = (expanded(), active.get()) {
                        if let Some(href) = href_of(i) {
                            ev.prevent_default();
                            go(href);
                        }
                    }
                }
                "Escape" if expanded() => {
                    ev.prevent_default();
                    open.set(false);
                    active.set(None);
                }
                _ => {}
            }
        }
    };
    // Chosen on mousedown, before the input's blur closes the list.
    let on_mousedown = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            let href = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("[data-href]").ok().flatten())
                .and_then(|o| o.get_attribute("data-href"));
            if let Some(href) = href {
                ev.prevent_default();
                go(href);
            }
        }
        let _ = ev;
    };
    let on_submit = {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            // Read from the field: text typed before hydration raised no input event.
            let q = input
                .get_untracked()
                .map(|el| el.value())
                .unwrap_or_default();
            go(search_href(&q));
        }
    };

    view! {
        <div class="search-form" role="search">
            // Hydrated, the search goes to the results' canonical URL (no empty field names);
            // before that, the browser submits the form itself.
            <form method="get" action=local("/search") on:submit=on_submit>
                <label class="visually-hidden" for="site-search">{w!(SEARCH)}</label>
                <input node_ref=input class="search-form__input" id="site-search" value=searched type="search" name="q" maxlength="100"
                    placeholder=w!(SEARCH_PLACEHOLDER) autocomplete="off" spellcheck="false"
                    role="combobox" aria-autocomplete="list" aria-controls=LIST_ID
                    aria-expanded=move || if expanded() { "true" } else { "false" }
                    aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                    on:input=on_input on:keydown=on_keydown
                    on:blur=move |_| open.set(false)
                    on:focus=move |_| open.set(true)/>
                <button class="search-form__button" type="submit">{w!(SEARCH)}</button>
            </form>
            <div class="suggestions" hidden=move || !expanded()>
                <p class="suggestions__note" hidden=move || shown().is_none_or(|s| s.note.is_empty())>
                    {move || shown().map(|s| s.note)}
                </p>
                <ul id=LIST_ID class="suggestions__list" role="listbox" aria-label=w!(SEARCH)
                    inner_html=move || shown().map(|s| s.list).unwrap_or_default()
                    on:mousedown=on_mousedown></ul>
            </div>
            <p class="visually-hidden" aria-live="polite">{move || if open.get() && !settled.get().is_empty() { shown().map(|s| s.count).unwrap_or_default() } else { String::new() }}</p>
        </div>
    }
}

/// What the results page on show was searched for; empty on other pages.
#[cfg(feature = "ssr")]
fn searched_here() -> String {
    use leptos_router::hooks::{use_location, use_query_map};
    (use_location().pathname.get_untracked() == "/search")
        .then(|| use_query_map().read_untracked().get("q"))
        .flatten()
        .unwrap_or_default()
}

/// The suggestions' options as the list shows them, drawn on the server.
#[cfg(feature = "ssr")]
pub fn suggestion_options(choices: Vec<crate::api::listing::Suggestion>) -> String {
    choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <li id=option_id(i) role="option" class="suggestions__option" aria-selected="false" data-href=c.href>
                    <span class="suggestions__label">{c.label}</span>
                    <span class="suggestions__detail">{c.detail}</span>
                </li>
            }
            .to_html()
        })
        .collect()
}
