//! Arguments of `hookctl verify`.

use clap::{Args, ValueEnum};

use super::body::BodyArgs;

/// Signature schemes as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SchemeArg {
    /// Detect from the headers present
    #[default]
    Auto,
    /// Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)
    Standard,
    /// Svix (svix-id / svix-timestamp / svix-signature)
    Svix,
    /// Stripe (Stripe-Signature: t=…,v1=…)
    Stripe,
    /// GitHub (X-Hub-Signature-256)
    Github,
    /// Shopify (X-Shopify-Hmac-Sha256)
    Shopify,
    /// Slack (X-Slack-Signature / X-Slack-Request-Timestamp)
    Slack,
}

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  Check a request saved from your handler's logs:
    hookctl verify --body-file body.json -H 'webhook-id: msg_1' -H 'webhook-timestamp: 1700000000' -H 'webhook-signature: v1,K5oZ…'
  A GitHub delivery, the body given inline:
    hookctl verify --scheme github --data '{\"zen\":\"hi\"}' -H 'X-Hub-Signature-256: sha256=…'")]
pub struct VerifyArgs {
    /// Signature scheme
    #[arg(long, value_enum, default_value_t)]
    pub scheme: SchemeArg,
    /// Signing secret; repeat for rotation (any match is valid) [env: HOOKCTL_SECRET]
    #[arg(long = "secret", value_name = "SECRET")]
    pub secrets: Vec<String>,
    /// A request header as 'Name: value'; repeat for each
    #[arg(long = "header", short = 'H', value_name = "'NAME: VALUE'")]
    pub headers: Vec<String>,
    #[command(flatten)]
    pub body: BodyArgs,
    /// Pretend the current time is this Unix timestamp
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<i64>,
    /// Allowed clock difference in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub tolerance: u64,

    #[command(flatten)]
    pub profile: super::ProfileOpt,
}
