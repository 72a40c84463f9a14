//! Arguments of `hookctl sign`.

use std::path::PathBuf;

use clap::Args;

use super::verify::SchemeArg;

#[derive(Debug, Args)]
pub struct SignArgs {
    /// Signature scheme
    #[arg(long, value_enum, default_value = "standard")]
    pub scheme: SchemeArg,
    /// Signing secret (whsec_… or whsk_… for ed25519) [env: HOOKCTL_SECRET]
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<String>,
    /// File with the raw body, or - for stdin
    #[arg(long, value_name = "FILE")]
    pub body_file: PathBuf,
    /// Message id (default: a fresh msg_… id)
    #[arg(long)]
    pub id: Option<String>,
    /// Timestamp to sign with (default: now)
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<i64>,

    #[command(flatten)]
    pub profile: super::ProfileOpt,
}
