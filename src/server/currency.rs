//! Which currency a request's prices are in: the shopper's choice (the `currency` cookie,
//! set by the switcher's `/currency/{code}` links), else the one usual for the page's
//! language (`commerce::prices::usual_for`). Like the language, it is not a `vitrine_`
//! cookie: it says nothing about the shopper, and pages already vary on Cookie.

use super::locale::{own_path, see_other, Switch};
use crate::commerce::{prices, Currency};
use axum::{
    extract::{Path, Query},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};

pub const COOKIE: &str = "currency";

/// The chosen currency, if the shopper chose one the store offers.
pub fn chosen(headers: &HeaderMap) -> Option<Currency> {
    crate::api::cart::ssr::cookie_pairs(headers)
        .find(|(k, _)| *k == COOKIE)
        .and_then(|(_, v)| Currency::parse(v))
        .filter(|c| prices::OFFERED.contains(c))
}

/// The currency this request's prices are shown and charged in.
pub fn current() -> Currency {
    use leptos::prelude::with_context;
    with_context::<axum::http::request::Parts, _>(|p| chosen(&p.headers))
        .flatten()
        .unwrap_or_else(|| prices::usual_for(super::locale::current().code()))
}

/// `/currency/EUR?to=/ru/p/linen-shirt`: remembers the choice and opens the same page.
pub async fn switch(
    Path(code): Path<String>,
    Query(Switch { to }): Query<Switch>,
    headers: HeaderMap,
) -> Response {
    let Some(currency) = Currency::parse(&code).filter(|c| prices::OFFERED.contains(c)) else {
        return (StatusCode::NOT_FOUND, "no such currency").into_response();
    };
    let to = own_path(&to).unwrap_or("/");
    see_other(to, Some((COOKIE, currency.code())), &headers)
}
