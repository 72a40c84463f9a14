//! closient (django-ninja) under `/integrations/api/v1/webhooks`, trailing slashes kept:
//! the documented test and replay routes (answering after the first attempt, replay only for
//! `dead_letter`), and the inferred endpoints CRUD and deliveries list. Ids are 22-character
//! shortuuids; errors are `{"detail": "…"}` or pydantic's `{"detail": [{type, loc, msg}]}`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use super::http::{self, body_json, string_list, valid_url, Answer, Dialect, Problem};
use super::model::{self, Delivery, Endpoint, Provider, Status, SELF, SHORTUUID};
use super::{worker, App};
use crate::providers::CLOSIENT;

const PREFIX: &str = "/integrations/api/v1/webhooks";

pub(crate) fn router(app: Arc<App>) -> Router {
    let routes = Router::new()
        .route(&format!("{PREFIX}/endpoints/"), get(list).post(create))
        .route(&format!("{PREFIX}/endpoints/{{id}}/"), get(read).patch(update).delete(remove))
        .route(&format!("{PREFIX}/endpoints/{{id}}/test/"), post(test))
        .route(&format!("{PREFIX}/deliveries/"), get(deliveries))
        .route(&format!("{PREFIX}/deliveries/{{id}}/"), get(delivery))
        .route(&format!("{PREFIX}/deliveries/{{id}}/replay/"), post(replay));
    super::http::guarded(app, Dialect::Closient, routes)
}

/// The synthetic ping a test sends.
pub(crate) fn ping_body(delivery_id: &str, endpoint_id: &str, created_at: &str) -> String {
    json!({
        "type": "ping",
        "id": delivery_id,
        "endpoint_id": endpoint_id,
        "created_at": created_at,
        "data": {"message": "Test webhook from the hookctl sandbox"},
    })
    .to_string()
}

/// pydantic's validation error, as django-ninja answers it (422).
fn invalid(kind: &str, loc: &[&str], msg: impl Into<String>) -> Problem {
    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_error", "validation failed")
        .details(vec![json!({"type": kind, "loc": loc, "msg": msg.into()})])
}

fn not_found() -> Problem {
    Problem::not_found("Not Found")
}

/// A path id must match the documented pattern, or pydantic refuses it before the view runs.
fn check_id(id: &str, name: &str) -> Result<(), Problem> {
    if CLOSIENT.check_endpoint_id(id).is_ok() {
        return Ok(());
    }
    Err(Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_error", "validation failed").details(
        vec![json!({
            "type": "string_pattern_mismatch",
            "loc": ["path", name],
            "msg": format!("String should match pattern '^[{SHORTUUID}]{{22}}$'"),
            "ctx": {"pattern": format!("^[{SHORTUUID}]{{22}}$")},
        })],
    ))
}

fn render(e: &Endpoint, with_secret: bool) -> Value {
    e.with_secret(
        json!({
            "id": e.id,
            "url": e.url,
            "description": e.description,
            "events": e.events,
            "is_active": e.active,
            "created_at": e.created_at,
            "updated_at": e.updated_at,
        }),
        with_secret,
    )
}

/// The documented result of a test or replay.
fn result(d: &Delivery) -> Value {
    json!({
        "delivery_id": d.id,
        "status": d.status.as_str(),
        "http_status_code": d.http_status_code,
        "response_body": d.response_body,
    })
}

/// A row of the deliveries list (inferred): the result fields plus bookkeeping.
fn render_delivery(d: &Delivery) -> Value {
    json!({
        "id": d.id,
        "delivery_id": d.id,
        "endpoint_id": d.endpoint_id,
        "event_type": d.event_type,
        "status": d.status.as_str(),
        "http_status_code": d.http_status_code,
        "response_body": d.response_body,
        "last_error": d.last_error,
        "attempts": d.attempts,
        "webhook_id": d.webhook_id,
        "next_retry_at": d.next_at.map(model::rfc3339),
        "created_at": d.created_at,
        "updated_at": d.updated_at,
    })
}

fn fields(v: &Value, e: &mut Endpoint, creating: bool) -> Result<(), Problem> {
    if !v.is_object() {
        return Err(invalid("model_type", &["body", "payload"], "Input should be a valid dictionary"));
    }
    match v.get("url") {
        Some(Value::String(u)) if valid_url(u) => e.url = u.clone(),
        Some(_) => {
            return Err(invalid("url_parsing", &["body", "payload", "url"], "Input should be a valid URL"))
        }
        None if creating => return Err(invalid("missing", &["body", "payload", "url"], "Field required")),
        None => {}
    }
    if let Some(ev) = v.get("events") {
        e.events = string_list(ev).ok_or_else(|| {
            invalid("list_type", &["body", "payload", "events"], "Input should be a valid list")
        })?;
    }
    match v.get("description") {
        Some(Value::String(d)) => e.description = Some(d.clone()),
        Some(Value::Null) | None => {}
        Some(_) => {
            return Err(invalid(
                "string_type",
                &["body", "payload", "description"],
                "Input should be a valid string",
            ))
        }
    }
    match v.get("is_active") {
        Some(Value::Bool(b)) => e.active = *b,
        Some(_) => {
            return Err(invalid(
                "bool_type",
                &["body", "payload", "is_active"],
                "Input should be a valid boolean",
            ))
        }
        None => {}
    }
    Ok(())
}

async fn list(State(app): State<Arc<App>>) -> Answer {
    let all = app.store.endpoints(Provider::Closient, SELF)?;
    Ok(http::json(StatusCode::OK, &json!(all.iter().map(|e| render(e, false)).collect::<Vec<_>>())))
}

async fn create(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    let mut e = Endpoint::new(Provider::Closient, model::shortuuid(), String::new(), vec!["*".into()], true);
    fields(&v, &mut e, true)?;
    app.store.create_endpoint(&e)?;
    Ok(http::json(StatusCode::CREATED, &render(&e, true)))
}

async fn read(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    check_id(&id, "endpoint_id")?;
    let e = app.store.endpoint(Provider::Closient, &id)?.ok_or_else(not_found)?;
    Ok(http::json(StatusCode::OK, &render(&e, false)))
}

async fn update(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Answer {
    check_id(&id, "endpoint_id")?;
    let v = body_json(&body)?;
    let e = app.change_endpoint(Provider::Closient, &id, not_found, |e| fields(&v, e, false))?;
    Ok(http::json(StatusCode::OK, &render(&e, false)))
}

async fn remove(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    check_id(&id, "endpoint_id")?;
    app.delete_endpoint(Provider::Closient, &id, not_found)
}

/// Sends a ping and answers after its first attempt.
async fn test(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    check_id(&id, "endpoint_id")?;
    let e = app.store.endpoint(Provider::Closient, &id)?.ok_or_else(not_found)?;
    let delivery_id = model::shortuuid();
    let body = ping_body(&delivery_id, &e.id, &model::now());
    let d = Delivery::to(delivery_id, &e, "ping", body, true);
    // In the outbox first, so a crash before the attempt leaves it queued.
    app.store.enqueue(std::slice::from_ref(&d))?;
    let done = worker::attempt_now(&app, d).await;
    Ok(http::json(StatusCode::OK, &result(&done)))
}

async fn deliveries(State(app): State<Arc<App>>, Query(q): Query<HashMap<String, String>>) -> Answer {
    let endpoint = q.get("endpoint_id").map(String::as_str).filter(|s| !s.is_empty());
    if let Some(e) = endpoint {
        check_id(e, "endpoint_id").map_err(|p| relocate(p, "query"))?;
    }
    let status = q.get("status").map(String::as_str).filter(|s| !s.is_empty());
    if let Some(s) = status {
        if !Status::NAMES.contains(&s) {
            return Err(invalid(
                "enum",
                &["query", "status"],
                "Input should be 'pending', 'delivered', 'failed', 'rate_limited' or 'dead_letter'",
            ));
        }
    }
    let rows = app.store.deliveries(Some(Provider::Closient), endpoint, status, 500)?;
    let items: Vec<Value> = rows.iter().map(render_delivery).collect();
    Ok(http::json(StatusCode::OK, &json!({"items": items, "count": items.len()})))
}

/// The same validation error, about a query parameter.
fn relocate(mut p: Problem, place: &str) -> Problem {
    for d in &mut p.details {
        if let Some(loc) = d.get_mut("loc").and_then(Value::as_array_mut) {
            if let Some(first) = loc.first_mut() {
                *first = json!(place);
            }
        }
    }
    p
}

async fn delivery(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    check_id(&id, "delivery_id")?;
    let d = app.store.delivery(&id)?.filter(|d| d.provider == Provider::Closient).ok_or_else(not_found)?;
    Ok(http::json(StatusCode::OK, &render_delivery(&d)))
}

/// Re-queues a dead-lettered delivery and answers after its first new attempt.
async fn replay(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    check_id(&id, "delivery_id")?;
    let d = match app.store.requeue(&id, model::now_ms())? {
        Ok(d) if d.provider == Provider::Closient => d,
        Ok(_) | Err(None) => return Err(not_found()),
        Err(Some(d)) if d.provider != Provider::Closient => return Err(not_found()),
        Err(Some(d)) => {
            return Err(Problem::bad_request(
                "not_dead_letter",
                format!(
                    "Only dead_letter deliveries can be replayed; delivery {} is {}",
                    d.id,
                    d.status.as_str()
                ),
            ))
        }
    };
    let done = worker::attempt_now(&app, d).await;
    Ok(http::json(StatusCode::OK, &result(&done)))
}
