//! A partner (Debitura) API stub that behaves like its document: `POST /test/webhooks/fire`
//! with its guards (400 not a test case / bad subscription, 404 unknown case, 422 no
//! payments/chats) and an event log, `GET /webhooks/events?caseId=`, whose rows appear only
//! some time after the fire, newest first.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::Stub;

/// How the event log answers one GET.
#[derive(Debug, Clone)]
pub enum LogReply {
    /// Status and `Retry-After` seconds, with a partner error body.
    Status(u16, Option<u64>),
    /// Never answers.
    Hang,
}

/// What the stub does; change it through [`Partner::state`] before or during a test.
#[derive(Debug)]
pub struct PartnerState {
    /// enqueuedCount answered for a fire.
    pub enqueued: usize,
    /// How many rows a fire really produces (normally = enqueued).
    pub rows_per_fire: usize,
    /// Delay between the fire and its rows appearing in the log.
    pub lag: Duration,
    /// Row template for fired rows: `status` and the rest are merged into each row.
    pub row_fields: Value,
    /// Rows already in the log (oldest first).
    pub rows: Vec<(Instant, Value)>,
    /// Replies used, one per GET, before the log answers normally.
    pub log_script: VecDeque<LogReply>,
    /// The script starts once this many GETs were answered normally (1: after the snapshot a
    /// wait takes before firing), so a test scripts the polls up front instead of racing them.
    pub script_after: usize,
    /// A `pending` row turns `delivered` (HTTP 204) once the log has shown it this many times:
    /// the provider's worker finishing an attempt the waiter has seen in flight.
    pub settle_after: Option<usize>,
    /// How often the log has shown each row, by id.
    pub shown: std::collections::HashMap<String, usize>,
    /// After this many normal GETs, every further GET hangs (`None`: never).
    pub hang_after: Option<usize>,
    pub log_gets: usize,
    /// When each event-log GET arrived, with the status it was answered with.
    pub log_times: Vec<(Instant, u16)>,
    next_id: usize,
}

pub struct Partner {
    pub stub: Stub,
    pub state: Arc<Mutex<PartnerState>>,
}

pub const TOKEN: &str = "pk_test_0123456789abcdef";

fn err(status: StatusCode, error: &str, message: &str, business: Value) -> Response {
    (status, Json(json!({"error": error, "message": message, "businessErrors": business}))).into_response()
}

impl Partner {
    pub fn start() -> Partner {
        let state = Arc::new(Mutex::new(PartnerState {
            enqueued: 1,
            rows_per_fire: 1,
            lag: Duration::from_millis(1200),
            row_fields: json!({"status": "delivered", "httpStatus": 200}),
            rows: Vec::new(),
            log_script: VecDeque::new(),
            script_after: 0,
            settle_after: None,
            shown: Default::default(),
            hang_after: None,
            log_gets: 0,
            log_times: Vec::new(),
            next_id: 1,
        }));
        let router = Router::new()
            .route("/test/webhooks/fire", post(fire))
            .route("/webhooks/events", get(events))
            .route("/webhooks/events/{id}", get(event))
            .with_state(state.clone());
        Partner { stub: Stub::start(router), state }
    }

    /// The base URL to pass as HOOKCTL_BASE_URL.
    pub fn base(&self) -> String {
        self.stub.url("")
    }

    /// `hookctl` set up for this stub: provider, base URL, token, a short request timeout.
    pub fn cmd(&self, env: &super::TestEnv) -> assert_cmd::Command {
        let mut c = env.cmd();
        c.env("HOOKCTL_PROVIDER", "partner")
            .env("HOOKCTL_BASE_URL", self.base())
            .env("HOOKCTL_TOKEN", TOKEN)
            .env("HOOKCTL_HTTP_TIMEOUT", "2s");
        c
    }

    /// Adds a row that is already in the log (an earlier fire).
    pub fn old_row(&self, row: Value) {
        let mut s = self.state.lock().unwrap();
        let then = Instant::now().checked_sub(Duration::from_secs(60)).unwrap_or_else(Instant::now);
        s.rows.push((then, row));
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut PartnerState) -> R) -> R {
        f(&mut self.state.lock().unwrap())
    }

    /// Adds `n` rows of `event` for `case` that appear after `lag` from now.
    pub fn schedule_rows(&self, case: &str, event: &str, n: usize, lag: Duration) {
        let mut s = self.state.lock().unwrap();
        add_rows(&mut s, case, event, n, lag);
    }

    pub fn fires(&self) -> Vec<Value> {
        self.stub
            .requests()
            .iter()
            .filter(|r| r.path == "/test/webhooks/fire")
            .map(|r| serde_json::from_slice(&r.body).unwrap_or(Value::Null))
            .collect()
    }

    pub fn log_polls(&self) -> Vec<super::Recorded> {
        self.stub.requests().into_iter().filter(|r| r.path == "/webhooks/events").collect()
    }
}

fn add_rows(s: &mut PartnerState, case: &str, event: &str, n: usize, lag: Duration) {
    for _ in 0..n {
        let id = format!("evt_{:04}", s.next_id);
        s.next_id += 1;
        let mut row = json!({
            "id": id,
            "caseId": case,
            "eventType": event,
            "payload": "{}",
            "createdAt": "2026-05-01T12:00:00Z",
        });
        if let (Some(obj), Some(extra)) = (row.as_object_mut(), s.row_fields.as_object()) {
            for (k, v) in extra {
                obj.insert(k.clone(), v.clone());
            }
        }
        s.rows.push((Instant::now() + lag, row));
    }
}

fn authorized(headers: &HeaderMap) -> bool {
    headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {TOKEN}"))
}

async fn fire(State(state): State<Arc<Mutex<PartnerState>>>, headers: HeaderMap, body: String) -> Response {
    if !authorized(&headers) {
        return err(StatusCode::UNAUTHORIZED, "Unauthorized", "Invalid or missing API key", json!([]));
    }
    let Ok(body) = serde_json::from_str::<Value>(&body) else {
        return err(StatusCode::BAD_REQUEST, "BadRequest", "Request body is not valid JSON", json!([]));
    };
    let case = body["caseId"].as_str().unwrap_or_default().to_string();
    let event = body["event"].as_str().unwrap_or_default().to_string();
    match case.as_str() {
        "case-live" => {
            return err(
                StatusCode::BAD_REQUEST,
                "BadRequest",
                "Case is not a test case",
                json!([{"type": "CaseNotTest", "message": "Case classification is live, expected test",
                    "solutionUrl": "https://docs.example/test-cases"}]),
            )
        }
        "case-unknown" => {
            return err(
                StatusCode::NOT_FOUND,
                "NotFound",
                "Case not found or not owned by this partner",
                json!([]),
            )
        }
        "case-no-payments" if event == "payment.created" => {
            return err(
                StatusCode::UNPROCESSABLE_ENTITY,
                "UnprocessableEntity",
                "No payments exist for this case",
                json!([{"type": "NoPayments", "message": "payment.created needs at least one payment"}]),
            )
        }
        _ => {}
    }
    if body.get("subscriptionId").and_then(Value::as_str) == Some("sub-foreign") {
        return err(
            StatusCode::BAD_REQUEST,
            "BadRequest",
            "Subscription not found, not a test subscription, or not owned by this partner",
            json!([]),
        );
    }
    let mut s = state.lock().unwrap();
    let (n, lag) = (s.rows_per_fire, s.lag);
    add_rows(&mut s, &case, &event, n, lag);
    Json(json!({"eventType": event, "caseId": case, "enqueuedCount": s.enqueued})).into_response()
}

async fn events(
    State(state): State<Arc<Mutex<PartnerState>>>,
    headers: HeaderMap,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Response {
    if !authorized(&headers) {
        return err(StatusCode::UNAUTHORIZED, "Unauthorized", "Invalid or missing API key", json!([]));
    }
    let Some(case) = q.get("caseId").cloned() else {
        return err(StatusCode::BAD_REQUEST, "BadRequest", "caseId is required", json!([]));
    };
    let reply = {
        let mut s = state.lock().unwrap();
        let scripted = if s.log_gets >= s.script_after { s.log_script.pop_front() } else { None };
        let reply = match scripted {
            Some(r) => Some(r),
            None => {
                s.log_gets += 1;
                match s.hang_after {
                    Some(n) if s.log_gets > n => Some(LogReply::Hang),
                    _ => None,
                }
            }
        };
        let code = match &reply {
            Some(LogReply::Status(c, _)) => *c,
            Some(LogReply::Hang) => 0,
            None => 200,
        };
        s.log_times.push((Instant::now(), code));
        reply
    };
    match reply {
        Some(LogReply::Hang) => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            return StatusCode::GATEWAY_TIMEOUT.into_response();
        }
        Some(LogReply::Status(code, retry_after)) => {
            let mut resp = err(
                StatusCode::from_u16(code).unwrap(),
                "Unavailable",
                "The event log is temporarily unavailable",
                json!([]),
            );
            if let Some(secs) = retry_after {
                resp.headers_mut().insert("retry-after", secs.to_string().parse().unwrap());
            }
            return resp;
        }
        None => {}
    }
    let mut guard = state.lock().unwrap();
    let s = &mut *guard;
    let now = Instant::now();
    let mut rows = Vec::new();
    for (_, row) in s.rows.iter_mut().rev().filter(|(at, row)| *at <= now && row["caseId"] == case.as_str()) {
        let shown = s.shown.entry(row["id"].as_str().unwrap_or_default().to_string()).or_default();
        if row["status"] == "pending" && s.settle_after.is_some_and(|n| *shown >= n) {
            row["status"] = json!("delivered");
            row["httpStatus"] = json!(204);
        }
        *shown += 1;
        rows.push(row.clone());
    }
    Json(Value::Array(rows)).into_response()
}

async fn event(State(state): State<Arc<Mutex<PartnerState>>>, Path(id): Path<String>) -> Response {
    let s = state.lock().unwrap();
    let now = Instant::now();
    match s.rows.iter().find(|(at, r)| *at <= now && r["id"] == id.as_str()) {
        Some((_, r)) => Json(r.clone()).into_response(),
        None => err(StatusCode::NOT_FOUND, "NotFound", "Webhook event not found", json!([])),
    }
}
