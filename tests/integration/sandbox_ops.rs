//! The sandbox as an operator meets it (issue 16): a stdout nobody reads, slow and half-open
//! connections, private files, a read-only database, SIGTERM mid-delivery, and proxies.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::listen::{request, std_cmd, Listener};
use crate::support::sandbox::{Sandbox, SECRET};
use crate::support::{Stub, TestEnv};

const BEARER: &str = "Bearer hookctl-sandbox";
const FIRE: &str = "/partner/test/webhooks/fire";

/// A JSON call to the sandbox on `port` that must be answered within the request timeout.
fn call(port: u16, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let a = request(
        port,
        method,
        path,
        &[("Authorization", BEARER), ("Content-Type", "application/json")],
        body.as_bytes(),
    )
    .unwrap_or_else(|e| panic!("{method} {path}: the sandbox did not answer ({e})"));
    (a.status, serde_json::from_slice(&a.body).unwrap_or(Value::Null))
}

/// Reads `stream` until EOF or `within`; true when the server closed it.
fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    stream.set_read_timeout(Some(within)).unwrap();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return false
            }
            Err(_) => return true,
        }
    }
}

// ---- item 3: a stdout nobody reads ----

#[test]
fn a_stdout_nobody_reads_never_stops_serving_or_delivering() {
    let env = TestEnv::new();
    let target = "http://127.0.0.1:9/unread";
    let mut cmd = std_cmd(&env);
    cmd.args([
        "sandbox",
        "--port",
        "0",
        "--json",
        "--lag",
        "0",
        "--retry-schedule",
        "none",
        "--seed-url",
        target,
    ])
    .arg("--data-dir")
    .arg(env.path("sb"));
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    // The harness pattern: read the ready line, then nothing more (the pipe stays open).
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut ready = String::new();
    out.read_line(&mut ready).unwrap();
    let ready: Value = serde_json::from_str(&ready).unwrap();
    let port: u16 = ready["url"].as_str().unwrap().rsplit(':').next().unwrap().parse().unwrap();
    let stderr = Arc::new(Mutex::new(String::new()));
    let acc = stderr.clone();
    let mut err = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        acc.lock().unwrap().push_str(&s);
    });
    // Every attempt answered at once by a fault (no network): 100 deliveries per fire.
    let (st, v) = call(port, "POST", "/_sandbox/faults", Some(json!({"url": target, "status": 200})));
    assert_eq!(st, 200, "{v}");
    for _ in 1..100 {
        let (st, _) = call(
            port,
            "POST",
            "/partner/webhooks",
            Some(json!({"url": target, "events": ["case.assigned"]})),
        );
        assert_eq!(st, 201);
    }
    // 2,500 attempt lines: more than the pipe and the sandbox's queue hold.
    for _ in 0..25 {
        let (st, v) =
            call(port, "POST", FIRE, Some(json!({"caseId": "case_test_full", "event": "case.assigned"})));
        assert_eq!(st, 200, "{v}");
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let info = loop {
        let (st, info) = call(port, "GET", "/_sandbox/", None);
        assert_eq!(st, 200);
        if info["queued"] == 0 {
            break info;
        }
        assert!(Instant::now() < deadline, "deliveries stopped: {info}");
        std::thread::sleep(Duration::from_millis(50));
    };
    let (_, delivered) =
        call(port, "GET", "/_sandbox/deliveries?provider=partner&status=delivered&limit=5000", None);
    assert_eq!(delivered.as_array().unwrap().len(), 2500);
    assert!(info["attempt_lines_dropped"].as_u64().unwrap() > 0, "{info}");
    let _ = child.kill();
    let _ = child.wait();
    drop(out);
    std::thread::sleep(Duration::from_millis(100));
    let err = stderr.lock().unwrap().clone();
    assert_eq!(err.matches("attempt lines are dropped").count(), 1, "said once: {err}");
}

// ---- item 5: slow and half-open connections ----

#[test]
fn silent_and_slow_connections_are_closed_by_the_header_and_body_timeouts() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &["--header-timeout", "1s", "--body-timeout", "1s"]);
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], s.port));
    // 300 connections that say nothing, or half a request head.
    let mut idle: Vec<TcpStream> = (0..300).map(|_| TcpStream::connect(addr).unwrap()).collect();
    for (i, c) in idle.iter_mut().enumerate() {
        if i % 2 == 0 {
            let _ = c.write_all(b"GET /_sandbox/ HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        }
    }
    std::thread::sleep(Duration::from_millis(1500));
    let closed =
        idle.iter_mut().map(|c| closed_within(c, Duration::from_millis(1500))).filter(|c| *c).count();
    assert_eq!(closed, 300, "connections still held open after the header timeout");
    // A body that stops half-way gets a 408.
    let mut slow = TcpStream::connect(addr).unwrap();
    slow.write_all(
        b"POST /_sandbox/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer hookctl-sandbox\r\nContent-Length: 100\r\n\r\n{\"id\":",
    )
    .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut answer = Vec::new();
    let _ = slow.read_to_end(&mut answer);
    let head = String::from_utf8_lossy(&answer);
    assert!(head.starts_with("HTTP/1.1 408"), "{head}");
    // And the sandbox still answers.
    let (st, _) = s.get("/_sandbox/");
    assert_eq!(st, 200);
}

#[test]
fn the_inspector_closes_silent_connections_too() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--ui", "--ui-port", "0", "--header-timeout", "1s"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    let port: u16 = loop {
        let err = l.stderr_so_far();
        if let Some(rest) = err.split("inspector on http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
        assert!(Instant::now() < deadline, "no inspector line: {err}");
        std::thread::sleep(Duration::from_millis(20));
    };
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let mut idle: Vec<TcpStream> = (0..20).map(|_| TcpStream::connect(addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(1500));
    let closed =
        idle.iter_mut().map(|c| closed_within(c, Duration::from_millis(1500))).filter(|c| *c).count();
    assert_eq!(closed, 20, "the inspector keeps silent connections open");
}

// ---- item 6: private files, URL passwords ----

#[cfg(unix)]
#[test]
fn the_data_dir_database_and_captures_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let dir = env.path("data").join("sb");
    let s = Sandbox::start_in(&env, &dir, &[]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "data dir");
    for f in ["sandbox.db", "sandbox.db-wal", "sandbox.db-shm", "sandbox.lock"] {
        let p = dir.join(f);
        if p.exists() {
            assert_eq!(mode(&p), 0o600, "{f}");
        }
    }
    assert!(dir.join("sandbox.db").exists());
    drop(s);
    // A database an older version left readable is made private on the next start.
    std::fs::set_permissions(dir.join("sandbox.db"), std::fs::Permissions::from_mode(0o644)).unwrap();
    let _s = Sandbox::start_in(&env, &dir, &[]);
    assert_eq!(mode(&dir.join("sandbox.db")), 0o600);
    // listen's capture file.
    let capture = env.path("cap.jsonl");
    let l = Listener::start(&env, &["--capture", capture.to_str().unwrap()]);
    let port: u16 = l.base.trim_end_matches('/').rsplit(':').next().unwrap().parse().unwrap();
    let _ = crate::support::listen::post(port, "/", &[], b"{}");
    drop(l);
    assert_eq!(mode(&capture), 0o600, "capture file");
}

#[test]
fn url_passwords_are_redacted_in_attempt_lines_and_endpoint_listings() {
    let env = TestEnv::new();
    let stub = Stub::start(axum::Router::new().fallback(|| async { "ok" }));
    let s = Sandbox::start(&env, &[]);
    let url = format!("http://hookuser:hunter2secret@{}/pw", stub.addr);
    let (st, v) = s.post("/xpath/v2.3/webhooks/endpoints", json!({"url": url, "events": ["cases.created"]}));
    assert_eq!(st, 201, "{v}");
    let (st, _) = s.post("/_sandbox/xpath/events", json!({"event": "cases.created"}));
    assert_eq!(st, 200);
    let lines = s.until(Duration::from_secs(20), "the attempt line", |s| {
        let l = s.attempt_lines();
        l.iter().any(|a| a["url"].as_str().unwrap_or_default().contains("/pw")).then_some(l)
    });
    let text = lines.iter().map(Value::to_string).collect::<String>();
    assert!(!text.contains("hunter2secret"), "{text}");
    assert!(text.contains("hookuser:***@"), "{text}");
    assert!(
        stub.requests().iter().any(|r| r.header("authorization").is_some()),
        "the real password is still sent"
    );
    for args in [vec!["endpoints", "list"], vec!["endpoints", "get", v["data"]["id"].as_str().unwrap()]] {
        for json in [false, true] {
            let mut c = env.cmd();
            c.args(&args).args(["--provider", "xpath", "--sandbox", &s.url]);
            if json {
                c.arg("--json");
            }
            let out = c.output().unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            assert!(!stdout.contains("hunter2secret"), "{args:?} json={json}: {stdout}");
            assert!(stdout.contains("hookuser:***@"), "{args:?} json={json}: {stdout}");
        }
    }
}

// ---- item 7: a read-only database ----

/// Runs `hookctl sandbox` on `dir` and returns its exit code and stderr; as root (who writes
/// read-only files anyway) without the capabilities that let it.
fn sandbox_once(env: &TestEnv, dir: &std::path::Path) -> Option<(Option<i32>, String, String)> {
    let root =
        std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut cmd = if root {
        if std::process::Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: running as root without setpriv to drop CAP_DAC_OVERRIDE");
            return None;
        }
        let mut c = env.clean("setpriv");
        c.args(["--bounding-set", "-dac_override,-dac_read_search", "--"])
            .arg(assert_cmd::cargo::cargo_bin("hookctl"));
        c
    } else {
        std_cmd(env)
    };
    cmd.args(["sandbox", "--port", "0", "--json", "--data-dir"]).arg(dir);
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pid = child.id();
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(15));
        let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
    });
    let out = child.wait_with_output().unwrap();
    drop(killer);
    Some((
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    ))
}

#[cfg(unix)]
#[test]
fn a_read_only_database_is_refused_at_start_naming_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let dir = env.path("ro");
    drop(Sandbox::start_in(&env, &dir, &[]));
    for f in ["sandbox.db", "sandbox.db-wal", "sandbox.db-shm"] {
        let p = dir.join(f);
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o400)).unwrap();
        }
    }
    let Some((code, stdout, stderr)) = sandbox_once(&env, &dir) else { return };
    assert_eq!(code, Some(3), "stdout: {stdout}\nstderr: {stderr}");
    assert!(!stdout.contains("\"ready\""), "no ready line: {stdout}");
    assert!(
        stderr.contains("error:") && stderr.contains("sandbox.db") && stderr.contains("read-only"),
        "{stderr}"
    );
}

#[test]
fn a_database_of_another_shape_is_refused_naming_the_file() {
    let env = TestEnv::new();
    let dir = env.path("schema");
    drop(Sandbox::start_in(&env, &dir, &[]));
    // Same schema version, a table missing a column.
    let out = std::process::Command::new("python3")
        .args(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('ALTER TABLE attempts RENAME COLUMN outcome TO result'); c.commit()"])
        .arg(dir.join("sandbox.db"))
        .output();
    if !out.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: python3 with sqlite3 is needed to alter the file");
        return;
    }
    let out = env
        .cmd()
        .args(["sandbox", "--port", "0", "--data-dir"])
        .arg(&dir)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("sandbox.db") && stderr.contains("outcome"), "{stderr}");
}

// ---- item 8: SIGTERM lets in-flight attempts finish ----

#[test]
fn sigterm_lets_in_flight_attempts_finish_and_records_them() {
    let env = TestEnv::new();
    let ids: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = ids.clone();
    let stub = Stub::start(axum::Router::new().fallback(move |headers: axum::http::HeaderMap| {
        let seen = seen.clone();
        async move {
            if let Some(id) = headers.get("webhook-id").and_then(|v| v.to_str().ok()) {
                seen.lock().unwrap().push(id.to_string());
            }
            // Still answering when the SIGTERM arrives.
            tokio::time::sleep(Duration::from_millis(1500)).await;
            "ok"
        }
    }));
    let url = stub.url("/slow");
    let args = ["--seed-url", url.as_str()];
    let s = Sandbox::start(&env, &args);
    let dir = s.data_dir.clone();
    for _ in 1..40 {
        let (st, _) = s.post("/partner/webhooks", json!({"url": url, "events": ["case.assigned"]}));
        assert_eq!(st, 201);
    }
    let (st, v) = s.post(FIRE, json!({"caseId": "case_test_full", "event": "case.assigned"}));
    assert_eq!((st, v["enqueuedCount"].as_u64()), (200, Some(40)), "{v}");
    s.until(Duration::from_secs(20), "the attempts to be in flight", |_| {
        (ids.lock().unwrap().len() >= 40).then_some(())
    });
    assert_eq!(s.stop(), Some(0));
    // Restarted: nothing is sent again, and every attempt was recorded as delivered.
    let s = Sandbox::start_in(&env, &dir, &args);
    std::thread::sleep(Duration::from_secs(2));
    let (_, delivered) = s.get("/_sandbox/deliveries?provider=partner&status=delivered&limit=100");
    assert_eq!(delivered.as_array().unwrap().len(), 40, "{delivered}");
    let got = ids.lock().unwrap().clone();
    let unique: std::collections::HashSet<&String> = got.iter().collect();
    assert_eq!((got.len(), unique.len()), (40, 40), "a stop must not make duplicates");
}

// ---- item 9: loopback destinations never go through a proxy ----

#[test]
fn loopback_deliveries_and_send_never_go_through_http_proxy() {
    let env = TestEnv::new();
    let mut proxy = Stub::start(
        axum::Router::new().fallback(|| async { (axum::http::StatusCode::BAD_GATEWAY, "proxied") }),
    );
    // The point: nothing reaches it.
    proxy.may_go_unused();
    let target = Stub::start(axum::Router::new().fallback(|| async { "ok" }));
    let proxy_url = format!("http://{}", proxy.addr);
    let mut cmd = std_cmd(&env);
    cmd.args([
        "sandbox",
        "--port",
        "0",
        "--json",
        "--lag",
        "0",
        "--seed-url",
        &target.url("/direct"),
        "--data-dir",
    ])
    .arg(env.path("sb"));
    for k in ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
        cmd.env(k, &proxy_url);
    }
    for k in ["NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy"] {
        cmd.env_remove(k);
    }
    let s = Sandbox::spawn(cmd, &env.path("sb"));
    let (st, v) =
        s.post("/closient/integrations/api/v1/webhooks/endpoints/SandboxEndpoint2345678/test/", json!({}));
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["status"], "delivered", "{v}");
    assert_eq!(target.requests().len(), 1);
    // `send` to a loopback handler.
    let mut c = env.cmd();
    c.args(["send", &target.url("/send"), "--scheme", "standard", "--secret", SECRET]);
    for k in ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
        c.env(k, &proxy_url);
    }
    let out = c.env_remove("NO_PROXY").env_remove("no_proxy").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(target.requests().len(), 2);
    assert!(proxy.requests().is_empty(), "went through the proxy: {:?}", proxy.requests());
}
