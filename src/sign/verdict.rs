//! What a verification concludes: valid with the secret that matched, or invalid with the
//! reason; and the clock and tolerance it judges timestamps by.

use std::fmt;

use serde_json::{json, Value};

use super::scheme::Scheme;
use crate::secret::Secret;

/// Allowed clock difference, in seconds, when the caller does not choose one.
pub(crate) const DEFAULT_TOLERANCE: u64 = 300;

/// The clock and the tolerance window of one verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Current Unix time in seconds.
    pub now: i64,
    /// Allowed age (and, except for Stripe, allowed skew into the future) in seconds; inclusive.
    pub tolerance: u64,
}

impl VerifyOptions {
    /// Options for `now` with the default tolerance (used by `benches/verify.rs` and tests).
    pub fn new(now: i64) -> Self {
        VerifyOptions { now, tolerance: DEFAULT_TOLERANCE }
    }
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions { now: 0, tolerance: DEFAULT_TOLERANCE }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// `secret_index` is the 0-based position of the secret that matched (rotation).
    Valid {
        scheme: Scheme,
        secret_index: usize,
    },
    Invalid {
        scheme: Option<Scheme>,
        reason: Reason,
    },
}

/// Why a signature was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Headers the scheme needs are absent; `looks_like` is the scheme the headers fit instead
    /// (when the scheme was chosen by hand and another one fits).
    Missing {
        headers: Vec<&'static str>,
        looks_like: Option<Scheme>,
    },
    /// No configured secret could be used for the scheme at all (e.g. a `whsec_` secret that
    /// is not base64, given with `--scheme auto`): the receiver's configuration is at fault,
    /// not the sender.
    Unusable(String),
    Other(String),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Missing { headers, looks_like } => {
                write!(f, "missing header {}", headers.join(", "))?;
                match looks_like {
                    Some(other) => write!(f, " (the headers look like {other})"),
                    None => Ok(()),
                }
            }
            Reason::Unusable(text) | Reason::Other(text) => f.write_str(text),
        }
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Self {
        Reason::Other(text)
    }
}

impl From<&str> for Reason {
    fn from(text: &str) -> Self {
        Reason::Other(text.to_string())
    }
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        matches!(self, Verdict::Valid { .. })
    }

    pub fn scheme(&self) -> Option<Scheme> {
        match self {
            Verdict::Valid { scheme, .. } => Some(*scheme),
            Verdict::Invalid { scheme, .. } => *scheme,
        }
    }

    pub fn reason(&self) -> Option<&Reason> {
        match self {
            Verdict::Valid { .. } => None,
            Verdict::Invalid { reason, .. } => Some(reason),
        }
    }

    pub fn secret_index(&self) -> Option<usize> {
        match self {
            Verdict::Valid { secret_index, .. } => Some(*secret_index),
            Verdict::Invalid { .. } => None,
        }
    }

    /// `{"valid", "scheme", "reason", "secret_index"}` with null where not applicable: the
    /// shape `verify --json` prints and `listen` records.
    pub fn to_json(&self) -> Value {
        json!({
            "valid": self.is_valid(),
            "scheme": self.scheme().map(Scheme::name),
            "reason": self.reason().map(Reason::to_string),
            "secret_index": self.secret_index(),
        })
    }

    pub(super) fn invalid(scheme: Scheme, reason: impl Into<Reason>) -> Self {
        Verdict::Invalid { scheme: Some(scheme), reason: reason.into() }
    }

    pub(super) fn missing(scheme: Scheme, headers: Vec<&'static str>) -> Self {
        Verdict::Invalid { scheme: Some(scheme), reason: Reason::Missing { headers, looks_like: None } }
    }
}

/// "timestamp too old (412 s > 300 s)" or `None` when the age is within the tolerance.
/// `future_too` is false for Stripe, which accepts timestamps in the future.
pub(crate) fn check_tolerance(ts: i64, opts: VerifyOptions, future_too: bool) -> Option<String> {
    let age = i128::from(opts.now) - i128::from(ts);
    let tol = i128::from(opts.tolerance);
    if age > tol {
        return Some(format!("timestamp too old ({age} s > {tol} s)"));
    }
    if future_too && -age > tol {
        return Some(format!("timestamp too new ({} s in the future > {tol} s)", -age));
    }
    None
}

/// The reason when no secret produced a matching signature.
/// Tries each non-empty secret in order (rotation) with `matches(key)`; the first match wins.
/// Shared by the schemes whose key is the secret's bytes as written.
pub(crate) fn first_matching_secret(
    scheme: Scheme,
    secrets: &[Secret],
    mut matches: impl FnMut(&[u8]) -> bool,
) -> Verdict {
    let mut tried = 0;
    for (index, secret) in secrets.iter().enumerate() {
        let key = secret.expose().as_bytes();
        if key.is_empty() {
            continue;
        }
        tried += 1;
        if matches(key) {
            return Verdict::Valid { scheme, secret_index: index };
        }
    }
    if tried == 0 {
        return Verdict::invalid(scheme, "the secret is empty");
    }
    Verdict::invalid(scheme, no_match(tried))
}

/// How every "compared with the secrets, none matched" reason begins.
pub(crate) const NO_MATCH: &str = "no signature matched";

pub(crate) fn no_match(secrets: usize) -> String {
    format!("{NO_MATCH} ({secrets} tried)")
}
