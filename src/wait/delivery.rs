//! The closient delivery model: a test or replay answer's status, printed and turned into an
//! outcome, and followed with `deliveries.get` until it settles (`test --wait`, `replay --wait`).

use std::time::Duration;

use colored::Color;
use serde_json::Value;

use super::{Baseline, PollError, RowFormat, WaitOutcome, WaitReport, WaitSpec};
use crate::api::Client;
use crate::output::Printer;
use crate::providers::RouteName;
use crate::sanitize::sanitize_line;
use crate::{Outcome, Result};

/// Closient delivery states (test and replay answers, deliveries list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DeliveryState {
    Delivered,
    /// Terminal failure after retries: replay it to try again.
    DeadLetter,
    /// Mid-retry-backoff: the provider retries.
    Failed,
    Pending,
    RateLimited,
    Unknown,
}

impl DeliveryState {
    pub(crate) fn parse(s: &str) -> DeliveryState {
        match s {
            "delivered" => DeliveryState::Delivered,
            "dead_letter" => DeliveryState::DeadLetter,
            "failed" => DeliveryState::Failed,
            "pending" => DeliveryState::Pending,
            "rate_limited" => DeliveryState::RateLimited,
            _ => DeliveryState::Unknown,
        }
    }
}

/// What following a delivery needs: the client to poll with, the printer, and the options a
/// printed `hookctl replay` needs to reach the same API (`Ctx::command_context`).
pub(crate) struct Follow<'a> {
    pub api: &'a Client,
    pub printer: &'a Printer,
    pub context: String,
}

/// Prints a closient delivery answer and turns it into an outcome: delivered → 0,
/// failed/dead_letter → 7; with `--wait`, pending/rate_limited/failed keep polling the
/// delivery until it is terminal.
pub(crate) async fn delivery_result(
    f: &Follow<'_>,
    body: &Value,
    wait: bool,
    timeout: Duration,
) -> Result<Outcome> {
    let printer = f.printer;
    let status = body.get("status").and_then(Value::as_str).unwrap_or("");
    let state = DeliveryState::parse(status);
    let id = body.get("delivery_id").or_else(|| body.get("id")).and_then(Value::as_str).map(str::to_string);
    let settled = matches!(state, DeliveryState::Delivered | DeliveryState::DeadLetter);
    if wait && !settled && state != DeliveryState::Unknown {
        if let Some(id) = &id {
            print_delivery(printer, body, false);
            return wait_for_delivery(f, id, timeout).await;
        }
        printer.warn("the answer carries no delivery_id; cannot wait for it");
    }
    if wait && settled {
        // Already terminal: still answer with the wait document, so a script that passes
        // --wait --json always parses the same shape.
        print_delivery(printer, body, false);
        return Ok(settled_report(printer, &f.context, body, state == DeliveryState::Delivered));
    }
    print_delivery(printer, body, true);
    let p = printer;
    let code = http_code(body);
    Ok(match state {
        DeliveryState::Delivered => {
            p.success(&format!("delivered{code}"));
            Outcome::Success
        }
        DeliveryState::DeadLetter | DeliveryState::Failed => {
            let hint = match (&id, state) {
                (_, DeliveryState::Failed) => Some(
                    "the provider retries failed deliveries; --wait follows it until it settles".to_string(),
                ),
                (Some(id), _) => Some(replay_hint(&f.context, id)),
                (None, _) => None,
            };
            p.failed(&format!("delivery failed: {status}{code}"), &[], hint.as_deref());
            Outcome::NotDelivered
        }
        DeliveryState::Pending | DeliveryState::RateLimited => {
            p.warn(&format!("not delivered yet ({status}); pass --wait to wait for the outcome"));
            Outcome::Success
        }
        DeliveryState::Unknown => {
            p.failed(&format!("delivery failed: unrecognised delivery status '{status}'"), &[], []);
            Outcome::NotDelivered
        }
    })
}

/// How to send a dead-lettered delivery again, as a command that works when pasted
/// (`context`: the options that reach the same API, `Ctx::command_context`).
fn replay_hint(context: &str, id: &str) -> String {
    format!("a dead_letter delivery can be replayed: `hookctl replay {}{context}`", sanitize_line(id))
}

fn settled_report(printer: &Printer, context: &str, body: &Value, delivered: bool) -> Outcome {
    let report = WaitReport {
        outcome: if delivered { WaitOutcome::Delivered } else { WaitOutcome::Failed },
        expected: 1,
        rows: RowFormat::default().retrying_failures(true).parse(body).into_iter().collect(),
        elapsed: Duration::ZERO,
        polls: 0,
        last_error: None,
        near_misses: Default::default(),
    };
    let id = body.get("delivery_id").or_else(|| body.get("id")).and_then(Value::as_str);
    let hint = id.filter(|_| !delivered).map(|id| replay_hint(context, id));
    report.print_hinted(printer, "deliveries", hint.as_deref());
    report.outcome()
}

fn http_code(body: &Value) -> String {
    body.get("http_status_code").and_then(Value::as_u64).map(|c| format!(" (HTTP {c})")).unwrap_or_default()
}

/// One line on stdout (or the provider's object with `--json` when `final_doc`).
fn print_delivery(p: &Printer, body: &Value, final_doc: bool) {
    if p.is_json() {
        if final_doc {
            p.json(body);
        }
        return;
    }
    let field = |k: &str| body.get(k).and_then(Value::as_str).map(|s| sanitize_line(s).into_owned());
    let id = field("delivery_id").or_else(|| field("id")).unwrap_or_else(|| "-".into());
    let status = field("status").unwrap_or_else(|| "-".into());
    let color = match DeliveryState::parse(&status) {
        DeliveryState::Delivered => Color::Green,
        DeliveryState::DeadLetter | DeliveryState::Failed | DeliveryState::Unknown => Color::Red,
        _ => Color::Yellow,
    };
    let code = body
        .get("http_status_code")
        .and_then(Value::as_u64)
        .map(|c| format!("HTTP {c}"))
        .unwrap_or_else(|| "no response yet".into());
    p.line(&format!("{}  {}  {code}", p.bold(&id), p.paint(&status, color)));
    if let Some(resp) = field("response_body").filter(|r| !r.is_empty()) {
        p.line(&format!("  response: {}", p.dim(&resp)));
    }
}

/// Polls the delivery (`deliveries.get`) with the shared waiter until it is delivered or
/// dead-lettered, the timeout passes, or Ctrl-C. `failed` is mid-retry for closient, so it
/// keeps waiting. The delivery id is known, so no snapshot is needed.
pub(crate) async fn wait_for_delivery(f: &Follow<'_>, id: &str, timeout: Duration) -> Result<Outcome> {
    let (api, printer) = (f.api, f.printer);
    api.route(RouteName::DeliveriesGet)?;
    let format = RowFormat::default().with_overrides(api.fields())?.retrying_failures(true);
    let spec = WaitSpec { expected: 1, timeout, baseline: Baseline::default(), event_type: None };
    let report = super::watch(printer, &spec, || async {
        match api.call(RouteName::DeliveriesGet, &[("id", id)], &[], None).await {
            Ok(body) => Ok(format.parse(&body).into_iter().collect()),
            // Rate limits and server trouble pass; a 404 or 401 will not get better.
            Err(e) if e.status() == Some(429) || e.exit() == crate::Exit::Network => {
                Err(PollError::Transient { message: e.to_string(), retry_after: e.retry_after() })
            }
            Err(e) => Err(PollError::Fatal(e.into())),
        }
    })
    .await?;
    report.print_hinted(printer, "deliveries", Some(&replay_hint(&f.context, id)));
    Ok(report.outcome())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_states() {
        assert_eq!(DeliveryState::parse("dead_letter"), DeliveryState::DeadLetter);
        assert_eq!(DeliveryState::parse("rate_limited"), DeliveryState::RateLimited);
        assert_eq!(DeliveryState::parse("weird"), DeliveryState::Unknown);
    }
}
