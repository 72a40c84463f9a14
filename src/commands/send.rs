//! `hookctl send URL`: signs and POSTs a sample event (or `--data`) to a handler, prints the
//! answer. Exit 0 on 2xx, 7 on any other status, 5 when the handler cannot be reached.

use std::time::Instant;

use colored::Color;
use serde_json::json;

use crate::cli::send::SendArgs;
use crate::headers::{parse_headers, unix_now};
use crate::outbound::{self, redacted};
use crate::sanitize::sanitize;
use crate::{samples, sign, Ctx, Error, Outcome, Result};

/// How much of the handler's answer is shown; the rest is counted, not printed.
const SHOWN_BODY: usize = 4096;

pub async fn exec(args: SendArgs, ctx: &Ctx) -> Result<Outcome> {
    let scheme = args.scheme.0;
    let url = outbound::parse_url(&args.url)?;
    let extra = parse_headers(&args.headers)?;
    outbound::refuse_framing_headers(&extra)?;
    let id = args.id.clone().unwrap_or_else(sign::new_message_id);
    if id.is_empty() || id.chars().any(char::is_control) {
        return Err(Error::usage("--id must be non-empty printable text (it is sent as a header)"));
    }
    let at = args.at.unwrap_or_else(unix_now);
    let event = args.event.clone().unwrap_or_else(|| "ping".into());
    // A body in another format (Slack slash commands are form-encoded, say) is sent as given
    // when the user sets its Content-Type; JSON is checked before anything is signed.
    let json = extra
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .is_none_or(|(_, v)| v.to_ascii_lowercase().contains("json"));
    let given = super::body::read(&args.body)?;
    let sample = given.is_none();
    let body = match given {
        Some(body) => checked_json(body, json)?,
        None => {
            let value = samples::sample(&event, &id, at).unwrap_or_else(|| {
                ctx.printer.warn(&format!(
                    "no sample for event '{event}'; sending {{\"type\": …, \"data\": {{}}}} (use --data for your own body)"
                ));
                samples::generic(&event)
            });
            serde_json::to_vec_pretty(&value).map_err(|e| Error::Internal(e.to_string()))?
        }
    };

    let flags: Vec<crate::secret::Secret> = args.secret.iter().cloned().collect();
    let secrets = super::secret::resolve(ctx, &flags, Some(scheme), sign::KeyUse::Sign)?;
    let mut headers = vec![
        ("Content-Type".to_string(), "application/json".to_string()),
        ("User-Agent".to_string(), format!("hookctl/{}", env!("CARGO_PKG_VERSION"))),
    ];
    match secrets.first() {
        Some(secret) => headers.extend(
            sign::sign(scheme, secret, &id, at, &body)
                .map_err(|e| Error::Internal(format!("cannot sign with a checked secret: {e}")))?,
        ),
        None => ctx.printer.warn("no signing secret (--secret, HOOKCTL_SECRET or profile): sending unsigned"),
    }
    if !secrets.is_empty() {
        headers.extend(samples::context_headers(scheme, &event, &id, at));
    }
    // User headers come last so they can override ours (e.g. a different Content-Type).
    for (k, v) in extra {
        headers.retain(|(name, _)| !name.eq_ignore_ascii_case(&k));
        headers.push((k, v));
    }
    ctx.printer.debug(&format!(
        "POST {} ({} bytes, {} scheme, {})",
        redacted(&url),
        body.len(),
        scheme,
        secrets.first().map(|s| format!("secret {}", s.mask())).unwrap_or_else(|| "unsigned".into())
    ));

    let started = Instant::now();
    let client = outbound::client(&url, args.request_timeout, outbound::HeaderCase::Lower)?;
    let outbound::Answer { status, body: answer, unread, .. } =
        outbound::post(&client, &url, &headers, body).await?;
    let elapsed_ms = started.elapsed().as_millis() as u64;
    let ok = status.is_success();
    let (shown, more) = truncate(&answer);
    let more = more + unread;

    let value = json!({
        "url": redacted(&url),
        "event": if sample { Some(&event) } else { None },
        "scheme": if secrets.is_empty() { None } else { Some(scheme.name()) },
        "id": id,
        "timestamp": at,
        "status": status.as_u16(),
        "ok": ok,
        "response_body": shown,
        "response_bytes": answer.len(),
        "elapsed_ms": elapsed_ms,
    });
    ctx.printer.emit(&value, |p| {
        let line = format!("HTTP {status} ({elapsed_ms} ms)");
        p.line(&p.paint(&line, if ok { Color::Green } else { Color::Red }));
        if !shown.is_empty() {
            p.line(&sanitize(&shown));
        }
        if more > 0 {
            p.line(&p.dim(&format!("… {more} more bytes not shown")));
        }
    });
    if ok {
        return Ok(Outcome::Success);
    }
    ctx.printer.failed(&format!("the handler answered {status}, not 2xx"), &[], []);
    Ok(Outcome::NotDelivered)
}

/// The given body, sent as given (formatting kept, so the signature covers exactly what the
/// user wrote), once it parses as JSON when `json`.
fn checked_json(body: super::body::Body, json: bool) -> Result<Vec<u8>> {
    let super::body::Body { bytes, from } = body;
    if let Err(e) = json.then(|| serde_json::from_slice::<serde_json::Value>(&bytes)).transpose() {
        return Err(Error::usage_hint(
            format!("{from} is not valid JSON: {e}"),
            "pass JSON text, @file.json, or - for stdin; for another format set its type with -H 'Content-Type: …'",
        ));
    }
    Ok(bytes)
}

fn truncate(body: &[u8]) -> (String, usize) {
    let text = String::from_utf8_lossy(body);
    if text.len() <= SHOWN_BODY {
        return (text.into_owned(), 0);
    }
    let mut end = SHOWN_BODY;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (text[..end].to_string(), text.len() - end)
}
