//! /gallery as a static page: the component gallery rendered once per request from fixtures,
//! without the store's hydration bundle, so shoppers' pages carry none of it. Nothing on it
//! needs scripts (its forms are plain forms), and its policy allows none.

use super::AppState;
use crate::app::pages::gallery::GalleryPage;
use crate::app::CartState;
use axum::{
    extract::State,
    http::{header, HeaderValue},
    response::{Html, IntoResponse, Response},
};
use leptos::prelude::*;

const POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                      base-uri 'none'; frame-ancestors 'none'";

pub async fn page(State(state): State<AppState>) -> Response {
    let theme = state.theme.clone();
    let body = Owner::new().with(|| {
        CartState::provide_offline();
        view! { <main id="main"><GalleryPage/></main> }.to_html()
    });
    let theme = theme
        .map(|t| format!(r#"<link rel="stylesheet" href="/themes/{t}.css">"#))
        .unwrap_or_default();
    let locale = crate::words::current();
    let (lang, dir) = (locale.code(), locale.dir());
    let title = crate::html::escape(crate::w!(GALLERY_TITLE));
    let html = format!(
        r#"<!DOCTYPE html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><meta name="robots" content="noindex"><title>{title} · vitrine</title><link rel="stylesheet" href="/vitrine.css"><link rel="stylesheet" href="/showcase.css">{theme}<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head><body>{body}</body></html>"#
    );
    let mut res = Html(html).into_response();
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    res
}
