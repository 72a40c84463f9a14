//! `hookctl sandbox`: a local, durable emulator of the four provider APIs (partner, closient,
//! xpath, personio) on one port, with a real delivery pipeline and admin routes.
//!
//! - [`store`]: SQLite (WAL, migrations), one transaction per state change.
//! - one router per dialect ([`partner`], [`closient`], [`xpath`], [`personio`]) plus
//!   [`admin`] under `/_sandbox/`; [`http`] holds what they share (auth, limits, errors).
//! - [`worker`]: the outbox drain that signs and POSTs deliveries, with retries.
//!
//! [`start`] runs all of it on the caller's runtime (the `demo` command and tests use it);
//! [`run`] is the command: start, print the ready line, stop on Ctrl-C/SIGTERM.

mod admin;
mod app;
mod attempt_log;
mod closient;
mod error;
mod http;
mod knobs;
pub(crate) mod model;
mod origin;
mod partner;
mod personio;
mod recorder;
pub mod seed;
mod store;
mod worker;
mod xpath;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::Router;
use serde_json::{json, Value};
use tokio::sync::{watch, Notify};

use crate::output::Printer;
use crate::secret::Secret;
use crate::{Error, Outcome, Result};

pub(crate) use app::App;
pub(crate) use error::SandboxError;
pub(crate) use knobs::Knobs;
pub use knobs::{parse_schedule, Lag};
pub use store::SCHEMA_VERSION;

/// Everything `sandbox` needs, resolved by the command layer.
#[derive(Debug, Clone)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub data_dir: PathBuf,
    pub token: Secret,
    pub lag: Lag,
    pub fail_rate: f64,
    pub retry_schedule: Vec<Duration>,
    /// Where seeded endpoints deliver; `None` keeps what the database has.
    pub seed_url: Option<String>,
    /// Print one line per delivery attempt.
    pub log_attempts: bool,
    /// Time a client has to send request headers; also closes idle keep-alive connections.
    pub header_timeout: Duration,
    /// Time a client has to send a request body (slower: 408).
    pub body_timeout: Duration,
}

impl Config {
    /// A sandbox in `data_dir` on a free loopback port with the default knobs (the `demo`).
    pub fn new(data_dir: PathBuf) -> Config {
        Config {
            host: "127.0.0.1".into(),
            port: 0,
            data_dir,
            token: Secret::new(crate::providers::sandbox::TOKEN),
            lag: Lag { min: Duration::from_millis(500), max: Duration::from_secs(3) },
            fail_rate: 0.0,
            retry_schedule: vec![Duration::from_secs(1), Duration::from_secs(2), Duration::from_secs(5)],
            seed_url: None,
            log_attempts: false,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
        }
    }
}

/// A running sandbox (from [`start`]).
pub struct Sandbox {
    pub url: String,
    pub token: Secret,
    pub data_dir: PathBuf,
    stop: watch::Sender<bool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    app: Arc<App>,
}

impl Sandbox {
    /// The base URL of one dialect (`…/partner`).
    pub fn provider_url(&self, provider: &str) -> String {
        format!("{}/{provider}", self.url)
    }

    /// The ready document: `{"type":"ready","url","token","providers","seed",…}`.
    pub fn ready(&self) -> Value {
        let providers: serde_json::Map<String, Value> = model::Provider::ALL
            .iter()
            .map(|p| (p.as_str().to_string(), json!(self.provider_url(p.as_str()))))
            .collect();
        json!({
            "type": "ready",
            "url": self.url,
            "token": self.token.expose(),
            "providers": providers,
            "seed": seed::describe(),
            "admin": format!("{}/_sandbox/", self.url),
            "data_dir": self.data_dir.display().to_string(),
        })
    }

    /// Stops serving and lets in-flight attempts and requests finish and be recorded (bounded
    /// by the attempt timeout; what is not finished by then stays queued).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let grace = self.app.knobs().attempt_timeout + Duration::from_secs(5);
        let _ = tokio::time::timeout(grace, futures_util::future::join_all(self.tasks)).await;
        if let Some(log) = &self.app.attempt_log {
            log.close(Duration::from_secs(2));
        }
    }
}

/// Binds, opens the store, seeds it if new, and spawns the server and the worker on the
/// current runtime.
pub async fn start(cfg: Config, printer: Printer) -> Result<Sandbox> {
    let exposed = exposes(&cfg.host);
    if exposed && cfg.token.expose() == crate::providers::sandbox::TOKEN {
        // The default token is printed in every README: on the network it guards nothing.
        return Err(Error::usage_hint(
            format!(
                "--host {} exposes the sandbox beyond this machine with the public default token",
                cfg.host
            ),
            "give it a token of your own: --token $(openssl rand -hex 16)",
        ));
    }
    // The port first: a busy port must not leave a created and seeded --data-dir behind.
    let listener = crate::net::bind(&cfg.host, cfg.port).await?;
    let store = Arc::new(store::Store::open(&cfg.data_dir).map_err(store_error)?);
    if store.is_empty().map_err(store_error)? {
        seed::seed(&store, cfg.seed_url.as_deref().unwrap_or(seed::DEFAULT_URL), false)
            .map_err(store_error)?;
    } else if let Some(url) = &cfg.seed_url {
        store.retarget_seeded(url).map_err(store_error)?;
    }
    let addr = listener.local_addr().map_err(|e| Error::io("cannot read the bound address", e))?;
    let host = if cfg.host.contains(':') { format!("[{}]", cfg.host) } else { cfg.host.clone() };
    let host = if host == "0.0.0.0" || host == "[::]" { "127.0.0.1".to_string() } else { host };
    let url = format!("http://{host}:{}", addr.port());
    let client = |proxies: bool| {
        let b = reqwest::Client::builder()
            .user_agent(concat!("hookctl-sandbox/", env!("CARGO_PKG_VERSION")))
            .timeout(worker::MAX_ATTEMPT_TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none());
        let b = if proxies { b } else { b.no_proxy() };
        b.build().map_err(|e| Error::Internal(format!("cannot set up the delivery client: {e}")))
    };
    let (http, direct) = (client(true)?, client(false)?);
    let recorder = recorder::Recorder::start(store.clone())
        .map_err(|e| Error::Internal(format!("cannot start the sandbox database writer: {e}")))?;
    let app = Arc::new(App {
        store,
        recorder,
        token: cfg.token.clone(),
        knobs: RwLock::new(Knobs {
            lag: cfg.lag,
            fail_rate: cfg.fail_rate,
            retry_schedule: cfg.retry_schedule.clone(),
            faults: HashMap::new(),
            attempt_timeout: worker::ATTEMPT_TIMEOUT,
        }),
        wake: Notify::new(),
        inflight: Mutex::new(HashSet::new()),
        http,
        direct,
        attempt_log: (cfg.log_attempts && !printer.quiet())
            .then(|| attempt_log::AttemptLog::start(printer.clone())),
        printer,
        seed_url: cfg.seed_url.clone().unwrap_or_else(|| seed::DEFAULT_URL.to_string()),
        host: cfg.host.clone(),
        exposed,
        body_timeout: cfg.body_timeout,
    });
    let (stop_tx, stop_rx) = watch::channel(false);
    let router = routes(app.clone());
    let server = tokio::spawn(crate::serve::serve(listener, router, cfg.header_timeout, stop_rx.clone()));
    let worker = tokio::spawn(worker::run(app.clone(), stop_rx));
    Ok(Sandbox {
        url,
        token: cfg.token,
        data_dir: cfg.data_dir,
        stop: stop_tx,
        tasks: vec![server, worker],
        app,
    })
}

fn routes(app: Arc<App>) -> Router {
    let origin_app = app.clone();
    Router::new()
        .nest("/partner", partner::router(app.clone()))
        .nest("/closient", closient::router(app.clone()))
        .nest("/xpath", xpath::router(app.clone()))
        .nest("/personio", personio::router(app.clone()))
        .merge(admin::router(app))
        .fallback(|| async {
            http::json(
                axum::http::StatusCode::NOT_FOUND,
                &json!({"error": {"code": "not_found", "message":
                    "no such route: the sandbox serves /partner, /closient, /xpath, /personio and /_sandbox"}}),
            )
        })
        .layer(axum::middleware::from_fn(move |req, next| origin::guard(origin_app.clone(), req, next)))
}

/// A database that cannot be used stops the sandbox (exit 3): one line naming the file and
/// what to do.
fn store_error(e: store::StoreError) -> Error {
    let hint = match &e {
        store::StoreError::Newer { .. } => {
            "use a newer hookctl, or another --data-dir; the file was left untouched"
        }
        store::StoreError::Busy { .. } => "stop it first, or give this one another --data-dir",
        store::StoreError::ReadOnly { .. } => {
            "make the file and its directory writable by you, or give another --data-dir"
        }
        store::StoreError::Schema { .. } => {
            "it was not written by this hookctl's sandbox; move it away (or pick another --data-dir) to start fresh"
        }
        store::StoreError::Corrupt { .. } => {
            "move the file away (or pick another --data-dir) to start from fresh seed data; it was left untouched"
        }
        _ => "check the --data-dir path and its permissions",
    };
    SandboxError::Store(format!("{e}; {hint}")).into()
}

/// The command: start, announce, serve until Ctrl-C or SIGTERM.
pub async fn run(cfg: Config, printer: &Printer) -> Result<Outcome> {
    let host = cfg.host.clone();
    // Installed before the ready line, so a SIGTERM right after it stops cleanly.
    let signal = crate::net::wait_for_signal();
    let sandbox = start(cfg, printer.clone()).await?;
    announce(&sandbox, printer, &host);
    signal.await;
    printer.info("stopping the sandbox (queued deliveries resume on the next start)");
    sandbox.stop().await;
    Ok(Outcome::Success)
}

fn announce(s: &Sandbox, p: &Printer, host: &str) {
    if p.is_json() {
        p.json_line(&s.ready());
    } else {
        p.line(&format!("{} {}", p.bold("hookctl sandbox listening on"), s.url));
        for provider in model::Provider::ALL {
            p.line(&format!("  {:<9} {}", provider.as_str(), s.provider_url(provider.as_str())));
        }
        p.line(&format!("  {:<9} {}/_sandbox/", "admin", s.url));
        p.line(&format!("token:  {}   (send as Bearer, closient: X-API-Key)", s.token.expose()));
        p.line(&format!("data:   {}", s.data_dir.display()));
        p.line(&format!(
            "seed:   partner case {} (payments+chats), {} (none → 422), {} (live → 400); subscription {}",
            seed::CASE_TEST,
            seed::CASE_EMPTY,
            seed::CASE_LIVE,
            seed::SUB_TEST
        ));
        p.line(&format!(
            "        closient endpoint {} (dead_letter delivery {}), xpath {}, personio {}",
            seed::CLOSIENT_ENDPOINT,
            seed::CLOSIENT_DEAD_LETTER,
            seed::XPATH_ENDPOINT,
            seed::PERSONIO_WEBHOOK
        ));
        p.line(&format!("        seeded endpoints deliver to their URL, signed with {}", seed::SECRET));
        // The default address needs no URL after --sandbox.
        let target = if s.url == crate::providers::sandbox::DEFAULT_URL {
            String::new()
        } else {
            format!(" {}", s.url)
        };
        let token = if s.token.expose() == crate::providers::sandbox::TOKEN {
            String::new()
        } else {
            format!(" --token {}", s.token.expose())
        };
        p.line("try:");
        p.line(&format!("  hookctl listen --secret {}", seed::SECRET));
        p.line(&format!(
            "  hookctl fire case.assigned --case {} --wait --provider partner --sandbox{target}{token}",
            seed::CASE_TEST
        ));
        p.line(&format!(
            "  hookctl test {} --wait --provider closient --sandbox{target}{token}",
            seed::CLOSIENT_ENDPOINT
        ));
    }
    if exposes(host) {
        p.warn(&format!(
            "--host {host} exposes the sandbox to your network; anyone who knows its token can use it"
        ));
    }
}

/// Whether binding `host` reaches beyond this machine: anything but a loopback address (so
/// `0.0.0.0`, `::` and a LAN address all warn, not just the wildcards).
fn exposes(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => !ip.is_loopback(),
        Err(_) => !bare.eq_ignore_ascii_case("localhost"),
    }
}

#[cfg(test)]
mod tests {
    use super::exposes;

    #[test]
    fn every_non_loopback_host_warns() {
        for host in ["0.0.0.0", "::", "[::]", "192.168.1.5", "10.0.0.1", "myhost.lan"] {
            assert!(exposes(host), "{host}");
        }
        for host in ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"] {
            assert!(!exposes(host), "{host}");
        }
    }
}
