//! [`Config`]: everything `listen` needs, resolved by the command layer (which converts clap
//! arguments into it; nothing here knows about clap).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::exposure::Exposure;
use super::forward;
use super::ui;
use crate::secret::Secret;

/// Everything `listen` needs, resolved by the command layer.
#[derive(Debug, Clone)]
pub struct Config {
    pub host: String,
    pub port: u16,
    /// Normalised prefix (`/hooks`, never a trailing slash) or `None` for any path.
    pub path: Option<String>,
    pub secrets: Vec<Secret>,
    /// `None` = detect from the headers.
    pub scheme: Option<crate::sign::Scheme>,
    pub routes: Vec<forward::Route>,
    pub forward_timeout: Duration,
    pub capture: Option<PathBuf>,
    pub expect: Option<u64>,
    pub filter: Option<String>,
    /// `--match`: what a delivery's content must hold to count toward `--expect`.
    pub content: crate::matcher::Matchers,
    pub allow_invalid: bool,
    pub timeout: Option<Duration>,
    pub max_body: usize,
    pub display: DisplayMode,
    /// stdout carries JSON Lines (`--json`, or piped): the `ready` and `summary` lines are
    /// printed there even when `--no-display` drops the per-request lines.
    pub json_status: bool,
    /// Time allowed for reading the request head (and for idle keep-alive connections).
    pub header_timeout: Duration,
    /// Time allowed for reading a request body.
    pub body_timeout: Duration,
    /// `--ui`: serve the inspector.
    pub ui: Option<ui::UiConfig>,
    /// Start-up and shutdown steps around serving (a tunnel, a temporary registration).
    pub exposure: Option<Arc<dyn Exposure>>,
    /// Ctrl-C and SIGTERM stop the listener (the `listen` command); a program that runs it
    /// inside something else (`demo`) stops it itself.
    pub stop_on_signal: bool,
}

impl Config {
    /// A listener on `host:port` with the `listen` flags' defaults: any path, no secret, no
    /// capture, forwarding or expectation, no display, stopped by Ctrl-C/SIGTERM.
    pub(crate) fn new(host: &str, port: u16) -> Config {
        Config {
            host: host.to_string(),
            port,
            path: None,
            secrets: Vec::new(),
            scheme: None,
            routes: Vec::new(),
            forward_timeout: Duration::from_secs(30),
            capture: None,
            expect: None,
            filter: None,
            content: Default::default(),
            allow_invalid: false,
            timeout: None,
            max_body: 1024 * 1024,
            display: DisplayMode::Off,
            json_status: false,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            ui: None,
            exposure: None,
            stop_on_signal: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisplayMode {
    Off,
    Human,
    Json,
}
