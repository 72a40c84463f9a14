//! Arguments of `hookctl completions` and `hookctl man`.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  hookctl completions bash > ~/.local/share/bash-completion/completions/hookctl
  hookctl completions zsh > ~/.zfunc/_hookctl")]
pub struct CompletionsArgs {
    /// Shell to generate completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  hookctl man --out /usr/local/share/man/man1
  hookctl man | man -l -")]
pub struct ManArgs {
    /// Directory to write the pages to (one per command); without it, print hookctl.1
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}
