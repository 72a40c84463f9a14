//! Arguments of `hookctl send`.

use clap::Args;

use super::verify::SchemeArg;

#[derive(Debug, Args)]
pub struct SendArgs {
    /// Where to POST the event
    pub url: String,
    /// Signature scheme
    #[arg(long, value_enum, default_value = "standard")]
    pub scheme: SchemeArg,
    /// Signing secret [env: HOOKCTL_SECRET]
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<String>,
    /// Event type of the sample payload (e.g. case.assigned, cases.created, person.updated)
    #[arg(long = "event", value_name = "TYPE")]
    pub event: Option<String>,
    /// Body instead of the sample: JSON text, @file, or - for stdin (any format when
    /// -H 'Content-Type: …' names a non-JSON type)
    #[arg(long, value_name = "JSON|@FILE|-")]
    pub data: Option<String>,
    /// Extra request header 'Name: value'
    #[arg(long = "header", short = 'H', value_name = "'NAME: VALUE'")]
    pub headers: Vec<String>,
    /// Message id to sign with (default: a fresh msg_… id)
    #[arg(long)]
    pub id: Option<String>,
    /// Timestamp to sign with (default: now)
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<i64>,
    /// Request timeout
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = humantime::parse_duration)]
    pub timeout: std::time::Duration,

    #[command(flatten)]
    pub profile: super::ProfileOpt,
}
