//! Time as the waiter sees it: the wall clock, or simulated time for tests and benches.

use std::future::Future;
use std::time::{Duration, Instant};

/// Time as the waiter sees it, so the same loop runs on the wall clock and on simulated time.
pub trait Clock {
    /// Time since an arbitrary origin.
    fn elapsed(&self) -> Duration;
    fn sleep(&self, d: Duration) -> impl Future<Output = ()>;
    /// Runs `f` for at most `d`; `None` when it did not finish in time.
    fn limit<F: Future>(&self, d: Duration, f: F) -> impl Future<Output = Option<F::Output>>;
}

/// The wall clock (tokio timers).
#[derive(Debug, Clone, Copy)]
pub struct RealClock {
    start: Instant,
}

impl RealClock {
    pub fn new() -> Self {
        RealClock { start: Instant::now() }
    }
}

impl Default for RealClock {
    fn default() -> Self {
        RealClock::new()
    }
}

impl Clock for RealClock {
    fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    fn sleep(&self, d: Duration) -> impl Future<Output = ()> {
        tokio::time::sleep(d)
    }

    async fn limit<F: Future>(&self, d: Duration, f: F) -> Option<F::Output> {
        tokio::time::timeout(d, f).await.ok()
    }
}

/// Simulated time: `sleep` returns at once and moves the clock forward. Polls take no time
/// unless the poll closure calls [`SimClock::advance`] (to model request latency).
#[derive(Debug, Default)]
pub struct SimClock {
    now: std::cell::Cell<Duration>,
}

impl SimClock {
    pub fn new() -> Self {
        SimClock::default()
    }

    pub fn advance(&self, d: Duration) {
        self.now.set(self.now.get() + d);
    }
}

impl Clock for SimClock {
    fn elapsed(&self) -> Duration {
        self.now.get()
    }

    fn sleep(&self, d: Duration) -> impl Future<Output = ()> {
        self.advance(d);
        std::future::ready(())
    }

    async fn limit<F: Future>(&self, _d: Duration, f: F) -> Option<F::Output> {
        Some(f.await)
    }
}
