//! Serving an axum router over HTTP/1 the way every hookctl server must (the sandbox and the
//! inspector; `listen` has its own lanes): a header timeout that also closes idle keep-alive
//! connections, so a slow or half-open client cannot hold a socket; accept errors (out of file
//! descriptors) survived; and a stop that lets the requests in flight finish.

use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};

/// Serves `router` until `stop` turns true, then waits for the open connections to finish
/// their requests (idle ones close at once).
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    header_timeout: Duration,
    mut stop: watch::Receiver<bool>,
) {
    // Each connection holds a sender; `recv` ends when the last one is dropped.
    let (alive, mut all_closed) = mpsc::channel::<()>(1);
    loop {
        tokio::select! {
            // The watch guard must not live across an await (it is not Send).
            _ = async { let _ = stop.wait_for(|s| *s).await; } => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    // Without TCP_NODELAY a small answer waits for the previous one's ACK.
                    let _ = stream.set_nodelay(true);
                    let service = TowerToHyperService::new(router.clone());
                    tokio::spawn(connection(stream, service, header_timeout, stop.clone(), alive.clone()));
                }
                // Out of file descriptors, or a connection reset before accept: keep serving
                // the others, and give the OS a moment instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
        }
    }
    drop(listener);
    drop(alive);
    let _ = all_closed.recv().await;
}

async fn connection(
    stream: tokio::net::TcpStream,
    service: TowerToHyperService<Router>,
    header_timeout: Duration,
    mut stop: watch::Receiver<bool>,
    _alive: mpsc::Sender<()>,
) {
    let mut builder = hyper::server::conn::http1::Builder::new();
    // The header timer also runs while a keep-alive connection waits for its next request, so
    // it bounds idle connections too.
    builder.timer(TokioTimer::new()).header_read_timeout(header_timeout);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = async { let _ = stop.wait_for(|s| *s).await; } => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}
