//! What a shopper sees for a missing page or a failing backend.

use crate::api::ApiError;
use crate::words;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

fn set_status(_code: u16) {
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
        <Title text=words::NOT_FOUND_TITLE/>
        <Meta name="robots" content="noindex"/>
        <section class="problem">
            <h1>{words::NOT_FOUND_TITLE}</h1>
            <p>{words::NOT_FOUND_TEXT}</p>
            <a class="button button--primary" href="/">{words::BACK_HOME}</a>
        </section>
    }
}

#[component]
pub fn ErrorPage(error: ApiError) -> impl IntoView {
    set_status(503);
    view! {
        <Title text=words::ERROR_TITLE/>
        <Meta name="robots" content="noindex"/>
        <section class="problem" role="alert">
            <h1>{words::ERROR_TITLE}</h1>
            <p>{error.to_string()}</p>
            <a class="button button--primary" href="/">{words::BACK_HOME}</a>
        </section>
    }
}
