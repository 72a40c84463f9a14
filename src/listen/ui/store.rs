//! The inspector's window of recent requests: newest last, bounded in count and bytes (the
//! oldest are dropped first), each with a sequence number pages ask by.

use std::collections::VecDeque;
use std::sync::Arc;

use bytes::Bytes;
use serde_json::{json, Value};

use super::super::capture::{Header, Record};
use super::super::verdict::Verdict;
use crate::pattern;
use crate::sign;

/// At most this many requests are kept…
pub(crate) const MAX_ENTRIES: usize = 10_000;
/// …and at most this many bytes, counting everything an entry keeps (headers, path, query
/// and texts too, not only the body: refused requests with huge headers cost as much).
pub(crate) const MAX_BYTES: usize = 64 << 20;
/// The forward target's answer is kept up to this size.
pub(crate) const MAX_ANSWER: usize = 64 << 10;

/// One received request, as the inspector shows it. Kept compact (few allocations: every
/// request pays for this while `--ui` is on); [`Entry::record`] builds the capture record when
/// a page asks for the detail.
pub(crate) struct Entry {
    /// 1, 2, 3, … in arrival order within this run.
    pub seq: u64,
    /// id, received_at, method, path, query, event type and reason, in one allocation.
    pub text: Texts,
    pub headers: RawHeaders,
    /// A copy (not a slice of the connection's read buffer, which it would keep alive).
    pub body: Bytes,
    pub verdict: Verdict,
    pub scheme: Option<&'static str>,
    pub status: u16,
    pub duplicate: bool,
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

/// The entry's strings in one buffer; `None` parts are marked absent.
pub(crate) struct Texts {
    buf: Box<str>,
    /// End of each part in `buf`; `u32::MAX` for an absent one (which takes no room).
    ends: [u32; 7],
}

/// The parts of [`Texts`], in order.
pub(crate) struct Parts<'a> {
    pub id: &'a str,
    pub received_at: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub event_type: Option<&'a str>,
    /// The reason as text: the signature's, or the refusal's.
    pub reason: Option<&'a str>,
}

impl Texts {
    pub(crate) fn new(p: &Parts) -> Texts {
        let all =
            [Some(p.id), Some(p.received_at), Some(p.method), Some(p.path), p.query, p.event_type, p.reason];
        let mut buf = String::with_capacity(all.iter().flatten().map(|s| s.len()).sum());
        let mut ends = [u32::MAX; 7];
        for (i, part) in all.iter().enumerate() {
            if let Some(text) = part {
                buf.push_str(text);
                ends[i] = buf.len() as u32;
            }
        }
        Texts { buf: buf.into_boxed_str(), ends }
    }

    fn part(&self, i: usize) -> Option<&str> {
        let end = self.ends[i];
        if end == u32::MAX {
            return None;
        }
        let start = self.ends[..i].iter().rev().find(|e| **e != u32::MAX).map_or(0, |e| *e as usize);
        self.buf.get(start..end as usize)
    }

    pub(crate) fn get(&self) -> Parts<'_> {
        Parts {
            id: self.part(0).unwrap_or_default(),
            received_at: self.part(1).unwrap_or_default(),
            method: self.part(2).unwrap_or_default(),
            path: self.part(3).unwrap_or_default(),
            query: self.part(4),
            event_type: self.part(5),
            reason: self.part(6),
        }
    }
}

/// Headers in arrival order in one buffer: `(name end, value end)` offsets into `buf`.
#[derive(Default)]
pub(crate) struct RawHeaders {
    buf: Vec<u8>,
    ends: Vec<(u32, u32)>,
}

impl RawHeaders {
    pub(crate) fn new<'a>(headers: impl Iterator<Item = (&'a str, &'a [u8])> + Clone) -> RawHeaders {
        // Sized first: one allocation each, no regrowing.
        let (n, len) = headers.clone().fold((0, 0), |(n, len), (k, v)| (n + 1, len + k.len() + v.len()));
        let mut h = RawHeaders { buf: Vec::with_capacity(len), ends: Vec::with_capacity(n) };
        for (name, value) in headers {
            h.buf.extend_from_slice(name.as_bytes());
            let name_end = h.buf.len() as u32;
            h.buf.extend_from_slice(value);
            h.ends.push((name_end, h.buf.len() as u32));
        }
        h
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        let mut start = 0usize;
        self.ends.iter().map(move |&(name_end, value_end)| {
            let (n, v) = (name_end as usize, value_end as usize);
            // Names come from hyper's parser: ASCII.
            let name = std::str::from_utf8(&self.buf[start..n]).unwrap_or("?");
            let value = &self.buf[n..v];
            start = v;
            (name, value)
        })
    }
}

impl Entry {
    /// The request as a capture record (for the detail view and replay).
    pub(crate) fn record(&self) -> Record {
        let t = self.text.get();
        let mut r = Record {
            id: t.id.to_string(),
            received_at: t.received_at.to_string(),
            method: t.method.to_string(),
            path: t.path.to_string(),
            query: t.query.map(str::to_string),
            headers: self.headers.iter().map(|(n, v)| header(n, v)).collect(),
            body: None,
            body_base64: None,
            verdict: self.verdict,
            scheme: self.scheme.map(str::to_string),
            reason: t.reason.map(str::to_string),
            status: self.status,
            event_type: t.event_type.map(str::to_string),
            duplicate: self.duplicate,
        };
        r.set_body(&self.body);
        r
    }

    /// What this entry holds in memory: every buffer it owns plus its own size.
    fn bytes(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        std::mem::size_of::<Entry>()
            + self.text.buf.len()
            + self.headers.buf.capacity()
            + self.headers.ends.capacity() * std::mem::size_of::<(u32, u32)>()
            + self.body.len()
            + opt(&self.forwarded_to)
            + opt(&self.forward_error)
            + self.answer.as_ref().map_or(0, |a| a.body.len() + a.content_type.len())
    }

    /// The line in the list (and in the live stream).
    pub(crate) fn summary(&self) -> Value {
        let t = self.text.get();
        json!({
            "seq": self.seq,
            "id": t.id,
            "received_at": t.received_at,
            "method": t.method,
            "path": t.path,
            "query": t.query,
            "event_type": t.event_type,
            "verdict": self.verdict.as_str(),
            "status": self.status,
            "size": self.size,
            "duplicate": self.duplicate,
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
        let (r, parts) = (e, e.text.get());
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|s| !s.is_empty())
        }
        if let Some(v) = given(&self.verdict) {
            if r.verdict.as_str() != v {
                return false;
            }
        }
        if let Some(t) = given(&self.event_type) {
            let Some(have) = parts.event_type else { return false };
            let hit = if t.contains('*') { pattern::matches(t, have) } else { have.contains(t) };
            if !hit {
                return false;
            }
        }
        if let Some(p) = given(&self.path) {
            if !parts.path.contains(p) {
                return false;
            }
        }
        if let Some(q) = given(&self.q) {
            if !contains_ignore_case(&r.body, q.as_bytes()) {
                return false;
            }
        }
        true
    }
}

/// A captured header: text, or base64 when the value is not UTF-8.
fn header(name: &str, raw: &[u8]) -> Header {
    match std::str::from_utf8(raw) {
        Ok(v) => Header::text(name, v),
        Err(_) => {
            use base64::Engine;
            Header {
                name: name.to_string(),
                value: base64::engine::general_purpose::STANDARD.encode(raw),
                base64: true,
            }
        }
    }
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listen::verdict::Verdict;

    pub(crate) fn entry(id: &str, verdict: Verdict, event: Option<&str>, body: &str) -> Entry {
        Entry {
            seq: 0,
            text: Texts::new(&Parts {
                id,
                received_at: "2026-01-01T00:00:00.000000Z",
                method: "POST",
                path: "/hooks",
                query: None,
                event_type: event,
                reason: None,
            }),
            headers: RawHeaders::new([("content-type", &b"application/json"[..])].into_iter()),
            body: Bytes::copy_from_slice(body.as_bytes()),
            verdict,
            scheme: None,
            status: 200,
            duplicate: false,
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
        assert_eq!(s.page(&q, None, 100).items.iter().map(|e| e.text.get().id).collect::<Vec<_>>(), ["r7"]);
        let t = Filter { event_type: Some("payment".into()), path: Some("hook".into()), ..Filter::default() };
        assert_eq!(s.page(&t, None, 100).items.len(), 5);
        assert_eq!(s.get(3).unwrap().text.get().id, "r2");
        assert!(s.get(11).is_none() && s.get(0).is_none());
        assert_eq!(s.after(8).iter().map(|e| e.seq).collect::<Vec<_>>(), [9, 10]);
    }

    #[test]
    fn raw_headers_keep_order_and_bytes_and_records_round_trip() {
        let raw: [(&str, &[u8]); 3] = [("a", b"1"), ("a", b"2"), ("x-bin", b"caf\xe9")];
        let h = RawHeaders::new(raw.into_iter());
        assert_eq!(h.iter().collect::<Vec<_>>(), raw);
        let mut e = entry("r", Verdict::Valid, Some("t"), "{}");
        e.headers = h;
        let r = e.record();
        assert_eq!((r.headers.len(), r.headers[2].base64, r.body.as_deref()), (3, true, Some("{}")));
    }

    #[test]
    fn texts_keep_absent_parts_absent() {
        let p = Parts {
            id: "a",
            received_at: "",
            method: "GET",
            path: "/p",
            query: None,
            event_type: Some("t"),
            reason: None,
        };
        let t = Texts::new(&p);
        let g = t.get();
        assert_eq!((g.id, g.received_at, g.method, g.path), ("a", "", "GET", "/p"));
        assert_eq!((g.query, g.event_type, g.reason), (None, Some("t"), None));
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
        assert_eq!(s.get(6).unwrap().text.get().id, "5");
        // A byte budget too: big bodies push old ones out long before 10,000.
        let mut b = Store::default();
        let big = "x".repeat(1 << 20);
        for i in 0..100 {
            b.push(entry(&i.to_string(), Verdict::Valid, None, &big));
        }
        assert!(b.page(&Filter::default(), None, 1).total <= 64);
    }

    /// Issue 16.13: headers count too (refused requests with 380 KB of headers and no body
    /// took the inspector to 800 MB).
    #[test]
    fn headers_and_paths_count_toward_the_byte_cap() {
        let mut s = Store::default();
        let value = vec![b'v'; 380_000];
        let path = "/p".repeat(1000);
        for i in 0..1000 {
            let mut e = entry(&i.to_string(), Verdict::Rejected, None, "");
            e.headers = RawHeaders::new([("x-pad", value.as_slice())].into_iter());
            e.text = Texts::new(&Parts {
                id: "r",
                received_at: "",
                method: "GET",
                path: &path,
                query: None,
                event_type: None,
                reason: None,
            });
            s.push(e);
        }
        let kept = s.page(&Filter::default(), None, 1).total;
        assert!(kept * 380_000 <= MAX_BYTES, "{kept} kept");
        assert!(kept * 383_000 > MAX_BYTES / 2, "{kept} kept: the cap is far below its budget");
        assert!(s.bytes <= MAX_BYTES);
    }
}
