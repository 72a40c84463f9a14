//! `hookctl send URL`: signs and POSTs a sample event (or `--data`) to a handler, prints the
//! answer. Exit 0 on 2xx, 7 on any other status, 5 when the handler cannot be reached.

use std::time::Instant;

use colored::Color;
use serde_json::json;

use crate::api::ApiError;
use crate::cli::send::SendArgs;
use crate::headers::{parse_headers, unix_now};
use crate::output::sanitize::{sanitize, sanitize_line};
use crate::{samples, sign, Ctx, Error, Outcome, Result};

/// How much of the handler's answer is shown; the rest is counted, not printed.
const SHOWN_BODY: usize = 4096;
/// How much of the answer is read at all: a handler streaming gigabytes must not fill memory.
const READ_LIMIT: usize = 1 << 20;

pub fn exec(args: SendArgs, ctx: &Ctx) -> Result<Outcome> {
    let scheme = args.scheme.0;
    let url = parse_url(&args.url)?;
    let extra = parse_headers(&args.headers)?;
    // These frame the request; a user value (e.g. Content-Length: 1) was sent as given and
    // contradicted the real body, so the handler read a truncated or garbled request.
    const FRAMING: [&str; 5] = ["content-length", "transfer-encoding", "connection", "upgrade", "te"];
    if let Some((name, _)) = extra.iter().find(|(k, _)| FRAMING.iter().any(|f| k.eq_ignore_ascii_case(f))) {
        return Err(Error::usage_hint(
            format!("--header {name} cannot be set: hookctl frames the request itself"),
            "drop it; Content-Length is computed from the body",
        ));
    }
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

    let flags: Vec<crate::output::Secret> = args.secret.iter().cloned().collect();
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
    if scheme == sign::Scheme::Shopify && !secrets.is_empty() {
        // shopify-api's `webhooks.validate` rejects a request without these, so a handler
        // built on it would refuse our test event for the wrong reason.
        headers.extend(shopify_context(&event, &id, at));
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
    let (status, answer, unread) = crate::block_on(post(&url, &headers, body, args.request_timeout))?;
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

fn parse_url(raw: &str) -> Result<reqwest::Url> {
    let url = reqwest::Url::parse(raw).map_err(|e| {
        Error::usage_hint(
            format!("invalid URL '{}': {e}", sanitize_line(raw)),
            "e.g. http://127.0.0.1:8787/webhooks",
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::usage(format!(
            "invalid URL '{}': only http and https are supported",
            sanitize_line(raw)
        )));
    }
    Ok(url)
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

async fn post(
    url: &reqwest::Url,
    headers: &[(String, String)],
    body: Vec<u8>,
    timeout: std::time::Duration,
) -> Result<(reqwest::StatusCode, Vec<u8>, usize)> {
    let network = |message: String| Error::Api(ApiError::network(message));
    // A webhook sender does not follow redirects: a 3xx is the handler's answer.
    let client = reqwest::Client::builder().timeout(timeout).redirect(reqwest::redirect::Policy::none());
    // A handler on this machine is never reached through HTTP_PROXY.
    let client = if crate::loopback::is_loopback(url) { client.no_proxy() } else { client };
    let client = client.build().map_err(|e| Error::Internal(format!("cannot build the HTTP client: {e}")))?;
    let mut request = client.post(url.clone()).body(body);
    for (k, v) in headers {
        request = request.header(k.as_str(), v.as_str());
    }
    let mut response = request.send().await.map_err(|e| network(describe(url, &e)))?;
    let status = response.status();
    let mut bytes = Vec::new();
    let mut unread = 0;
    while let Some(chunk) = response.chunk().await.map_err(|e| network(describe(url, &e)))? {
        let room = READ_LIMIT.saturating_sub(bytes.len());
        if room == 0 {
            // Past the limit: stop reading; what we know is that there was more.
            unread += chunk.len();
            break;
        }
        let take = room.min(chunk.len());
        bytes.extend_from_slice(&chunk[..take]);
        unread += chunk.len() - take;
    }
    Ok((status, bytes, unread))
}

fn describe(url: &reqwest::Url, e: &reqwest::Error) -> String {
    let what = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "connection failed".to_string()
    } else if e.is_builder() {
        "invalid request (check --header values)".to_string()
    } else {
        "request failed".to_string()
    };
    // reqwest's chain holds the real cause (refused, DNS, TLS).
    let mut cause = String::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        cause = s.to_string();
        source = s.source();
    }
    let url = redacted(url);
    if cause.is_empty() {
        format!("POST {url}: {what}")
    } else {
        format!("POST {url}: {what}: {cause}")
    }
}

fn shopify_context(event: &str, id: &str, at: i64) -> Vec<(String, String)> {
    let triggered = time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default();
    [
        ("X-Shopify-Topic", event),
        ("X-Shopify-Webhook-Id", id),
        ("X-Shopify-Api-Version", "2025-01"),
        ("X-Shopify-Shop-Domain", "hookctl-test.myshopify.com"),
        ("X-Shopify-Triggered-At", triggered.as_str()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The URL as shown to people and logs: a password in it is replaced by `***`.
fn redacted(url: &reqwest::Url) -> String {
    crate::output::secret::redact_url(url.as_str()).into_owned()
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
