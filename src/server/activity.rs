//! `/privacy/activity.json`: the privacy centre's download of every step the store's
//! statistics recorded under this browser's id (nothing for a browser that has none).

use crate::storefront::StorefrontData;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

pub async fn download(State(data): State<StorefrontData>, headers: HeaderMap) -> Response {
    let events = match crate::api::events::recorded_in(&headers) {
        Some(id) => match data.visitor_events(&id).await {
            Ok(e) => e,
            Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
        },
        None => Vec::new(),
    };
    let mut res = Json(events).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"vitrine-activity.json\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
