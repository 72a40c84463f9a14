//! The event-log poller of DESIGN §3, shared by `fire --wait`, `test --wait`, `replay --wait`
//! and `events wait`.
//!
//! The pieces, smallest first:
//! - [`Schedule`]: the backoff (first poll after ~200 ms, ×1.5–2 with jitter, capped near 1 s,
//!   `Retry-After` wins).
//! - [`RowFormat`] turns one provider row (a JSON object) into a [`Row`] with a [`RowState`]:
//!   the documents do not name the fields, so common spellings are accepted and a profile's
//!   `fields.<name>` can name them.
//! - [`wait`]: the loop. It is generic over a [`Clock`] and a "poll once" closure, so the unit
//!   tests and `benches/wait.rs` run it on simulated time. Callers take the snapshot
//!   ([`Baseline`]) *before* firing, so rows already in the log never satisfy a wait.
//! - [`watch`]: [`wait`] with real time, Ctrl-C (→ exit 130) and the printer (one line per row,
//!   a spinner on a TTY). Commands call this one, then [`WaitReport::print`].
//!
//! ```ignore
//! let baseline = Baseline::from_rows(&fetch_rows().await?);   // before firing
//! fire().await?;
//! let spec = WaitSpec { expected: enqueued, timeout, baseline, event_type: Some(ev) };
//! let report = wait::watch(&ctx.printer, &spec, || async { fetch_rows().await.map_err(PollError::from) }).await?;
//! report.print(&ctx.printer, "deliveries");
//! Ok(report.outcome())
//! ```

use std::collections::{BTreeMap, HashSet};
use std::future::Future;
use std::ops::RangeInclusive;
use std::time::{Duration, Instant};

use colored::Color;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

use crate::output::sanitize::sanitize_line;
use crate::output::Printer;
use crate::{Error, Outcome, Result};

// ---------------------------------------------------------------------------------------------
// Backoff schedule
// ---------------------------------------------------------------------------------------------

/// Delay before the first poll: most rows appear within a few seconds, so start early.
pub const FIRST_DELAY: Duration = Duration::from_millis(200);
/// Longest pause between polls: bounds the detection lag without hammering the provider.
pub const MAX_DELAY: Duration = Duration::from_secs(1);
/// Growth factor per poll, drawn at random so many waiters never poll in lock-step.
pub const GROWTH: RangeInclusive<f64> = 1.5..=2.0;
/// Once capped, each delay is `MAX_DELAY` times a factor from this range (jitter again).
pub const CAP_JITTER: RangeInclusive<f64> = 0.7..=1.0;
/// A `Retry-After` of zero (or a date in the past) falls back to the backoff: never spin.
const RETRY_AFTER_MIN: Duration = Duration::from_millis(1);

/// The backoff between polls: `200 ms, ~350 ms, ~600 ms, ~1 s, ~0.85 s, …`.
#[derive(Debug, Clone)]
pub struct Schedule<R = StdRng> {
    next: Duration,
    rng: R,
}

impl Schedule<StdRng> {
    /// A schedule seeded from the OS.
    pub fn new() -> Self {
        Schedule::with_rng(StdRng::from_entropy())
    }

    /// A reproducible schedule (tests, benchmarks).
    pub fn seeded(seed: u64) -> Self {
        Schedule::with_rng(StdRng::seed_from_u64(seed))
    }
}

impl Default for Schedule<StdRng> {
    fn default() -> Self {
        Schedule::new()
    }
}

impl<R: Rng> Schedule<R> {
    pub fn with_rng(rng: R) -> Self {
        Schedule { next: FIRST_DELAY, rng }
    }

    /// The pause before the next poll. A provider's `Retry-After` replaces the backoff for
    /// this one pause (the loop still clamps it to the deadline); the backoff keeps growing
    /// underneath so a burst of 429s does not reset it.
    pub fn next_delay(&mut self, retry_after: Option<Duration>) -> Duration {
        let base = self.next;
        let grown = base.mul_f64(self.rng.gen_range(GROWTH));
        self.next = grown.min(MAX_DELAY);
        let backoff =
            if base >= MAX_DELAY { MAX_DELAY.mul_f64(self.rng.gen_range(CAP_JITTER)) } else { base };
        match retry_after {
            Some(ra) if ra >= RETRY_AFTER_MIN => ra,
            _ => backoff,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------------------------

/// Time as the waiter sees it, so the same loop runs on the wall clock and on simulated time.
pub trait Clock {
    /// Time since an arbitrary origin.
    fn elapsed(&self) -> Duration;
    fn sleep(&self, d: Duration) -> impl Future<Output = ()>;
    /// Runs `f` for at most `d`; `None` when it did not finish in time.
    fn limit<F: Future>(&self, d: Duration, f: F) -> impl Future<Output = Option<F::Output>>;
}

/// The wall clock (tokio timers).
#[derive(Debug, Clone, Copy)]
pub struct RealClock {
    start: Instant,
}

impl RealClock {
    pub fn new() -> Self {
        RealClock { start: Instant::now() }
    }
}

impl Default for RealClock {
    fn default() -> Self {
        RealClock::new()
    }
}

impl Clock for RealClock {
    fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    fn sleep(&self, d: Duration) -> impl Future<Output = ()> {
        tokio::time::sleep(d)
    }

    async fn limit<F: Future>(&self, d: Duration, f: F) -> Option<F::Output> {
        tokio::time::timeout(d, f).await.ok()
    }
}

/// Simulated time: `sleep` returns at once and moves the clock forward. Polls take no time
/// unless the poll closure calls [`SimClock::advance`] (to model request latency).
#[derive(Debug, Default)]
pub struct SimClock {
    now: std::cell::Cell<Duration>,
}

impl SimClock {
    pub fn new() -> Self {
        SimClock::default()
    }

    pub fn advance(&self, d: Duration) {
        self.now.set(self.now.get() + d);
    }
}

impl Clock for SimClock {
    fn elapsed(&self) -> Duration {
        self.now.get()
    }

    fn sleep(&self, d: Duration) -> impl Future<Output = ()> {
        self.advance(d);
        std::future::ready(())
    }

    async fn limit<F: Future>(&self, _d: Duration, f: F) -> Option<F::Output> {
        Some(f.await)
    }
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/// Where a row stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowState {
    /// Not attempted yet, or failed with the provider retrying on its own.
    Pending,
    /// Terminal success.
    Delivered,
    /// Terminal failure (`failed` without retries, `dead_letter`, non-2xx, `is_delivered: false`).
    Failed,
}

impl RowState {
    pub fn as_str(self) -> &'static str {
        match self {
            RowState::Pending => "pending",
            RowState::Delivered => "delivered",
            RowState::Failed => "failed",
        }
    }

    pub fn is_terminal(self) -> bool {
        self != RowState::Pending
    }
}

/// One event-log row (or delivery) as hookctl understands it, plus the provider's object.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Identity used to tell new rows from the snapshot: the row's id, or a fingerprint of
    /// its creation time, type and payload when it has none.
    pub key: String,
    pub id: Option<String>,
    pub event_type: Option<String>,
    /// The provider's own status word, if any.
    pub status: Option<String>,
    pub state: RowState,
    pub http_status: Option<u16>,
    pub error: Option<String>,
    pub created_at: Option<String>,
    pub attempts: Option<u64>,
    pub raw: Value,
}

impl Row {
    /// hookctl's reading of the row next to the provider's object (which is kept verbatim).
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "event_type": self.event_type,
            "state": self.state.as_str(),
            "status": self.status,
            "http_status": self.http_status,
            "error": self.error,
            "created_at": self.created_at,
            "attempts": self.attempts,
            "row": self.raw,
        })
    }

    /// One sanitised line for people: `delivered  case.assigned  evt_1  HTTP 200`.
    pub fn summary(&self) -> String {
        let mut parts = vec![format!("{:<9}", self.state.as_str())];
        parts.push(self.event_type.clone().unwrap_or_else(|| "-".into()));
        parts.push(self.id.clone().unwrap_or_else(|| "(no id)".into()));
        if let Some(s) = &self.status {
            if !s.eq_ignore_ascii_case(self.state.as_str()) {
                parts.push(format!("status={s}"));
            }
        }
        if let Some(code) = self.http_status {
            parts.push(format!("HTTP {code}"));
        }
        if let Some(n) = self.attempts {
            parts.push(format!("attempts={n}"));
        }
        if let Some(e) = &self.error {
            parts.push(format!("error: {}", truncate(e, 200)));
        }
        sanitize_line(&parts.join("  ")).into_owned()
    }
}

/// Which JSON fields hold what. Each list is tried in order; the first present non-null
/// value wins. A name may be a dotted path (`delivery.state`) or a JSON pointer (`/a/b`).
#[derive(Debug, Clone, PartialEq)]
pub struct RowFormat {
    pub id: Vec<String>,
    pub event_type: Vec<String>,
    pub status: Vec<String>,
    pub http_status: Vec<String>,
    pub delivered: Vec<String>,
    pub delivered_at: Vec<String>,
    pub error: Vec<String>,
    pub created_at: Vec<String>,
    pub attempts: Vec<String>,
    /// True where `failed` means "mid-retry-backoff" (closient): only `dead_letter` is final.
    pub failed_is_retrying: bool,
}

/// Names a profile may set as `fields.<name>`.
pub const FIELD_NAMES: &[&str] = &[
    "id",
    "event_type",
    "status",
    "http_status",
    "delivered",
    "delivered_at",
    "error",
    "created_at",
    "attempts",
];

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for RowFormat {
    /// The spellings seen across the four documents and the partner's `WebhookEventDto`.
    fn default() -> Self {
        RowFormat {
            id: names(&["id", "eventId", "event_id", "deliveryId", "delivery_id", "uuid"]),
            event_type: names(&["eventType", "event_type", "event_name", "eventName", "event", "type"]),
            status: names(&["status", "state", "deliveryStatus", "delivery_status"]),
            http_status: names(&[
                "httpStatus",
                "statusCode",
                "status_code",
                "http_status_code",
                "httpStatusCode",
                "http_status",
                "lastResponseCode",
                "last_response_code",
                "responseCode",
                "response_code",
                "responseStatus",
            ]),
            delivered: names(&["is_delivered", "isDelivered", "delivered", "success"]),
            delivered_at: names(&["deliveredAt", "delivered_at"]),
            error: names(&["lastError", "last_error", "error", "errorMessage", "error_message"]),
            created_at: names(&["createdAt", "created_at", "timestamp", "occurredAt", "occurred_at"]),
            attempts: names(&["attemptCount", "attempt_count", "attempts"]),
            failed_is_retrying: false,
        }
    }
}

impl RowFormat {
    /// Applies a profile's `fields.<name> = "jsonField"` overrides; unknown names are a
    /// configuration error that lists the valid ones.
    pub fn with_overrides(mut self, overrides: &BTreeMap<String, String>) -> Result<Self> {
        for (name, field) in overrides {
            let slot = match name.as_str() {
                "id" => &mut self.id,
                "event_type" | "type" | "event" => &mut self.event_type,
                "status" => &mut self.status,
                "http_status" => &mut self.http_status,
                "delivered" => &mut self.delivered,
                "delivered_at" => &mut self.delivered_at,
                "error" => &mut self.error,
                "created_at" => &mut self.created_at,
                "attempts" => &mut self.attempts,
                _ => {
                    return Err(crate::config::ConfigError::Invalid(format!(
                        "unknown event-row field 'fields.{name}' in the profile (known: {})",
                        FIELD_NAMES.join(", ")
                    ))
                    .into())
                }
            };
            *slot = vec![field.trim().to_string()];
        }
        Ok(self)
    }

    pub fn retrying_failures(mut self, yes: bool) -> Self {
        self.failed_is_retrying = yes;
        self
    }

    /// Reads one row; `None` when it is not a JSON object.
    pub fn parse(&self, raw: &Value) -> Option<Row> {
        if !raw.is_object() {
            return None;
        }
        let id = pick(raw, &self.id).and_then(scalar_string);
        let event_type = pick(raw, &self.event_type).and_then(|v| v.as_str()).map(str::to_string);
        let status_val = pick(raw, &self.status);
        let status = status_val.and_then(|v| v.as_str()).map(str::to_string);
        // Some logs put the HTTP code in `status`; take it as such rather than ignore it.
        let http_status = pick(raw, &self.http_status)
            .and_then(http_code)
            .or_else(|| status_val.filter(|v| v.is_number()).and_then(http_code));
        let delivered = pick(raw, &self.delivered).and_then(Value::as_bool);
        let delivered_at = pick(raw, &self.delivered_at).is_some();
        let error = pick(raw, &self.error).and_then(error_text).filter(|e| !e.trim().is_empty());
        let created_at = pick(raw, &self.created_at).and_then(scalar_string);
        let attempts = pick(raw, &self.attempts).and_then(Value::as_u64);

        let failure = if self.failed_is_retrying { RowState::Pending } else { RowState::Failed };
        let state = status
            .as_deref()
            .and_then(|s| classify(s, failure))
            .or_else(|| delivered.map(|d| if d { RowState::Delivered } else { RowState::Failed }))
            .or_else(|| delivered_at.then_some(RowState::Delivered))
            .or_else(|| {
                http_status.map(|c| if (200..300).contains(&c) { RowState::Delivered } else { failure })
            })
            .or_else(|| error.as_ref().map(|_| failure))
            .unwrap_or(RowState::Pending);

        let key = match &id {
            Some(id) => id.clone(),
            None => fingerprint(raw, created_at.as_deref(), event_type.as_deref()),
        };
        Some(Row {
            key,
            id,
            event_type,
            status,
            state,
            http_status,
            error,
            created_at,
            attempts,
            raw: raw.clone(),
        })
    }

    /// Reads a list response: a plain array, or the array under a usual envelope key
    /// (`data`, `items`, `results`, …). `None` when the body holds no list at all.
    /// Non-objects inside the list are skipped.
    pub fn parse_list(&self, body: &Value) -> Option<Vec<Row>> {
        crate::api::list_items(body).map(|items| items.iter().filter_map(|v| self.parse(v)).collect())
    }
}

fn classify(status: &str, failure: RowState) -> Option<RowState> {
    let s = status.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    Some(match s.as_str() {
        "delivered" | "success" | "succeeded" | "successful" | "sent" | "ok" | "completed" | "complete"
        | "done" | "acknowledged" => RowState::Delivered,
        "dead_letter" | "deadletter" | "dead_lettered" | "exhausted" | "abandoned" | "discarded"
        | "cancelled" | "canceled" | "undeliverable" => RowState::Failed,
        "failed" | "failure" | "error" | "errored" | "rejected" => failure,
        "pending" | "queued" | "enqueued" | "scheduled" | "processing" | "in_progress" | "inprogress"
        | "sending" | "retrying" | "retry" | "rate_limited" | "attempting" | "created" | "new"
        | "waiting" => RowState::Pending,
        _ => return None,
    })
}

/// The first present, non-null field of `names`.
fn pick<'a>(raw: &'a Value, names: &[String]) -> Option<&'a Value> {
    names.iter().filter_map(|n| lookup(raw, n)).find(|v| !v.is_null())
}

fn lookup<'a>(raw: &'a Value, name: &str) -> Option<&'a Value> {
    if name.starts_with('/') {
        return raw.pointer(name);
    }
    if let Some(v) = raw.get(name) {
        return Some(v);
    }
    if name.contains('.') {
        return name.split('.').try_fold(raw, |v, part| v.get(part));
    }
    None
}

fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn http_code(v: &Value) -> Option<u16> {
    let n = match v {
        Value::Number(n) => n.as_u64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    (100..=599).contains(&n).then_some(n as u16)
}

fn error_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(_) | Value::Null => None,
        other => Some(truncate(&other.to_string(), 256)),
    }
}

fn fingerprint(raw: &Value, created_at: Option<&str>, event_type: Option<&str>) -> String {
    // Only fields that do not change while a row is retried: the status may move on.
    let payload = raw.get("payload").map(Value::to_string).unwrap_or_default();
    match (created_at, event_type) {
        (None, None) if payload.is_empty() => format!("row:{raw}"),
        _ => format!("row:{}|{}|{payload}", created_at.unwrap_or(""), event_type.unwrap_or("")),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max).collect();
    t.push('…');
    t
}

// ---------------------------------------------------------------------------------------------
// The wait
// ---------------------------------------------------------------------------------------------

/// The keys of the rows already in the log before firing; they never count towards a wait.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline(HashSet<String>);

impl Baseline {
    pub fn from_rows(rows: &[Row]) -> Self {
        Baseline(rows.iter().map(|r| r.key.clone()).collect())
    }

    pub fn contains(&self, row: &Row) -> bool {
        self.0.contains(&row.key)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What to wait for.
#[derive(Debug, Clone)]
pub struct WaitSpec {
    /// How many new matching rows must appear and settle (e.g. the fire's `enqueuedCount`).
    pub expected: usize,
    /// Deadline, counted from the start of [`wait`].
    pub timeout: Duration,
    /// Rows seen before the fire.
    pub baseline: Baseline,
    /// Only rows of this type count (`cases.*` matches by prefix). Rows that carry no type
    /// are accepted: the log gave us nothing to tell them apart.
    pub event_type: Option<String>,
}

impl WaitSpec {
    pub fn matches(&self, row: &Row) -> bool {
        if self.baseline.contains(row) {
            return false;
        }
        match (&self.event_type, &row.event_type) {
            (Some(want), Some(got)) => type_matches(want, got),
            _ => true,
        }
    }
}

/// `cases.*` matches `cases.created`; `*` matches everything; otherwise exact.
pub fn type_matches(pattern: &str, event_type: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    match pattern.strip_suffix('*') {
        Some(prefix) => event_type.starts_with(prefix),
        None => pattern == event_type,
    }
}

/// Why one poll produced no rows.
#[derive(Debug)]
pub enum PollError {
    /// Worth another try (5xx, 429, connection trouble): keep polling until the deadline,
    /// after `retry_after` when the provider said so.
    Transient { message: String, retry_after: Option<Duration> },
    /// Polling again cannot help (401, 404, bad configuration): stop with this error.
    Fatal(Error),
}

impl From<Error> for PollError {
    /// Network and server trouble and 429 are transient for a waiter; everything else
    /// (auth, 404, bad configuration) is fatal.
    fn from(e: Error) -> Self {
        match e {
            Error::Api(api) => api.into(),
            other => PollError::Fatal(other),
        }
    }
}

impl From<crate::api::ApiError> for PollError {
    fn from(e: crate::api::ApiError) -> Self {
        let transient = e.exit() == crate::Exit::Network || e.status() == Some(429);
        if transient {
            PollError::Transient { message: e.to_string(), retry_after: e.retry_after() }
        } else {
            PollError::Fatal(e.into())
        }
    }
}

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

    fn count(&self, state: RowState) -> usize {
        self.deciding().iter().filter(|r| r.state == state).count()
    }

    /// `{"outcome", "expected", "rows", "elapsed_ms", "polls"}` (plus `last_error`).
    pub fn to_json(&self) -> Value {
        json!({
            "outcome": self.outcome.as_str(),
            "expected": self.expected,
            "rows": self.rows.iter().map(Row::to_json).collect::<Vec<_>>(),
            "elapsed_ms": self.elapsed.as_millis() as u64,
            "polls": self.polls,
            "last_error": self.last_error,
        })
    }

    /// The final document (`--json`) or a summary line on stderr. Row lines were printed
    /// while waiting. `what` names the rows: "event-log rows", "deliveries".
    pub fn print(&self, printer: &Printer, what: &str) {
        if printer.is_json() {
            printer.json(&self.to_json());
            return;
        }
        let secs = format!("{:.1}s", self.elapsed.as_secs_f64());
        let seen = self.deciding().len();
        match self.outcome {
            WaitOutcome::NothingEnqueued => {
                printer.info("nothing was enqueued, so there is nothing to wait for")
            }
            WaitOutcome::Delivered => printer.success(&format!(
                "{} of {} {what} delivered in {secs} ({} polls)",
                self.count(RowState::Delivered),
                self.expected,
                self.polls
            )),
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
                printer.always(&format!(
                    "{} delivery failed: {} of {} {what} failed: {}",
                    printer.paint_err("✗", Color::Red),
                    failed.len(),
                    self.expected,
                    sanitize_line(&failed.join(", "))
                ));
            }
            WaitOutcome::TimedOut => {
                printer.always(&format!(
                    "{} timed out after {secs}: {seen} of {} {what} appeared ({} delivered, {} pending) in {} polls",
                    printer.paint_err("✗", Color::Red),
                    self.expected,
                    self.count(RowState::Delivered),
                    self.count(RowState::Pending),
                    self.polls
                ));
                if let Some(e) = &self.last_error {
                    printer.always(&format!("  last poll error: {}", sanitize_line(e)));
                }
                printer.hint("the event log can lag under load; a longer --timeout may help");
            }
            WaitOutcome::Interrupted => {
                printer.always(&format!("interrupted after {secs}: {seen} of {} {what} seen", self.expected))
            }
        }
    }
}

/// Hooks for showing progress while waiting.
pub trait Observer {
    /// After every poll.
    fn polled(&mut self, _polls: u32, _elapsed: Duration, _seen: usize, _expected: usize) {}
    /// A new matching row appeared (`first` true) or an already seen one changed state.
    fn row(&mut self, _row: &Row, _first: bool) {}
    /// A poll failed but the wait goes on.
    fn transient(&mut self, _message: &str) {}
}

/// An observer that shows nothing.
pub struct Silent;
impl Observer for Silent {}

/// Polls until `spec.expected` new matching rows have appeared and settled, a deciding row
/// failed, the deadline passed or `interrupt` fired. Polling starts after the first backoff
/// delay; the last poll happens at the deadline at the latest.
pub async fn wait<C, R, P, Fut, I>(
    spec: &WaitSpec,
    clock: &C,
    schedule: &mut Schedule<R>,
    mut poll: P,
    observer: &mut dyn Observer,
    interrupt: I,
) -> Result<WaitReport>
where
    C: Clock,
    R: Rng,
    P: FnMut() -> Fut,
    Fut: Future<Output = std::result::Result<Vec<Row>, PollError>>,
    I: Future<Output = ()>,
{
    let start = clock.elapsed();
    // `--timeout 500000years` is a valid duration; it must not overflow the clock.
    let deadline = start.checked_add(spec.timeout).unwrap_or(Duration::MAX);
    let mut report = WaitReport {
        outcome: WaitOutcome::TimedOut,
        expected: spec.expected,
        rows: Vec::new(),
        elapsed: Duration::ZERO,
        polls: 0,
        last_error: None,
    };
    if spec.expected == 0 {
        report.outcome = WaitOutcome::Delivered;
        return Ok(report);
    }
    tokio::pin!(interrupt);
    let mut retry_after = None;
    loop {
        let remaining = deadline.saturating_sub(clock.elapsed());
        let delay = schedule.next_delay(retry_after.take()).min(remaining);
        // A hanging event log must not hold the wait past its deadline by more than a grace
        // period long enough for one ordinary request.
        let budget = deadline.saturating_sub(clock.elapsed() + delay).max(FINAL_POLL_GRACE);
        let step = async {
            clock.sleep(delay).await;
            clock.limit(budget, poll()).await
        };
        let result = tokio::select! {
            biased;
            _ = &mut interrupt => {
                report.outcome = WaitOutcome::Interrupted;
                break;
            }
            r = step => r,
        };
        report.polls += 1;
        match result {
            None => report.last_error = Some("the event log did not answer in time".into()),
            Some(Err(PollError::Fatal(e))) => return Err(e),
            Some(Err(PollError::Transient { message, retry_after: ra })) => {
                observer.transient(&message);
                report.last_error = Some(message);
                retry_after = ra;
            }
            Some(Ok(rows)) => merge(spec, &mut report.rows, rows, observer),
        }
        observer.polled(report.polls, clock.elapsed() - start, report.rows.len(), spec.expected);
        if let Some(outcome) = decide(&report.rows, spec.expected) {
            report.outcome = outcome;
            break;
        }
        if clock.elapsed() >= deadline {
            break;
        }
    }
    report.elapsed = clock.elapsed() - start;
    Ok(report)
}

/// The longest a single poll may overrun the deadline.
pub const FINAL_POLL_GRACE: Duration = Duration::from_secs(2);

/// Adds new matching rows (oldest first: logs list newest first) and updates known ones.
fn merge(spec: &WaitSpec, tracked: &mut Vec<Row>, rows: Vec<Row>, observer: &mut dyn Observer) {
    for row in rows.into_iter().rev().filter(|r| spec.matches(r)) {
        match tracked.iter_mut().find(|t| t.key == row.key) {
            Some(known) => {
                let changed = known.state != row.state;
                *known = row;
                if changed {
                    observer.row(known, false);
                }
            }
            None => {
                observer.row(&row, true);
                tracked.push(row);
            }
        }
    }
}

/// Failure as soon as a deciding row failed; success when all of them are delivered.
fn decide(rows: &[Row], expected: usize) -> Option<WaitOutcome> {
    let deciding = &rows[..rows.len().min(expected)];
    if deciding.iter().any(|r| r.state == RowState::Failed) {
        return Some(WaitOutcome::Failed);
    }
    (deciding.len() == expected && deciding.iter().all(|r| r.state == RowState::Delivered))
        .then_some(WaitOutcome::Delivered)
}

// ---------------------------------------------------------------------------------------------
// Real-time wait with the printer
// ---------------------------------------------------------------------------------------------

/// [`wait`] on the wall clock, ended early by Ctrl-C (→ [`WaitOutcome::Interrupted`], exit
/// 130). Human output: one line per row on stdout as it appears or settles, a spinner on
/// stderr when a person watches; `--json` prints nothing until [`WaitReport::print`].
pub async fn watch<P, Fut>(printer: &Printer, spec: &WaitSpec, poll: P) -> Result<WaitReport>
where
    P: FnMut() -> Fut,
    Fut: Future<Output = std::result::Result<Vec<Row>, PollError>>,
{
    let mut observer = PrinterObserver::new(printer, spec.expected);
    let interrupt = async {
        // If the handler cannot be installed, Ctrl-C keeps its default (kill) behaviour.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let report = wait(spec, &RealClock::new(), &mut Schedule::new(), poll, &mut observer, interrupt).await;
    observer.finish();
    report
}

/// Prints rows as they appear and drives the spinner.
pub struct PrinterObserver<'a> {
    printer: &'a Printer,
    spinner: Option<indicatif::ProgressBar>,
}

impl<'a> PrinterObserver<'a> {
    pub fn new(printer: &'a Printer, expected: usize) -> Self {
        let spinner = printer.show_progress().then(|| {
            let pb = indicatif::ProgressBar::new_spinner();
            pb.enable_steady_tick(Duration::from_millis(120));
            pb.set_message(format!("waiting for {expected} row(s)…"));
            pb
        });
        PrinterObserver { printer, spinner }
    }

    fn out(&self, f: impl FnOnce()) {
        match &self.spinner {
            Some(pb) => pb.suspend(f),
            None => f(),
        }
    }

    pub fn finish(&mut self) {
        if let Some(pb) = self.spinner.take() {
            pb.finish_and_clear();
        }
    }
}

impl Observer for PrinterObserver<'_> {
    fn polled(&mut self, polls: u32, elapsed: Duration, seen: usize, expected: usize) {
        if let Some(pb) = &self.spinner {
            pb.set_message(format!(
                "waiting: {seen} of {expected} row(s) seen, {polls} polls, {:.1}s",
                elapsed.as_secs_f64()
            ));
        }
    }

    fn row(&mut self, row: &Row, _first: bool) {
        if self.printer.is_json() {
            return;
        }
        let color = match row.state {
            RowState::Delivered => Color::Green,
            RowState::Failed => Color::Red,
            RowState::Pending => Color::Yellow,
        };
        let line = row.summary();
        let (state, rest) = line.split_at(line.find(' ').unwrap_or(line.len()));
        let text = format!("{}{rest}", self.printer.paint(state, color));
        self.out(|| self.printer.line(&text));
    }

    fn transient(&mut self, message: &str) {
        let text = format!("poll failed, will retry: {message}");
        self.out(|| self.printer.debug(&text));
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn schedule_starts_near_200ms_grows_and_caps() {
        for seed in 0..200 {
            let mut s = Schedule::seeded(seed);
            let d: Vec<Duration> = (0..30).map(|_| s.next_delay(None)).collect();
            assert_eq!(d[0], FIRST_DELAY);
            // Growth ×1.5–2 until the cap.
            for w in d.windows(2) {
                if w[1] < ms(690) && w[0] < MAX_DELAY {
                    let f = w[1].as_secs_f64() / w[0].as_secs_f64();
                    assert!((1.49..=2.01).contains(&f), "seed {seed}: growth {f} in {d:?}");
                }
            }
            assert!(d.iter().all(|x| *x <= MAX_DELAY), "seed {seed}: {d:?}");
            assert!(d[6..].iter().all(|x| *x >= ms(690)), "seed {seed}: capped phase {d:?}");
        }
    }

    #[test]
    fn schedule_is_jittered() {
        let a: Vec<_> = {
            let mut s = Schedule::seeded(1);
            (0..10).map(|_| s.next_delay(None)).collect()
        };
        let b: Vec<_> = {
            let mut s = Schedule::seeded(2);
            (0..10).map(|_| s.next_delay(None)).collect()
        };
        assert_eq!(a[0], b[0]);
        assert_ne!(a[1..], b[1..]);
    }

    #[test]
    fn retry_after_overrides_the_backoff_once() {
        let mut s = Schedule::seeded(7);
        assert_eq!(s.next_delay(Some(Duration::from_secs(5))), Duration::from_secs(5));
        // The backoff kept growing underneath.
        let next = s.next_delay(None);
        assert!(next >= ms(300) && next <= ms(400), "{next:?}");
        assert!(s.next_delay(Some(Duration::ZERO)) <= MAX_DELAY);
    }

    fn fmt() -> RowFormat {
        RowFormat::default()
    }

    #[test]
    fn rows_accept_common_spellings() {
        let r = fmt()
            .parse(&json!({"id": 7, "eventType": "case.assigned", "status": "Delivered", "httpStatus": 200}))
            .unwrap();
        assert_eq!(
            (r.id.as_deref(), r.event_type.as_deref(), r.state),
            (Some("7"), Some("case.assigned"), RowState::Delivered)
        );
        let r =
            fmt().parse(&json!({"id": "a", "type": "x", "status": "failed", "statusCode": "500"})).unwrap();
        assert_eq!((r.state, r.http_status), (RowState::Failed, Some(500)));
        let r = fmt().parse(&json!({"id": "a", "event": "x", "status": "queued"})).unwrap();
        assert_eq!((r.state, r.event_type.as_deref()), (RowState::Pending, Some("x")));
        // An object under `event` is not a type name.
        let r = fmt().parse(&json!({"id": "a", "event": {"x": 1}, "eventType": "y"})).unwrap();
        assert_eq!(r.event_type.as_deref(), Some("y"));
        assert!(fmt().parse(&json!("nope")).is_none());
    }

    #[test]
    fn state_derived_from_webhook_event_dto_without_status() {
        let ok = json!({"id": "e1", "eventType": "case.closed", "payload": "{}", "createdAt": "t",
            "deliveredAt": "t2", "attemptCount": 1, "lastResponseCode": 200, "lastError": null});
        assert_eq!(fmt().parse(&ok).unwrap().state, RowState::Delivered);
        let failed = json!({"id": "e2", "eventType": "case.closed", "deliveredAt": null,
            "attemptCount": 3, "lastResponseCode": 500, "lastError": "Internal Server Error"});
        let r = fmt().parse(&failed).unwrap();
        assert_eq!((r.state, r.http_status, r.attempts), (RowState::Failed, Some(500), Some(3)));
        assert_eq!(r.error.as_deref(), Some("Internal Server Error"));
        let net = json!({"id": "e3", "lastError": "connection refused", "deliveredAt": null});
        assert_eq!(fmt().parse(&net).unwrap().state, RowState::Failed);
        let fresh = json!({"id": "e4", "attemptCount": 0, "deliveredAt": null, "lastError": ""});
        assert_eq!(fmt().parse(&fresh).unwrap().state, RowState::Pending);
        let personio = json!({"event_name": "person.updated", "is_delivered": false, "status_code": 503});
        assert_eq!(fmt().parse(&personio).unwrap().state, RowState::Failed);
    }

    #[test]
    fn closient_failed_is_mid_retry_and_dead_letter_is_final() {
        let f = fmt().retrying_failures(true);
        for (status, state) in [
            ("failed", RowState::Pending),
            ("rate_limited", RowState::Pending),
            ("pending", RowState::Pending),
            ("dead_letter", RowState::Failed),
            ("delivered", RowState::Delivered),
        ] {
            let r = f.parse(&json!({"delivery_id": "d", "status": status, "http_status_code": 500})).unwrap();
            assert_eq!(r.state, state, "{status}");
            assert_eq!(r.id.as_deref(), Some("d"));
        }
    }

    #[test]
    fn profile_fields_rename_and_reach_into_objects() {
        let over: BTreeMap<String, String> = [
            ("status".to_string(), "delivery.state".to_string()),
            ("id".to_string(), "/meta/uid".to_string()),
            ("event_type".to_string(), "kind".to_string()),
        ]
        .into();
        let f = fmt().with_overrides(&over).unwrap();
        let r = f
            .parse(&json!({"id": "ignored", "meta": {"uid": "u1"}, "kind": "k", "delivery": {"state": "success"}}))
            .unwrap();
        assert_eq!(
            (r.id.as_deref(), r.event_type.as_deref(), r.state),
            (Some("u1"), Some("k"), RowState::Delivered)
        );
        let bad: BTreeMap<String, String> = [("colour".to_string(), "x".to_string())].into();
        let err = fmt().with_overrides(&bad).unwrap_err();
        assert_eq!(err.exit(), crate::Exit::Config);
        assert!(err.to_string().contains("http_status"), "{err}");
    }

    #[test]
    fn rows_without_id_get_a_stable_fingerprint() {
        let a = fmt().parse(&json!({"eventType": "x", "createdAt": "t1", "status": "pending"})).unwrap();
        let b = fmt().parse(&json!({"eventType": "x", "createdAt": "t1", "status": "delivered"})).unwrap();
        let c = fmt().parse(&json!({"eventType": "x", "createdAt": "t2", "status": "pending"})).unwrap();
        assert_eq!(a.key, b.key);
        assert_ne!(a.key, c.key);
    }

    #[test]
    fn list_envelopes() {
        assert_eq!(fmt().parse_list(&json!([{"id": 1}, 2, {"id": 3}])).unwrap().len(), 2);
        assert_eq!(fmt().parse_list(&json!({"data": [{"id": 1}]})).unwrap().len(), 1);
        assert_eq!(fmt().parse_list(&json!({"items": [{"id": 1}]})).unwrap().len(), 1);
        assert!(fmt().parse_list(&json!({"weird": true})).is_none());
    }

    #[test]
    fn summary_is_one_sanitised_line() {
        let r = fmt()
            .parse(&json!({"id": "e\u{1b}[31m", "eventType": "case.closed", "status": "failed",
                "httpStatus": 500, "lastError": "boom\nline2"}))
            .unwrap();
        let s = r.summary();
        assert!(!s.contains('\u{1b}') && !s.contains('\n'), "{s}");
        assert!(s.starts_with("failed") && s.contains("HTTP 500") && s.contains("boom\\nline2"), "{s}");
    }

    #[test]
    fn poll_errors_are_classified() {
        use crate::api::ApiError;
        let dialect = crate::providers::ErrorDialect::Partner;
        let e = ApiError::from_response("partner", dialect, 429, b"{}", Some(ms(3_000)));
        assert!(
            matches!(PollError::from(e), PollError::Transient { retry_after: Some(d), .. } if d == ms(3_000))
        );
        let e = ApiError::from_response("partner", dialect, 503, b"{}", None);
        assert!(matches!(PollError::from(Error::from(e)), PollError::Transient { .. }));
        for status in [400, 401, 404] {
            let e = ApiError::from_response("partner", dialect, status, b"{}", None);
            assert!(matches!(PollError::from(e), PollError::Fatal(_)), "{status}");
        }
        assert!(matches!(PollError::from(Error::usage("x")), PollError::Fatal(_)));
    }

    fn any_json() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let key = prop::sample::select(vec![
            "id",
            "status",
            "eventType",
            "event",
            "type",
            "httpStatus",
            "statusCode",
            "deliveredAt",
            "lastError",
            "lastResponseCode",
            "is_delivered",
            "attemptCount",
            "createdAt",
            "payload",
            "x",
        ]);
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)),
            ".{0,12}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 32, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec((key.clone(), inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
            ]
        })
    }

    proptest::proptest! {
        /// Whatever a provider sends, parsing never panics and a row stays one safe line.
        #[test]
        fn parsing_never_panics(v in any_json()) {
            for f in [fmt(), fmt().retrying_failures(true)] {
                let _ = f.parse_list(&v);
                if let Some(row) = f.parse(&v) {
                    let line = row.summary();
                    proptest::prop_assert!(!line.contains('\n') && !line.contains('\x1b'), "{}", line);
                    proptest::prop_assert!(row.http_status.is_none_or(|c| (100..=599).contains(&c)));
                }
            }
        }
    }

    #[test]
    fn type_patterns() {
        assert!(type_matches("cases.*", "cases.created"));
        assert!(!type_matches("cases.*", "assignments.created"));
        assert!(type_matches("*", "anything"));
        assert!(type_matches("case.closed", "case.closed"));
        assert!(!type_matches("case.closed", "case.closed.extra"));
    }

    // --- the loop on simulated time -----------------------------------------------------

    /// A log whose rows become visible at given times; records when each poll happened.
    struct Log {
        clock: Rc<SimClock>,
        rows: Vec<(Duration, Value)>,
        polls: RefCell<Vec<Duration>>,
        script: RefCell<Vec<Option<PollError>>>,
    }

    impl Log {
        fn new(clock: Rc<SimClock>, rows: Vec<(u64, Value)>) -> Rc<Self> {
            Rc::new(Log {
                clock,
                rows: rows.into_iter().map(|(t, v)| (ms(t), v)).collect(),
                polls: RefCell::default(),
                script: RefCell::default(),
            })
        }

        fn poll(&self) -> std::result::Result<Vec<Row>, PollError> {
            let now = self.clock.elapsed();
            self.polls.borrow_mut().push(now);
            let scripted = {
                let mut script = self.script.borrow_mut();
                (!script.is_empty()).then(|| script.remove(0)).flatten()
            };
            if let Some(e) = scripted {
                return Err(e);
            }
            // Newest first, like the partner log.
            let mut visible: Vec<Value> =
                self.rows.iter().filter(|(t, _)| *t <= now).map(|(_, v)| v.clone()).collect();
            visible.reverse();
            Ok(fmt().parse_list(&Value::Array(visible)).unwrap_or_default())
        }
    }

    fn run(spec: &WaitSpec, clock: &Rc<SimClock>, log: &Rc<Log>) -> Result<WaitReport> {
        let l = log.clone();
        let mut sched = Schedule::seeded(9);
        let mut obs = Silent;
        let fut = wait(
            spec,
            clock.as_ref(),
            &mut sched,
            move || std::future::ready(l.poll()),
            &mut obs,
            std::future::pending(),
        );
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(fut)
    }

    fn spec(expected: usize, timeout_ms: u64, baseline: &[Value], ty: Option<&str>) -> WaitSpec {
        let rows: Vec<Row> = baseline.iter().filter_map(|v| fmt().parse(v)).collect();
        WaitSpec {
            expected,
            timeout: ms(timeout_ms),
            baseline: Baseline::from_rows(&rows),
            event_type: ty.map(str::to_string),
        }
    }

    #[test]
    fn waits_for_the_new_row_and_ignores_old_ones() {
        let clock = Rc::new(SimClock::new());
        let old = json!({"id": "old", "eventType": "case.assigned", "status": "delivered"});
        let new = json!({"id": "new", "eventType": "case.assigned", "status": "delivered"});
        let log = Log::new(clock.clone(), vec![(0, old.clone()), (3_000, new)]);
        let r = run(&spec(1, 30_000, &[old], Some("case.assigned")), &clock, &log).unwrap();
        assert_eq!(r.outcome, WaitOutcome::Delivered);
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].id.as_deref(), Some("new"));
        assert!(r.elapsed >= ms(3_000) && r.elapsed <= ms(4_000), "{:?}", r.elapsed);
    }

    #[test]
    fn old_rows_alone_time_out_and_never_count() {
        let clock = Rc::new(SimClock::new());
        let old = json!({"id": "old", "eventType": "case.assigned", "status": "delivered"});
        let log = Log::new(clock.clone(), vec![(0, old.clone())]);
        let r = run(&spec(1, 5_000, &[old], None), &clock, &log).unwrap();
        assert_eq!(r.outcome, WaitOutcome::TimedOut);
        assert!(r.rows.is_empty());
        assert_eq!(r.outcome(), Outcome::TimedOut);
    }

    #[test]
    fn never_polls_beyond_the_deadline_and_polls_at_it() {
        let clock = Rc::new(SimClock::new());
        let log = Log::new(clock.clone(), vec![]);
        let r = run(&spec(1, 4_321, &[], None), &clock, &log).unwrap();
        let polls = log.polls.borrow();
        assert_eq!(*polls.last().unwrap(), ms(4_321), "{polls:?}");
        assert!(polls.iter().all(|t| *t <= ms(4_321)));
        assert_eq!(polls[0], FIRST_DELAY);
        assert_eq!(r.polls as usize, polls.len());
        assert_eq!(r.elapsed, ms(4_321));
        // Between ~200 ms and ~1 s apart: never hammering, never idle.
        for w in polls.windows(2) {
            assert!(w[1] - w[0] <= MAX_DELAY && w[1] > w[0], "{polls:?}");
        }
    }

    #[test]
    fn other_event_types_do_not_count() {
        let clock = Rc::new(SimClock::new());
        let other = json!({"id": "x", "eventType": "chat.created", "status": "delivered"});
        let log = Log::new(clock.clone(), vec![(500, other)]);
        let r = run(&spec(1, 3_000, &[], Some("case.closed")), &clock, &log).unwrap();
        assert_eq!(r.outcome, WaitOutcome::TimedOut);
    }

    #[test]
    fn pending_rows_are_followed_until_they_settle() {
        let clock = Rc::new(SimClock::new());
        let log = Log::new(
            clock.clone(),
            vec![
                (1_000, json!({"id": "a", "eventType": "t", "status": "pending"})),
                (1_000, json!({"id": "b", "eventType": "t", "status": "delivered"})),
            ],
        );
        // `a` never settles: a timeout, and the report says one of two is pending.
        let r = run(&spec(2, 3_000, &[], Some("t")), &clock, &log).unwrap();
        assert_eq!(r.outcome, WaitOutcome::TimedOut);
        assert_eq!((r.count(RowState::Delivered), r.count(RowState::Pending)), (1, 1));
    }

    #[test]
    fn a_failed_row_ends_the_wait_with_7() {
        let clock = Rc::new(SimClock::new());
        let log = Log::new(
            clock.clone(),
            vec![(1_500, json!({"id": "a", "eventType": "t", "status": "failed", "httpStatus": 500}))],
        );
        let r = run(&spec(2, 30_000, &[], None), &clock, &log).unwrap();
        assert_eq!(r.outcome, WaitOutcome::Failed);
        assert_eq!(r.outcome(), Outcome::NotDelivered);
        assert!(r.elapsed < ms(3_000));
    }

    #[test]
    fn transient_errors_keep_polling_and_retry_after_is_honoured() {
        let clock = Rc::new(SimClock::new());
        let log = Log::new(clock.clone(), vec![(0, json!({"id": "a", "status": "delivered"}))]);
        log.script.borrow_mut().extend([
            Some(PollError::Transient { message: "HTTP 429".into(), retry_after: Some(ms(2_500)) }),
            Some(PollError::Transient { message: "HTTP 503".into(), retry_after: None }),
        ]);
        let r = run(&spec(1, 30_000, &[], None), &clock, &log).unwrap();
        assert_eq!(r.outcome, WaitOutcome::Delivered);
        let polls = log.polls.borrow();
        assert_eq!(polls.len(), 3);
        assert_eq!(polls[1] - polls[0], ms(2_500));
        assert_eq!(r.last_error.as_deref(), Some("HTTP 503"));
    }

    #[test]
    fn retry_after_is_clamped_to_the_deadline() {
        let clock = Rc::new(SimClock::new());
        let log = Log::new(clock.clone(), vec![]);
        log.script
            .borrow_mut()
            .push(Some(PollError::Transient { message: "429".into(), retry_after: Some(ms(60_000)) }));
        let r = run(&spec(1, 2_000, &[], None), &clock, &log).unwrap();
        assert_eq!(r.outcome, WaitOutcome::TimedOut);
        assert_eq!(*log.polls.borrow().last().unwrap(), ms(2_000));
    }

    #[test]
    fn fatal_poll_errors_stop_the_wait() {
        let clock = Rc::new(SimClock::new());
        let log = Log::new(clock.clone(), vec![]);
        log.script.borrow_mut().push(Some(PollError::Fatal(Error::usage("nope"))));
        let err = run(&spec(1, 2_000, &[], None), &clock, &log).unwrap_err();
        assert_eq!(err.exit(), crate::Exit::Usage);
    }

    #[test]
    fn a_huge_timeout_does_not_overflow() {
        let clock = Rc::new(SimClock::new());
        clock.advance(ms(5));
        let log = Log::new(clock.clone(), vec![(1_000, json!({"id": "a", "status": "delivered"}))]);
        let mut s = spec(1, 0, &[], None);
        s.timeout = Duration::MAX;
        assert_eq!(run(&s, &clock, &log).unwrap().outcome, WaitOutcome::Delivered);
    }

    #[test]
    fn zero_expected_returns_at_once() {
        let clock = Rc::new(SimClock::new());
        let log = Log::new(clock.clone(), vec![]);
        let r = run(&spec(0, 2_000, &[], None), &clock, &log).unwrap();
        assert_eq!((r.outcome, r.polls), (WaitOutcome::Delivered, 0));
    }

    #[test]
    fn interrupt_ends_the_wait() {
        let clock = SimClock::new();
        let spec = spec(1, 30_000, &[], None);
        let mut sched = Schedule::seeded(9);
        let mut obs = Silent;
        let fut = wait(
            &spec,
            &clock,
            &mut sched,
            || std::future::ready(Ok(Vec::new())),
            &mut obs,
            std::future::ready(()),
        );
        let r = tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(fut).unwrap();
        assert_eq!(r.outcome, WaitOutcome::Interrupted);
        assert_eq!(r.outcome(), Outcome::Interrupted);
    }

    /// A clock on which every poll hangs until its time limit.
    struct Hanging(SimClock);

    impl Clock for Hanging {
        fn elapsed(&self) -> Duration {
            self.0.elapsed()
        }
        fn sleep(&self, d: Duration) -> impl Future<Output = ()> {
            self.0.sleep(d)
        }
        fn limit<F: Future>(&self, d: Duration, _f: F) -> impl Future<Output = Option<F::Output>> {
            self.0.advance(d);
            std::future::ready(None)
        }
    }

    #[test]
    fn hanging_poll_is_cut_off_after_the_grace() {
        let spec = spec(1, 300, &[], None);
        let clock = Hanging(SimClock::new());
        let mut sched = Schedule::seeded(9);
        let mut obs = Silent;
        let fut = wait(&spec, &clock, &mut sched, std::future::pending, &mut obs, std::future::pending());
        let r = tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(fut).unwrap();
        assert_eq!(r.outcome, WaitOutcome::TimedOut);
        assert_eq!(r.polls, 1);
        assert_eq!(r.elapsed, FIRST_DELAY + FINAL_POLL_GRACE);
        assert!(r.last_error.unwrap().contains("did not answer"));
    }

    #[test]
    fn json_report_shape() {
        let r = WaitReport {
            outcome: WaitOutcome::TimedOut,
            expected: 2,
            rows: vec![fmt().parse(&json!({"id": "a", "status": "delivered"})).unwrap()],
            elapsed: ms(1234),
            polls: 5,
            last_error: None,
        };
        let v = r.to_json();
        assert_eq!(v["outcome"], "timed_out");
        assert_eq!(v["expected"], 2);
        assert_eq!(v["elapsed_ms"], 1234);
        assert_eq!(v["polls"], 5);
        assert_eq!(v["rows"][0]["state"], "delivered");
        assert_eq!(v["rows"][0]["row"]["id"], "a");
    }
}
