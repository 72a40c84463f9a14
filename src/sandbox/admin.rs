//! Admin routes under `/_sandbox/` (same token): scenarios (cases, payments, chats), reset,
//! knobs (lag, fail rate, retry schedule, a forced status or delay per endpoint URL), and
//! every delivery attempt. Scripts and hookctl's own tests build scenarios with them.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, patch, post};
use axum::Router;
use serde_json::{json, Value};

use super::app::App;
use super::http::{self, body_json, Answer, Dialect, Problem};
use super::knobs::{parse_schedule, Fault, Lag};
use super::model::{self, Case, Chat, Delivery, EventRow, Lifecycle, Payment, Provider, Status, SELF};
use super::seed;
use super::store::Store;

pub(crate) fn router(app: Arc<App>) -> Router {
    // Full paths rather than a nest: a nested "/" would not match `/_sandbox/`.
    let routes = Router::new()
        .route("/_sandbox", get(info))
        .route("/_sandbox/", get(info))
        .route("/_sandbox/reset", post(reset))
        .route("/_sandbox/knobs", get(knobs).patch(set_knobs))
        .route("/_sandbox/faults", post(add_fault).delete(clear_faults))
        .route("/_sandbox/cases", get(cases).post(create_case))
        .route("/_sandbox/cases/{id}", patch(update_case))
        .route("/_sandbox/cases/{id}/payments", post(add_payment))
        .route("/_sandbox/cases/{id}/chats", post(add_chat))
        .route("/_sandbox/deliveries", get(deliveries))
        .route("/_sandbox/attempts", get(attempts))
        .route("/_sandbox/events", get(events))
        .route("/_sandbox/xpath/events", post(emit_xpath));
    super::http::guarded(app, Dialect::Admin, routes)
}

/// Most faults at once (each is kept in memory for the life of the sandbox).
const MAX_FAULTS: usize = 1000;

fn bad(message: impl Into<String>) -> Problem {
    Problem::bad_request("invalid_request", message)
}

/// A settings body must be an object of known keys: a misspelt knob (`failrate`) is refused
/// instead of answering 200 with nothing changed.
fn known_keys(v: &Value, keys: &[&str]) -> Result<(), Problem> {
    let Some(obj) = v.as_object() else {
        return Err(bad(format!("the body must be a JSON object with any of: {}", keys.join(", "))));
    };
    match obj.keys().find(|k| !keys.contains(&k.as_str())) {
        Some(k) => Err(bad(format!("unknown field '{k}' (known: {})", keys.join(", ")))),
        None => Ok(()),
    }
}

async fn info(State(app): State<Arc<App>>) -> Answer {
    Ok(http::json(
        StatusCode::OK,
        &json!({
            "seed": seed::describe(),
            "seed_url": app.seed_url,
            "knobs": app.knobs().to_json(),
            "queued": app.store.queued()?,
            "attempt_lines_dropped": app.attempt_log.as_ref().map_or(0, |l| l.dropped()),
            "database": app.store.path.display().to_string(),
            "schema_version": super::SCHEMA_VERSION,
        }),
    ))
}

/// Deletes everything and seeds again (knobs and faults stay).
async fn reset(State(app): State<Arc<App>>) -> Answer {
    seed::seed(&app.store, &app.seed_url, true)?;
    Ok(http::json(StatusCode::OK, &json!({"reset": true, "seed": seed::describe()})))
}

async fn knobs(State(app): State<Arc<App>>) -> Answer {
    Ok(http::json(StatusCode::OK, &app.knobs().to_json()))
}

/// `{"lag": "0" | "1s" | "500ms..3s" | 2 (seconds), "fail_rate": 0.2, "retry_schedule": "1s,2s" | ["1s","2s"],
/// "attempt_timeout": "10s"}`.
async fn set_knobs(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    known_keys(&v, &["lag", "fail_rate", "retry_schedule", "attempt_timeout"])?;
    let lag = match v.get("lag") {
        None => None,
        Some(Value::String(s)) => Some(Lag::parse(s).map_err(bad)?),
        // A bare number is seconds, as on the command line (`--lag 2`) and every duration flag.
        Some(Value::Number(n)) if n.as_u64().is_some() => Some(Lag::parse(&n.to_string()).map_err(bad)?),
        Some(_) => {
            return Err(bad("lag must be a duration string (0, 2s, 500ms..3s) or a number of seconds"))
        }
    };
    let fail_rate = match v.get("fail_rate") {
        None => None,
        Some(n) => match n.as_f64() {
            Some(p) if (0.0..=1.0).contains(&p) => Some(p),
            _ => return Err(bad("fail_rate must be a number from 0 to 1")),
        },
    };
    let schedule = match v.get("retry_schedule") {
        None => None,
        Some(Value::String(s)) => Some(parse_schedule(s).map_err(bad)?),
        Some(Value::Array(items)) => {
            let joined: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
            let joined = joined.ok_or_else(|| bad("retry_schedule must list duration strings"))?;
            Some(parse_schedule(&joined.join(",")).map_err(bad)?)
        }
        Some(_) => return Err(bad("retry_schedule must be \"1s,2s,5s\" or a list of durations")),
    };
    let attempt_timeout = match v.get("attempt_timeout") {
        None => None,
        Some(Value::String(t)) => match crate::duration::parse(t) {
            Ok(d) if !d.is_zero() && d <= super::worker::MAX_ATTEMPT_TIMEOUT => Some(d),
            _ => return Err(bad("attempt_timeout must be a duration from 1ms to 2m")),
        },
        Some(_) => return Err(bad("attempt_timeout must be a duration string, e.g. 500ms")),
    };
    let k = app.set_knobs(|k| {
        if let Some(t) = attempt_timeout {
            k.attempt_timeout = t;
        }
        if let Some(l) = lag {
            k.lag = l;
        }
        if let Some(p) = fail_rate {
            k.fail_rate = p;
        }
        if let Some(s) = schedule {
            k.retry_schedule = s;
        }
    });
    Ok(http::json(StatusCode::OK, &k.to_json()))
}

/// `{"url": "http://…", "status": 500, "delay_ms": 2000}`: every attempt to that URL answers
/// `status` (nothing is sent) and/or waits first. Replaces an earlier fault for the URL.
async fn add_fault(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    known_keys(&v, &["url", "status", "delay_ms"])?;
    let url = http::required_str(&v, "url").ok_or_else(|| bad("url is required"))?.to_string();
    let status = match v.get("status") {
        None | Some(Value::Null) => None,
        Some(n) => match n.as_u64() {
            Some(c) if (100..=599).contains(&c) => Some(c as u16),
            _ => return Err(bad("status must be an HTTP status code (100-599)")),
        },
    };
    let delay = match v.get("delay_ms") {
        None | Some(Value::Null) => None,
        Some(n) => match n.as_u64() {
            // The delay is part of the attempt, so it can never outlast the longest one.
            Some(ms) if ms <= model::ms(super::worker::MAX_ATTEMPT_TIMEOUT) as u64 => {
                Some(Duration::from_millis(ms))
            }
            _ => return Err(bad("delay_ms must be a whole number of milliseconds from 0 to 120000 (2m)")),
        },
    };
    if status.is_none() && delay.is_none() {
        return Err(bad("give status and/or delay_ms"));
    }
    let mut full = false;
    let k = app.set_knobs(|k| {
        if k.faults.len() >= MAX_FAULTS && !k.faults.contains_key(&url) {
            full = true;
        } else {
            k.faults.insert(url, Fault { status, delay });
        }
    });
    if full {
        return Err(bad(format!("at most {MAX_FAULTS} faults at once; DELETE /_sandbox/faults clears them")));
    }
    Ok(http::json(StatusCode::OK, &k.to_json()))
}

/// Removes the fault of `?url=`, or every fault.
async fn clear_faults(State(app): State<Arc<App>>, Query(q): Query<HashMap<String, String>>) -> Answer {
    let k = app.set_knobs(|k| match q.get("url") {
        Some(u) => {
            k.faults.remove(u);
        }
        None => k.faults.clear(),
    });
    Ok(http::json(StatusCode::OK, &k.to_json()))
}

fn render_case(app: &App, c: &Case) -> Result<Value, Problem> {
    use super::store::CaseChild;
    Ok(json!({
        "id": c.id,
        "owner": c.owner,
        "classification": if c.test { "test" } else { "live" },
        "lifecycle": c.lifecycle.as_str(),
        "closeCode": c.close_code,
        "closeComment": c.close_comment,
        "payments": app.store.count_for_case(CaseChild::Payments, &c.id)?,
        "chats": app.store.count_for_case(CaseChild::Chats, &c.id)?,
        "createdAt": c.created_at,
    }))
}

async fn cases(State(app): State<Arc<App>>) -> Answer {
    let all = app.store.cases()?;
    let out: Result<Vec<Value>, Problem> = all.iter().map(|c| render_case(&app, c)).collect();
    Ok(http::json(StatusCode::OK, &json!(out?)))
}

fn payment(case_id: &str, v: &Value, now: &str) -> Payment {
    Payment {
        id: model::prefixed("pay"),
        case_id: case_id.into(),
        amount: v
            .get("amount")
            .map(|a| a.as_str().map(str::to_string).unwrap_or_else(|| a.to_string()))
            .unwrap_or_else(|| "100.00".into()),
        currency: v.get("currency").and_then(Value::as_str).unwrap_or("EUR").into(),
        paid_at: now.into(),
    }
}

fn chat(case_id: &str, v: &Value, now: &str) -> Chat {
    Chat {
        id: model::prefixed("chat"),
        case_id: case_id.into(),
        author: v.get("author").and_then(Value::as_str).unwrap_or("debtor").into(),
        message: v.get("message").and_then(Value::as_str).unwrap_or("Hello from the sandbox").into(),
        created_at: now.into(),
    }
}

/// `{"id"?, "classification": "test"|"live", "lifecycle"?, "payments": N, "chats": N,
/// "owner"?}` → the case.
/// A string or null (`None`); another type is a 400 naming the field.
fn nullable_str(v: &Value, key: &str) -> Result<Option<String>, Problem> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        _ => Err(bad(format!("{key} must be a string"))),
    }
}

/// An optional string field of `v`.
fn opt_str(v: &Value, key: &str) -> Result<Option<String>, Problem> {
    Ok(v.get(key).map(|f| nullable_str(f, key)).transpose()?.flatten())
}

/// The optional `lifecycle` field: one of the known words, or a 400 listing them.
fn lifecycle(v: &Value) -> Result<Option<Lifecycle>, Problem> {
    match opt_str(v, "lifecycle")? {
        None => Ok(None),
        Some(l) => Lifecycle::parse(&l).map(Some).ok_or_else(|| {
            let known: Vec<&str> = Lifecycle::ALL.iter().map(|l| l.as_str()).collect();
            bad(format!("lifecycle '{l}' is not one of {}", known.join(", ")))
        }),
    }
}

/// How many payments/chats to create: 0 to 1000.
fn count(v: &Value, key: &str) -> Result<u64, Problem> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(0),
        Some(n) => n
            .as_u64()
            .filter(|n| *n <= 1000)
            .ok_or_else(|| bad(format!("{key} must be a whole number from 0 to 1000"))),
    }
}

async fn create_case(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    known_keys(
        &v,
        &["id", "classification", "lifecycle", "payments", "chats", "owner", "closeCode", "closeComment"],
    )?;
    let test = match opt_str(&v, "classification")?.as_deref().unwrap_or("test") {
        "test" => true,
        "live" => false,
        other => return Err(bad(format!("classification '{other}' must be test or live"))),
    };
    let (payments, chats) = (count(&v, "payments")?, count(&v, "chats")?);
    let id = match opt_str(&v, "id")? {
        Some(id) if id.trim().is_empty() => return Err(bad("id must not be blank")),
        Some(id) => id,
        None => model::prefixed("case"),
    };
    if app.store.case(&id)?.is_some() {
        return Err(Problem::new(StatusCode::CONFLICT, "conflict", format!("case {id} exists")));
    }
    let now = model::now();
    let case = Case {
        id,
        owner: opt_str(&v, "owner")?.unwrap_or_else(|| SELF.into()),
        test,
        lifecycle: lifecycle(&v)?.unwrap_or(Lifecycle::Collection),
        close_code: opt_str(&v, "closeCode")?,
        close_comment: opt_str(&v, "closeComment")?,
        created_at: now.clone(),
    };
    app.store.tx(|tx| {
        Store::insert_case(tx, &case)?;
        for _ in 0..payments {
            Store::insert_payment(tx, &payment(&case.id, &json!({}), &now))?;
        }
        for _ in 0..chats {
            Store::insert_chat(tx, &chat(&case.id, &json!({}), &now))?;
        }
        Ok(())
    })?;
    Ok(http::json(StatusCode::CREATED, &render_case(&app, &case)?))
}

/// `{"lifecycle"?, "closeCode"?, "closeComment"?}`: what the next fire reports.
async fn update_case(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    known_keys(&v, &["lifecycle", "closeCode", "closeComment"])?;
    let mut case = app.store.case(&id)?.ok_or_else(|| Problem::not_found(format!("no case {id}")))?;
    if let Some(l) = lifecycle(&v)? {
        case.lifecycle = l;
    }
    // null clears the close code or comment.
    if let Some(c) = v.get("closeCode") {
        case.close_code = nullable_str(c, "closeCode")?;
    }
    if let Some(c) = v.get("closeComment") {
        case.close_comment = nullable_str(c, "closeComment")?;
    }
    app.store.update_case(&case, &model::now())?;
    Ok(http::json(StatusCode::OK, &render_case(&app, &case)?))
}

async fn add_payment(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    app.store.case(&id)?.ok_or_else(|| Problem::not_found(format!("no case {id}")))?;
    let p = payment(&id, &v, &model::now());
    app.store.tx(|tx| Store::insert_payment(tx, &p))?;
    Ok(http::json(
        StatusCode::CREATED,
        &json!({"id": p.id, "caseId": p.case_id, "amount": p.amount, "currency": p.currency, "paidAt": p.paid_at}),
    ))
}

async fn add_chat(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    app.store.case(&id)?.ok_or_else(|| Problem::not_found(format!("no case {id}")))?;
    let c = chat(&id, &v, &model::now());
    app.store.tx(|tx| Store::insert_chat(tx, &c))?;
    Ok(http::json(
        StatusCode::CREATED,
        &json!({"id": c.id, "caseId": c.case_id, "author": c.author, "message": c.message, "createdAt": c.created_at}),
    ))
}

fn render_delivery(d: &Delivery) -> Value {
    json!({
        "id": d.id,
        "provider": d.provider.as_str(),
        "endpoint_id": d.endpoint_id,
        "url": d.url,
        "event_type": d.event_type,
        "case_id": d.case_id,
        "event_id": d.event_id,
        "webhook_id": d.webhook_id,
        "status": d.status.as_str(),
        "attempts": d.attempts,
        "http_status_code": d.http_status_code,
        "response_body": d.response_body,
        "last_error": d.last_error,
        "next_attempt_at": d.next_at.map(model::rfc3339),
        "created_at": d.created_at,
        "updated_at": d.updated_at,
        "delivered_at": d.delivered_at,
        "body": d.body,
    })
}

/// `?limit=` (default 1000, at most 100,000); anything but a whole number is a 400, so a
/// script's typo is not silently read as the default.
fn limit(q: &HashMap<String, String>) -> Result<i64, Problem> {
    match q.get("limit").map(|l| l.trim()).filter(|l| !l.is_empty()) {
        None => Ok(1000),
        Some(l) => match l.parse::<i64>() {
            Ok(n) if (1..=100_000).contains(&n) => Ok(n),
            _ => Err(bad(format!("limit '{l}' is not a whole number from 1 to 100000"))),
        },
    }
}

/// Every delivery of every dialect, newest first (`?provider=`, `?status=`, `?limit=`).
async fn deliveries(State(app): State<Arc<App>>, Query(q): Query<HashMap<String, String>>) -> Answer {
    let provider = match q.get("provider").map(String::as_str) {
        None | Some("") => None,
        Some(p) => Some(
            Provider::ALL
                .into_iter()
                .find(|x| x.as_str() == p)
                .ok_or_else(|| bad(format!("unknown provider '{p}'")))?,
        ),
    };
    let status = q.get("status").map(String::as_str).filter(|s| !s.is_empty());
    if let Some(s) = status {
        if !Status::NAMES.contains(&s) {
            return Err(bad(format!("unknown status '{s}' (one of {})", Status::NAMES.join(", "))));
        }
    }
    let rows = app.store.deliveries(provider, None, status, limit(&q)?)?;
    Ok(http::json(StatusCode::OK, &json!(rows.iter().map(render_delivery).collect::<Vec<_>>())))
}

/// Every attempt, newest first (`?delivery_id=`, `?limit=`).
async fn attempts(State(app): State<Arc<App>>, Query(q): Query<HashMap<String, String>>) -> Answer {
    let rows = app.store.attempts(q.get("delivery_id").map(String::as_str), limit(&q)?)?;
    let out: Vec<Value> = rows
        .iter()
        .map(|a| {
            json!({
                "delivery_id": a.delivery_id,
                "attempt": a.n,
                "url": a.url,
                "started_at": a.started_at,
                "duration_ms": a.duration_ms,
                "outcome": a.outcome.as_str(),
                "http_status_code": a.http_status_code,
                "response_body": a.response_body,
                "error": a.error,
            })
        })
        .collect();
    Ok(http::json(StatusCode::OK, &json!(out)))
}

fn render_event(e: &EventRow) -> Value {
    json!({
        "id": e.id,
        "delivery_id": e.delivery_id,
        "case_id": e.case_id,
        "event_type": e.event_type,
        "status": e.status.as_str(),
        "webhook_id": e.webhook_id,
        "created_at": e.created_at,
        "visible_at": model::rfc3339(e.visible_at),
        "attempt_count": e.attempt_count,
    })
}

/// Every partner event-log row, including those still hidden by the lag.
async fn events(State(app): State<Arc<App>>, Query(q): Query<HashMap<String, String>>) -> Answer {
    let rows = app.store.all_events(limit(&q)?)?;
    Ok(http::json(StatusCode::OK, &json!(rows.iter().map(render_event).collect::<Vec<_>>())))
}

/// `{"event": "cases.created", "data": {…}}`: xpath's document describes deliveries but no way
/// to cause one, so this stands in for "something happened": every active xpath endpoint
/// subscribed to the event (wildcards too) gets it, signed with its secret, retried on non-2xx.
async fn emit_xpath(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    let event = http::required_str(&v, "event").ok_or_else(|| bad("event is required"))?;
    if event.contains('*') || crate::providers::XPATH.check_event(event).is_err() {
        let known: Vec<&str> =
            crate::providers::XPATH.events.iter().map(|e| e.name).filter(|n| !n.contains('*')).collect();
        return Err(bad(format!("'{event}' is not an xpath event type (one of {})", known.join(", "))));
    }
    let targets: Vec<_> = app
        .store
        .endpoints(Provider::Xpath, SELF)?
        .into_iter()
        .filter(|e| e.active && e.events.iter().any(|p| crate::pattern::matches(p, event)))
        .collect();
    let data = v.get("data").cloned().unwrap_or_else(|| json!({}));
    let deliveries: Vec<Delivery> = targets
        .iter()
        .map(|e| {
            let id = model::prefixed("evt");
            let body = json!({"id": id, "type": event, "created_at": model::now(), "data": data});
            Delivery::to(id, e, event, body.to_string(), true)
        })
        .collect();
    app.store.enqueue(&deliveries)?;
    app.wake.notify_one();
    Ok(http::json(
        StatusCode::OK,
        &json!({"event": event, "deliveries": deliveries.iter().map(|d| json!({"id": d.id, "endpoint_id": d.endpoint_id})).collect::<Vec<_>>()}),
    ))
}
