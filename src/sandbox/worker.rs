//! The delivery worker: drains the outbox, signs each delivery with its endpoint's `whsec_`
//! secret (Standard Webhooks, the signer of `hookctl sign`), POSTs it, and records the attempt
//! and the new state (through the [`super::recorder`], many attempts per transaction). The database is the only queue: after a crash every
//! delivery that was due is due again, with the same `webhook-id`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use tokio::sync::{watch, Semaphore};

use super::model::{self, Attempt, Delivery, EventRow, Outcome, Provider, Status};
use super::App;
use crate::sign::{self, Scheme};

/// How long one attempt may take before it counts as failed (admin knob `attempt_timeout`).
pub(crate) const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest `attempt_timeout` the admin route accepts (bounds how long a claim is held).
pub(crate) const MAX_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(120);
/// Attempts running at once.
const CONCURRENCY: usize = 64;
/// Free slots that make the worker read the queue again while attempts are in flight.
const REFILL: usize = CONCURRENCY / 4;
/// 429s allowed before a delivery is dead-lettered (they do not use the retry budget).
const MAX_RATE_LIMITED: i64 = 10;
/// Longest `Retry-After` honoured; longer ones are cut to this.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(300);
/// Characters of the answer kept (closient: "first 256 characters").
pub(crate) const RESPONSE_CHARS: usize = 256;

/// Runs until `stop` turns true, then lets the attempts in flight finish and record their
/// outcome (each is bounded by the attempt timeout), so a stop sends nothing twice.
pub(crate) async fn run(app: Arc<App>, mut stop: watch::Receiver<bool>) {
    let slots = Arc::new(Semaphore::new(CONCURRENCY));
    let mut inflight = tokio::task::JoinSet::new();
    loop {
        while inflight.try_join_next().is_some() {}
        if *stop.borrow() {
            break;
        }
        let free = slots.available_permits();
        let busy = CONCURRENCY - free;
        // Refilled in batches: a query for every finished attempt read the whole window of
        // due rows again each time.
        let due =
            if free == 0 || (busy > 0 && free < REFILL) { Vec::new() } else { claim_due(&app, free, busy) };
        let mut started = 0;
        for d in due {
            let Ok(permit) = slots.clone().try_acquire_owned() else {
                app.release(&d.id);
                continue;
            };
            started += 1;
            let app = app.clone();
            inflight.spawn(async move {
                let id = d.id.clone();
                attempt(&app, d).await;
                // Only now (the outcome is committed) may it be claimed again.
                app.release(&id);
                drop(permit);
                app.wake.notify_one();
            });
        }
        if started > 0 {
            continue;
        }
        // Nothing startable: sleep until the next due time, a new enqueue, a finished
        // attempt, or stop (a finished attempt wakes it, so with attempts in flight the next
        // due time need not be read).
        let pause = match if busy > 0 { Ok(None) } else { app.store.next_due() } {
            Ok(Some(at)) => Duration::from_millis((at - model::now_ms()).clamp(5, 1000) as u64),
            _ => Duration::from_secs(1),
        };
        tokio::select! {
            _ = app.wake.notified() => {}
            _ = tokio::time::sleep(pause) => {}
            _ = stop.changed() => {}
        }
    }
    while inflight.join_next().await.is_some() {}
}

/// Reads up to `free` due deliveries and claims them, under the claims' lock: a claim is
/// released only after its outcome is committed, so whatever this query sees either is still
/// claimed (skipped) or already shows its new state — nothing is attempted twice.
fn claim_due(app: &App, free: usize, busy: usize) -> Vec<Delivery> {
    let mut claims = app.inflight.lock().unwrap_or_else(|p| p.into_inner());
    match app.store.claim_due(model::now_ms(), free + busy, free, &mut claims) {
        Ok(rows) => rows,
        Err(e) => {
            app.printer.warn(&format!("sandbox worker: {e}"));
            Vec::new()
        }
    }
}

/// Claims `d` and attempts it now, outside the worker's loop (closient test and replay,
/// personio test-event answer after the first attempt). The delivery must already be in the
/// outbox, so a crash mid-way leaves it queued.
pub(crate) async fn attempt_now(app: &App, d: Delivery) -> Delivery {
    // The worker may have picked it up in between: wait for that attempt instead.
    let deadline = Instant::now() + MAX_ATTEMPT_TIMEOUT * 2;
    while !app.claim(&d.id) {
        if Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let fresh = app.store.delivery(&d.id).ok().flatten().unwrap_or(d);
    let done =
        if fresh.attempts > 0 && fresh.status != Status::Pending { fresh } else { attempt(app, fresh).await };
    app.release(&done.id);
    app.wake.notify_one();
    done
}

/// What the endpoint (or an injected fault) answered.
struct Answer {
    outcome: Outcome,
    code: Option<u16>,
    body: Option<String>,
    error: Option<String>,
    retry_after: Option<Duration>,
}

/// One attempt: send, decide the new state, record it. Returns the delivery as recorded.
pub(crate) async fn attempt(app: &App, mut d: Delivery) -> Delivery {
    let knobs = app.knobs();
    let fault = knobs.faults.get(&d.url).cloned().unwrap_or_default();
    let started_ms = model::now_ms();
    let started = Instant::now();
    // An injected delay is part of the attempt: it counts toward the attempt timeout.
    let delay = fault.delay.unwrap_or_default();
    if !delay.is_zero() {
        tokio::time::sleep(delay.min(knobs.attempt_timeout)).await;
    }
    let left = knobs.attempt_timeout.saturating_sub(delay);
    let answer = if left.is_zero() {
        Answer {
            outcome: Outcome::Error,
            code: None,
            body: None,
            error: Some(format!("timed out after {}", humantime::format_duration(knobs.attempt_timeout))),
            retry_after: None,
        }
    } else if let Some(code) = fault.status {
        Answer {
            outcome: classify(code),
            code: Some(code),
            body: Some(format!("forced by the sandbox: every attempt to {} answers {code}", d.url)),
            error: None,
            retry_after: None,
        }
    } else if knobs.fail_rate > 0.0 && rand::random::<f64>() < knobs.fail_rate {
        Answer {
            outcome: Outcome::Error,
            code: None,
            body: None,
            error: Some(format!("simulated network failure (fail rate {})", knobs.fail_rate)),
            retry_after: None,
        }
    } else {
        send(app, &d, left).await
    };
    let now_ms = model::now_ms();
    let now = model::rfc3339(now_ms);
    d.attempts += 1;
    d.http_status_code = answer.code.map(i64::from);
    d.response_body = answer.body.clone();
    d.last_error = answer.error.clone();
    d.updated_at = now.clone();
    let schedule = &knobs.retry_schedule;
    match answer.outcome {
        Outcome::Delivered => {
            d.status = Status::Delivered;
            d.next_at = None;
            d.delivered_at = Some(now.clone());
        }
        Outcome::RateLimited => {
            d.rate_limits += 1;
            if d.retries && d.rate_limits <= MAX_RATE_LIMITED {
                let wait = answer
                    .retry_after
                    .or_else(|| schedule.first().copied())
                    .unwrap_or(Duration::from_secs(1));
                d.status = Status::RateLimited;
                d.next_at = Some(now_ms.saturating_add(model::ms(wait.min(MAX_RETRY_AFTER))));
            } else {
                d.status = Status::DeadLetter;
                d.next_at = None;
            }
        }
        Outcome::Rejected | Outcome::Error => {
            d.failures += 1;
            match schedule.get(d.failures as usize - 1).filter(|_| d.retries) {
                Some(wait) => {
                    d.status = Status::Failed;
                    d.next_at = Some(now_ms.saturating_add(model::ms(*wait)));
                }
                None => {
                    d.status = Status::DeadLetter;
                    d.next_at = None;
                }
            }
        }
    }
    let record = Attempt {
        delivery_id: d.id.clone(),
        n: d.attempts,
        url: d.url.clone(),
        started_at: model::rfc3339(started_ms),
        duration_ms: started.elapsed().as_millis() as i64,
        outcome: answer.outcome,
        http_status_code: d.http_status_code,
        response_body: d.response_body.clone(),
        error: d.last_error.clone(),
    };
    let event = event_row(&d, now_ms.saturating_add(model::ms(knobs.lag.sample())));
    let outcome = super::recorder::Recorded { delivery: d.clone(), attempt: record.clone(), event };
    if let Err(e) = app.recorder.record(outcome).await {
        // Not recorded: the delivery stays due and is attempted again (same webhook-id).
        app.printer.warn(&format!("sandbox: cannot record an attempt of {}: {e}", d.id));
        return d;
    }
    log(app, &d, &record);
    d
}

/// The partner event-log row for this delivery's state (other dialects keep no log).
fn event_row(d: &Delivery, visible_at: i64) -> Option<EventRow> {
    if d.provider != Provider::Partner {
        return None;
    }
    Some(EventRow {
        id: d.event_id.clone().unwrap_or_else(|| d.id.clone()),
        delivery_id: d.id.clone(),
        case_id: d.case_id.clone().unwrap_or_default(),
        subscription_id: d.endpoint_id.clone(),
        event_type: d.event_type.clone(),
        payload: d.body.clone(),
        webhook_id: d.webhook_id.clone(),
        status: d.status.partner_word(),
        created_at: d.created_at.clone(),
        // Only the first write sets it: later attempts update the row in place.
        visible_at,
        delivered_at: d.delivered_at.clone(),
        attempt_count: d.attempts,
        last_response_code: d.http_status_code,
        last_error: d.last_error.clone(),
    })
}

fn classify(code: u16) -> Outcome {
    match code {
        200..=299 => Outcome::Delivered,
        429 => Outcome::RateLimited,
        _ => Outcome::Rejected,
    }
}

/// Signs and POSTs the delivery.
async fn send(app: &App, d: &Delivery, timeout: Duration) -> Answer {
    let error = |e: String| Answer {
        outcome: Outcome::Error,
        code: None,
        body: None,
        error: Some(e),
        retry_after: None,
    };
    let ts = model::now_ms() / 1000;
    let headers = match sign::sign(Scheme::Standard, &d.secret, &d.webhook_id, ts, d.body.as_bytes()) {
        Ok(h) => h,
        Err(e) => return error(format!("cannot sign: {e}")),
    };
    let client = match reqwest::Url::parse(&d.url) {
        Ok(u) if crate::loopback::is_loopback(&u) => &app.direct,
        _ => &app.http,
    };
    let mut req = client.post(&d.url).header("content-type", "application/json");
    for (k, v) in headers {
        req = req.header(k, v);
    }
    let resp = match req.timeout(timeout).body(d.body.clone()).send().await {
        Ok(r) => r,
        Err(e) if e.is_timeout() => {
            return error(format!("timed out after {}", humantime::format_duration(timeout)))
        }
        // The URL is named: "nothing listens at http://127.0.0.1:8787/" is the usual cause.
        Err(e) if e.is_connect() => {
            return error(format!(
                "connection to {} failed: {}",
                crate::secret::redact_url(&d.url),
                root_cause(&e)
            ))
        }
        Err(e) => return error(root_cause(&e)),
    };
    let code = resp.status().as_u16();
    let retry_after = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| crate::api::retry::parse_retry_after(v, std::time::SystemTime::now()));
    let body = read_start(resp).await;
    Answer { outcome: classify(code), code: Some(code), body: Some(body), error: None, retry_after }
}

/// The first [`RESPONSE_CHARS`] characters of the answer (reading no more than needed).
async fn read_start(mut resp: reqwest::Response) -> String {
    let mut buf = Vec::new();
    while buf.len() < RESPONSE_CHARS * 4 {
        match resp.chunk().await {
            Ok(Some(c)) => buf.extend_from_slice(&c),
            _ => break,
        }
    }
    model::cut(&String::from_utf8_lossy(&buf), RESPONSE_CHARS)
}

fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

fn log(app: &App, d: &Delivery, a: &Attempt) {
    let Some(out) = &app.attempt_log else { return };
    let p = &app.printer;
    // A password in the endpoint URL is shown as `***`, like the token.
    let url = crate::secret::redact_url(&d.url);
    if p.is_json() {
        let line = json!({
            "type": "attempt",
            "provider": d.provider.as_str(),
            "delivery_id": d.id,
            "webhook_id": d.webhook_id,
            "event_type": d.event_type,
            "url": url,
            "attempt": a.n,
            "status": d.status.as_str(),
            "http_status_code": a.http_status_code,
            "error": a.error,
            "duration_ms": a.duration_ms,
        });
        out.push(format!("{line}\n"));
        return;
    }
    let color = match d.status {
        Status::Delivered => colored::Color::Green,
        Status::DeadLetter => colored::Color::Red,
        _ => colored::Color::Yellow,
    };
    let result = match (a.http_status_code, &a.error) {
        (Some(c), _) => format!("HTTP {c}"),
        (None, Some(e)) => e.clone(),
        (None, None) => "-".into(),
    };
    let untrusted = crate::sanitize::sanitize_line(&format!(
        "{:<8} {:<15} → {url}  {result}",
        d.provider.as_str(),
        d.event_type,
    ))
    .into_owned();
    out.push(format!(
        "{} {untrusted}  (attempt {}, {} ms)\n",
        p.paint(&format!("{:<12}", d.status.as_str()), color),
        a.n,
        a.duration_ms
    ));
}
