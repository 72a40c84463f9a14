//! The poll loop, generic over a clock and a "poll once" closure, and why a poll failed.

use std::future::Future;
use std::time::Duration;

use rand::Rng;

use super::clock::Clock;
use super::report::{WaitOutcome, WaitReport};
use super::rows::{Row, RowState};
use super::schedule::Schedule;
use super::spec::WaitSpec;
use crate::{Error, Result};

/// Why one poll produced no rows.
#[derive(Debug)]
pub enum PollError {
    /// Worth another try (5xx, 429, connection trouble): keep polling until the deadline,
    /// after `retry_after` when the provider said so.
    Transient { message: String, retry_after: Option<Duration> },
    /// Polling again cannot help (401, 404, bad configuration): stop with this error.
    Fatal(Error),
}

impl From<Error> for PollError {
    /// Network and server trouble and 429 are transient for a waiter; everything else
    /// (auth, 404, bad configuration) is fatal.
    fn from(e: Error) -> Self {
        match e {
            Error::Api(api) => api.into(),
            other => PollError::Fatal(other),
        }
    }
}

impl From<crate::api::ApiError> for PollError {
    fn from(e: crate::api::ApiError) -> Self {
        let transient = e.exit() == crate::Exit::Network || e.status() == Some(429);
        if transient {
            PollError::Transient { message: e.to_string(), retry_after: e.retry_after() }
        } else {
            PollError::Fatal(e.into())
        }
    }
}

/// Hooks for showing progress while waiting.
pub trait Observer {
    /// After every poll.
    fn polled(&mut self, _polls: u32, _elapsed: Duration, _seen: usize, _expected: usize) {}
    /// A new matching row appeared (`first` true) or an already seen one changed state.
    fn row(&mut self, _row: &Row, _first: bool) {}
    /// A poll failed but the wait goes on.
    fn transient(&mut self, _message: &str) {}
}

/// An observer that shows nothing.
pub struct Silent;
impl Observer for Silent {}

/// Polls until `spec.expected` new matching rows have appeared and settled, a deciding row
/// failed, the deadline passed or `interrupt` fired. Polling starts after the first backoff
/// delay; the last poll happens at the deadline at the latest.
pub async fn wait<C, R, P, Fut, I>(
    spec: &WaitSpec,
    clock: &C,
    schedule: &mut Schedule<R>,
    mut poll: P,
    observer: &mut dyn Observer,
    interrupt: I,
) -> Result<WaitReport>
where
    C: Clock,
    R: Rng,
    P: FnMut() -> Fut,
    Fut: Future<Output = std::result::Result<Vec<Row>, PollError>>,
    I: Future<Output = ()>,
{
    let start = clock.elapsed();
    // `--timeout 500000years` is a valid duration; it must not overflow the clock.
    let deadline = start.checked_add(spec.timeout).unwrap_or(Duration::MAX);
    let mut report = WaitReport {
        outcome: WaitOutcome::TimedOut,
        expected: spec.expected,
        rows: Vec::new(),
        elapsed: Duration::ZERO,
        polls: 0,
        last_error: None,
        near_misses: Default::default(),
    };
    if spec.expected == 0 {
        report.outcome = WaitOutcome::Delivered;
        return Ok(report);
    }
    tokio::pin!(interrupt);
    let mut retry_after = None;
    loop {
        let remaining = deadline.saturating_sub(clock.elapsed());
        let delay = schedule.next_delay(retry_after.take()).min(remaining);
        // A hanging event log must not hold the wait past its deadline by more than a grace
        // period long enough for one ordinary request.
        let budget = deadline.saturating_sub(clock.elapsed().saturating_add(delay)).max(FINAL_POLL_GRACE);
        let step = async {
            clock.sleep(delay).await;
            clock.limit(budget, poll()).await
        };
        let result = tokio::select! {
            biased;
            _ = &mut interrupt => {
                report.outcome = WaitOutcome::Interrupted;
                break;
            }
            r = step => r,
        };
        report.polls += 1;
        match result {
            None => report.last_error = Some("the event log did not answer in time".into()),
            Some(Err(PollError::Fatal(e))) => return Err(e),
            Some(Err(PollError::Transient { message, retry_after: ra })) => {
                observer.transient(&message);
                report.last_error = Some(message);
                retry_after = ra;
            }
            Some(Ok(rows)) => merge(spec, &mut report.rows, rows, observer),
        }
        observer.polled(report.polls, clock.elapsed() - start, report.rows.len(), spec.expected);
        if let Some(outcome) = decide(&report.rows, spec.expected) {
            report.outcome = outcome;
            break;
        }
        if clock.elapsed() >= deadline {
            break;
        }
    }
    report.elapsed = clock.elapsed() - start;
    Ok(report)
}

/// The longest a single poll may overrun the deadline.
pub const FINAL_POLL_GRACE: Duration = Duration::from_secs(2);

/// Adds new matching rows (oldest first: logs list newest first) and updates known ones.
fn merge(spec: &WaitSpec, tracked: &mut Vec<Row>, rows: Vec<Row>, observer: &mut dyn Observer) {
    for row in rows.into_iter().rev().filter(|r| spec.matches(r)) {
        match tracked.iter_mut().find(|t| t.key == row.key) {
            Some(known) => {
                let changed = known.state != row.state;
                *known = row;
                if changed {
                    observer.row(known, false);
                }
            }
            None => {
                observer.row(&row, true);
                tracked.push(row);
            }
        }
    }
}

/// Failure as soon as a deciding row failed; success when all of them are delivered.
fn decide(rows: &[Row], expected: usize) -> Option<WaitOutcome> {
    let deciding = &rows[..rows.len().min(expected)];
    if deciding.iter().any(|r| r.state == RowState::Failed) {
        return Some(WaitOutcome::Failed);
    }
    (deciding.len() == expected && deciding.iter().all(|r| r.state == RowState::Delivered))
        .then_some(WaitOutcome::Delivered)
}
