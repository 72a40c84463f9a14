//! `hookctl demo`: the whole loop offline, in one process and a few seconds. A sandbox runs
//! in-process on a temporary database; a verifying `hookctl listen` (this executable) receives;
//! hookctl's own API client registers it, fires every partner event type and waits for the
//! event-log rows, runs a closient test and a personio test-event, and shows a forced failure
//! ending in `dead_letter` and its replay. Every signature is checked on arrival.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use colored::Color;
use serde_json::{json, Value};

use crate::api::{Client, ClientConfig};
use crate::cli::demo::DemoArgs;
use crate::output::Printer;
use crate::providers::{self, Preset};
use crate::sandbox::{self, seed, Lag, Sandbox};
use crate::secret::Secret;
use crate::{Ctx, Error, Outcome, Result};

/// Where the seeded endpoints deliver on the demo's listener.
const SEEDED_PATH: &str = "/seeded";

/// How long any one step may take before the demo gives up.
const STEP_TIMEOUT: Duration = Duration::from_secs(30);

pub fn exec(args: DemoArgs, ctx: &Ctx) -> Result<Outcome> {
    let dir = std::env::temp_dir().join(format!("hookctl-demo-{}", hex::encode(rand::random::<[u8; 6]>())));
    let result = crate::block_on(run(&dir, args.keep, &ctx.printer));
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

async fn run(dir: &Path, keep: bool, printer: &Printer) -> Result<Outcome> {
    let started = Instant::now();
    let port = free_port()?;
    let listen_url = format!("http://127.0.0.1:{port}");
    let seeded_url = format!("{listen_url}{SEEDED_PATH}");
    let mut cfg = sandbox::Config::new(dir.to_path_buf());
    cfg.seed_url = Some(seeded_url.clone());
    // Still asynchronous like the real log, but short enough for a demo.
    cfg.lag = Lag { min: Duration::from_millis(300), max: Duration::from_millis(1500) };
    cfg.retry_schedule = vec![Duration::from_millis(200), Duration::from_millis(200)];
    let sb = sandbox::start(cfg, printer.clone()).await?;
    let kept = keep.then_some(dir);
    let outcome = drive(&sb, dir, kept, &listen_url, port, printer, started).await;
    sb.stop().await;
    outcome
}

async fn drive(
    sb: &Sandbox,
    dir: &Path,
    kept: Option<&Path>,
    listen_url: &str,
    port: u16,
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
        .call("endpoints.update", &[("id", seed::SUB_TEST)], &[], Some(json!({"isActive": false})))
        .await?;
    let created = partner
        .call(
            "endpoints.create",
            &[],
            &[],
            Some(json!({"url": format!("{listen_url}/partner"), "events": seed::PARTNER_EVENTS, "isTestMode": true})),
        )
        .await?;
    let sub_id = text(&created, "id");
    let secret = created.get("secret").and_then(Value::as_str).unwrap_or_default().to_string();
    let capture = dir.join("received.jsonl");
    let mut listener = {
        let capture = capture.clone();
        let secrets = vec![Secret::new(seed::SECRET), Secret::new(secret)];
        tokio::task::spawn_blocking(move || Listener::start(port, &secrets, &capture))
            .await
            .map_err(|e| Error::Internal(format!("the listener did not start: {e}")))??
    };

    // 1. Fire every partner event type, then wait for the event-log rows.
    let mut fired = Vec::new();
    for event in seed::PARTNER_EVENTS {
        let answer =
            partner.call("fire", &[], &[], Some(json!({"caseId": seed::CASE_TEST, "event": event}))).await?;
        if answer.get("enqueuedCount").and_then(Value::as_u64) != Some(1) {
            return Err(Error::Internal(format!("the sandbox enqueued {answer} for {event}")));
        }
        fired.push(Fired { event, at: Instant::now(), row: None, lag: None });
    }
    let deadline = Instant::now() + STEP_TIMEOUT;
    while fired.iter().any(|f| !settled(f.row.as_ref())) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let rows = partner.call("events.list", &[], &[("caseId", seed::CASE_TEST.to_string())], None).await?;
        for f in fired.iter_mut() {
            let row = rows.as_array().into_iter().flatten().find(|r| r["eventType"] == f.event).cloned();
            if f.lag.is_none() && row.is_some() {
                f.lag = Some(f.at.elapsed());
            }
            if row.is_some() {
                f.row = row;
            }
        }
    }

    // 2. closient: a synchronous test ping. 3. personio: a test event with payload_data.
    let ping = closient.call("test", &[("id", seed::CLOSIENT_ENDPOINT)], &[], None).await?;
    let test_event = personio
        .call(
            "test",
            &[("id", seed::PERSONIO_WEBHOOK)],
            &[],
            Some(json!({"event_name": "person.updated", "payload_data": {"person.id": "42"}})),
        )
        .await?;

    // 4. An endpoint that answers 500: failed, retried, dead_letter; then replayed.
    let admin =
        Admin { http: reqwest::Client::new(), url: format!("{}/_sandbox", sb.url), token: sb.token.clone() };
    admin.send(reqwest::Method::POST, "/faults", Some(json!({"url": seeded_url, "status": 500}))).await?;
    let failing = closient.call("test", &[("id", seed::CLOSIENT_ENDPOINT)], &[], None).await?;
    let failed_id = text(&failing, "delivery_id");
    let mut dead = failing.clone();
    let deadline = Instant::now() + STEP_TIMEOUT;
    while dead["status"] != "dead_letter" && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        dead = closient.call("deliveries.get", &[("id", &failed_id)], &[], None).await?;
    }
    admin.send(reqwest::Method::DELETE, "/faults", None).await?;
    let replayed = closient.call("deliveries.replay", &[("id", &failed_id)], &[], None).await?;

    // 5. What arrived: 5 partner events, the ping, the test event and the replay.
    let expected = fired.len() + 3;
    let received = tokio::task::spawn_blocking(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let r = read_capture(&capture);
            if r.len() >= expected || Instant::now() > deadline {
                return r;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    })
    .await
    .unwrap_or_default();
    listener.stop();
    let valid = received.iter().filter(|r| r["verdict"] == "valid").count();

    let ok = fired.iter().all(|f| f.row.as_ref().is_some_and(|r| r["status"] == "delivered"))
        && ping["status"] == "delivered"
        && test_event["is_delivered"] == true
        && dead["status"] == "dead_letter"
        && replayed["status"] == "delivered"
        && received.len() == expected
        && valid == received.len();
    let story = Story {
        sandbox: &sb.url,
        listener: listen_url,
        sub_id: &sub_id,
        fired: &fired,
        ping: &ping,
        test_event: &test_event,
        dead: &dead,
        replayed: &replayed,
        received: received.len(),
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

fn settled(row: Option<&Value>) -> bool {
    row.is_some_and(|r| matches!(r["status"].as_str(), Some("delivered" | "failed")))
}

fn text(v: &Value, field: &str) -> String {
    v.get(field).and_then(Value::as_str).unwrap_or_default().to_string()
}

fn free_port() -> Result<u16> {
    let l =
        std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| Error::io("cannot pick a free port", e))?;
    l.local_addr().map(|a| a.port()).map_err(|e| Error::io("cannot pick a free port", e))
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

/// `hookctl listen` (this executable) verifying with `secrets`, capturing to a file.
struct Listener {
    child: Child,
}

impl Listener {
    fn start(port: u16, secrets: &[Secret], capture: &Path) -> Result<Listener> {
        let exe = std::env::current_exe().map_err(|e| Error::io("cannot find the hookctl executable", e))?;
        let mut cmd = Command::new(exe);
        cmd.args(["listen", "--port", &port.to_string(), "--no-display", "--capture"]).arg(capture);
        for s in secrets {
            cmd.args(["--secret", s.expose()]);
        }
        cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| Error::io("cannot start hookctl listen", e))?;
        let stderr = child.stderr.take();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in stderr.into_iter().flat_map(|s| BufReader::new(s).lines()).map_while(|l| l.ok()) {
                if line.starts_with("listening on ") {
                    let _ = tx.send(Ok(()));
                    return;
                }
                lines.push(line);
            }
            let _ = tx.send(Err(lines.join("; ")));
        });
        match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(Ok(())) => Ok(Listener { child }),
            other => {
                let _ = child.kill();
                let _ = child.wait();
                let why = match other {
                    Ok(Err(lines)) => lines,
                    _ => "no ready line within 10s".into(),
                };
                Err(Error::Internal(format!("hookctl listen did not start: {why}")))
            }
        }
    }

    /// Every record is written before its request is answered, so the capture is whole.
    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop();
    }
}

fn read_capture(path: &PathBuf) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
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
