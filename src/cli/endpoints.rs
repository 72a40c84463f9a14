//! Arguments of `hookctl endpoints`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct EndpointsArgs {
    #[command(subcommand)]
    pub command: EndpointsCommand,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}

#[derive(Debug, Subcommand)]
pub enum EndpointsCommand {
    /// List endpoints
    List,
    /// Show one endpoint
    Get { id: String },
    /// Register an endpoint; prints its signing secret once
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
    Update {
        id: String,
        #[arg(long)]
        url: Option<String>,
        /// Replace the subscribed event types; repeatable
        #[arg(long = "event", value_name = "EVENT", value_parser = EventName, hide_possible_values = true)]
        events: Vec<String>,
        #[arg(long)]
        description: Option<String>,
    },
    /// Delete an endpoint (asks on a terminal)
    Delete {
        id: String,
        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Stop deliveries to an endpoint
    Pause { id: String },
    /// Resume deliveries to an endpoint
    Resume { id: String },
    /// Delete temporary endpoints left behind by `listen --register` runs that were killed
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
