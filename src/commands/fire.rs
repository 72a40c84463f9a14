//! `fire EVENT --case ID [--subscription ID] [--wait]` (partner `POST /test/webhooks/fire`).
//!
//! With `--wait` (DESIGN §3): snapshot the case's event log, fire, read `enqueuedCount`, then
//! poll until that many new rows of this event type have settled. The snapshot comes first
//! so rows from earlier fires never satisfy the wait.

use serde_json::{json, Value};

use crate::cli::fire::FireArgs;
use crate::providers::RouteName;
use crate::sanitize::sanitize_line;
use crate::wait::{self, Baseline, LogFilter, WaitReport, WaitSpec};
use crate::{Ctx, Error, Outcome, Result};

pub async fn exec(args: FireArgs, ctx: &Ctx) -> Result<Outcome> {
    let preset = ctx.require_routes(&[RouteName::Fire])?;
    if let Some(w) = preset.check_event(&args.event).map_err(Error::usage)? {
        ctx.printer.warn(&w);
    }
    let case = args.case_id.trim();
    if case.is_empty() {
        return Err(Error::usage("--case must not be empty"));
    }
    let subscription = match args.subscription.as_deref().map(str::trim) {
        Some("") => return Err(Error::usage("--subscription must not be empty")),
        other => other,
    };
    // Everything the wait needs is checked before anything is fired.
    if args.wait.enabled && args.wait.timeout.is_zero() {
        return Err(Error::usage_hint(
            "--timeout must be longer than 0s: nothing could be waited for (nothing was fired)",
            "give the wait time to see the delivery, e.g. --timeout 30s",
        ));
    }
    let log = if args.wait.enabled {
        let filter = LogFilter { command: "fire", case_id: Some(case.to_string()), ..LogFilter::default() };
        Some(ctx.event_log(&filter)?)
    } else {
        None
    };
    let api = ctx.api()?;
    let mut body = json!({"caseId": case, "event": args.event});
    if let Some(s) = subscription {
        body["subscriptionId"] = json!(s);
    }
    let printer = &ctx.printer;

    async {
        let snapshot_started = std::time::Instant::now();
        let baseline = match &log {
            Some(log) => {
                // Fired only after the snapshot: a failure here means nothing happened yet.
                let rows = log
                    .snapshot(args.wait.timeout)
                    .await
                    .map_err(|e| e.context("nothing was fired: the event log could not be read first"))?;
                printer.debug(&format!("{} rows already in the event log of case {case}", rows.len()));
                Baseline::from_rows(&rows)
            }
            None => Baseline::default(),
        };
        let snapshot_took = snapshot_started.elapsed();
        let answer = api.call(RouteName::Fire, &[], &[], Some(body)).await?;
        let enqueued = enqueued_count(&answer);
        let Some(log) = &log else {
            return Ok(report_fire(ctx, &args, case, &answer, enqueued));
        };
        let expected = match enqueued {
            Some(0) => {
                report_nothing_enqueued(ctx, &args, &answer);
                return Ok(nothing_outcome(&args));
            }
            Some(n) => n,
            None => {
                printer.warn("the fire answer has no enqueuedCount; waiting for one row");
                1
            }
        };
        if !printer.is_json() {
            printer.info(&format!(
                "fired {} for case {}: {expected} {} enqueued; waiting for the event log (up to {})",
                sanitize_line(&args.event),
                sanitize_line(case),
                if expected == 1 { "delivery" } else { "deliveries" },
                humantime::format_duration(args.wait.timeout)
            ));
        }
        // --timeout bounds the snapshot and the wait together (the fire request has its own).
        let timeout = args.wait.timeout.saturating_sub(snapshot_took);
        let spec = WaitSpec { expected, timeout, baseline, event_type: Some(args.event.clone()) };
        // The case's rows of other types are the near misses a timeout reports.
        let near = std::sync::Mutex::new(wait::NearMissLog::default());
        let mut report = wait::watch(printer, &spec, || async {
            let rows = log.rows().await?;
            Ok(near.lock().unwrap_or_else(|p| p.into_inner()).filter(&spec, rows))
        })
        .await?;
        report.near_misses = near.lock().unwrap_or_else(|p| p.into_inner()).misses();
        if printer.is_json() {
            let mut doc = report.to_json();
            doc["fire"] = answer;
            printer.json(&doc);
            report.summary(printer, "deliveries", None);
        } else {
            report.print(printer, "deliveries");
        }
        Ok(report.outcome())
    }
    .await
}

/// `enqueuedCount` as a number (some gateways send numbers as strings).
fn enqueued_count(answer: &Value) -> Option<usize> {
    let v = answer.get("enqueuedCount")?;
    v.as_u64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())).map(|n| n as usize)
}

/// Without `--wait`: the provider's answer, and what to do next.
fn report_fire(ctx: &Ctx, args: &FireArgs, case: &str, answer: &Value, enqueued: Option<usize>) -> Outcome {
    let p = &ctx.printer;
    p.emit(answer, |p| {
        let count = enqueued.map(|n| n.to_string()).unwrap_or_else(|| "?".into());
        p.line(&format!(
            "{}  case {}  enqueued {count}",
            sanitize_line(answer.get("eventType").and_then(Value::as_str).unwrap_or(&args.event)),
            sanitize_line(answer.get("caseId").and_then(Value::as_str).unwrap_or(case)),
        ));
    });
    if enqueued == Some(0) {
        hint_no_subscription(ctx, args);
        return nothing_outcome(args);
    }
    p.hint("queued, not yet delivered: the event-log row appears within seconds (up to ~30 s); add --wait to wait for it");
    Outcome::Success
}

fn report_nothing_enqueued(ctx: &Ctx, args: &FireArgs, answer: &Value) {
    let p = &ctx.printer;
    if p.is_json() {
        let mut doc = WaitReport::nothing_enqueued().to_json();
        doc["fire"] = answer.clone();
        p.json(&doc);
    }
    hint_no_subscription(ctx, args);
}

fn hint_no_subscription(ctx: &Ctx, args: &FireArgs) {
    let p = &ctx.printer;
    let line = format!(
        "nothing was enqueued: no active test subscription receives {}, so there is nothing to wait for",
        sanitize_line(&args.event)
    );
    let hint = format!("register one: hookctl endpoints create --url https://… --event {}", args.event);
    if args.require_delivery {
        p.failed(&line, &[], [hint.as_str()]);
    } else {
        p.info(&line);
        p.hint(&hint);
    }
}

/// enqueuedCount 0: fine unless the caller asked for a delivery (`--require-delivery` → 6).
fn nothing_outcome(args: &FireArgs) -> Outcome {
    if args.require_delivery {
        Outcome::TimedOut
    } else {
        Outcome::Success
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enqueued_count_accepts_numbers_and_numeric_strings() {
        assert_eq!(enqueued_count(&json!({"enqueuedCount": 2})), Some(2));
        assert_eq!(enqueued_count(&json!({"enqueuedCount": "3"})), Some(3));
        assert_eq!(enqueued_count(&json!({"enqueuedCount": -1})), None);
        assert_eq!(enqueued_count(&json!({})), None);
    }
}
