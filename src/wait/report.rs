//! How a wait ended, printed as one report (human lines or one JSON document).

use std::time::Duration;

use serde_json::{json, Value};

use super::rows::{Row, RowState};
use crate::output::Printer;
use crate::Outcome;

/// How a wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitOutcome {
    /// Every expected row appeared and was delivered.
    Delivered,
    /// A row settled as failed (`failed`, `dead_letter`, non-2xx, `is_delivered: false`).
    Failed,
    /// The deadline passed first.
    TimedOut,
    /// Ctrl-C.
    Interrupted,
    /// Nothing was enqueued, so there was nothing to wait for.
    NothingEnqueued,
}

impl WaitOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            WaitOutcome::Delivered => "delivered",
            WaitOutcome::Failed => "failed",
            WaitOutcome::TimedOut => "timed_out",
            WaitOutcome::Interrupted => "interrupted",
            WaitOutcome::NothingEnqueued => "nothing_enqueued",
        }
    }
}

/// The result of a wait: the command prints it and exits with [`WaitReport::outcome`].
#[derive(Debug, Clone)]
pub struct WaitReport {
    pub outcome: WaitOutcome,
    pub expected: usize,
    /// New matching rows in the order they appeared (at most `expected` of them decide).
    pub rows: Vec<Row>,
    pub elapsed: Duration,
    pub polls: u32,
    /// The last transient poll failure, shown when the wait times out.
    pub last_error: Option<String>,
    /// New rows that did not count (another type, a `--match` that failed), shown when the
    /// wait times out.
    pub(crate) near_misses: crate::matcher::NearMisses,
}

impl WaitReport {
    /// The report for "nothing was enqueued": no polling at all.
    pub fn nothing_enqueued() -> Self {
        WaitReport {
            outcome: WaitOutcome::NothingEnqueued,
            expected: 0,
            rows: Vec::new(),
            elapsed: Duration::ZERO,
            polls: 0,
            last_error: None,
            near_misses: Default::default(),
        }
    }

    pub fn outcome(&self) -> Outcome {
        match self.outcome {
            WaitOutcome::Delivered | WaitOutcome::NothingEnqueued => Outcome::Success,
            WaitOutcome::Failed => Outcome::NotDelivered,
            WaitOutcome::TimedOut => Outcome::TimedOut,
            WaitOutcome::Interrupted => Outcome::Interrupted,
        }
    }

    /// The rows that decide the outcome.
    pub fn deciding(&self) -> &[Row] {
        &self.rows[..self.rows.len().min(self.expected)]
    }

    pub(crate) fn count(&self, state: RowState) -> usize {
        self.deciding().iter().filter(|r| r.state == state).count()
    }

    /// `{"outcome", "expected", "rows", "elapsed_ms", "polls"}` (plus `last_error`, and
    /// `near_misses` when new rows did not count).
    pub fn to_json(&self) -> Value {
        let mut doc = json!({
            "outcome": self.outcome.as_str(),
            "expected": self.expected,
            "rows": self.rows.iter().map(Row::to_json).collect::<Vec<_>>(),
            "elapsed_ms": self.elapsed.as_millis() as u64,
            "polls": self.polls,
            "last_error": self.last_error,
        });
        if !self.near_misses.is_empty() {
            doc["near_misses"] = self.near_misses.to_json();
        }
        doc
    }

    /// The final document (`--json`) or a summary line on stderr; a failure is also an
    /// `error:` line with `hint:` lines on stderr, whatever the format. Row lines were printed
    /// while waiting. `what` names the rows: "event-log rows", "deliveries".
    pub fn print(&self, printer: &Printer, what: &str) {
        self.print_hinted(printer, what, None);
    }

    /// [`WaitReport::print`] with one more `hint:` line for a failure (e.g. how to replay).
    pub fn print_hinted(&self, printer: &Printer, what: &str, failure_hint: Option<&str>) {
        if printer.is_json() {
            printer.json(&self.to_json());
        }
        self.summary(printer, what, failure_hint);
    }

    /// The stderr part of [`WaitReport::print`], for commands that print their own document.
    pub fn summary(&self, printer: &Printer, what: &str, failure_hint: Option<&str>) {
        let secs = seconds(self.elapsed);
        let seen = self.deciding().len();
        match self.outcome {
            WaitOutcome::NothingEnqueued if !printer.is_json() => {
                printer.info("nothing was enqueued, so there is nothing to wait for")
            }
            WaitOutcome::Delivered if !printer.is_json() => printer.success(&format!(
                "{} of {} {what} delivered in {secs} ({})",
                self.count(RowState::Delivered),
                self.expected,
                crate::output::plural(u64::from(self.polls), "poll")
            )),
            WaitOutcome::NothingEnqueued | WaitOutcome::Delivered => {}
            WaitOutcome::Failed => {
                let failed: Vec<String> = self
                    .deciding()
                    .iter()
                    .filter(|r| r.state == RowState::Failed)
                    .map(|r| {
                        let mut s = r.id.clone().unwrap_or_else(|| "(no id)".into());
                        if let Some(code) = r.http_status {
                            s.push_str(&format!(" (HTTP {code})"));
                        } else if let Some(st) = &r.status {
                            s.push_str(&format!(" ({st})"));
                        }
                        s
                    })
                    .collect();
                // What each failed attempt hit, and for a local target, what to run there.
                let errors: Vec<&str> = self
                    .deciding()
                    .iter()
                    .filter(|r| r.state == RowState::Failed)
                    .filter_map(|r| r.error.as_deref())
                    .collect();
                let details: Vec<String> = errors.iter().map(|e| format!("last error: {e}")).collect();
                let listen = errors.iter().find_map(|e| loopback_target(e)).map(|url| {
                    format!(
                        "nothing answered at {url}: start a receiver there, e.g. `hookctl listen --port {}`",
                        url.port_or_known_default().unwrap_or(80)
                    )
                });
                printer.failed(
                    &format!(
                        "delivery failed: {} of {} {what} failed: {}",
                        failed.len(),
                        self.expected,
                        failed.join(", ")
                    ),
                    &details,
                    failure_hint.into_iter().chain(listen.as_deref()),
                );
            }
            WaitOutcome::TimedOut => {
                let mut details = vec![format!(
                    "{} delivered, {} pending, {}",
                    self.count(RowState::Delivered),
                    self.count(RowState::Pending),
                    crate::output::plural(u64::from(self.polls), "poll")
                )];
                if !self.near_misses.is_empty() {
                    details.push(format!("near misses: {}", self.near_misses.summary(seen)));
                }
                if let Some(e) = &self.last_error {
                    details.push(format!("last poll error: {e}"));
                }
                printer.failed(
                    &format!("timed out after {secs}: {seen} of {} {what} appeared", self.expected),
                    &details,
                    ["the event log can lag under load; a longer --timeout may help"],
                );
            }
            WaitOutcome::Interrupted => printer.failed(
                &format!("interrupted after {secs}: {seen} of {} {what} seen", self.expected),
                &[],
                [],
            ),
        }
    }
}

/// A loopback `http://` URL named in a connection failure (`connection to URL failed: …`).
fn loopback_target(error: &str) -> Option<reqwest::Url> {
    if !error.contains("refused") && !error.contains("connect") {
        return None;
    }
    error.split_whitespace().find_map(|word| {
        let url = reqwest::Url::parse(word.trim_end_matches([':', ',', ';', ')'])).ok()?;
        let host = url.host_str()?.trim_start_matches('[').trim_end_matches(']');
        let local = host.eq_ignore_ascii_case("localhost")
            || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
        (local && url.scheme() == "http").then_some(url)
    })
}

/// `2s`, `2.4s`: tenths only when they say something.
pub(crate) fn seconds(d: Duration) -> String {
    let tenths = (d.as_millis() + 50) / 100;
    if tenths.is_multiple_of(10) {
        format!("{}s", tenths / 10)
    } else {
        format!("{}.{}s", tenths / 10, tenths % 10)
    }
}
