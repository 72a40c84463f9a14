//! `listen --tunnel` through a local bore server versus the same listener reached directly:
//! added latency per request (p50/p99, one keep-alive connection, requests one after another)
//! and requests/s at concurrency 32, in alternating rounds of one run.
//!
//! `cargo build --release && cargo bench --bench tunnel` (falls back to the debug binary,
//! with a warning). `TUNNEL_BENCH_ROUNDS` (3), `TUNNEL_BENCH_SECS` (5) per throughput round,
//! `TUNNEL_BENCH_REQUESTS` (3000) per latency round. Targets: p50 added ≤ 1 ms, throughput
//! through the tunnel ≥ 30 % of direct.

use std::io::{BufRead, BufReader};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks for the list of benchmarks
    }
    let env = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let rounds = env("TUNNEL_BENCH_ROUNDS", 3);
    let secs = env("TUNNEL_BENCH_SECS", 5);
    let n = env("TUNNEL_BENCH_REQUESTS", 3000) as usize;

    let bore = start_bore();
    let bin = hookctl();
    let mut listen = Command::new(&bin);
    listen
        .args(["listen", "--port", "0", "--no-display", "--secret", SECRET, "--tunnel"])
        .arg(format!("bore:{bore}"))
        .env_remove("HOOKCTL_SECRET")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let (mut child, direct, public) = spawn(listen);
    eprintln!("direct {direct}, through bore {public}; {rounds} rounds");

    let requests = Arc::new((0..4096u64).map(signed_request).collect::<Vec<_>>());
    let (mut lat_d, mut lat_t, mut rps_d, mut rps_t) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for r in 0..rounds {
        // Alternating, so both see the same machine load.
        lat_d.extend(sequential(direct, n, &requests));
        lat_t.extend(sequential(public, n, &requests));
        rps_d.push(concurrent(direct, 32, Duration::from_secs(secs), &requests));
        rps_t.push(concurrent(public, 32, Duration::from_secs(secs), &requests));
        eprintln!(
            "round {}: {:.0} req/s direct, {:.0} through the tunnel",
            r + 1,
            rps_d[r as usize],
            rps_t[r as usize]
        );
    }
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let _ = child.wait();

    lat_d.sort_unstable();
    lat_t.sort_unstable();
    let (d50, d99, t50, t99) = (pct(&lat_d, 0.5), pct(&lat_d, 0.99), pct(&lat_t, 0.5), pct(&lat_t, 0.99));
    let mut ratios: Vec<f64> = rps_t.iter().zip(&rps_d).map(|(t, d)| t / d).collect();
    let rounds_text = ratios.iter().map(|r| format!("{:.0} %", 100.0 * r)).collect::<Vec<_>>().join(", ");
    let ratio = median(&mut ratios);
    let (rd, rt) = (median(&mut rps_d), median(&mut rps_t));
    println!("| path | p50 | p99 | req/s at concurrency 32 (median of {rounds} rounds; ratio = median of the rounds' ratios) |");
    println!("|---|---:|---:|---:|");
    println!("| direct | {d50:.3} ms | {d99:.3} ms | {rd:.0} |");
    println!("| through bore | {t50:.3} ms | {t99:.3} ms | {rt:.0} |");
    println!(
        "| added / ratio | **{:+.3} ms** | {:+.3} ms | **{:.0} %** (per-round ratios: {}) |",
        t50 - d50,
        t99 - d99,
        100.0 * ratio,
        rounds_text
    );
    let ok = t50 - d50 <= 1.0 && ratio >= 0.3;
    println!(
        "\ntargets (p50 added ≤ 1 ms, throughput ≥ 30 % of direct): {}",
        if ok { "met" } else { "NOT met" }
    );
}

/// A bore server on a free 127.x.y.z (the control port is fixed by the protocol).
fn start_bore() -> Ipv4Addr {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    let ip = (0..50)
        .map(|_| Ipv4Addr::new(127, rng.gen_range(1..=254), rng.gen(), rng.gen_range(2..=254)))
        .find(|ip| std::net::TcpListener::bind((*ip, bore_cli::shared::CONTROL_PORT)).is_ok())
        .expect("a free loopback address");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let rt =
            tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("rt");
        let mut server = bore_cli::server::Server::new(1024..=65535, None);
        server.set_bind_addr(ip.into());
        server.set_bind_tunnels(ip.into());
        let _ = tx.send(());
        let _ = rt.block_on(server.listen());
    });
    let _ = rx.recv();
    let addr = SocketAddr::from((ip, bore_cli::shared::CONTROL_PORT));
    while std::net::TcpStream::connect(addr).is_err() {
        std::thread::sleep(Duration::from_millis(10));
    }
    ip
}

fn hookctl() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or(root.join("target"));
    let release = target.join("release").join("hookctl");
    if release.exists() {
        return release;
    }
    eprintln!("warning: no release binary (cargo build --release); measuring the debug build");
    target.join("debug").join("hookctl")
}

/// Starts listen and reads the local and public addresses from its stderr.
fn spawn(mut cmd: Command) -> (Child, SocketAddr, SocketAddr) {
    let mut child = cmd.spawn().expect("spawn hookctl");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let addr = |url: &str| -> SocketAddr {
        url.trim_start_matches("http://").split('/').next().and_then(|a| a.parse().ok()).expect("address")
    };
    let (mut direct, mut public) = (None, None);
    while direct.is_none() || public.is_none() {
        let line = lines.next().and_then(Result::ok).expect("listen stopped before its ready lines");
        if let Some(u) = line.strip_prefix("listening on ") {
            direct = Some(addr(u));
        } else if let Some(u) = line.strip_prefix("public URL: ") {
            public = Some(addr(u));
        }
    }
    std::thread::spawn(move || for _ in lines {});
    (child, direct.unwrap_or_else(|| unreachable!()), public.unwrap_or_else(|| unreachable!()))
}

fn signed_request(n: u64) -> Vec<u8> {
    let body = format!(
        r#"{{"type":"case.updated","id":"evt_{n:012}","data":{{"caseId":"c_{n}","pad":"{}"}}}}"#,
        "x".repeat(900)
    );
    let ts = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let id = format!("msg_{n}");
    let key = base64::engine::general_purpose::STANDARD.decode(&SECRET[6..]).expect("secret");
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("key");
    mac.update(format!("{id}.{ts}.{body}").as_bytes());
    let sig = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    let mut req = format!(
        "POST / HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nwebhook-id: {id}\r\n\
         webhook-timestamp: {ts}\r\nwebhook-signature: v1,{sig}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body.as_bytes());
    req
}

/// One request on a keep-alive connection; returns the status after the whole answer.
async fn exchange(s: &mut TcpStream, req: &[u8], buf: &mut Vec<u8>) -> Option<u16> {
    s.write_all(req).await.ok()?;
    buf.clear();
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = std::str::from_utf8(&buf[..end]).ok()?.to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:").and_then(|v| v.trim().parse().ok()))
                .unwrap_or(0);
            while buf.len() < end + 4 + len {
                let mut chunk = [0u8; 4096];
                match s.read(&mut chunk).await.ok()? {
                    0 => return None,
                    k => buf.extend_from_slice(&chunk[..k]),
                }
            }
            return head.get(9..12)?.parse().ok();
        }
        let mut chunk = [0u8; 4096];
        match s.read(&mut chunk).await.ok()? {
            0 => return None,
            k => buf.extend_from_slice(&chunk[..k]),
        }
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("runtime")
}

/// `n` requests one after another on one connection (after 200 unmeasured): microseconds each.
fn sequential(addr: SocketAddr, n: usize, requests: &Arc<Vec<Vec<u8>>>) -> Vec<u32> {
    runtime().block_on(async {
        let mut s = TcpStream::connect(addr).await.expect("connect");
        let _ = s.set_nodelay(true);
        let mut buf = Vec::new();
        let mut out = Vec::with_capacity(n);
        for i in 0..n + 200 {
            let t = Instant::now();
            let status = exchange(&mut s, &requests[i % requests.len()], &mut buf).await;
            assert_eq!(status, Some(200), "request {i} to {addr}");
            if i >= 200 {
                out.push(t.elapsed().as_micros().min(u32::MAX as u128) as u32);
            }
        }
        out
    })
}

/// `c` keep-alive connections for `dur`: answered requests per second.
fn concurrent(addr: SocketAddr, c: usize, dur: Duration, requests: &Arc<Vec<Vec<u8>>>) -> f64 {
    runtime().block_on(async {
        let stop = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for k in 0..c {
            let (stop, done, requests) = (stop.clone(), done.clone(), requests.clone());
            tasks.push(tokio::spawn(async move {
                let mut s = TcpStream::connect(addr).await.expect("connect");
                let _ = s.set_nodelay(true);
                let mut buf = Vec::new();
                let mut i = k;
                while !stop.load(Ordering::Relaxed) {
                    if exchange(&mut s, &requests[i % requests.len()], &mut buf).await == Some(200) {
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    i += c;
                }
            }));
        }
        let t0 = Instant::now();
        let start = done.load(Ordering::Relaxed);
        tokio::time::sleep(dur).await;
        let count = done.load(Ordering::Relaxed) - start;
        let elapsed = t0.elapsed();
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            let _ = t.await;
        }
        count as f64 / elapsed.as_secs_f64()
    })
}

fn pct(sorted: &[u32], p: f64) -> f64 {
    let i = ((sorted.len().max(1) - 1) as f64 * p).round() as usize;
    sorted.get(i).copied().unwrap_or(0) as f64 / 1000.0
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}
