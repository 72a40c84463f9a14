//! The inspector's window of recent requests: newest last, bounded in count and bytes (the
//! oldest are dropped first), each with a sequence number pages ask by.

use std::collections::VecDeque;
use std::sync::Arc;

use bytes::Bytes;
use serde_json::{json, Value};

use super::super::capture::Record;
use crate::pattern;
use crate::sign;

/// At most this many requests are kept…
pub(crate) const MAX_ENTRIES: usize = 10_000;
/// …and at most this many bytes of bodies.
const MAX_BYTES: usize = 64 << 20;
/// The forward target's answer is kept up to this size.
pub(crate) const MAX_ANSWER: usize = 64 << 10;

/// One received request, as the inspector shows it.
pub(crate) struct Entry {
    /// 1, 2, 3, … in arrival order within this run.
    pub seq: u64,
    pub record: Record,
    pub size: usize,
    pub received_unix: i64,
    /// Why the signature was refused, typed (for the explanation in words).
    pub why: Option<sign::Reason>,
    /// 1-based position of the secret that matched, when several are configured.
    pub secret: Option<usize>,
    pub forwarded_to: Option<String>,
    pub forward_error: Option<String>,
    pub answer: Option<Answered>,
}

/// The forward target's answer.
pub(crate) struct Answered {
    pub status: u16,
    pub content_type: String,
    pub body: Bytes,
    /// The body was longer than [`MAX_ANSWER`] and is cut.
    pub cut: bool,
}

impl Entry {
    fn bytes(&self) -> usize {
        self.size + self.answer.as_ref().map_or(0, |a| a.body.len()) + 512
    }

    /// The line in the list (and in the live stream).
    pub(crate) fn summary(&self) -> Value {
        let r = &self.record;
        json!({
            "seq": self.seq,
            "id": r.id,
            "received_at": r.received_at,
            "method": r.method,
            "path": r.path,
            "query": r.query,
            "event_type": r.event_type,
            "verdict": r.verdict.as_str(),
            "status": r.status,
            "size": self.size,
            "duplicate": r.duplicate,
            "forwarded_to": self.forwarded_to,
            "forward_error": self.forward_error,
        })
    }
}

#[derive(Default)]
pub(crate) struct Store {
    entries: VecDeque<Arc<Entry>>,
    bytes: usize,
    last_seq: u64,
}

impl Store {
    pub(crate) fn push(&mut self, mut entry: Entry) -> Arc<Entry> {
        self.last_seq += 1;
        entry.seq = self.last_seq;
        let entry = Arc::new(entry);
        self.bytes += entry.bytes();
        self.entries.push_back(entry.clone());
        while self.entries.len() > MAX_ENTRIES || (self.bytes > MAX_BYTES && self.entries.len() > 1) {
            if let Some(old) = self.entries.pop_front() {
                self.bytes -= old.bytes();
            }
        }
        entry
    }

    pub(crate) fn get(&self, seq: u64) -> Option<Arc<Entry>> {
        let first = self.entries.front()?.seq;
        let i = usize::try_from(seq.checked_sub(first)?).ok()?;
        self.entries.get(i).cloned()
    }

    /// Newest first: up to `limit` entries older than `before` (all when `None`) that match.
    pub(crate) fn page(&self, filter: &Filter, before: Option<u64>, limit: usize) -> Page {
        let mut items = Vec::new();
        let mut more = false;
        for e in self.entries.iter().rev() {
            if before.is_some_and(|b| e.seq >= b) || !filter.matches(e) {
                continue;
            }
            if items.len() == limit {
                more = true;
                break;
            }
            items.push(e.clone());
        }
        Page { items, more, total: self.entries.len(), last_seq: self.last_seq }
    }

    /// Entries after `seq`, oldest first (what a reconnecting page missed).
    pub(crate) fn after(&self, seq: u64) -> Vec<Arc<Entry>> {
        self.entries.iter().filter(|e| e.seq > seq).cloned().collect()
    }
}

pub(crate) struct Page {
    pub items: Vec<Arc<Entry>>,
    /// More matching entries are older than the last one.
    pub more: bool,
    /// How many requests the window holds.
    pub total: usize,
    pub last_seq: u64,
}

/// The page's filters: verdict, event type (`*` wildcards, else a substring), path
/// (substring), and a free-text search over bodies (case-insensitive).
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub(crate) struct Filter {
    #[serde(default)]
    pub verdict: Option<String>,
    #[serde(default, rename = "type")]
    pub event_type: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub q: Option<String>,
}

impl Filter {
    pub(crate) fn matches(&self, e: &Entry) -> bool {
        let r = &e.record;
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|s| !s.is_empty())
        }
        if let Some(v) = given(&self.verdict) {
            if r.verdict.as_str() != v {
                return false;
            }
        }
        if let Some(t) = given(&self.event_type) {
            let Some(have) = r.event_type.as_deref() else { return false };
            let hit = if t.contains('*') { pattern::matches(t, have) } else { have.contains(t) };
            if !hit {
                return false;
            }
        }
        if let Some(p) = given(&self.path) {
            if !r.path.contains(p) {
                return false;
            }
        }
        if let Some(q) = given(&self.q) {
            let body = r.body.as_deref().unwrap_or_default();
            if !contains_ignore_case(body.as_bytes(), q.as_bytes()) {
                return false;
            }
        }
        true
    }
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listen::capture::Header;
    use crate::listen::Verdict;

    pub(crate) fn entry(id: &str, verdict: Verdict, event: Option<&str>, body: &str) -> Entry {
        let mut record = Record {
            id: id.into(),
            received_at: "2026-01-01T00:00:00.000000Z".into(),
            method: "POST".into(),
            path: "/hooks".into(),
            query: None,
            headers: vec![Header::text("content-type", "application/json")],
            body: None,
            body_base64: None,
            verdict,
            scheme: None,
            reason: None,
            status: 200,
            event_type: event.map(str::to_string),
            duplicate: false,
        };
        record.set_body(body.as_bytes());
        Entry {
            seq: 0,
            record,
            size: body.len(),
            received_unix: 0,
            why: None,
            secret: None,
            forwarded_to: None,
            forward_error: None,
            answer: None,
        }
    }

    #[test]
    fn pages_newest_first_and_filters() {
        let mut s = Store::default();
        for i in 0..10 {
            let v = if i % 2 == 0 { Verdict::Valid } else { Verdict::Invalid };
            s.push(entry(
                &format!("r{i}"),
                v,
                Some(if i < 5 { "case.created" } else { "payment.done" }),
                &format!("{{\"n\":{i},\"who\":\"Alice{i}\"}}"),
            ));
        }
        let all = s.page(&Filter::default(), None, 4);
        assert_eq!(all.items.iter().map(|e| e.seq).collect::<Vec<_>>(), [10, 9, 8, 7]);
        assert!(all.more);
        let next = s.page(&Filter::default(), Some(7), 4);
        assert_eq!(next.items.iter().map(|e| e.seq).collect::<Vec<_>>(), [6, 5, 4, 3]);
        let f = Filter {
            verdict: Some("invalid".into()),
            event_type: Some("case.*".into()),
            ..Filter::default()
        };
        assert_eq!(s.page(&f, None, 100).items.iter().map(|e| e.seq).collect::<Vec<_>>(), [4, 2]);
        let q = Filter { q: Some("alice7".into()), ..Filter::default() };
        assert_eq!(
            s.page(&q, None, 100).items.iter().map(|e| e.record.id.as_str()).collect::<Vec<_>>(),
            ["r7"]
        );
        let t = Filter { event_type: Some("payment".into()), path: Some("hook".into()), ..Filter::default() };
        assert_eq!(s.page(&t, None, 100).items.len(), 5);
        assert_eq!(s.get(3).unwrap().record.id, "r2");
        assert!(s.get(11).is_none() && s.get(0).is_none());
        assert_eq!(s.after(8).iter().map(|e| e.seq).collect::<Vec<_>>(), [9, 10]);
    }

    #[test]
    fn the_window_is_bounded_and_sequence_numbers_go_on() {
        let mut s = Store::default();
        for i in 0..MAX_ENTRIES + 5 {
            s.push(entry(&i.to_string(), Verdict::Valid, None, "{}"));
        }
        let p = s.page(&Filter::default(), None, 1);
        assert_eq!(p.total, MAX_ENTRIES);
        assert_eq!(p.items[0].seq, (MAX_ENTRIES + 5) as u64);
        assert!(s.get(5).is_none(), "the oldest were dropped");
        assert_eq!(s.get(6).unwrap().record.id, "5");
        // A byte budget too: big bodies push old ones out long before 10,000.
        let mut b = Store::default();
        let big = "x".repeat(1 << 20);
        for i in 0..100 {
            b.push(entry(&i.to_string(), Verdict::Valid, None, &big));
        }
        assert!(b.page(&Filter::default(), None, 1).total <= 64);
    }
}
