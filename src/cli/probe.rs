//! Arguments of `hookctl probe`.

use std::path::PathBuf;

use clap::Args;

use super::sign::SignScheme;

/// The long description (`hookctl probe --help`, the man page); set on the subcommand in
/// `cli/mod.rs`, where a variant's doc comment would otherwise replace it.
pub const LONG_ABOUT: &str =
    "Check that a webhook handler accepts genuine deliveries and rejects forged ones.

Sends a fixed series of at most 15 requests (fewer for schemes without timestamps or signature \
lists) to URL and nowhere else, one at a time, never following a redirect: a correctly signed \
delivery, the same reformatted, with other header-name case and with a rotated signature list \
(must be accepted); no signature, another secret, a tampered body, stale and future timestamps, \
swapped headers, empty, truncated and wrong-version signatures (must be rejected: any non-2xx); \
and a replay of the first delivery (a warning when accepted; a failure with --strict).

Exit 0 when every check passed, 8 when the handler accepted a request it must reject, 7 when it \
only rejected one it must accept, 5 when it cannot be reached, 2 on usage errors.";

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  Probe a local handler that uses Standard Webhooks signatures:
    hookctl probe http://127.0.0.1:3000/webhooks --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
  A Stripe handler in CI, with a JUnit report for the CI system:
    hookctl probe https://staging.example.com/stripe --scheme stripe --junit probe.xml
  Print the requests as curl commands instead of sending them:
    hookctl probe http://127.0.0.1:3000/webhooks --scheme github --dry-run")]
pub struct ProbeArgs {
    /// The handler to probe; nothing is sent anywhere else
    pub url: String,
    /// Signing secret the handler verifies with [env: HOOKCTL_SECRET]
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<crate::secret::Secret>,
    /// Signature scheme the handler expects
    #[arg(long, value_enum, default_value_t)]
    pub scheme: SignScheme,
    /// Event type of the sample payloads (e.g. case.assigned, cases.created, person.updated)
    #[arg(long = "event", value_name = "TYPE", default_value = "ping")]
    pub event: String,
    /// The handler's allowed clock difference; stale and future timestamps go 1m beyond it
    /// (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = super::duration::parse)]
    pub tolerance: std::time::Duration,
    /// Extra header on every request 'Name: value' (e.g. your app's own auth)
    #[arg(long = "header", short = 'H', value_name = "'NAME: VALUE'")]
    pub headers: Vec<String>,
    /// Also write the report as JUnit XML to FILE (one test case per check)
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Print the requests as curl commands; send nothing
    #[arg(long, conflicts_with_all = ["junit", "strict"])]
    pub dry_run: bool,
    /// Fail (instead of warn) when a replayed delivery is accepted again
    #[arg(long)]
    pub strict: bool,
    /// How long the handler may take to answer each request (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = super::duration::parse)]
    pub request_timeout: std::time::Duration,

    #[command(flatten)]
    pub profile: super::ProfileOpt,
}
