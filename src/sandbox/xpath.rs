//! xpath v2.3 webhooks, as its document writes them: `/v2.3/webhooks/endpoints[/{webhookId}]`
//! CRUD, every answer in a `{"data": …}` envelope, `wh_` ids, the secret only in the create
//! answer, DELETE → 204, errors as `{"error": {code, message, details}}`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

use super::http::{self, body_json, string_list, valid_url, Answer, Dialect, Problem};
use super::model::{self, Endpoint, Provider, SELF};
use super::App;
use crate::providers::XPATH;

const D: Dialect = Dialect::Xpath;

pub(crate) fn router(app: Arc<App>) -> Router {
    let routes = Router::new()
        .route("/v2.3/webhooks/endpoints", get(list).post(create))
        .route("/v2.3/webhooks/endpoints/{id}", get(read).patch(update).delete(remove));
    super::http::guarded(app, D, routes)
}

fn render(e: &Endpoint, with_secret: bool) -> Value {
    e.with_secret(
        json!({
            "id": e.id,
            "url": e.url,
            "description": e.description,
            "events": e.events,
            "status": if e.active { "active" } else { "paused" },
            "created_at": seconds(&e.created_at),
            "updated_at": seconds(&e.updated_at),
        }),
        with_secret,
    )
}

/// The document writes whole seconds (`2026-04-29T09:10:00Z`).
fn seconds(ts: &str) -> String {
    match ts.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => ts.to_string(),
    }
}

fn invalid(field: &str, message: impl Into<String>) -> Problem {
    let message = message.into();
    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_error", "The request body is invalid")
        .details(vec![json!({"field": field, "message": message})])
}

fn not_found() -> Problem {
    Problem::not_found("Webhook endpoint not found")
}

fn check_events(v: &Value) -> Result<Vec<String>, Problem> {
    let events = string_list(v).ok_or_else(|| invalid("events", "must be an array of event type strings"))?;
    if events.is_empty() {
        return Err(invalid("events", "must name at least one event type"));
    }
    if let Some(bad) = events.iter().find(|e| XPATH.check_event(e).is_err()) {
        let known: Vec<&str> = XPATH.events.iter().map(|e| e.name).collect();
        return Err(invalid("events", format!("unknown event type '{bad}' (known: {})", known.join(", "))));
    }
    Ok(events)
}

fn check_status(v: &Value) -> Result<bool, Problem> {
    match v.as_str() {
        Some("active") => Ok(true),
        Some("paused") => Ok(false),
        _ => Err(invalid("status", "must be 'active' or 'paused'")),
    }
}

fn check_url(v: &Value) -> Result<String, Problem> {
    match v.as_str() {
        Some(u) if valid_url(u) => Ok(u.to_string()),
        _ => Err(invalid("url", "must be an http(s) URL")),
    }
}

fn check_description(v: &Value) -> Result<Option<String>, Problem> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        _ => Err(invalid("description", "must be a string")),
    }
}

async fn list(State(app): State<Arc<App>>) -> Answer {
    let all = app.store.endpoints(Provider::Xpath, SELF)?;
    Ok(http::json(StatusCode::OK, &json!({"data": all.iter().map(|e| render(e, false)).collect::<Vec<_>>()})))
}

async fn create(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    let url = check_url(v.get("url").ok_or_else(|| invalid("url", "is required"))?)?;
    let events = check_events(v.get("events").ok_or_else(|| invalid("events", "is required"))?)?;
    let description = check_description(v.get("description").unwrap_or(&Value::Null))?;
    let active = match v.get("status") {
        None | Some(Value::Null) => true,
        Some(s) => check_status(s)?,
    };
    let e =
        Endpoint { description, ..Endpoint::new(Provider::Xpath, model::xpath_id(), url, events, active) };
    app.store.create_endpoint(&e)?;
    Ok(http::json(StatusCode::CREATED, &json!({"data": render(&e, true)})))
}

async fn read(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    let e = app.store.endpoint(Provider::Xpath, &id)?.ok_or_else(not_found)?;
    Ok(http::json(StatusCode::OK, &json!({"data": render(&e, false)})))
}

async fn update(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    let e = app.change_endpoint(Provider::Xpath, &id, not_found, |e| {
        if !v.is_object() {
            return Err(invalid("body", "must be a JSON object"));
        }
        if let Some(u) = v.get("url") {
            e.url = check_url(u)?;
        }
        if let Some(ev) = v.get("events") {
            e.events = check_events(ev)?;
        }
        if let Some(d) = v.get("description") {
            e.description = check_description(d)?;
        }
        if let Some(s) = v.get("status") {
            e.active = check_status(s)?;
        }
        Ok(())
    })?;
    Ok(http::json(StatusCode::OK, &json!({"data": render(&e, false)})))
}

async fn remove(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    // The document shows `{"deleted": true}` under its 204, but a 204 carries no body.
    app.delete_endpoint(Provider::Xpath, &id, not_found)
}
