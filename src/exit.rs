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
    /// Interrupted (Ctrl-C or SIGTERM) during a wait.
    Interrupted = 130,
}

impl Exit {
    /// Every code, in the order the help lists them.
    pub const ALL: [Exit; 10] = [
        Exit::Ok,
        Exit::Internal,
        Exit::Usage,
        Exit::Config,
        Exit::Api,
        Exit::Network,
        Exit::Timeout,
        Exit::NotDelivered,
        Exit::InvalidSignature,
        Exit::Interrupted,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    /// What the code means, as the help and the man page say it.
    pub fn meaning(self) -> &'static str {
        match self {
            Exit::Ok => "success (and, with a wait, delivered)",
            Exit::Internal => "unexpected internal error",
            Exit::Usage => "usage error (bad flags or arguments)",
            Exit::Config => "configuration or authentication error (no credentials, 401, 403)",
            Exit::Api => "the API rejected the request (400, 404, 409, 422 ...)",
            Exit::Network => "network or server error (connect/TLS failure, 5xx after retries)",
            Exit::Timeout => "timed out waiting (event row not seen, --expect not reached)",
            Exit::NotDelivered => "delivery failed (failed/dead_letter, non-2xx, is_delivered: false)",
            Exit::InvalidSignature => "signature invalid",
            Exit::Interrupted => "interrupted (Ctrl-C or SIGTERM) during a wait",
        }
    }

    /// The "Exit codes:" block of the top-level help and of every man page.
    pub fn help_text() -> String {
        let mut text = String::from("Exit codes:");
        for exit in Exit::ALL {
            text.push_str(&format!("\n  {:<4} {}", exit.code(), exit.meaning()));
        }
        text
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
    /// `sandbox -- CMD`, `listen -- CMD`: the command's own exit code, passed on.
    Command(u8),
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Command(code) => code,
            other => other.exit().code(),
        }
    }

    pub fn exit(self) -> Exit {
        match self {
            Outcome::Success => Exit::Ok,
            Outcome::TimedOut => Exit::Timeout,
            Outcome::NotDelivered => Exit::NotDelivered,
            Outcome::InvalidSignature => Exit::InvalidSignature,
            Outcome::Interrupted => Exit::Interrupted,
            // Not one of ours: the nearest documented meaning, for callers that need an `Exit`.
            Outcome::Command(0) => Exit::Ok,
            Outcome::Command(_) => Exit::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new variant must be listed in `ALL`, or the help would not mention it: this `match`
    /// stops compiling until it is placed.
    #[test]
    fn all_lists_every_code_once() {
        for (i, exit) in Exit::ALL.into_iter().enumerate() {
            let place = match exit {
                Exit::Ok => 0,
                Exit::Internal => 1,
                Exit::Usage => 2,
                Exit::Config => 3,
                Exit::Api => 4,
                Exit::Network => 5,
                Exit::Timeout => 6,
                Exit::NotDelivered => 7,
                Exit::InvalidSignature => 8,
                Exit::Interrupted => 9,
            };
            assert_eq!(place, i, "{exit:?}");
        }
        assert!(Exit::help_text().contains("\n  130  interrupted (Ctrl-C or SIGTERM) during a wait"));
    }
}
