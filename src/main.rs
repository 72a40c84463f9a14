use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = hookctl::cli::Cli::parse();
    ExitCode::from(hookctl::run(cli))
}
