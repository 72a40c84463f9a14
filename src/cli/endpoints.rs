use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct EndpointsArgs {
    #[command(subcommand)]
    pub command: EndpointsCommand,
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
        #[arg(long = "event", value_name = "EVENT", required = true)]
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
        #[arg(long = "event", value_name = "EVENT")]
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
}
