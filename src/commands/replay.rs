//! `replay` has two faces: a provider replay of a delivery id (closient), and a local re-send
//! of requests captured by `listen --capture`.

use std::time::{Duration, Instant};

use colored::Color;
use serde_json::{json, Value};

use crate::cli::replay::ReplayArgs;
use crate::output::sanitize::sanitize_line;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(args: ReplayArgs, ctx: &Ctx) -> Result<Outcome> {
    if args.from.is_some() {
        local(args, ctx)
    } else {
        provider(args, ctx)
    }
}

/// Re-sends captured requests (issue: listen).
fn local(_args: ReplayArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: replay --from is not implemented yet".into()))
}

/// Replays a provider delivery (closient: dead_letter deliveries only). The answer is the
/// first attempt's result, like `test`; `--wait` follows the delivery until it settles.
fn provider(args: ReplayArgs, ctx: &Ctx) -> Result<Outcome> {
    ctx.require_routes(&["deliveries.replay"])?;
    let id = args.delivery_id.as_deref().unwrap_or_default();
    if id.trim().is_empty() || id.chars().any(char::is_control) {
        return Err(Error::usage("the delivery id is empty or contains control characters"));
    }
    if args.wait {
        ctx.require_routes(&["deliveries.get"])?;
    }
    let api = ctx.api()?;
    let body =
        crate::block_on(api.call("deliveries.replay", &[("id", id)], &[], None)).map_err(|e| {
            match e.status() {
            Some(400 | 409 | 422) => e.with_hint(
                "only dead_letter deliveries can be replayed; check its status with `hookctl events get ID`",
            ),
            Some(404) => e.with_hint("no such delivery: `hookctl events list` shows the deliveries"),
            _ => e,
        }
        })?;
    super::test::delivery_result(ctx, &body, args.wait, args.timeout)
}

/// Polls the delivery (`deliveries.get`) until it is delivered or dead-lettered, the timeout
/// passes, or Ctrl-C. `failed` is mid-retry for closient, so it keeps waiting.
pub(crate) fn wait_for_delivery(ctx: &Ctx, id: &str, timeout: Duration) -> Result<Outcome> {
    use crate::commands::test::DeliveryState;
    let api = ctx.api()?;
    let started = Instant::now();
    let deadline = started + timeout;
    let mut delay = Duration::from_millis(200);
    let mut polls = 0u32;
    let mut last: Option<Value> = None;
    let mut last_error: Option<String> = None;
    let mut fatal: Option<crate::api::ApiError> = None;
    let state = crate::block_on(async {
        let poll_loop = async {
            loop {
                let now = Instant::now();
                if now >= deadline {
                    return None;
                }
                tokio::time::sleep(delay.min(deadline - now)).await;
                delay = (delay.mul_f64(1.5 + 0.5 * crate::api::retry::jitter())).min(Duration::from_secs(1));
                polls += 1;
                match api.call("deliveries.get", &[("id", id)], &[], None).await {
                    Ok(row) => {
                        let status = row.get("status").and_then(Value::as_str).unwrap_or("").to_string();
                        let changed = last.as_ref().and_then(|l| l.get("status")) != row.get("status");
                        if changed && !ctx.printer.is_json() {
                            ctx.printer.info(&format!("  {}", sanitize_line(&status)));
                        }
                        last = Some(row);
                        let s = DeliveryState::parse(&status);
                        if matches!(s, DeliveryState::Delivered | DeliveryState::DeadLetter) {
                            return Some(s);
                        }
                    }
                    // 4xx other than 429: polling again cannot help.
                    Err(e)
                        if matches!(
                            e.exit(),
                            crate::Exit::Api | crate::Exit::Config | crate::Exit::Usage
                        ) && e.status() != Some(429) =>
                    {
                        fatal = Some(e);
                        return Some(DeliveryState::Unknown);
                    }
                    Err(e) => {
                        if let Some(ra) = e.retry_after() {
                            delay = ra;
                        }
                        last_error = Some(e.to_string());
                    }
                }
            }
        };
        tokio::select! {
            s = poll_loop => Ok(s),
            _ = tokio::signal::ctrl_c() => Err(()),
        }
    });
    let elapsed = started.elapsed();
    let (outcome, word) = match state {
        Err(()) => (Outcome::Interrupted, "interrupted"),
        Ok(Some(DeliveryState::Delivered)) => (Outcome::Success, "delivered"),
        Ok(Some(DeliveryState::DeadLetter)) => (Outcome::NotDelivered, "failed"),
        Ok(Some(_)) => {
            // A poll was refused outright: report it as the error it is.
            return Err(match fatal {
                Some(e) => e.into(),
                None => Error::Internal("polling the delivery failed".into()),
            });
        }
        Ok(None) => (Outcome::TimedOut, "timed_out"),
    };
    let rows: Vec<Value> = last.iter().cloned().collect();
    let p = &ctx.printer;
    if p.is_json() {
        p.json(&json!({
            "outcome": word,
            "expected": 1,
            "rows": rows,
            "elapsed_ms": elapsed.as_millis() as u64,
            "polls": polls,
            "last_error": last_error,
        }));
    } else {
        let code = last
            .as_ref()
            .and_then(|l| l.get("http_status_code"))
            .and_then(Value::as_u64)
            .map(|c| format!(" (HTTP {c})"))
            .unwrap_or_default();
        let secs = format!("{:.1}s", elapsed.as_secs_f64());
        match outcome {
            Outcome::Success => p.success(&format!("delivered{code} after {secs} ({polls} polls)")),
            Outcome::NotDelivered => {
                p.always(&format!(
                    "{} delivery dead-lettered{code} after {secs}",
                    p.paint_err("✗", Color::Red)
                ));
                p.hint(&format!("replay it with `hookctl replay {id}`"));
            }
            Outcome::TimedOut => {
                let status =
                    last.as_ref().and_then(|l| l.get("status")).and_then(Value::as_str).unwrap_or("unknown");
                p.always(&format!(
                    "{} timed out after {secs}: delivery still {}{code} ({polls} polls)",
                    p.paint_err("✗", Color::Red),
                    sanitize_line(status)
                ));
                if let Some(e) = &last_error {
                    p.always(&format!("  last poll error: {}", sanitize_line(e)));
                }
            }
            _ => p.always(&format!("interrupted after {secs}")),
        }
    }
    Ok(outcome)
}
