//! Find an order by number and email: a plain form, so it works before the wasm has loaded.

use crate::api::orders::LookupOrder;
use crate::app::components::field::{Field, FormErrors};
use crate::app::enhance::EnhancedForms;
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};

#[component]
pub fn OrderLookupPage() -> impl IntoView {
    view! {
        <Title text=w!(LOOKUP_TITLE)/>
        <Meta name="robots" content="noindex"/>
        <section class="lookup">
            <h1>{w!(LOOKUP_TITLE)}</h1>
            <p>{w!(LOOKUP_INTRO)}</p>
            <LookupForm/>
        </section>
    }
}

/// A refused lookup says why beside its field and keeps what was typed; a found order is the
/// server's redirect to its page. Sent in place once the wasm runs (`enhance`).
#[component]
fn LookupForm() -> impl IntoView {
    let errors = FormErrors::posted(LookupOrder::url());
    view! {
        <form action=LookupOrder::url() method="post" class="lookup__form" data-enhance=""
            data-error-testid="lookup-error">
            {errors.general().map(|m| view! { <p class="form-error" role="alert" data-testid="lookup-error">{m}</p> })}
            <Field name="code" label=w!(LOOKUP_CODE) autocomplete="off" hint=w!(LOOKUP_CODE_HINT)
                maxlength=32 error=errors.field("code")/>
            <Field name="email" label=w!(EMAIL) kind="email" autocomplete="email" maxlength=254
                error=errors.field("email")/>
            <button class="button button--primary" type="submit">{w!(LOOKUP_SUBMIT)}</button>
        </form>
        <EnhancedForms/>
    }
}
