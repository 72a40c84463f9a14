//! [`Stop`]: why a run stops, requested by the handler (`--expect`, a bad signature), the
//! run (signal, `--timeout`) or the caller; the first reason wins.

use tokio::sync::watch;

/// Why a run stopped; the first reason wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// Ctrl-C or SIGTERM.
    Signal,
    ExpectReached,
    Invalid,
    /// A request arrived that no configured secret can verify (see [`crate::sign::Reason::Unusable`]).
    UnusableSecret,
    Timeout,
    /// [`super::Listening::stop`]: the program that started the listener is done with it.
    Requested,
}

/// The first reason wins.
pub(super) fn request_stop(stop: &watch::Sender<Option<Stop>>, why: Stop) {
    stop.send_if_modified(|s| {
        if s.is_none() {
            *s = Some(why);
            true
        } else {
            false
        }
    });
}
