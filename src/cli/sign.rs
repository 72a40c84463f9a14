//! Arguments of `hookctl sign`.

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use super::body::BodyArgs;
use crate::sign::Scheme;

/// A scheme that can sign: every one but `auto`, which only means something when verifying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignScheme(pub Scheme);

impl Default for SignScheme {
    fn default() -> Self {
        SignScheme(Scheme::Standard)
    }
}

/// Every scheme, in the library's order, as command-line values.
const SIGN_SCHEMES: [SignScheme; Scheme::ALL.len()] = {
    let mut out = [SignScheme(Scheme::Standard); Scheme::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = SignScheme(Scheme::ALL[i]);
        i += 1;
    }
    out
};

impl ValueEnum for SignScheme {
    fn value_variants<'a>() -> &'a [Self] {
        &SIGN_SCHEMES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()).help(self.0.describe()))
    }
}

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  Headers a Standard Webhooks sender would add to a body:
    hookctl sign --body-file body.json
  Stripe's header for a body on stdin, at a fixed time:
    hookctl sign --scheme stripe --body-file - --at 1700000000 < event.json")]
#[command(group = super::body::required())]
pub struct SignArgs {
    /// Signature scheme
    #[arg(long, value_enum, default_value_t)]
    pub scheme: SignScheme,
    /// Signing secret (whsec_… or whsk_… for ed25519) [env: HOOKCTL_SECRET]
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<crate::secret::Secret>,
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
