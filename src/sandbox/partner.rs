//! The partner (Debitura Collection Partner) dialect: the documented
//! `POST /test/webhooks/fire` with its 400/404/422 guards and `enqueuedCount`, the event log
//! `GET /webhooks/events?caseId=` whose rows appear only after the attempt and the lag, and
//! the inferred subscriptions CRUD under `/webhooks`. Errors are
//! `{error, message, businessErrors[{type, message}]}`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use super::http::{self, body_json, string_list, valid_url, Answer, Dialect, Problem};
use super::model::{self, Case, Delivery, Endpoint, EventRow, Provider, SELF};
use super::seed::PARTNER_EVENTS;
use super::App;

pub(crate) fn router(app: Arc<App>) -> Router {
    let routes = Router::new()
        .route("/test/webhooks/fire", post(fire))
        .route("/webhooks/events", get(events))
        .route("/webhooks/events/{id}", get(event))
        .route("/webhooks", get(list).post(create))
        .route("/webhooks/{id}", get(read).patch(update).delete(remove));
    super::http::guarded(app, Dialect::Partner, routes)
}

fn bad(code: &'static str, message: impl Into<String>) -> Problem {
    Problem::bad_request(code, message)
}

fn case_not_found(id: &str) -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "CaseNotFound",
        format!("Case {id} not found or not owned by this collection partner"),
    )
}

/// The case, if it exists and belongs to the token's partner.
fn own_case(app: &App, id: &str) -> Result<Case, Problem> {
    app.store.case(id)?.filter(|c| c.owner == SELF).ok_or_else(|| case_not_found(id))
}

/// The event's data: the case's real current state, read now (no fabrication).
fn data(app: &App, event: &str, case: &Case) -> Result<Value, Problem> {
    let missing = |what: &str| {
        Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "RequiredDataMissing",
            format!("Case {} has no {what}, so {event} cannot be fired", case.id),
        )
    };
    Ok(match event {
        "case.assigned" => json!({"lifecycle": case.lifecycle.as_str()}),
        "case.updated" => {
            json!({"oldLifecycle": case.lifecycle.as_str(), "newLifecycle": case.lifecycle.as_str()})
        }
        "case.closed" => json!({"closeCode": case.close_code, "closeComment": case.close_comment}),
        "payment.created" => {
            let p = app.store.latest_payment(&case.id)?.ok_or_else(|| missing("payments"))?;
            json!({"payment": {"id": p.id, "amount": p.amount, "currency": p.currency, "paidAt": p.paid_at}})
        }
        "chat.created" => {
            let c = app.store.latest_chat(&case.id)?.ok_or_else(|| missing("chats"))?;
            json!({"chat": {"id": c.id, "author": c.author, "message": c.message, "createdAt": c.created_at}})
        }
        _ => return Err(bad("InvalidEventType", format!("'{event}' is not a valid event type"))),
    })
}

async fn fire(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    let case_id = http::string_field(&v, "caseId").map_err(|m| bad("ValidationError", m))?;
    let event = http::string_field(&v, "event").map_err(|m| bad("ValidationError", m))?;
    if !PARTNER_EVENTS.contains(&event) {
        return Err(bad(
            "InvalidEventType",
            format!("'{event}' is not a valid event type (valid: {})", PARTNER_EVENTS.join(", ")),
        ));
    }
    let case = own_case(&app, case_id)?;
    if !case.test {
        return Err(bad(
            "CaseNotTest",
            format!("Case {case_id} is not a test case (classification != test)"),
        ));
    }
    let targets: Vec<Endpoint> = match v.get("subscriptionId") {
        None | Some(Value::Null) => app
            .store
            .endpoints(Provider::Partner, SELF)?
            .into_iter()
            .filter(|s| s.active && s.test_mode && s.events.iter().any(|e| e == event))
            .collect(),
        Some(Value::String(id)) => {
            let sub = app
                .store
                .endpoint(Provider::Partner, id)?
                .filter(|s| s.owner == SELF && s.test_mode)
                .ok_or_else(|| {
                bad(
                    "SubscriptionNotFound",
                    format!(
                        "Subscription {id} not found, not a test subscription, or not owned by this partner"
                    ),
                )
            })?;
            vec![sub]
        }
        Some(_) => return Err(bad("ValidationError", "subscriptionId must be a string")),
    };
    // Read once for every subscription (and checked even when nothing subscribes: 422).
    let data = data(&app, event, &case)?;
    let now = model::now();
    let deliveries: Vec<Delivery> = targets
        .iter()
        .map(|sub| {
            let event_id = model::prefixed("evt");
            let body = json!({
                "id": event_id,
                "eventType": event,
                "caseId": case.id,
                "createdAt": now,
                "isTest": true,
                "data": data,
            });
            let mut d = Delivery::to(model::uuid(), sub, event, body.to_string(), true);
            d.case_id = Some(case.id.clone());
            d.event_id = Some(event_id);
            d
        })
        .collect();
    app.store.enqueue(&deliveries)?;
    app.wake.notify_one();
    Ok(http::json(
        StatusCode::OK,
        &json!({"eventType": event, "caseId": case.id, "enqueuedCount": deliveries.len()}),
    ))
}

fn render_event(e: &EventRow) -> Value {
    json!({
        "id": e.id,
        "caseId": e.case_id,
        "subscriptionId": e.subscription_id,
        "eventType": e.event_type,
        "payload": e.payload,
        "status": e.status.as_str(),
        "webhookId": e.webhook_id,
        "createdAt": e.created_at,
        "deliveredAt": e.delivered_at,
        "attemptCount": e.attempt_count,
        "lastResponseCode": e.last_response_code,
        "lastError": e.last_error,
    })
}

async fn events(State(app): State<Arc<App>>, Query(q): Query<HashMap<String, String>>) -> Answer {
    let Some(case_id) = q.get("caseId").map(|s| s.trim()).filter(|s| !s.is_empty()) else {
        return Err(bad("ValidationError", "caseId is required"));
    };
    own_case(&app, case_id)?;
    // Rows keep one timestamp format, so `since` is rewritten into it and compared as text.
    let since = match q.get("since").map(String::as_str).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => match time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339) {
            Ok(t) => Some(model::rfc3339((t.unix_timestamp_nanos() / 1_000_000) as i64)),
            Err(_) => {
                return Err(bad("ValidationError", format!("since '{s}' is not an ISO-8601 timestamp")))
            }
        },
    };
    let since = since.as_deref();
    let event_type = q.get("eventType").map(String::as_str).filter(|s| !s.is_empty());
    let rows = app.store.events(case_id, since, event_type, model::now_ms())?;
    Ok(http::json(StatusCode::OK, &json!(rows.iter().map(render_event).collect::<Vec<_>>())))
}

async fn event(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    let row =
        app.store.event(&id, model::now_ms())?.filter(|e| own_case(&app, &e.case_id).is_ok()).ok_or_else(
            || Problem::new(StatusCode::NOT_FOUND, "EventNotFound", format!("Webhook event {id} not found")),
        )?;
    Ok(http::json(StatusCode::OK, &render_event(&row)))
}

// ---- subscriptions (inferred) ----

fn render(s: &Endpoint, with_secret: bool) -> Value {
    s.with_secret(
        json!({
            "id": s.id,
            "url": s.url,
            "events": s.events,
            "isActive": s.active,
            "isTestMode": s.test_mode,
            "createdAt": s.created_at,
            "updatedAt": s.updated_at,
        }),
        with_secret,
    )
}

fn not_found(id: &str) -> Problem {
    Problem::new(StatusCode::NOT_FOUND, "SubscriptionNotFound", format!("Subscription {id} not found"))
}

fn own_subscription(app: &App, id: &str) -> Result<Endpoint, Problem> {
    app.store.endpoint(Provider::Partner, id)?.filter(|s| s.owner == SELF).ok_or_else(|| not_found(id))
}

async fn list(State(app): State<Arc<App>>) -> Answer {
    let all = app.store.endpoints(Provider::Partner, SELF)?;
    Ok(http::json(StatusCode::OK, &json!(all.iter().map(|s| render(s, false)).collect::<Vec<_>>())))
}

async fn create(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    let url = match v.get("url").and_then(Value::as_str) {
        Some(u) if valid_url(u) => u.to_string(),
        _ => return Err(bad("ValidationError", "url is required and must be an http(s) URL")),
    };
    let events = v
        .get("events")
        .and_then(string_list)
        .filter(|e| !e.is_empty())
        .ok_or_else(|| bad("ValidationError", "events is required: a non-empty list of event types"))?;
    if let Some(badname) = events.iter().find(|e| !PARTNER_EVENTS.contains(&e.as_str())) {
        return Err(bad(
            "InvalidEventType",
            format!("'{badname}' is not a valid event type (valid: {})", PARTNER_EVENTS.join(", ")),
        ));
    }
    let flag = |name: &str, default: bool| -> Result<bool, Problem> {
        match v.get(name) {
            None | Some(Value::Null) => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(bad("ValidationError", format!("{name} must be a boolean"))),
        }
    };
    let mut s = Endpoint::new(Provider::Partner, model::uuid(), url, events, flag("isActive", true)?);
    // Everything in a sandbox is test data.
    s.test_mode = flag("isTestMode", true)?;
    app.store.create_endpoint(&s)?;
    Ok(http::json(StatusCode::CREATED, &render(&s, true)))
}

async fn read(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    Ok(http::json(StatusCode::OK, &render(&own_subscription(&app, &id)?, false)))
}

async fn update(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    let mut s = own_subscription(&app, &id)?;
    if v.get("events").is_some() {
        return Err(bad(
            "EventsImmutable",
            "events cannot be changed after creation; create a new subscription",
        ));
    }
    match v.get("url") {
        None => {}
        Some(Value::String(u)) if valid_url(u) => s.url = u.clone(),
        Some(_) => return Err(bad("ValidationError", "url must be an http(s) URL")),
    }
    match v.get("isActive") {
        None => {}
        Some(Value::Bool(b)) => s.active = *b,
        Some(_) => return Err(bad("ValidationError", "isActive must be a boolean")),
    }
    s.updated_at = model::now();
    app.store.update_endpoint(&s)?;
    Ok(http::json(StatusCode::OK, &render(&s, false)))
}

async fn remove(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    own_subscription(&app, &id)?;
    app.store.delete_endpoint(Provider::Partner, &id)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
