//! Arguments of `hookctl demo`.

use clap::Args;

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  The whole loop in one command, offline, in a few seconds:
    hookctl demo
  One JSON summary document for scripts:
    hookctl demo --json")]
pub struct DemoArgs {
    /// Keep the temporary sandbox database instead of deleting it (its path is printed)
    #[arg(long)]
    pub keep: bool,
}
