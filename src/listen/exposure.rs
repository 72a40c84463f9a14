//! [`Exposure`]: the start-up and shutdown steps around serving (a tunnel, a temporary
//! registration), implemented outside `listen` (`src/tunnel`).

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;

use crate::secret::Secret;

/// A boxed future borrowing from the hook (the hooks are called through `dyn`).
pub type HookFuture<'a, T> = Pin<Box<dyn Future<Output = crate::Result<T>> + Send + 'a>>;

/// What [`Exposure::start`] adds to the run once the port is bound.
#[derive(Debug, Default)]
pub struct Exposed {
    /// Where the outside world reaches this listener (shown next to the local URL).
    pub public_url: Option<String>,
    /// The temporary endpoint registered at the provider.
    pub endpoint_id: Option<String>,
    /// Signing secrets to verify with, besides the configured ones.
    pub secrets: Vec<Secret>,
}

/// Makes the listener reachable from outside for the run (`src/tunnel`): `start` runs once
/// the port is bound, before the ready line; `stop` runs on every way out, after the last
/// request was answered, and its error becomes the exit status.
pub trait Exposure: std::fmt::Debug + Send + Sync {
    fn start<'a>(&'a self, local: SocketAddr, local_url: &'a str) -> HookFuture<'a, Exposed>;
    fn stop(&self) -> HookFuture<'_, ()>;
}
