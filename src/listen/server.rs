//! The receiver: a hyper HTTP/1 server with per-connection timeouts, one handler that
//! verifies → forwards → captures → answers, and an orderly shutdown (signals, `--expect`,
//! `--timeout`) that finishes in-flight requests and flushes the capture.

use std::borrow::Cow;
use std::collections::{HashSet, VecDeque};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::{Body, Incoming};
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};

use super::capture::{self, Capture, HeaderRef, RecordRef};
use super::display::{Display, DisplayHandle, Shown};
use super::forward::{self, Forwarded, Forwarder};
use super::ui::{self, Ui};
use super::{Config, DisplayMode, Exposed, Verdict};
use crate::output::Printer;
use crate::sign;
use crate::{Error, Outcome, Result};

/// How many delivery ids are remembered for duplicate detection.
const DEDUP_WINDOW: usize = 10_000;
/// Signature timestamp tolerance (DESIGN §4).
const TOLERANCE_SECS: u64 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Signal,
    ExpectReached,
    Invalid,
    /// A request arrived that no configured secret can verify (see [`sign::Reason::Unusable`]).
    UnusableSecret,
    Timeout,
}

#[derive(Default)]
struct Counts {
    received: AtomicU64,
    valid: AtomicU64,
    invalid: AtomicU64,
    unverified: AtomicU64,
    captured: AtomicU64,
    counted: AtomicU64,
    /// Why the secrets could not verify a request, when that stopped the run.
    unusable: Option<String>,
}

/// What one event loop counts. Each loop has its own, on its own cache line: counters shared
/// by both loops' threads made every request move cache lines between cores.
#[derive(Default)]
#[repr(align(128))]
struct LaneCounts {
    counts: Counts,
    seq: AtomicU64,
    /// Open connections, for spreading new ones over the loops.
    open: AtomicU64,
}

/// A handler's view: the shared state and its event loop. Each loop clones its own `Arc`, so
/// the per-request reference count stays on one core too.
struct Lane {
    state: Arc<State>,
    index: usize,
}

struct State {
    cfg: Config,
    capture: Option<Capture>,
    forwarder: Option<Forwarder>,
    display: Option<DisplayHandle>,
    /// `--ui`: the inspector, fed by every request.
    ui: Option<Arc<Ui>>,
    printer: Printer,
    seen: Mutex<Dedup>,
    counted_ids: Mutex<HashSet<String>>,
    lanes: [LaneCounts; 2],
    /// How many event loops run ([`event_loops`]).
    loops: u64,
    /// Deliveries counted toward `--expect` (both loops).
    counted: AtomicU64,
    /// The first "no secret can verify this" reason, for the error that ends the run.
    unusable: Mutex<Option<String>>,
    run_tag: String,
    stop: watch::Sender<Option<Stop>>,
}

/// Recently seen delivery ids, oldest forgotten first. Kept as 64-bit keyed hashes (no copy
/// of each id): a false "duplicate" needs a collision among 10,000 ids, about 1 in 10^15.
#[derive(Default)]
struct Dedup {
    hasher: std::hash::RandomState,
    set: HashSet<u64>,
    order: VecDeque<u64>,
}

impl Dedup {
    /// True when `id` was seen before.
    fn check(&mut self, id: &str) -> bool {
        use std::hash::BuildHasher;
        let h = self.hasher.hash_one(id);
        if self.set.contains(&h) {
            return true;
        }
        if self.order.len() >= DEDUP_WINDOW {
            if let Some(old) = self.order.pop_front() {
                self.set.remove(&old);
            }
        }
        self.set.insert(h);
        self.order.push_back(h);
        false
    }
}

impl State {
    fn request_stop(&self, why: Stop) {
        request_stop(&self.stop, why);
    }
}

/// The first reason wins.
fn request_stop(stop: &watch::Sender<Option<Stop>>, why: Stop) {
    stop.send_if_modified(|s| {
        if s.is_none() {
            *s = Some(why);
            true
        } else {
            false
        }
    });
}

/// Runs the listener until a signal, `--expect`, `--timeout` or a bad signature stops it.
pub fn run(cfg: Config, printer: &Printer) -> Result<Outcome> {
    // Asked once: the capture needs a queue per loop, and the OS is asked anew on each call.
    let loops = event_loops();
    let capture = match &cfg.capture {
        Some(path) => Some(
            // A path the user gave that cannot be opened is a usage error (2), not an internal one.
            capture::open(path, loops).map_err(|e| {
                Error::usage_hint(
                    format!("cannot open capture file {}: {e}", path.display()),
                    "check that its directory exists and is writable",
                )
            })?,
        ),
        None => None,
    };
    let forwarder = if cfg.routes.is_empty() {
        None
    } else {
        Some(Forwarder::new(cfg.forward_timeout).map_err(Error::Internal)?)
    };
    let (display, display_thread) = match cfg.display {
        DisplayMode::Off => (None, None),
        mode => {
            let (h, d) = Display::start(printer.clone(), mode, cfg.capture.clone());
            (Some(h), Some(d))
        }
    };
    let (cap_handle, writer) = match capture {
        Some((c, w)) => (Some(c), Some(w)),
        None => (None, None),
    };
    let fut = serve(cfg.clone(), loops, cap_handle, forwarder, display, printer.clone());
    // Single-threaded event loops (this one plus one on a second thread, see `second_loop`)
    // instead of the work-stealing runtime: measured faster on 2 cores, and a loop's ready
    // handlers share one capture `write`.
    let result = match runtime() {
        Ok(rt) => rt.block_on(fut),
        Err(e) => Err(e),
    };
    // Everything the handlers acknowledged is already flushed; this writes nothing new but
    // joins the threads so the process exits with whole files and all lines printed.
    if let Some(w) = writer {
        w.close();
    }
    if let Some(d) = display_thread {
        d.close();
    }
    let (stop, counts, cleanup) = result?;
    summary(&cfg, printer, stop, &counts);
    // A registration that could not be deleted fails the run, whatever else happened.
    cleanup?;
    Ok(match stop {
        Stop::ExpectReached => Outcome::Success,
        Stop::Invalid => Outcome::InvalidSignature,
        // The sender is not to blame: a configuration error (3), not "signature invalid" (8).
        Stop::UnusableSecret => {
            let problem =
                counts.unusable.unwrap_or_else(|| "no signing secret can verify the requests".into());
            return Err(
                crate::config::ConfigError::BadSecret { which: "a signing secret".into(), problem }.into()
            );
        }
        Stop::Timeout if cfg.expect.is_some() => Outcome::TimedOut,
        Stop::Timeout => Outcome::Success,
        // An unmet --expect must not look like success to CI.
        Stop::Signal if cfg.expect.is_some() => Outcome::Interrupted,
        Stop::Signal => Outcome::Success,
    })
}

fn summary(cfg: &Config, printer: &Printer, stop: Stop, c: &Counts) {
    let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
    let mut text = format!(
        "stopped: {} requests ({} valid, {} invalid, {} unverified)",
        get(&c.received),
        get(&c.valid),
        get(&c.invalid),
        get(&c.unverified)
    );
    if let Some(path) = &cfg.capture {
        text.push_str(&format!(
            ", {} captured to {}",
            get(&c.captured),
            crate::output::sanitize::sanitize_line(&path.display().to_string())
        ));
    }
    printer.info(&text);
    if cfg.display == DisplayMode::Json {
        printer.json_line(&json!({"type": "summary", "data": {
            "stop": match stop {
                Stop::Signal => "signal",
                Stop::ExpectReached => "expect_reached",
                Stop::Invalid => "invalid_signature",
                Stop::UnusableSecret => "unusable_secret",
                Stop::Timeout => "timeout",
            },
            "received": get(&c.received),
            "valid": get(&c.valid),
            "invalid": get(&c.invalid),
            "unverified": get(&c.unverified),
            "captured": get(&c.captured),
            "counted": get(&c.counted),
        }}));
    }
    let counted = get(&c.counted);
    match (stop, cfg.expect) {
        (Stop::ExpectReached, Some(n)) => printer.success(&format!("{n} expected deliveries arrived")),
        (Stop::Timeout, Some(n)) => printer.failed(
            &format!(
                "timed out after {}: {counted} of {n} expected deliveries arrived",
                humantime::format_duration(cfg.timeout.unwrap_or_default())
            ),
            &[],
            ["check that the sender posts to this listener's URL; a longer --timeout may help"],
        ),
        (Stop::Invalid, _) => printer.failed(
            "a request with an invalid signature arrived",
            &[],
            ["check the signing secret; --allow-invalid keeps listening after bad signatures"],
        ),
        (Stop::Signal, Some(n)) => {
            printer.failed(&format!("interrupted: {counted} of {n} expected deliveries arrived"), &[], [])
        }
        _ => {}
    }
}

async fn serve(
    cfg: Config,
    loops: usize,
    capture: Option<Capture>,
    forwarder: Option<Forwarder>,
    display: Option<DisplayHandle>,
    printer: Printer,
) -> Result<(Stop, Counts, Result<()>)> {
    let mut cfg = cfg;
    let listener = bind(&cfg.host, cfg.port).await?;
    let addr = listener.local_addr().map_err(|e| Error::io("cannot read the bound address", e))?;
    // Bound before a tunnel or registration starts: a taken inspector port fails early.
    let ui_bound = match &cfg.ui {
        Some(ui_cfg) => Some(ui::bind(ui_cfg).await?),
        None => None,
    };
    let (stop_tx, _) = watch::channel(None);
    {
        // Watched before the exposure starts: a Ctrl-C during registration still cleans up.
        let tx = stop_tx.clone();
        let signal = wait_for_signal();
        tokio::spawn(async move {
            signal.await;
            request_stop(&tx, Stop::Signal);
        });
    }
    let url = local_url(&cfg, addr);
    let exposure = cfg.exposure.clone();
    let exposed = match &exposure {
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
    cfg.secrets.extend(exposed.secrets.iter().cloned());
    let ui = ui_bound.map(|bound| {
        let settings = ui::Settings {
            secrets: cfg.secrets.clone(),
            scheme: cfg.scheme,
            tolerance: TOLERANCE_SECS,
            capture: cfg.capture.clone(),
            forward_timeout: cfg.forward_timeout,
            listen_base: base_url(&cfg.host, addr.port()),
            header_timeout: cfg.header_timeout,
        };
        let ui = Arc::new(Ui::new(&bound, settings));
        ui.serve(bound);
        ui
    });
    announce(&cfg, &printer, &url, addr.port(), &exposed, ui.as_deref());
    let served = serve_bound(cfg, loops, listener, capture, forwarder, display, ui, printer, stop_tx).await;
    let cleanup = match &exposure {
        Some(e) => e.stop().await,
        None => Ok(()),
    };
    let (stop, counts) = served?;
    Ok((stop, counts, cleanup))
}

#[allow(clippy::too_many_arguments)]
async fn serve_bound(
    cfg: Config,
    loops: usize,
    listener: TcpListener,
    capture: Option<Capture>,
    forwarder: Option<Forwarder>,
    display: Option<DisplayHandle>,
    ui: Option<Arc<Ui>>,
    printer: Printer,
    stop_tx: watch::Sender<Option<Stop>>,
) -> Result<(Stop, Counts)> {
    let run_tag = format!("{:08x}", rand::random::<u32>());
    let state = Arc::new(State {
        capture,
        forwarder,
        display,
        ui,
        printer,
        seen: Mutex::default(),
        counted_ids: Mutex::default(),
        lanes: Default::default(),
        loops: loops as u64,
        counted: AtomicU64::new(0),
        unusable: Mutex::default(),
        run_tag,
        stop: stop_tx,
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
    // Each connection task holds a clone; when all are dropped every connection has ended.
    let (alive_tx, mut alive_rx) = mpsc::channel::<()>(1);
    let (done_tx, done_rx) = watch::channel(false);
    let (second, second_thread) = match loops {
        1 => (None, None),
        _ => {
            let (tx, thread) = second_loop(state.clone(), alive_tx.clone(), done_rx)?;
            (Some(tx), Some(thread))
        }
    };
    accept_until_stop(listener, &state, &alive_tx, second).await;
    drop(alive_tx);
    // In-flight requests finish (forwarding included); a connection that still hangs after the
    // grace period is cut: its request was never acknowledged.
    let grace = state.cfg.forward_timeout.max(state.cfg.body_timeout).saturating_add(Duration::from_secs(2));
    let _ = tokio::time::timeout(grace, alive_rx.recv()).await;
    // The second loop may own pooled forward connections: it stops only now.
    let _ = done_tx.send(true);
    if let Some(h) = second_thread {
        let _ = tokio::task::spawn_blocking(move || h.join()).await;
    }

    let stop = (*state.stop.borrow()).unwrap_or(Stop::Signal);
    let sum = |f: fn(&Counts) -> &AtomicU64| {
        AtomicU64::new(state.lanes.iter().map(|l| f(&l.counts).load(Ordering::Relaxed)).sum())
    };
    let counts = Counts {
        received: sum(|c| &c.received),
        valid: sum(|c| &c.valid),
        invalid: sum(|c| &c.invalid),
        unverified: sum(|c| &c.unverified),
        captured: sum(|c| &c.captured),
        counted: AtomicU64::new(state.counted.load(Ordering::Relaxed)),
        unusable: state.unusable.lock().ok().and_then(|u| u.clone()),
    };
    Ok((stop, counts))
}

/// Accepts connections until a stop is requested, then closes the listener. Each connection
/// runs on the event loop with fewer open connections: this one (lane 0) or, when there is one,
/// the `second` (lane 1). Each connection task holds a clone of `alive`, so the caller can wait
/// for all of them to end.
async fn accept_until_stop(
    listener: TcpListener,
    state: &Arc<State>,
    alive: &mpsc::Sender<()>,
    second: Option<mpsc::UnboundedSender<std::net::TcpStream>>,
) {
    let lane = Arc::new(Lane { state: state.clone(), index: 0 });
    let mut stop_rx = state.stop.subscribe();
    loop {
        tokio::select! {
            biased;
            _ = stop_rx.wait_for(|s| s.is_some()) => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    let busy = |lane: usize| state.lanes[lane].open.load(Ordering::Relaxed);
                    // Both loops accepting from one socket split connections unevenly (whichever
                    // was awake took a burst), which left one core idle under load.
                    match &second {
                        Some(tx) if busy(1) < busy(0) => {
                            if let Ok(std_stream) = stream.into_std() {
                                let _ = tx.send(std_stream);
                            }
                        }
                        _ => {
                            tokio::spawn(connection(lane.clone(), stream, alive.clone()));
                        }
                    }
                }
                // Out of file descriptors or a connection reset before accept: keep serving the
                // others, and give the OS a moment instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
        }
    }
}

/// A second single-threaded runtime on its own thread serving the connections handed to it:
/// two event loops, one per core, each batching its own capture lines, without the
/// work-stealing scheduler's cross-thread wake-ups.
/// Its connections count in `alive` like the main loop's; it runs until `done` (after every
/// connection has ended), so no task is cut by its runtime going away.
fn second_loop(
    state: Arc<State>,
    alive: mpsc::Sender<()>,
    mut done: watch::Receiver<bool>,
) -> Result<(mpsc::UnboundedSender<std::net::TcpStream>, std::thread::JoinHandle<()>)> {
    let (tx, mut rx) = mpsc::unbounded_channel::<std::net::TcpStream>();
    let rt = runtime()?;
    let lane = Arc::new(Lane { state, index: 1 });
    let handle = std::thread::Builder::new()
        .name("hookctl-listen-2".into())
        .spawn(move || {
            rt.block_on(async move {
                // Ends when the acceptor stops (it drops the sender).
                while let Some(std_stream) = rx.recv().await {
                    if let Ok(stream) = tokio::net::TcpStream::from_std(std_stream) {
                        tokio::spawn(connection(lane.clone(), stream, alive.clone()));
                    }
                }
                drop(alive);
                let _ = done.wait_for(|d| *d).await;
            })
        })
        .map_err(|e| Error::Internal(format!("cannot start a listener thread: {e}")))?;
    Ok((tx, handle))
}

/// One event loop per core, at most two (measured: more loops than cores only add switches).
fn event_loops() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(2)
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the async runtime: {e}")))
}

pub(crate) async fn bind(host: &str, port: u16) -> Result<TcpListener> {
    let target = if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    TcpListener::bind(&target).await.map_err(|e| {
        let hint = match e.kind() {
            std::io::ErrorKind::AddrInUse => {
                "another program uses this port; pick one with --port, or --port 0"
            }
            _ => "check --host and --port (--port 0 picks a free port)",
        };
        Error::usage_hint(format!("cannot listen on {target}: {e}"), hint)
    })
}

fn local_url(cfg: &Config, addr: SocketAddr) -> String {
    format!("{}{}", base_url(&cfg.host, addr.port()), cfg.path.as_deref().unwrap_or("/"))
}

/// The ready signal: scripts wait for this line instead of sleeping. The inspector's address
/// comes first, so it is known once the ready line is seen.
fn announce(cfg: &Config, printer: &Printer, url: &str, port: u16, exposed: &Exposed, ui: Option<&Ui>) {
    let ui_url = ui.map(Ui::url);
    if printer.is_json() || cfg.display == DisplayMode::Json {
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
        printer.info(&format!("forwarding {} → {}", r.pattern, crate::output::secret::redact_url(&r.url)));
    }
}

/// `http://HOST:PORT`, an IPv6 host in brackets.
fn base_url(host: &str, port: u16) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("http://[{host}]:{port}")
    } else {
        format!("http://{host}:{port}")
    }
}

/// Ctrl-C or SIGTERM. The handlers are installed when this is called, not when the future is
/// first polled: a signal sent right after the ready line must stop the server cleanly instead of
/// killing it with the default action (a race tests hit under load).
pub(crate) fn wait_for_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let term = signal(SignalKind::terminate()).ok();
        let int = signal(SignalKind::interrupt()).ok();
        async move {
            // A handler that could not be installed keeps the default (kill) behaviour.
            let next = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = next(term) => {}
                _ = next(int) => {}
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

async fn connection(lane: Arc<Lane>, stream: tokio::net::TcpStream, _alive: mpsc::Sender<()>) {
    let state = &lane.state;
    let open = &state.lanes[lane.index].open;
    open.fetch_add(1, Ordering::Relaxed);
    let _open = OpenGuard(open);
    let mut stop = state.stop.subscribe();
    let ln = lane.clone();
    let service = hyper::service::service_fn(move |req| {
        let ln = ln.clone();
        async move { Ok::<_, Infallible>(handle(ln, req).await) }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    // The header timer also runs while a keep-alive connection waits for its next request, so
    // it bounds idle connections too: a slow or silent client cannot hold a slot.
    builder.timer(TokioTimer::new()).header_read_timeout(state.cfg.header_timeout);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        res = conn.as_mut() => {
            if let Err(e) = res {
                state.show_malformed(&e).await;
            }
        }
        // The watch guard must not live across the await below (it is not Send).
        _ = async { let _ = stop.wait_for(|s| s.is_some()).await; } => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}

/// Counts a connection as open on its event loop until it ends.
struct OpenGuard<'a>(&'a AtomicU64);

impl Drop for OpenGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

const TEXT: &str = "text/plain; charset=utf-8";

/// When a request arrived: RFC 3339 UTC with microseconds (`2026-11-23T14:20:00.123456Z`),
/// formatted on the stack, and the Unix time the signature tolerance is checked against.
struct Stamp {
    text: [u8; 27],
    unix: i64,
}

impl Stamp {
    fn now() -> Stamp {
        Stamp::at(time::OffsetDateTime::now_utc())
    }

    fn at(t: time::OffsetDateTime) -> Stamp {
        let mut text = *b"0000-00-00T00:00:00.000000Z";
        let mut put = |at: usize, width: usize, mut n: u32| {
            for i in (at..at + width).rev() {
                text[i] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        put(0, 4, t.year().clamp(0, 9999) as u32);
        put(5, 2, u8::from(t.month()).into());
        put(8, 2, t.day().into());
        put(11, 2, t.hour().into());
        put(14, 2, t.minute().into());
        put(17, 2, t.second().into());
        put(20, 6, t.microsecond());
        Stamp { text, unix: t.unix_timestamp() }
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits and separators are ever written.
        std::str::from_utf8(&self.text).unwrap_or_default()
    }
}

/// A request as it arrived: its id and time, and the head borrowed from hyper (nothing is
/// copied per request unless it is displayed).
struct Arrival<'a> {
    id: String,
    stamp: Stamp,
    method: &'a str,
    path: &'a str,
    query: Option<&'a str>,
    headers: Vec<HeaderRef<'a>>,
}

/// What verifying found.
struct Check {
    verdict: Verdict,
    scheme: Option<&'static str>,
    reason: Option<sign::Reason>,
    /// The reason as text (answer, capture, display).
    reason_text: Option<String>,
    /// 1-based position of the secret that matched, when several are configured (rotation).
    secret: Option<usize>,
}

/// The answer to the sender, and what forwarding did.
struct Answer {
    status: u16,
    content_type: Cow<'static, str>,
    body: Bytes,
    forwarded_to: Option<String>,
    forward_error: Option<String>,
    /// `status`, `content_type` and `body` are the forward target's answer.
    from_target: bool,
}

impl Answer {
    fn text(status: u16, body: String) -> Answer {
        Answer {
            status,
            content_type: TEXT.into(),
            body: Bytes::from(body),
            forwarded_to: None,
            forward_error: None,
            from_target: false,
        }
    }

    fn into_response(self) -> Response<Full<Bytes>> {
        let mut resp = Response::new(Full::new(self.body));
        *resp.status_mut() = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_GATEWAY);
        let content_type = match self.content_type {
            Cow::Borrowed("") => None,
            Cow::Borrowed(s) => Some(HeaderValue::from_static(s)),
            Cow::Owned(s) => HeaderValue::try_from(s).ok().filter(|v| !v.is_empty()),
        };
        if let Some(v) = content_type {
            resp.headers_mut().insert(CONTENT_TYPE, v);
        }
        resp
    }
}

/// Why a body was not read.
enum BodyError {
    TooLarge,
    TimedOut,
    Broken(String),
}

/// The request's steps: read, verify, forward (or answer 401/200), capture, count toward
/// `--expect`, display, answer.
async fn handle(ln: Arc<Lane>, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let st = &ln.state;
    let cfg = &st.cfg;
    let counts = &st.lanes[ln.index].counts;
    let (parts, mut body) = req.into_parts();
    let arrival = st.arrive(ln.index, &parts);
    counts.received.fetch_add(1, Ordering::Relaxed);

    let Some(suffix) = super::strip_prefix(cfg.path.as_deref(), arrival.path) else {
        let prefix = cfg.path.clone().unwrap_or_default();
        // Like a refused body below: the 404 must reach a client still sending its body.
        if !parts.headers.contains_key(hyper::header::EXPECT) {
            linger(body);
        }
        return st
            .reject(&arrival, StatusCode::NOT_FOUND, format!("not found: this listener only serves {prefix}"))
            .await;
    };
    let body = match read_body(cfg, &parts.headers, &mut body).await {
        Ok(b) => b,
        Err(e) => {
            let (status, reason) = match e {
                BodyError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, too_large(cfg.max_body)),
                BodyError::TimedOut => {
                    (StatusCode::REQUEST_TIMEOUT, "request body not received in time".into())
                }
                BodyError::Broken(e) => {
                    (StatusCode::BAD_REQUEST, format!("cannot read the request body: {e}"))
                }
            };
            if !parts.headers.contains_key(hyper::header::EXPECT) {
                linger(body);
            }
            return st.reject(&arrival, status, reason).await;
        }
    };

    let check = st.verify(&arrival, &body);
    match check.verdict {
        Verdict::Valid => &counts.valid,
        Verdict::Invalid => &counts.invalid,
        _ => &counts.unverified,
    }
    .fetch_add(1, Ordering::Relaxed);
    let event_type = super::event_type(&arrival.headers, &body);
    let delivery = super::delivery_id(&arrival.headers);
    let duplicate = match delivery {
        Some(d) => st.seen.lock().map(|mut s| s.check(d)).unwrap_or(false),
        None => false,
    };

    let mut answer = match check.verdict {
        Verdict::Invalid => Answer::text(
            401,
            format!("invalid signature: {}\n", check.reason_text.as_deref().unwrap_or_default()),
        ),
        _ => st.forward(&arrival, suffix, event_type.as_deref(), &body).await,
    };
    // Capture before answering: acknowledged ⇒ captured.
    if let Err(e) =
        st.capture(ln.index, &arrival, &body, &check, answer.status, event_type.as_deref(), duplicate).await
    {
        st.printer.warn(&format!("request {} not captured: {e}", arrival.id));
        // Not stored ⇒ not acknowledged: the sender will retry.
        answer = Answer {
            forwarded_to: answer.forwarded_to,
            ..Answer::text(500, format!("capture failed: {e}\n"))
        };
    }
    st.count_expected(&check, answer.status, event_type.as_deref(), delivery);
    if let Some(ui) = &st.ui {
        ui.record(&ui::Seen {
            verdict: check.verdict,
            scheme: check.scheme,
            reason: check.reason.as_ref(),
            event_type: event_type.as_deref(),
            duplicate,
            secret: check.secret,
            forwarded_to: answer.forwarded_to.as_deref(),
            forward_error: answer.forward_error.as_deref(),
            answer: answer.from_target.then_some((answer.status, &*answer.content_type, &answer.body)),
            ..arrival.seen(answer.status, &body)
        });
    }
    if let Some(d) = &st.display {
        let mut shown = arrival.shown(check.verdict, answer.status, body.len());
        shown.event_type = event_type;
        shown.secret = check.secret;
        shown.scheme = check.scheme.map(str::to_string);
        shown.reason = check.reason_text;
        shown.duplicate = duplicate;
        shown.forwarded_to = answer.forwarded_to.take();
        shown.forward_error = answer.forward_error.take();
        shown.body = body;
        d.show(shown).await;
    }
    answer.into_response()
}

impl State {
    fn arrive<'a>(&self, lane: usize, parts: &'a hyper::http::request::Parts) -> Arrival<'a> {
        // Unique across both loops: loop i numbers i+1, i+1+n, … (n loops).
        let seq = self.lanes[lane].seq.fetch_add(1, Ordering::Relaxed) * self.loops + lane as u64 + 1;
        Arrival {
            id: format!("req_{}_{seq:06}", self.run_tag),
            stamp: Stamp::now(),
            method: parts.method.as_str(),
            path: parts.uri.path(),
            query: parts.uri.query(),
            headers: parts.headers.iter().map(|(k, v)| HeaderRef::new(k.as_str(), v.as_bytes())).collect(),
        }
    }

    /// Answers before the request was read (404, 408, 413, 400), shown but not captured.
    async fn reject(
        &self,
        arrival: &Arrival<'_>,
        status: StatusCode,
        reason: String,
    ) -> Response<Full<Bytes>> {
        if let Some(ui) = &self.ui {
            let nothing = Bytes::new();
            ui.record(&ui::Seen { refusal: Some(&reason), ..arrival.seen(status.as_u16(), &nothing) });
        }
        if let Some(d) = &self.display {
            let mut shown = arrival.shown(Verdict::Rejected, status.as_u16(), 0);
            shown.reason = Some(reason.clone());
            d.show(shown).await;
        }
        Answer::text(status.as_u16(), format!("{reason}\n")).into_response()
    }

    fn verify(&self, arrival: &Arrival, body: &[u8]) -> Check {
        let cfg = &self.cfg;
        if cfg.secrets.is_empty() {
            let scheme = cfg.scheme.or_else(|| sign::detect(&arrival.headers)).map(|s| s.name());
            return Check {
                verdict: Verdict::Unverified,
                scheme,
                reason: None,
                reason_text: None,
                secret: None,
            };
        }
        let opts = sign::VerifyOptions { now: arrival.stamp.unix, tolerance: TOLERANCE_SECS };
        match sign::verify(cfg.scheme, &cfg.secrets, &arrival.headers, body, opts) {
            sign::Verdict::Valid { scheme, secret_index } => Check {
                verdict: Verdict::Valid,
                scheme: Some(scheme.name()),
                reason: None,
                reason_text: None,
                secret: (cfg.secrets.len() > 1).then_some(secret_index + 1),
            },
            sign::Verdict::Invalid { scheme, reason } => Check {
                verdict: Verdict::Invalid,
                scheme: scheme.map(|s| s.name()),
                reason_text: Some(reason.to_string()),
                reason: Some(reason),
                secret: None,
            },
        }
    }

    /// The forward target's answer (502/504 when it has none), or our own 200 when no route
    /// takes this event.
    async fn forward(
        &self,
        arrival: &Arrival<'_>,
        suffix: &str,
        event_type: Option<&str>,
        body: &Bytes,
    ) -> Answer {
        let route =
            self.forwarder.as_ref().and_then(|f| Some((f, forward::pick(&self.cfg.routes, event_type)?)));
        let Some((fwd, route)) = route else {
            let ok = format!("{{\"ok\":true,\"id\":\"{}\"}}", arrival.id);
            return Answer { content_type: "application/json".into(), ..Answer::text(200, ok) };
        };
        let target = forward::target_url(&route.url, suffix, arrival.query);
        // Shown, captured and told to the sender without a password the URL may carry.
        let url = crate::output::secret::redact_url(&target).into_owned();
        let mut answer = match fwd.send(arrival.method, &target, &arrival.headers, body.clone()).await {
            Forwarded::Answer { status, content_type, body } => Answer {
                status,
                content_type: content_type.unwrap_or_default().into(),
                body,
                forwarded_to: None,
                forward_error: None,
                from_target: true,
            },
            Forwarded::Unreachable(why) => {
                let msg = format!("forward target {url} unreachable: {why}\n");
                Answer { forward_error: Some(why), ..Answer::text(502, msg) }
            }
            Forwarded::TimedOut => {
                let msg = format!(
                    "forward target {url} did not answer within {}\n",
                    humantime::format_duration(self.cfg.forward_timeout)
                );
                Answer { forward_error: Some("timed out".into()), ..Answer::text(504, msg) }
            }
        };
        answer.forwarded_to = Some(url);
        answer
    }

    #[allow(clippy::too_many_arguments)]
    async fn capture(
        &self,
        lane: usize,
        arrival: &Arrival<'_>,
        body: &[u8],
        check: &Check,
        status: u16,
        event_type: Option<&str>,
        duplicate: bool,
    ) -> std::result::Result<(), String> {
        let Some(cap) = &self.capture else { return Ok(()) };
        let mut rec = RecordRef {
            id: &arrival.id,
            received_at: arrival.stamp.as_str(),
            method: arrival.method,
            path: arrival.path,
            query: arrival.query,
            headers: &arrival.headers,
            body: None,
            body_base64: None,
            verdict: check.verdict,
            scheme: check.scheme,
            reason: check.reason_text.as_deref(),
            status,
            event_type,
            duplicate,
        };
        rec.set_body(body);
        cap.write_ref(lane, &rec).await?;
        self.lanes[lane].counts.captured.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// `--expect`: counts a delivery that was acknowledged, and stops when enough arrived or
    /// a bad signature did.
    fn count_expected(&self, check: &Check, status: u16, event_type: Option<&str>, delivery: Option<&str>) {
        let Some(n) = self.cfg.expect else { return };
        let verdict = check.verdict;
        let counts_toward = (200..300).contains(&status)
            && verdict != Verdict::Invalid
            && match self.cfg.filter.as_deref() {
                None => true,
                Some(f) => event_type.is_some_and(|t| crate::pattern::matches(f, t)),
            };
        // A retried delivery (same id) counts once.
        let first_time = match delivery {
            Some(d) if counts_toward => {
                self.counted_ids.lock().map(|mut s| s.insert(d.to_string())).unwrap_or(true)
            }
            _ => counts_toward,
        };
        if counts_toward && first_time {
            let c = self.counted.fetch_add(1, Ordering::Relaxed) + 1;
            if c >= n {
                self.request_stop(Stop::ExpectReached);
            }
        }
        if verdict == Verdict::Invalid && !self.cfg.allow_invalid {
            match &check.reason {
                Some(sign::Reason::Unusable(why)) => {
                    let scheme = check.scheme.unwrap_or("signed");
                    if let Ok(mut u) = self.unusable.lock() {
                        u.get_or_insert_with(|| {
                            format!("{scheme} requests cannot be verified with it ({why})")
                        });
                    }
                    self.request_stop(Stop::UnusableSecret);
                }
                _ => self.request_stop(Stop::Invalid),
            }
        }
    }
}

impl State {
    /// hyper answers a request it cannot parse (400, 431, 414) before any handler runs: show
    /// that it happened, as for the other refused requests.
    async fn show_malformed(&self, e: &hyper::Error) {
        let Some(d) = &self.display else { return };
        if !e.is_parse() || e.is_parse_version_h2() {
            return;
        }
        // hyper's message is the only thing that tells 414 from 431.
        let status = if e.to_string().contains("URI too long") {
            414
        } else if e.is_parse_too_large() {
            431
        } else {
            400
        };
        let mut shown = Shown::new("-".into(), Stamp::now().as_str().into(), "-".into(), "-".into(), None);
        shown.reason = Some(format!("malformed request: {e}"));
        shown.status = status;
        d.show(shown).await;
    }
}

impl<'a> Arrival<'a> {
    /// The inspector's view, as refused (`Verdict::Rejected`) until the caller says more.
    fn seen<'s>(&'s self, status: u16, body: &'s Bytes) -> ui::Seen<'s>
    where
        'a: 's,
    {
        ui::Seen {
            id: &self.id,
            received_at: self.stamp.as_str(),
            received_unix: self.stamp.unix,
            method: self.method,
            path: self.path,
            query: self.query,
            headers: &self.headers,
            body,
            verdict: Verdict::Rejected,
            scheme: None,
            reason: None,
            refusal: None,
            status,
            event_type: None,
            duplicate: false,
            secret: None,
            forwarded_to: None,
            forward_error: None,
            answer: None,
        }
    }

    fn shown(&self, verdict: Verdict, status: u16, size: usize) -> Shown {
        let mut shown = Shown::new(
            self.id.clone(),
            self.stamp.as_str().into(),
            self.method.into(),
            self.path.into(),
            self.query.map(str::to_string),
        );
        shown.verdict = verdict;
        shown.status = status;
        shown.size = size;
        shown
    }
}

/// Reads the body within `--max-body` and `--body-timeout`. A declared length over the limit
/// is refused before reading anything.
async fn read_body(
    cfg: &Config,
    headers: &hyper::HeaderMap,
    body: &mut Incoming,
) -> std::result::Result<Bytes, BodyError> {
    let declared = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > cfg.max_body as u64) {
        return Err(BodyError::TooLarge);
    }
    // A deadline too far to represent is no deadline.
    let deadline = tokio::time::Instant::now().checked_add(cfg.body_timeout);
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut len = 0usize;
    loop {
        let frame = match deadline {
            Some(d) => tokio::time::timeout_at(d, body.frame()).await.map_err(|_| BodyError::TimedOut)?,
            None => body.frame().await,
        };
        let data = match frame {
            None => break,
            Some(Err(e)) => return Err(BodyError::Broken(e.to_string())),
            Some(Ok(frame)) => match frame.into_data() {
                Ok(data) => data,
                Err(_) => continue, // trailers
            },
        };
        len += data.len();
        if len > cfg.max_body {
            return Err(BodyError::TooLarge);
        }
        chunks.push(data);
    }
    Ok(match chunks.len() {
        0 => Bytes::new(),
        1 => chunks.remove(0),
        _ => Bytes::from(chunks.concat()),
    })
}

/// How much of a refused body is read and thrown away, and for how long, so that clients that
/// send the whole body before reading (Python's `http.client`, many SDKs) get the answer
/// instead of a reset connection — a web server's lingering close.
const LINGER_BYTES: usize = 16 << 20;
const LINGER_TIME: Duration = Duration::from_secs(5);

/// Reads and discards the rest of a refused body in the background: hyper sends the answer
/// meanwhile, and closes the connection when this gives up.
fn linger(mut body: Incoming) {
    if body.is_end_stream() {
        return;
    }
    tokio::spawn(async move {
        let deadline = tokio::time::Instant::now() + LINGER_TIME;
        let mut left = LINGER_BYTES;
        while let Ok(Some(Ok(frame))) = tokio::time::timeout_at(deadline, body.frame()).await {
            let n = frame.data_ref().map_or(0, Bytes::len);
            if n >= left {
                break;
            }
            left -= n;
        }
    });
}

fn too_large(max: usize) -> String {
    format!("request body larger than {max} bytes (raise --max-body)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_is_rfc3339_utc_with_microseconds() {
        let t = time::macros::datetime!(2026-03-04 05:06:07.089_012_345 UTC);
        let s = Stamp::at(t);
        assert_eq!(s.as_str(), "2026-03-04T05:06:07.089012Z");
        assert_eq!(s.unix, t.unix_timestamp());
        let now = Stamp::now();
        let parsed =
            time::OffsetDateTime::parse(now.as_str(), &time::format_description::well_known::Rfc3339)
                .unwrap();
        assert_eq!(parsed.unix_timestamp(), now.unix);
    }

    #[test]
    fn dedup_flags_repeats_and_forgets_the_oldest() {
        let mut d = Dedup::default();
        assert!(!d.check("msg_1"));
        assert!(d.check("msg_1"));
        for i in 0..DEDUP_WINDOW {
            d.check(&format!("other_{i}"));
        }
        assert!(!d.check("msg_1"), "forgotten after {DEDUP_WINDOW} newer ids");
    }
}
