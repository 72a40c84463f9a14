//! The backoff between polls: early first poll, jittered growth, capped, `Retry-After` wins.

use std::ops::RangeInclusive;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Delay before the first poll: most rows appear within a few seconds, so start early.
pub const FIRST_DELAY: Duration = Duration::from_millis(200);
/// Longest pause between polls: bounds the detection lag without hammering the provider.
pub const MAX_DELAY: Duration = Duration::from_secs(1);
/// Growth factor per poll, drawn at random so many waiters never poll in lock-step.
pub(crate) const GROWTH: RangeInclusive<f64> = 1.5..=2.0;
/// Once capped, each delay is `MAX_DELAY` times a factor from this range (jitter again).
pub(crate) const CAP_JITTER: RangeInclusive<f64> = 0.7..=1.0;
/// A `Retry-After` of zero (or a date in the past) falls back to the backoff: never spin.
const RETRY_AFTER_MIN: Duration = Duration::from_millis(1);

/// The backoff between polls: `200 ms, ~350 ms, ~600 ms, ~1 s, ~0.85 s, …`.
#[derive(Debug, Clone)]
pub struct Schedule<R = StdRng> {
    next: Duration,
    /// The cap: [`MAX_DELAY`], or sooner for a provider on this machine ([`Schedule::local`]).
    max: Duration,
    rng: R,
}

impl Schedule<StdRng> {
    /// A schedule seeded from the OS.
    pub fn new() -> Self {
        Schedule::with_rng(StdRng::from_entropy())
    }

    /// The same backoff started and capped sooner (50 ms, at most 250 ms), for a provider on
    /// this machine that nobody else polls: `demo`'s in-process sandbox.
    pub fn local() -> Self {
        let mut s = Schedule::new();
        (s.next, s.max) = (FIRST_DELAY / 4, MAX_DELAY / 4);
        s
    }

    /// A reproducible schedule (tests, benchmarks).
    pub fn seeded(seed: u64) -> Self {
        Schedule::with_rng(StdRng::seed_from_u64(seed))
    }
}

impl Default for Schedule<StdRng> {
    fn default() -> Self {
        Schedule::new()
    }
}

impl<R: Rng> Schedule<R> {
    pub(crate) fn with_rng(rng: R) -> Self {
        Schedule { next: FIRST_DELAY, max: MAX_DELAY, rng }
    }

    /// The pause before the next poll. A provider's `Retry-After` replaces the backoff for
    /// this one pause (the loop still clamps it to the deadline); the backoff keeps growing
    /// underneath so a burst of 429s does not reset it.
    pub fn next_delay(&mut self, retry_after: Option<Duration>) -> Duration {
        let base = self.next;
        let grown = base.mul_f64(self.rng.gen_range(GROWTH));
        self.next = grown.min(self.max);
        let backoff = if base >= self.max { self.max.mul_f64(self.rng.gen_range(CAP_JITTER)) } else { base };
        match retry_after {
            Some(ra) if ra >= RETRY_AFTER_MIN => ra,
            _ => backoff,
        }
    }
}
