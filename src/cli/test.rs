//! Arguments of `hookctl test`.

use clap::Args;

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  Send closient's test ping and wait until the delivery settles:
    hookctl test SandboxEndpoint2345678 --wait --provider closient --sandbox
  Send a personio test event with payload fields:
    hookctl test 533e7206-f4a3-11ed-9c8b-436fad0b82d1 --event person.updated --field person.id=123")]
pub struct TestArgs {
    /// Endpoint (webhook) id
    pub endpoint: String,
    /// Event to send (personio: required, e.g. person.updated)
    #[arg(long = "event", value_name = "NAME", value_parser = super::endpoints::EventName, hide_possible_values = true)]
    pub event: Option<String>,
    /// Payload field as key=value in dot notation (personio payload_data); repeatable
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
    /// The old name of --field (before --data meant a body everywhere); warns when used
    #[arg(long = "data", value_name = "KEY=VALUE", hide = true)]
    pub old_data: Vec<String>,
    #[command(flatten)]
    pub wait: super::wait::WaitOpts,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}
