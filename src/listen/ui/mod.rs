//! `listen --ui`: a local web inspector over the requests this listener received — a bounded
//! in-memory window of them, a token-guarded HTTP API with a live event stream, and an embedded
//! page. Nothing here runs (or costs anything per request) without `--ui`.

mod api;
mod explain;
mod inspector;
mod store;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::net::TcpListener;
use tokio::sync::broadcast;

use crate::{Error, Result};

pub(crate) use inspector::{Settings, Ui};
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
