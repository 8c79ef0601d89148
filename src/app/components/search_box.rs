//! The header's search: a plain GET form (works before the wasm loads) that, once hydrated,
//! suggests categories and products as the shopper types, following the ARIA combobox
//! pattern: arrow keys move through the suggestions, Enter opens one, Escape closes the list.

use crate::api::listing::{search_href, suggest};
use crate::app::local;
use crate::w;
use leptos::prelude::*;

/// Wait this long after the last keystroke before asking the server.
const DEBOUNCE_MS: u64 = 120;
const LIST_ID: &str = "search-suggestions";

/// An island: `searched` is what the page's results are for (empty elsewhere).
#[island]
pub fn SearchBox(searched: String) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    // What the suggestions are for: the field's text, once the shopper pauses.
    let settled = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let generation = StoredValue::new(0u64);
    let found = LocalResource::new(move || {
        let q = settled.get();
        async move {
            if q.trim().chars().count() < 2 {
                None
            } else {
                suggest(q).await.ok()
            }
        }
    });
    let list = move || found.get().flatten().map(|s| s.choices).unwrap_or_default();
    let expanded = move || open.get() && !list().is_empty();
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

    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        open.set(true);
        active.set(None);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    settled.set(value);
                }
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
    };
    let on_keydown = {
        move |ev: leptos::ev::KeyboardEvent| {
            let n = list().len();
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
                        if let Some(choice) = list().get(i) {
                            ev.prevent_default();
                            go(choice.href.clone());
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
    let option_id = |i: usize| format!("search-suggestion-{i}");
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
                {move || found.get().flatten().and_then(|s| s.note).map(|note| view! {
                    <p class="suggestions__note">{note}</p>
                })}
                <ul id=LIST_ID class="suggestions__list" role="listbox" aria-label=w!(SEARCH)>
                    {
                        move || {
                            list().into_iter().enumerate().map(move |(i, c)| {
                                let href = c.href.clone();
                                view! {
                                    <li id=option_id(i) role="option" class="suggestions__option"
                                        aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                        // Chosen on mousedown, before the input's blur closes the list.
                                        on:mousedown=move |ev| { ev.prevent_default(); go(href.clone()); }>
                                        <span class="suggestions__label">{c.label}</span>
                                        <span class="suggestions__detail">{c.detail}</span>
                                    </li>
                                }
                            }).collect_view()
                        }
                    }
                </ul>
            </div>
            <p class="visually-hidden" aria-live="polite">{move || if open.get() && !settled.get().is_empty() { found.get().flatten().map(|s| s.count).unwrap_or_default() } else { String::new() }}</p>
        </div>
    }
}
