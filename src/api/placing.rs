//! One order per checkout attempt, whichever instance each click lands on: the attempt is
//! claimed in the shared store before the backend is asked, a second click waits for the
//! first one's order and shows it, and a placement that failed (a declined card, an outage)
//! frees the attempt so the shopper can try again.

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

/// Places the order of attempt `key` with `place` unless another request did or is doing it;
/// then returns that order.
pub async fn once<F, P>(backend: &dyn Commerce, key: &str, place: P) -> Result<Order, ApiError>
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
                let placed = place().await;
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
