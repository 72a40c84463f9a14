//! The event-log poller of DESIGN §3, shared by `fire --wait`, `test --wait`, `replay --wait`
//! and `events wait`.
//!
//! The pieces, smallest first:
//! - [`Schedule`]: the backoff (first poll after ~200 ms, ×1.5–2 with jitter, capped near 1 s,
//!   `Retry-After` wins).
//! - [`RowFormat`] turns one provider row (a JSON object) into a [`Row`] with a [`RowState`]:
//!   the documents do not name the fields, so common spellings are accepted and a profile's
//!   `fields.<name>` can name them.
//! - [`wait`]: the loop. It is generic over a [`Clock`] and a "poll once" closure, so the unit
//!   tests and `benches/wait.rs` run it on simulated time. Callers take the snapshot
//!   ([`Baseline`]) *before* firing, so rows already in the log never satisfy a wait.
//! - [`watch`]: [`wait`] with real time, Ctrl-C (→ exit 130) and the printer (one line per row,
//!   a spinner on a TTY). Commands call this one, then [`WaitReport::print`].
//!
//! ```ignore
//! let baseline = Baseline::from_rows(&fetch_rows().await?);   // before firing
//! fire().await?;
//! let spec = WaitSpec { expected: enqueued, timeout, baseline, event_type: Some(ev) };
//! let report = wait::watch(&ctx.printer, &spec, || async { fetch_rows().await.map_err(PollError::from) }).await?;
//! report.print(&ctx.printer, "deliveries");
//! Ok(report.outcome())
//! ```

mod clock;
mod delivery;
mod error;
mod log;
mod near;
mod poll;
mod report;
mod rows;
mod schedule;
mod spec;
#[cfg(test)]
mod tests;
mod watch;

pub use clock::*;
pub(crate) use delivery::*;
pub(crate) use error::WaitError;
pub(crate) use log::*;
pub(crate) use near::*;
pub use poll::*;
pub use report::*;
pub use rows::*;
pub use schedule::*;
pub use spec::*;
pub use watch::*;
