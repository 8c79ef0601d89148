//! The store owner declares bundle discounts: `vitrine admin bundles …` and `/admin/bundles`
//! (behind the admin token), on any backend. Declaring asks the backend whether it will
//! charge the discount (`Commerce::check_bundle`), so a Vendure without the promotion is
//! refused with what to create there.

use crate::commerce::backend::Commerce;
use crate::commerce::bundles::Bundle;
use crate::storefront::StorefrontData;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Clone)]
pub struct Desk {
    pub backend: Arc<dyn Commerce>,
    pub data: StorefrontData,
}

#[derive(Deserialize)]
pub struct Declare {
    /// Whole percent off each complete set.
    percent: String,
    /// Product handles, comma separated.
    products: String,
}

fn summary(b: &Bundle) -> serde_json::Value {
    serde_json::json!({ "id": b.id, "products": b.products, "percent": b.percent })
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(serde_json::json!({ "error": message.into() }))).into_response()
}

fn unavailable() -> Response {
    refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        "storefront data unavailable",
    )
}

pub async fn list(State(desk): State<Desk>) -> Response {
    match desk.data.bundles().await {
        Ok(all) => Json(all.iter().map(summary).collect::<Vec<_>>()).into_response(),
        Err(_) => unavailable(),
    }
}

pub async fn declare(State(desk): State<Desk>, Query(q): Query<Declare>) -> Response {
    let Ok(percent) = q.percent.trim().trim_end_matches('%').parse::<u32>() else {
        return refuse(StatusCode::BAD_REQUEST, "percent must be a whole number");
    };
    let handles: Vec<String> = q.products.split(',').map(str::to_string).collect();
    match crate::api::bundles::ssr::declare(desk.backend.as_ref(), &desk.data, &handles, percent)
        .await
    {
        Ok(b) => (StatusCode::CREATED, Json(summary(&b))).into_response(),
        Err(msg) => refuse(StatusCode::UNPROCESSABLE_ENTITY, msg),
    }
}

pub async fn withdraw(State(desk): State<Desk>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return refuse(StatusCode::BAD_REQUEST, "a bundle is named by its number");
    };
    match desk.data.withdraw_bundle(id).await {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => refuse(StatusCode::NOT_FOUND, "no such bundle"),
        Err(_) => unavailable(),
    }
}

/// `admin bundles`, `admin bundles add PERCENT PRODUCT PRODUCT [PRODUCT]`,
/// `admin bundles remove ID`.
pub async fn command(
    words: &[String],
    backend: &dyn Commerce,
    data: &StorefrontData,
) -> Result<String, String> {
    let unreadable = |_| "the storefront's data cannot be read".to_string();
    match words {
        [_] => {
            let all = data.bundles().await.map_err(unreadable)?;
            if all.is_empty() {
                return Ok("no bundles declared".into());
            }
            Ok(all
                .iter()
                .map(|b| format!("#{} {}% off {}", b.id, b.percent, b.products.join(" + ")))
                .collect::<Vec<_>>()
                .join("\n"))
        }
        [_, verb, percent, products @ ..] if verb == "add" => {
            let percent: u32 = percent
                .trim_end_matches('%')
                .parse()
                .map_err(|_| format!("'{percent}' is not a whole percentage"))?;
            let b = crate::api::bundles::ssr::declare(backend, data, products, percent).await?;
            Ok(format!(
                "bundle #{}: {}% off {}",
                b.id,
                b.percent,
                b.products.join(" + ")
            ))
        }
        [_, verb, id] if verb == "remove" => {
            let id: i64 = id
                .trim_start_matches('#')
                .parse()
                .map_err(|_| format!("'{id}' is not a bundle number"))?;
            match data.withdraw_bundle(id).await.map_err(unreadable)? {
                true => Ok(format!("bundle #{id} withdrawn")),
                false => Err(format!("no bundle #{id}")),
            }
        }
        _ => Err(super::config::USAGE.to_string()),
    }
}
