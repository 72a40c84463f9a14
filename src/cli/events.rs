//! Arguments of `hookctl events`.

use std::time::Duration;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
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
    List {
        #[command(flatten)]
        filter: EventFilter,
    },
    /// Show one row
    Get { id: String },
    /// Wait until N new matching rows appear and are terminal
    Wait {
        #[command(flatten)]
        filter: EventFilter,
        /// How many new rows to wait for
        #[arg(long, default_value_t = 1)]
        count: usize,
        /// How long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)
        #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = super::duration::parse)]
        timeout: Duration,
    },
}
