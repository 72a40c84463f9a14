//! `replay --from CAPTURE.jsonl --to URL`: re-send captured requests byte-for-byte, or re-signed
//! with a fresh id and timestamp (`--resign`), one at a time in capture order.

use std::path::PathBuf;
use std::time::Duration;

use bytes::Bytes;
use colored::Color;
use serde_json::json;

use super::capture::{Header, Record};
use super::error::ListenError;
use super::forward::{self, Forwarded, Forwarder};
use crate::api::ApiError;
use crate::output::Printer;
use crate::sanitize::sanitize_line;
use crate::secret::Secret;
use crate::sign;
use crate::{Error, Outcome, Result};

#[derive(Debug, Clone)]
pub enum Selection {
    /// A capture id (`req_…`) or the sender's delivery id (`webhook-id`, `svix-id`, …).
    Id(String),
    All,
    Last(usize),
}

#[derive(Debug, Clone)]
pub struct Resign {
    pub secret: Secret,
    /// `None`: the scheme recorded in the capture, else detected, else standard.
    pub scheme: Option<sign::Scheme>,
    /// Where the secret came from (`--secret`, `HOOKCTL_SECRET`, …), for the error when it
    /// cannot sign a chosen record's scheme.
    pub which: String,
}

impl Resign {
    /// The scheme `rec` is re-signed with.
    fn scheme_for(&self, rec: &Record) -> sign::Scheme {
        self.scheme
            .or_else(|| rec.scheme.as_deref().and_then(|s| s.parse().ok()))
            .or_else(|| sign::detect(&rec.headers))
            .unwrap_or(sign::Scheme::Standard)
    }

    /// Refuses, before anything is sent, a secret that cannot sign one of `records` (exit 3).
    fn check(&self, records: &[Record]) -> Result<()> {
        for rec in records {
            let scheme = self.scheme_for(rec);
            if let Err(sign::SignError::BadSecret(problem)) =
                sign::check_secret(Some(scheme), sign::KeyUse::Sign, &self.secret)
            {
                let problem = format!("{problem} (record {} is re-signed with {scheme})", rec.id);
                return Err(ListenError::UnusableSecret { which: self.which.clone(), problem }.into());
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
pub struct ReplayConfig {
    pub from: PathBuf,
    pub to: String,
    pub select: Selection,
    pub resign: Option<Resign>,
    pub timeout: Duration,
    /// `--match`: only records whose content matches are selected from.
    pub content: crate::matcher::Matchers,
}

/// Reads a capture file. Lines that are not records (a foreign line, a cut-off last line)
/// are skipped with a warning rather than failing the whole replay.
pub fn load(text: &str) -> (Vec<Record>, Vec<String>) {
    let mut records = Vec::new();
    let mut warnings = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line) {
            Ok(r) => records.push(r),
            Err(e) => warnings.push(format!("line {}: not a capture record ({e}); skipped", i + 1)),
        }
    }
    (records, warnings)
}

pub fn select(records: Vec<Record>, sel: &Selection) -> std::result::Result<Vec<Record>, String> {
    match sel {
        Selection::All => Ok(records),
        Selection::Last(n) => {
            let skip = records.len().saturating_sub(*n);
            Ok(records.into_iter().skip(skip).collect())
        }
        Selection::Id(id) => {
            let found: Vec<Record> = records
                .into_iter()
                .filter(|r| r.id == *id || super::request::delivery_id(&r.headers) == Some(id.as_str()))
                .collect();
            if found.is_empty() {
                Err(format!("no record with id '{id}'"))
            } else {
                // A delivery id can appear several times (retries): replay the last one.
                Ok(found.into_iter().last().into_iter().collect())
            }
        }
    }
}

/// The records whose content matches every `--match`, or why none did.
pub(crate) fn narrow(
    records: Vec<Record>,
    content: &crate::matcher::Matchers,
) -> std::result::Result<Vec<Record>, crate::matcher::NearMisses> {
    if content.is_empty() {
        return Ok(records);
    }
    let mut near = crate::matcher::NearMisses::default();
    let mut kept = Vec::new();
    for rec in records {
        let body = rec.body_bytes().ok().and_then(|b| serde_json::from_slice(&b).ok());
        let header = |name: &str| {
            rec.headers
                .iter()
                .find(|h| !h.base64 && h.name.eq_ignore_ascii_case(name))
                .map(|h| h.value.clone())
        };
        let subject = crate::matcher::Subject { body: body.as_ref(), header: &header };
        match content.check(&subject) {
            None => kept.push(rec),
            Some(why) => near.add(why),
        }
    }
    if kept.is_empty() {
        Err(near)
    } else {
        Ok(kept)
    }
}

/// Headers to send, and the scheme used when re-signed.
pub type Prepared = (Vec<Header>, Option<sign::Scheme>);

/// The headers to send: captured ones minus hop-by-hop, and with `--resign` minus the old
/// signature headers, plus fresh ones.
pub fn prepare(
    rec: &Record,
    body: &[u8],
    resign: Option<&Resign>,
    now: i64,
) -> std::result::Result<Prepared, String> {
    let mut headers: Vec<Header> =
        rec.headers.iter().filter(|h| !forward::is_hop_by_hop(&h.name)).cloned().collect();
    let Some(resign) = resign else { return Ok((headers, None)) };
    let scheme = resign.scheme_for(rec);
    let fresh = sign::sign(scheme, &resign.secret, &sign::new_message_id(), now, body)
        .map_err(|e| format!("cannot re-sign record {} with {}: {e}", rec.id, scheme.name()))?;
    headers.retain(|h| !fresh.iter().any(|(f, _)| f.eq_ignore_ascii_case(&h.name)));
    headers.extend(fresh.into_iter().map(|(k, v)| Header::text(k, v)));
    Ok((headers, Some(scheme)))
}

/// The URL for one record: `--to` as given, plus the captured query when `--to` has none.
fn url_for(to: &str, rec: &Record) -> String {
    match &rec.query {
        Some(q) if !q.is_empty() && !to.contains('?') => format!("{to}?{q}"),
        _ => to.to_string(),
    }
}

struct Sent {
    id: String,
    method: String,
    url: String,
    status: Option<u16>,
    error: Option<String>,
    scheme: Option<sign::Scheme>,
    /// The request went out (a transport failure then means "no answer", exit 5).
    attempted: bool,
}

pub async fn run(cfg: ReplayConfig, printer: &Printer) -> Result<Outcome> {
    let text = std::fs::read_to_string(&cfg.from)
        .map_err(|e| Error::usage(format!("cannot read capture file {}: {e}", cfg.from.display())))?;
    let (records, warnings) = load(&text);
    for w in &warnings {
        printer.warn(w);
    }
    if records.is_empty() {
        return Err(Error::usage(format!("no capture records in {}", cfg.from.display())));
    }
    let records = narrow(records, &cfg.content).map_err(|near| {
        Error::usage_hint(
            format!("no record in {} matches --match: {}", cfg.from.display(), near.lines().join("; ")),
            "the paths are into each record's JSON body (data.caseId) or header.NAME",
        )
    })?;
    let chosen = select(records, &cfg.select).map_err(|e| {
        Error::usage_hint(
            format!("{e} in {}", cfg.from.display()),
            "ids are the `id` field of each line, or the webhook-id/svix-id header",
        )
    })?;
    let to = forward::check_url(&cfg.to).map_err(Error::usage)?;
    if let Some(resign) = &cfg.resign {
        resign.check(&chosen)?;
    }
    let fwd = Forwarder::new(cfg.timeout).map_err(Error::Internal)?;

    let mut results = Vec::with_capacity(chosen.len());
    for rec in &chosen {
        let url = url_for(&to, rec);
        let mut sent = Sent {
            id: rec.id.clone(),
            method: rec.method.clone(),
            url: url.clone(),
            status: None,
            error: None,
            scheme: None,
            attempted: false,
        };
        let prepared = rec.body_bytes().and_then(|body| {
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            prepare(rec, &body, cfg.resign.as_ref(), now).map(|(h, s)| (body, h, s))
        });
        match prepared {
            Err(e) => sent.error = Some(e),
            Ok((body, headers, scheme)) => {
                sent.scheme = scheme;
                sent.attempted = true;
                match fwd.send(&rec.method, &url, &headers, Bytes::from(body)).await {
                    Forwarded::Answer { status, .. } => sent.status = Some(status),
                    Forwarded::Unreachable(why) => sent.error = Some(why),
                    Forwarded::TimedOut => sent.error = Some("timed out".into()),
                }
            }
        }
        show(printer, &sent);
        results.push(sent);
    }

    let failed = results.iter().filter(|r| !r.status.is_some_and(|s| (200..300).contains(&s))).count();
    let unanswered = results.iter().filter(|r| r.attempted && r.status.is_none()).count();
    if printer.is_json() {
        printer.json(&json!({
            "results": results.iter().map(|r| json!({
                "id": r.id,
                "method": r.method,
                "url": crate::secret::redact_url(&r.url),
                "status": r.status,
                "error": r.error,
                "resigned": r.scheme.map(|s| s.name()),
            })).collect::<Vec<_>>(),
            "sent": results.len(),
            "failed": failed,
        }));
    }
    let hint_401 = (cfg.resign.is_none() && results.iter().any(|r| r.status == Some(401))).then_some(
        "401: captured signatures carry their original timestamp and fail the 5-minute tolerance; \
         re-sign with --resign --secret …",
    );
    if unanswered > 0 {
        if let Some(h) = hint_401 {
            printer.hint(h);
        }
        return Err(ApiError::network(format!(
            "{unanswered} of {} replayed requests got no answer",
            results.len()
        ))
        .into());
    }
    if failed > 0 {
        // A failed outcome reads like an error, as in every other command.
        printer.failed(
            &format!("{failed} of {} replayed requests were not answered 2xx", results.len()),
            &[],
            hint_401,
        );
        return Ok(Outcome::NotDelivered);
    }
    printer.success(&format!("replayed {} request(s)", results.len()));
    Ok(Outcome::Success)
}

fn show(printer: &Printer, r: &Sent) {
    if printer.is_json() {
        return;
    }
    let (what, color) = match (r.status, &r.error) {
        (Some(s), _) if (200..300).contains(&s) => (s.to_string(), Color::Green),
        (Some(s), _) => (s.to_string(), Color::Red),
        (None, Some(e)) => (format!("failed: {}", sanitize_line(e)), Color::Red),
        (None, None) => ("failed".into(), Color::Red),
    };
    let resigned = r.scheme.map(|s| format!(" (re-signed, {})", s.name())).unwrap_or_default();
    printer.line(&format!(
        "{} {} {} {}{}",
        printer.dim(&sanitize_line(&r.id)),
        printer.bold(&sanitize_line(&r.method)),
        sanitize_line(&crate::secret::redact_url(&r.url)),
        printer.paint(&format!("→ {what}"), color),
        resigned
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, hdr_id: &str) -> Record {
        serde_json::from_value(json!({
            "id": id, "received_at": "t", "method": "POST", "path": "/", "query": null,
            "headers": [["webhook-id", hdr_id], ["webhook-timestamp", "1"], ["webhook-signature", "v1,old"],
                        ["content-type", "application/json"], ["connection", "keep-alive"], ["host", "x"]],
            "body": "{}", "verdict": "valid", "scheme": "standard", "reason": null, "status": 200
        }))
        .unwrap()
    }

    #[test]
    fn load_skips_broken_lines() {
        let good = serde_json::to_string(&rec("a", "m1")).unwrap();
        let (r, w) = load(&format!("{good}\nnot json\n\n{good}\n{{\"id\":"));
        assert_eq!(r.len(), 2);
        assert_eq!(w.len(), 2);
        assert!(w[0].starts_with("line 2:"));
    }

    #[test]
    fn select_by_capture_id_delivery_id_and_last() {
        let all = vec![rec("a", "m1"), rec("b", "m2"), rec("c", "m3")];
        assert_eq!(select(all.clone(), &Selection::Id("b".into())).unwrap()[0].id, "b");
        assert_eq!(select(all.clone(), &Selection::Id("m3".into())).unwrap()[0].id, "c");
        assert!(select(all.clone(), &Selection::Id("zz".into())).is_err());
        let last: Vec<String> =
            select(all.clone(), &Selection::Last(2)).unwrap().into_iter().map(|r| r.id).collect();
        assert_eq!(last, ["b", "c"]);
        assert_eq!(select(all, &Selection::Last(10)).unwrap().len(), 3);
    }

    #[test]
    fn resign_replaces_signature_headers_and_drops_hop_by_hop() {
        let r = rec("a", "m1");
        let (plain, s) = prepare(&r, b"{}", None, 0).unwrap();
        assert!(s.is_none());
        assert!(plain.iter().any(|h| h.name == "webhook-signature" && h.value == "v1,old"));
        assert!(!plain.iter().any(|h| h.name == "connection" || h.name == "host"));
        let resign = Resign {
            secret: Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            scheme: None,
            which: "--secret".into(),
        };
        let (h, s) = prepare(&r, b"{}", Some(&resign), 1_700_000_000).unwrap();
        assert_eq!(s, Some(sign::Scheme::Standard));
        let sigs: Vec<_> = h.iter().filter(|h| h.name.eq_ignore_ascii_case("webhook-signature")).collect();
        assert_eq!(sigs.len(), 1);
        assert_ne!(sigs[0].value, "v1,old");
        let ts: Vec<_> = h.iter().filter(|h| h.name.eq_ignore_ascii_case("webhook-timestamp")).collect();
        assert_eq!(ts.len(), 1);
        assert_eq!(ts[0].value, "1700000000");
        assert!(h.iter().any(|h| h.name == "content-type"));
    }
}
