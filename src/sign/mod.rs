//! Webhook signature schemes: pure functions, no I/O and no clock (the caller passes `now`).
//!
//! Every scheme mirrors the verdicts of its provider's official library, including the parts
//! that surprise people (Stripe keys are not base64-decoded, Stripe accepts future timestamps,
//! Standard Webhooks accepts a secret without its `whsec_` prefix). Each scheme file says which
//! library it follows and where it deliberately differs.
//!
//! Verification is on the hot path of `listen`, so the MACs are fed incrementally
//! (`id`, `.`, `ts`, `.`, body) instead of building the signed content in a new buffer.

use std::fmt;
use std::str::FromStr;

use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::output::Secret;

mod detect;
mod github;
mod shopify;
mod slack;
pub(crate) mod standard;
mod stripe;
mod svix;

pub(crate) use detect::{detect, SIGNATURE_HEADERS};

/// Allowed clock difference, in seconds, when the caller does not choose one.
pub(crate) const DEFAULT_TOLERANCE: u64 = 300;

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

/// The clock and the tolerance window of one verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Current Unix time in seconds.
    pub now: i64,
    /// Allowed age (and, except for Stripe, allowed skew into the future) in seconds; inclusive.
    pub tolerance: u64,
}

impl VerifyOptions {
    /// Options for `now` with the default tolerance (used by `benches/verify.rs` and tests).
    pub fn new(now: i64) -> Self {
        VerifyOptions { now, tolerance: DEFAULT_TOLERANCE }
    }
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions { now: 0, tolerance: DEFAULT_TOLERANCE }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// `secret_index` is the 0-based position of the secret that matched (rotation).
    Valid {
        scheme: Scheme,
        secret_index: usize,
    },
    Invalid {
        scheme: Option<Scheme>,
        reason: Reason,
    },
}

/// Why a signature was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Headers the scheme needs are absent; `looks_like` is the scheme the headers fit instead
    /// (when the scheme was chosen by hand and another one fits).
    Missing {
        headers: Vec<&'static str>,
        looks_like: Option<Scheme>,
    },
    /// No configured secret could be used for the scheme at all (e.g. a `whsec_` secret that
    /// is not base64, given with `--scheme auto`): the receiver's configuration is at fault,
    /// not the sender.
    Unusable(String),
    Other(String),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Missing { headers, looks_like } => {
                write!(f, "missing header {}", headers.join(", "))?;
                match looks_like {
                    Some(other) => write!(f, " (the headers look like {other})"),
                    None => Ok(()),
                }
            }
            Reason::Unusable(text) | Reason::Other(text) => f.write_str(text),
        }
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Self {
        Reason::Other(text)
    }
}

impl From<&str> for Reason {
    fn from(text: &str) -> Self {
        Reason::Other(text.to_string())
    }
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        matches!(self, Verdict::Valid { .. })
    }

    pub fn scheme(&self) -> Option<Scheme> {
        match self {
            Verdict::Valid { scheme, .. } => Some(*scheme),
            Verdict::Invalid { scheme, .. } => *scheme,
        }
    }

    pub fn reason(&self) -> Option<&Reason> {
        match self {
            Verdict::Valid { .. } => None,
            Verdict::Invalid { reason, .. } => Some(reason),
        }
    }

    pub fn secret_index(&self) -> Option<usize> {
        match self {
            Verdict::Valid { secret_index, .. } => Some(*secret_index),
            Verdict::Invalid { .. } => None,
        }
    }

    /// `{"valid", "scheme", "reason", "secret_index"}` with null where not applicable: the
    /// shape `verify --json` prints and `listen` records.
    pub fn to_json(&self) -> Value {
        json!({
            "valid": self.is_valid(),
            "scheme": self.scheme().map(Scheme::name),
            "reason": self.reason().map(Reason::to_string),
            "secret_index": self.secret_index(),
        })
    }

    fn invalid(scheme: Scheme, reason: impl Into<Reason>) -> Self {
        Verdict::Invalid { scheme: Some(scheme), reason: reason.into() }
    }

    fn missing(scheme: Scheme, headers: Vec<&'static str>) -> Self {
        Verdict::Invalid { scheme: Some(scheme), reason: Reason::Missing { headers, looks_like: None } }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    /// The secret cannot be used for this scheme (bad base64, empty, public key…); the text
    /// says what is wrong with "it", for the caller to name which secret.
    #[error("{0}")]
    BadSecret(String),
}

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

/// A fresh `msg_…` id in the style of Svix/Standard Webhooks (27 base62 characters).
pub fn new_message_id() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut rng = rand::thread_rng();
    let tail: String = (0..27).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    format!("msg_{tail}")
}

// ---- helpers shared by the scheme files ----

type HmacSha256 = Hmac<Sha256>;

/// The first header called `name` (ASCII case-insensitive), trimmed like HTTP does.
pub(crate) fn header<'a, H: HeaderPair>(headers: &'a [H], name: &str) -> Option<&'a str> {
    headers.iter().find(|h| h.name().trim().eq_ignore_ascii_case(name)).map(|h| h.value().trim())
}

/// A request header as the verifiers read it: owned pairs from the command line and capture
/// files, borrowed ones from the listener (no copy per request).
pub trait HeaderPair {
    fn name(&self) -> &str;
    fn value(&self) -> &str;
    /// The exact value bytes (forwarding and replay send these): the text, unless the value
    /// was not UTF-8.
    fn bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        std::borrow::Cow::Borrowed(self.value().as_bytes())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderPair for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }
    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

/// HMAC-SHA256 over the concatenation of `parts`, fed one by one (no copy of the body).
pub(crate) fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <HmacSha256 as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().into()
}

/// Constant-time equality of two strings (the length is not secret). The bytes are folded
/// eight at a time into one difference word, branch-free, and `subtle` makes the final
/// decision: `subtle`'s per-byte slice compare alone cost ~30% of a 1 KiB verification.
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u64;
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        let x = u64::from_le_bytes([x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]]);
        let y = u64::from_le_bytes([y[0], y[1], y[2], y[3], y[4], y[5], y[6], y[7]]);
        diff |= x ^ y;
    }
    for (x, y) in ra.iter().zip(rb) {
        diff |= u64::from(x ^ y);
    }
    bool::from(diff.ct_eq(&0))
}

/// Decimal text of `n` on the stack (the signed content re-prints the parsed timestamp).
pub(crate) struct Decimal {
    buf: [u8; 20],
    start: usize,
}

impl Decimal {
    pub(crate) fn new(n: i64) -> Self {
        let mut buf = [0u8; 20];
        let mut start = buf.len();
        let mut v = n.unsigned_abs();
        loop {
            start -= 1;
            buf[start] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        if n < 0 {
            start -= 1;
            buf[start] = b'-';
        }
        Decimal { buf, start }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[self.start..]
    }
}

/// Lower-case hex of a digest, on the stack.
pub(crate) fn hex32(d: &[u8; 32]) -> [u8; 64] {
    let mut out = [0u8; 64];
    // 64 bytes is exactly 2 × 32, so encoding cannot fail.
    let _ = hex::encode_to_slice(d, &mut out);
    out
}

/// "timestamp too old (412 s > 300 s)" or `None` when the age is within the tolerance.
/// `future_too` is false for Stripe, which accepts timestamps in the future.
pub(crate) fn check_tolerance(ts: i64, opts: VerifyOptions, future_too: bool) -> Option<String> {
    let age = i128::from(opts.now) - i128::from(ts);
    let tol = i128::from(opts.tolerance);
    if age > tol {
        return Some(format!("timestamp too old ({age} s > {tol} s)"));
    }
    if future_too && -age > tol {
        return Some(format!("timestamp too new ({} s in the future > {tol} s)", -age));
    }
    None
}

/// The reason when no secret produced a matching signature.
/// Tries each non-empty secret in order (rotation) with `matches(key)`; the first match wins.
/// Shared by the schemes whose key is the secret's bytes as written.
pub(crate) fn first_matching_secret(
    scheme: Scheme,
    secrets: &[Secret],
    mut matches: impl FnMut(&[u8]) -> bool,
) -> Verdict {
    let mut tried = 0;
    for (index, secret) in secrets.iter().enumerate() {
        let key = secret.expose().as_bytes();
        if key.is_empty() {
            continue;
        }
        tried += 1;
        if matches(key) {
            return Verdict::Valid { scheme, secret_index: index };
        }
    }
    if tried == 0 {
        return Verdict::invalid(scheme, "the secret is empty");
    }
    Verdict::invalid(scheme, no_match(tried))
}

/// How every "compared with the secrets, none matched" reason begins.
pub(crate) const NO_MATCH: &str = "no signature matched";

pub(crate) fn no_match(secrets: usize) -> String {
    format!("{NO_MATCH} ({secrets} tried)")
}

#[cfg(test)]
mod tests;
