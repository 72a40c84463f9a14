//! How a request body is given on the command line: the same two flags on `sign`, `verify`
//! and `send`.

use std::path::PathBuf;

use clap::Args;

/// For commands that cannot do without a body: one of the two flags is required (clap then
/// says so, and the usage line shows both).
pub fn required() -> clap::ArgGroup {
    clap::ArgGroup::new("body").args(["data", "body_file"]).required(true)
}

/// `--data TEXT|@FILE|-` (curl's spelling) or `--body-file FILE|-`; one of them at most.
#[derive(Debug, Clone, Default, Args)]
pub struct BodyArgs {
    /// The raw body: the text itself, @FILE to read a file, or - for stdin
    #[arg(long, value_name = "TEXT|@FILE|-", conflicts_with = "body_file")]
    pub data: Option<String>,
    /// File with the raw body, or - for stdin (same as --data @FILE)
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
}
