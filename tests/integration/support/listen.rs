//! Helpers for the listen/replay tests: the real binary spawned with piped output (the ready
//! line on stderr gives the URL; never a fixed port, never a sleep), a tiny raw HTTP/1.1 client
//! for exact bytes, and an independent Standard Webhooks signer.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::TestEnv;

pub const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
pub const OTHER_SECRET: &str = "whsec_c2VjcmV0LW51bWJlci10d28tZm9yLXRlc3Rz";

/// A std Command for the binary with the clean environment of [`TestEnv::std_cmd`].
pub fn std_cmd(env: &TestEnv) -> Command {
    env.std_cmd()
}

/// A running `hookctl listen`.
pub struct Listener {
    child: Child,
    pub base: String,
    pub port: u16,
    stdout: Option<JoinHandle<Vec<u8>>>,
    stderr: Arc<Mutex<String>>,
    stderr_thread: Option<JoinHandle<()>>,
}

pub struct Finished {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Finished {
    /// stdout as JSON lines; panics (test failure) on any line that is not a JSON object.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value =
                    serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l:?}"));
                assert!(v.is_object(), "{l}");
                v
            })
            .collect()
    }

    pub fn requests(&self) -> Vec<serde_json::Value> {
        self.json_lines().into_iter().filter(|v| v["type"] == "request").map(|v| v["data"].clone()).collect()
    }
}

impl Listener {
    pub fn start(env: &TestEnv, args: &[&str]) -> Listener {
        Self::start_with(env, args, |_| {})
    }

    pub fn start_with(env: &TestEnv, args: &[&str], tweak: impl FnOnce(&mut Command)) -> Listener {
        let mut cmd = std_cmd(env);
        cmd.arg("listen").args(["--port", "0"]).args(args);
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        tweak(&mut cmd);
        let mut child = cmd.spawn().expect("spawn hookctl listen");
        let mut out = child.stdout.take().expect("stdout");
        let stdout = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = out.read_to_end(&mut buf);
            buf
        });
        let err = child.stderr.take().expect("stderr");
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let acc = stderr.clone();
        let stderr_thread = std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(err).lines() {
                let Ok(line) = line else { break };
                // Recorded before the ready signal goes out, so a test sees it in stderr_so_far.
                acc.lock().unwrap().push_str(&line);
                acc.lock().unwrap().push('\n');
                if let Some(url) = line.strip_prefix("listening on ") {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(url.to_string());
                    }
                }
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(u) => u,
            Err(_) => {
                let _ = child.kill();
                let _ = stderr_thread.join();
                panic!("no ready line; stderr: {}", stderr.lock().unwrap());
            }
        };
        let port: u16 = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .and_then(|hp| hp.rsplit(':').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("bad ready url {url}"));
        let base = format!("http://127.0.0.1:{port}");
        Listener { child, base, port, stdout: Some(stdout), stderr, stderr_thread: Some(stderr_thread) }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn stderr_so_far(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill").args([&format!("-{sig}"), &self.child.id().to_string()]).status();
        assert!(ok.map(|s| s.success()).unwrap_or(false), "kill -{sig} failed");
    }

    /// Waits for exit (bounded: a hung listener fails the test instead of hanging it).
    pub fn wait(mut self) -> Finished {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        let code = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status.code(),
                Ok(None) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => {
                    let _ = self.child.kill();
                    panic!("listener did not exit; stderr: {}", self.stderr_so_far());
                }
            }
        };
        let stdout = self.stdout.take().map(|t| t.join().unwrap_or_default()).unwrap_or_default();
        if let Some(t) = self.stderr_thread.take() {
            let _ = t.join();
        }
        Finished { code, stdout: String::from_utf8_lossy(&stdout).into_owned(), stderr: self.stderr_so_far() }
    }

    /// SIGTERM, then wait.
    pub fn stop(self) -> Finished {
        self.signal("TERM");
        self.wait()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // A test that panicked must not leave the child running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Waits until process `pid` has taken every signal sent to it (none pending in
/// `/proc/PID/status`): a handshake instead of a fixed sleep after `kill`. Bounded, so a
/// process that never takes it fails the test.
pub fn wait_signal_taken(pid: u32) {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else { return };
        let pending =
            status.lines().filter(|l| l.starts_with("SigPnd:") || l.starts_with("ShdPnd:")).any(|l| {
                l.split_whitespace().nth(1).is_some_and(|mask| !mask.trim_start_matches('0').is_empty())
            });
        if !pending {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "process {pid} never took its signal");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Waits until nothing accepts connections on 127.0.0.1:`port` any more: the listener has
/// begun its shutdown (it closes its socket first, then lets requests in flight finish).
pub fn wait_port_closed(port: u16) {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    while TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_ok() {
        assert!(std::time::Instant::now() < deadline, "port {port} still accepts connections");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// An HTTP answer as the raw client saw it.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One request on a fresh connection with exact bytes; `Connection: close`, read to EOF.
pub fn request(
    port: u16,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Answer> {
    request_at(std::net::SocketAddr::from(([127, 0, 0, 1], port)), method, target, headers, body)
}

/// [`request`] to any address (a tunnel's public port).
pub fn request_at(
    addr: std::net::SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Answer> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(10))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    parse_answer(&raw)
}

pub fn parse_answer(raw: &[u8]) -> std::io::Result<Answer> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| bad("no header end"))?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| bad("empty"))?;
    let status: u16 =
        status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| bad("bad status line"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string())))
        .collect();
    Ok(Answer { status, headers, body: raw[end + 4..].to_vec() })
}

pub fn post(port: u16, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    request(port, "POST", path, headers, body).expect("request")
}

pub fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Standard Webhooks signature computed here, independently of `hookctl::sign`.
pub fn standard_sig(secret: &str, id: &str, ts: i64, body: &[u8]) -> String {
    let key = base64::engine::general_purpose::STANDARD.decode(secret.trim_start_matches("whsec_")).unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{id}.{ts}.").as_bytes());
    mac.update(body);
    format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()))
}

/// Headers of a Standard Webhooks request signed inline.
pub fn signed_headers(secret: &str, id: &str, ts: i64, body: &[u8]) -> Vec<(String, String)> {
    vec![
        ("webhook-id".into(), id.into()),
        ("webhook-timestamp".into(), ts.to_string()),
        ("webhook-signature".into(), standard_sig(secret, id, ts, body)),
        ("content-type".into(), "application/json".into()),
    ]
}

pub fn as_refs(h: &[(String, String)]) -> Vec<(&str, &str)> {
    h.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// Reads a capture file as JSON values; panics (test failure) on any line that is not whole JSON.
pub fn read_capture(path: &std::path::Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    assert!(text.is_empty() || text.ends_with('\n'), "capture does not end with a newline");
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("capture line is not JSON ({e}): {l}")))
        .collect()
}
