//! Load benchmarks for `hookctl listen` (plain `harness = false` binary, std::time only).
//!
//!   cargo build --release && cargo bench --bench listen_load            # compare (default)
//!   cargo bench --bench listen_load -- loss                             # 100k/64 loss check
//!   cargo bench --bench listen_load -- ui-load                          # inspector with 10k requests
//!   BENCH_VARIANTS=listen,json,ui,ui-page cargo bench --bench listen_load
//!   cargo bench --bench listen_load -- all
//!
//! `compare`: the same load generator (raw HTTP/1.1 keep-alive, concurrency 32, 1 KiB signed
//! JSON) against a bare hyper server that only answers 204 and against
//! `target/release/hookctl listen --secret … --capture FILE` with `--no-display` and with the
//! NDJSON display piped to a file (`BENCH_VARIANTS`); prints RPS, p50, p99 and the listener's
//! peak RSS (VmHWM) as markdown tables, first with everything sharing the cores, then pinned
//! (server on core 0, load generator on core 1; `BENCH_PLACEMENT=shared|pinned` for one).
//! `loss`: 100,000 requests at concurrency 64 — every 2xx must be in the capture exactly once
//! with a byte-identical body (SHA-256) and zero errors; then again with SIGTERM mid-load
//! (acknowledged ⇒ captured).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[path = "listen_load/loss.rs"]
mod loss;
use loss::loss;

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--bench")).collect();
    if args.first().map(String::as_str) == Some("--bare-server") {
        bare_server();
        return;
    }
    let mode = args.first().map(String::as_str).unwrap_or("compare");
    if mode == "drive" {
        // Load an already running server (for profiling): `-- drive PORT`.
        let port: u16 = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(8787);
        let secs: u64 = std::env::var("BENCH_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
        let requests: Arc<Vec<Vec<u8>>> =
            Arc::new((0..2000u64).map(|n| signed_request(&format!("msg_{n}"), &body_1k(n))).collect());
        let r = drive(SocketAddr::from(([127, 0, 0, 1], port)), 32, Duration::from_secs(secs), requests);
        println!(
            "{:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, {} errors",
            r.rps(),
            r.pct(0.5),
            r.pct(0.99),
            r.errors
        );
        return;
    }
    let Some(bin) = hookctl_release() else {
        eprintln!("target/release/hookctl is missing: run `cargo build --release` first");
        std::process::exit(2);
    };
    let secs: u64 = std::env::var("BENCH_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    match mode {
        "compare" => compare(&bin, secs),
        "loss" => {
            loss(&bin, false);
            loss(&bin, true);
        }
        "ui-load" => ui_load(&bin),
        "all" => {
            compare(&bin, secs);
            loss(&bin, false);
            loss(&bin, true);
        }
        other => {
            eprintln!("unknown mode {other}: compare | loss | ui-load | all");
            std::process::exit(2);
        }
    }
}

fn hookctl_release() -> Option<PathBuf> {
    // `benches/build.sh` measures binaries built in its own target directories.
    if let Some(bin) = std::env::var_os("BENCH_BIN") {
        return Some(PathBuf::from(bin));
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or(root.join("target"));
    let p = target.join("release").join("hookctl");
    p.exists().then_some(p)
}

/// The baseline: hyper, HTTP/1, 204 and nothing else.
fn bare_server() {
    use http_body_util::Empty;
    use hyper::{Response, StatusCode};
    // BENCH_BARE_RT=multi|current. Default multi: the faster bare server on 2 cores (one
    // current_thread loop measured ~15 % slower), so the ratio is against the stronger baseline.
    let rt = if std::env::var("BENCH_BARE_RT").as_deref() == Ok("current") {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread().enable_all().build()
    }
    .expect("runtime");
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        println!("{}", listener.local_addr().expect("addr").port());
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let svc =
                    hyper::service::service_fn(|req: hyper::Request<hyper::body::Incoming>| async move {
                        use http_body_util::BodyExt;
                        // Read the body like a real receiver would.
                        let _ = req.into_body().collect().await;
                        let mut r = Response::new(Empty::<bytes::Bytes>::new());
                        *r.status_mut() = StatusCode::NO_CONTENT;
                        Ok::<_, std::convert::Infallible>(r)
                    });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), svc)
                    .await;
            });
        }
    });
}

fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

fn sign(id: &str, ts: i64, body: &[u8]) -> String {
    let key = base64::engine::general_purpose::STANDARD.decode(&SECRET[6..]).expect("secret");
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("key");
    mac.update(format!("{id}.{ts}.").as_bytes());
    mac.update(body);
    format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()))
}

/// One raw request with a Standard Webhooks signature.
fn signed_request(id: &str, body: &[u8]) -> Vec<u8> {
    let ts = unix_now();
    let mut req = format!(
        "POST /webhooks HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nwebhook-id: {id}\r\n\
         webhook-timestamp: {ts}\r\nwebhook-signature: {}\r\nContent-Length: {}\r\n\r\n",
        sign(id, ts, body),
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    req
}

/// A 1 KiB JSON event body, unique per `n`.
fn body_1k(n: u64) -> Vec<u8> {
    let head = format!(r#"{{"type":"case.updated","id":"evt_{n:012}","data":{{"caseId":"c_{n}","pad":""#);
    let tail = r#""}}"#;
    let pad = 1024 - head.len() - tail.len();
    let mut b = head.into_bytes();
    b.resize(b.len() + pad, b'x');
    b.extend_from_slice(tail.as_bytes());
    b
}

/// Reads one HTTP/1.1 response (status + Content-Length body) from a keep-alive connection.
async fn read_response(s: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = std::str::from_utf8(&buf[..end]).map_err(|_| bad("head"))?;
            let status: u16 = head.get(9..12).and_then(|s| s.parse().ok()).ok_or_else(|| bad("status"))?;
            let len: usize = head
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length").then(|| v.trim().parse().ok())?
                })
                .unwrap_or(0);
            while buf.len() < end + 4 + len {
                let mut tmp = [0u8; 8192];
                let n = s.read(&mut tmp).await?;
                if n == 0 {
                    return Err(bad("eof in body"));
                }
                buf.extend_from_slice(&tmp[..n]);
            }
            buf.drain(..end + 4 + len);
            return Ok(status);
        }
        let mut tmp = [0u8; 8192];
        let n = s.read(&mut tmp).await?;
        if n == 0 {
            return Err(bad("eof"));
        }
        buf.extend_from_slice(&tmp[..n]);
    }
}

#[derive(Clone)]
struct LoadResult {
    ok: u64,
    /// Every 2xx, warm-up included (for CPU per request).
    total: u64,
    /// The server's CPU time (user + system, all threads) per request, when measured.
    cpu_us: Option<f64>,
    errors: u64,
    elapsed: Duration,
    latencies_us: Vec<u32>,
}

impl LoadResult {
    fn rps(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64()
    }
    fn pct(&self, p: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return 0.0;
        }
        let i = ((self.latencies_us.len() as f64 - 1.0) * p).round() as usize;
        self.latencies_us[i] as f64 / 1000.0
    }
}

/// `concurrency` keep-alive connections sending pre-signed requests for `dur` (after a warm-up).
fn drive(addr: SocketAddr, concurrency: usize, dur: Duration, requests: Arc<Vec<Vec<u8>>>) -> LoadResult {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async move {
        let stop = Arc::new(AtomicBool::new(false));
        let measuring = Arc::new(AtomicBool::new(false));
        let ok = Arc::new(AtomicU64::new(0));
        let errors = Arc::new(AtomicU64::new(0));
        let total = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for c in 0..concurrency {
            let (stop, measuring, ok, errors, requests, total) = (
                stop.clone(),
                measuring.clone(),
                ok.clone(),
                errors.clone(),
                requests.clone(),
                total.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut lat = Vec::with_capacity(1 << 16);
                let mut i = c;
                let mut conn: Option<TcpStream> = None;
                let mut buf = Vec::with_capacity(16 * 1024);
                while !stop.load(Ordering::Relaxed) {
                    if conn.is_none() {
                        match TcpStream::connect(addr).await {
                            Ok(s) => {
                                let _ = s.set_nodelay(true);
                                conn = Some(s);
                                buf.clear();
                            }
                            Err(_) => {
                                errors.fetch_add(1, Ordering::Relaxed);
                                tokio::time::sleep(Duration::from_millis(10)).await;
                                continue;
                            }
                        }
                    }
                    let Some(s) = conn.as_mut() else { continue };
                    let req = &requests[i % requests.len()];
                    i += concurrency;
                    let t = Instant::now();
                    let res = match s.write_all(req).await {
                        Ok(()) => read_response(s, &mut buf).await,
                        Err(e) => Err(e),
                    };
                    let took = t.elapsed();
                    let counting = measuring.load(Ordering::Relaxed);
                    match res {
                        Ok(st) if (200..300).contains(&st) => {
                            total.fetch_add(1, Ordering::Relaxed);
                            if counting {
                                ok.fetch_add(1, Ordering::Relaxed);
                                lat.push(took.as_micros().min(u32::MAX as u128) as u32);
                            }
                        }
                        _ => {
                            if counting {
                                errors.fetch_add(1, Ordering::Relaxed);
                            }
                            conn = None;
                        }
                    }
                }
                lat
            }));
        }
        tokio::time::sleep(Duration::from_secs(1)).await; // warm-up
        measuring.store(true, Ordering::Relaxed);
        let t0 = Instant::now();
        tokio::time::sleep(dur).await;
        measuring.store(false, Ordering::Relaxed);
        let elapsed = t0.elapsed();
        stop.store(true, Ordering::Relaxed);
        let mut all = Vec::new();
        for t in tasks {
            if let Ok(l) = t.await {
                all.extend(l);
            }
        }
        all.sort_unstable();
        LoadResult {
            ok: ok.load(Ordering::Relaxed),
            total: total.load(Ordering::Relaxed),
            cpu_us: None,
            errors: errors.load(Ordering::Relaxed),
            elapsed,
            latencies_us: all,
        }
    })
}

/// User + system CPU seconds of a process (all threads) from /proc (USER_HZ is 100 on Linux).
fn cpu_secs(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) start at ") ".
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// `drive`, plus the server's CPU time per answered request.
fn drive_measured(addr: SocketAddr, pid: u32, dur: Duration, requests: Arc<Vec<Vec<u8>>>) -> LoadResult {
    let before = cpu_secs(pid);
    let mut r = drive(addr, 32, dur, requests);
    if let (Some(a), Some(b)) = (before, cpu_secs(pid)) {
        r.cpu_us = Some((b - a) * 1e6 / r.total.max(1) as f64);
    }
    r
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")?.trim().strip_suffix("kB")?.trim().parse().ok())
}

/// hookctl with its stdout sent to `out` (the ready line is on stderr).
fn spawn_ready_to(mut cmd: Command, out: Stdio) -> (Child, SocketAddr) {
    cmd.stdout(out);
    spawn_ready_inner(cmd, true)
}

/// Spawns a process that prints its port (bare server: stdout; hookctl: the ready line on stderr).
fn spawn_ready(mut cmd: Command, from_stderr: bool) -> (Child, SocketAddr) {
    if from_stderr {
        cmd.stdout(Stdio::null());
    }
    spawn_ready_inner(cmd, from_stderr)
}

fn spawn_ready_inner(mut cmd: Command, from_stderr: bool) -> (Child, SocketAddr) {
    cmd.stdin(Stdio::null());
    if from_stderr {
        cmd.stderr(Stdio::piped());
    } else {
        cmd.stdout(Stdio::piped()).stderr(Stdio::inherit());
    }
    let mut child = cmd.spawn().expect("spawn");
    let reader: Box<dyn std::io::Read + Send> = if from_stderr {
        Box::new(child.stderr.take().expect("stderr"))
    } else {
        Box::new(child.stdout.take().expect("stdout"))
    };
    let mut lines = BufReader::new(reader).lines();
    let port: u16 = loop {
        let line = lines.next().and_then(|l| l.ok()).expect("ready line");
        if let Some(url) = line.strip_prefix("inspector on ") {
            *INSPECTOR.lock().expect("lock") = Some(url.to_string());
        }
        let candidate = match line.strip_prefix("listening on http://") {
            Some(rest) => rest.split('/').next().and_then(|hp| hp.rsplit(':').next()).map(str::to_string),
            None if !from_stderr => Some(line.trim().to_string()),
            None => None,
        };
        if let Some(p) = candidate.and_then(|p| p.parse().ok()) {
            break p;
        }
    };
    // Keep draining so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, SocketAddr::from(([127, 0, 0, 1], port)))
}

/// The inspector address the last `listen --ui` printed (before its ready line).
static INSPECTOR: Mutex<Option<String>> = Mutex::new(None);

/// `(port, token)` of an inspector address `http://127.0.0.1:PORT/?t=TOKEN`.
fn inspector_parts(url: &str) -> (u16, String) {
    let rest = url.trim_start_matches("http://127.0.0.1:");
    let (port, token) = rest.split_once("/?t=").expect("inspector url");
    (port.parse().expect("port"), token.to_string())
}

/// One page streaming: the event stream read and thrown away until the listener goes away.
fn stream_events(url: &str) {
    use std::io::{Read, Write};
    let (port, token) = inspector_parts(url);
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("inspector");
    let req = format!(
        "GET /api/events?t={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
    );
    s.write_all(req.as_bytes()).expect("write");
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while matches!(s.read(&mut buf), Ok(n) if n > 0) {}
    });
}

/// A GET on a fresh connection, read to the end of the `Content-Length` body; the status.
fn get(port: u16, target: &str) -> u16 {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let req = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).expect("write");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    std::str::from_utf8(&raw[..raw.len().min(12)]).ok().and_then(|h| h.get(9..12)?.parse().ok()).unwrap_or(0)
}

/// `ui-load`: 10,000 requests into a `listen --ui`, then what opening the page costs: the HTML,
/// script, style and the first 100 rows (what the page fetches), a search over every body, and
/// one request's detail.
fn ui_load(bin: &Path) {
    let dir = std::env::temp_dir().join(format!("hookctl-ui-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut cmd = Command::new(bin);
    listen_args(&mut cmd, &dir.join("ui.jsonl"));
    cmd.args(["--no-display", "--ui", "--ui-port", "0"]);
    let (mut child, addr) = spawn_ready(cmd, true);
    let url = INSPECTOR.lock().expect("lock").clone().expect("inspector line");
    let (port, token) = inspector_parts(&url);
    const N: u64 = 10_000;
    let requests: Arc<Vec<Vec<u8>>> =
        Arc::new((0..N).map(|n| signed_request(&format!("msg_ui_{n}"), &body_1k(n))).collect());
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        let mut s = TcpStream::connect(addr).await.expect("connect");
        let mut buf = Vec::new();
        for r in requests.iter() {
            s.write_all(r).await.expect("write");
            read_response(&mut s, &mut buf).await.expect("answer");
        }
    });
    let time = |targets: &[String]| -> Vec<f64> {
        let mut t: Vec<f64> = (0..20)
            .map(|_| {
                let start = Instant::now();
                for target in targets {
                    assert_eq!(get(port, target), 200, "{target}");
                }
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        t.sort_by(|a, b| a.total_cmp(b));
        t
    };
    let page = [
        format!("/?t={token}"),
        "/app.js".to_string(),
        "/app.css".to_string(),
        format!("/api/requests?t={token}&limit=100"),
    ];
    let rows = [
        ("page: HTML + JS + CSS + first 100 rows", time(&page)),
        (
            "search over all bodies (q=, no match)",
            time(&[format!("/api/requests?t={token}&limit=100&q=zzzz-no-match")]),
        ),
        ("detail of one request", time(&[format!("/api/requests/5000?t={token}")])),
    ];
    println!(
        "\n### inspector with {N} requests kept (20 runs each, sequential fetches on fresh connections)\n"
    );
    println!("| what | median | p95 |");
    println!("|---|---:|---:|");
    for (what, t) in rows {
        println!(
            "| {what} | {:.2} ms | {:.2} ms |",
            t[t.len() / 2],
            t[(t.len() * 95 / 100).min(t.len() - 1)]
        );
    }
    println!(
        "\nlistener peak RSS with {N} requests kept: {}",
        peak_rss_kib(child.id()).map(|k| format!("{:.1} MB", k as f64 / 1024.0)).unwrap_or("?".into())
    );
    term(&mut child);
    let _ = std::fs::remove_dir_all(&dir);
}

fn listen_cmd(bin: &Path, capture: &Path) -> Command {
    let mut cmd = Command::new(bin);
    listen_args(&mut cmd, capture);
    cmd.arg("--no-display");
    cmd
}

/// `listen --port 0 [--secret …] [--capture FILE]`, minus what `BENCH_ABLATE` takes away.
fn listen_args(cmd: &mut Command, capture: &Path) {
    cmd.args(["listen", "--port", "0"]).env_remove("HOOKCTL_SECRET");
    // BENCH_ABLATE=nocapture|nosecret|bare-listen measures what each stage costs.
    let ablate = std::env::var("BENCH_ABLATE").unwrap_or_default();
    if !ablate.contains("nosecret") && !ablate.contains("bare-listen") {
        cmd.args(["--secret", SECRET]);
    }
    if !ablate.contains("nocapture") && !ablate.contains("bare-listen") {
        cmd.arg("--capture").arg(capture);
    }
}

fn term(child: &mut Child) {
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let _ = child.wait();
}

/// The servers measured against the bare one. `BENCH_VARIANTS` (comma-separated) picks them;
/// default `listen,json`.
///   listen: `listen --secret … --capture FILE --no-display` (the reference configuration)
///   json:   the same with the NDJSON display piped to a file (how CI runs it)
///   ui:     `--no-display --ui` with no page open
///   ui-page: the same with one page connected to the live stream
///   before: `BENCH_BEFORE=path/to/older/hookctl`, the reference configuration
#[derive(Clone, Copy, PartialEq)]
enum Variant {
    Listen,
    Json,
    Ui,
    UiPage,
    Before,
}

impl Variant {
    fn name(self) -> &'static str {
        match self {
            Variant::Listen => "listen --no-display",
            Variant::Json => "listen --json > file",
            Variant::Ui => "listen --no-display --ui (no page)",
            Variant::UiPage => "listen --no-display --ui (one page streaming)",
            Variant::Before => "before (BENCH_BEFORE)",
        }
    }
}

fn variants() -> Vec<Variant> {
    let list = std::env::var("BENCH_VARIANTS").unwrap_or_else(|_| "listen,json".into());
    let mut v: Vec<Variant> = list
        .split(',')
        .filter_map(|n| match n.trim() {
            "listen" => Some(Variant::Listen),
            "json" => Some(Variant::Json),
            "ui" => Some(Variant::Ui),
            "ui-page" => Some(Variant::UiPage),
            _ => None,
        })
        .collect();
    if std::env::var_os("BENCH_BEFORE").is_some() {
        v.push(Variant::Before);
    }
    v
}

/// Where the servers and the load generator run. `Shared`: all on every core, as a developer
/// runs it. `Pinned`: the server on core 0, the load generator on core 1 (`taskset`), so the
/// figure is the server's own cost and not the generator's competition for the same cores.
#[derive(Clone, Copy, PartialEq)]
enum Placement {
    Shared,
    Pinned,
}

impl Placement {
    fn command(self, program: &Path) -> Command {
        match self {
            Placement::Shared => Command::new(program),
            Placement::Pinned => {
                let mut c = Command::new("taskset");
                c.args(["-c", "0"]).arg(program);
                c
            }
        }
    }

    /// Moves every thread of this process (the load generator) to core 1, or back to all cores.
    fn pin_self(self, on: bool) {
        if self == Placement::Shared {
            return;
        }
        let cpus = if on { "1".to_string() } else { format!("0-{}", cores().max(1) - 1) };
        let ok = Command::new("taskset")
            .args(["-a", "-p", "-c", &cpus, &std::process::id().to_string()])
            .stdout(Stdio::null())
            .status();
        if !ok.map(|s| s.success()).unwrap_or(false) {
            eprintln!("taskset failed: pinned figures would be shared ones");
            std::process::exit(2);
        }
    }
}

fn compare(bin: &Path, secs: u64) {
    cores();
    let placements: Vec<Placement> = match std::env::var("BENCH_PLACEMENT").as_deref() {
        Ok("shared") => vec![Placement::Shared],
        Ok("pinned") => vec![Placement::Pinned],
        _ if cores() < 2 => vec![Placement::Shared],
        _ => vec![Placement::Shared, Placement::Pinned],
    };
    for placement in placements {
        compare_placed(bin, secs, placement);
    }
}

fn compare_placed(bin: &Path, secs: u64, placement: Placement) {
    let requests: Arc<Vec<Vec<u8>>> =
        Arc::new((0..2000u64).map(|n| signed_request(&format!("msg_{n}"), &body_1k(n))).collect());
    let dur = Duration::from_secs(secs);
    // The box is shared: alternate the servers over several rounds (order rotated each round)
    // and compare per round, so a neighbour's burst hits every side alike.
    let rounds: usize = std::env::var("BENCH_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    // BENCH_CAPTURE_DIR=/dev/shm takes disk write-back (GBs of capture) out of A/B comparisons.
    let base = std::env::var_os("BENCH_CAPTURE_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
    let dir = base.join(format!("hookctl-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);

    let me = std::env::current_exe().expect("exe");
    let mut bare_cmd = placement.command(&me);
    bare_cmd.arg("--bare-server");
    let (mut bare, bare_addr) = spawn_ready(bare_cmd, false);
    let mut servers: Vec<(Variant, Child, SocketAddr, PathBuf)> = Vec::new();
    for (i, v) in variants().into_iter().enumerate() {
        let capture = dir.join(format!("capture-{i}.jsonl"));
        let program = match v {
            Variant::Before => PathBuf::from(std::env::var_os("BENCH_BEFORE").unwrap_or_default()),
            _ => bin.to_path_buf(),
        };
        let mut cmd = placement.command(&program);
        listen_args(&mut cmd, &capture);
        match v {
            Variant::Listen | Variant::Before => {
                cmd.arg("--no-display");
            }
            Variant::Ui | Variant::UiPage => {
                cmd.args(["--no-display", "--ui", "--ui-port", "0"]);
            }
            Variant::Json => {}
        }
        let out = match v {
            Variant::Json => {
                Stdio::from(std::fs::File::create(dir.join(format!("display-{i}.ndjson"))).expect("file"))
            }
            _ => Stdio::null(),
        };
        let (child, addr) = spawn_ready_to(cmd, out);
        if v == Variant::UiPage {
            stream_events(&INSPECTOR.lock().expect("lock").clone().expect("inspector line"));
        }
        servers.push((v, child, addr, capture));
    }

    // results[round] = (bare, [variant…])
    let mut results: Vec<(LoadResult, Vec<LoadResult>)> = Vec::new();
    // Lines captured by each server, counted and cut after each of its rounds: appending GBs
    // to one file over all rounds made every listener slower round by round (14 → 26 µs of
    // CPU per request on tmpfs), which said more about the file than about the listener.
    let mut captured = vec![0usize; servers.len()];
    placement.pin_self(true);
    for round in 0..rounds {
        let n = servers.len() + 1;
        let mut got: Vec<Option<LoadResult>> = vec![None; n];
        for k in 0..n {
            // Rotate who goes first each round.
            let who = (k + round) % n;
            let r = if who == 0 {
                drive_measured(bare_addr, bare.id(), dur, requests.clone())
            } else {
                let (_, child, addr, capture) = &servers[who - 1];
                let r = drive_measured(*addr, child.id(), dur, requests.clone());
                // Every answered request is in the file already (acknowledged ⇒ captured).
                captured[who - 1] +=
                    std::fs::read(capture).map(|t| t.iter().filter(|b| **b == b'\n').count()).unwrap_or(0);
                // The listener appends (O_APPEND): after the cut it writes from the start again.
                let _ = std::fs::OpenOptions::new().write(true).open(capture).and_then(|f| f.set_len(0));
                r
            };
            got[who] = Some(r);
        }
        let mut got = got.into_iter().map(|r| r.expect("measured"));
        let b = got.next().expect("bare");
        results.push((b, got.collect()));
    }
    placement.pin_self(false);

    let bare_rss = peak_rss_kib(bare.id());
    let _ = bare.kill();
    let _ = bare.wait();
    let place = match placement {
        Placement::Shared => "server and load generator share all cores",
        Placement::Pinned => "server pinned to core 0, load generator to core 1",
    };
    for (i, (v, child, _, capture)) in servers.iter_mut().enumerate() {
        let rss = peak_rss_kib(child.id());
        term(child);
        let captured =
            captured[i] + std::fs::read_to_string(&*capture).map(|t| t.lines().count()).unwrap_or(0);
        let pairs: Vec<(LoadResult, LoadResult)> =
            results.iter().map(|(b, vs)| (b.clone(), vs[i].clone())).collect();
        table(&format!("{} ({place})", v.name()), &pairs, rounds, secs, rss, bare_rss, captured);
    }
    // Same rounds, so the display variant can be compared with --no-display directly.
    let pos = |want: Variant| servers.iter().position(|(v, ..)| *v == want);
    if let Some(reference) = pos(Variant::Listen) {
        for (i, (v, ..)) in servers.iter().enumerate() {
            if i == reference {
                continue;
            }
            let mut r: Vec<f64> =
                results.iter().map(|(_, vs)| vs[i].rps() / vs[reference].rps().max(1.0)).collect();
            r.sort_by(|a, b| a.total_cmp(b));
            println!("{} vs listen --no-display ({place}): median {:.2}× RPS", v.name(), r[r.len() / 2]);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn table(
    title: &str,
    results: &[(LoadResult, LoadResult)],
    rounds: usize,
    secs: u64,
    hk_rss: Option<u64>,
    bare_rss: Option<u64>,
    captured: usize,
) {
    let mb = |k: Option<u64>| k.map(|k| format!("{:.1} MB", k as f64 / 1024.0)).unwrap_or("?".into());
    println!(
        "\n### {title} vs bare hyper (concurrency 32, 1 KiB signed JSON, {rounds} alternating rounds of {secs} s, {} cores)\n",
        cores()
    );
    println!("| round | bare req/s | listen req/s | RPS ratio | bare p50/p99 ms | listen p50/p99 ms | p99 ratio | CPU µs/req bare/listen | errors (bare/listen) |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    let mut p99s = Vec::new();
    let mut cpus = Vec::new();
    for (i, (b, h)) in results.iter().enumerate() {
        let ratio = h.rps() / b.rps().max(1.0);
        let p99 = h.pct(0.99) / b.pct(0.99).max(0.001);
        ratios.push(ratio);
        p99s.push(p99);
        let cpu = |r: &LoadResult| r.cpu_us.map(|c| format!("{c:.1}")).unwrap_or("?".into());
        if let Some(c) = h.cpu_us {
            cpus.push(c);
        }
        println!(
            "| {} | {:.0} | {:.0} | {ratio:.2}× | {:.2} / {:.2} | {:.2} / {:.2} | {p99:.2}× | {} / {} | {} / {} |",
            i + 1,
            b.rps(),
            h.rps(),
            b.pct(0.5),
            b.pct(0.99),
            h.pct(0.5),
            h.pct(0.99),
            cpu(b),
            cpu(h),
            b.errors,
            h.errors
        );
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let cpu = if cpus.is_empty() { "?".to_string() } else { format!("{:.1}", median(&mut cpus)) };
    println!(
        "\nmedian: {:.2}× RPS, p99 {:.2}×, listener CPU {cpu} µs/request; peak RSS bare {} / listen {}; {captured} records captured",
        median(&mut ratios),
        median(&mut p99s),
        mb(bare_rss),
        mb(hk_rss)
    );
}

/// The machine's cores, asked once (before the load generator pins itself to one).
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
}
