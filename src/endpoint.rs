//! A provider's endpoint object as hookctl knows it: id and event checks before sending, and
//! reading its fields (used by `endpoints`, `subscriptions`, `test` and `listen --register`).

use serde_json::Value;

use crate::api::Client;
use crate::output::Printer;
use crate::providers::RouteName;
use crate::providers::{EndpointShape, Preset, StatusStyle};
use crate::sanitize::sanitize_line;
use crate::{Error, Result};

/// The id is non-empty and has the preset's documented pattern.
pub(crate) fn check_id(preset: &Preset, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::usage(format!("the {} id is empty", preset.endpoints.noun)));
    }
    preset.check_endpoint_id(id).map_err(Error::usage)
}

/// Validates event names against the catalog: a usage error listing what is allowed when the
/// catalog is the document's, a warning when it is partial.
pub(crate) fn check_events(printer: &Printer, preset: &Preset, events: &[String]) -> Result<()> {
    if events.is_empty() {
        return Err(Error::usage("at least one event type is required (--event)"));
    }
    for e in events {
        match preset.check_event(e) {
            Ok(None) => {}
            Ok(Some(warning)) => printer.warn(&warning),
            Err(message) => {
                return Err(Error::usage_hint(
                    message,
                    format!("`hookctl subscriptions types --provider {}` lists them", preset.name),
                ))
            }
        }
    }
    Ok(())
}

/// Partner: events cannot change after creation; say so and how to recreate, with commands
/// that work when pasted: the endpoint's URL and the wanted events (`wanted` maps its current
/// events to them) read from the provider through `api` when there is one, and `context`, the
/// options that reach this API (`Ctx::command_context`).
pub(crate) async fn events_mutable(
    api: Option<&Client>,
    context: &str,
    preset: &Preset,
    id: &str,
    url: Option<&str>,
    wanted: impl FnOnce(Vec<String>) -> Vec<String>,
) -> Result<()> {
    if preset.endpoints.events_mutable {
        return Ok(());
    }
    let shape = preset.endpoints;
    let current = match api {
        Some(api) => {
            api.call(RouteName::EndpointsGet, &[("id", id)], &[], None).await.ok().map(|v| api.unwrap(v))
        }
        None => None,
    };
    let url = url
        .map(str::to_string)
        .or_else(|| {
            current.as_ref().and_then(|e| e.get(shape.url_field)).and_then(Value::as_str).map(str::to_string)
        })
        .unwrap_or_else(|| "URL".into());
    let mut events = wanted(current.as_ref().map(|e| events_of(&shape, e)).unwrap_or_default());
    if events.is_empty() {
        events.push("EVENT".into());
    }
    let flags: String = events.iter().map(|e| format!(" --event {}", sanitize_line(e))).collect();
    Err(Error::usage_hint(
        format!("{} cannot change the events of a {} after creation", preset.name, shape.noun),
        format!(
            "recreate it: `hookctl endpoints delete {id} --yes{context}` then \
             `hookctl endpoints create --url {url}{flags}{context}`",
            id = sanitize_line(id),
            url = sanitize_line(&url),
        ),
    ))
}

/// "active" / "paused" / the provider's own word.
pub(crate) fn status_text(shape: &EndpointShape, e: &Value) -> String {
    match shape.status {
        StatusStyle::Bool(field) => match e.get(field).and_then(Value::as_bool) {
            Some(true) => "active".into(),
            Some(false) => "paused".into(),
            None => "?".into(),
        },
        // One word for every provider: personio's ENABLED/DISABLED read as active/paused.
        StatusStyle::Text { field, active, paused } => match e.get(field).and_then(Value::as_str) {
            Some(s) if s == active => "active".into(),
            Some(s) if s == paused => "paused".into(),
            _ => field_text(e, field),
        },
    }
}

pub(crate) fn events_of(shape: &EndpointShape, e: &Value) -> Vec<String> {
    e.get(shape.events_field)
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())).collect())
        .unwrap_or_default()
}

/// A field as one sanitised line ("-" when absent).
pub(crate) fn field_text(e: &Value, field: &str) -> String {
    match e.get(field) {
        None | Some(Value::Null) => "-".into(),
        Some(Value::String(s)) => sanitize_line(s).into_owned(),
        Some(v) => sanitize_line(&v.to_string()).into_owned(),
    }
}
