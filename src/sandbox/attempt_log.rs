//! The attempt lines on stdout, written by one thread from a bounded queue: a stdout nobody
//! reads (a harness that read the ready line and nothing more) fills the pipe and blocks that
//! thread only — serving and delivering go on, and the lines that do not fit are dropped and
//! counted (said once on stderr, and in `GET /_sandbox/`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::sync::Mutex;
use std::time::Duration;

use crate::output::Printer;

/// Lines waiting for the writer (a few hundred KB at most).
const QUEUE: usize = 1024;

pub(crate) struct AttemptLog {
    queue: Mutex<Option<SyncSender<String>>>,
    /// Ends when the writer has written everything it was given.
    done: Mutex<Option<mpsc::Receiver<()>>>,
    dropped: AtomicU64,
    printer: Printer,
}

impl AttemptLog {
    /// A writer thread for `printer`'s stdout.
    pub(crate) fn start(printer: Printer) -> AttemptLog {
        let (tx, rx) = mpsc::sync_channel::<String>(QUEUE);
        let (done_tx, done_rx) = mpsc::channel();
        let out = printer.clone();
        let spawned = std::thread::Builder::new().name("hookctl-sandbox-out".into()).spawn(move || {
            for text in rx {
                out.lines(&text);
            }
            let _ = done_tx.send(());
        });
        let queue = spawned.is_ok().then_some(tx);
        AttemptLog {
            queue: Mutex::new(queue),
            done: Mutex::new(Some(done_rx)),
            dropped: AtomicU64::new(0),
            printer,
        }
    }

    /// Queues one line (with its newline); never waits.
    pub(crate) fn push(&self, line: String) {
        let queue = self.queue.lock().unwrap_or_else(|p| p.into_inner());
        let Some(tx) = queue.as_ref() else { return };
        match tx.try_send(line) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {
                if self.dropped.fetch_add(1, Ordering::Relaxed) == 0 {
                    // Said from a thread of its own: stderr may be a full pipe as well.
                    let p = self.printer.clone();
                    let _ =
                        std::thread::Builder::new().name("hookctl-sandbox-warn".into()).spawn(move || {
                            p.warn(
                                "stdout is not being read: attempt lines are dropped (deliveries go on; \
                             GET /_sandbox/ counts them as attempt_lines_dropped)",
                            )
                        });
                }
            }
        }
    }

    /// How many lines were dropped because stdout was not read.
    pub(crate) fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// No more lines: waits (at most `grace`) for the queued ones to be written.
    pub(crate) fn close(&self, grace: Duration) {
        self.queue.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(done) = self.done.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = done.recv_timeout(grace);
        }
    }
}
