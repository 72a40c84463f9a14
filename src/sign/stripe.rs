//! Stripe: `Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>…]` over `ts.body`. Mirrors
//! stripe-node/stripe-python `WebhookSignature.verifyHeader`:
//! - the key is the whole `whsec_…` string as bytes, NOT base64-decoded;
//! - items are split on `,` then `=` without trimming; only `v1` items count (`v0` test-mode
//!   signatures and unknown schemes are ignored), and none at all is "no signatures found
//!   with expected scheme v1";
//! - signatures are checked before the timestamp, and only the past is limited: a timestamp
//!   in the future is accepted (age 300 s accepted, 301 s rejected).
//!
//! With several `t=` items the first wins (stripe-python; stripe-node keeps the last).

use super::header::{header, HeaderPair};
use super::mac::{ct_eq, hex32, hmac_sha256, Decimal};
use super::scheme::Scheme;
use super::verdict::{check_tolerance, first_matching_secret, Verdict, VerifyOptions};
use crate::secret::Secret;

pub(crate) const HEADER: &str = "Stripe-Signature";

pub(crate) fn verify(
    secrets: &[Secret],
    headers: &[impl HeaderPair],
    body: &[u8],
    opts: VerifyOptions,
) -> Verdict {
    let Some(value) = header(headers, HEADER).filter(|v| !v.is_empty()) else {
        return Verdict::missing(Scheme::Stripe, vec![HEADER]);
    };
    let mut ts_raw = None;
    let mut has_sig = false;
    for item in value.split(',') {
        let mut kv = item.split('=');
        match (kv.next(), kv.next()) {
            (Some("t"), Some(v)) if ts_raw.is_none() => ts_raw = Some(v),
            (Some("v1"), Some(_)) => has_sig = true,
            _ => {}
        }
    }
    let Some(ts) = ts_raw.and_then(|t| t.parse::<i64>().ok()) else {
        return Verdict::invalid(Scheme::Stripe, "unable to extract timestamp and signatures from header");
    };
    if !has_sig {
        return Verdict::invalid(Scheme::Stripe, "no signatures found with expected scheme v1");
    }
    let ts_text = Decimal::new(ts);
    let verdict = first_matching_secret(Scheme::Stripe, secrets, |key| {
        let expected = hex32(&hmac_sha256(key, &[ts_text.as_bytes(), b".", body]));
        value.split(',').any(|item| {
            let mut kv = item.split('=');
            kv.next() == Some("v1") && kv.next().is_some_and(|s| ct_eq(s.as_bytes(), &expected))
        })
    });
    // Stripe checks the signature first, then the age (and only the age: future is fine).
    if verdict.is_valid() {
        if let Some(reason) = check_tolerance(ts, opts, false) {
            return Verdict::invalid(Scheme::Stripe, reason);
        }
    }
    verdict
}

pub(crate) fn sign(secret: &Secret, timestamp: i64, body: &[u8]) -> Vec<(String, String)> {
    let ts = timestamp.to_string();
    let hex = hex32(&hmac_sha256(secret.expose().as_bytes(), &[ts.as_bytes(), b".", body]));
    vec![(HEADER.to_string(), format!("t={ts},v1={}", String::from_utf8_lossy(&hex)))]
}
