//! The runtime owner: the one tokio runtime (built lazily when `lib::run` dispatches a command
//! that needs it) and the single-threaded event loops `listen` serves on. Nothing else in the
//! crate builds a runtime or calls `block_on`.

use crate::{Error, Result};

/// The one multi-threaded runtime, built on first use: `--version`, `sign`, `verify`,
/// `config`, completions and man never start one. Every async command, the sandbox, the
/// listener's control side and the API client run on it.
fn runtime() -> Result<&'static tokio::runtime::Runtime> {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    if let Some(rt) = RUNTIME.get() {
        return Ok(rt);
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the async runtime: {e}")))?;
    Ok(RUNTIME.get_or_init(|| rt))
}

/// Runs a command's future on [`runtime`]; only `lib::run` calls this.
pub(crate) fn block_on<F: std::future::Future>(future: F) -> Result<F::Output> {
    Ok(runtime()?.block_on(future))
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
