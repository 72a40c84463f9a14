//! Showing requests: a header line and a coloured, pretty body on a terminal, one JSON object
//! per line otherwise. Printing happens on its own thread so a slow terminal never holds up a
//! handler (and so the sender's answer).

use std::sync::mpsc;
use std::thread::JoinHandle;

use base64::Engine;
use colored::Color;
use serde_json::{json, Value};

use super::DisplayMode;
use crate::output::sanitize::{sanitize, sanitize_line};
use crate::output::Printer;

/// Bodies longer than this are cut in the human view (the capture keeps everything).
const MAX_SHOWN_BODY: usize = 16 * 1024;
const BINARY_PREVIEW: usize = 48;

/// What one request looked like, for display.
#[derive(Debug, Clone)]
pub struct Shown {
    pub id: String,
    pub received_at: String,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub event_type: Option<String>,
    /// `valid`, `invalid`, `unverified`, or `rejected` (404/413/408: not captured).
    pub verdict: &'static str,
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
    pub fn show(&self, shown: Shown) {
        // The display thread lives as long as the server; a send error only means shutdown.
        let _ = self.tx.send(Msg::Show(Box::new(shown)));
    }
}

impl Display {
    pub fn start(printer: Printer, mode: DisplayMode) -> (DisplayHandle, Display) {
        let (tx, rx) = mpsc::channel::<Msg>();
        let thread = std::thread::Builder::new()
            .name("display".into())
            .spawn(move || {
                while let Ok(Msg::Show(s)) = rx.recv() {
                    match mode {
                        DisplayMode::Json => printer.json_line(&json_value(&s)),
                        DisplayMode::Human => printer.line(&human(&printer, &s)),
                        DisplayMode::Off => {}
                    }
                }
            })
            .ok();
        (DisplayHandle { tx: tx.clone() }, Display { tx, thread })
    }

    /// Prints what is queued, then stops.
    pub fn close(mut self) {
        let _ = self.tx.send(Msg::Close);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// `{"type":"request","data":{…}}`. serde_json escapes every control character, so escape
/// sequences in payloads arrive as `\u001b` text, never raw.
pub fn json_value(s: &Shown) -> Value {
    let mut data = json!({
        "id": s.id,
        "received_at": s.received_at,
        "method": s.method,
        "path": s.path,
        "query": s.query,
        "event_type": s.event_type,
        "verdict": s.verdict,
        "scheme": s.scheme,
        "reason": s.reason,
        "status": s.status,
        "size": s.size,
        "duplicate": s.duplicate,
        "forwarded_to": s.forwarded_to,
        "forward_error": s.forward_error,
        "secret": s.secret,
    });
    if let Value::Object(map) = &mut data {
        match std::str::from_utf8(&s.body) {
            Ok(text) => {
                let parsed = serde_json::from_str::<Value>(text).ok();
                map.insert("body".into(), parsed.unwrap_or_else(|| Value::String(text.to_string())));
            }
            Err(_) => {
                map.insert(
                    "body_base64".into(),
                    Value::String(base64::engine::general_purpose::STANDARD.encode(&s.body)),
                );
            }
        }
    }
    json!({"type": "request", "data": data})
}

/// The header line and the body, every untrusted part sanitised.
pub fn human(p: &Printer, s: &Shown) -> String {
    let time = s.received_at.get(11..19).unwrap_or(&s.received_at);
    let mut path = sanitize_line(&s.path).into_owned();
    if let Some(q) = &s.query {
        path.push('?');
        path.push_str(&sanitize_line(q));
    }
    let verdict = match s.verdict {
        "valid" => {
            let which = s.secret.map(|i| format!(", secret {i}")).unwrap_or_default();
            p.paint(&format!("✓ valid ({}{which})", s.scheme.as_deref().unwrap_or("?")), Color::Green)
        }
        "unverified" => p.paint("• unverified (no secret)", Color::Yellow),
        "invalid" => p.paint(
            &format!("✗ invalid: {}", sanitize_line(s.reason.as_deref().unwrap_or("bad signature"))),
            Color::Red,
        ),
        _ => p.paint(&format!("✗ {}", sanitize_line(s.reason.as_deref().unwrap_or("rejected"))), Color::Red),
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
    let body = body_view(p, &s.body);
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
pub fn body_view(p: &Printer, body: &[u8]) -> String {
    if body.is_empty() {
        return String::new();
    }
    match std::str::from_utf8(body) {
        Ok(text) => {
            if let Ok(v) = serde_json::from_str::<Value>(text) {
                let mut out = String::new();
                pretty(p, &v, 0, &mut out);
                return cut(out);
            }
            cut(sanitize(text).into_owned())
        }
        Err(_) => {
            let head = &body[..body.len().min(BINARY_PREVIEW)];
            let more = if body.len() > BINARY_PREVIEW { " …" } else { "" };
            p.dim(&format!("(binary, {} bytes) {}{more}", body.len(), hex::encode(head)))
        }
    }
}

fn cut(mut s: String) -> String {
    if s.len() > MAX_SHOWN_BODY {
        let mut end = MAX_SHOWN_BODY;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push_str("\n… (cut; the capture file has the whole body)");
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
            verdict: "valid",
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
        let out = human(&p, &shown("{\"a\":\"\u{1b}[31mred\u{202e}\",\"b\":[1,true,null]}".as_bytes()));
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(!out.contains('\u{7}'), "{out:?}");
        assert!(!out.contains('\u{202e}'), "{out:?}");
        assert!(out.contains("[duplicate]"));
        assert!(out.contains("08:00:01"));
        let text = human(&p, &shown(b"plain \x1b[31m text"));
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn binary_body_is_a_short_hex_preview() {
        let p = Printer::plain();
        let body: Vec<u8> = (0..=255u8).collect();
        let v = body_view(&p, &body);
        assert!(v.starts_with("(binary, 256 bytes) 000102"), "{v}");
        assert!(v.len() < 200);
    }

    #[test]
    fn json_line_is_one_line_with_parsed_body() {
        let v = json_value(&shown(b"{\"type\":\"x\"}"));
        let line = serde_json::to_string(&v).unwrap();
        assert!(!line.contains('\n') && !line.contains('\u{1b}'));
        assert_eq!(v["data"]["body"]["type"], "x");
        let b = json_value(&shown(&[0xff, 0xfe]));
        assert_eq!(b["data"]["body_base64"], "//4=");
    }
}
