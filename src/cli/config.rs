//! Arguments of `hookctl config`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
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
    /// Create or update a profile (prompts on a terminal for what no flag gives)
    Init(ConfigInitArgs),
    /// List profiles
    List,
    /// Show a profile with secrets masked (default: the one in use)
    Show {
        /// Profile name
        name: Option<String>,
    },
    /// Set a key of a profile (default: the one in use); an empty value unsets it
    Set {
        /// provider, base_url, token, secret, auth_header, routes.<name>, fields.<name>
        key: String,
        value: String,
    },
    /// Make a profile the one used by default
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
    pub secrets: Vec<String>,
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
