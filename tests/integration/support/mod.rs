//! Test harness: the real binary with a clean environment, and stub servers on 127.0.0.1:0.

#![allow(dead_code)]

pub mod bore;
pub mod endpoints;
pub mod handler;
pub mod listen;
pub mod partner;
pub mod sandbox;
pub mod xml;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use axum::response::IntoResponse;
use futures_util::FutureExt;
use tempfile::TempDir;

pub mod api;

/// A private HOME and config dir per test, with every `HOOKCTL_*` and colour variable removed.
pub struct TestEnv {
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        TestEnv { dir: tempfile::tempdir().expect("tempdir") }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("config").join("hookctl").join("config.toml")
    }

    /// The one clean environment: `program` (the binary, or a shell that runs it) with this
    /// test's private HOME and XDG directories as its home and working directory, and every
    /// `HOOKCTL_*` and colour variable of the developer's shell removed.
    pub fn clean(&self, program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        for (k, _) in std::env::vars_os() {
            let k = k.to_string_lossy().to_string();
            if k.starts_with("HOOKCTL_") || k == "NO_COLOR" || k == "CLICOLOR_FORCE" || k == "CLICOLOR" {
                cmd.env_remove(k);
            }
        }
        cmd.env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("TERM", "xterm-256color")
            .current_dir(self.dir.path());
        cmd
    }

    /// The binary in the clean environment, as a std `Command` (for spawned processes).
    pub fn std_cmd(&self) -> std::process::Command {
        self.clean(assert_cmd::cargo::cargo_bin("hookctl"))
    }

    /// The binary in the clean environment, for `assert_cmd` assertions.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// A short run: `env.run().args([..]).env(..).code(Exit::Api).stderr_has(..).json()`.
    pub fn run(&self) -> Run {
        Run { cmd: self.cmd(), stdin: None }
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write file");
        p
    }
}

/// A request a stub received.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: Vec<(String, String)>,
    /// The same headers with their exact value bytes.
    pub raw_headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header_bytes(&self, name: &str) -> Option<&[u8]> {
        self.raw_headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_slice())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// An axum router served on 127.0.0.1:0 from its own thread and runtime; every request is
/// recorded before the router sees it. Like xh's test server, it fails the test when dropped
/// if a handler panicked (the client only saw a cut connection, which a test of error paths
/// could mistake for the error it expects) or if nothing ever reached it (the test did not
/// exercise what it set up); [`Stub::may_go_unused`] says a test means that.
pub struct Stub {
    pub addr: SocketAddr,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
    panics: Arc<Mutex<Vec<String>>>,
    check_hits: bool,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Stub {
    pub fn start(router: axum::Router) -> Stub {
        let requests: Arc<Mutex<Vec<Recorded>>> = Arc::default();
        let panics: Arc<Mutex<Vec<String>>> = Arc::default();
        let rec = requests.clone();
        let caught = panics.clone();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt =
                tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                let app = router.layer(axum::middleware::from_fn(
                    move |req: axum::extract::Request, next: axum::middleware::Next| {
                        let rec = rec.clone();
                        let caught = caught.clone();
                        async move {
                            let (parts, body) = req.into_parts();
                            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
                            rec.lock().unwrap().push(Recorded {
                                method: parts.method.to_string(),
                                path: parts.uri.path().to_string(),
                                query: parts.uri.query().map(str::to_string),
                                headers: parts
                                    .headers
                                    .iter()
                                    .map(|(k, v)| {
                                        (k.to_string(), String::from_utf8_lossy(v.as_bytes()).to_string())
                                    })
                                    .collect(),
                                raw_headers: parts
                                    .headers
                                    .iter()
                                    .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
                                    .collect(),
                                body: bytes.to_vec(),
                            });
                            let req =
                                axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes));
                            match std::panic::AssertUnwindSafe(next.run(req)).catch_unwind().await {
                                Ok(response) => response,
                                Err(payload) => {
                                    let what = payload
                                        .downcast_ref::<&str>()
                                        .map(|s| s.to_string())
                                        .or_else(|| payload.downcast_ref::<String>().cloned())
                                        .unwrap_or_else(|| "a panic".into());
                                    caught.lock().unwrap().push(what);
                                    axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
                                }
                            }
                        }
                    },
                ));
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stop_rx.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = addr_rx.recv().expect("stub address");
        Stub { addr, requests, panics, check_hits: true, shutdown: Some(stop_tx), thread: Some(thread) }
    }

    /// This test may end without a request reaching the stub (it checks that nothing is sent).
    pub fn may_go_unused(&mut self) {
        self.check_hits = false;
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Stub {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        if std::thread::panicking() {
            return; // the test has failed already: its own message is the one to read
        }
        let panics = self.panics.lock().unwrap();
        assert!(panics.is_empty(), "a stub handler panicked: {panics:?}");
        assert!(
            !self.check_hits || !self.requests.lock().unwrap().is_empty(),
            "the stub on {} was never hit (call may_go_unused if that is the point)",
            self.addr
        );
    }
}

/// A local port that nothing listens on (bound, then released).
pub fn dead_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// Parses stdout as one JSON document.
pub fn stdout_json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// One run of the binary, checked in one chain, in the style of just's test harness:
/// `env.run().args(["events", "get", "x"]).env("HOOKCTL_TOKEN", "t").code(Exit::Api).stderr_has("404")`.
pub struct Run {
    cmd: Command,
    stdin: Option<Vec<u8>>,
}

/// A command set up elsewhere (a stub's environment), run and checked the same way.
impl From<Command> for Run {
    fn from(cmd: Command) -> Run {
        Run { cmd, stdin: None }
    }
}

impl Run {
    pub fn env_remove(mut self, key: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.env_remove(key);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn env(mut self, key: impl AsRef<std::ffi::OsStr>, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    pub fn envs<K, V>(mut self, vars: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: AsRef<std::ffi::OsStr>,
        V: AsRef<std::ffi::OsStr>,
    {
        self.cmd.envs(vars);
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Runs it and asserts the exit code (stderr is in the failure message).
    pub fn code(mut self, exit: hookctl::exit::Exit) -> Ran {
        if let Some(bytes) = self.stdin.take() {
            self.cmd.write_stdin(bytes);
        }
        let out = self.cmd.output().expect("run hookctl");
        let ran = Ran { out };
        assert_eq!(
            ran.out.status.code(),
            Some(i32::from(exit.code())),
            "expected {exit:?}; stderr: {}; stdout: {}",
            ran.stderr(),
            ran.stdout()
        );
        ran
    }
}

/// A finished [`Run`]: further checks chain, and the output can be read.
pub struct Ran {
    pub out: std::process::Output,
}

impl Ran {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }

    pub fn stderr_has(self, needle: &str) -> Self {
        assert!(self.stderr().contains(needle), "stderr lacks {needle:?}: {}", self.stderr());
        self
    }

    pub fn stderr_lacks(self, needle: &str) -> Self {
        assert!(!self.stderr().contains(needle), "stderr has {needle:?}: {}", self.stderr());
        self
    }

    pub fn stdout_has(self, needle: &str) -> Self {
        assert!(self.stdout().contains(needle), "stdout lacks {needle:?}: {}", self.stdout());
        self
    }

    pub fn stdout_lacks(self, needle: &str) -> Self {
        assert!(!self.stdout().contains(needle), "stdout has {needle:?}: {}", self.stdout());
        self
    }

    /// stdout as one JSON document.
    pub fn json(self) -> serde_json::Value {
        stdout_json(&self.out)
    }
}
