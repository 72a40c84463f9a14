//! Rows that arrived during a wait but did not count, and why: the near misses a timed-out
//! wait reports (`1 type was "case.closed" (wanted "case.assigned")`).

use std::collections::HashMap;

use super::rows::Row;
use super::spec::WaitSpec;
use crate::matcher::{Matchers, NearMisses, Subject};

/// Filters each poll's rows by the wait's type and `--match` expressions, remembering why
/// each new row was left out. A row is judged on its latest state: one that matches later
/// (its status changed) is no longer a near miss.
#[derive(Debug, Default)]
pub(crate) struct NearMissLog {
    content: Matchers,
    /// Row key → (first seen, why it does not count).
    missed: HashMap<String, (usize, String)>,
    seen: usize,
}

impl NearMissLog {
    pub(crate) fn new(content: Matchers) -> NearMissLog {
        NearMissLog { content, ..NearMissLog::default() }
    }

    /// The rows that may count (the waiter still applies the snapshot and type checks).
    pub(crate) fn filter(&mut self, spec: &WaitSpec, rows: Vec<Row>) -> Vec<Row> {
        // Logs list newest first: judge oldest first, so near misses keep their arrival order.
        let mut kept: Vec<Row> = rows
            .into_iter()
            .rev()
            .filter(|row| {
                if spec.baseline.contains(row) {
                    return true;
                }
                let why = match (&spec.event_type, &row.event_type) {
                    (Some(want), Some(got)) if !crate::pattern::matches(want, got) => {
                        Some(format!("type was \"{got}\" (wanted \"{want}\")"))
                    }
                    _ => self.content.check(&Subject::json(&row.raw)),
                };
                match why {
                    Some(why) => {
                        let order = self.missed.get(&row.key).map(|(o, _)| *o).unwrap_or(self.seen);
                        self.seen += 1;
                        self.missed.insert(row.key.clone(), (order, why));
                        false
                    }
                    None => {
                        self.missed.remove(&row.key);
                        true
                    }
                }
            })
            .collect();
        kept.reverse();
        kept
    }

    /// The near misses, grouped by reason in the order they first arrived.
    pub(crate) fn misses(&self) -> NearMisses {
        let mut list: Vec<&(usize, String)> = self.missed.values().collect();
        list.sort();
        let mut near = NearMisses::default();
        for (_, why) in list {
            near.add(why.clone());
        }
        near
    }
}
