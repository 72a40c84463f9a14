//! Arguments of `hookctl sign`.

use clap::{Args, ValueEnum};

use super::body::BodyArgs;

/// The schemes that can sign: every one but `auto`, which only means something when verifying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SignScheme {
    /// Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)
    #[default]
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
  Headers a Standard Webhooks sender would add to a body:
    hookctl sign --body-file body.json
  Stripe's header for a body on stdin, at a fixed time:
    hookctl sign --scheme stripe --body-file - --at 1700000000 < event.json")]
pub struct SignArgs {
    /// Signature scheme
    #[arg(long, value_enum, default_value_t)]
    pub scheme: SignScheme,
    /// Signing secret (whsec_… or whsk_… for ed25519) [env: HOOKCTL_SECRET]
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<String>,
    #[command(flatten)]
    pub body: BodyArgs,
    /// Message id (default: a fresh msg_… id)
    #[arg(long)]
    pub id: Option<String>,
    /// Timestamp to sign with (default: now)
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<i64>,

    #[command(flatten)]
    pub profile: super::ProfileOpt,
}
