//! The state every route handler and the delivery worker share.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tokio::sync::Notify;

use super::knobs::Knobs;
use super::{attempt_log, recorder, store};
use crate::output::Printer;
use crate::secret::Secret;

/// Shared state of a running sandbox.
pub(crate) struct App {
    pub store: Arc<store::Store>,
    /// Writes attempt outcomes, many per transaction.
    pub recorder: recorder::Recorder,
    pub token: Secret,
    pub knobs: RwLock<Knobs>,
    /// Wakes the worker when something was enqueued.
    pub wake: Notify,
    /// Deliveries being attempted right now (so the worker does not start them twice).
    pub inflight: Mutex<HashSet<String>>,
    /// Delivers through the environment's proxies (`HTTPS_PROXY`…); `direct` never does, for
    /// loopback endpoints.
    pub http: reqwest::Client,
    pub direct: reqwest::Client,
    pub printer: Printer,
    /// Where attempt lines go (`None`: not shown); never blocks.
    pub attempt_log: Option<attempt_log::AttemptLog>,
    pub seed_url: String,
    /// The `--host` the sandbox is bound to, and whether it reaches beyond this machine (then
    /// any `Host` is accepted: it has its own token).
    pub host: String,
    pub exposed: bool,
    pub body_timeout: Duration,
}

impl App {
    pub(crate) fn knobs(&self) -> Knobs {
        self.knobs.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub(crate) fn set_knobs(&self, f: impl FnOnce(&mut Knobs)) -> Knobs {
        let mut k = self.knobs.write().unwrap_or_else(|p| p.into_inner());
        f(&mut k);
        k.clone()
    }

    /// Marks a delivery as being attempted; false when it already is.
    pub(crate) fn claim(&self, id: &str) -> bool {
        self.inflight.lock().unwrap_or_else(|p| p.into_inner()).insert(id.to_string())
    }

    pub(crate) fn release(&self, id: &str) {
        self.inflight.lock().unwrap_or_else(|p| p.into_inner()).remove(id);
    }
}
