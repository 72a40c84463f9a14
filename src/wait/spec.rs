//! What a wait looks for: the snapshot of rows already there, the count and the event type.

use std::collections::HashSet;
use std::time::Duration;

use super::rows::Row;

/// The keys of the rows already in the log before firing; they never count towards a wait.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline(HashSet<String>);

impl Baseline {
    pub fn from_rows(rows: &[Row]) -> Self {
        Baseline(rows.iter().map(|r| r.key.clone()).collect())
    }

    pub fn contains(&self, row: &Row) -> bool {
        self.0.contains(&row.key)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What to wait for.
#[derive(Debug, Clone)]
pub struct WaitSpec {
    /// How many new matching rows must appear and settle (e.g. the fire's `enqueuedCount`).
    pub expected: usize,
    /// Deadline, counted from the start of [`wait`].
    pub timeout: Duration,
    /// Rows seen before the fire.
    pub baseline: Baseline,
    /// Only rows of this type count (a [`crate::pattern`], e.g. `*.closed`). Rows that carry no type
    /// are accepted: the log gave us nothing to tell them apart.
    pub event_type: Option<String>,
}

impl WaitSpec {
    pub fn matches(&self, row: &Row) -> bool {
        if self.baseline.contains(row) {
            return false;
        }
        match (&self.event_type, &row.event_type) {
            (Some(want), Some(got)) => crate::pattern::matches(want, got),
            _ => true,
        }
    }
}
