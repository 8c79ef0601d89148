//! Product pictures drawn by the embedded backend.

use super::AppState;
use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

pub async fn product_image(
    State(state): State<AppState>,
    Path((handle, file)): Path<(String, String)>,
) -> Response {
    let (Some(store), Some(colour)) = (state.store.as_ref(), file.strip_suffix(".svg")) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if handle.len() > 120 || colour.len() > 32 {
        return StatusCode::NOT_FOUND.into_response();
    }
    match store.product_art(handle, colour.to_string()).await {
        Some(svg) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                // Drawn deterministically from the catalogue, so it can be cached for a day.
                (
                    header::CACHE_CONTROL,
                    "public, max-age=86400, stale-while-revalidate=604800",
                ),
            ],
            svg,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
