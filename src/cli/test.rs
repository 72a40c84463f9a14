//! Arguments of `hookctl test`.

use std::time::Duration;

use clap::Args;

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Endpoint (webhook) id
    pub endpoint: String,
    /// Event to send (personio: required, e.g. person.updated)
    #[arg(long = "event", value_name = "NAME", value_parser = super::endpoints::EventName, hide_possible_values = true)]
    pub event: Option<String>,
    /// Payload field as key=value in dot notation (personio payload_data); repeatable
    #[arg(long = "data", value_name = "KEY=VALUE")]
    pub data: Vec<String>,
    /// Wait until the delivery is terminal
    #[arg(long)]
    pub wait: bool,
    /// How long to wait
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = humantime::parse_duration)]
    pub timeout: Duration,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}
