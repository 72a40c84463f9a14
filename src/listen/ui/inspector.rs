//! The inspector's shared state ([`Ui`]) and what it knows about the listener ([`Settings`]):
//! what the API and the explanations read, apart from the server that starts them.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::broadcast;

use super::store::{self, Entry, Store};
use crate::listen::record::Received;
use crate::secret::Secret;
use crate::sign::Scheme;

/// What the inspector needs to know about the listener to explain and replay requests.
pub(crate) struct Settings {
    pub secrets: Vec<Secret>,
    /// The scheme given with `--scheme`, if any (else detected per request).
    pub scheme: Option<Scheme>,
    pub tolerance: u64,
    pub capture: Option<PathBuf>,
    pub forward_timeout: Duration,
    /// The listener's own base URL (`http://127.0.0.1:PORT`), for "copy as curl".
    pub listen_base: String,
    /// `--header-timeout`: the inspector's sockets are bounded like the listener's.
    pub header_timeout: Duration,
    /// The forward routes with their real URLs: what the page shows is redacted, a replay to
    /// the forward target must still send the password.
    pub routes: Vec<crate::listen::forward::Route>,
}

/// The inspector's shared state: the window of requests, the live feed, the per-run token.
pub(crate) struct Ui {
    pub(super) store: Mutex<Store>,
    pub(super) live: broadcast::Sender<Arc<Entry>>,
    pub(super) token: String,
    /// The inspector's own port, for the `Host`/`Origin` checks.
    pub(super) port: u16,
    pub(super) settings: Settings,
}

impl Ui {
    /// The page's address with the token: printed on start and in the JSON ready line.
    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?t={}", self.port, self.token)
    }

    /// Keeps one request in the window and tells the open pages about it.
    pub(crate) fn record(&self, rec: &Received) {
        let entry = Entry {
            seq: 0,
            text: store::Texts::new(&store::Parts {
                id: &rec.id,
                received_at: rec.received_at(),
                method: rec.method,
                path: rec.path,
                query: rec.query,
                event_type: rec.event_type.as_deref(),
                reason: rec.reason.as_deref(),
            }),
            headers: store::RawHeaders::new(rec.headers.iter().map(|h| (h.name, h.raw))),
            body: Bytes::copy_from_slice(&rec.body),
            verdict: rec.verdict,
            scheme: rec.scheme,
            status: rec.status(),
            duplicate: rec.duplicate,
            size: rec.body.len(),
            received_unix: rec.stamp.unix,
            why: rec.why.clone(),
            secret: rec.secret,
            forwarded_to: rec.forwarded_to.clone(),
            forward_error: rec.forward_error.clone(),
            answer: rec.answer.from_target.then(|| {
                let body = &rec.answer.body;
                store::Answered {
                    status: rec.answer.status,
                    content_type: rec.answer.content_type.to_string(),
                    body: Bytes::copy_from_slice(&body[..body.len().min(store::MAX_ANSWER)]),
                    cut: body.len() > store::MAX_ANSWER,
                }
            }),
        };
        let entry = match self.store.lock() {
            Ok(mut s) => s.push(entry),
            Err(_) => return,
        };
        // No page open: no receiver, and the send is a no-op.
        if self.live.receiver_count() > 0 {
            let _ = self.live.send(entry);
        }
    }
}
