//! Arguments of `hookctl completions` and `hookctl man`.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to generate completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Directory to write the pages to (one per command); without it, print hookctl.1
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}
