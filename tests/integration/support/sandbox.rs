//! A real `hookctl sandbox` for tests: spawned with `--port 0 --json`, its first stdout line
//! (the ready document) gives the URL; requests go through the raw HTTP client of
//! `support::listen`, never through hookctl's own API client.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::listen::{request, std_cmd, Answer};
use super::TestEnv;

pub const TOKEN: &str = "hookctl-sandbox";
pub const SECRET: &str = "whsec_aG9va2N0bCBzYW5kYm94IHNlZWQgc2VjcmV0IDIwMjY=";

pub struct Sandbox {
    child: Child,
    pub ready: Value,
    pub url: String,
    pub port: u16,
    pub data_dir: PathBuf,
    lines: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<String>>,
}

impl Sandbox {
    /// Starts a sandbox in `env`'s `sandbox/` dir with `--lag 0` and a fast retry schedule
    /// unless `args` give their own.
    pub fn start(env: &TestEnv, args: &[&str]) -> Sandbox {
        Self::start_in(env, &env.path("sandbox"), args)
    }

    pub fn start_in(env: &TestEnv, dir: &std::path::Path, args: &[&str]) -> Sandbox {
        let mut cmd = std_cmd(env);
        cmd.args(["sandbox", "--port", "0", "--json", "--data-dir"]).arg(dir);
        if !args.contains(&"--lag") {
            cmd.args(["--lag", "0"]);
        }
        if !args.contains(&"--retry-schedule") {
            cmd.args(["--retry-schedule", "50ms,50ms"]);
        }
        cmd.args(args);
        Self::spawn(cmd, dir)
    }

    pub fn spawn(mut cmd: Command, dir: &std::path::Path) -> Sandbox {
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn hookctl sandbox");
        let out = child.stdout.take().expect("stdout");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let acc = lines.clone();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                match tx.take() {
                    Some(tx) => {
                        let _ = tx.send(line);
                    }
                    None => acc.lock().unwrap().push(line),
                }
            }
        });
        let mut err = child.stderr.take().expect("stderr");
        let stderr = Arc::new(Mutex::new(String::new()));
        let acc = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                acc.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let first = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(l) => l,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                std::thread::sleep(Duration::from_millis(100));
                panic!("no ready line; stderr: {}", stderr.lock().unwrap());
            }
        };
        let ready: Value =
            serde_json::from_str(&first).unwrap_or_else(|e| panic!("ready line not JSON ({e}): {first}"));
        let url = ready["url"].as_str().expect("url").to_string();
        let port = url.rsplit(':').next().and_then(|p| p.parse().ok()).expect("port");
        Sandbox { child, ready, url, port, data_dir: dir.to_path_buf(), lines, stderr }
    }

    pub fn base(&self, provider: &str) -> String {
        format!("{}/{provider}", self.url)
    }

    /// A request with exact bytes; the body parsed as JSON (Null when empty).
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, Value, Answer) {
        let a = request(self.port, method, path, headers, body).expect("request to the sandbox");
        let v = if a.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&a.body)
                .unwrap_or_else(|e| panic!("{method} {path}: not JSON ({e}): {}", a.text()))
        };
        (a.status, v, a)
    }

    /// A request with the token in the dialect's header (from the path's first segment).
    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let bearer = format!("Bearer {TOKEN}");
        let auth: (&str, &str) = if path.starts_with("/closient") {
            ("X-API-Key", TOKEN)
        } else {
            ("Authorization", bearer.as_str())
        };
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let (s, v, _) =
            self.raw(method, path, &[auth, ("Content-Type", "application/json")], body.as_bytes());
        (s, v)
    }

    pub fn get(&self, path: &str) -> (u16, Value) {
        self.call("GET", path, None)
    }

    pub fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.call("POST", path, Some(body))
    }

    /// JSON lines printed after the ready line (one per delivery attempt).
    pub fn attempt_lines(&self) -> Vec<Value> {
        self.lines.lock().unwrap().iter().filter_map(|l| serde_json::from_str(l).ok()).collect()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `kill -9`: no chance to flush or clean up.
    pub fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM and wait for the exit code.
    pub fn stop(mut self) -> Option<i32> {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match self.child.try_wait() {
                Ok(Some(s)) => return s.code(),
                Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
                _ => panic!("sandbox did not stop; stderr: {}", self.stderr()),
            }
        }
    }

    /// Polls `f` until it returns Some, or fails the test after `timeout`.
    pub fn until<T>(&self, timeout: Duration, what: &str, mut f: impl FnMut(&Sandbox) -> Option<T>) -> T {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(v) = f(self) {
                return v;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}; stderr: {}", self.stderr());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
