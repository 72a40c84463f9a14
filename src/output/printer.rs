//! The one printer: human text or JSON on stdout, status and errors on stderr, colours per
//! stream. stdout carries data only; progress, hints and errors go to stderr.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use colored::{Color, Colorize};
use serde_json::{json, Value};

use super::color::{self, ColorChoice, ColorEnv};
use crate::error::Error;
use crate::sanitize::sanitize_line;

/// `--output`: human lines or JSON documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Clone)]
pub struct Printer {
    format: Format,
    color_out: bool,
    color_err: bool,
    stdout_tty: bool,
    stderr_tty: bool,
    quiet: bool,
    verbose: u8,
    /// Writes nothing at all ([`Printer::muted`]).
    muted: bool,
}

impl Printer {
    pub fn new(format: Format, choice: ColorChoice, env: &ColorEnv, quiet: bool, verbose: u8) -> Self {
        // Our policy decides; stop `colored` from second-guessing it with its own env checks.
        colored::control::set_override(true);
        let stdout_tty = color::stdout_is_tty();
        let stderr_tty = color::stderr_is_tty();
        Printer {
            format,
            color_out: color::use_color(choice, env, stdout_tty),
            color_err: color::use_color(choice, env, stderr_tty),
            stdout_tty,
            stderr_tty,
            quiet,
            verbose,
            muted: false,
        }
    }

    /// A plain printer (no colour, human format) for unit tests of what commands print.
    #[cfg(test)]
    pub fn plain() -> Self {
        Printer {
            format: Format::Human,
            color_out: false,
            color_err: false,
            stdout_tty: false,
            stderr_tty: false,
            quiet: false,
            verbose: 0,
            muted: false,
        }
    }

    /// A printer that writes nothing: for a server another command runs inside itself (`demo`
    /// runs a listener whose ready line and summary are not its story).
    pub fn muted(&self) -> Printer {
        Printer { muted: true, ..self.clone() }
    }

    /// True once stdout was found closed (`hookctl … | head`): nothing more is written there.
    pub fn stdout_closed(&self) -> bool {
        STDOUT_CLOSED.load(Ordering::Relaxed)
    }

    /// Resolves when stdout is found closed (a write to it failed with a broken pipe).
    pub async fn stdout_gone(&self) {
        loop {
            let notified = CLOSED.notified();
            tokio::pin!(notified);
            // Registered before the check, so a close in between is not missed.
            notified.as_mut().enable();
            if self.stdout_closed() {
                return;
            }
            notified.await;
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    pub fn verbose(&self) -> u8 {
        self.verbose
    }

    pub fn stdout_is_tty(&self) -> bool {
        self.stdout_tty
    }

    /// Spinners and progress bars only when a person watches stderr.
    pub fn show_progress(&self) -> bool {
        self.stderr_tty && !self.quiet
    }

    /// Colours `text` for stdout when colour is on there.
    pub fn paint(&self, text: &str, color: Color) -> String {
        paint(self.color_out, text, color)
    }

    /// Colours `text` for stderr when colour is on there.
    pub fn paint_err(&self, text: &str, color: Color) -> String {
        paint(self.color_err, text, color)
    }

    pub fn bold(&self, text: &str) -> String {
        if self.color_out {
            text.bold().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn dim(&self, text: &str) -> String {
        if self.color_out {
            text.dimmed().to_string()
        } else {
            text.to_string()
        }
    }

    /// One line of human output on stdout. The caller sanitises untrusted parts.
    pub fn line(&self, text: &str) {
        self.out(format!("{text}\n").as_bytes());
    }

    /// A whole JSON document (the result of a request/response command): pretty on a
    /// terminal, compact when piped.
    pub fn json(&self, value: &Value) {
        let text =
            if self.stdout_tty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
        let text = self.tty_safe(text.unwrap_or_default());
        self.out(format!("{text}\n").as_bytes());
    }

    /// serde_json escapes C0 controls but writes DEL, C1 controls (e.g. U+009B, a CSI on some
    /// terminals) and bidi overrides raw, so `--json` on a terminal let payload text reorder or
    /// drive the display. On a terminal they become `\uXXXX`: the same JSON value, escaped.
    /// They can only occur inside JSON strings, so the document stays valid. Pipes are left as
    /// they are (no terminal there, and `listen` stays on its fast path).
    fn tty_safe(&self, text: String) -> String {
        let unsafe_char =
            |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if !self.stdout_tty || !text.chars().any(unsafe_char) {
            return text;
        }
        let mut out = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            if unsafe_char(c) {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                out.push(c);
            }
        }
        out
    }

    /// One JSON Lines record (streams such as `listen`), always compact, flushed at once.
    pub fn json_line(&self, value: &Value) {
        let text = self.tty_safe(serde_json::to_string(value).unwrap_or_default());
        self.out(format!("{text}\n").as_bytes());
    }

    /// Several JSON Lines records already serialised (a stream's batch), written with one
    /// `write`; on a terminal escaped like [`Printer::json_line`].
    pub fn json_lines(&self, text: String) {
        self.out(self.tty_safe(text).as_bytes());
    }

    /// Several lines of human output already built (and sanitised), written with one `write`.
    pub fn lines(&self, text: &str) {
        self.out(text.as_bytes());
    }

    /// Prints `value` as JSON or runs `human` to print it for people.
    pub fn emit(&self, value: &Value, human: impl FnOnce(&Printer)) {
        match self.format {
            Format::Json => self.json(value),
            Format::Human => human(self),
        }
    }

    /// A status line on stderr (suppressed by `-q`), escaped to one line: status lines echo
    /// user text (paths, patterns, ids) as often as error lines do.
    pub fn info(&self, text: &str) {
        if !self.quiet {
            self.err(&format!("{}\n", sanitize_line(text)));
        }
    }

    /// A status line on stderr that even `-q` keeps (the ready line of `listen`, say); escaped
    /// like [`Printer::info`].
    pub fn always(&self, text: &str) {
        self.err(&format!("{}\n", sanitize_line(text)));
    }

    /// `✓ text` on stderr; `text` is escaped to one line (it often names a user's file or id).
    pub fn success(&self, text: &str) {
        if !self.quiet {
            self.err(&format!("{} {}\n", self.paint_err("✓", Color::Green), sanitize_line(text)));
        }
    }

    pub fn warn(&self, text: &str) {
        self.err(&format!("{} {}\n", self.paint_err("warning:", Color::Yellow), sanitize_line(text)));
    }

    pub fn hint(&self, text: &str) {
        if !self.quiet {
            self.err(&format!("{} {}\n", self.paint_err("hint:", Color::Cyan), sanitize_line(text)));
        }
    }

    /// `-v` traces on stderr. Callers pass redacted text only.
    pub fn debug(&self, text: &str) {
        if self.verbose > 0 {
            self.err(&format!("{} {}\n", self.paint_err("*", Color::BrightBlack), sanitize_line(text)));
        }
    }

    /// A failed outcome (timed out, not delivered, bad signature) reads like an error: one
    /// `error:` line, indented details and `hint:` lines on stderr, each sanitised to stay one
    /// line. Unlike [`Printer::hint`], `-q` keeps the hints: they belong to the failure. With
    /// `--json` the command's result document on stdout says the same for scripts.
    pub fn failed<'a>(&self, message: &str, details: &[String], hints: impl IntoIterator<Item = &'a str>) {
        let mut text = format!("{} {}\n", self.paint_err("error:", Color::Red), sanitize_line(message));
        for d in details {
            text.push_str(&format!("  {}\n", sanitize_line(d)));
        }
        for h in hints {
            text.push_str(&format!("{} {}\n", self.paint_err("hint:", Color::Cyan), sanitize_line(h)));
        }
        self.err(&text);
    }

    /// Reports an error: one `error:` line (plus details and a hint) on stderr, each escaped to
    /// stay one line (a token or provider message with a newline or ANSI escape cannot forge
    /// or hide lines), and with
    /// `--json` an error object on stdout so scripts need only parse one stream.
    pub fn error(&self, err: &Error) {
        let message = err.to_string();
        let details = err.details();
        let hint = err.hint();
        self.failed(&message, &details, hint.as_deref());
        if self.is_json() {
            self.json(&json!({
                "error": {
                    "code": err.exit().code(),
                    "kind": err.kind(),
                    "message": message,
                    "details": details,
                    "hint": hint,
                }
            }));
        }
    }
}

fn paint(on: bool, text: &str, color: Color) -> String {
    if on {
        text.color(color).to_string()
    } else {
        text.to_string()
    }
}

/// Set when a write to stdout failed with a broken pipe: the reader is gone for good.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
/// Wakes [`Printer::stdout_gone`].
static CLOSED: tokio::sync::Notify = tokio::sync::Notify::const_new();

impl Printer {
    /// Writes to stdout. A closed pipe (`hookctl … | head`) is remembered and later writes are
    /// skipped; the command ends through its normal path (`lib` ends most commands quietly
    /// with 0, and `listen` keeps its verdict), never by exiting from here.
    fn out(&self, bytes: &[u8]) {
        if self.muted || self.stdout_closed() {
            return;
        }
        let mut out = io::stdout().lock();
        if let Err(e) = out.write_all(bytes).and_then(|_| out.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                STDOUT_CLOSED.store(true, Ordering::Relaxed);
                CLOSED.notify_waiters();
            }
        }
    }

    fn err(&self, text: &str) {
        if !self.muted {
            let _ = io::stderr().lock().write_all(text.as_bytes());
        }
    }
}

#[cfg(test)]
mod tty_tests {
    use super::*;

    #[test]
    fn json_on_a_terminal_escapes_c1_del_and_bidi_and_stays_valid() {
        let mut p = Printer::plain();
        p.stdout_tty = true;
        let v = json!({"t": "a\u{202e}b\u{9b}31m\u{7f}c é"});
        let text = p.tty_safe(serde_json::to_string(&v).unwrap());
        assert!(!text.chars().any(|c| matches!(c, '\u{7f}'..='\u{9f}' | '\u{202e}')), "{text}");
        assert!(text.contains("\\u202e") && text.contains("\\u009b") && text.contains("é"), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
        // Piped: untouched.
        p.stdout_tty = false;
        let raw = serde_json::to_string(&v).unwrap();
        assert_eq!(p.tty_safe(raw.clone()), raw);
    }
}
