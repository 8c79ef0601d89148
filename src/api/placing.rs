//! One order per checkout attempt, whichever instance each click lands on: the attempt is
//! claimed in the shared store before the backend is asked, a second click waits for the
//! first one's order and shows it, and a placement that failed (a declined card, an outage)
//! frees the attempt so the shopper can try again. Where the backend needs it, the cart's
//! variants are held in the shared store while the order is placed, so no two sales of one
//! variant overlap on any instance.
//!
//! Claims are leases renewed while their placement works, so one whose instance was killed
//! mid-checkout is taken over within seconds; and the backend order an attempt is about to
//! pay for is recorded first, so the instance taking over asks the backend whether it was
//! paid rather than paying again or finding the cart emptied by it.

use crate::api::ApiError;
use crate::commerce::backend::{Commerce, CommerceResult};
use crate::commerce::model::Order;
use crate::storefront::shared::{now_ms, Claim, Shared};
use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

/// How long a claim (an attempt, a variant's hold) outlives its last renewal: an instance
/// killed mid-checkout blocks a retry of the same attempt this long at most.
const LEASE_MS: i64 = 10_000;
/// How often a placement renews its claims: a few times per lease, so a slow answer from
/// the shared store does not lose one.
const RENEW: Duration = Duration::from_secs(2);
/// How long a second click waits for a first one still at work before it says it cannot
/// confirm yet (a placement on a slow backend may take this long).
const WAIT_MS: i64 = 30_000;
/// How often a waiting click looks at the first one's progress.
const POLL: Duration = Duration::from_millis(100);
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
    let give_up = now_ms() + WAIT_MS;
    loop {
        match shared
            .claim(key, now_ms(), LEASE_MS)
            .await
            .map_err(|_| ApiError::Unavailable)?
        {
            Claim::Mine => {
                // The claim and the holds taken under it, renewed while it works.
                let working = Mutex::new(vec![key.to_string()]);
                let renewing = renew(shared.as_ref(), &working);
                let placing = claimed(backend, shared.as_ref(), key, cart, place, &working);
                tokio::pin!(renewing, placing);
                let placed = tokio::select! {
                    placed = &mut placing => placed,
                    never = &mut renewing => match never {},
                };
                match &placed {
                    Ok(order) => {
                        if shared.placed(key, &order.code).await.is_err() {
                            // The order stands; a replay finds it through what the attempt
                            // was paying for, or its emptied cart, and never orders again.
                            tracing::error!(order = %order.code, "placed order not recorded");
                        }
                    }
                    Err(_) => {
                        let _ = shared.abandon(key).await;
                    }
                }
                return placed;
            }
            Claim::Placed(code) => return backend.order(&code).await.map_err(ApiError::from),
            Claim::Running if now_ms() < give_up => tokio::time::sleep(POLL).await,
            // The first click is still at work: it may yet place the order.
            Claim::Running => return Err(ApiError::Unconfirmed),
        }
    }
}

/// Renews the claims in `working` every `RENEW`, until dropped.
async fn renew(shared: &dyn Shared, working: &Mutex<Vec<String>>) -> std::convert::Infallible {
    loop {
        tokio::time::sleep(RENEW).await;
        let keys = working.lock().unwrap_or_else(|p| p.into_inner()).clone();
        if shared.renew(&keys, now_ms()).await.is_err() {
            tracing::warn!("checkout claims not renewed; another instance may take them over");
        }
    }
}

/// Places attempt `key`, claimed by this request: first asks what an earlier try did, then,
/// where the backend needs it, holds the cart's variants and records the order it is about to
/// pay for, and places. `working` starts with the attempt's key.
async fn claimed<F, P>(
    backend: &dyn Commerce,
    shared: &dyn Shared,
    key: &str,
    cart: &str,
    place: P,
    working: &Mutex<Vec<String>>,
) -> Result<Order, ApiError>
where
    P: FnOnce() -> F,
    F: Future<Output = CommerceResult<Order>>,
{
    // A try whose answer was lost, here or on an instance that died, may have placed it:
    // asked before anything is held or paid again.
    let paying = shared
        .paying_for(key)
        .await
        .map_err(|_| ApiError::Unavailable)?;
    if let Some(order) = backend.replay(key, paying.as_deref()).await? {
        return Ok(order);
    }
    let placed = async {
        if let Some(sale) = backend.pending_sale(cart).await? {
            hold(shared, &sale.variants, working).await?;
            // Unrecorded, a retry elsewhere could not find this order if we died.
            shared
                .paying(key, &sale.order, now_ms())
                .await
                .map_err(|_| ApiError::Unavailable)?;
        }
        place().await.map_err(ApiError::from)
    }
    .await;
    release(shared, working).await;
    placed
}

/// Holds each of `variants` (sorted, so two placements never wait for each other crosswise),
/// adding each key it takes to `working`. Gives up after `HOLD_WAIT_MS`.
async fn hold(
    shared: &dyn Shared,
    variants: &[String],
    working: &Mutex<Vec<String>>,
) -> Result<(), ApiError> {
    let mut keys: Vec<String> = variants.iter().map(|v| format!("hold:{v}")).collect();
    keys.sort();
    keys.dedup();
    let give_up = now_ms() + HOLD_WAIT_MS;
    for key in keys {
        loop {
            match shared.claim(&key, now_ms(), LEASE_MS).await {
                Ok(Claim::Running) if now_ms() < give_up => tokio::time::sleep(POLL).await,
                // Holds are never marked placed; `Placed` cannot come back for one.
                Ok(Claim::Mine) | Ok(Claim::Placed(_)) => {
                    working.lock().unwrap_or_else(|p| p.into_inner()).push(key);
                    break;
                }
                Ok(Claim::Running) | Err(_) => return Err(ApiError::Unavailable),
            }
        }
    }
    Ok(())
}

/// Lets go of the variant holds in `working` (all but its first key, the attempt's).
async fn release(shared: &dyn Shared, working: &Mutex<Vec<String>>) {
    let held = working
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .split_off(1);
    for key in held {
        if shared.abandon(&key).await.is_err() {
            // Its lease ends it; meanwhile sales of that variant wait.
            tracing::warn!(%key, "a variant hold was not let go");
        }
    }
}
