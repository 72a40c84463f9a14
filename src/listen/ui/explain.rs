//! The detail of one request for the page: the verdict in plain words, the body in the views the
//! page offers, and the request as a `curl` and as a `hookctl replay` command.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde_json::{json, Value};

use super::inspector::Settings;
use super::store::Entry;
use crate::listen::capture::Record;
use crate::listen::verdict::Verdict;
use crate::sign::{self, HeaderPair};

/// Binary bodies are shown as hex up to this size.
const MAX_HEX: usize = 64 << 10;

/// Everything the detail view shows.
pub(crate) fn detail(e: &Entry, s: &Settings) -> Value {
    let r = e.record();
    let body = r.body_bytes().unwrap_or_default();
    let mut v = e.summary();
    v["headers"] = r
        .headers
        .iter()
        .map(|h| json!([h.name, String::from_utf8_lossy(&h.bytes()), h.base64]))
        .collect::<Vec<_>>()
        .into();
    v["body"] = body_views(&body);
    v["scheme"] = json!(r.scheme);
    v["reason"] = json!(r.reason);
    v["secret"] = json!(e.secret);
    v["explanation"] = json!(words(e, &r, s));
    v["answer"] = match &e.answer {
        Some(a) => json!({
            "status": a.status,
            "content_type": a.content_type,
            "body": String::from_utf8_lossy(&a.body),
            "cut": a.cut,
        }),
        None => Value::Null,
    };
    v["curl"] = json!(curl(&r, &body, &s.listen_base));
    v["replay_command"] = json!(replay_command(e, s));
    v["replay_to"] = json!(e.forwarded_to);
    v["can_resign"] = json!(!s.secrets.is_empty());
    v
}

/// `kind`: `json` (valid JSON text), `text` (other UTF-8), `binary` (with a hex dump), `empty`.
fn body_views(body: &[u8]) -> Value {
    if body.is_empty() {
        return json!({"kind": "empty", "text": ""});
    }
    match std::str::from_utf8(body) {
        Ok(text) if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => {
            json!({"kind": "json", "text": text})
        }
        Ok(text) => json!({"kind": "text", "text": text}),
        Err(_) => json!({
            "kind": "binary",
            "base64": B64.encode(body),
            "hex": hex_dump(&body[..body.len().min(MAX_HEX)]),
            "cut": body.len() > MAX_HEX,
        }),
    }
}

/// `00000000  7b 22 61 22 …  |{"a"…|`, 16 bytes a line.
fn hex_dump(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 + 16);
    for (i, chunk) in bytes.chunks(16).enumerate() {
        out.push_str(&format!("{:08x} ", i * 16));
        for j in 0..16 {
            match chunk.get(j) {
                Some(b) => out.push_str(&format!(" {b:02x}")),
                None => out.push_str("   "),
            }
        }
        out.push_str("  |");
        out.extend(chunk.iter().map(|&b| if (0x20..0x7f).contains(&b) { b as char } else { '.' }));
        out.push_str("|\n");
    }
    out
}

/// The verdict and its reason, sentence by sentence.
pub(crate) fn words(e: &Entry, r: &Record, s: &Settings) -> Vec<String> {
    let scheme = r.scheme.as_deref();
    let how = if s.scheme.is_some() { "set with --scheme" } else { "detected from the headers" };
    let mut out = Vec::new();
    match r.verdict {
        Verdict::Valid => {
            out.push(format!("Signature valid: {} scheme ({how}).", scheme.unwrap_or("?")));
            out.push(match (e.secret, s.secrets.len()) {
                (Some(i), n) => format!("It matched secret #{i} of {n}."),
                (None, _) => "It matched the secret.".into(),
            });
        }
        Verdict::Invalid => {
            out.push(match scheme {
                Some(sc) => format!("Signature invalid: {sc} scheme ({how})."),
                None => "Signature invalid: no signature scheme recognised in the headers.".into(),
            });
            match &e.why {
                Some(sign::Reason::Missing { headers, looks_like }) => {
                    out.push(format!(
                        "The request has no {} header{}, which this scheme needs.",
                        headers.join(", "),
                        if headers.len() > 1 { "s" } else { "" }
                    ));
                    if let Some(other) = looks_like {
                        out.push(format!(
                            "The headers look like the {other} scheme: try --scheme {other} (or auto)."
                        ));
                    }
                }
                Some(sign::Reason::Other(text)) => out.push(format!("Reason: {text}.")),
                Some(sign::Reason::Unusable(text)) => out.push(format!(
                    "No configured secret can verify this scheme ({text}): fix the secret; the sender is not at fault."
                )),
                None => {}
            }
            // "None matched" only when the secrets were compared: a stale timestamp or a
            // malformed header is refused before (its signature may well be right).
            let n = s.secrets.len();
            let plural = if n > 1 { "s" } else { "" };
            let compared = matches!(&e.why, Some(sign::Reason::Other(t)) if t.starts_with(sign::NO_MATCH));
            if compared {
                out.push(format!("{n} secret{plural} configured; none matched."));
            } else if scheme.is_some() && matches!(e.why, Some(sign::Reason::Other(_))) && n > 0 {
                out.push(format!(
                    "Refused before the signature was compared with the {n} configured secret{plural}."
                ));
            }
        }
        Verdict::Unverified => {
            out.push("Not verified: listen runs without --secret, so every request is accepted.".into());
            if let Some(sc) = scheme {
                out.push(format!("The headers look like the {sc} scheme."));
            }
        }
        Verdict::Rejected => {
            out.push(format!(
                "Refused before verifying (answered {}): {}.",
                r.status,
                r.reason.as_deref().unwrap_or("refused")
            ));
        }
    }
    if let Some(ts) = timestamp(r) {
        let age = e.received_unix - ts;
        let within = age.unsigned_abs() <= s.tolerance;
        let when = if age >= 0 { format!("{age} s old") } else { format!("{} s in the future", -age) };
        out.push(format!(
            "Signature timestamp {ts} was {when} on arrival: {} the {} s tolerance.",
            if within { "within" } else { "outside" },
            s.tolerance
        ));
    }
    out
}

/// The signed timestamp, where the schemes that have one put it.
fn timestamp(r: &Record) -> Option<i64> {
    let h = &r.headers;
    for name in ["webhook-timestamp", "svix-timestamp", "x-slack-request-timestamp"] {
        if let Some(v) = sign::header(h, name) {
            return v.trim().parse().ok();
        }
    }
    let stripe = sign::header(h, "stripe-signature")?;
    stripe.split(',').find_map(|kv| kv.trim().strip_prefix("t=")?.parse().ok())
}

/// POSIX shell single quotes: everything literal, `'` as `'\''`.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The request as received, sent again to the listener with curl.
fn curl(r: &Record, body: &[u8], listen_base: &str) -> String {
    let mut url = format!("{listen_base}{}", r.path);
    if let Some(q) = &r.query {
        url.push('?');
        url.push_str(q);
    }
    let mut parts = vec!["curl".to_string(), "-X".into(), quote(&r.method), quote(&url)];
    for h in &r.headers {
        if crate::listen::forward::is_hop_by_hop(&h.name) {
            continue;
        }
        parts.push("-H".into());
        parts.push(quote(&format!("{}: {}", h.name, String::from_utf8_lossy(&h.bytes()))));
    }
    match std::str::from_utf8(body) {
        Ok("") => {}
        Ok(text) => {
            parts.push("--data-binary".into());
            parts.push(quote(text));
        }
        Err(_) => {
            return format!(
                "printf %s {} | base64 -d | {} --data-binary @-",
                quote(&B64.encode(body)),
                parts.join(" ")
            );
        }
    }
    parts.join(" ")
}

/// `hookctl replay` for this request, when there is a capture file to replay from. The path is
/// absolute so the command runs from any directory; `--resign` takes the secret from
/// `HOOKCTL_SECRET` or the profile (a `--secret "$HOOKCTL_SECRET"` would pass an empty secret
/// where the variable is unset).
fn replay_command(e: &Entry, s: &Settings) -> Option<String> {
    let capture = s.capture.as_ref()?;
    let capture = std::path::absolute(capture).unwrap_or_else(|_| capture.clone());
    let to = e.forwarded_to.clone().unwrap_or_else(|| "http://localhost:3000/webhooks".into());
    let mut cmd = format!(
        "hookctl replay --from {} --id {} --to {}",
        quote(&capture.display().to_string()),
        quote(e.text.get().id),
        quote(&to)
    );
    if !s.secrets.is_empty() {
        cmd.push_str(" --resign");
    }
    Some(cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting_keeps_everything_literal() {
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's $(x) `y`"), "'it'\\''s $(x) `y`'");
    }

    #[test]
    fn hex_dump_shows_offsets_bytes_and_printable_text() {
        let d = hex_dump(b"{\"a\":1}\x00\xff");
        assert_eq!(d, "00000000  7b 22 61 22 3a 31 7d 00 ff                       |{\"a\":1}..|\n");
    }

    #[test]
    fn body_kinds() {
        assert_eq!(body_views(b"{\"a\":1}")["kind"], "json");
        assert_eq!(body_views(b"a=1")["kind"], "text");
        assert_eq!(body_views(&[0xff, 0])["kind"], "binary");
        assert_eq!(body_views(b"")["kind"], "empty");
    }
}
