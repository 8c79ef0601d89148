//! Attempts at something guessable (a password, the email an order was placed with), limited
//! so that guessing is slow but a shopper cannot be locked out by someone else:
//! - each client (address, see `client`) has its own budget of attempts of a kind;
//! - each target (an account, an order) has a budget of *failures* from browsers it does not
//!   know, so guessing from many addresses is slow too;
//! - a browser that has succeeded at a target before carries a signed cookie saying so
//!   (OWASP's "device cookies") and is not held back by other people's failures there.

use super::{context, signed_cookie, ApiError};
const DEVICE_COOKIE: &str = "vitrine_device";
/// Targets one browser is remembered for (accounts signed in to, orders opened).
const REMEMBERED: usize = 8;
const DEVICE_DAYS: u32 = 365;

pub struct Attempt {
    target: String,
    known_device: bool,
}

/// Starts an attempt of `kind` ("account", "lookup") at `target` ("account:ada@…"), or says
/// the shopper must wait. Callers check the input's size first: nothing unbounded is kept.
pub async fn begin(kind: &str, target: &str) -> Result<Attempt, ApiError> {
    let limit = context::attempts()?;
    let client = format!("{kind}:{}", super::client::client_key().await);
    if !limit.allow(&[&client]).await? {
        return Err(ApiError::RateLimited);
    }
    let known_device = device_knows(target);
    if !known_device && !limit.check(&[target]).await? {
        return Err(ApiError::RateLimited);
    }
    Ok(Attempt {
        target: target.to_string(),
        known_device,
    })
}

impl Attempt {
    /// A wrong guess: it counts against the target, unless this browser is known there.
    pub async fn failed(&self) {
        if !self.known_device {
            if let Ok(limit) = context::attempts() {
                limit.record(&[&self.target]).await;
            }
        }
    }

    /// The shopper proved they are who they said: this browser is known at the target now.
    pub fn succeeded(&self) {
        remember_device(&self.target);
    }
}

fn tag(target: &str) -> Option<String> {
    let mac = context::signer().ok()?.sign("device", target);
    Some(mac.chars().take(16).collect())
}

fn device_knows(target: &str) -> bool {
    let known: Vec<String> = signed_cookie::read(DEVICE_COOKIE).unwrap_or_default();
    tag(target).is_some_and(|t| known.contains(&t))
}

/// Remembers this browser at `target` (it placed the order, it signed in to the account).
pub fn remember_device(target: &str) {
    let Some(t) = tag(target) else {
        return;
    };
    let mut known: Vec<String> = signed_cookie::read(DEVICE_COOKIE).unwrap_or_default();
    known.retain(|k| *k != t);
    known.insert(0, t);
    known.truncate(REMEMBERED);
    signed_cookie::write(DEVICE_COOKIE, &known, DEVICE_DAYS * 86_400);
}
