//! Arguments of `hookctl events`.

use std::time::Duration;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  The event log of a partner test case:
    hookctl events list --case case_test_full --provider partner --sandbox
  Wait in CI until two new closient deliveries of one type are settled:
    hookctl events wait --type ping --count 2 --timeout 2m --provider closient --sandbox")]
pub struct EventsArgs {
    #[command(subcommand)]
    pub command: EventsCommand,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}

#[derive(Debug, Args, Clone, Default)]
pub struct EventFilter {
    /// Case id (partner: required)
    #[arg(long = "case", value_name = "ID")]
    pub case_id: Option<String>,
    /// Event type
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,
    /// Endpoint id (closient deliveries)
    #[arg(long, value_name = "ID")]
    pub endpoint: Option<String>,
    /// Only rows created at or after this time (ISO-8601)
    #[arg(long, value_name = "ISO-8601")]
    pub since: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// List rows of the event log
    #[command(after_long_help = "Examples:
  hookctl events list --case case_test_full
  hookctl events list --type cases.created --since 2026-11-28T08:00:00Z")]
    List {
        #[command(flatten)]
        filter: EventFilter,
    },
    /// Show one row
    #[command(after_long_help = "Examples:
  hookctl events get dl_123
  hookctl events get dl_123 --json")]
    Get {
        /// Row id (an event or a delivery)
        id: String,
    },
    /// Wait until N new matching rows appear and are terminal
    #[command(after_long_help = concat!("Examples:
  hookctl events wait --case case_test_full --type case.closed
  hookctl events wait --case case_test_full --type 'case.*' --count 3 --timeout 2m
  hookctl events wait --endpoint SandboxEndpoint2345678 --timeout 45 --provider closient --sandbox
  hookctl events wait --case c_42 --match 'payload.amount=100' --match 'payload.currency~^EU'

On a timeout the error lists the near misses: the new rows that did not count, and why.

", super::matcher::match_help!()))]
    Wait {
        #[command(flatten)]
        filter: EventFilter,
        /// How many new rows to wait for
        #[arg(long, default_value_t = 1)]
        count: usize,
        /// How long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)
        #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = super::duration::parse)]
        timeout: Duration,
        /// Only rows whose content matches: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot
        /// path into the row's JSON); repeatable, all must hold
        #[arg(long = "match", value_name = "EXPR", value_parser = super::matcher::parse)]
        matches: Vec<crate::matcher::Matcher>,
    },
}
