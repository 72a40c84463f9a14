//! TEMPORARY shim with the fixed public API of `crate::sign` (being written on branch `sign`).
//! Supports standard/svix/github only; replaced by `crate::sign` as soon as that branch lands.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::output::Secret;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Standard,
    Svix,
    Stripe,
    Github,
    Shopify,
    Slack,
}

impl Scheme {
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
}

impl std::str::FromStr for Scheme {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "standard" => Scheme::Standard,
            "svix" => Scheme::Svix,
            "stripe" => Scheme::Stripe,
            "github" => Scheme::Github,
            "shopify" => Scheme::Shopify,
            "slack" => Scheme::Slack,
            _ => return Err(format!("unknown scheme '{s}'")),
        })
    }
}

#[derive(Debug, Clone, Copy)]
pub struct VerifyOptions {
    pub now: i64,
    pub tolerance: u64,
}

#[allow(dead_code)]
#[derive(Debug, Clone)]
pub enum Verdict {
    Valid { scheme: Scheme, secret_index: usize },
    Invalid { scheme: Option<Scheme>, reason: String },
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SignError(String);

fn h<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

pub fn detect(headers: &[(String, String)]) -> Option<Scheme> {
    if h(headers, "webhook-signature").is_some() {
        Some(Scheme::Standard)
    } else if h(headers, "svix-signature").is_some() {
        Some(Scheme::Svix)
    } else if h(headers, "x-hub-signature-256").is_some() {
        Some(Scheme::Github)
    } else {
        None
    }
}

fn key(secret: &Secret) -> Vec<u8> {
    let s = secret.expose();
    match s.strip_prefix("whsec_") {
        Some(b) => {
            base64::engine::general_purpose::STANDARD.decode(b).unwrap_or_else(|_| s.as_bytes().to_vec())
        }
        None => s.as_bytes().to_vec(),
    }
}

fn mac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut m = Hmac::<Sha256>::new_from_slice(key).expect("hmac accepts any key");
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().to_vec()
}

pub fn verify(
    scheme: Option<Scheme>,
    secrets: &[Secret],
    headers: &[(String, String)],
    body: &[u8],
    opts: VerifyOptions,
) -> Verdict {
    let Some(scheme) = scheme.or_else(|| detect(headers)) else {
        return Verdict::Invalid { scheme: None, reason: "no signature headers found".into() };
    };
    let invalid = |reason: &str| Verdict::Invalid { scheme: Some(scheme), reason: reason.into() };
    match scheme {
        Scheme::Standard | Scheme::Svix => {
            let p = if scheme == Scheme::Standard { "webhook" } else { "svix" };
            let (Some(id), Some(ts), Some(sig)) = (
                h(headers, &format!("{p}-id")),
                h(headers, &format!("{p}-timestamp")),
                h(headers, &format!("{p}-signature")),
            ) else {
                return invalid("missing signature headers");
            };
            let Ok(t) = ts.parse::<i64>() else { return invalid("bad timestamp") };
            if (opts.now - t).unsigned_abs() > opts.tolerance {
                return invalid("timestamp outside the tolerance");
            }
            for (i, s) in secrets.iter().enumerate() {
                let want = base64::engine::general_purpose::STANDARD
                    .encode(mac(&key(s), &[id.as_bytes(), b".", ts.as_bytes(), b".", body]));
                if sig.split(' ').any(|v| v.strip_prefix("v1,") == Some(want.as_str())) {
                    return Verdict::Valid { scheme, secret_index: i };
                }
            }
            invalid("no matching signature")
        }
        Scheme::Github => {
            let Some(sig) = h(headers, "x-hub-signature-256") else { return invalid("missing signature") };
            for (i, s) in secrets.iter().enumerate() {
                let want = format!("sha256={}", hex::encode(mac(s.expose().as_bytes(), &[body])));
                if sig == want {
                    return Verdict::Valid { scheme, secret_index: i };
                }
            }
            invalid("no matching signature")
        }
        _ => invalid("scheme not supported by the shim"),
    }
}

pub fn sign(
    scheme: Scheme,
    secret: &Secret,
    id: &str,
    timestamp: i64,
    body: &[u8],
) -> Result<Vec<(String, String)>, SignError> {
    match scheme {
        Scheme::Standard | Scheme::Svix => {
            let p = if scheme == Scheme::Standard { "webhook" } else { "svix" };
            let ts = timestamp.to_string();
            let sig = base64::engine::general_purpose::STANDARD
                .encode(mac(&key(secret), &[id.as_bytes(), b".", ts.as_bytes(), b".", body]));
            Ok(vec![
                (format!("{p}-id"), id.to_string()),
                (format!("{p}-timestamp"), ts),
                (format!("{p}-signature"), format!("v1,{sig}")),
            ])
        }
        Scheme::Github => Ok(vec![(
            "X-Hub-Signature-256".into(),
            format!("sha256={}", hex::encode(mac(secret.expose().as_bytes(), &[body]))),
        )]),
        _ => Err(SignError("scheme not supported by the shim".into())),
    }
}

pub fn new_message_id() -> String {
    use rand::Rng;
    let n: u128 = rand::thread_rng().gen();
    format!("msg_{n:032x}")
}
