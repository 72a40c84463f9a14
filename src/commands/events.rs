//! `events list | get | wait`: the provider's event log (partner `GET /webhooks/events`) or
//! deliveries list (closient), read through the same row parser as the waiter, so what
//! `events list` shows is exactly what `fire --wait` counts.

use std::time::Duration;

use serde_json::Value;

use crate::cli::events::{EventFilter, EventsArgs, EventsCommand};
use crate::matcher::Matchers;
use crate::sanitize::sanitize;
use crate::wait::{self, Baseline, LogFilter, LogKind, NearMissLog, Row, RowFormat, WaitSpec};
use crate::{Ctx, Error, Outcome, Result};

pub async fn exec(args: EventsArgs, ctx: &Ctx) -> Result<Outcome> {
    match args.command {
        EventsCommand::List { filter } => list(ctx, &filter).await,
        EventsCommand::Get { id } => get(ctx, &id).await,
        EventsCommand::Wait { filter, count, timeout, matches } => {
            wait_for(ctx, &filter, count, timeout, Matchers::new(matches)).await
        }
    }
}

async fn list(ctx: &Ctx, filter: &EventFilter) -> Result<Outcome> {
    let log = ctx.event_log(&log_filter("events list", filter))?;
    let kind = log.kind;
    let rows = log.fetch().await?;
    let raw: Vec<Value> = rows.iter().map(|(v, _)| v.clone()).collect();
    ctx.printer.emit(&Value::Array(raw), |p| {
        if rows.is_empty() {
            p.info(&format!("no {} match", kind.noun()));
        }
        for (_, row) in &rows {
            p.line(&line(p, row));
        }
    });
    Ok(Outcome::Success)
}

/// `created_at  state  type  id  HTTP …` with the state coloured.
fn line(p: &crate::output::Printer, row: &Row) -> String {
    let summary = row.summary();
    let (state, rest) = summary.split_at(summary.find(' ').unwrap_or(summary.len()));
    let color = match row.state {
        wait::RowState::Delivered => colored::Color::Green,
        wait::RowState::Failed => colored::Color::Red,
        wait::RowState::Pending => colored::Color::Yellow,
    };
    let when = row.created_at.as_deref().map(crate::sanitize::sanitize_line).unwrap_or_default();
    let state = p.paint(state, color);
    if when.is_empty() {
        format!("{state}{rest}")
    } else {
        format!("{}  {state}{rest}", p.dim(&when))
    }
}

async fn get(ctx: &Ctx, id: &str) -> Result<Outcome> {
    // Delivery and event ids have no documented pattern (only closient endpoint ids do).
    if id.trim().is_empty() || id.chars().any(char::is_control) {
        return Err(Error::usage("the id is empty or contains control characters"));
    }
    let kind = ctx.log_kind(true)?;
    let api = ctx.api()?;
    let format =
        RowFormat::default().with_overrides(api.fields())?.retrying_failures(kind == LogKind::Deliveries);
    let body = api.call(kind.get_route(), &[("id", id)], &[], None).await?;
    let body = api.unwrap(body);
    ctx.printer.emit(&body, |p| {
        if let Some(row) = format.parse(&body) {
            p.line(&line(p, &row));
        }
        let pretty = serde_json::to_string_pretty(&body).unwrap_or_default();
        p.line(&sanitize(&pretty));
    });
    Ok(Outcome::Success)
}

async fn wait_for(
    ctx: &Ctx,
    filter: &EventFilter,
    count: usize,
    timeout: Duration,
    content: Matchers,
) -> Result<Outcome> {
    if count == 0 {
        return Err(Error::usage("--count must be at least 1"));
    }
    let kind = ctx.log_kind(false)?;
    if filter.event_type.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::usage("--type must not be empty"));
    }
    // The wait applies --type itself, so rows of other types reach it as near misses.
    let all_types = EventFilter { event_type: None, ..filter.clone() };
    let log = ctx.event_log(&log_filter("events wait", &all_types))?;
    let printer = &ctx.printer;
    let report = async {
        let start = std::time::Instant::now();
        // Rows already there when the wait starts never count, except, with --since, those
        // created at or after it: "trigger, then wait --since" must not race.
        let existing = log.snapshot(timeout).await?;
        let baseline = match filter.since.as_deref().map(str::trim) {
            Some(since) => {
                let before: Vec<Row> =
                    existing.into_iter().filter(|r| wait::created_before(r, since)).collect();
                Baseline::from_rows(&before)
            }
            None => Baseline::from_rows(&existing),
        };
        printer.debug(&format!("{} rows already in the log", baseline.len()));
        // --timeout bounds the whole command, snapshot included.
        let timeout = timeout.saturating_sub(start.elapsed());
        let spec = WaitSpec { expected: count, timeout, baseline, event_type: filter.event_type.clone() };
        // Rows that do not match are left out of the wait and kept as near misses.
        let near = std::sync::Mutex::new(NearMissLog::new(content));
        let mut report = wait::watch(printer, &spec, || async {
            let rows = log.rows().await?;
            Ok(near.lock().unwrap_or_else(|p| p.into_inner()).filter(&spec, rows))
        })
        .await?;
        report.near_misses = near.lock().unwrap_or_else(|p| p.into_inner()).misses();
        Ok::<_, Error>(report)
    }
    .await?;
    report.print(printer, kind.noun());
    Ok(report.outcome())
}

fn log_filter(command: &'static str, f: &EventFilter) -> LogFilter {
    LogFilter {
        command,
        case_id: f.case_id.clone(),
        event_type: f.event_type.clone(),
        endpoint: f.endpoint.clone(),
        since: f.since.clone(),
    }
}
