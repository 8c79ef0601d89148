//! Moving orders along in the embedded store, for demos and tests: the `admin` command (works on
//! the data folder, also while the server runs) and `/admin/*` endpoints guarded by a bearer
//! token from configuration. Shoppers never reach these.

use super::AppState;
use crate::commerce::backend::{Commerce, CommerceError};
use crate::commerce::embedded::EmbeddedStore;
use crate::commerce::{Order, OrderStatus};
use crate::w;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use std::sync::Arc;

/// What the admin endpoints need; they exist only with an embedded store and a token.
#[derive(Clone)]
struct Admin {
    store: Arc<EmbeddedStore>,
    token: Arc<str>,
    signer: super::signing::Signer,
}

/// The admin routes, or none at all when no token is configured.
pub fn routes(state: &AppState) -> Router<AppState> {
    let (Some(store), Some(token)) = (state.store.clone(), state.admin_token.clone()) else {
        return Router::new();
    };
    let admin = Admin {
        store,
        token,
        signer: state.signer.clone(),
    };
    Router::new()
        .route("/admin/orders/{code}/advance", post(advance))
        .route("/admin/orders/{code}/slip", get(slip))
        .route("/admin/faults/place-order", post(fail_placements))
        .route_layer(middleware::from_fn_with_state(admin.clone(), require_token))
        .with_state(admin)
}

#[derive(Deserialize)]
struct AdvanceQuery {
    to: Option<String>,
}

#[derive(Deserialize)]
struct FaultQuery {
    count: u32,
}

/// Every admin route needs the bearer token. Compares through HMACs so the time taken says
/// nothing about how much of the token matched.
async fn require_token(State(admin): State<Admin>, req: Request<Body>, next: Next) -> Response {
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let expected = admin.signer.sign("admin-token", &admin.token);
    if admin.signer.verify("admin-token", given, &expected) {
        next.run(req).await
    } else {
        refuse(StatusCode::UNAUTHORIZED, "admin token missing or wrong")
    }
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (status, message.into()).into_response()
}

async fn advance(
    State(admin): State<Admin>,
    Path(code): Path<String>,
    Query(query): Query<AdvanceQuery>,
) -> Response {
    let to = match query.to.as_deref().map(parse_status).transpose() {
        Ok(to) => to,
        Err(msg) => return refuse(StatusCode::BAD_REQUEST, msg),
    };
    match admin.store.advance_order(&code, to).await {
        Ok(order) => Json(summary(&order)).into_response(),
        Err(CommerceError::NotFound(_)) => refuse(StatusCode::NOT_FOUND, "no such order"),
        Err(CommerceError::Refused(why)) => refuse(StatusCode::CONFLICT, w!(refusal)(&why)),
        Err(e) => refuse(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
    }
}

/// The packing slip as plain text, for the warehouse.
async fn slip(State(admin): State<Admin>, Path(code): Path<String>) -> Response {
    match admin.store.order(&code).await {
        Ok(order) => crate::commerce::packing_slip::packing_slip(&order).into_response(),
        Err(CommerceError::NotFound(_)) => refuse(StatusCode::NOT_FOUND, "no such order"),
        Err(e) => refuse(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
    }
}

async fn fail_placements(State(admin): State<Admin>, Query(query): Query<FaultQuery>) -> Response {
    admin.store.fail_next_placements(query.count.min(100));
    StatusCode::NO_CONTENT.into_response()
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
                CommerceError::Refused(why) => w!(refusal)(&why),
                other => other.to_string(),
            })?;
            Ok(format!("{} is now {}", order.code, order.status.as_str()))
        }
        [verb] if verb == "eval-recommendations" => {
            let baskets = store.baskets(u32::MAX).await.map_err(|e| e.to_string())?;
            Ok(crate::discovery::together::report(&baskets, 10))
        }
        _ => Err(super::config::USAGE.to_string()),
    }
}
