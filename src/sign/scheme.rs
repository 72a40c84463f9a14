//! The signature schemes hookctl speaks, by name.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature` (v1 HMAC, v1a ed25519).
    Standard,
    /// Svix: the same algorithm with `svix-*` headers.
    Svix,
    /// Stripe: `Stripe-Signature: t=…,v1=…`.
    Stripe,
    /// GitHub: `X-Hub-Signature-256: sha256=…`.
    Github,
    /// Shopify: `X-Shopify-Hmac-Sha256: <base64>`.
    Shopify,
    /// Slack: `X-Slack-Signature: v0=…` with `X-Slack-Request-Timestamp`.
    Slack,
}

impl Scheme {
    pub const ALL: [Scheme; 6] =
        [Scheme::Standard, Scheme::Svix, Scheme::Stripe, Scheme::Github, Scheme::Shopify, Scheme::Slack];

    pub fn name(self) -> &'static str {
        match self {
            Scheme::Standard => "standard",
            Scheme::Svix => "svix",
            Scheme::Stripe => "stripe",
            Scheme::Github => "github",
            Scheme::Shopify => "shopify",
            Scheme::Slack => "slack",
        }
    }

    /// The scheme and its headers in a few words, for `--scheme` help.
    pub fn describe(self) -> &'static str {
        match self {
            Scheme::Standard => "Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)",
            Scheme::Svix => "Svix (svix-id / svix-timestamp / svix-signature)",
            Scheme::Stripe => "Stripe (Stripe-Signature: t=…,v1=…)",
            Scheme::Github => "GitHub (X-Hub-Signature-256)",
            Scheme::Shopify => "Shopify (X-Shopify-Hmac-Sha256)",
            Scheme::Slack => "Slack (X-Slack-Signature / X-Slack-Request-Timestamp)",
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Scheme {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scheme::ALL.into_iter().find(|x| x.name().eq_ignore_ascii_case(s.trim())).ok_or_else(|| {
            format!(
                "unknown signature scheme '{s}' (expected one of: {})",
                Scheme::ALL.map(Scheme::name).join(", ")
            )
        })
    }
}
