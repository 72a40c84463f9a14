//! Arguments of `hookctl config`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  Create a profile from flags (or HOOKCTL_* variables) without prompts:
    hookctl config init --no-input --provider closient --base-url https://api.example.test
  Store a signing secret for listen and verify:
    hookctl config set secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
  Switch profiles:
    hookctl config use staging")]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,

    #[command(flatten)]
    pub profile: super::ProfileOpt,
}

impl ConfigArgs {
    /// `config init` stores the connection flags it is given.
    pub fn connection(&self) -> Option<&super::ConnectionOpts> {
        match &self.command {
            ConfigCommand::Init(init) => Some(&init.connection),
            _ => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on
    /// a terminal for the rest; refuses when nothing is given)
    #[command(after_long_help = "Examples:
  hookctl config init
  hookctl config init --no-input --name ci --provider closient \\
    --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
  HOOKCTL_PROVIDER=partner HOOKCTL_TOKEN=… hookctl config init --no-input --name partner")]
    Init(ConfigInitArgs),
    /// List profiles
    #[command(after_long_help = "Examples:
  hookctl config list
  hookctl config list --json")]
    List,
    /// Show a profile with secrets masked (default: the one in use)
    #[command(after_long_help = "Examples:
  hookctl config show
  hookctl config show staging --json")]
    Show {
        /// Profile name
        name: Option<String>,
    },
    /// Set a key of a profile (default: the one in use); an empty value unsets it
    #[command(after_long_help = "Examples:
  hookctl config set base_url https://api.example.test
  hookctl config set routes.events.list /v2/events
  hookctl config set secret ''")]
    Set {
        /// provider, base_url, token, secret, auth_header, routes.<name>, fields.<name>
        key: String,
        /// The new value; empty to unset (a secret is added to the list, empty clears it)
        value: String,
    },
    /// Make a profile the one used by default
    #[command(after_long_help = "Examples:
  hookctl config use staging
  hookctl config use default")]
    Use {
        /// Profile name
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct ConfigInitArgs {
    /// Profile name [default: the --profile given, else "default"]
    #[arg(long)]
    pub name: Option<String>,
    /// Webhook signing secret for listen/verify (repeat for rotation)
    #[arg(long = "secret", value_name = "SECRET")]
    pub secrets: Vec<crate::secret::Secret>,
    /// Header carrying the token instead of the preset's (e.g. XApiKey)
    #[arg(long, value_name = "NAME")]
    pub auth_header: Option<String>,
    /// Never prompt, even on a terminal
    #[arg(long)]
    pub no_input: bool,
    /// Replace the profile if it exists (otherwise given values are merged into it)
    #[arg(long)]
    pub force: bool,
    /// Do not make this profile the default
    #[arg(long)]
    pub no_use: bool,

    #[command(flatten)]
    pub connection: super::ConnectionOpts,
}
