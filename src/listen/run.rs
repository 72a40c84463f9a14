//! A listener's life: [`start`] (open the capture, bind, expose, print the ready line, start the
//! event loops) → serve → a stop (Ctrl-C/SIGTERM, `--expect` reached, `--timeout`, a bad
//! signature, or the caller's [`Listening::stop`]) → shutdown (in-flight requests finish, the
//! display drains, a registration is deleted, the summary is printed) → [`Ended`], whose verdict
//! is the exit status.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::capture;
use super::config::{Config, DisplayMode};
use super::display::Display;
use super::error::ListenError;
use super::exposure::{Exposed, Exposure};
use super::forward::Forwarder;
use super::handler::TOLERANCE_SECS;
use super::lanes::{event_loops, Lanes};
use super::state::{Counts, State};
use super::stop::{request_stop, Stop};
use super::ui::{self, Ui};
use crate::matcher::NearMisses;
use crate::output::Printer;
use crate::{Error, Outcome, Result};

/// What a run counted, summed over the event loops.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    pub received: u64,
    pub valid: u64,
    pub invalid: u64,
    pub unverified: u64,
    pub captured: u64,
    pub rejected: u64,
    pub too_large: u64,
    /// Deliveries counted toward `--expect`.
    pub counted: u64,
}

impl State {
    pub(super) fn totals(&self) -> Totals {
        let sum = |f: fn(&Counts) -> &AtomicU64| {
            self.lanes.iter().map(|l| f(&l.counts).load(Ordering::Relaxed)).sum()
        };
        Totals {
            received: sum(|c| &c.received),
            valid: sum(|c| &c.valid),
            invalid: sum(|c| &c.invalid),
            unverified: sum(|c| &c.unverified),
            captured: sum(|c| &c.captured),
            rejected: sum(|c| &c.rejected),
            too_large: sum(|c| &c.too_large),
            counted: self.counted.load(Ordering::Relaxed),
        }
    }
}

/// A running listener, from [`start`]: where it is reached, a way to stop it, and (from
/// [`Listening::finish`]) how it ended.
pub(crate) struct Listening {
    local_url: String,
    port: u16,
    public_url: Option<String>,
    endpoint_id: Option<String>,
    ui_url: Option<String>,
    state: Arc<State>,
    run: tokio::task::JoinHandle<Result<Ended>>,
}

// What `listen -- CMD` hands to its command (issue 17) and what tests read.
#[allow(dead_code)]
impl Listening {
    /// `http://HOST:PORT/PATH`, as in the ready line.
    pub(crate) fn local_url(&self) -> &str {
        &self.local_url
    }

    pub(crate) fn port(&self) -> u16 {
        self.port
    }

    /// Where the outside world reaches it (`--tunnel`, `--public-url`).
    pub(crate) fn public_url(&self) -> Option<&str> {
        self.public_url.as_deref()
    }

    /// The temporary endpoint `--register` created at the provider.
    pub(crate) fn endpoint_id(&self) -> Option<&str> {
        self.endpoint_id.as_deref()
    }

    /// The inspector's address with its token (`--ui`).
    pub(crate) fn ui_url(&self) -> Option<&str> {
        self.ui_url.as_deref()
    }

    /// What arrived so far.
    pub(crate) fn totals(&self) -> Totals {
        self.state.totals()
    }
}

impl Listening {
    /// Asks the listener to stop (a no-op when it is stopping already).
    pub(crate) fn stop(&self) {
        self.state.request_stop(Stop::Requested);
    }

    /// Resolves once the listener is stopping, with why (`--expect` reached, a signal, …).
    pub(crate) async fn stopping(&self) -> Stop {
        let mut rx = self.state.stop.subscribe();
        let why = match rx.wait_for(|s| s.is_some()).await {
            Ok(s) => *s,
            Err(_) => None,
        };
        why.unwrap_or(Stop::Requested)
    }

    /// Waits until the run has ended after a stop: in-flight requests answered and captured,
    /// the display drained, a registered endpoint deleted, the summary printed.
    pub(crate) async fn finish(self) -> Result<Ended> {
        self.run.await.map_err(|e| Error::Internal(format!("the listener failed: {e}")))?
    }
}

/// How a run ended.
#[derive(Debug)]
pub(crate) struct Ended {
    pub stop: Stop,
    pub totals: Totals,
    expect: Option<u64>,
    /// Why no secret could verify a request, when that stopped the run.
    unusable: Option<String>,
}

impl Ended {
    /// The verdict as the exit status: `--expect` met (0), timed out (6), a bad signature (8),
    /// interrupted before `--expect` was met (130); without `--expect` a stop is a success.
    pub(crate) fn outcome(self) -> Result<Outcome> {
        Ok(match self.stop {
            Stop::ExpectReached => Outcome::Success,
            Stop::Invalid => Outcome::InvalidSignature,
            // The sender is not to blame: a configuration error (3), not "signature invalid" (8).
            Stop::UnusableSecret => {
                let problem =
                    self.unusable.unwrap_or_else(|| "no signing secret can verify the requests".into());
                return Err(ListenError::UnusableSecret { which: "a signing secret".into(), problem }.into());
            }
            Stop::Timeout if self.expect.is_some() => Outcome::TimedOut,
            // An unmet --expect must not look like success to CI.
            Stop::Signal | Stop::Requested if self.expect.is_some() => Outcome::Interrupted,
            Stop::Timeout | Stop::Signal | Stop::Requested => Outcome::Success,
        })
    }
}

/// Binds `cfg.host:cfg.port` and starts listening; see [`start_on`].
pub(crate) async fn start(cfg: Config, printer: &Printer) -> Result<Listening> {
    let listener = crate::net::bind(&cfg.host, cfg.port).await?;
    start_on(listener, cfg, printer).await
}

/// Starts listening on a bound port: opens the capture, exposes the listener (tunnel,
/// registration), prints the ready line and serves until a stop. `demo` binds first, because
/// the sandbox must know the listener's address before the listener knows its secret.
pub(crate) async fn start_on(listener: TcpListener, mut cfg: Config, printer: &Printer) -> Result<Listening> {
    // Asked once: the capture needs a queue per loop, and the OS is asked anew on each call.
    let loops = event_loops();
    let capture = match &cfg.capture {
        // A path the user gave that cannot be opened is a usage error (2), not an internal one.
        Some(path) => Some(capture::open(path, loops).map_err(|e| {
            Error::usage_hint(
                format!("cannot open capture file {}: {e}", path.display()),
                "check that its directory exists and is writable",
            )
        })?),
        None => None,
    };
    let forwarder = match cfg.routes.is_empty() {
        true => None,
        false => Some(Forwarder::new(cfg.forward_timeout).map_err(Error::Internal)?),
    };
    let addr = listener.local_addr().map_err(|e| Error::io("cannot read the bound address", e))?;
    // Bound before a tunnel or registration starts: a taken inspector port fails early.
    let ui_bound = match &cfg.ui {
        Some(ui_cfg) => Some(ui::bind(ui_cfg).await?),
        None => None,
    };
    let (stop, _) = watch::channel(None);
    if cfg.stop_on_signal {
        // Watched before the exposure starts: a Ctrl-C during registration still cleans up.
        let tx = stop.clone();
        let signal = crate::net::wait_for_signal();
        tokio::spawn(async move {
            signal.await;
            request_stop(&tx, Stop::Signal);
        });
    }
    let url = local_url(&cfg, addr);
    let exposure = cfg.exposure.clone();
    let mut exposed = match &exposure {
        Some(e) => match e.start(addr, &url).await {
            Ok(x) => x,
            Err(err) => {
                // Undo whatever part of the start succeeded; the start error is the one to report.
                let _ = e.stop().await;
                return Err(err);
            }
        },
        None => Exposed::default(),
    };
    cfg.secrets.append(&mut exposed.secrets);
    let ui = ui_bound.map(|bound| {
        let settings = ui::Settings {
            secrets: cfg.secrets.clone(),
            scheme: cfg.scheme,
            tolerance: TOLERANCE_SECS,
            capture: cfg.capture.clone(),
            forward_timeout: cfg.forward_timeout,
            listen_base: crate::net::base_url(&cfg.host, addr.port()),
            header_timeout: cfg.header_timeout,
            routes: cfg.routes.clone(),
        };
        let ui = Arc::new(Ui::new(&bound, settings));
        let task = ui.serve(bound);
        (ui, task)
    });
    announce(&cfg, printer, &url, addr.port(), &exposed, ui.as_ref().map(|(ui, _)| &**ui));
    let (display, display_thread) = match cfg.display {
        DisplayMode::Off => (None, None),
        mode => {
            let (h, d) = Display::start(printer.clone(), mode, cfg.capture.clone());
            (Some(h), Some(d))
        }
    };
    let ui_url = ui.as_ref().map(|(ui, _)| ui.url());
    let (ui, ui_task) = ui.unzip();
    let state = Arc::new(State {
        capture,
        forwarder,
        display,
        ui,
        printer: printer.clone(),
        seen: Mutex::default(),
        counted_ids: Mutex::default(),
        lanes: Default::default(),
        loops: loops as u64,
        counted: AtomicU64::new(0),
        near: Mutex::default(),
        unusable: Mutex::default(),
        run_tag: format!("{:08x}", rand::random::<u32>()),
        stop,
        cfg,
    });
    if state.cfg.expect == Some(0) {
        state.request_stop(Stop::ExpectReached);
    }
    if let Some(t) = state.cfg.timeout {
        let st = state.clone();
        tokio::spawn(async move {
            tokio::time::sleep(t).await;
            st.request_stop(Stop::Timeout);
        });
    }
    let std_listener = listener.into_std().map_err(|e| Error::io("cannot serve on the bound port", e));
    let lanes = match std_listener {
        Ok(l) => Lanes::start(l, state.clone()).await,
        Err(e) => Err(e),
    };
    let lanes = match lanes {
        Ok(lanes) => lanes,
        Err(e) => {
            if let Some(x) = &exposure {
                let _ = x.stop().await;
            }
            return Err(e);
        }
    };
    let run = tokio::spawn(shut_down_after_stop(state.clone(), lanes, display_thread, ui_task, exposure));
    Ok(Listening {
        local_url: url,
        port: addr.port(),
        public_url: exposed.public_url,
        endpoint_id: exposed.endpoint_id,
        ui_url,
        state,
        run,
    })
}

/// Waits for a stop, then ends the run in order: requests in flight finish (and are
/// captured), the loops end, the registration is deleted, the display drains, the summary.
async fn shut_down_after_stop(
    state: Arc<State>,
    lanes: Lanes,
    display: Option<Display>,
    ui: Option<tokio::task::JoinHandle<()>>,
    exposure: Option<Arc<dyn Exposure>>,
) -> Result<Ended> {
    {
        let mut rx = state.stop.subscribe();
        let _ = rx.wait_for(|s| s.is_some()).await;
    }
    let cfg = &state.cfg;
    let grace = cfg.forward_timeout.max(cfg.body_timeout).saturating_add(Duration::from_secs(2));
    lanes.shutdown(grace).await;
    let cleanup = match &exposure {
        Some(e) => e.stop().await,
        None => Ok(()),
    };
    if let Some(ui) = ui {
        ui.abort();
    }
    if let Some(d) = display {
        // Prints what is queued; blocking, so off the runtime's workers.
        let _ = tokio::task::spawn_blocking(move || d.close()).await;
    }
    let stop = (*state.stop.borrow()).unwrap_or(Stop::Signal);
    let totals = state.totals();
    let near = state.near.lock().map(|n| n.clone()).unwrap_or_default();
    summary(cfg, &state.printer, stop, &totals, &near);
    // A registration that could not be deleted fails the run, whatever else happened.
    cleanup?;
    let unusable = state.unusable.lock().ok().and_then(|u| u.clone());
    Ok(Ended { stop, totals, expect: cfg.expect, unusable })
}

fn local_url(cfg: &Config, addr: SocketAddr) -> String {
    format!("{}{}", crate::net::base_url(&cfg.host, addr.port()), cfg.path.as_deref().unwrap_or("/"))
}

/// The ready signal: scripts wait for this line instead of sleeping. The inspector's address
/// comes first, so it is known once the ready line is seen.
fn announce(cfg: &Config, printer: &Printer, url: &str, port: u16, exposed: &Exposed, ui: Option<&Ui>) {
    let ui_url = ui.map(Ui::url);
    if printer.is_json() || cfg.json_status || cfg.display == DisplayMode::Json {
        let mut ready = json!({"type": "ready", "url": url, "port": port});
        if let Some(p) = &exposed.public_url {
            ready["public_url"] = json!(p);
        }
        if let Some(id) = &exposed.endpoint_id {
            ready["endpoint_id"] = json!(id);
        }
        if let Some(u) = &ui_url {
            ready["ui"] = json!(u);
        }
        printer.json_line(&ready);
    }
    if let Some(u) = &ui_url {
        printer.always(&format!("inspector on {u}"));
        if cfg.ui.as_ref().is_some_and(|c| c.open) && !ui.is_some_and(Ui::open_browser) {
            printer.info("no display to open a browser on: open the inspector address yourself");
        }
    }
    printer.always(&format!("listening on {url}"));
    if let Some(p) = &exposed.public_url {
        printer.always(&format!("public URL: {p}"));
    }
    if cfg.secrets.is_empty() {
        printer.info("no signing secret: requests are accepted and shown as unverified");
    }
    for r in &cfg.routes {
        printer.info(&format!("forwarding {} → {}", r.pattern, crate::secret::redact_url(&r.url)));
    }
}

fn summary(cfg: &Config, printer: &Printer, stop: Stop, c: &Totals, near: &NearMisses) {
    let mut text = format!(
        "stopped: {} ({} valid, {} invalid, {} unverified",
        crate::output::plural(c.received, "request"),
        c.valid,
        c.invalid,
        c.unverified
    );
    // Refused before verifying: the sender got an error, which the summary must not hide.
    match (c.rejected, c.too_large) {
        (0, _) => text.push(')'),
        (r, 0) => text.push_str(&format!(", {r} rejected)")),
        (r, t) => text.push_str(&format!(
            ", {r} rejected, {t} of them with 413: larger than --max-body {} bytes)",
            cfg.max_body
        )),
    }
    if let Some(path) = &cfg.capture {
        text.push_str(&format!(
            ", {} captured to {}",
            c.captured,
            crate::sanitize::sanitize_line(&path.display().to_string())
        ));
    }
    printer.info(&text);
    if cfg.json_status || cfg.display == DisplayMode::Json {
        let mut line = json!({"type": "summary", "data": {
            "stop": match stop {
                Stop::Signal => "signal",
                Stop::ExpectReached => "expect_reached",
                Stop::Invalid => "invalid_signature",
                Stop::UnusableSecret => "unusable_secret",
                Stop::Timeout => "timeout",
                Stop::Requested => "requested",
            },
            "received": c.received,
            "valid": c.valid,
            "invalid": c.invalid,
            "unverified": c.unverified,
            "captured": c.captured,
            "rejected": c.rejected,
            "too_large": c.too_large,
            "counted": c.counted,
        }});
        // Only filled with --expect (see `State::near_miss`).
        if !near.is_empty() {
            line["data"]["near_misses"] = near.to_json();
        }
        printer.json_line(&line);
    }
    let counted = c.counted;
    // What arrived but did not count, and why: a red CI job that says why.
    let details: Vec<String> = match near.is_empty() {
        true => Vec::new(),
        false => vec![format!("near misses: {}", near.summary(counted as usize))],
    };
    match (stop, cfg.expect) {
        (Stop::ExpectReached, Some(n)) => printer.success(&format!("{n} expected deliveries arrived")),
        (Stop::Timeout, Some(n)) => printer.failed(
            &format!(
                "timed out after {}: {counted} of {n} expected deliveries arrived",
                humantime::format_duration(cfg.timeout.unwrap_or_default())
            ),
            &details,
            [match near.is_empty() {
                true => "check that the sender posts to this listener's URL; a longer --timeout may help",
                // Requests did arrive: the URL is right, what they carry is not what was asked.
                false => "requests arrived but did not count for the reasons above: check --type, --match and what the sender sends",
            }],
        ),
        (Stop::Invalid, _) => printer.failed(
            "a request with an invalid signature arrived",
            &[],
            ["check the signing secret; --allow-invalid keeps listening after bad signatures"],
        ),
        (Stop::Signal, Some(n)) => printer.failed(
            &format!("interrupted: {counted} of {n} expected deliveries arrived"),
            &details,
            [],
        ),
        (Stop::Requested, Some(n)) => {
            printer.failed(&format!("stopped: {counted} of {n} expected deliveries arrived"), &details, [])
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Printer;

    fn config(expect: Option<u64>, capture: &std::path::Path) -> Config {
        let mut cfg = Config::new("127.0.0.1", 0);
        cfg.expect = expect;
        cfg.capture = Some(capture.to_path_buf());
        cfg.stop_on_signal = false;
        cfg
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_handle_reports_where_it_listens_and_how_it_ended() {
        let dir = tempfile::tempdir().unwrap();
        let capture = dir.path().join("c.jsonl");
        let listening = start(config(Some(2), &capture), &Printer::plain().muted()).await.unwrap();
        let url = listening.local_url().to_string();
        assert_eq!(url, format!("http://127.0.0.1:{}/", listening.port()));
        assert_eq!((listening.public_url(), listening.endpoint_id(), listening.ui_url()), (None, None, None));
        let http = reqwest::Client::new();
        for i in 0..2 {
            let answer = http.post(&url).body(format!("{{\"type\":\"t.{i}\"}}")).send().await.unwrap();
            assert_eq!(answer.status(), 200);
        }
        assert_eq!(listening.stopping().await, Stop::ExpectReached);
        let ended = listening.finish().await.unwrap();
        assert_eq!((ended.totals.received, ended.totals.captured, ended.totals.counted), (2, 2, 2));
        assert_eq!(ended.outcome().unwrap(), Outcome::Success);
        // Every acknowledged request is in the capture once the run has ended.
        assert_eq!(std::fs::read_to_string(&capture).unwrap().lines().count(), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_stop_before_the_expectation_is_met_is_not_a_success() {
        let dir = tempfile::tempdir().unwrap();
        let listening =
            start(config(Some(1), &dir.path().join("c.jsonl")), &Printer::plain().muted()).await.unwrap();
        listening.stop();
        assert_eq!(listening.stopping().await, Stop::Requested);
        let ended = listening.finish().await.unwrap();
        assert_eq!(ended.outcome().unwrap(), Outcome::Interrupted);
        let listening =
            start(config(None, &dir.path().join("d.jsonl")), &Printer::plain().muted()).await.unwrap();
        listening.stop();
        assert_eq!(listening.finish().await.unwrap().outcome().unwrap(), Outcome::Success);
    }
}
