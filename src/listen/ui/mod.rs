//! `listen --ui`: a local web inspector over the requests this listener received — a bounded
//! in-memory window of them, a token-guarded HTTP API with a live event stream, and an embedded
//! page. Nothing here runs (or costs anything per request) without `--ui`.

mod api;
mod explain;
mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use tokio::net::TcpListener;
use tokio::sync::broadcast;

use super::record::Received;
use crate::secret::Secret;
use crate::sign::Scheme;
use crate::{Error, Result};

pub(crate) use store::Entry;
use store::Store;

/// The ports tried in order when `--ui-port` is not given (ngrok's inspector habit).
const DEFAULT_PORTS: std::ops::RangeInclusive<u16> = 4040..=4049;

/// `--ui` settings, resolved by the command layer.
#[derive(Debug, Clone)]
pub(crate) struct UiConfig {
    /// `None`: the first free port of 4040…4049; `Some(0)`: any free port.
    pub port: Option<u16>,
    /// Open the page in the default browser (when there is a display).
    pub open: bool,
}

/// What the inspector needs to know about the listener to explain and replay requests.
pub(crate) struct Settings {
    pub secrets: Vec<Secret>,
    /// The scheme given with `--scheme`, if any (else detected per request).
    pub scheme: Option<Scheme>,
    pub tolerance: u64,
    pub capture: Option<PathBuf>,
    pub forward_timeout: Duration,
    /// The listener's own base URL (`http://127.0.0.1:PORT`), for "copy as curl".
    pub listen_base: String,
    /// `--header-timeout`: the inspector's sockets are bounded like the listener's.
    pub header_timeout: Duration,
    /// The forward routes with their real URLs: what the page shows is redacted, a replay to
    /// the forward target must still send the password.
    pub routes: Vec<crate::listen::forward::Route>,
}

/// The inspector's shared state: the window of requests, the live feed, the per-run token.
pub(crate) struct Ui {
    store: Mutex<Store>,
    live: broadcast::Sender<Arc<Entry>>,
    token: String,
    /// The inspector's own port, for the `Host`/`Origin` checks.
    port: u16,
    settings: Settings,
}

/// A bound inspector port, before the listener's state exists.
pub(crate) struct Bound {
    listener: TcpListener,
    port: u16,
}

/// Binds 127.0.0.1 only: the inspector is never reachable from another machine (or through a
/// tunnel to the listen port).
pub(crate) async fn bind(cfg: &UiConfig) -> Result<Bound> {
    let ports: Vec<u16> = match cfg.port {
        Some(p) => vec![p],
        None => DEFAULT_PORTS.collect(),
    };
    let mut last = None;
    for p in &ports {
        match TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], *p))).await {
            Ok(listener) => {
                let port = listener
                    .local_addr()
                    .map_err(|e| Error::io("cannot read the inspector address", e))?
                    .port();
                return Ok(Bound { listener, port });
            }
            Err(e) => last = Some(e),
        }
    }
    let what = match cfg.port {
        Some(p) => format!("port {p}"),
        None => "any of ports 4040-4049".into(),
    };
    Err(Error::usage_hint(
        format!("cannot serve the inspector on {what}: {}", last.map(|e| e.to_string()).unwrap_or_default()),
        "pick another with --ui-port PORT, or --ui-port 0 for any free port",
    ))
}

impl Ui {
    pub(crate) fn new(bound: &Bound, settings: Settings) -> Ui {
        let (live, _) = broadcast::channel(1024);
        Ui { store: Mutex::new(Store::default()), live, token: new_token(), port: bound.port, settings }
    }

    /// The page's address with the token: printed on start and in the JSON ready line.
    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?t={}", self.port, self.token)
    }

    /// Serves the page and the API until the returned task is aborted (the listener stops).
    pub(crate) fn serve(self: &Arc<Self>, bound: Bound) -> tokio::task::JoinHandle<()> {
        let ui = self.clone();
        tokio::spawn(async move {
            // Stopped by aborting the task (the sender lives as long as it).
            let (_forever, stop) = tokio::sync::watch::channel(false);
            let timeout = ui.settings.header_timeout;
            crate::serve::serve(bound.listener, api::router(ui), timeout, stop).await;
        })
    }

    /// Keeps one request in the window and tells the open pages about it.
    pub(crate) fn record(&self, rec: &Received) {
        let entry = Entry {
            seq: 0,
            text: store::Texts::new(&store::Parts {
                id: &rec.id,
                received_at: rec.received_at(),
                method: rec.method,
                path: rec.path,
                query: rec.query,
                event_type: rec.event_type.as_deref(),
                reason: rec.reason.as_deref(),
            }),
            headers: store::RawHeaders::new(rec.headers.iter().map(|h| (h.name, h.raw))),
            body: Bytes::copy_from_slice(&rec.body),
            verdict: rec.verdict,
            scheme: rec.scheme,
            status: rec.status(),
            duplicate: rec.duplicate,
            size: rec.body.len(),
            received_unix: rec.stamp.unix,
            why: rec.why.clone(),
            secret: rec.secret,
            forwarded_to: rec.forwarded_to.clone(),
            forward_error: rec.forward_error.clone(),
            answer: rec.answer.from_target.then(|| {
                let body = &rec.answer.body;
                store::Answered {
                    status: rec.answer.status,
                    content_type: rec.answer.content_type.to_string(),
                    body: Bytes::copy_from_slice(&body[..body.len().min(store::MAX_ANSWER)]),
                    cut: body.len() > store::MAX_ANSWER,
                }
            }),
        };
        let entry = match self.store.lock() {
            Ok(mut s) => s.push(entry),
            Err(_) => return,
        };
        // No page open: no receiver, and the send is a no-op.
        if self.live.receiver_count() > 0 {
            let _ = self.live.send(entry);
        }
    }

    /// Opens the page in the default browser when there is a display to show it on.
    pub(crate) fn open_browser(&self) -> bool {
        let url = self.url();
        let program = if cfg!(target_os = "macos") {
            "open"
        } else if std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some() {
            "xdg-open"
        } else {
            return false;
        };
        std::process::Command::new(program)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .is_ok()
    }
}

/// 128 random bits, hex: guessing it is not an option for another page or user.
fn new_token() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}
