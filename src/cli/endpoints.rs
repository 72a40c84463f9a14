//! Arguments of `hookctl endpoints`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  List the endpoints of the provider in use (the ids below are `hookctl sandbox`'s):
    hookctl endpoints list --provider xpath --sandbox
  Register a local receiver for one event type and keep its secret in the profile:
    hookctl endpoints create --url https://example.test/hooks --event cases.created --save-secret
  Pause an endpoint while its handler is down:
    hookctl endpoints pause wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW")]
pub struct EndpointsArgs {
    #[command(subcommand)]
    pub command: EndpointsCommand,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}

#[derive(Debug, Subcommand)]
pub enum EndpointsCommand {
    /// List endpoints
    #[command(after_long_help = "Examples:
  hookctl endpoints list
  hookctl endpoints list --json")]
    List,
    /// Show one endpoint
    #[command(after_long_help = "Examples:
  hookctl endpoints get wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW
  hookctl endpoints get wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW --json")]
    Get {
        /// Endpoint id
        id: String,
    },
    /// Register an endpoint; prints its signing secret once
    #[command(after_long_help = "Examples:
  hookctl endpoints create --url https://example.test/hooks --event cases.created
  hookctl endpoints create --url https://example.test/hooks --paused \\
    --event cases.created --event cases.closed
  hookctl endpoints create --url https://example.test/hooks --event cases.created --save-secret")]
    Create {
        /// Destination URL
        #[arg(long)]
        url: String,
        /// Event type to subscribe to; repeatable
        #[arg(long = "event", value_name = "EVENT", required = true, value_parser = EventName, hide_possible_values = true)]
        events: Vec<String>,
        /// Label
        #[arg(long)]
        description: Option<String>,
        /// Create it paused
        #[arg(long)]
        paused: bool,
        /// Store the returned signing secret in the current profile without asking
        #[arg(long)]
        save_secret: bool,
    },
    /// Change an endpoint's URL, events, description or status
    #[command(after_long_help = "Examples:
  hookctl endpoints update wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW --url https://example.test/new-hooks
  hookctl endpoints update wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW --event cases.created --event cases.closed")]
    Update {
        /// Endpoint id
        id: String,
        /// New destination URL
        #[arg(long)]
        url: Option<String>,
        /// Replace the subscribed event types; repeatable
        #[arg(long = "event", value_name = "EVENT", value_parser = EventName, hide_possible_values = true)]
        events: Vec<String>,
        /// New label
        #[arg(long)]
        description: Option<String>,
    },
    /// Delete an endpoint (asks on a terminal)
    #[command(after_long_help = "Examples:
  hookctl endpoints delete wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW
  hookctl endpoints delete wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW --yes")]
    Delete {
        /// Endpoint id
        id: String,
        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Stop deliveries to an endpoint
    #[command(after_long_help = "Examples:
  hookctl endpoints pause wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW
  hookctl endpoints pause wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW --json")]
    Pause {
        /// Endpoint id
        id: String,
    },
    /// Resume deliveries to an endpoint
    #[command(after_long_help = "Examples:
  hookctl endpoints resume wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW
  hookctl endpoints resume wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW --json")]
    Resume {
        /// Endpoint id
        id: String,
    },
    /// Delete temporary endpoints left behind by `listen --register` runs that were killed
    #[command(after_long_help = "Examples:
  hookctl endpoints cleanup
  hookctl endpoints cleanup --json")]
    Cleanup,
}

/// Accepts any event name, but offers every preset's catalog to shell completion. The
/// provider is only known at run time (flag, env or profile), so validation against its
/// catalog happens in the command, with a usage error that lists what is allowed.
#[derive(Debug, Clone, Copy)]
pub struct EventName;

impl clap::builder::TypedValueParser for EventName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let names = crate::providers::PRESETS
            .iter()
            .flat_map(|p| p.events.iter())
            .map(|e| clap::builder::PossibleValue::new(e.name).help(e.description));
        Some(Box::new(names))
    }
}
