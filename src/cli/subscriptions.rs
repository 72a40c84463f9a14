//! Arguments of `hookctl subscriptions`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct SubscriptionsArgs {
    #[command(subcommand)]
    pub command: SubscriptionsCommand,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}

#[derive(Debug, Subcommand)]
pub enum SubscriptionsCommand {
    /// Event types each endpoint receives (or one endpoint's)
    List { endpoint: Option<String> },
    /// The provider's event catalog
    Types,
    /// Subscribe an endpoint to more event types
    Add {
        endpoint: String,
        #[arg(required = true, value_parser = super::endpoints::EventName, hide_possible_values = true)]
        events: Vec<String>,
    },
    /// Unsubscribe an endpoint from event types
    Remove {
        endpoint: String,
        #[arg(required = true, value_parser = super::endpoints::EventName, hide_possible_values = true)]
        events: Vec<String>,
    },
}
