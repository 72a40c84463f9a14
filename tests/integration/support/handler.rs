//! Webhook handlers for the probe tests, written here from the schemes' documentation (not with
//! hookctl's verifier): a correct one per scheme, and the flaws real handlers ship with.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Stub;

/// One mistake a handler makes; `None` is a correct handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    None,
    /// Verifies the signature but never looks at the timestamp's age.
    NoTimestampCheck,
    /// Skips verification when the signature header is absent.
    UnsignedAccepted,
    /// Verifies the HMAC over `serde_json::to_vec(parsed body)` instead of the raw bytes.
    ReserialisedBody,
    /// Checks only that the signature header has the right shape.
    AnyWellFormedSignature,
    /// Does not remember processed deliveries.
    ReplayAccepted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Standard,
    Svix,
    Stripe,
    Github,
    Shopify,
    Slack,
}

impl Family {
    pub const ALL: [Family; 6] =
        [Family::Standard, Family::Svix, Family::Stripe, Family::Github, Family::Shopify, Family::Slack];

    pub fn name(self) -> &'static str {
        match self {
            Family::Standard => "standard",
            Family::Svix => "svix",
            Family::Stripe => "stripe",
            Family::Github => "github",
            Family::Shopify => "shopify",
            Family::Slack => "slack",
        }
    }

    fn signature_header(self) -> &'static str {
        match self {
            Family::Standard => "webhook-signature",
            Family::Svix => "svix-signature",
            Family::Stripe => "stripe-signature",
            Family::Github => "x-hub-signature-256",
            Family::Shopify => "x-shopify-hmac-sha256",
            Family::Slack => "x-slack-signature",
        }
    }
}

struct Handler {
    family: Family,
    flaw: Flaw,
    secret: String,
    tolerance: i64,
    /// Signatures of processed deliveries (a correct handler refuses them again).
    seen: Mutex<HashSet<String>>,
}

/// A handler for `family` with `flaw`, on 127.0.0.1:0, answering at `/webhooks`.
pub fn start(family: Family, flaw: Flaw, secret: &str) -> Stub {
    let state = Arc::new(Handler {
        family,
        flaw,
        secret: secret.to_string(),
        tolerance: 300,
        seen: Mutex::default(),
    });
    Stub::start(Router::new().route("/webhooks", post(handle)).with_state(state))
}

async fn handle(State(h): State<Arc<Handler>>, headers: HeaderMap, body: Bytes) -> (StatusCode, String) {
    match h.check(&headers, &body) {
        Ok(()) => (StatusCode::OK, "{\"ok\":true}".into()),
        Err((status, why)) => (status, why.to_string()),
    }
}

type Refusal = (StatusCode, &'static str);
const BAD: Refusal = (StatusCode::UNAUTHORIZED, "invalid signature");

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap();
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().to_vec()
}

impl Handler {
    fn check(&self, headers: &HeaderMap, raw: &[u8]) -> Result<(), Refusal> {
        let get = |name: &str| headers.get(name).map(|v| v.to_str().unwrap_or_default().to_string());
        let Some(signature) = get(self.family.signature_header()) else {
            return if self.flaw == Flaw::UnsignedAccepted { Ok(()) } else { Err(BAD) };
        };
        let reserialised;
        let body = if self.flaw == Flaw::ReserialisedBody {
            let value: serde_json::Value =
                serde_json::from_slice(raw).map_err(|_| (StatusCode::BAD_REQUEST, "not JSON"))?;
            reserialised = serde_json::to_vec(&value).unwrap();
            &reserialised[..]
        } else {
            raw
        };
        let fresh = |ts: i64, future_too: bool| {
            let age = now() - ts;
            let ok = self.flaw == Flaw::NoTimestampCheck
                || (age <= self.tolerance && (!future_too || -age <= self.tolerance));
            if ok {
                Ok(())
            } else {
                Err((StatusCode::BAD_REQUEST, "stale timestamp"))
            }
        };
        let any = self.flaw == Flaw::AnyWellFormedSignature;
        let key = self.secret.as_bytes();
        match self.family {
            Family::Standard | Family::Svix => {
                let p = if self.family == Family::Svix { "svix" } else { "webhook" };
                let id = get(&format!("{p}-id")).ok_or(BAD)?;
                let ts_text = get(&format!("{p}-timestamp")).ok_or(BAD)?;
                let ts: i64 = ts_text.parse().map_err(|_| BAD)?;
                fresh(ts, true)?;
                let key = B64.decode(self.secret.trim_start_matches("whsec_")).unwrap();
                let expected = B64.encode(hmac(&key, &[id.as_bytes(), b".", ts_text.as_bytes(), b".", body]));
                let ok = signature.split(' ').any(|entry| match entry.split_once(',') {
                    Some(("v1", sig)) if any => sig.len() == 44 && B64.decode(sig).is_ok(),
                    Some(("v1", sig)) => sig == expected,
                    _ => false,
                });
                if !ok {
                    return Err(BAD);
                }
            }
            Family::Stripe => {
                let mut ts_text = None;
                let mut sigs = Vec::new();
                for item in signature.split(',') {
                    match item.split_once('=') {
                        Some(("t", t)) if ts_text.is_none() => ts_text = Some(t.to_string()),
                        Some(("v1", s)) => sigs.push(s.to_string()),
                        _ => {}
                    }
                }
                let ts_text = ts_text.ok_or(BAD)?;
                let ts: i64 = ts_text.parse().map_err(|_| BAD)?;
                let expected = hex::encode(hmac(key, &[ts_text.as_bytes(), b".", body]));
                let ok = sigs.iter().any(|s| {
                    if any {
                        s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
                    } else {
                        *s == expected
                    }
                });
                if !ok {
                    return Err(BAD);
                }
                // Stripe's libraries accept timestamps in the future.
                fresh(ts, false)?;
            }
            Family::Github => {
                let hex_sig = signature.strip_prefix("sha256=").ok_or(BAD)?;
                let ok = if any {
                    hex_sig.len() == 64 && hex_sig.bytes().all(|b| b.is_ascii_hexdigit())
                } else {
                    hex_sig == hex::encode(hmac(key, &[body]))
                };
                if !ok {
                    return Err(BAD);
                }
            }
            Family::Shopify => {
                let ok = if any {
                    signature.len() == 44 && B64.decode(&signature).is_ok()
                } else {
                    signature == B64.encode(hmac(key, &[body]))
                };
                if !ok {
                    return Err(BAD);
                }
            }
            Family::Slack => {
                let ts_text = get("x-slack-request-timestamp").ok_or(BAD)?;
                let ts: i64 = ts_text.parse().map_err(|_| BAD)?;
                fresh(ts, true)?;
                let hex_sig = signature.strip_prefix("v0=").ok_or(BAD)?;
                let ok = if any {
                    hex_sig.len() == 64 && hex_sig.bytes().all(|b| b.is_ascii_hexdigit())
                } else {
                    hex_sig == hex::encode(hmac(key, &[b"v0:", ts_text.as_bytes(), b":", body]))
                };
                if !ok {
                    return Err(BAD);
                }
            }
        }
        if self.flaw != Flaw::ReplayAccepted && !self.seen.lock().unwrap().insert(signature) {
            return Err((StatusCode::CONFLICT, "duplicate delivery"));
        }
        Ok(())
    }
}
