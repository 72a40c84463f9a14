//! One event-log row or delivery as hookctl reads it, and the field names that locate its parts.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::sanitize::sanitize_line;
use crate::Result;

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
pub(crate) const FIELD_NAMES: &[&str] = &[
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
                    return Err(super::WaitError::UnknownField {
                        name: name.clone(),
                        known: FIELD_NAMES.join(", "),
                    }
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
    /// (Used by `benches/wait.rs` and tests; the commands parse rows one by one.)
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
