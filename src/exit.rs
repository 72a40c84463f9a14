//! Exit codes, mirroring DESIGN §6. Scripts and CI steps branch on these, so they never change.

#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success (and, with a wait, delivered).
    Ok = 0,
    /// Unexpected internal error.
    Internal = 1,
    /// Usage error: bad flags or arguments.
    Usage = 2,
    /// Configuration or authentication error (no credentials, 401, 403).
    Config = 3,
    /// The API rejected the request (400, 404, 409, 422 …).
    Api = 4,
    /// Network or server error (connect/TLS failure, 5xx after retries).
    Network = 5,
    /// Timed out waiting (event row not seen, `--expect` not reached).
    Timeout = 6,
    /// Delivery failed (failed/dead_letter, non-2xx, `is_delivered: false`).
    NotDelivered = 7,
    /// Signature invalid.
    InvalidSignature = 8,
    /// Interrupted (Ctrl-C) during a wait.
    Interrupted = 130,
}

impl Exit {
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// What a command computed when it ran to completion. Negative outcomes ("not delivered",
/// "invalid", "timed out") are results with their exit code, not errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    TimedOut,
    NotDelivered,
    InvalidSignature,
    Interrupted,
}

impl Outcome {
    pub fn exit(self) -> Exit {
        match self {
            Outcome::Success => Exit::Ok,
            Outcome::TimedOut => Exit::Timeout,
            Outcome::NotDelivered => Exit::NotDelivered,
            Outcome::InvalidSignature => Exit::InvalidSignature,
            Outcome::Interrupted => Exit::Interrupted,
        }
    }
}
