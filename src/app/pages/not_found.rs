//! What a shopper sees for a missing page or a failing backend.

use crate::api::ApiError;
use crate::app::local;
use crate::w;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

pub(super) fn set_status(_code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(code) = axum::http::StatusCode::from_u16(_code) {
            res.set_status(code);
        }
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <Title text=w!(NOT_FOUND_TITLE)/>
        <Meta name="robots" content="noindex"/>
        <section class="problem">
            <h1>{w!(NOT_FOUND_TITLE)}</h1>
            <p>{w!(NOT_FOUND_TEXT)}</p>
            <a class="button button--primary" href=local("/")>{w!(BACK_HOME)}</a>
        </section>
    }
}

#[component]
pub fn ErrorPage(error: ApiError) -> impl IntoView {
    set_status(503);
    view! {
        <Title text=w!(ERROR_TITLE)/>
        <Meta name="robots" content="noindex"/>
        <section class="problem" role="alert">
            <h1>{w!(ERROR_TITLE)}</h1>
            <p>{error.to_string()}</p>
            <a class="button button--primary" href=local("/")>{w!(BACK_HOME)}</a>
        </section>
    }
}
