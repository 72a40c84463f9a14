//! The event loops ("lanes"): one single-threaded loop per core, at most two, each serving the
//! connections handed to it, without the work-stealing scheduler's cross-thread wake-ups
//! (measured faster on 2 cores). Lane 0 accepts and gives each new connection to the lane
//! with fewer open connections; each lane batches its own capture lines and counts on its own
//! cache line. The loops are an internal detail of a running listener ([`super::Listening`]).

use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, oneshot, watch};

use super::handler::handle;
use super::state::{Lane, State};
use crate::{Error, Result};

/// One event loop per core, at most two (measured: more loops than cores only add switches).
pub(super) fn event_loops() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(2)
}

/// The running loops: what tells that every connection has ended, and what ends the loops.
pub(super) struct Lanes {
    /// Each connection task (and each acceptor) holds a sender; all dropped ⇒ all ended.
    alive: mpsc::Receiver<()>,
    done: watch::Sender<bool>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Lanes {
    /// Starts `state.loops` loops serving `listener` until a stop is requested.
    pub(super) async fn start(listener: std::net::TcpListener, state: Arc<State>) -> Result<Lanes> {
        let (alive_tx, alive) = mpsc::channel::<()>(1);
        let (done, done_rx) = watch::channel(false);
        let mut threads = Vec::new();
        let second = if state.loops > 1 {
            let (tx, rx) = mpsc::unbounded_channel::<std::net::TcpStream>();
            let lane = Arc::new(Lane { state: state.clone(), index: 1 });
            let (alive, done) = (alive_tx.clone(), done_rx.clone());
            threads.push(crate::runtime::event_loop("hookctl-listen-2", move || {
                serve_handed(lane, rx, alive, done)
            })?);
            Some(tx)
        } else {
            None
        };
        let lane = Arc::new(Lane { state, index: 0 });
        let (registered_tx, registered) = oneshot::channel();
        threads.push(crate::runtime::event_loop("hookctl-listen-1", move || async move {
            // The socket joins this loop's reactor: accepting costs no cross-thread wake-up.
            match TcpListener::from_std(listener) {
                Ok(listener) => {
                    let _ = registered_tx.send(Ok(()));
                    accept_until_stop(listener, &lane, &alive_tx, second).await;
                }
                Err(e) => {
                    let _ = registered_tx.send(Err(e));
                }
            }
            drop(alive_tx);
            let mut done = done_rx;
            let _ = done.wait_for(|d| *d).await;
        })?);
        let lanes = Lanes { alive, done, threads };
        match registered.await {
            Ok(Ok(())) => Ok(lanes),
            Ok(Err(e)) => {
                lanes.end().await;
                Err(Error::io("cannot serve on the bound port", e))
            }
            Err(_) => {
                lanes.end().await;
                Err(Error::Internal("the listener's event loop ended at start".into()))
            }
        }
    }

    /// After a stop: in-flight requests finish (forwarding included); a connection that still
    /// hangs after `grace` is cut (its request was never acknowledged). Then the loops end.
    pub(super) async fn shutdown(mut self, grace: Duration) {
        let _ = tokio::time::timeout(grace, self.alive.recv()).await;
        self.end().await;
    }

    async fn end(self) {
        // A loop may own pooled forward connections: loops stop only now.
        let _ = self.done.send(true);
        for t in self.threads {
            let _ = tokio::task::spawn_blocking(move || t.join()).await;
        }
    }
}

/// Lane 1: serves the connections lane 0 hands over until the acceptor stops (it drops the
/// sender), then stays up until `done` so no connection task is cut by the loop going away.
async fn serve_handed(
    lane: Arc<Lane>,
    mut handed: mpsc::UnboundedReceiver<std::net::TcpStream>,
    alive: mpsc::Sender<()>,
    mut done: watch::Receiver<bool>,
) {
    while let Some(std_stream) = handed.recv().await {
        if let Ok(stream) = tokio::net::TcpStream::from_std(std_stream) {
            tokio::spawn(connection(lane.clone(), stream, alive.clone()));
        }
    }
    drop(alive);
    let _ = done.wait_for(|d| *d).await;
}

/// Accepts connections until a stop is requested, then closes the listener. Each connection
/// runs on the event loop with fewer open connections: this one (lane 0) or, when there is one,
/// the `second` (lane 1). Each connection task holds a clone of `alive`, so the caller can wait
/// for all of them to end.
async fn accept_until_stop(
    listener: TcpListener,
    lane: &Arc<Lane>,
    alive: &mpsc::Sender<()>,
    second: Option<mpsc::UnboundedSender<std::net::TcpStream>>,
) {
    let state = &lane.state;
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
