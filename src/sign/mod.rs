//! Webhook signature schemes: pure functions, no I/O and no clock (the caller passes `now`).
//!
//! Every scheme mirrors the verdicts of its provider's official library, including the parts
//! that surprise people (Stripe keys are not base64-decoded, Stripe accepts future timestamps,
//! Standard Webhooks accepts a secret without its `whsec_` prefix). Each scheme file says which
//! library it follows and where it deliberately differs.
//!
//! Verification is on the hot path of `listen`, so the MACs are fed incrementally
//! (`id`, `.`, `ts`, `.`, body) instead of building the signed content in a new buffer.

use crate::secret::Secret;

mod detect;
mod error;
mod github;
mod header;
mod mac;
mod scheme;
mod shopify;
mod slack;
pub(crate) mod standard;
mod stripe;
mod svix;
mod verdict;

pub(crate) use detect::{detect, SIGNATURE_HEADERS};
pub use error::SignError;
pub(crate) use header::header;
pub use header::HeaderPair;
pub(crate) use mac::{ct_eq, Decimal};
pub use scheme::Scheme;
pub(crate) use verdict::NO_MATCH;
pub use verdict::{Reason, Verdict, VerifyOptions};

/// What a secret is used for: signing needs a key that can sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyUse {
    Sign,
    Verify,
}

/// Checks once, before any request, that `secret` is a key `scheme` can use; the error says
/// what is wrong with it. `scheme: None` (detected per request) refuses only what no scheme
/// could use: `whsec_` secrets are not decoded then, because Stripe uses them as plain bytes.
pub fn check_secret(scheme: Option<Scheme>, key_use: KeyUse, secret: &Secret) -> Result<(), SignError> {
    let text = secret.expose();
    let bad = |m: &str| Err(SignError::BadSecret(m.to_string()));
    if text.is_empty() {
        return bad("it is empty");
    }
    if text.trim().is_empty() {
        return bad("it is only whitespace");
    }
    let ed25519 = text.starts_with(standard::PRIVATE_PREFIX) || text.starts_with(standard::PUBLIC_PREFIX);
    if key_use == KeyUse::Sign && text.starts_with(standard::PUBLIC_PREFIX) {
        return bad("a whpk_ public key can only verify; sign with the whsk_ secret key");
    }
    let decoded = || {
        standard::parse_key(text).map(drop).map_err(|e| {
            SignError::BadSecret(if text.trim() != text {
                format!("it has leading or trailing whitespace (a pasted newline?), so {e}")
            } else {
                e
            })
        })
    };
    match scheme {
        Some(Scheme::Standard | Scheme::Svix) => decoded(),
        None if ed25519 => decoded(),
        Some(s) if ed25519 => Err(SignError::BadSecret(format!(
            "a whsk_/whpk_ ed25519 key works with standard and svix only, not {s}"
        ))),
        _ => Ok(()),
    }
}

/// Verifies a request. `scheme: None` detects the scheme from the headers present. Every
/// secret is tried (rotation); the first that matches is reported. Never panics: malformed
/// input is an [`Verdict::Invalid`] with a reason.
pub fn verify(
    scheme: Option<Scheme>,
    secrets: &[Secret],
    headers: &[impl HeaderPair],
    body: &[u8],
    opts: VerifyOptions,
) -> Verdict {
    let scheme = match scheme.or_else(|| detect(headers)) {
        Some(s) => s,
        None => {
            return Verdict::Invalid {
                scheme: None,
                reason: format!("no signature headers found (looked for {})", SIGNATURE_HEADERS.join(", "))
                    .into(),
            }
        }
    };
    if secrets.is_empty() {
        return Verdict::invalid(scheme, "no secret to verify with");
    }
    let verdict = match scheme {
        Scheme::Standard => standard::verify(standard::STANDARD, secrets, headers, body, opts),
        Scheme::Svix => svix::verify(secrets, headers, body, opts),
        Scheme::Stripe => stripe::verify(secrets, headers, body, opts),
        Scheme::Github => github::verify(secrets, headers, body),
        Scheme::Shopify => shopify::verify(secrets, headers, body),
        Scheme::Slack => slack::verify(secrets, headers, body, opts),
    };
    // A scheme chosen by hand that does not fit the request: say what the headers look like.
    match verdict {
        Verdict::Invalid { scheme: Some(s), reason: Reason::Missing { headers: names, .. } } => {
            let looks_like = detect(headers).filter(|other| *other != s);
            Verdict::Invalid { scheme: Some(s), reason: Reason::Missing { headers: names, looks_like } }
        }
        v => v,
    }
}

/// The headers a provider would send for `body`. Schemes without an id or a timestamp ignore
/// them. A `whsk_` key signs Standard Webhooks/Svix with ed25519 (`v1a`).
pub fn sign(
    scheme: Scheme,
    secret: &Secret,
    id: &str,
    timestamp: i64,
    body: &[u8],
) -> Result<Vec<(String, String)>, SignError> {
    if secret.expose().is_empty() {
        return Err(SignError::BadSecret("the secret is empty".into()));
    }
    match scheme {
        Scheme::Standard => standard::sign(standard::STANDARD, secret, id, timestamp, body),
        Scheme::Svix => standard::sign(svix::SVIX, secret, id, timestamp, body),
        Scheme::Stripe => Ok(stripe::sign(secret, timestamp, body)),
        Scheme::Github => Ok(github::sign(secret, body)),
        Scheme::Shopify => Ok(shopify::sign(secret, body)),
        Scheme::Slack => Ok(slack::sign(secret, timestamp, body)),
    }
}

/// GitHub's legacy SHA-1 header for `body` (`X-Hub-Signature: sha1=…`), which no verifier
/// here accepts: `probe` sends it alone to check that a handler does not either.
pub(crate) fn github_sha1(secret: &Secret, body: &[u8]) -> (String, String) {
    github::sign_sha1(secret, body)
}

/// A fresh `msg_…` id in the style of Svix/Standard Webhooks (27 base62 characters).
pub fn new_message_id() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut rng = rand::thread_rng();
    let tail: String = (0..27).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    format!("msg_{tail}")
}

#[cfg(test)]
mod tests;
