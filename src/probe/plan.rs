//! The requests of a probe, built before anything is sent (pure: the clock, ids and secrets
//! are given). Each check gets its own message id and body, so a handler that refuses
//! duplicates does not refuse a check for being one — except the replay, which is the first
//! delivery again, byte for byte.

use base64::Engine;

use super::body;
use super::check::Check;
use crate::samples;
use crate::secret::Secret;
use crate::sign::{self, Scheme, SignError};

/// How far past the tolerance the stale and future timestamps are, so a few seconds of clock
/// difference between us and the handler cannot turn a correct verdict into a wrong one.
pub(crate) const MARGIN_SECS: i64 = 60;
/// How old the other delivery is whose timestamp signature the swapped-timestamp check sends.
const OTHER_DELIVERY_AGE: i64 = 30;

/// Everything the requests depend on.
pub(crate) struct Setup<'a> {
    pub scheme: Scheme,
    pub secret: &'a Secret,
    /// Signs the wrong-secret and rotated-list requests; see [`other_secret`].
    pub other_secret: &'a Secret,
    pub event: &'a str,
    /// The handler's tolerance in seconds.
    pub tolerance: u64,
    pub now: i64,
    /// Added to every request (after ours, so they may replace e.g. the User-Agent).
    pub extra_headers: &'a [(String, String)],
    /// A fresh message id per call.
    pub new_id: &'a mut dyn FnMut() -> String,
}

/// One request to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Request {
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Header names go out Title-Cased (`Webhook-Signature`) instead of lower-case.
    pub title_case: bool,
}

/// A check and its request.
#[derive(Debug, Clone)]
pub(crate) struct Probe {
    pub check: Check,
    /// What was sent, in a few words (the report's "sent" column).
    pub sent: String,
    pub request: Request,
}

/// The requests of every check that applies to the scheme, in sending order.
pub(crate) fn plan(setup: &mut Setup<'_>) -> Result<Vec<Probe>, SignError> {
    let mut probes: Vec<Probe> = Vec::new();
    for check in Check::for_scheme(setup.scheme) {
        let (sent, request) = match check {
            Check::ReplayedDelivery => match probes.first() {
                Some(first) => ("the first delivery again, byte for byte".to_string(), first.request.clone()),
                None => continue,
            },
            _ => build(check, setup)?,
        };
        probes.push(Probe { check, sent, request });
    }
    Ok(probes)
}

/// A secret of the same kind as the user's, that the handler does not know.
pub(crate) fn other_secret(scheme: Scheme) -> Secret {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    match scheme {
        Scheme::Standard | Scheme::Svix => {
            Secret::new(format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(bytes)))
        }
        _ => Secret::new(format!("hookctl-probe-{}", hex::encode(bytes))),
    }
}

/// A delivery being built: its id, body and headers.
struct Delivery {
    id: String,
    body: Vec<u8>,
    headers: Vec<(String, String)>,
}

fn build(check: Check, s: &mut Setup<'_>) -> Result<(String, Request), SignError> {
    let scheme = s.scheme;
    let id = (s.new_id)();
    let value = samples::sample(s.event, &id, s.now).unwrap_or_else(|| samples::generic(s.event));
    let compact = body::compact(&value);
    let signed = |secret: &Secret, id: &str, at: i64, body: &[u8]| sign::sign(scheme, secret, id, at, body);
    let tol = s.tolerance as i64;
    let mut title_case = false;
    let mut d = Delivery { id: id.clone(), body: compact.clone(), headers: Vec::new() };
    let sent = match check {
        // The replay is a copy of the first request, made in `plan`; signing one here would
        // only be the same request with another id.
        Check::ValidSignature | Check::ReplayedDelivery => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            format!("a correctly signed '{}' delivery", s.event)
        }
        Check::ReformattedJson => {
            d.body = body::unusual(&value);
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            "same JSON: extra spaces, \\u escapes, other key order".into()
        }
        Check::HeaderNameCase => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            title_case = true;
            "header names Title-Cased (others: lower-case)".into()
        }
        Check::RotatedKeyList => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            let other = signed(s.other_secret, &id, s.now, &d.body)?;
            let (_, other_sig) = split(scheme, signature(&other));
            let value = signature(&d.headers).to_string();
            let rotated = match scheme {
                // The valid one last: a handler that checks only the first entry fails.
                Scheme::Stripe => {
                    let (prefix, valid) = split(scheme, &value);
                    format!("{prefix}{other_sig},v1={valid}")
                }
                _ => format!("v1,{other_sig} {value}"),
            };
            set_signature(&mut d.headers, rotated);
            "an unknown key's signature first, then a valid one".into()
        }
        Check::MissingSignature => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            let name = signature_name(&d.headers).to_string();
            d.headers.retain(|(k, _)| *k != name);
            format!("no {name} header")
        }
        Check::WrongSecret => {
            d.headers = signed(s.other_secret, &id, s.now, &d.body)?;
            "signed with another secret".into()
        }
        Check::TamperedBody => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            d.body = body::tampered(&d.body);
            "body changed by one byte after signing".into()
        }
        Check::ExpiredTimestamp => {
            let at = s.now - tol - MARGIN_SECS;
            d.headers = signed(s.secret, &id, at, &d.body)?;
            format!("timestamp {} old, correctly signed", words(tol + MARGIN_SECS))
        }
        Check::FutureTimestamp => {
            let at = s.now + tol + MARGIN_SECS;
            d.headers = signed(s.secret, &id, at, &d.body)?;
            format!("timestamp {} ahead, correctly signed", words(tol + MARGIN_SECS))
        }
        Check::SwappedMessageId => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            let other_id = (s.new_id)();
            let other = signed(s.secret, &other_id, s.now, &d.body)?;
            set_signature(&mut d.headers, signature(&other).to_string());
            "signature made for another message id".into()
        }
        Check::SwappedTimestamp => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            let other = signed(s.secret, &id, s.now - OTHER_DELIVERY_AGE, &d.body)?;
            let value = match scheme {
                // Stripe's timestamp is inside the signature header: keep ours, take the
                // other delivery's signature.
                Scheme::Stripe => {
                    let (prefix, _) = split(scheme, signature(&d.headers));
                    let (_, sig) = split(scheme, signature(&other));
                    format!("{prefix}{sig}")
                }
                _ => signature(&other).to_string(),
            };
            set_signature(&mut d.headers, value);
            format!("signature made for a timestamp {OTHER_DELIVERY_AGE} s earlier")
        }
        Check::EmptySignature => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            let (prefix, _) = split(scheme, signature(&d.headers));
            let prefix = prefix.to_string();
            set_signature(&mut d.headers, prefix.clone());
            if prefix.is_empty() {
                format!("an empty {} header", signature_name(&d.headers))
            } else {
                format!("an empty signature ('{prefix}')")
            }
        }
        Check::TruncatedSignature => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            let (prefix, sig) = split(scheme, signature(&d.headers));
            let value = format!("{prefix}{}", &sig[..sig.len() / 2]);
            set_signature(&mut d.headers, value);
            "valid signature cut in half".into()
        }
        Check::WrongVersion => {
            d.headers = signed(s.secret, &id, s.now, &d.body)?;
            let (prefix, sig) = split(scheme, signature(&d.headers));
            let (wrong, what) = match scheme {
                Scheme::Github => ("sha1=".to_string(), "sha1="),
                Scheme::Slack => ("v1=".to_string(), "v1="),
                Scheme::Stripe => (prefix.replace("v1=", "v0="), "v0="),
                _ => ("v2,".to_string(), "v2,"),
            };
            let value = format!("{wrong}{sig}");
            set_signature(&mut d.headers, value);
            format!("valid signature under prefix {what}")
        }
        Check::Sha1Only => {
            d.headers = vec![sign::github_sha1(s.secret, &d.body)];
            "valid X-Hub-Signature (SHA-1), no -256 header".into()
        }
    };
    Ok((sent, finish(d, s, title_case)))
}

/// Our framing headers, the provider's context headers, the signature, the user's headers.
fn finish(d: Delivery, s: &Setup<'_>, title_case: bool) -> Request {
    let mut headers = vec![
        ("content-type".to_string(), "application/json".to_string()),
        ("user-agent".to_string(), format!("hookctl/{} (probe)", env!("CARGO_PKG_VERSION"))),
    ];
    headers.extend(samples::context_headers(s.scheme, s.event, &d.id, s.now));
    headers.extend(d.headers);
    for (k, v) in s.extra_headers {
        headers.retain(|(name, _)| !name.eq_ignore_ascii_case(k));
        headers.push((k.clone(), v.clone()));
    }
    for (k, _) in &mut headers {
        *k = if title_case { title(k) } else { k.to_ascii_lowercase() };
    }
    Request { headers, body: d.body, title_case }
}

/// `x-hub-signature-256` → `X-Hub-Signature-256`.
fn title(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        out.push(if upper { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() });
        upper = c == '-';
    }
    out
}

/// The name of the header carrying the signature among a signer's headers.
fn signature_name(headers: &[(String, String)]) -> &str {
    headers
        .iter()
        .map(|(k, _)| k.as_str())
        .find(|k| sign::SIGNATURE_HEADERS.iter().any(|s| s.eq_ignore_ascii_case(k)))
        .unwrap_or_default()
}

fn signature(headers: &[(String, String)]) -> &str {
    let name = signature_name(headers);
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or_default()
}

fn set_signature(headers: &mut [(String, String)], value: String) {
    let name = signature_name(headers).to_string();
    if let Some((_, v)) = headers.iter_mut().find(|(k, _)| *k == name) {
        *v = value;
    }
}

/// A signer's signature value split into what comes before the signature proper (version,
/// algorithm, Stripe's `t=…,v1=`) and the signature itself.
fn split(scheme: Scheme, value: &str) -> (&str, &str) {
    let at = match scheme {
        Scheme::Standard | Scheme::Svix => value.find(',').map(|i| i + 1),
        Scheme::Stripe => value.find("v1=").map(|i| i + 3),
        Scheme::Github | Scheme::Slack => value.find('=').map(|i| i + 1),
        Scheme::Shopify => Some(0),
    };
    value.split_at(at.unwrap_or(0))
}

/// `360` → `6m`, `90` → `1m 30s`, `7260` → `2h 1m`.
pub(crate) fn words(secs: i64) -> String {
    humantime::format_duration(std::time::Duration::from_secs(secs.unsigned_abs())).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_and_split() {
        assert_eq!(title("x-hub-signature-256"), "X-Hub-Signature-256");
        assert_eq!(title("webhook-id"), "Webhook-Id");
        assert_eq!(split(Scheme::Standard, "v1,abc="), ("v1,", "abc="));
        assert_eq!(split(Scheme::Stripe, "t=1,v1=ab"), ("t=1,v1=", "ab"));
        assert_eq!(split(Scheme::Github, "sha256=ab"), ("sha256=", "ab"));
        assert_eq!(split(Scheme::Shopify, "ab=="), ("", "ab=="));
        assert_eq!(words(360), "6m");
        assert_eq!(words(90), "1m 30s");
    }
}
