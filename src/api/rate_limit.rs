//! A sliding-window limit on attempts per key (a client, an email, an order number), kept in
//! memory: enough for one server; several servers would each allow the limit.
//!
//! Keys are hashed before they are kept, so a hostile key (a 1.5 MB "email") costs 16 bytes,
//! and idle keys are dropped once there are many.

use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

type Key = [u8; 16];

pub struct RateLimit {
    max: usize,
    window: Duration,
    seen: Mutex<HashMap<Key, VecDeque<Instant>>>,
}

/// Beyond this many keys, keys with no attempt inside the window are dropped, so a flood of
/// addresses cannot grow memory without bound.
const PRUNE_ABOVE: usize = 10_000;

fn key(k: &str) -> Key {
    let digest = Sha256::digest(k.as_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&digest[..16]);
    out
}

impl RateLimit {
    pub fn new(max: usize, window: Duration) -> RateLimit {
        RateLimit {
            max,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Records an attempt for every key and says whether all of them are within the limit.
    /// A refused attempt is not recorded, so waiting out the window always works.
    pub fn allow(&self, keys: &[&str], now: Instant) -> bool {
        let keys: Vec<Key> = keys.iter().map(|k| key(k)).collect();
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let over = self.over(&mut seen, &keys, now);
        if !over {
            Self::record_in(&mut seen, &keys, now);
        }
        !over
    }

    /// Whether every key is within the limit, recording nothing: for limits that count only
    /// failures (see `record`).
    pub fn check(&self, keys: &[&str], now: Instant) -> bool {
        let keys: Vec<Key> = keys.iter().map(|k| key(k)).collect();
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        !self.over(&mut seen, &keys, now)
    }

    /// Records one attempt (a failure) for every key.
    pub fn record(&self, keys: &[&str], now: Instant) {
        let keys: Vec<Key> = keys.iter().map(|k| key(k)).collect();
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        Self::record_in(&mut seen, &keys, now);
    }

    fn over(&self, seen: &mut HashMap<Key, VecDeque<Instant>>, keys: &[Key], now: Instant) -> bool {
        let window = self.window;
        let fresh = |times: &mut VecDeque<Instant>| {
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) >= window)
            {
                times.pop_front();
            }
        };
        if seen.len() > PRUNE_ABOVE {
            seen.retain(|_, times| {
                fresh(times);
                !times.is_empty()
            });
        }
        keys.iter().any(|k| {
            seen.get_mut(k).is_some_and(|times| {
                fresh(times);
                times.len() >= self.max
            })
        })
    }

    fn record_in(seen: &mut HashMap<Key, VecDeque<Instant>>, keys: &[Key], now: Instant) {
        for k in keys {
            seen.entry(*k).or_default().push_back(now);
        }
    }

    /// Keys kept now (for tests of the memory bound).
    pub fn len(&self) -> usize {
        self.seen.lock().map(|s| s.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_applies_per_key_and_lifts_after_the_window() {
        let limit = RateLimit::new(2, Duration::from_secs(60));
        let t0 = Instant::now();
        assert!(limit.allow(&["ip:a", "order:1"], t0));
        assert!(limit.allow(&["ip:a", "order:2"], t0));
        assert!(
            !limit.allow(&["ip:a", "order:3"], t0),
            "third from one address"
        );
        assert!(
            limit.allow(&["ip:b", "order:3"], t0),
            "another address is separate"
        );
        assert!(limit.allow(&["ip:c", "order:1"], t0));
        assert!(
            !limit.allow(&["ip:d", "order:1"], t0),
            "one order guessed from many addresses"
        );
        assert!(limit.allow(&["ip:a", "order:4"], t0 + Duration::from_secs(61)));
    }

    #[test]
    fn failures_alone_count_where_only_they_are_recorded() {
        let limit = RateLimit::new(2, Duration::from_secs(60));
        let t0 = Instant::now();
        assert!(limit.check(&["email:a"], t0));
        assert!(limit.check(&["email:a"], t0), "checking records nothing");
        limit.record(&["email:a"], t0);
        limit.record(&["email:a"], t0);
        assert!(!limit.check(&["email:a"], t0));
    }

    #[test]
    fn a_huge_key_is_kept_as_a_small_one() {
        let limit = RateLimit::new(2, Duration::from_secs(60));
        let huge = "x".repeat(1_500_000);
        let before = std::mem::size_of::<Key>();
        assert!(limit.allow(&[&huge], Instant::now()));
        assert!(limit.allow(&[&huge], Instant::now()));
        assert!(!limit.allow(&[&huge], Instant::now()), "still the same key");
        assert_eq!((limit.len(), before), (1, 16));
    }
}
