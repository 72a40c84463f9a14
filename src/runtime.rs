//! The runtime owner: the one tokio runtime (built lazily when `lib::run` dispatches a command
//! that needs it) and the single-threaded event loops `listen` serves on. Nothing else in the
//! crate builds a runtime or calls `block_on`.

use crate::{Error, Result};

/// Which runtime a command runs on, chosen where commands are dispatched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// Work-stealing, one worker per core: every async command, the sandbox, the API client.
    Shared,
    /// One thread: for `listen`, whose requests are served on its own [`event_loop`]s, so the
    /// runtime only runs the control side (signals, the timeout, a tunnel, the inspector).
    /// Measured idle: 3 threads and 8.6 MB resident instead of 5 threads and 9.8 MB with the
    /// work-stealing runtime beside the loops (the per-request work is the same).
    Control,
}

/// The one runtime, built on first use: `--version`, `sign`, `verify`, `config`, completions
/// and man never start one. One command runs per process, so the first flavour asked for is
/// the runtime's.
fn runtime(flavor: Flavor) -> Result<&'static tokio::runtime::Runtime> {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    if let Some(rt) = RUNTIME.get() {
        return Ok(rt);
    }
    let mut builder = match flavor {
        Flavor::Shared => tokio::runtime::Builder::new_multi_thread(),
        Flavor::Control => tokio::runtime::Builder::new_current_thread(),
    };
    let rt = builder
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the async runtime: {e}")))?;
    Ok(RUNTIME.get_or_init(|| rt))
}

/// Runs a command's future on [`runtime`]; only `lib::run` calls this.
pub(crate) fn block_on<F: std::future::Future>(flavor: Flavor, future: F) -> Result<F::Output> {
    Ok(runtime(flavor)?.block_on(future))
}

/// Starts a single-threaded event loop on a thread of its own and runs `task` on it until it
/// returns. `listen` serves connections on one such loop per core (measured faster on 2 cores
/// than the work-stealing runtime: no cross-thread wake-ups per request); they are started
/// here so that this file stays the only one that drives a runtime.
pub(crate) fn event_loop<F, Fut>(name: &str, task: F) -> Result<std::thread::JoinHandle<()>>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()>,
{
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the async runtime: {e}")))?;
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || rt.block_on(task()))
        .map_err(|e| Error::Internal(format!("cannot start a listener thread: {e}")))
}
