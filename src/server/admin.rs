//! Moving orders along in the embedded store, for demos and tests: the `admin` command (works on
//! the data folder, also while the server runs) and `/admin/*` endpoints guarded by a bearer
//! token from configuration. Shoppers never reach these.

use super::AppState;
use crate::commerce::backend::CommerceError;
use crate::commerce::embedded::EmbeddedStore;
use crate::commerce::{Order, OrderStatus};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

/// The admin routes, or none at all when no token is configured.
pub fn routes(state: &AppState) -> Router<AppState> {
    if state.admin_token.is_none() || state.store.is_none() {
        return Router::new();
    }
    Router::new()
        .route("/admin/orders/{code}/advance", post(advance))
        .route("/admin/orders/{code}/slip", get(slip))
        .route("/admin/faults/place-order", post(fail_placements))
}

#[derive(Deserialize)]
struct AdvanceQuery {
    to: Option<String>,
}

#[derive(Deserialize)]
struct FaultQuery {
    count: u32,
}

/// Compares through HMACs so the time taken says nothing about how much of the token matched.
fn authorised(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(expected) = state.admin_token.as_deref() else {
        return false;
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    state.signer.verify(
        "admin-token",
        given,
        &state.signer.sign("admin-token", expected),
    )
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (status, message.into()).into_response()
}

async fn advance(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(query): Query<AdvanceQuery>,
) -> Response {
    if !authorised(&state, &headers) {
        return refuse(StatusCode::UNAUTHORIZED, "admin token missing or wrong");
    }
    let Some(store) = state.store.as_ref() else {
        return refuse(StatusCode::NOT_FOUND, "no embedded store");
    };
    let to = match query.to.as_deref().map(parse_status).transpose() {
        Ok(to) => to,
        Err(msg) => return refuse(StatusCode::BAD_REQUEST, msg),
    };
    match store.advance_order(&code, to).await {
        Ok(order) => Json(summary(&order)).into_response(),
        Err(CommerceError::NotFound(_)) => refuse(StatusCode::NOT_FOUND, "no such order"),
        Err(CommerceError::InvalidInput(msg)) => refuse(StatusCode::CONFLICT, msg),
        Err(e) => refuse(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
    }
}

/// The packing slip as plain text, for the warehouse.
async fn slip(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    if !authorised(&state, &headers) {
        return refuse(StatusCode::UNAUTHORIZED, "admin token missing or wrong");
    }
    match state.backend.order(&code).await {
        Ok(order) => crate::commerce::packing_slip::packing_slip(&order).into_response(),
        Err(CommerceError::NotFound(_)) => refuse(StatusCode::NOT_FOUND, "no such order"),
        Err(e) => refuse(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
    }
}

async fn fail_placements(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<FaultQuery>,
) -> Response {
    if !authorised(&state, &headers) {
        return refuse(StatusCode::UNAUTHORIZED, "admin token missing or wrong");
    }
    match state.store.as_ref() {
        Some(store) => {
            store.fail_next_placements(query.count.min(100));
            StatusCode::NO_CONTENT.into_response()
        }
        None => refuse(StatusCode::NOT_FOUND, "no embedded store"),
    }
}

fn parse_status(s: &str) -> Result<OrderStatus, String> {
    OrderStatus::parse(s).ok_or_else(|| {
        format!(
            "unknown status '{s}': use placed, paid, packed, shipped, out_for_delivery, \
             delivered, cancelled or refunded"
        )
    })
}

fn summary(order: &Order) -> serde_json::Value {
    serde_json::json!({
        "code": order.code,
        "status": order.status.as_str(),
        "tracking_number": order.shipment.as_ref().map(|s| s.tracking_number.clone()),
    })
}

/// `admin advance ORDER [STATUS]` prints the order's new status, or says why it cannot move;
/// `admin slip ORDER` prints its packing slip.
pub async fn command(words: &[String], store: &EmbeddedStore) -> Result<String, String> {
    use crate::commerce::backend::Commerce;
    match words {
        [verb, code] if verb == "slip" => store
            .order(code)
            .await
            .map(|o| crate::commerce::packing_slip::packing_slip(&o))
            .map_err(|_| format!("no order {code}")),
        [verb, code, rest @ ..] if verb == "advance" && rest.len() <= 1 => {
            let to = rest.first().map(|s| parse_status(s)).transpose()?;
            let order = store.advance_order(code, to).await.map_err(|e| match e {
                CommerceError::NotFound(_) => format!("no order {code}"),
                CommerceError::InvalidInput(msg) => msg,
                other => other.to_string(),
            })?;
            Ok(format!("{} is now {}", order.code, order.status.as_str()))
        }
        _ => Err(super::config::USAGE.to_string()),
    }
}
