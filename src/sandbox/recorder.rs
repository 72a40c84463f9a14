//! Group commit. Every attempt's outcome must be in the database before anyone hears of it
//! (its claim is released, an API call answers with it, its line is printed): a `kill -9`
//! before the commit leaves the delivery due, to be sent again with the same `webhook-id`.
//! One transaction per attempt made SQLite the bottleneck, so one thread writes them instead,
//! all that arrived while it wrote the last batch in one transaction, and then answers each.

use std::sync::mpsc;
use std::sync::Arc;

use tokio::sync::oneshot;

use super::model::{Attempt, Delivery, EventRow};
use super::store::Store;

/// Most outcomes in one transaction.
const BATCH: usize = 512;

/// One attempt's outcome: the delivery's new state, the attempt, its event-log row.
pub(crate) struct Recorded {
    pub delivery: Delivery,
    pub attempt: Attempt,
    pub event: Option<EventRow>,
}

struct Job {
    record: Recorded,
    done: oneshot::Sender<Result<(), String>>,
}

pub(crate) struct Recorder {
    jobs: mpsc::Sender<Job>,
}

impl Recorder {
    /// Starts the writer thread; it ends when the recorder is dropped.
    pub(crate) fn start(store: Arc<Store>) -> std::io::Result<Recorder> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new().name("hookctl-sandbox-db".into()).spawn(move || {
            while let Ok(first) = queue.recv() {
                let mut batch = vec![first];
                while batch.len() < BATCH {
                    match queue.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
                write(&store, batch);
            }
        })?;
        Ok(Recorder { jobs })
    }

    /// Writes `record` (in a transaction with whatever else is waiting) and returns once it
    /// is committed, or why it could not be.
    pub(crate) async fn record(&self, record: Recorded) -> Result<(), String> {
        let stopped = || "the sandbox database writer has stopped".to_string();
        let (done, answer) = oneshot::channel();
        self.jobs.send(Job { record, done }).map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

/// One transaction for the batch; if it fails, one per outcome, so a bad one cannot take the
/// others down with it.
fn write(store: &Store, batch: Vec<Job>) {
    let all = batch.iter().map(|j| (&j.record.delivery, &j.record.attempt, j.record.event.as_ref()));
    let results: Vec<Result<(), String>> = match store.record_all(all) {
        Ok(()) => vec![Ok(()); batch.len()],
        Err(_) if batch.len() > 1 => batch
            .iter()
            .map(|j| {
                let one = (&j.record.delivery, &j.record.attempt, j.record.event.as_ref());
                store.record_all([one]).map_err(|e| e.to_string())
            })
            .collect(),
        Err(e) => vec![Err(e.to_string())],
    };
    for (job, result) in batch.into_iter().zip(results) {
        let _ = job.done.send(result);
    }
}
