//! What a running listener's handlers share: [`State`] (the configuration and the outputs
//! every request goes to) and each event loop's view of it, [`Lane`], with its own counters.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

use tokio::sync::watch;

use super::capture::Capture;
use super::config::Config;
use super::display::DisplayHandle;
use super::forward::Forwarder;
use super::stop::{request_stop, Stop};
use super::ui::Ui;
use crate::output::Printer;

/// How many delivery ids are remembered for duplicate detection.
const DEDUP_WINDOW: usize = 10_000;

/// What every handler of a running listener shares.
pub(super) struct State {
    pub cfg: Config,
    pub capture: Option<Capture>,
    pub forwarder: Option<Forwarder>,
    pub display: Option<DisplayHandle>,
    /// `--ui`: the inspector, fed by every request.
    pub ui: Option<Arc<Ui>>,
    pub printer: Printer,
    pub seen: Mutex<Dedup>,
    pub counted_ids: Mutex<HashSet<String>>,
    pub lanes: [LaneCounts; 2],
    /// How many event loops run ([`super::lanes::event_loops`]).
    pub loops: u64,
    /// Deliveries counted toward `--expect` (both loops).
    pub counted: AtomicU64,
    /// With `--expect`: what arrived but did not count, and why (reported on a timeout).
    pub near: Mutex<crate::matcher::NearMisses>,
    /// The first "no secret can verify this" reason, for the error that ends the run.
    pub unusable: Mutex<Option<String>>,
    pub run_tag: String,
    pub stop: watch::Sender<Option<Stop>>,
}

/// Recently seen delivery ids, oldest forgotten first. Kept as 64-bit keyed hashes (no copy
/// of each id): a false "duplicate" needs a collision among 10,000 ids, about 1 in 10^15.
#[derive(Default)]
pub(super) struct Dedup {
    hasher: std::hash::RandomState,
    set: HashSet<u64>,
    order: VecDeque<u64>,
}

impl Dedup {
    /// True when `id` was seen before.
    pub(super) fn check(&mut self, id: &str) -> bool {
        use std::hash::BuildHasher;
        let h = self.hasher.hash_one(id);
        if self.set.contains(&h) {
            return true;
        }
        if self.order.len() >= DEDUP_WINDOW {
            if let Some(old) = self.order.pop_front() {
                self.set.remove(&old);
            }
        }
        self.set.insert(h);
        self.order.push_back(h);
        false
    }
}

impl State {
    pub(super) fn request_stop(&self, why: Stop) {
        request_stop(&self.stop, why);
    }
}

/// What one lane counts.
#[derive(Default)]
pub(super) struct Counts {
    pub received: AtomicU64,
    pub valid: AtomicU64,
    pub invalid: AtomicU64,
    pub unverified: AtomicU64,
    pub captured: AtomicU64,
    /// Answered before verifying (404, 408, 413, 400), and of those, 413 (too large).
    pub rejected: AtomicU64,
    pub too_large: AtomicU64,
}

/// What one event loop counts. Each loop has its own, on its own cache line: counters shared
/// by both loops' threads made every request move cache lines between cores.
#[derive(Default)]
#[repr(align(128))]
pub(super) struct LaneCounts {
    pub counts: Counts,
    pub seq: AtomicU64,
    /// Open connections, for spreading new ones over the loops.
    pub open: AtomicU64,
}

/// A handler's view: the shared state and its event loop. Each loop clones its own `Arc`, so
/// the per-request reference count stays on one core too.
pub(super) struct Lane {
    pub state: Arc<State>,
    pub index: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_flags_repeats_and_forgets_the_oldest() {
        let mut d = Dedup::default();
        assert!(!d.check("msg_1"));
        assert!(d.check("msg_1"));
        for i in 0..DEDUP_WINDOW {
            d.check(&format!("other_{i}"));
        }
        assert!(!d.check("msg_1"), "forgotten after {DEDUP_WINDOW} newer ids");
    }
}
