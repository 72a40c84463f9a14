//! `hookctl demo`: the whole loop offline, in one process and a few seconds. A sandbox and a
//! verifying listener run in-process (through their `start` handles) on a temporary
//! database; hookctl's own API client registers the listener, fires every partner event type
//! and waits for the event-log rows with the waiter `fire --wait` uses, runs a closient test
//! and a personio test-event, and shows a forced failure ending in `dead_letter` and its
//! replay. Every signature is checked on arrival.

use std::path::Path;
use std::time::{Duration, Instant};

use colored::Color;
use serde_json::{json, Value};

use crate::api::{Client, ClientConfig};
use crate::cli::demo::DemoArgs;
use crate::listen::{self, Listening};
use crate::output::Printer;
use crate::providers::RouteName;
use crate::providers::{self, Preset};
use crate::sandbox::{self, seed, Lag, Sandbox};
use crate::secret::Secret;
use crate::wait::{
    self, Baseline, Observer, PollError, RealClock, Row, RowFormat, Schedule, WaitReport, WaitSpec,
};
use crate::{Ctx, Error, Outcome, Result};

/// Where the seeded endpoints deliver on the demo's listener.
const SEEDED_PATH: &str = "/seeded";

/// How long any one step may take before the demo gives up.
const STEP_TIMEOUT: Duration = Duration::from_secs(30);

/// How long the listener may take to receive the last webhooks once the steps are done.
const ARRIVAL_TIMEOUT: Duration = Duration::from_secs(10);

pub async fn exec(args: DemoArgs, ctx: &Ctx) -> Result<Outcome> {
    let dir = std::env::temp_dir().join(format!("hookctl-demo-{}", hex::encode(rand::random::<[u8; 6]>())));
    let result = run(&dir, args.keep, &ctx.printer).await;
    if args.keep {
        ctx.printer.info(&format!("the demo's sandbox database is kept in {}", dir.display()));
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

/// What one partner event came to.
struct Fired {
    event: &'static str,
    at: Instant,
    row: Option<Value>,
    lag: Option<Duration>,
}

/// Notes when each fired event's row first appears in the log (the lag the story shows).
struct Lags<'a>(&'a mut [Fired]);

impl Observer for Lags<'_> {
    fn row(&mut self, row: &Row, first: bool) {
        let fired = self.0.iter_mut().find(|f| f.lag.is_none() && row.event_type.as_deref() == Some(f.event));
        if let (true, Some(f)) = (first, fired) {
            f.lag = Some(f.at.elapsed());
        }
    }
}

async fn run(dir: &Path, keep: bool, printer: &Printer) -> Result<Outcome> {
    let started = Instant::now();
    // The listener's port is bound first and kept: the sandbox's seeded endpoints deliver to
    // it, and the listener starts on it once the registration gave it its secret.
    let socket = crate::net::bind("127.0.0.1", 0).await?;
    let port = socket.local_addr().map_err(|e| Error::io("cannot read the bound address", e))?.port();
    let listen_url = crate::net::base_url("127.0.0.1", port);
    let mut cfg = sandbox::Config::new(dir.to_path_buf());
    cfg.seed_url = Some(format!("{listen_url}{SEEDED_PATH}"));
    // Still asynchronous like the real log, but short enough for a demo.
    cfg.lag = Lag { min: Duration::from_millis(300), max: Duration::from_millis(1500) };
    cfg.retry_schedule = vec![Duration::from_millis(200), Duration::from_millis(200)];
    let sb = sandbox::start(cfg, printer.clone()).await?;
    let kept = keep.then_some(dir);
    let outcome = drive(&sb, socket, dir, kept, &listen_url, printer, started).await;
    sb.stop().await;
    outcome
}

/// The demo's listener: verifying with the seeded secret and the registration's, capturing,
/// counting the webhooks the story expects; it prints nothing of its own.
async fn listen_on(
    socket: tokio::net::TcpListener,
    secrets: Vec<Secret>,
    capture: &Path,
    expected: u64,
    printer: &Printer,
) -> Result<Listening> {
    let mut cfg = listen::Config::new("127.0.0.1", 0);
    cfg.secrets = secrets;
    cfg.capture = Some(capture.to_path_buf());
    cfg.expect = Some(expected);
    // A bad signature is part of what the story reports, not a reason to stop listening.
    cfg.allow_invalid = true;
    // Ctrl-C ends the demo as a whole.
    cfg.stop_on_signal = false;
    listen::start_on(socket, cfg, &printer.muted()).await
}

#[allow(clippy::too_many_arguments)]
async fn drive(
    sb: &Sandbox,
    socket: tokio::net::TcpListener,
    dir: &Path,
    kept: Option<&Path>,
    listen_url: &str,
    printer: &Printer,
    started: Instant,
) -> Result<Outcome> {
    let seeded_url = format!("{listen_url}{SEEDED_PATH}");
    let client = |preset: &'static Preset| {
        Client::new(
            ClientConfig::new(preset, sb.provider_url(preset.name), sb.token.clone()),
            printer.clone(),
        )
    };
    let (partner, closient, personio) =
        (client(&providers::PARTNER)?, client(&providers::CLOSIENT)?, client(&providers::PERSONIO)?);

    // Register the listener as a partner subscription (the seeded one steps aside).
    partner
        .call(RouteName::EndpointsUpdate, &[("id", seed::SUB_TEST)], &[], Some(json!({"isActive": false})))
        .await?;
    let created = partner
        .call(
            RouteName::EndpointsCreate,
            &[],
            &[],
            Some(json!({"url": format!("{listen_url}/partner"), "events": seed::PARTNER_EVENTS, "isTestMode": true})),
        )
        .await?;
    let sub_id = text(&created, "id");
    let secret = created.get("secret").and_then(Value::as_str).unwrap_or_default().to_string();
    // What arrives: every partner event, the ping, the test event and the replay.
    let expected = seed::PARTNER_EVENTS.len() + 3;
    let secrets = vec![Secret::new(seed::SECRET), Secret::new(secret)];
    let listener = listen_on(socket, secrets, &dir.join("received.jsonl"), expected as u64, printer).await?;
    let steps = steps(&partner, &closient, &personio, &seeded_url, sb).await;
    // The last webhooks may still be on their way: the listener stops once all of them
    // arrived (its `--expect`), or after a grace period.
    if steps.is_ok() {
        let _ = tokio::time::timeout(ARRIVAL_TIMEOUT, listener.stopping()).await;
    }
    listener.stop();
    let ended = listener.finish().await?;
    let Steps { fired, ping, test_event, dead, replayed } = steps?;
    let (received, valid) = (ended.totals.received as usize, ended.totals.valid as usize);

    let ok = fired.iter().all(|f| f.row.as_ref().is_some_and(|r| r["status"] == "delivered"))
        && ping["status"] == "delivered"
        && test_event["is_delivered"] == true
        && dead["status"] == "dead_letter"
        && replayed["status"] == "delivered"
        && received == expected
        && valid == received;
    let story = Story {
        sandbox: &sb.url,
        listener: listen_url,
        sub_id: &sub_id,
        fired: &fired,
        ping: &ping,
        test_event: &test_event,
        dead: &dead,
        replayed: &replayed,
        received,
        valid,
        ok,
        elapsed: started.elapsed(),
        kept,
    };
    if printer.is_json() {
        printer.json(&story.to_json());
    } else {
        story.print(printer);
    }
    Ok(if ok { Outcome::Success } else { Outcome::NotDelivered })
}

/// What the provider APIs answered along the way.
struct Steps {
    fired: Vec<Fired>,
    ping: Value,
    test_event: Value,
    dead: Value,
    replayed: Value,
}

async fn steps(
    partner: &Client,
    closient: &Client,
    personio: &Client,
    seeded_url: &str,
    sb: &Sandbox,
) -> Result<Steps> {
    // 1. Fire every partner event type, then wait for their event-log rows, as `fire --wait`.
    let format = RowFormat::default();
    let events = || async {
        let rows = partner
            .call(RouteName::EventsList, &[], &[("caseId", seed::CASE_TEST.to_string())], None)
            .await?;
        Ok::<_, Error>(format.parse_list(&rows).unwrap_or_default())
    };
    let baseline = Baseline::from_rows(&events().await?);
    let mut fired = Vec::new();
    for event in seed::PARTNER_EVENTS {
        let answer = partner
            .call(RouteName::Fire, &[], &[], Some(json!({"caseId": seed::CASE_TEST, "event": event})))
            .await?;
        if answer.get("enqueuedCount").and_then(Value::as_u64) != Some(1) {
            return Err(Error::Internal(format!("the sandbox enqueued {answer} for {event}")));
        }
        fired.push(Fired { event, at: Instant::now(), row: None, lag: None });
    }
    let spec = WaitSpec { expected: fired.len(), timeout: STEP_TIMEOUT, baseline, event_type: None };
    let report =
        wait_quietly(&spec, || async { events().await.map_err(PollError::from) }, &mut Lags(&mut fired))
            .await?;
    for f in fired.iter_mut() {
        f.row = report.rows.iter().find(|r| r.event_type.as_deref() == Some(f.event)).map(|r| r.raw.clone());
    }

    // 2. closient: a synchronous test ping. 3. personio: a test event with payload_data.
    let ping = closient.call(RouteName::Test, &[("id", seed::CLOSIENT_ENDPOINT)], &[], None).await?;
    let test_event = personio
        .call(
            RouteName::Test,
            &[("id", seed::PERSONIO_WEBHOOK)],
            &[],
            Some(json!({"event_name": "person.updated", "payload_data": {"person.id": "42"}})),
        )
        .await?;

    // 4. An endpoint that answers 500: failed, retried, dead_letter (followed like
    // `test --wait`); then replayed.
    let admin =
        Admin { http: reqwest::Client::new(), url: format!("{}/_sandbox", sb.url), token: sb.token.clone() };
    admin.send(reqwest::Method::POST, "/faults", Some(json!({"url": seeded_url, "status": 500}))).await?;
    let failing = closient.call(RouteName::Test, &[("id", seed::CLOSIENT_ENDPOINT)], &[], None).await?;
    let failed_id = text(&failing, "delivery_id");
    let format = RowFormat::default().retrying_failures(true);
    let spec =
        WaitSpec { expected: 1, timeout: STEP_TIMEOUT, baseline: Baseline::default(), event_type: None };
    let delivery = || async {
        let body = closient.call(RouteName::DeliveriesGet, &[("id", &failed_id)], &[], None).await?;
        Ok(format.parse(&body).into_iter().collect())
    };
    let report = wait_quietly(&spec, delivery, &mut wait::Silent).await?;
    let dead = report.rows.first().map(|r| r.raw.clone()).unwrap_or(failing);
    admin.send(reqwest::Method::DELETE, "/faults", None).await?;
    let replayed = closient.call(RouteName::DeliveriesReplay, &[("id", &failed_id)], &[], None).await?;
    Ok(Steps { fired, ping, test_event, dead, replayed })
}

/// The waiter of `fire --wait`, on the wall clock, printing nothing (the story is told at
/// the end). Ctrl-C keeps its default: it ends the demo.
async fn wait_quietly<P, Fut>(spec: &WaitSpec, poll: P, observer: &mut dyn Observer) -> Result<WaitReport>
where
    P: FnMut() -> Fut,
    Fut: std::future::Future<Output = std::result::Result<Vec<Row>, PollError>>,
{
    let never = std::future::pending::<()>();
    // Its sandbox is in this process and polled by nobody else: the backoff starts and caps sooner.
    wait::wait(spec, &RealClock::new(), &mut Schedule::local(), poll, observer, never).await
}

fn text(v: &Value, field: &str) -> String {
    v.get(field).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// The sandbox's admin routes (not a provider API, so not through [`Client`]).
struct Admin {
    http: reqwest::Client,
    url: String,
    token: Secret,
}

impl Admin {
    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Result<()> {
        let mut req =
            self.http.request(method, format!("{}{path}", self.url)).bearer_auth(self.token.expose());
        if let Some(b) = body {
            req = req.json(&b);
        }
        match req.send().await {
            Ok(r) if r.status().is_success() => Ok(()),
            Ok(r) => Err(Error::Internal(format!("the sandbox admin route {path} answered {}", r.status()))),
            Err(e) => Err(Error::Internal(format!("the sandbox admin route {path} failed: {e}"))),
        }
    }
}

/// Everything the demo saw, told to people or as one JSON document.
struct Story<'a> {
    sandbox: &'a str,
    listener: &'a str,
    sub_id: &'a str,
    fired: &'a [Fired],
    ping: &'a Value,
    test_event: &'a Value,
    dead: &'a Value,
    replayed: &'a Value,
    received: usize,
    valid: usize,
    ok: bool,
    elapsed: Duration,
    /// With `--keep`: where the database stays (so `--json` scripts need not read stderr).
    kept: Option<&'a Path>,
}

const TRY: [&str; 4] = [
    "hookctl sandbox                                   # terminal 1: the four APIs on :8788",
    "hookctl listen --secret whsec_aG9va2N0bCBzYW5kYm94IHNlZWQgc2VjcmV0IDIwMjY=   # terminal 2",
    "hookctl fire case.assigned --case case_test_full --wait --provider partner --sandbox",
    "hookctl fire case.assigned --case <case id> --wait --provider partner --base-url https://…   # a real provider (HOOKCTL_TOKEN)",
];

impl Story<'_> {
    fn to_json(&self) -> Value {
        json!({
            "outcome": if self.ok { "ok" } else { "failed" },
            "elapsed_ms": self.elapsed.as_millis() as u64,
            "sandbox": self.sandbox,
            "listener": self.listener,
            "partner": {
                "subscription": self.sub_id,
                "case": seed::CASE_TEST,
                "events": self.fired.iter().map(|f| json!({
                    "event": f.event,
                    "status": f.row.as_ref().map(|r| r["status"].clone()),
                    "row": f.row.as_ref().map(|r| r["id"].clone()),
                    "lag_ms": f.lag.map(|l| l.as_millis() as u64),
                })).collect::<Vec<_>>(),
            },
            "closient_test": self.ping,
            "personio_test_event": self.test_event,
            "forced_failure": {"dead_letter": self.dead, "replay": self.replayed},
            "received": self.received,
            "valid_signatures": self.valid,
            "try": TRY,
            "kept": self.kept.map(|d| d.display().to_string()),
        })
    }

    fn print(&self, p: &Printer) {
        let mark = |good: bool| if good { p.paint("✓", Color::Green) } else { p.paint("✗", Color::Red) };
        let status = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("?").to_string();
        p.line(&p.bold("hookctl demo — the whole webhook loop, offline"));
        p.line(&format!("  sandbox   {}  (the four provider APIs, temporary database)", self.sandbox));
        p.line(&format!(
            "  listener  {}  (hookctl listen, verifying Standard Webhooks signatures)",
            self.listener
        ));
        p.line(&format!("  registered partner subscription {} → {}/partner", self.sub_id, self.listener));
        p.line("");
        p.line(&format!(
            "1. partner: fired every event type for test case {}; the event log caught up after:",
            seed::CASE_TEST
        ));
        for f in self.fired {
            let st = f.row.as_ref().map(|r| status(r, "status")).unwrap_or_else(|| "no row".into());
            let lag = f.lag.map(|l| format!("{:.1}s", l.as_secs_f64())).unwrap_or_else(|| "-".into());
            p.line(&format!("   {} {:<16} {:<10} row after {lag}", mark(st == "delivered"), f.event, st));
        }
        p.line(&format!(
            "2. closient: test ping            {} {} (HTTP {})",
            mark(self.ping["status"] == "delivered"),
            status(self.ping, "status"),
            self.ping["http_status_code"]
        ));
        p.line(&format!(
            "3. personio: test-event person.updated with payload_data person.id=42  {} {}",
            mark(self.test_event["is_delivered"] == true),
            if self.test_event["is_delivered"] == true { "delivered" } else { "not delivered" }
        ));
        p.line(&format!(
            "4. an endpoint answering 500: failed → {} after {} attempts; replayed → {} {}",
            status(self.dead, "status"),
            self.dead["attempts"],
            mark(self.replayed["status"] == "delivered"),
            status(self.replayed, "status")
        ));
        p.line(&format!(
            "5. the listener received {} webhooks: {} {} valid signatures",
            self.received,
            mark(self.valid == self.received && self.received > 0),
            self.valid
        ));
        p.line("");
        if self.ok {
            p.line(&format!(
                "{} all of it in {:.1}s. Now try it yourself:",
                p.paint("✓", Color::Green),
                self.elapsed.as_secs_f64()
            ));
        } else {
            p.line(&format!(
                "{} something did not arrive (see above). Try it step by step:",
                p.paint("✗", Color::Red)
            ));
        }
        for line in TRY {
            p.line(&format!("  {}", p.dim(line)));
        }
    }
}
