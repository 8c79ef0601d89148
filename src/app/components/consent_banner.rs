//! The consent banner: asks once, never blocks the page, and "no" is one click. Two plain
//! forms, so the choice works before the wasm has loaded. Hydrated (an island), it also keeps
//! the browser's copy of the profile in step with the cookie (and removes it without consent).

use crate::api::profile::{get_consent, ChooseConsent, Consent};
use crate::app::local;
use crate::app::ConsentState;
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The server reads the choice and draws the banner only while there is none. The choice is
/// written beside the island (`data-consent`) rather than given as a prop: a prop would make
/// the browser carry a JSON reader for it.
#[component]
pub fn ConsentBanner() -> impl IntoView {
    let consent = Resource::new(|| (), |_| get_consent());
    view! {
        <Suspense fallback=|| ()>
            {move || consent.get().and_then(Result::ok).map(|consent| view! {
                <div class="consent-slot" data-consent=consent.name()>
                    <ConsentChoice>
                        {(consent == Consent::Unasked).then(|| view! { <Banner/> })}
                    </ConsentChoice>
                </div>
            })}
        </Suspense>
    }
}

/// The question, with two plain forms; drawn on the server only.
#[component]
fn Banner() -> impl IntoView {
    let action = ChooseConsent::url();
    view! {
        <aside class="consent" aria-labelledby="consent-title" data-testid="consent-banner">
            <div class="consent__text">
                <h2 id="consent-title" class="consent__title">{w!(CONSENT_TITLE)}</h2>
                <p>{w!(CONSENT_TEXT)}" "<a href=local("/privacy")>{w!(PRIVACY_CENTRE)}</a></p>
            </div>
            <div class="consent__actions">
                <form method="post" action=action>
                    <input type="hidden" name="allow" value="false"/>
                    <button class="button" type="submit">{w!(CONSENT_NO)}</button>
                </form>
                <form method="post" action=action>
                    <input type="hidden" name="allow" value="true"/>
                    <button class="button button--primary" type="submit">{w!(CONSENT_YES)}</button>
                </form>
            </div>
        </aside>
    }
}

/// Sends the banner's answer as the consent action (the page stays) and hides the banner once
/// a choice is made, here or in the privacy centre.
#[island]
fn ConsentChoice(children: Children) -> impl IntoView {
    let state = ConsentState::get();
    #[cfg(feature = "hydrate")]
    mirror_profile(move || state.chosen().unwrap_or_else(drawn_consent));
    view! {
        <div hidden=move || state.chosen().is_some() on:submit=move |ev| state.send_form(&ev)>{children()}</div>
    }
}

/// The choice the server drew the page with.
#[cfg(feature = "hydrate")]
fn drawn_consent() -> Consent {
    document()
        .query_selector("[data-consent]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("data-consent"))
        .and_then(|name| Consent::from_name(&name))
        .unwrap_or(Consent::Unasked)
}

/// Key of the profile copy in the browser's storage.
#[cfg(feature = "hydrate")]
pub const STORAGE_KEY: &str = "vitrine.profile";
#[cfg(feature = "hydrate")]
const MIRROR_DELAY_MS: u64 = 800;

/// On every page and after every choice: with consent, copy the (server-kept) profile into
/// local storage; without, make sure no copy exists. The copy waits a moment, so the page's
/// own requests (which may record a view) have updated the cookie first.
#[cfg(feature = "hydrate")]
fn mirror_profile(current: impl Fn() -> Consent + Send + Sync + 'static) {
    Effect::new(move |_| {
        let consent = current();
        let Some(storage) = crate::app::browser::local_storage() else {
            return;
        };
        if consent != Consent::Granted {
            let _ = storage.remove_item(STORAGE_KEY);
            return;
        }
        set_timeout(
            move || {
                leptos::task::spawn_local(async move {
                    if let Some(json) = exported_profile().await {
                        let _ = storage.set_item(STORAGE_KEY, &json);
                    }
                });
            },
            std::time::Duration::from_millis(MIRROR_DELAY_MS),
        );
    });
}

/// The profile as the privacy centre's download has it: kept as the server wrote it, so the
/// browser needs no code to read or write a profile.
#[cfg(feature = "hydrate")]
async fn exported_profile() -> Option<String> {
    use leptos::server_fn::ServerFn;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let url = crate::api::profile::ExportProfile::url();
    let answer = JsFuture::from(window().fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = answer.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
