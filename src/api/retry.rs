//! When to send a request again, and after how long. Pure functions (no clock, no I/O) so the
//! policy is unit-tested; the client feeds them what happened.

use std::time::{Duration, SystemTime};

use rand::Rng;

/// What one attempt ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The server answered with this status.
    Status { status: u16, retry_after: Option<Duration> },
    /// The connection was never established (refused, DNS, TLS handshake): nothing was sent.
    NotConnected,
    /// Sent, then the connection failed or timed out: the server may have processed it.
    Lost,
    /// An answer arrived but cannot be used (larger than the limit): asking again would get
    /// the same, so it is never retried.
    Unusable,
}

#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts in total, the first included.
    pub max_attempts: u32,
    /// Backoff before the first retry; doubles each time.
    pub base: Duration,
    pub cap: Duration,
    /// A `Retry-After` longer than this is not waited for: the error is reported instead.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base: Duration::from_millis(250),
            cap: Duration::from_secs(4),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

/// Whether a request may be sent twice with the same effect. hookctl's PATCHes set absolute
/// values (status, events, url), so repeating one lands in the same state.
pub fn idempotent(method: crate::providers::Method) -> bool {
    !matches!(method, crate::providers::Method::Post)
}

impl RetryPolicy {
    /// The delay before attempt `attempt + 1` (attempts count from 1), or `None` to stop.
    ///
    /// Idempotent requests retry on 429/502/503/504, a 500 of a GET (reading twice is
    /// harmless), and any connection failure. A POST that creates or fires something retries
    /// only when it certainly was not processed: 429, 503 with `Retry-After`, or no
    /// connection at all. Anything else is reported rather than risk a double fire.
    pub fn next_delay(
        &self,
        attempt: u32,
        idempotent: bool,
        is_get: bool,
        what: Attempt,
        jitter: f64,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let retry_after = match what {
            Attempt::Status { retry_after, .. } => retry_after,
            _ => None,
        };
        let retry = match what {
            Attempt::Status { status, retry_after } => match status {
                429 => true,
                503 if retry_after.is_some() => true,
                502..=504 => idempotent,
                500 => is_get,
                _ => false,
            },
            Attempt::NotConnected => true,
            Attempt::Lost => idempotent,
            Attempt::Unusable => false,
        };
        if !retry {
            return None;
        }
        match retry_after {
            Some(d) if d > self.max_retry_after => None,
            Some(d) => Some(d),
            None => Some(self.backoff(attempt, jitter)),
        }
    }

    /// Exponential backoff with jitter: `base × 2^(attempt-1)`, capped, scaled by a factor in
    /// [0.5, 1.0) so clients that failed together do not retry together.
    pub fn backoff(&self, attempt: u32, jitter: f64) -> Duration {
        let exp = self.base.saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let capped = exp.min(self.cap);
        capped.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0))
    }
}

/// A random jitter in [0, 1).
pub fn jitter() -> f64 {
    rand::thread_rng().gen::<f64>()
}

/// `Retry-After`: delta-seconds or an HTTP date. A date in the past means "now".
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(status: u16, ra: Option<u64>) -> Attempt {
        Attempt::Status { status, retry_after: ra.map(Duration::from_secs) }
    }

    #[test]
    fn get_retries_transient_statuses_and_connection_failures() {
        let p = RetryPolicy::default();
        for s in [429, 500, 502, 503, 504] {
            assert!(p.next_delay(1, true, true, st(s, None), 0.5).is_some(), "{s}");
        }
        assert!(p.next_delay(1, true, true, Attempt::Lost, 0.5).is_some());
        assert!(p.next_delay(1, true, true, Attempt::NotConnected, 0.5).is_some());
        for s in [400, 401, 404, 422, 501] {
            assert!(p.next_delay(1, true, true, st(s, None), 0.5).is_none(), "{s}");
        }
        // DELETE/PATCH: a 500 may have applied the change; report it.
        assert!(p.next_delay(1, true, false, st(500, None), 0.5).is_none());
        assert!(p.next_delay(1, true, false, st(502, None), 0.5).is_some());
        // An answer too large to use comes back the same way every time.
        assert!(p.next_delay(1, true, true, Attempt::Unusable, 0.5).is_none());
    }

    #[test]
    fn post_retries_only_when_certainly_not_processed() {
        let p = RetryPolicy::default();
        assert!(p.next_delay(1, false, false, st(429, None), 0.5).is_some());
        assert_eq!(p.next_delay(1, false, false, st(503, Some(2)), 0.5), Some(Duration::from_secs(2)));
        assert!(p.next_delay(1, false, false, Attempt::NotConnected, 0.5).is_some());
        assert!(p.next_delay(1, false, false, st(503, None), 0.5).is_none());
        assert!(p.next_delay(1, false, false, st(502, None), 0.5).is_none());
        assert!(p.next_delay(1, false, false, st(500, None), 0.5).is_none());
        assert!(p.next_delay(1, false, false, Attempt::Lost, 0.5).is_none());
    }

    #[test]
    fn retry_after_wins_but_not_beyond_the_limit_and_attempts_are_capped() {
        let p = RetryPolicy::default();
        assert_eq!(p.next_delay(1, true, true, st(429, Some(3)), 0.0), Some(Duration::from_secs(3)));
        assert_eq!(p.next_delay(1, true, true, st(429, Some(31)), 0.0), None);
        assert_eq!(p.next_delay(4, true, true, st(503, None), 0.0), None);
    }

    #[test]
    fn backoff_grows_is_jittered_and_capped() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff(1, 0.0), Duration::from_millis(125));
        assert_eq!(p.backoff(1, 1.0), Duration::from_millis(250));
        assert_eq!(p.backoff(2, 1.0), Duration::from_millis(500));
        assert_eq!(p.backoff(30, 1.0), Duration::from_secs(4));
        assert!(p.backoff(3, 0.3) < p.backoff(3, 0.9));
    }

    #[test]
    fn retry_after_seconds_and_http_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_480);
        assert_eq!(parse_retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        // Wed, 21 Oct 2015 07:28:00 GMT = 1445412480.
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now), Some(Duration::from_secs(10)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
    }
}
