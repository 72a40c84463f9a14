//! Arguments of `hookctl subscriptions`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  See which event types each endpoint receives:
    hookctl subscriptions list --provider xpath --sandbox
  Add an event type to an endpoint:
    hookctl subscriptions add wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW cases.closed")]
pub struct SubscriptionsArgs {
    #[command(subcommand)]
    pub command: SubscriptionsCommand,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}

#[derive(Debug, Subcommand)]
pub enum SubscriptionsCommand {
    /// Event types each endpoint receives (or one endpoint's)
    #[command(after_long_help = "Examples:
  hookctl subscriptions list
  hookctl subscriptions list wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW")]
    List {
        /// Only this endpoint
        endpoint: Option<String>,
    },
    /// The provider's event catalog
    #[command(after_long_help = "Examples:
  hookctl subscriptions types
  hookctl subscriptions types --provider personio")]
    Types,
    /// Subscribe an endpoint to more event types
    #[command(after_long_help = "Examples:
  hookctl subscriptions add wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW cases.closed
  hookctl subscriptions add wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW cases.created cases.closed")]
    Add {
        /// Endpoint id
        endpoint: String,
        /// Event types to add
        #[arg(required = true, value_parser = super::endpoints::EventName, hide_possible_values = true)]
        events: Vec<String>,
    },
    /// Unsubscribe an endpoint from event types
    #[command(after_long_help = "Examples:
  hookctl subscriptions remove wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW cases.closed
  hookctl subscriptions remove wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW cases.created cases.closed")]
    Remove {
        /// Endpoint id
        endpoint: String,
        /// Event types to remove
        #[arg(required = true, value_parser = super::endpoints::EventName, hide_possible_values = true)]
        events: Vec<String>,
    },
}
