//! Standard Webhooks v1 (HMAC-SHA256) and v1a (ed25519), following the reference libraries in
//! standard-webhooks/standard-webhooks (Go and JavaScript):
//! - signed content `id.timestamp.body`; the timestamp is the header parsed as an integer
//!   and printed again (so `+0123` signs as `123`, like every reference library), and a
//!   fraction is dropped (`123.9` signs as `123`, like the JS and Python libraries);
//! - the key is the base64 after `whsec_`; a secret without the prefix is base64-decoded
//!   whole, as the reference libraries do (only a trailing-bit-lenient, padded decode);
//! - `webhook-signature` is a space-separated list of `version,signature`; entries of other
//!   versions and entries without a comma are skipped; any match wins;
//! - v1 signatures are compared as base64 strings in constant time (Go/JS do the same), so a
//!   signature without its `=` padding does not match;
//! - tolerance both ways, inclusive: age 300 accepted, 301 rejected ("too old"/"too new").
//!
//! Deliberate difference: the JS/Python libraries also `JSON.parse` the body after a match and
//! fail on non-JSON. We verify bytes, like the Go and Rust libraries, so any body can be checked.

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

use super::error::SignError;
use super::header::{header, HeaderPair};
use super::mac::{ct_eq, hmac_sha256, Decimal};
use super::scheme::Scheme;
use super::verdict::{check_tolerance, no_match, Verdict, VerifyOptions};
use crate::secret::Secret;

/// Header names of one flavour (Standard Webhooks or Svix).
pub(crate) struct Names {
    pub scheme: Scheme,
    pub id: &'static str,
    pub timestamp: &'static str,
    pub signature: &'static str,
    /// Svix libraries fall back to the unbranded `webhook-*` headers.
    pub fallback: Option<&'static Names>,
}

pub(crate) const STANDARD: &Names = &Names {
    scheme: Scheme::Standard,
    id: "webhook-id",
    timestamp: "webhook-timestamp",
    signature: "webhook-signature",
    fallback: None,
};

pub(crate) const SECRET_PREFIX: &str = "whsec_";
pub(crate) const PRIVATE_PREFIX: &str = "whsk_";
pub(crate) const PUBLIC_PREFIX: &str = "whpk_";

/// Go's `base64.StdEncoding`: padding required, non-zero trailing bits tolerated.
const B64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
);

pub(crate) enum Key {
    Hmac(HmacKey),
    Public(VerifyingKey),
    Private(SigningKey),
}

/// An HMAC key, inline when it fits (Svix/Standard keys are 24–32 bytes): no allocation on
/// the verification hot path.
pub(crate) struct HmacKey {
    inline: [u8; 64],
    len: usize,
    heap: Vec<u8>,
}

impl HmacKey {
    fn decode(b64: &str) -> Result<Self, base64::DecodeSliceError> {
        let mut inline = [0u8; 64];
        match B64.decode_slice(b64, &mut inline) {
            Ok(len) => Ok(HmacKey { inline, len, heap: Vec::new() }),
            Err(base64::DecodeSliceError::OutputSliceTooSmall) => {
                let heap = B64.decode(b64).map_err(base64::DecodeSliceError::DecodeError)?;
                Ok(HmacKey { inline, len: 0, heap })
            }
            Err(e) => Err(e),
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        if self.heap.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.heap
        }
    }
}

/// Parses a secret: `whsec_<b64>` (HMAC), `whsk_<b64>` (ed25519 seed, or the 64-byte
/// seed‖public form), `whpk_<b64>` (ed25519 public key), or bare base64 (HMAC).
pub(crate) fn parse_key(secret: &str) -> Result<Key, String> {
    if let Some(rest) = secret.strip_prefix(PRIVATE_PREFIX) {
        let bytes = B64.decode(rest).map_err(|_| "the whsk_ key is not valid base64".to_string())?;
        return match bytes.len() {
            32 => {
                let mut seed = [0u8; 32];
                seed.copy_from_slice(&bytes);
                Ok(Key::Private(SigningKey::from_bytes(&seed)))
            }
            64 => {
                let mut pair = [0u8; 64];
                pair.copy_from_slice(&bytes);
                SigningKey::from_keypair_bytes(&pair)
                    .map(Key::Private)
                    .map_err(|_| "the whsk_ key's public half does not match its seed".to_string())
            }
            n => Err(format!("the whsk_ key decodes to {n} bytes (an ed25519 seed is 32)")),
        };
    }
    if let Some(rest) = secret.strip_prefix(PUBLIC_PREFIX) {
        let bytes = B64.decode(rest).map_err(|_| "the whpk_ key is not valid base64".to_string())?;
        let arr: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| format!("the whpk_ key decodes to {} bytes (an ed25519 key is 32)", bytes.len()))?;
        return VerifyingKey::from_bytes(&arr)
            .map(Key::Public)
            .map_err(|_| "the whpk_ key is not a valid ed25519 public key".to_string());
    }
    let (rest, what) = match secret.strip_prefix(SECRET_PREFIX) {
        Some(rest) => (rest, "the part after whsec_"),
        None => (secret, "the secret (no whsec_ prefix, so the whole string)"),
    };
    let key = HmacKey::decode(rest).map_err(|_| format!("{what} is not valid base64"))?;
    if key.as_bytes().is_empty() {
        return Err("the secret is empty".into());
    }
    Ok(Key::Hmac(key))
}

fn get<'a, H: HeaderPair>(
    headers: &'a [H],
    names: &Names,
    pick: fn(&Names) -> &'static str,
) -> Option<&'a str> {
    header(headers, pick(names))
        .filter(|v| !v.is_empty())
        .or_else(|| names.fallback.and_then(|f| header(headers, pick(f)).filter(|v| !v.is_empty())))
}

/// `(version, signature)` pairs of a signature header, Go/JS style: split on spaces, then on
/// commas, keeping the second field; entries without a comma are skipped.
fn entries(value: &str) -> impl Iterator<Item = (&str, &str)> {
    value.split(' ').filter_map(|e| {
        let mut parts = e.split(',');
        let version = parts.next()?;
        let sig = parts.next()?;
        Some((version, sig))
    })
}

pub(crate) fn verify(
    names: &Names,
    secrets: &[Secret],
    headers: &[impl HeaderPair],
    body: &[u8],
    opts: VerifyOptions,
) -> Verdict {
    let scheme = names.scheme;
    let id = get(headers, names, |n| n.id);
    let ts = get(headers, names, |n| n.timestamp);
    let sig = get(headers, names, |n| n.signature);
    let (id, ts_raw, sig) = match (id, ts, sig) {
        (Some(i), Some(t), Some(s)) => (i, t, s),
        _ => {
            let missing: Vec<&'static str> = [(id, names.id), (ts, names.timestamp), (sig, names.signature)]
                .iter()
                .filter(|(v, _)| v.is_none())
                .map(|(_, n)| *n)
                .collect();
            return Verdict::missing(scheme, missing);
        }
    };
    let Some(ts) = parse_timestamp(ts_raw) else {
        return Verdict::invalid(
            scheme,
            format!("{} is not a Unix timestamp: '{}'", names.timestamp, shorten(ts_raw)),
        );
    };
    if let Some(reason) = check_tolerance(ts, opts, true) {
        return Verdict::invalid(scheme, reason);
    }
    let ts_text = Decimal::new(ts);
    let ts_text = ts_text.as_bytes();

    let mut key_errors = Vec::new();
    let mut tried = 0;
    let mut candidates = 0;
    for (index, secret) in secrets.iter().enumerate() {
        let key = match parse_key(secret.expose()) {
            Ok(k) => k,
            Err(e) => {
                key_errors.push(format!("secret #{}: {e}", index + 1));
                continue;
            }
        };
        tried += 1;
        let matched = match &key {
            Key::Hmac(k) => {
                let mac = hmac_sha256(k.as_bytes(), &[id.as_bytes(), b".", ts_text, b".", body]);
                let mut expected = [0u8; 44];
                // 32 bytes always encode to exactly 44 base64 characters.
                let n = B64.encode_slice(mac, &mut expected).unwrap_or(0);
                let expected = &expected[..n];
                entries(sig).filter(|(v, _)| *v == "v1").any(|(_, s)| {
                    candidates += 1;
                    ct_eq(s.as_bytes(), expected)
                })
            }
            Key::Public(pk) => verify_v1a(pk, id, ts_text, body, sig, &mut candidates),
            Key::Private(sk) => verify_v1a(&sk.verifying_key(), id, ts_text, body, sig, &mut candidates),
        };
        if matched {
            return Verdict::Valid { scheme, secret_index: index };
        }
    }
    if tried == 0 {
        return Verdict::invalid(scheme, super::verdict::Reason::Unusable(key_errors.join("; ")));
    }
    if candidates == 0 {
        return Verdict::invalid(
            scheme,
            format!(
                "{} has no signature of the key's version (v1 for whsec_, v1a for whpk_/whsk_)",
                names.signature
            ),
        );
    }
    let mut reason = no_match(tried);
    if !key_errors.is_empty() {
        reason.push_str(&format!("; skipped {}", key_errors.join("; ")));
    }
    Verdict::invalid(scheme, reason)
}

/// An integer, or a decimal whose fraction is dropped: the JavaScript (`parseInt`) and Python
/// (`floor(float(…))`) reference libraries both accept `1614265330.5` and sign `1614265330`.
/// Trailing junk (`123abc`) is refused, as Python, Go and Rust do (only `parseInt` takes it).
fn parse_timestamp(raw: &str) -> Option<i64> {
    if let Ok(n) = raw.parse::<i64>() {
        return Some(n);
    }
    let (int, frac) = raw.split_once('.')?;
    let digits = int.strip_prefix(['+', '-']).unwrap_or(int);
    if digits.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    int.parse::<i64>().ok()
}

fn verify_v1a(
    pk: &VerifyingKey,
    id: &str,
    ts: &[u8],
    body: &[u8],
    sig: &str,
    candidates: &mut usize,
) -> bool {
    // ed25519 hashes the message twice, so it needs it whole (no incremental feed).
    let mut message = Vec::with_capacity(id.len() + ts.len() + body.len() + 2);
    message.extend_from_slice(id.as_bytes());
    message.push(b'.');
    message.extend_from_slice(ts);
    message.push(b'.');
    message.extend_from_slice(body);
    entries(sig).filter(|(v, _)| *v == "v1a").any(|(_, s)| {
        *candidates += 1;
        let mut raw = [0u8; 66];
        match B64.decode_slice(s, &mut raw) {
            Ok(64) => {
                let mut arr = [0u8; 64];
                arr.copy_from_slice(&raw[..64]);
                pk.verify(&message, &Signature::from_bytes(&arr)).is_ok()
            }
            _ => false,
        }
    })
}

pub(crate) fn sign(
    names: &Names,
    secret: &Secret,
    id: &str,
    timestamp: i64,
    body: &[u8],
) -> Result<Vec<(String, String)>, SignError> {
    let ts = timestamp.to_string();
    let signature = match parse_key(secret.expose()).map_err(SignError::BadSecret)? {
        Key::Hmac(k) => {
            format!(
                "v1,{}",
                B64.encode(hmac_sha256(k.as_bytes(), &[id.as_bytes(), b".", ts.as_bytes(), b".", body]))
            )
        }
        Key::Private(sk) => {
            let mut message = Vec::with_capacity(id.len() + ts.len() + body.len() + 2);
            for part in [id.as_bytes(), b".", ts.as_bytes(), b".", body] {
                message.extend_from_slice(part);
            }
            format!("v1a,{}", B64.encode(sk.sign(&message).to_bytes()))
        }
        Key::Public(_) => {
            return Err(SignError::BadSecret(
                "a whpk_ public key can only verify; sign with the whsk_ secret key".into(),
            ))
        }
    };
    Ok(vec![
        (names.id.to_string(), id.to_string()),
        (names.timestamp.to_string(), ts),
        (names.signature.to_string(), signature),
    ])
}

/// Untrusted header text in a reason: short enough for one line.
pub(crate) fn shorten(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}

/// A fresh ed25519 key pair as (`whsk_` seed, `whpk_` public key).
#[cfg(test)]
pub(crate) fn generate_keypair() -> (Secret, String) {
    let sk = SigningKey::generate(&mut rand::rngs::OsRng);
    (
        Secret::new(format!("{PRIVATE_PREFIX}{}", B64.encode(sk.to_bytes()))),
        format!("{PUBLIC_PREFIX}{}", B64.encode(sk.verifying_key().to_bytes())),
    )
}
