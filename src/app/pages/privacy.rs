//! /privacy: the privacy centre. Shows the consent choice and everything recorded under it in
//! plain words; downloads it as JSON; deletes it (cookie and browser storage, then checks
//! both are gone); withdraws consent.

use super::or_problem;
use crate::api::profile::{get_privacy, ChooseConsent, Consent, DeleteProfile, PrivacyData};
use crate::app::components::server_form::ServerForm;
use crate::app::sender::{json, Sender};
use crate::app::ConsentState;
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_privacy());
    let activity = Resource::new(|| (), |_| crate::api::profile::activity_count());
    view! {
        <Title text=w!(PRIVACY_TITLE)/>
        <Meta name="robots" content="noindex"/>
        <section class="privacy">
            <h1>{w!(PRIVACY_TITLE)}</h1>
            <p class="privacy__lead">{w!(PRIVACY_LEAD)}</p>
            <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
                {move || data.get().map(|r| or_problem(r, |d| view! { <PrivacyCentre data=d/> }.into_any()))}
            </Suspense>
            // Drawn on the server, outside the island: reload to see it after deleting.
            <Suspense fallback=|| ()>
                {move || activity.get().and_then(Result::ok).map(|n| view! {
                    <section class="privacy__activity" aria-labelledby="activity-title">
                        <h2 id="activity-title">{w!(ACTIVITY_TITLE)}</h2>
                        <p data-testid="activity-count">{w!(activity_count)(n)}</p>
                        {(n > 0).then(|| view! {
                            <a class="button" href="/privacy/activity.json" download="vitrine-activity.json" rel="external">{w!(PRIVACY_EXPORT)}</a>
                        })}
                        <p class="privacy__note">{w!(ACTIVITY_NOTE)}</p>
                    </section>
                })}
            </Suspense>
        </section>
    }
}

/// The choice, the record and the actions (an island): after every choice or deletion it asks
/// the server again, so the page shows what the server now holds.
#[island]
fn PrivacyCentre(data: PrivacyData) -> impl IntoView {
    let consent = ConsentState::get();
    let delete = Sender::new(DeleteProfile::url(), json::<PrivacyData>);
    let data = RwSignal::new(data);
    #[cfg(feature = "hydrate")]
    Effect::new(move |first: Option<()>| {
        consent.answered();
        delete.answer();
        if first.is_some() {
            leptos::task::spawn_local(async move {
                let url = crate::api::profile::GetPrivacy::url();
                let asked = crate::app::sender::fields(&[]);
                if let Some(Ok(now)) =
                    crate::app::sender::ask(url, &asked, json::<PrivacyData>).await
                {
                    data.set(now);
                }
            });
        }
    });
    // "Verified": the server answered with nothing recorded, and this browser holds no copy.
    let storage_empty = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(Ok(_)) = delete.answer() {
            if let Some(s) = crate::app::browser::local_storage() {
                let _ = s.remove_item(crate::app::components::consent_banner::STORAGE_KEY);
                storage_empty.set(matches!(
                    s.get_item(crate::app::components::consent_banner::STORAGE_KEY),
                    Ok(None)
                ));
            }
        }
    });
    let choose = ChooseConsent::url();
    move || {
        let d = data.get();
        let status = match d.consent {
            Consent::Granted => w!(PRIVACY_ON),
            Consent::Refused => w!(PRIVACY_OFF),
            Consent::Unasked => w!(PRIVACY_UNASKED),
        };
        let deleted = delete.answer().is_some_and(|r| r.is_ok()) && d.profile.is_empty();
        view! {
            <p class="privacy__status" data-testid="privacy-status">{status}</p>
            <div class="privacy__actions">
                {(d.consent != Consent::Granted).then(|| view! {
                    <form method="post" action=choose on:submit=move |ev| consent.send_form(&ev)>
                        <input type="hidden" name="allow" value="true"/>
                        <button class="button button--primary" type="submit">{w!(PRIVACY_TURN_ON)}</button>
                    </form>
                })}
                {(d.consent == Consent::Granted).then(|| view! {
                    <form method="post" action=choose on:submit=move |ev| consent.send_form(&ev)>
                        <input type="hidden" name="allow" value="false"/>
                        <button class="button" type="submit">{w!(PRIVACY_WITHDRAW)}</button>
                    </form>
                })}
            </div>
            <h2>{w!(PRIVACY_RECORDED)}</h2>
            {if d.profile.is_empty() {
                view! { <p data-testid="privacy-empty">{w!(PRIVACY_NOTHING)}</p> }.into_any()
            } else {
                let now = d.now;
                view! {
                    <ol class="privacy__events" data-testid="privacy-events">
                        {d.profile.events.iter().map(|e| view! { <li>{w!(privacy_event)(e, now)}</li> }).collect_view()}
                    </ol>
                    <div class="privacy__actions">
                        <a class="button" href="/api/profile/export" download="vitrine-profile.json" rel="external">{w!(PRIVACY_EXPORT)}</a>
                        <ServerForm sender=delete>
                            <button class="button button--danger" type="submit" data-testid="privacy-delete">{w!(PRIVACY_DELETE)}</button>
                        </ServerForm>
                    </div>
                }.into_any()
            }}
            {(deleted && storage_empty.get()).then(|| view! {
                <p class="privacy__done" role="status" data-testid="privacy-deleted">{w!(PRIVACY_DELETED)}</p>
            })}
        }
    }
}
