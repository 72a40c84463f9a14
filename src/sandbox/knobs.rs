//! What a running sandbox can be told to do differently: the event-log lag, the failure rate,
//! the retry schedule, faults per endpoint URL, the attempt timeout.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{json, Value};

use super::model;

/// The event-log lag: each row appears a random time in `min..=max` after its attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lag {
    pub min: Duration,
    pub max: Duration,
}

impl Lag {
    /// `0`, `2s`, `500ms..3s`.
    pub fn parse(s: &str) -> std::result::Result<Lag, String> {
        let one = crate::duration::parse;
        let lag = match s.split_once("..") {
            Some((a, b)) => Lag { min: one(a)?, max: one(b)? },
            None => {
                let d = one(s)?;
                Lag { min: d, max: d }
            }
        };
        if lag.min > lag.max {
            return Err(format!("'{s}': the minimum is larger than the maximum"));
        }
        if lag.max > MAX_LAG {
            return Err(format!("'{s}' is too long (at most 24h)"));
        }
        Ok(lag)
    }

    pub(crate) fn sample(self) -> Duration {
        if self.min == self.max {
            return self.min;
        }
        use rand::Rng;
        let (a, b) = (model::ms(self.min), model::ms(self.max));
        Duration::from_millis(rand::thread_rng().gen_range(a..=b) as u64)
    }

    fn describe(self) -> String {
        if self.min == self.max {
            format!("{}", humantime::format_duration(self.min))
        } else {
            format!("{}..{}", humantime::format_duration(self.min), humantime::format_duration(self.max))
        }
    }
}

/// The longest event-log lag (and so the furthest a row's visibility lies ahead).
pub(crate) const MAX_LAG: Duration = Duration::from_secs(24 * 60 * 60);
/// Most retries a schedule may list.
pub(crate) const MAX_RETRIES: usize = 100;

/// Parses `--retry-schedule`: `1s,2s,5s` (delays before retry 1, 2, 3, each at most 24h, at
/// most [`MAX_RETRIES`] of them), or `none`.
pub fn parse_schedule(s: &str) -> std::result::Result<Vec<Duration>, String> {
    let s = s.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    if s.split(',').count() > MAX_RETRIES {
        return Err(format!("a retry schedule lists at most {MAX_RETRIES} pauses"));
    }
    s.split(',').map(crate::duration::parse).collect()
}

/// A fault injected for one endpoint URL (admin `POST /_sandbox/faults`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Fault {
    /// Answer every attempt to this URL as if the endpoint returned this status (no request
    /// is sent).
    pub status: Option<u16>,
    /// Wait this long before each attempt.
    pub delay: Option<Duration>,
}

/// The knobs a running sandbox can change (flags at start, admin routes later).
#[derive(Debug, Clone)]
pub(crate) struct Knobs {
    pub lag: Lag,
    pub fail_rate: f64,
    pub retry_schedule: Vec<Duration>,
    pub faults: HashMap<String, Fault>,
    /// How long one attempt may take (10 s; an endpoint slower than this has failed).
    pub attempt_timeout: Duration,
}

impl Knobs {
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "lag": self.lag.describe(),
            "lag_ms": [model::ms(self.lag.min), model::ms(self.lag.max)],
            "fail_rate": self.fail_rate,
            "attempt_timeout": humantime::format_duration(self.attempt_timeout).to_string(),
            "retry_schedule": self.retry_schedule.iter().map(|d| humantime::format_duration(*d).to_string()).collect::<Vec<_>>(),
            "faults": self.faults.iter().map(|(url, f)| json!({
                "url": url,
                "status": f.status,
                "delay_ms": f.delay.map(model::ms),
            })).collect::<Vec<_>>(),
        })
    }
}
