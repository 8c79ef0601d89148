//! One order per checkout attempt, whichever instance each click lands on: the attempt is
//! claimed in the shared store before the backend is asked, a second click waits for the
//! first one's order and shows it, and a placement that failed (a declined card, an outage)
//! frees the attempt so the shopper can try again. Where the backend needs it, the cart's
//! variants are held in the shared store while the order is placed, so no two sales of one
//! variant overlap on any instance.

use crate::api::ApiError;
use crate::commerce::backend::{Commerce, CommerceResult};
use crate::commerce::model::Order;
use crate::storefront::shared::{now_ms, Claim};
use std::future::Future;
use std::time::Duration;

/// How long a claim holds before another instance may take it over: the longest a placement
/// takes (Vendure with its retries) with room to spare. An instance killed mid-checkout
/// blocks a retry of the same attempt this long, never forever.
const LEASE_MS: i64 = 60_000;
/// How often a waiting click looks at the first one's progress.
const POLL: Duration = Duration::from_millis(100);
/// How long a variant's hold lasts if its instance dies before letting go.
const HOLD_LEASE_MS: i64 = 30_000;
/// How long a placement waits for others selling the same variants before it gives up.
const HOLD_WAIT_MS: i64 = 20_000;

/// Places the order of attempt `key` with `place` unless another request did or is doing it;
/// then returns that order. `cart`: the cart's token, whose variants are held meanwhile where
/// the backend needs it.
pub async fn once<F, P>(
    backend: &dyn Commerce,
    key: &str,
    cart: &str,
    place: P,
) -> Result<Order, ApiError>
where
    P: FnOnce() -> F,
    F: Future<Output = CommerceResult<Order>>,
{
    let shared = super::context::storefront()?.shared();
    let unavailable = |_| ApiError::Unavailable;
    let give_up = now_ms() + LEASE_MS;
    loop {
        match shared
            .claim(key, now_ms(), LEASE_MS)
            .await
            .map_err(unavailable)?
        {
            Claim::Mine => {
                // A try whose answer was lost may have placed it: asked before anything is
                // held or paid again.
                let earlier = match backend.replay(key).await {
                    Ok(earlier) => earlier,
                    Err(e) => {
                        let _ = shared.abandon(key).await;
                        return Err(e.into());
                    }
                };
                if let Some(order) = earlier {
                    let _ = shared.placed(key, &order.code).await;
                    return Ok(order);
                }
                let held = match hold_cart(backend, shared.as_ref(), cart).await {
                    Ok(held) => held,
                    Err(e) => {
                        let _ = shared.abandon(key).await;
                        return Err(e);
                    }
                };
                let placed = place().await;
                release(shared.as_ref(), &held).await;
                match &placed {
                    Ok(order) => {
                        if shared.placed(key, &order.code).await.is_err() {
                            // The order stands; a replay after the lease finds the cart
                            // emptied by it and is told so, it does not order again.
                            tracing::error!(order = %order.code, "placed order not recorded");
                        }
                    }
                    Err(_) => {
                        let _ = shared.abandon(key).await;
                    }
                }
                return placed.map_err(ApiError::from);
            }
            Claim::Placed(code) => return backend.order(&code).await.map_err(ApiError::from),
            Claim::Running if now_ms() < give_up => tokio::time::sleep(POLL).await,
            Claim::Running => return Err(ApiError::Unavailable),
        }
    }
}

/// Holds the variants of cart `token` where the backend needs it; the keys it took.
async fn hold_cart(
    backend: &dyn Commerce,
    shared: &dyn crate::storefront::shared::Shared,
    token: &str,
) -> Result<Vec<String>, ApiError> {
    if !backend.needs_sale_holds() {
        return Ok(Vec::new());
    }
    let cart = backend.cart(token).await?;
    let variants: Vec<String> = cart.lines.into_iter().map(|l| l.variant_id).collect();
    hold(shared, &variants).await
}

/// Holds each of `variants` (sorted, so two placements never wait for each other crosswise);
/// the keys it took. Gives up, letting go of what it took, after `HOLD_WAIT_MS`.
async fn hold(
    shared: &dyn crate::storefront::shared::Shared,
    variants: &[String],
) -> Result<Vec<String>, ApiError> {
    let mut keys: Vec<String> = variants.iter().map(|v| format!("hold:{v}")).collect();
    keys.sort();
    keys.dedup();
    let give_up = now_ms() + HOLD_WAIT_MS;
    let mut held = Vec::with_capacity(keys.len());
    for key in keys {
        loop {
            match shared.claim(&key, now_ms(), HOLD_LEASE_MS).await {
                Ok(Claim::Running) if now_ms() < give_up => tokio::time::sleep(POLL).await,
                // Holds are never marked placed; `Placed` cannot come back for one.
                Ok(Claim::Mine) | Ok(Claim::Placed(_)) => {
                    held.push(key);
                    break;
                }
                Ok(Claim::Running) | Err(_) => {
                    release(shared, &held).await;
                    return Err(ApiError::Unavailable);
                }
            }
        }
    }
    Ok(held)
}

async fn release(shared: &dyn crate::storefront::shared::Shared, held: &[String]) {
    for key in held {
        if shared.abandon(key).await.is_err() {
            // Its lease ends it; meanwhile sales of that variant wait.
            tracing::warn!(%key, "a variant hold was not let go");
        }
    }
}
