//! The store owner's tools: moving orders along in the embedded store (for demos and tests) and
//! judging reviews (on any backend), as the `admin` command (works on the data folder, also
//! while the server runs) and as `/admin/*` endpoints guarded by a bearer token from
//! configuration. Shoppers never reach these.

use super::AppState;
use crate::commerce::backend::{Commerce, CommerceError};
use crate::commerce::embedded::EmbeddedStore;
use crate::commerce::reviews::Standing;
use crate::commerce::{Order, OrderStatus};
use crate::storefront::reviews::StoredReview;
use crate::storefront::StorefrontData;
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

/// Who may call the admin endpoints: the holder of the configured token.
#[derive(Clone)]
struct Guard {
    token: Arc<str>,
    signer: super::signing::Signer,
}

/// The admin routes, or none at all when no token is configured. Reviews are judged and
/// bundles declared on any backend; orders and prices are moved only on the embedded store (Vendure has its own
/// admin), so those routes exist only with one, and their handlers get it as their state.
pub fn routes(state: &AppState) -> Router<AppState> {
    let Some(token) = state.admin_token.clone() else {
        return Router::new();
    };
    let guard = Guard {
        token,
        signer: state.signer.clone(),
    };
    let desk = super::admin_bundles::Desk {
        backend: state.backend.clone(),
        data: state.storefront.clone(),
    };
    let mut routes = Router::new()
        .route("/admin/reviews", get(review_queue))
        .route("/admin/reviews/{id}/{verdict}", post(judge_review))
        .with_state(state.storefront.clone())
        .merge(
            Router::new()
                .route(
                    "/admin/bundles",
                    get(super::admin_bundles::list).post(super::admin_bundles::declare),
                )
                .route(
                    "/admin/bundles/{id}/remove",
                    post(super::admin_bundles::withdraw),
                )
                .with_state(desk),
        );
    if let Some(store) = state.store.clone() {
        routes = routes.merge(
            Router::new()
                .route("/admin/orders/{code}/advance", post(advance))
                .route("/admin/orders/{code}/slip", get(slip))
                .route("/admin/products/{handle}/price", post(set_price))
                .route("/admin/faults/place-order", post(fail_placements))
                .with_state(store),
        );
    }
    routes.route_layer(middleware::from_fn_with_state(guard, require_token))
}

#[derive(Deserialize)]
struct AdvanceQuery {
    to: Option<String>,
}

#[derive(Deserialize)]
struct PriceQuery {
    /// The new price in the store's base currency, as written: "24.00" or "24".
    amount: String,
}

#[derive(Deserialize)]
struct FaultQuery {
    count: u32,
}

/// Every admin route needs the bearer token (`token_matches`).
async fn require_token(State(admin): State<Guard>, req: Request<Body>, next: Next) -> Response {
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if token_matches(&admin.signer, &admin.token, given) {
        next.run(req).await
    } else {
        refuse(StatusCode::UNAUTHORIZED, "admin token missing or wrong")
    }
}

/// Whether `given` is the admin token, compared through HMACs so the time taken says nothing
/// about how much of it matched (the admin routes and the insights dashboard).
pub(super) fn token_matches(signer: &super::signing::Signer, token: &str, given: &str) -> bool {
    signer.verify("admin-token", given, &signer.sign("admin-token", token))
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (status, message.into()).into_response()
}

async fn advance(
    State(store): State<Arc<EmbeddedStore>>,
    Path(code): Path<String>,
    Query(query): Query<AdvanceQuery>,
) -> Response {
    let to = match query.to.as_deref().map(parse_status).transpose() {
        Ok(to) => to,
        Err(msg) => return refuse(StatusCode::BAD_REQUEST, msg),
    };
    match store.advance_order(&code, to).await {
        Ok(order) => Json(summary(&order)).into_response(),
        Err(CommerceError::NotFound(_)) => refuse(StatusCode::NOT_FOUND, "no such order"),
        Err(CommerceError::Refused(why)) => refuse(StatusCode::CONFLICT, w!(refusal)(&why)),
        Err(e) => refuse(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
    }
}

/// The packing slip as plain text, for the warehouse.
async fn slip(State(store): State<Arc<EmbeddedStore>>, Path(code): Path<String>) -> Response {
    match store.order(&code).await {
        Ok(order) => crate::commerce::packing_slip::packing_slip(&order).into_response(),
        Err(CommerceError::NotFound(_)) => refuse(StatusCode::NOT_FOUND, "no such order"),
        Err(e) => refuse(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
    }
}

async fn fail_placements(
    State(store): State<Arc<EmbeddedStore>>,
    Query(query): Query<FaultQuery>,
) -> Response {
    store.fail_next_placements(query.count.min(100));
    StatusCode::NO_CONTENT.into_response()
}

/// A new price for every variant of a product (embedded store): a sale the wishlist notices.
async fn set_price(
    State(store): State<Arc<EmbeddedStore>>,
    Path(handle): Path<String>,
    Query(query): Query<PriceQuery>,
) -> Response {
    let minor = match parse_amount(&query.amount) {
        Ok(m) => m,
        Err(msg) => return refuse(StatusCode::BAD_REQUEST, msg),
    };
    match store.set_price(&handle, minor).await {
        Ok(n) => Json(serde_json::json!({ "product": handle, "variants": n, "price": minor }))
            .into_response(),
        Err(CommerceError::NotFound(_)) => refuse(StatusCode::NOT_FOUND, "no such product"),
        Err(e) => refuse(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
    }
}

/// "24.50" or "24" in the base currency (two decimals) as minor units; a price is positive
/// and below a million.
fn parse_amount(s: &str) -> Result<i64, String> {
    let bad = || format!("'{s}' is not a price: write it like 24.50");
    let (whole, cents) = s.trim().split_once('.').unwrap_or((s.trim(), "00"));
    if whole.is_empty() || whole.len() > 6 || cents.len() != 2 {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let cents: i64 = cents.parse().map_err(|_| bad())?;
    let minor = whole * 100 + cents;
    if minor <= 0 {
        return Err(bad());
    }
    Ok(minor)
}

/// Reviews waiting for a look, as JSON.
async fn review_queue(State(data): State<StorefrontData>) -> Response {
    match data.review_queue().await {
        Ok(queue) => Json(queue.iter().map(review_summary).collect::<Vec<_>>()).into_response(),
        Err(_) => refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "storefront data unavailable",
        ),
    }
}

async fn judge_review(
    State(data): State<StorefrontData>,
    Path((id, verdict)): Path<(String, String)>,
) -> Response {
    let (Ok(id), Some(standing)) = (id.parse::<i64>(), verdict_standing(&verdict)) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "use /admin/reviews/{id}/approve or /reject",
        );
    };
    match data.judge_review(id, standing).await {
        Ok(Some(r)) => Json(review_summary(&r)).into_response(),
        Ok(None) => refuse(StatusCode::NOT_FOUND, "no such review"),
        Err(_) => refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "storefront data unavailable",
        ),
    }
}

fn verdict_standing(verdict: &str) -> Option<Standing> {
    match verdict {
        "approve" => Some(Standing::Published),
        "reject" => Some(Standing::Rejected),
        _ => None,
    }
}

fn review_summary(r: &StoredReview) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "product": r.product,
        "order": r.order_code,
        "standing": r.standing.as_str(),
        "stars": r.draft.stars,
        "title": r.draft.title,
        "text": r.draft.text,
        "name": r.draft.name,
        "reports": r.reports,
    })
}

/// `admin secret reset`: forgets the signing key this data was served with, so that the next
/// start may bring a new one (every instance then has to share it).
pub async fn secret_command(words: &[String], data: &StorefrontData) -> Result<String, String> {
    match words {
        [_, verb] if verb == "reset" => Ok(if data.shared().forget_secret().await? {
            "The signing key's fingerprint is forgotten: the next start remembers its key. \
             Links and sign-ins signed with the old key no longer open."
                .to_string()
        } else {
            "No signing key was remembered.".to_string()
        }),
        _ => Err(super::config::USAGE.to_string()),
    }
}

/// `admin reviews [approve ID | reject ID]`: the queue, or a verdict on one review.
pub async fn reviews_command(words: &[String], data: &StorefrontData) -> Result<String, String> {
    let unavailable = |_| "the storefront's data cannot be read".to_string();
    match words {
        [_] => {
            let queue = data.review_queue().await.map_err(unavailable)?;
            if queue.is_empty() {
                return Ok("no reviews waiting".into());
            }
            Ok(queue
                .iter()
                .map(|r| {
                    let text: String = r.draft.text.chars().take(200).collect();
                    format!(
                        "#{} {} · {} · {}★ · {} reports · {} ({})\n  {}\n  {}",
                        r.id,
                        r.standing.as_str(),
                        r.product,
                        r.draft.stars,
                        r.reports,
                        r.draft.name,
                        r.order_code,
                        r.draft.title,
                        text.replace('\n', " ")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        [_, verdict, id] => {
            let standing =
                verdict_standing(verdict).ok_or_else(|| super::config::USAGE.to_string())?;
            let id: i64 = id
                .trim_start_matches('#')
                .parse()
                .map_err(|_| format!("'{id}' is not a review number"))?;
            match data.judge_review(id, standing).await.map_err(unavailable)? {
                Some(r) => Ok(format!("review #{} is now {}", r.id, r.standing.as_str())),
                None => Err(format!("no review #{id}")),
            }
        }
        _ => Err(super::config::USAGE.to_string()),
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
        [verb, handle, amount] if verb == "price" => {
            let minor = parse_amount(amount)?;
            let n = store.set_price(handle, minor).await.map_err(|e| match e {
                CommerceError::NotFound(_) => format!("no product {handle}"),
                other => other.to_string(),
            })?;
            Ok(format!("{handle}: {n} variants now cost {amount} (a running server's listings follow at its next order)"))
        }
        [verb] if verb == "eval-recommendations" => {
            let baskets = store.baskets(u32::MAX).await.map_err(|e| e.to_string())?;
            Ok(crate::discovery::together::report(&baskets, 10))
        }
        _ => Err(super::config::USAGE.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_price_is_read_as_written_in_dollars_and_cents() {
        assert_eq!(super::parse_amount("24.50"), Ok(2_450));
        assert_eq!(super::parse_amount("24"), Ok(2_400));
        assert_eq!(super::parse_amount(" 0.99 "), Ok(99));
        for bad in [
            "",
            "0",
            "-5.00",
            "24.5",
            "24,50",
            "1e3",
            "9999999.00",
            "abc",
        ] {
            assert!(super::parse_amount(bad).is_err(), "{bad}");
        }
    }
}
