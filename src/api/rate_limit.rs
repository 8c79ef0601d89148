//! A sliding-window limit on attempts per key (a client address, an order number), kept in
//! memory: enough for one server; several servers would each allow the limit.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct RateLimit {
    max: usize,
    window: Duration,
    seen: Mutex<HashMap<String, VecDeque<Instant>>>,
}

/// Beyond this many keys, keys with no attempt inside the window are dropped, so a flood of
/// addresses cannot grow memory without bound.
const PRUNE_ABOVE: usize = 10_000;

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
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
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
        let over = keys.iter().any(|k| {
            seen.get_mut(*k).is_some_and(|times| {
                fresh(times);
                times.len() >= self.max
            })
        });
        if !over {
            for k in keys {
                seen.entry((*k).to_string()).or_default().push_back(now);
            }
        }
        !over
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
}
