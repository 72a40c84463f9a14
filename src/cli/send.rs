//! Arguments of `hookctl send`.

use clap::Args;

use super::body::BodyArgs;
use super::sign::SignScheme;

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  POST a signed sample event to a local handler:
    hookctl send http://127.0.0.1:3000/hooks --event cases.created
  Your own body, signed GitHub-style:
    hookctl send http://127.0.0.1:3000/hooks --scheme github --data @push.json \\
      -H 'X-GitHub-Event: push'
  A form-encoded Slack command:
    hookctl send http://127.0.0.1:3000/slack --scheme slack --data 'command=/hi' \\
      -H 'Content-Type: application/x-www-form-urlencoded'")]
pub struct SendArgs {
    /// Where to POST the event
    pub url: String,
    /// Signature scheme
    #[arg(long, value_enum, default_value_t)]
    pub scheme: SignScheme,
    /// Signing secret [env: HOOKCTL_SECRET]
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<crate::secret::Secret>,
    /// Event type of the sample payload (e.g. case.assigned, cases.created, person.updated)
    #[arg(long = "event", value_name = "TYPE")]
    pub event: Option<String>,
    #[command(flatten)]
    pub body: BodyArgs,
    /// Extra request header 'Name: value'
    #[arg(long = "header", short = 'H', value_name = "'NAME: VALUE'")]
    pub headers: Vec<String>,
    /// Message id to sign with (default: a fresh msg_… id)
    #[arg(long)]
    pub id: Option<String>,
    /// Timestamp to sign with (default: now)
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<i64>,
    /// How long the handler may take to answer (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, alias = "timeout", value_name = "DURATION", default_value = "30s", value_parser = super::duration::parse)]
    pub request_timeout: std::time::Duration,

    #[command(flatten)]
    pub profile: super::ProfileOpt,
}
