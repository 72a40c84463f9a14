//! What the two servers (`listen` and the `sandbox`) share about the network: binding a
//! port, the base URL it is reached at, and the Ctrl-C/SIGTERM that stops them.

use tokio::net::TcpListener;

use crate::{Error, Result};

/// Binds `host:port` (`--port 0` picks a free port). A port that cannot be bound is a usage
/// error naming the address, with a hint.
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

/// `http://HOST:PORT`, an IPv6 host in brackets.
pub(crate) fn base_url(host: &str, port: u16) -> String {
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

#[cfg(test)]
mod tests {
    use super::base_url;

    #[test]
    fn ipv6_hosts_are_bracketed() {
        assert_eq!(base_url("127.0.0.1", 80), "http://127.0.0.1:80");
        assert_eq!(base_url("::1", 80), "http://[::1]:80");
        assert_eq!(base_url("[::1]", 80), "http://[::1]:80");
    }
}
