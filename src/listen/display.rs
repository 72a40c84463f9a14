//! Showing requests: a header line and a coloured, pretty body on a terminal, one JSON object
//! per line otherwise. Printing happens on its own thread so a slow terminal does not hold up a
//! handler for each line. The thread wakes once per batch (it gathers what arrives in the next
//! millisecond and writes it with one `write`), not once per request: a wake-up per request was
//! most of the cost of the display under load. The queue is bounded: when the output cannot keep
//! up, handlers wait for room (no line is dropped, and memory does not grow without end).

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::mpsc;

use base64::Engine;
use colored::Color;
use serde_json::Value;

use super::capture::push_json_str;
use super::config::DisplayMode;
use super::record::Received;
use super::verdict::Verdict;
use crate::output::Printer;
use crate::sanitize::{sanitize, sanitize_line};
use crate::sign::Decimal;

/// Bodies longer than this are cut in the human view.
const MAX_SHOWN_BODY: usize = 16 * 1024;
const BINARY_PREVIEW: usize = 48;
/// At most this many requests are written with one `write`.
const MAX_BATCH: usize = 1024;
/// Requests waiting to be shown; more make handlers wait (a slow pipe slows the listener
/// rather than filling memory: each waiting request holds its body, 8,192 of them were 100 MB).
const QUEUE: usize = 1024;
/// How long the thread lets a batch gather after its first request.
const GATHER: Duration = Duration::from_millis(1);

/// What the display shows of one request: its own copy of the handler's [`Received`].
#[derive(Debug, Clone)]
pub struct Shown {
    pub id: String,
    pub received_at: String,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub event_type: Option<String>,
    pub verdict: Verdict,
    pub scheme: Option<String>,
    pub reason: Option<String>,
    pub status: u16,
    pub size: usize,
    pub duplicate: bool,
    pub forwarded_to: Option<String>,
    /// Why forwarding failed, shown in red.
    pub forward_error: Option<String>,
    /// 1-based position of the secret that matched, when several are configured (rotation).
    pub secret: Option<usize>,
    pub body: bytes::Bytes,
}

impl From<Received<'_>> for Shown {
    /// The display's own copy of the record: it is printed on another thread, later.
    fn from(rec: Received<'_>) -> Shown {
        Shown {
            received_at: rec.received_at().into(),
            method: rec.method.into(),
            path: rec.path.into(),
            query: rec.query.map(str::to_string),
            status: rec.status(),
            size: rec.body.len(),
            id: rec.id,
            event_type: rec.event_type,
            verdict: rec.verdict,
            scheme: rec.scheme.map(str::to_string),
            reason: rec.reason,
            duplicate: rec.duplicate,
            forwarded_to: rec.forwarded_to,
            forward_error: rec.forward_error,
            secret: rec.secret,
            body: rec.body,
        }
    }
}

enum Msg {
    Show(Box<Shown>),
    Close,
}

pub struct Display {
    tx: mpsc::Sender<Msg>,
    thread: Option<JoinHandle<()>>,
}

#[derive(Clone)]
pub struct DisplayHandle {
    tx: mpsc::Sender<Msg>,
}

impl DisplayHandle {
    /// Queues `shown`, waiting for room when the display is behind.
    pub async fn show(&self, shown: Shown) {
        // The display thread lives as long as the server; a send error only means shutdown.
        let _ = self.tx.send(Msg::Show(Box::new(shown))).await;
    }
}

impl Display {
    /// `capture` is where whole bodies are kept, if anywhere: the human view says so when it cuts one.
    pub fn start(printer: Printer, mode: DisplayMode, capture: Option<PathBuf>) -> (DisplayHandle, Display) {
        let (tx, mut rx) = mpsc::channel::<Msg>(QUEUE);
        let thread = std::thread::Builder::new()
            .name("display".into())
            .spawn(move || {
                let mut out = Vec::new();
                let mut open = true;
                while open {
                    let Some(first) = rx.blocking_recv() else { break };
                    // Sleeping (not parked on the queue), the thread costs the senders no
                    // wake-up while the batch gathers.
                    std::thread::sleep(GATHER);
                    let mut next = Some(first);
                    let mut n = 0;
                    // A closed stdout (`listen | head`) ends the display, not the listener: the
                    // queue is still drained so handlers never wait for room.
                    let shown_mode = if printer.stdout_closed() { DisplayMode::Off } else { mode };
                    while let Some(msg) = next.take() {
                        match msg {
                            Msg::Show(s) => match shown_mode {
                                DisplayMode::Json => request_line(&s, &mut out),
                                DisplayMode::Human => {
                                    let text = human(&printer, &s, capture.as_deref());
                                    out.extend_from_slice(text.as_bytes());
                                    out.push(b'\n');
                                }
                                DisplayMode::Off => {}
                            },
                            Msg::Close => {
                                open = false;
                                break;
                            }
                        }
                        n += 1;
                        if n < MAX_BATCH {
                            next = rx.try_recv().ok();
                        }
                    }
                    if !out.is_empty() {
                        // Validated, not converted: the batch is built from text, and the lossy
                        // conversion walked it byte by byte (a third of the display's cost).
                        let capacity = out.capacity();
                        let text = match String::from_utf8(std::mem::replace(
                            &mut out,
                            Vec::with_capacity(capacity),
                        )) {
                            Ok(text) => text,
                            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                        };
                        match mode {
                            DisplayMode::Json => printer.json_lines(text),
                            _ => printer.lines(&text),
                        }
                    }
                }
            })
            .ok();
        (DisplayHandle { tx: tx.clone() }, Display { tx, thread })
    }

    /// Prints what is queued, then stops. Called outside the async runtime.
    pub fn close(mut self) {
        let _ = self.tx.blocking_send(Msg::Close);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Appends `{"type":"request","data":{…}}` and its `\n`. Strings are escaped like serde_json
/// escapes them (every control character, so escape sequences in payloads arrive as `\u001b`
/// text, never raw). A JSON body is embedded as sent, with the whitespace between tokens
/// removed (one line), instead of being parsed into a tree and written again.
pub fn request_line(s: &Shown, out: &mut Vec<u8>) {
    fn key(out: &mut Vec<u8>, k: &str) {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(b"\":");
    }
    fn text(out: &mut Vec<u8>, k: &str, v: Option<&str>) {
        key(out, k);
        match v {
            Some(v) => push_json_str(out, v),
            None => out.extend_from_slice(b"null"),
        }
    }
    fn number(out: &mut Vec<u8>, k: &str, v: Option<i64>) {
        key(out, k);
        match v {
            Some(v) => out.extend_from_slice(Decimal::new(v).as_bytes()),
            None => out.extend_from_slice(b"null"),
        }
    }
    out.extend_from_slice(b"{\"type\":\"request\",\"data\":{\"id\":");
    push_json_str(out, &s.id);
    text(out, "received_at", Some(&s.received_at));
    text(out, "method", Some(&s.method));
    text(out, "path", Some(&s.path));
    text(out, "query", s.query.as_deref());
    text(out, "event_type", s.event_type.as_deref());
    text(out, "verdict", Some(s.verdict.as_str()));
    text(out, "scheme", s.scheme.as_deref());
    text(out, "reason", s.reason.as_deref());
    number(out, "status", Some(s.status.into()));
    number(out, "size", Some(s.size as i64));
    key(out, "duplicate");
    out.extend_from_slice(if s.duplicate { &b"true"[..] } else { b"false" });
    text(out, "forwarded_to", s.forwarded_to.as_deref());
    text(out, "forward_error", s.forward_error.as_deref());
    number(out, "secret", s.secret.map(|n| n as i64));
    match std::str::from_utf8(&s.body) {
        Ok(body) => {
            key(out, "body");
            if serde_json::from_str::<serde::de::IgnoredAny>(body).is_ok() {
                push_compact_json(out, body.as_bytes());
            } else {
                push_json_str(out, body);
            }
        }
        Err(_) => {
            key(out, "body_base64");
            out.push(b'"');
            out.extend_from_slice(base64::engine::general_purpose::STANDARD.encode(&s.body).as_bytes());
            out.push(b'"');
        }
    }
    out.extend_from_slice(b"}}\n");
}

/// Copies valid JSON without the whitespace between tokens (inside strings nothing changes;
/// valid JSON strings hold no raw line breaks, so the result is one line). Eight bytes are
/// checked at a time ([`super::swar`], as in [`push_json_str`]) for the next byte that matters — a quote
/// or whitespace outside strings, a quote or backslash inside — and runs are copied whole: the
/// byte-by-byte loop was the display's largest cost.
fn push_compact_json(out: &mut Vec<u8>, json: &[u8]) {
    use super::swar;
    let (mut run, mut i, mut in_string) = (0, 0, false);
    while i < json.len() {
        i = swar::skip(json, i, |w| match in_string {
            true => swar::eq(w, b'"') | swar::eq(w, b'\\'),
            // In valid JSON every byte up to 0x20 outside a string is whitespace.
            false => swar::below(w, 0x21) | swar::eq(w, b'"'),
        });
        let Some(&b) = json.get(i) else { break };
        if in_string {
            match b {
                // The escaped byte (a quote among them) is part of the string.
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b <= b' ' {
            out.extend_from_slice(&json[run..i]);
            run = i + 1;
        }
        i += 1;
    }
    // `run` is only moved past whitespace outside strings, so it never passes the end.
    out.extend_from_slice(&json[run..]);
}

/// The header line and the body, every untrusted part sanitised.
pub fn human(p: &Printer, s: &Shown, capture: Option<&std::path::Path>) -> String {
    let time = s.received_at.get(11..19).unwrap_or(&s.received_at);
    let mut path = sanitize_line(&s.path).into_owned();
    if let Some(q) = &s.query {
        path.push('?');
        path.push_str(&sanitize_line(q));
    }
    let verdict = match s.verdict {
        Verdict::Valid => {
            let which = s.secret.map(|i| format!(", secret {i}")).unwrap_or_default();
            p.paint(&format!("✓ valid ({}{which})", s.scheme.as_deref().unwrap_or("?")), Color::Green)
        }
        Verdict::Unverified => p.paint("• unverified (no secret)", Color::Yellow),
        Verdict::Invalid => p.paint(
            &format!("✗ invalid: {}", sanitize_line(s.reason.as_deref().unwrap_or("bad signature"))),
            Color::Red,
        ),
        Verdict::Rejected => {
            p.paint(&format!("✗ {}", sanitize_line(s.reason.as_deref().unwrap_or("rejected"))), Color::Red)
        }
    };
    let status_color = if (200..300).contains(&s.status) { Color::Green } else { Color::Red };
    let mut line = format!(
        "{} {} {} {} {} {} {}",
        p.dim(time),
        p.bold(&sanitize_line(&s.method)),
        path,
        p.paint(&sanitize_line(s.event_type.as_deref().unwrap_or("-")), Color::Cyan),
        verdict,
        p.dim(&human_size(s.size)),
        p.paint(&format!("→ {}", s.status), status_color),
    );
    if let Some(to) = &s.forwarded_to {
        line.push_str(&p.dim(&format!(" via {}", sanitize_line(to))));
    }
    if let Some(err) = &s.forward_error {
        line.push(' ');
        line.push_str(&p.paint(&format!("forward failed: {}", sanitize_line(err)), Color::Red));
    }
    if s.duplicate {
        line.push(' ');
        line.push_str(&p.paint("[duplicate]", Color::Magenta));
    }
    // Say what is true about the rest of a cut body: where it is, or how to keep it.
    let cut_note = match capture {
        Some(path) => format!("the whole body is in {} (id {})", path.display(), s.id),
        None => "add --capture FILE to keep whole bodies".into(),
    };
    let body = body_view(p, &s.body, &sanitize_line(&cut_note));
    if !body.is_empty() {
        line.push('\n');
        line.push_str(&body);
    }
    line
}

fn human_size(n: usize) -> String {
    if n < 1024 {
        format!("{n} B")
    } else if n < 1024 * 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0))
    }
}

/// JSON pretty and coloured; other text escaped; binary as a short hex preview.
pub fn body_view(p: &Printer, body: &[u8], cut_note: &str) -> String {
    if body.is_empty() {
        return String::new();
    }
    match std::str::from_utf8(body) {
        Ok(text) => {
            if let Ok(v) = serde_json::from_str::<Value>(text) {
                let mut out = String::new();
                pretty(p, &v, 0, &mut out);
                return cut(out, cut_note);
            }
            cut(sanitize(text).into_owned(), cut_note)
        }
        Err(_) => {
            let head = &body[..body.len().min(BINARY_PREVIEW)];
            let more = if body.len() > BINARY_PREVIEW { " …" } else { "" };
            p.dim(&format!("(binary, {} bytes) {}{more}", body.len(), hex::encode(head)))
        }
    }
}

fn cut(mut s: String, note: &str) -> String {
    if s.len() > MAX_SHOWN_BODY {
        let mut end = MAX_SHOWN_BODY;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push_str(&format!("\n… (cut at {} KiB; {note})", MAX_SHOWN_BODY / 1024));
    }
    s
}

/// A JSON string literal, with serde's escaping plus the bidi controls it leaves alone.
fn string_lit(s: &str) -> String {
    let lit = serde_json::to_string(s).unwrap_or_default();
    sanitize_line(&lit).into_owned()
}

fn pretty(p: &Printer, v: &Value, indent: usize, out: &mut String) {
    let pad = |n: usize| "  ".repeat(n);
    match v {
        Value::Null => out.push_str(&p.paint("null", Color::Magenta)),
        Value::Bool(b) => out.push_str(&p.paint(&b.to_string(), Color::Magenta)),
        Value::Number(n) => out.push_str(&p.paint(&n.to_string(), Color::Yellow)),
        Value::String(s) => out.push_str(&p.paint(&string_lit(s), Color::Green)),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                pretty(p, item, indent + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        Value::Object(map) => {
            out.push_str("{\n");
            for (i, (k, item)) in map.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                out.push_str(&p.paint(&string_lit(k), Color::Blue));
                out.push_str(": ");
                pretty(p, item, indent + 1, out);
                out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(body: &[u8]) -> Shown {
        Shown {
            id: "req_1".into(),
            received_at: "2026-11-23T08:00:01.123Z".into(),
            method: "POST".into(),
            path: "/h\u{1b}[2J".into(),
            query: None,
            event_type: Some("case.\u{1b}]0;pwned\u{7}x".into()),
            verdict: Verdict::Valid,
            scheme: Some("standard".into()),
            reason: None,
            status: 200,
            size: body.len(),
            duplicate: true,
            forwarded_to: None,
            forward_error: None,
            secret: None,
            body: bytes::Bytes::copy_from_slice(body),
        }
    }

    #[test]
    fn no_raw_escape_reaches_the_terminal() {
        let p = Printer::plain();
        let out = human(&p, &shown("{\"a\":\"\u{1b}[31mred\u{202e}\",\"b\":[1,true,null]}".as_bytes()), None);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(!out.contains('\u{7}'), "{out:?}");
        assert!(!out.contains('\u{202e}'), "{out:?}");
        assert!(out.contains("[duplicate]"));
        assert!(out.contains("08:00:01"));
        let text = human(&p, &shown(b"plain \x1b[31m text"), None);
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn binary_body_is_a_short_hex_preview() {
        let p = Printer::plain();
        let body: Vec<u8> = (0..=255u8).collect();
        let v = body_view(&p, &body, "");
        assert!(v.starts_with("(binary, 256 bytes) 000102"), "{v}");
        assert!(v.len() < 200);
    }

    /// The line as the tree-building writer made it before (the reference).
    fn json_value(s: &Shown) -> Value {
        let mut data = serde_json::json!({
            "id": s.id, "received_at": s.received_at, "method": s.method, "path": s.path,
            "query": s.query, "event_type": s.event_type, "verdict": s.verdict.as_str(),
            "scheme": s.scheme, "reason": s.reason, "status": s.status, "size": s.size,
            "duplicate": s.duplicate, "forwarded_to": s.forwarded_to,
            "forward_error": s.forward_error, "secret": s.secret,
        });
        match std::str::from_utf8(&s.body) {
            Ok(text) => {
                data["body"] = serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.into()))
            }
            Err(_) => data["body_base64"] = base64::engine::general_purpose::STANDARD.encode(&s.body).into(),
        }
        serde_json::json!({"type": "request", "data": data})
    }

    fn line(s: &Shown) -> String {
        let mut out = Vec::new();
        request_line(s, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// The byte-by-byte version the fast one replaced, kept as the reference.
    fn compact_slowly(json: &[u8]) -> Vec<u8> {
        let (mut out, mut in_string, mut escaped) = (Vec::new(), false, false);
        for &b in json {
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
            } else if b == b'"' {
                in_string = true;
            } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                continue;
            }
            out.push(b);
        }
        out
    }

    #[test]
    fn compacting_json_matches_the_byte_by_byte_reference() {
        let samples = [
            r#"{"a":1}"#.to_string(),
            "{ \"a\" : [ 1 , 2 ,\n\t3 ] ,\r\n \"b\": \"x y  z\" }".to_string(),
            r#"{"q":"he said \"hi there\" \\","n":null}"#.to_string(),
            r#"{"s":"\\\\","t":"\\\"  \\\\\"","u":"caf\u00e9 ünï côdé  "}"#.to_string(),
            serde_json::to_string_pretty(&serde_json::json!({
                "type": "case.closed", "data": {"caseId": "case 1", "items": [1, 2.5, true, null],
                "nested": {"msg": "a \"quoted\" word\tand tab"}}}))
            .unwrap(),
            "  [ ]  ".to_string(),
            "\"just a string with spaces\"".to_string(),
        ];
        for sample in samples {
            assert!(serde_json::from_str::<serde::de::IgnoredAny>(&sample).is_ok(), "{sample}");
            // Every alignment against the 8-byte chunks.
            for pad in 0..9 {
                let json = format!("{}{sample}", " ".repeat(pad));
                let mut fast = Vec::new();
                push_compact_json(&mut fast, json.as_bytes());
                assert_eq!(
                    String::from_utf8(fast).unwrap(),
                    String::from_utf8(compact_slowly(json.as_bytes())).unwrap(),
                    "{json:?}"
                );
            }
        }
    }

    #[test]
    fn json_line_is_one_line_with_the_body_as_json() {
        let bodies: [&[u8]; 7] = [
            b"{\"type\":\"x\"}",
            b"{\n  \"a\" : [1, 2.50, {\"b\": \"sp ace\\\" \\\\ \\n\"}],\r\n\t\"c\": null }\n",
            b"  \"just a string\"  ",
            b"not json {",
            b"{\"e\":\"\\u001b[31m\x7f\"}",
            &[0xff, 0xfe],
            b"",
        ];
        for body in bodies {
            let mut s = shown(body);
            s.reason = Some("r\u{1b}\n".into());
            s.secret = Some(2);
            let text = line(&s);
            assert_eq!(text.matches('\n').count(), 1, "{text:?}");
            assert!(text.ends_with('\n') && !text.contains('\u{1b}'), "{text:?}");
            let parsed: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(parsed, json_value(&s), "{text}");
        }
        let s = shown(b"{\"type\":\"x\"}");
        assert!(line(&s).contains("\"body\":{\"type\":\"x\"}}}"));
    }

    #[test]
    fn a_cut_body_says_where_the_rest_is() {
        let p = Printer::plain();
        let big = format!("\"{}\"", "a".repeat(20_000));
        let without = human(&p, &shown(big.as_bytes()), None);
        assert!(
            without.ends_with("… (cut at 16 KiB; add --capture FILE to keep whole bodies)"),
            "{}",
            &without[without.len() - 80..]
        );
        let with = human(&p, &shown(big.as_bytes()), Some(std::path::Path::new("/tmp/h.jsonl")));
        assert!(
            with.ends_with("… (cut at 16 KiB; the whole body is in /tmp/h.jsonl (id req_1))"),
            "{}",
            &with[with.len() - 80..]
        );
    }
}
