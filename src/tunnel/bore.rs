//! A bore tunnel (the `bore-cli` crate's protocol): a public port on a bore server whose
//! connections are spliced, byte for byte, to the local listener; reconnects with backoff.
//!
//! The control loop is ours, on the crate's protocol types (`Delimited`, the messages, the
//! `Authenticator`): `bore_cli::client::Client::listen` cannot tell a silent server from an
//! idle one (no heartbeat deadline) and leaves Nagle on for the spliced streams.

use std::net::SocketAddr;
use std::time::Duration;

use bore_cli::auth::Authenticator;
use bore_cli::shared::{ClientMessage, Delimited, ServerMessage, CONTROL_PORT, NETWORK_TIMEOUT};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::api::ApiError;
use crate::output::Printer;
use crate::secret::Secret;
use crate::Error;

/// The server sends a heartbeat every 500 ms; this long without one means the link is gone
/// even when no FIN arrived (a NAT forgot us, the server's host vanished).
const HEARTBEAT_DEADLINE: Duration = Duration::from_secs(8);
/// How long closing waits for spliced connections still copying an answer to the sender.
const SPLICE_GRACE: Duration = Duration::from_secs(3);
/// Reconnect pauses: 250 ms doubling (with jitter) up to this.
const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// `--tunnel bore:HOST[:PORT]`: the bore server and the public port to ask for (0 = any).
/// The control port is 7835, fixed by the protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub host: String,
    pub port: u16,
}

impl Spec {
    pub fn parse(text: &str) -> Result<Spec, String> {
        let rest = text.strip_prefix("bore:").ok_or_else(|| {
            format!(
                "--tunnel '{text}': only bore tunnels are supported (bore:HOST[:PORT], e.g. bore:bore.pub)"
            )
        })?;
        let rest = rest.trim_start_matches("//");
        let (host, port) = match rest.rsplit_once(':') {
            // An IPv6 address without brackets has colons of its own.
            Some((h, p)) if !h.contains(':') || h.ends_with(']') => {
                let port = p
                    .parse::<u16>()
                    .map_err(|_| format!("--tunnel '{text}': '{p}' is not a port number (0-65535)"))?;
                (h, port)
            }
            _ => (rest, 0),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(format!("--tunnel '{text}': the bore server's host is missing (bore:HOST[:PORT])"));
        }
        if host.contains(['/', '@', '?', '#']) || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!(
                "--tunnel '{text}': '{host}' is not a host name or address (bore:HOST[:PORT])"
            ));
        }
        Ok(Spec { host: host.to_string(), port })
    }

    /// `http://HOST:PORT` for a public port of this server.
    pub fn base_url(&self, port: u16) -> String {
        if self.host.contains(':') {
            format!("http://[{}]:{port}", self.host)
        } else {
            format!("http://{}:{port}", self.host)
        }
    }
}

/// An open tunnel; the control loop runs until [`Tunnel::close`] (or the runtime ends).
#[derive(Debug)]
pub struct Tunnel {
    task: JoinHandle<()>,
    /// Ends (`None`) once the control loop and every spliced connection are gone.
    spliced: tokio::sync::mpsc::Receiver<()>,
    /// The public port while the tunnel is up, `None` while it reconnects.
    port: watch::Receiver<Option<u16>>,
    spec: Spec,
}

impl Tunnel {
    /// Connects to the bore server and starts forwarding its public port to `local`.
    /// A first connection that fails is an error (exit 5, or 3 for a secret problem); later
    /// drops are reported on stderr and reconnected.
    pub async fn open(
        spec: Spec,
        secret: Option<Secret>,
        local: SocketAddr,
        path: String,
        printer: Printer,
    ) -> crate::Result<Tunnel> {
        let auth = secret.map(|s| Authenticator::new(s.expose()));
        let has_secret = auth.is_some();
        let (alive, spliced) = tokio::sync::mpsc::channel(1);
        let link = Link { spec: spec.clone(), auth, local, _alive: alive };
        let (conn, port) = link.hello(spec.port).await.map_err(|e| first_failure(&spec, e, has_secret))?;
        let (tx, rx) = watch::channel(Some(port));
        let task = tokio::spawn(link.run(conn, port, tx, path, printer));
        Ok(Tunnel { task, spliced, port: rx, spec })
    }

    /// `http://HOST:PORT` while the tunnel is up.
    pub fn base_url(&self) -> Option<String> {
        (*self.port.borrow()).map(|p| self.spec.base_url(p))
    }

    /// Changes of the public port (`None` while down), for whoever must follow them.
    pub fn watch(&self) -> watch::Receiver<Option<u16>> {
        self.port.clone()
    }

    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Stops taking connections and lets the ones in flight finish (bounded): an answer the
    /// listener already gave must reach the sender before the process exits.
    pub async fn close(mut self) {
        self.task.abort();
        let _ = (&mut self.task).await;
        let _ = tokio::time::timeout(SPLICE_GRACE, self.spliced.recv()).await;
    }
}

/// Why a first connection failed: a secret problem is a configuration error (3), anything
/// else a network error (5).
fn first_failure(spec: &Spec, e: Failure, has_secret: bool) -> Error {
    let message =
        format!("cannot open a tunnel through bore server {}:{CONTROL_PORT}: {}", spec.host, e.text);
    match e.kind {
        FailureKind::Secret => crate::config::ConfigError::Refused {
            message,
            hint: if has_secret {
                // A wrong secret, or an open server that never sends the challenge.
                "check the server's secret (--tunnel-secret or HOOKCTL_TUNNEL_SECRET); an open \
                 server takes none: leave it out"
                    .into()
            } else {
                "pass the server's secret with --tunnel-secret (or HOOKCTL_TUNNEL_SECRET)".into()
            },
        }
        .into(),
        FailureKind::Refused | FailureKind::Network => Error::Api(ApiError::Network {
            message,
            details: Vec::new(),
            hint: Some(match e.kind {
                FailureKind::Refused => {
                    "ask for another public port (bore:HOST:PORT) or any (bore:HOST)".into()
                }
                _ => format!("check that a bore server runs on {} (bore server) and is reachable", spec.host),
            }),
        }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FailureKind {
    /// Connect, timeout or protocol failure.
    Network,
    /// The server needs a secret, or ours is wrong.
    Secret,
    /// The server refused the port (in use, out of its range).
    Refused,
}

#[derive(Debug)]
struct Failure {
    kind: FailureKind,
    text: String,
}

impl Failure {
    fn network(e: impl std::fmt::Display) -> Failure {
        Failure { kind: FailureKind::Network, text: format!("{e:#}") }
    }
}

/// What every control or data connection needs.
struct Link {
    spec: Spec,
    auth: Option<Authenticator>,
    local: SocketAddr,
    /// Held by every task that holds the link (the control loop, each splice).
    _alive: tokio::sync::mpsc::Sender<()>,
}

impl Link {
    /// A connection to the control port, authenticated when the server wants it.
    async fn control(&self) -> Result<Delimited<TcpStream>, Failure> {
        let stream = tokio::time::timeout(
            NETWORK_TIMEOUT,
            TcpStream::connect((self.spec.host.as_str(), CONTROL_PORT)),
        )
        .await
        .map_err(|_| Failure::network("timed out connecting"))?
        .map_err(Failure::network)?;
        let _ = stream.set_nodelay(true);
        let mut conn = Delimited::new(stream);
        if let Some(auth) = &self.auth {
            auth.client_handshake(&mut conn)
                .await
                .map_err(|e| Failure { kind: FailureKind::Secret, text: format!("{e:#}") })?;
        }
        Ok(conn)
    }

    /// Asks for a public port (0 = any) and returns the control connection and the port.
    async fn hello(&self, port: u16) -> Result<(Delimited<TcpStream>, u16), Failure> {
        let mut conn = self.control().await?;
        // A server that rejects the secret sends an error and closes; our Hello, still unread
        // there, turns that close into a reset that can overtake the error. Right after a
        // secret was sent, a lost connection means the secret, not the network.
        let lost = |text: String| match &self.auth {
            Some(_) => Failure {
                kind: FailureKind::Secret,
                text: format!("{text} right after the secret was sent (the server rejected it?)"),
            },
            None => Failure::network(text),
        };
        conn.send(ClientMessage::Hello(port)).await.map_err(|e| lost(format!("{e:#}")))?;
        let answer = match conn.recv_timeout().await {
            Ok(answer) => answer,
            Err(e) if is_lost(&*e) => return Err(lost(format!("{e:#}"))),
            Err(e) => return Err(Failure::network(e)),
        };
        match answer {
            Some(ServerMessage::Hello(p)) => Ok((conn, p)),
            Some(ServerMessage::Error(m)) => {
                // bore's protocol carries only the server's text ("invalid secret", "port
                // already in use", …); the secret case decides between exit 3 and 5.
                let kind = if m.contains("secret") || m.contains("auth") {
                    FailureKind::Secret
                } else {
                    FailureKind::Refused
                };
                Err(Failure { kind, text: format!("the server refused: {m}") })
            }
            Some(ServerMessage::Challenge(_)) => {
                Err(Failure { kind: FailureKind::Secret, text: "the server requires a secret".into() })
            }
            Some(_) => Err(Failure::network("unexpected first message from the server")),
            None => Err(lost("the server closed the connection".into())),
        }
    }

    /// Serves the tunnel, reconnecting after each drop until aborted.
    async fn run(
        self,
        mut conn: Delimited<TcpStream>,
        mut port: u16,
        up: watch::Sender<Option<u16>>,
        path: String,
        printer: Printer,
    ) {
        let link = std::sync::Arc::new(self);
        loop {
            let why = link.clone().session(&mut conn).await;
            up.send_replace(None);
            printer.warn(&format!(
                "tunnel {} dropped ({why}); requests to it fail until it is back — reconnecting",
                link.spec.base_url(port)
            ));
            let mut pause = Duration::from_millis(250);
            // A server that answers but refuses (the fixed public port is taken, the secret
            // changed) will not fix itself: said once per outage, not only at -v.
            let mut said = false;
            let mut failed = |e: Failure| {
                if e.kind == FailureKind::Network || said {
                    printer.debug(&format!("tunnel reconnect failed: {}", e.text));
                } else {
                    said = true;
                    printer.warn(&format!("tunnel reconnect refused: {}; still retrying", e.text));
                }
            };
            let (new_conn, new_port) = loop {
                tokio::time::sleep(jitter(pause)).await;
                pause = (pause * 2).min(MAX_BACKOFF);
                // The same port first, so the public URL (and a registration) stays valid.
                match link.hello(port).await {
                    Ok(ok) => break ok,
                    Err(e) if e.kind == FailureKind::Refused && port != link.spec.port => {
                        match link.hello(link.spec.port).await {
                            Ok(ok) => break ok,
                            Err(e) => failed(e),
                        }
                    }
                    Err(e) => failed(e),
                }
            };
            conn = new_conn;
            let url = link.spec.base_url(new_port);
            if new_port == port {
                printer.always(&format!("tunnel back: {url}{path}"));
            } else {
                printer.always(&format!("tunnel back with a new public URL: {url}{path}"));
                if printer.is_json() {
                    printer.json_line(
                        &serde_json::json!({"type": "public_url", "public_url": format!("{url}{path}")}),
                    );
                }
            }
            port = new_port;
            up.send_replace(Some(port));
        }
    }

    /// Handles the server's messages until the control connection ends; returns why.
    async fn session(self: std::sync::Arc<Self>, conn: &mut Delimited<TcpStream>) -> String {
        loop {
            match tokio::time::timeout(HEARTBEAT_DEADLINE, conn.recv::<ServerMessage>()).await {
                Err(_) => return format!("no heartbeat for {}s", HEARTBEAT_DEADLINE.as_secs()),
                Ok(Err(e)) => return format!("{e:#}"),
                Ok(Ok(None)) => return "the server closed the connection".into(),
                Ok(Ok(Some(ServerMessage::Connection(id)))) => {
                    let link = self.clone();
                    tokio::spawn(async move {
                        // A failed splice drops the sender's connection: it sees an error, not a 2xx.
                        let _ = link.splice(ClientMessage::Accept(id)).await;
                    });
                }
                Ok(Ok(Some(ServerMessage::Error(m)))) => return format!("server error: {m}"),
                Ok(Ok(Some(_))) => {}
            }
        }
    }

    /// Accepts one forwarded connection and copies bytes both ways, untouched.
    async fn splice(&self, accept: ClientMessage) -> Result<(), Failure> {
        let mut remote = self.control().await?;
        remote.send(accept).await.map_err(Failure::network)?;
        let mut local = TcpStream::connect(self.local).await.map_err(Failure::network)?;
        let _ = local.set_nodelay(true);
        let mut parts = remote.into_parts();
        if !parts.read_buf.is_empty() {
            local.write_all(&parts.read_buf).await.map_err(Failure::network)?;
        }
        tokio::io::copy_bidirectional(&mut local, &mut parts.io).await.map_err(Failure::network)?;
        Ok(())
    }
}

/// A connection reset or cut short: not a timeout, not a garbled message. (bore's codec error
/// does not expose the io::Error beneath, so this goes by what it is not.)
fn is_lost(e: &(dyn std::error::Error + 'static)) -> bool {
    !std::iter::successors(Some(e), |e| e.source())
        .any(|c| c.is::<tokio::time::error::Elapsed>() || c.is::<serde_json::Error>())
}

fn jitter(d: Duration) -> Duration {
    d.mul_f64(rand::random::<f64>() * 0.5 + 0.75)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        assert_eq!(Spec::parse("bore:bore.pub").unwrap(), Spec { host: "bore.pub".into(), port: 0 });
        assert_eq!(
            Spec::parse("bore:127.0.0.2:9000").unwrap(),
            Spec { host: "127.0.0.2".into(), port: 9000 }
        );
        assert_eq!(Spec::parse("bore:[::1]:9000").unwrap(), Spec { host: "::1".into(), port: 9000 });
        assert_eq!(Spec::parse("bore:::1").unwrap(), Spec { host: "::1".into(), port: 0 });
        assert!(Spec::parse("ngrok:x").unwrap_err().contains("only bore"));
        assert!(Spec::parse("bore:").unwrap_err().contains("host is missing"));
        assert!(Spec::parse("bore: ").unwrap_err().contains("not a host name"), "a blank host is no host");
        assert!(Spec::parse("bore:a/b").unwrap_err().contains("not a host name"));
        assert!(Spec::parse("bore:u@h:1").unwrap_err().contains("not a host name"));
        assert!(Spec::parse("bore:host:99999").unwrap_err().contains("not a port"));
        assert_eq!(Spec::parse("bore:[::1]:1").unwrap().base_url(5), "http://[::1]:5");
    }
}
