//! Writing, editing or deleting a review, reached from a delivered order's page (its signed
//! link is the proof of purchase). A plain form: a refusal comes back with the fields as typed
//! and the reason beside the field it is about.

use super::not_found::{set_status, ErrorPage, NotFound};
use crate::api::reviews::{get_review_form, ReviewForm, WriteReview};
use crate::api::ApiError;
use crate::app::components::field::{Field, FormErrors};
use crate::app::local;
use crate::app::sender::{json, Sender};
use crate::commerce::reviews::{Standing, MAX_NAME, MAX_TEXT, MAX_TITLE};
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map().read_untracked();
    let code = params.get("code").unwrap_or_default();
    let handle = params.get("handle").unwrap_or_default();
    let token = use_query_map()
        .read_untracked()
        .get("t")
        .unwrap_or_default();
    let key = (code.clone(), token.clone(), handle.clone());
    let form = Resource::new(move || key.clone(), |(c, t, h)| get_review_form(c, t, h));
    let order_href = local(&format!("/orders/{code}?t={token}"));
    view! {
        <Meta name="robots" content="noindex"/>
        <Meta name="referrer" content="same-origin"/>
        <section class="review-page">
            <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
                {move || form.get().map(|r| match r {
                    Ok(form) => view! {
                        <ReviewEditor form code=code.clone() token=token.clone() handle=handle.clone()/>
                    }.into_any(),
                    Err(e @ ApiError::Invalid(_)) => view! { <Refused error=e/> }.into_any(),
                    Err(ApiError::NotFound(_)) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                })}
            </Suspense>
            <p><a href=order_href>{w!(BACK_TO_ORDER)}</a></p>
        </section>
    }
}

/// This order may not review this product (not bought, not delivered): why, in words.
#[component]
fn Refused(error: ApiError) -> impl IntoView {
    set_status(403);
    view! {
        <Title text=w!(WRITE_REVIEW)/>
        <h1>{w!(WRITE_REVIEW)}</h1>
        <p class="form-error" role="alert" data-testid="review-refused">{error.to_string()}</p>
    }
}

#[component]
fn ReviewEditor(form: ReviewForm, code: String, token: String, handle: String) -> impl IntoView {
    let write = Sender::new(WriteReview::url(), json::<Standing>);
    let errors = FormErrors::new(move || write.refused());
    let (draft, standing) = form.existing.clone().unzip();
    let editing = draft.is_some();
    let heading = if editing {
        w!(EDIT_REVIEW)
    } else {
        w!(WRITE_REVIEW)
    };
    // What was typed and refused comes first, then the review as kept, then a blank form.
    let [stars, title, text, name] = form.typed.clone().unwrap_or_else(|| match &draft {
        Some(d) => [
            d.stars.to_string(),
            d.title.clone(),
            d.text.clone(),
            d.name.clone(),
        ],
        None => [
            String::new(),
            String::new(),
            String::new(),
            form.suggested_name.clone(),
        ],
    });
    let stars = stars.trim().parse::<u8>().unwrap_or(0);
    let stars_error = errors.field("stars");
    let text_error = errors.field("text");
    let hidden = {
        let (code, token, handle) = (code.clone(), token.clone(), handle.clone());
        move || {
            view! {
                <input type="hidden" name="code" value=code.clone()/>
                <input type="hidden" name="token" value=token.clone()/>
                <input type="hidden" name="handle" value=handle.clone()/>
            }
        }
    };
    view! {
        <Title text=w!(review_of)(&form.product_name)/>
        <h1>{heading}</h1>
        <p class="review-page__product">
            <a href=local(&format!("/p/{handle}"))>{form.product_name.clone()}</a>
            {(!form.variant.is_empty()).then(|| view! { " · " <span>{form.variant.clone()}</span> })}
        </p>
        {matches!(standing, Some(Standing::Pending | Standing::Held)).then(|| view! {
            <p class="notice" role="status">{w!(REVIEW_WAITING)}</p>
        })}
        <form class="review-form" method="post" action="/api/reviews/write" data-testid="review-form">
            {move || errors.general().map(|m| view! { <p class="form-error" role="alert" data-testid="review-error">{m}</p> })}
            {hidden.clone()}
            <input type="hidden" name="edit" value=if editing { "1" } else { "" }/>
            <fieldset class="review-form__stars" aria-describedby=move || stars_error.get().map(|_| "stars-error")>
                <legend>{w!(YOUR_RATING)}</legend>
                // Highest first, so the row reads like the stars on the page.
                {(1..=5u8).rev().map(|n| view! {
                    <label class="review-form__star">
                        <input type="radio" name="stars" value=n.to_string() checked=n == stars required=true/>
                        <span aria-hidden="true">{"★".repeat(n.into())}</span>
                        <span class="visually-hidden">{w!(stars_count)(n)}</span>
                    </label>
                }).collect_view()}
                {move || stars_error.get().map(|m| view! { <p class="field__error" id="stars-error">{m}</p> })}
            </fieldset>
            <Field name="title" label=w!(REVIEW_TITLE) autocomplete="off" maxlength=MAX_TITLE as u32
                value=title error=errors.field("title")/>
            <div class="field" class:field--invalid=move || text_error.get().is_some()>
                <label class="field__label" for="f-text">{w!(REVIEW_TEXT)}</label>
                <textarea class="field__input review-form__text" id="f-text" name="text" rows="8" required
                    maxlength=MAX_TEXT aria-describedby="f-text-hint" aria-invalid=move || text_error.get().map(|_| "true")>{text}</textarea>
                <span class="field__hint" id="f-text-hint">{w!(review_text_hint)(MAX_TEXT as u32)}</span>
                {move || text_error.get().map(|m| view! { <span class="field__error">{m}</span> })}
            </div>
            <Field name="name" label=w!(NAME_SHOWN) autocomplete="off" maxlength=MAX_NAME as u32
                hint=w!(NAME_SHOWN_HINT) value=name error=errors.field("name")/>
            <button class="button button--primary" type="submit" data-testid="publish-review">
                {if editing { w!(SAVE_REVIEW) } else { w!(PUBLISH_REVIEW) }}
            </button>
        </form>
        {editing.then(|| view! {
            <form class="review-form__delete" method="post" action="/api/reviews/delete">
                {hidden()}
                <button class="link-button" type="submit" data-testid="delete-review">{w!(DELETE_REVIEW)}</button>
            </form>
        })}
    }
}
