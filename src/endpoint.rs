//! A provider's endpoint object as hookctl knows it: id and event checks before sending, and
//! reading its fields (used by `endpoints`, `subscriptions`, `test` and `listen --register`).

use serde_json::Value;

use crate::output::Printer;
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

/// Partner: events cannot change after creation; say so and how to recreate.
pub(crate) fn events_mutable(preset: &Preset, id: &str) -> Result<()> {
    if preset.endpoints.events_mutable {
        return Ok(());
    }
    Err(Error::usage_hint(
        format!("{} cannot change the events of a {} after creation", preset.name, preset.endpoints.noun),
        format!(
            "recreate it: `hookctl endpoints delete {id} --yes` then \
             `hookctl endpoints create --url URL --event EVENT...`"
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
        StatusStyle::Text { field, .. } => field_text(e, field),
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
