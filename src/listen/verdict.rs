//! [`Verdict`]: what the listener made of a request's signature, as captured and shown.

/// What the listener made of a request's signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Valid,
    Invalid,
    /// No secret was given: accepted without checking.
    Unverified,
    /// Answered before verifying (wrong path, too large, too slow, malformed): never captured.
    Rejected,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Unverified => "unverified",
            Verdict::Rejected => "rejected",
        }
    }
}
