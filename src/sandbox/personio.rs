//! personio Webhooks Management API v2: the documented `POST /v2/webhooks/{id}/test-event`
//! (`event_name` + dot-notation `payload_data`, answered after the attempt; 400/403/404 as
//! problem+json with a `personio_trace_id`), and the inferred `/v2/webhooks` CRUD.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Map, Value};

use super::http::{self, body_json, string_list, valid_url, Answer, Dialect, Problem};
use super::model::{self, Delivery, Endpoint, Provider, Status, SELF};
use super::{worker, App};
use crate::providers::personio_required_fields;

pub(crate) fn router(app: Arc<App>) -> Router {
    let routes = Router::new()
        .route("/v2/webhooks", get(list).post(create))
        .route("/v2/webhooks/{id}", get(read).patch(update).delete(remove))
        .route("/v2/webhooks/{id}/test-event", post(test_event));
    super::http::guarded(app, Dialect::Personio, routes)
}

fn not_found() -> Problem {
    Problem::not_found("No webhook found matching the given id").title("Webhook not found")
}

fn bad(title: &str, detail: impl Into<String>) -> Problem {
    Problem::bad_request("bad_request", detail).title(title)
}

fn render(e: &Endpoint, with_secret: bool) -> Value {
    e.with_secret(
        json!({
            "id": e.id,
            "url": e.url,
            "description": e.description,
            "enabled_events": e.events,
            "status": if e.active { "ENABLED" } else { "DISABLED" },
            "created_at": e.created_at,
            "updated_at": e.updated_at,
        }),
        with_secret,
    )
}

fn fields(v: &Value, e: &mut Endpoint, creating: bool) -> Result<(), Problem> {
    if !v.is_object() {
        return Err(bad("Invalid request body", "the body must be a JSON object"));
    }
    match v.get("url") {
        Some(Value::String(u)) if valid_url(u) => e.url = u.clone(),
        Some(_) => return Err(bad("Invalid url", "'url' must be an http(s) URL")),
        None if creating => return Err(bad("Missing url", "'url' is required")),
        None => {}
    }
    match v.get("enabled_events") {
        Some(ev) => {
            e.events = string_list(ev).ok_or_else(|| {
                bad("Invalid enabled_events", "'enabled_events' must be a list of event names")
            })?
        }
        None if creating => return Err(bad("Missing enabled_events", "'enabled_events' is required")),
        None => {}
    }
    match v.get("description") {
        Some(Value::String(d)) if !d.trim().is_empty() => e.description = Some(d.clone()),
        Some(_) => return Err(bad("Invalid description", "'description' must be a non-empty string")),
        None if creating => return Err(bad("Missing description", "'description' is required")),
        None => {}
    }
    match v.get("status").map(Value::as_str) {
        Some(Some("ENABLED")) => e.active = true,
        Some(Some("DISABLED")) => e.active = false,
        Some(_) => return Err(bad("Invalid status", "'status' must be ENABLED or DISABLED")),
        None => {}
    }
    Ok(())
}

async fn list(State(app): State<Arc<App>>) -> Answer {
    let all = app.store.endpoints(Provider::Personio, SELF)?;
    let data: Vec<Value> = all.iter().map(|e| render(e, false)).collect();
    Ok(http::json(StatusCode::OK, &json!({"_data": data, "_meta": {"total": data.len()}})))
}

async fn create(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    // Personio creates webhooks DISABLED unless told otherwise.
    let mut e = Endpoint::new(Provider::Personio, model::uuid(), String::new(), Vec::new(), false);
    fields(&v, &mut e, true)?;
    app.store.create_endpoint(&e)?;
    Ok(http::json(StatusCode::CREATED, &render(&e, true)))
}

async fn read(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    let e = app.store.endpoint(Provider::Personio, &id)?.ok_or_else(not_found)?;
    Ok(http::json(StatusCode::OK, &render(&e, false)))
}

async fn update(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let v = body_json(&body)?;
    let e = app.change_endpoint(Provider::Personio, &id, not_found, |e| fields(&v, e, false))?;
    Ok(http::json(StatusCode::OK, &render(&e, false)))
}

async fn remove(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    app.delete_endpoint(Provider::Personio, &id, not_found)
}

/// Most segments one `payload_data` key may have: the nesting it builds is serialised (and
/// dropped) recursively, so an unbounded key (5,000 dots) overflowed the stack.
pub(crate) const MAX_SEGMENTS: usize = 32;
/// Most keys in `payload_data`.
pub(crate) const MAX_KEYS: usize = 1000;

/// `{"person.id": "1"}` → `{"person": {"id": "1"}}`. A key that is both a value and a parent
/// (`person` and `person.id`) is refused, and so are more than [`MAX_KEYS`] keys or a key of
/// more than [`MAX_SEGMENTS`] segments.
pub(crate) fn expand(flat: &Map<String, Value>) -> Result<Value, String> {
    if flat.len() > MAX_KEYS {
        return Err(format!("payload_data has {} keys; at most {MAX_KEYS} are accepted", flat.len()));
    }
    if let Some(key) = flat.keys().find(|k| k.split('.').count() > MAX_SEGMENTS) {
        return Err(format!(
            "payload_data key '{}…' has {} segments; at most {MAX_SEGMENTS} are accepted",
            model::cut(key, 40),
            key.split('.').count()
        ));
    }
    let mut root = Map::new();
    let mut keys: Vec<&String> = flat.keys().collect();
    keys.sort();
    for key in keys {
        let Some(value) = flat[key].as_str() else {
            return Err(format!("payload_data '{key}' must be a string"));
        };
        let parts: Vec<&str> = key.split('.').collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Err(format!("payload_data key '{key}' is not in dot notation (e.g. person.id)"));
        }
        let mut node = &mut root;
        for (i, part) in parts.iter().enumerate() {
            if i + 1 == parts.len() {
                if node.contains_key(*part) {
                    return Err(format!("payload_data '{key}' conflicts with another key"));
                }
                node.insert(part.to_string(), json!(value));
            } else {
                let next = node.entry(part.to_string()).or_insert_with(|| json!({}));
                node = match next.as_object_mut() {
                    Some(o) => o,
                    None => return Err(format!("payload_data '{key}' conflicts with another key")),
                };
            }
        }
    }
    Ok(Value::Object(root))
}

async fn test_event(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let webhook = app.store.endpoint(Provider::Personio, &id)?.ok_or_else(not_found)?;
    let v = body_json(&body)?;
    let event = match http::string_field(&v, "event_name") {
        Ok(event) => event,
        Err(_) if v.get("event_name").is_some_and(|e| !e.is_null() && !e.is_string()) => {
            return Err(bad("Invalid event name", "The 'event_name' field must be a string"))
        }
        Err(_) => return Err(bad("Missing event name", "The 'event_name' field is required")),
    };
    if !event.contains('.') || event.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("Invalid event name", format!("'{event}' is not a valid event name")));
    }
    if !webhook.events.iter().any(|e| e == event) {
        return Err(bad(
            "Event not enabled",
            format!(
                "The event '{event}' is not enabled for this webhook (enabled: {})",
                webhook.events.join(", ")
            ),
        ));
    }
    let flat = match v.get("payload_data") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(_) => return Err(bad("Invalid payload data", "'payload_data' must be an object of strings")),
    };
    if let Some(missing) = personio_required_fields(event).iter().find(|f| !flat.contains_key(**f)) {
        return Err(bad(
            "Missing required payload data",
            format!("The test event payload requires field '{missing}' in the 'payload_data' object"),
        ));
    }
    let data = expand(&flat).map_err(|e| bad("Invalid payload data", e))?;
    let delivery_id = model::uuid();
    let body =
        json!({"id": delivery_id, "event_name": event, "created_at": model::now(), "data": data}).to_string();
    // A test event is one attempt: the answer reports it.
    let d = Delivery::to(delivery_id, &webhook, event, body, false);
    app.store.enqueue(std::slice::from_ref(&d))?;
    let done = worker::attempt_now(&app, d).await;
    Ok(http::json(
        StatusCode::OK,
        &json!({
            "completed_at": done.updated_at,
            "event_name": event,
            "is_delivered": done.status == Status::Delivered,
            "attempts": done.attempts,
            "status_code": done.http_status_code,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_notation_becomes_nested_objects() {
        let flat: Map<String, Value> =
            serde_json::from_value(json!({"person.id": "123", "document.owner.id": "7", "document.id": "9"}))
                .unwrap();
        assert_eq!(
            expand(&flat).unwrap(),
            json!({"person": {"id": "123"}, "document": {"id": "9", "owner": {"id": "7"}}})
        );
        let clash: Map<String, Value> =
            serde_json::from_value(json!({"person": "x", "person.id": "1"})).unwrap();
        assert!(expand(&clash).is_err());
        let number: Map<String, Value> = serde_json::from_value(json!({"person.id": 1})).unwrap();
        assert!(expand(&number).is_err());
        let empty: Map<String, Value> = serde_json::from_value(json!({"a..b": "1"})).unwrap();
        assert!(expand(&empty).is_err());
        let deep: Map<String, Value> =
            serde_json::from_value(json!({vec!["a"; MAX_SEGMENTS + 1].join("."): "1"})).unwrap();
        assert!(expand(&deep).unwrap_err().contains("segments"));
    }
}
