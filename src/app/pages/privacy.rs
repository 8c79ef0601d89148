//! /privacy: the privacy centre. Shows the consent choice and everything recorded under it in
//! plain words; downloads it as JSON; deletes it (cookie and browser storage, then checks
//! both are gone); withdraws consent.

use super::or_problem;
use crate::api::profile::{get_privacy, ChooseConsent, Consent, DeleteProfile, PrivacyData};
use crate::app::sender::{nothing, Sender};
use crate::app::ConsentState;
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| centre_data());
    view! {
        <Title text=w!(PRIVACY_TITLE)/>
        <Meta name="robots" content="noindex"/>
        <section class="privacy">
            <h1>{w!(PRIVACY_TITLE)}</h1>
            <p class="privacy__lead">{w!(PRIVACY_LEAD)}</p>
            <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
                {move || data.get().map(|r| or_problem(r, |(data, activity)| view! {
                    <PrivacyCentre><div class="privacy__centre"><CentreView data activity verified=false/></div></PrivacyCentre>
                }.into_any()))}
            </Suspense>
        </section>
    }
}

/// The record, and how many steps the store's statistics hold under this browser's id (none
/// shown when they cannot be counted: the record still can be).
pub async fn centre_data() -> Result<(PrivacyData, Option<u64>), crate::api::ApiError> {
    let data = get_privacy().await?;
    let activity = crate::api::profile::activity_count().await.ok();
    Ok((data, activity))
}

/// The choice, the record and the actions as the page draws them (`profile/shown` too).
/// `verified`: the browser has checked its own copy of the record is gone.
#[component]
fn CentreView(data: PrivacyData, activity: Option<u64>, verified: bool) -> impl IntoView {
    let status = match data.consent {
        Consent::Granted => w!(PRIVACY_ON),
        Consent::Refused => w!(PRIVACY_OFF),
        Consent::Unasked => w!(PRIVACY_UNASKED),
    };
    let (allow, label) = if data.consent == Consent::Granted {
        ("false", w!(PRIVACY_WITHDRAW))
    } else {
        ("true", w!(PRIVACY_TURN_ON))
    };
    let primary = if allow == "true" {
        "button button--primary"
    } else {
        "button"
    };
    let empty = data.profile.is_empty();
    let now = data.now;
    view! {
        <p class="privacy__status" data-testid="privacy-status">{status}</p>
        <div class="privacy__actions">
            <form method="post" action=ChooseConsent::url()>
                <input type="hidden" name="allow" value=allow/>
                <button class=primary type="submit">{label}</button>
            </form>
        </div>
        <h2>{w!(PRIVACY_RECORDED)}</h2>
        {if empty {
            view! { <p data-testid="privacy-empty">{w!(PRIVACY_NOTHING)}</p> }.into_any()
        } else {
            view! {
                <ol class="privacy__events" data-testid="privacy-events">
                    {data.profile.events.iter().map(|e| view! { <li>{w!(privacy_event)(e, now)}</li> }).collect_view()}
                </ol>
                <div class="privacy__actions">
                    <a class="button" href="/api/profile/export" download="vitrine-profile.json" rel="external">{w!(PRIVACY_EXPORT)}</a>
                    <form method="post" action=DeleteProfile::url()>
                        <button class="button button--danger" type="submit" data-testid="privacy-delete">{w!(PRIVACY_DELETE)}</button>
                    </form>
                </div>
            }.into_any()
        }}
        {(verified && empty).then(|| view! {
            <p class="privacy__done" role="status" data-testid="privacy-deleted">{w!(PRIVACY_DELETED)}</p>
        })}
        {activity.map(|n| view! {
            <section class="privacy__activity" aria-labelledby="activity-title">
                <h2 id="activity-title">{w!(ACTIVITY_TITLE)}</h2>
                <p data-testid="activity-count">{w!(activity_count)(n)}</p>
                {(n > 0).then(|| view! {
                    <a class="button" href="/privacy/activity.json" download="vitrine-activity.json" rel="external">{w!(PRIVACY_EXPORT)}</a>
                })}
                <p class="privacy__note">{w!(ACTIVITY_NOTE)}</p>
            </section>
        })}
    }
}

/// The centre as `profile/shown` answers it.
pub fn shown_privacy(data: PrivacyData, activity: Option<u64>, verified: bool) -> String {
    view! { <CentreView data activity verified/> }.to_html()
}

/// The centre's island, without props: it sends the choice through the page's shared consent
/// state (so the banner and the browser's copy follow) and the deletion itself; after either
/// it asks the server for the centre's new drawing and puts it in place.
#[island]
fn PrivacyCentre(children: Children) -> impl IntoView {
    let consent = ConsentState::get();
    let delete = Sender::new(DeleteProfile::url(), nothing);
    #[cfg(feature = "hydrate")]
    Effect::new(move |ran: Option<()>| {
        consent.answered();
        let deleted = matches!(delete.answer(), Some(Ok(())));
        if ran.is_some() {
            redraw(deleted && forget_copy());
        }
    });
    let send = move |ev: leptos::ev::SubmitEvent| {
        let action = ev
            .target()
            .and_then(|t| {
                use leptos::wasm_bindgen::JsCast;
                t.dyn_into::<leptos::web_sys::Element>().ok()
            })
            .and_then(|form| form.get_attribute("action"));
        if action.as_deref() == Some(DeleteProfile::url()) {
            delete.send_form(&ev);
        } else {
            consent.send_form(&ev);
        }
    };
    view! { <div on:submit=send>{children()}</div> }
}

/// Removes the browser's copy of the record; whether it is gone.
#[cfg(feature = "hydrate")]
fn forget_copy() -> bool {
    use crate::app::components::consent_banner::STORAGE_KEY;
    let Some(storage) = crate::app::browser::local_storage() else {
        return true;
    };
    let _ = storage.remove_item(STORAGE_KEY);
    matches!(storage.get_item(STORAGE_KEY), Ok(None))
}

#[cfg(feature = "hydrate")]
fn redraw(verified: bool) {
    use crate::api::profile::PrivacyShown;
    use crate::app::sender::{ask, fields};
    leptos::task::spawn_local(async move {
        let asked = fields(&[("verified", if verified { "true" } else { "false" })]);
        let answer = ask(
            PrivacyShown::url(),
            &asked,
            crate::api::read_parts::<String>,
        )
        .await;
        if let (Some(Ok(html)), Ok(Some(centre))) =
            (answer, document().query_selector(".privacy__centre"))
        {
            centre.set_inner_html(&html);
        }
    });
}
