//! A sliding-window limit on attempts per key (a client, an email, an order number), kept
//! where every storefront instance counts (`storefront::shared`): two instances behind one
//! load balancer allow the limit once, not twice.
//!
//! Keys are hashed before they are kept, so a hostile key (a 1.5 MB "email") costs 32
//! characters. When the shared store cannot answer, the attempt is refused with "try again":
//! a guessable thing is never left unlimited.

use crate::api::ApiError;
use crate::storefront::shared::{key, now_ms, Limit, Shared};
use std::sync::Arc;

pub struct RateLimit {
    limit: Limit,
    shared: Arc<dyn Shared>,
}

fn keys(ks: &[&str]) -> Vec<String> {
    ks.iter().map(|k| key(k)).collect()
}

impl RateLimit {
    /// At most `max` attempts per key in `window`, counted under `name` in `shared`.
    pub fn new(
        name: &'static str,
        max: u32,
        window: std::time::Duration,
        shared: Arc<dyn Shared>,
    ) -> RateLimit {
        RateLimit {
            limit: Limit {
                name,
                max,
                window_ms: window.as_millis() as i64,
            },
            shared,
        }
    }

    /// Records an attempt for every key and says whether all of them are within the limit.
    /// A refused attempt is not recorded, so waiting out the window always works.
    pub async fn allow(&self, ks: &[&str]) -> Result<bool, ApiError> {
        self.shared
            .take(self.limit, &keys(ks), now_ms())
            .await
            .map_err(|_| ApiError::Unavailable)
    }

    /// Whether every key is within the limit, recording nothing: for limits that count only
    /// failures (see `record`).
    pub async fn check(&self, ks: &[&str]) -> Result<bool, ApiError> {
        self.shared
            .within(self.limit, &keys(ks), now_ms())
            .await
            .map_err(|_| ApiError::Unavailable)
    }

    /// Records one attempt (a failure) for every key.
    pub async fn record(&self, ks: &[&str]) {
        if self
            .shared
            .count(self.limit, &keys(ks), now_ms())
            .await
            .is_err()
        {
            tracing::warn!(limit = self.limit.name, "a failed attempt went uncounted");
        }
    }

    /// Keys counted now, over every limit in the shared store (for tests of the memory bound).
    pub async fn keys_kept(&self) -> u64 {
        self.shared.keys_kept().await.unwrap_or(0)
    }
}
