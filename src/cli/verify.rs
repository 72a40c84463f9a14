//! Arguments of `hookctl verify`.

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use super::body::BodyArgs;
use super::sign::SignScheme;
use crate::sign::Scheme;

/// A scheme to verify with: `auto` (`None`: detect from the headers) or one that signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SchemeArg(pub Option<Scheme>);

/// `auto`, then every scheme, as command-line values.
const VERIFY_SCHEMES: [SchemeArg; Scheme::ALL.len() + 1] = {
    let mut out = [SchemeArg(None); Scheme::ALL.len() + 1];
    let mut i = 0;
    while i < Scheme::ALL.len() {
        out[i + 1] = SchemeArg(Some(Scheme::ALL[i]));
        i += 1;
    }
    out
};

impl ValueEnum for SchemeArg {
    fn value_variants<'a>() -> &'a [Self] {
        &VERIFY_SCHEMES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        match self.0 {
            None => Some(PossibleValue::new("auto").help("Detect from the headers present")),
            Some(scheme) => SignScheme(scheme).to_possible_value(),
        }
    }
}

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  Check a request saved from your handler's logs:
    hookctl verify --body-file body.json -H 'webhook-id: msg_1' \\
      -H 'webhook-timestamp: 1700000000' -H 'webhook-signature: v1,K5oZ…'
  A GitHub delivery, the body given inline:
    hookctl verify --scheme github --data '{\"zen\":\"hi\"}' -H 'X-Hub-Signature-256: sha256=…'")]
#[command(group = super::body::required())]
pub struct VerifyArgs {
    /// Signature scheme
    #[arg(long, value_enum, default_value_t)]
    pub scheme: SchemeArg,
    /// Signing secret; repeat for rotation (any match is valid) [env: HOOKCTL_SECRET]
    #[arg(long = "secret", value_name = "SECRET")]
    pub secrets: Vec<crate::secret::Secret>,
    /// A request header as 'Name: value'; repeat for each
    #[arg(long = "header", short = 'H', value_name = "'NAME: VALUE'")]
    pub headers: Vec<String>,
    #[command(flatten)]
    pub body: BodyArgs,
    /// Pretend the current time is this Unix timestamp
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<i64>,
    /// Allowed clock difference, both ways (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", default_value = "300s", value_parser = super::duration::parse)]
    pub tolerance: std::time::Duration,

    #[command(flatten)]
    pub profile: super::ProfileOpt,
}
