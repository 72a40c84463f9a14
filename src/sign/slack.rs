//! Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256(secret, "v0:" ts ":" body)>` with
//! `X-Slack-Request-Timestamp`. Mirrors slack-sdk's `SignatureVerifier`: the timestamp header
//! text is signed as received (not re-printed), it is rejected when |now - ts| > 300 (both
//! directions, inclusive), and the whole `v0=…` string is compared.
//!
//! Deliberate difference: slack-sdk (Python) decodes the body as UTF-8 before signing and so
//! raises on other bytes; we sign the raw bytes, which is what Slack's server does.

use super::header::{header, HeaderPair};
use super::mac::{ct_eq, hex32, hmac_sha256};
use super::scheme::Scheme;
use super::verdict::{check_tolerance, first_matching_secret, Verdict, VerifyOptions};
use crate::secret::Secret;

pub(crate) const SIGNATURE: &str = "X-Slack-Signature";
pub(crate) const TIMESTAMP: &str = "X-Slack-Request-Timestamp";

pub(crate) fn verify(
    secrets: &[Secret],
    headers: &[impl HeaderPair],
    body: &[u8],
    opts: VerifyOptions,
) -> Verdict {
    let sig = header(headers, SIGNATURE).filter(|v| !v.is_empty());
    let ts_raw = header(headers, TIMESTAMP).filter(|v| !v.is_empty());
    let (sig, ts_raw) = match (sig, ts_raw) {
        (Some(s), Some(t)) => (s, t),
        (None, Some(_)) => return Verdict::missing(Scheme::Slack, vec![SIGNATURE]),
        (Some(_), None) => return Verdict::missing(Scheme::Slack, vec![TIMESTAMP]),
        (None, None) => return Verdict::missing(Scheme::Slack, vec![SIGNATURE, TIMESTAMP]),
    };
    let Ok(ts) = ts_raw.parse::<i64>() else {
        return Verdict::invalid(
            Scheme::Slack,
            format!("{TIMESTAMP} is not a Unix timestamp: '{}'", super::standard::shorten(ts_raw)),
        );
    };
    if let Some(reason) = check_tolerance(ts, opts, true) {
        return Verdict::invalid(Scheme::Slack, reason);
    }
    first_matching_secret(Scheme::Slack, secrets, |key| {
        let mut expected = [0u8; 67];
        expected[..3].copy_from_slice(b"v0=");
        expected[3..].copy_from_slice(&hex32(&hmac_sha256(key, &[b"v0:", ts_raw.as_bytes(), b":", body])));
        ct_eq(sig.as_bytes(), &expected)
    })
}

pub(crate) fn sign(secret: &Secret, timestamp: i64, body: &[u8]) -> Vec<(String, String)> {
    let ts = timestamp.to_string();
    let hex = hex32(&hmac_sha256(secret.expose().as_bytes(), &[b"v0:", ts.as_bytes(), b":", body]));
    vec![
        (TIMESTAMP.to_string(), ts),
        (SIGNATURE.to_string(), format!("v0={}", String::from_utf8_lossy(&hex))),
    ]
}
