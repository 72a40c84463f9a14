//! `--wait` and `--timeout`, shared by the commands that start a delivery (`fire`, `test`).

use std::time::Duration;

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct WaitOpts {
    /// Wait until the deliveries it started are terminal (delivered or failed)
    #[arg(long = "wait")]
    pub enabled: bool,
    /// With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "30s",
        value_parser = super::duration::parse,
        requires = "enabled"
    )]
    pub timeout: Duration,
}
