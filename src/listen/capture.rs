//! `--capture FILE`: one JSONL record per request, with group commit and no writer thread.
//! A handler appends its line to its event loop's buffer; if nobody is writing, it becomes the leader
//! and writes everything queued (its line and its neighbours') with one `write`, then wakes
//! them. A handler answers only after its line is written, so an acknowledged request is always
//! in the file. Written means handed to the OS (it survives our crash, not a power cut): no
//! fsync per request, by design. Measured faster than a writer thread on a 2-core box, where
//! every cross-thread hand-off costs a context switch. The new leader yields once before
//! writing, so the handlers its event loop has ready join the same `write` (group commit).
//! Each event loop has its own queue (a lane); the lanes share the file behind one lock.

use std::borrow::Cow;
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use super::record::Received;
use super::verdict::Verdict;
use crate::sign::{Decimal, HeaderPair};

/// One captured request, exactly as stored in the file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub id: String,
    pub received_at: String,
    pub method: String,
    pub path: String,
    #[serde(default)]
    pub query: Option<String>,
    /// In arrival order, repeated names kept (names lower-cased by HTTP/1 parsing).
    #[serde(default)]
    pub headers: Vec<Header>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_base64: Option<String>,
    pub verdict: Verdict,
    #[serde(default)]
    pub scheme: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    /// Always written (`false` too), read as `false` when absent (files of older versions).
    #[serde(default)]
    pub duplicate: bool,
}

/// A captured header, stored as `[name, value]`, or as `[name, base64, "base64"]` when the
/// value is not UTF-8 (HTTP allows such bytes; no byte is lost and replay sends them as they
/// came).
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub name: String,
    /// The value, or its bytes in base64 when `base64` is set.
    pub value: String,
    pub base64: bool,
}

impl Header {
    pub fn text(name: impl Into<String>, value: impl Into<String>) -> Self {
        Header { name: name.into(), value: value.into(), base64: false }
    }
}

impl HeaderPair for Header {
    fn name(&self) -> &str {
        &self.name
    }
    fn value(&self) -> &str {
        &self.value
    }
    fn bytes(&self) -> Cow<'_, [u8]> {
        match self.base64 {
            // Checked when the record was read (see `Deserialize`).
            true => Cow::Owned(B64.decode(&self.value).unwrap_or_default()),
            false => Cow::Borrowed(self.value.as_bytes()),
        }
    }
}

impl Serialize for Header {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(if self.base64 { 3 } else { 2 }))?;
        seq.serialize_element(&self.name)?;
        seq.serialize_element(&self.value)?;
        if self.base64 {
            seq.serialize_element("base64")?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut parts = Vec::<String>::deserialize(d)?.into_iter();
        let (Some(name), Some(value)) = (parts.next(), parts.next()) else {
            return Err(D::Error::custom("a header is [name, value] or [name, base64, \"base64\"]"));
        };
        let base64 = match (parts.next().as_deref(), parts.next()) {
            (None, _) => false,
            (Some("base64"), None) => {
                B64.decode(&value)
                    .map_err(|e| D::Error::custom(format!("header {name}: bad base64: {e}")))?;
                true
            }
            _ => return Err(D::Error::custom("a header is [name, value] or [name, base64, \"base64\"]")),
        };
        Ok(Header { name, value, base64 })
    }
}

/// Appends one request's record as a JSON line (with its `\n`): exactly the bytes `serde_json`
/// writes for the [`Record`] read back from the file (tested below), written straight from the
/// handler's [`Received`] without copying the body, headers or names first, and with a faster
/// string escaper: JSON escaping of the body was the largest user-space cost under load.
pub(crate) fn line(rec: &Received, out: &mut Vec<u8>) {
    fn key(out: &mut Vec<u8>, k: &str) {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(b"\":");
    }
    fn text(out: &mut Vec<u8>, k: &str, v: &str) {
        key(out, k);
        push_json_str(out, v);
    }
    fn nullable(out: &mut Vec<u8>, k: &str, v: Option<&str>) {
        match v {
            Some(v) => text(out, k, v),
            None => {
                key(out, k);
                out.extend_from_slice(b"null");
            }
        }
    }
    out.extend_from_slice(b"{\"id\":");
    push_json_str(out, &rec.id);
    text(out, "received_at", rec.received_at());
    text(out, "method", rec.method);
    text(out, "path", rec.path);
    nullable(out, "query", rec.query);
    key(out, "headers");
    out.push(b'[');
    for (i, h) in rec.headers.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        push_json_str(out, h.name);
        out.push(b',');
        match &h.value {
            // Borrowed: the bytes were UTF-8, the text is exact.
            Cow::Borrowed(v) => push_json_str(out, v),
            Cow::Owned(_) => {
                push_json_str(out, &B64.encode(h.raw));
                out.extend_from_slice(b",\"base64\"");
            }
        }
        out.push(b']');
    }
    out.push(b']');
    // Text when the body is UTF-8, else base64, exactly like [`Record::set_body`].
    match std::str::from_utf8(&rec.body) {
        Ok(body) => text(out, "body", body),
        Err(_) => text(out, "body_base64", &B64.encode(&rec.body)),
    }
    text(out, "verdict", rec.verdict.as_str());
    nullable(out, "scheme", rec.scheme);
    nullable(out, "reason", rec.reason.as_deref());
    key(out, "status");
    out.extend_from_slice(Decimal::new(rec.status().into()).as_bytes());
    if let Some(t) = &rec.event_type {
        text(out, "event_type", t);
    }
    out.extend_from_slice(if rec.duplicate { b",\"duplicate\":true" } else { b",\"duplicate\":false" });
    out.extend_from_slice(b"}\n");
}

impl Record {
    /// Stores the body as text when it is UTF-8, else as base64, so it round-trips exactly.
    pub fn set_body(&mut self, bytes: &[u8]) {
        match std::str::from_utf8(bytes) {
            Ok(s) => self.body = Some(s.to_string()),
            Err(_) => self.body_base64 = Some(B64.encode(bytes)),
        }
    }

    /// The exact body bytes.
    pub fn body_bytes(&self) -> Result<Vec<u8>, String> {
        match (&self.body, &self.body_base64) {
            (Some(s), _) => Ok(s.as_bytes().to_vec()),
            (None, Some(b)) => {
                B64.decode(b).map_err(|e| format!("record {}: body_base64 is not base64: {e}", self.id))
            }
            (None, None) => Ok(Vec::new()),
        }
    }
}

/// Appends `s` as a JSON string, byte for byte what `serde_json` writes: `"` and `\` escaped,
/// `\b \f \n \r \t` short, other control characters as `\u00xx`, everything else as is.
/// Eight bytes are checked at a time (SWAR), and runs without escapes are copied whole.
pub(crate) fn push_json_str(out: &mut Vec<u8>, s: &str) {
    use super::swar;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        // Skip clean bytes eight at a time, stopping exactly on the first one to escape: a
        // control character, `"` or `\`.
        i = swar::skip(b, i, |w| swar::below(w, 0x20) | swar::eq(w, b'"') | swar::eq(w, b'\\'));
        let Some(&c) = b.get(i) else { break };
        let short = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0..=0x1f => b'u',
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&b[run..i]);
        out.push(b'\\');
        out.push(short);
        if short == b'u' {
            out.extend_from_slice(&[b'0', b'0', HEX[(c >> 4) as usize], HEX[(c & 0xf) as usize]]);
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

#[derive(Default)]
struct Queue {
    buf: Vec<u8>,
    /// The buffer of the previous write, emptied, reused for the next batch.
    spare: Vec<u8>,
    /// Sequence number of the last line appended.
    appended: u64,
    /// Somebody is writing right now.
    writing: bool,
    /// Lines from this sequence number on failed.
    failed_from: Option<(u64, String)>,
}

/// One event loop's queue. Each loop batches its own handlers' lines and wakes only its own
/// waiters: a queue shared by two loops made every write wake tasks on the other thread
/// (an eventfd write and a context switch each).
struct Lane {
    queue: Mutex<Queue>,
    /// Sequence number of the last line written; also wakes waiters when a leader steps down.
    written: watch::Sender<u64>,
}

struct Inner {
    lanes: Vec<Lane>,
    /// Also orders the lanes' writes, so a batch is one contiguous run of whole lines.
    file: Mutex<FileState>,
}

struct FileState {
    file: File,
    /// Sticky: after a failed write the file may end in a partial line, so no lane writes (or
    /// acknowledges) anything after it.
    failed: Option<String>,
}

/// The handle handlers use; cheap to clone.
#[derive(Clone)]
pub struct Capture {
    inner: Arc<Inner>,
}

/// A leader writes at most this much before letting a waiter take over, so no single request
/// is held up forever by everybody else's lines.
const MAX_BATCH: usize = 4 << 20;

/// `0600` on creation (Unix).
fn private(o: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(o, 0o600);
    o
}

/// Opens (creates or appends to) the capture file, with `lanes` queues (one per event loop).
pub fn open(path: &Path, lanes: usize) -> io::Result<Capture> {
    let mut file = private(OpenOptions::new().create(true).append(true).read(true)).open(path)?;
    // Captures hold whole requests (signatures, tokens in headers): private, even when an
    // older run left the file readable by others. Only a regular file: not a tty or a fifo.
    #[cfg(unix)]
    if file.metadata()?.is_file() {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    // A file cut short by an earlier crash of another tool must not glue its partial last line
    // to our first record: start on a fresh line.
    let len = file.metadata()?.len();
    if len > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::Start(len - 1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            file.write_all(b"\n")?;
        }
    }
    let lanes =
        (0..lanes.max(1)).map(|_| Lane { queue: Mutex::default(), written: watch::channel(0).0 }).collect();
    let inner = Arc::new(Inner { lanes, file: Mutex::new(FileState { file, failed: None }) });
    Ok(Capture { inner })
}

impl Capture {
    /// Appends one request's record, queued on the caller's event loop `lane` and written
    /// straight into its queue, and returns once it has been written to the file.
    pub(crate) async fn write(&self, lane: usize, rec: &Received<'_>) -> Result<(), String> {
        self.write_line(lane, |buf| line(rec, buf)).await
    }

    /// Appends one line (`append` writes it, with its `\n`) and waits until it is written.
    async fn write_line(&self, lane: usize, append: impl FnOnce(&mut Vec<u8>)) -> Result<(), String> {
        let lane = &self.inner.lanes[lane % self.inner.lanes.len()];
        let mut rx = lane.written.subscribe();
        let (mine, lead) = {
            let mut q = lane.queue.lock().map_err(|_| poisoned())?;
            if let Some((_, e)) = &q.failed_from {
                return Err(e.clone());
            }
            append(&mut q.buf);
            q.appended += 1;
            let lead = !q.writing;
            q.writing = true;
            (q.appended, lead)
        };
        if lead {
            // Let the other ready handlers of this event loop append their lines first, so one
            // `write` carries many records (measured ~1.05 lines per write without this).
            tokio::task::yield_now().await;
            self.lead(lane, mine);
        }
        loop {
            if *rx.borrow_and_update() >= mine {
                return outcome(lane, mine);
            }
            // The leader stepped down before reaching us: take over.
            let take_over = {
                let mut q = lane.queue.lock().map_err(|_| poisoned())?;
                let t = !q.writing;
                q.writing = true;
                t
            };
            if take_over {
                self.lead(lane, mine);
                continue;
            }
            if rx.changed().await.is_err() {
                return Err("capture writer stopped".into());
            }
        }
    }

    /// Writes queued lines until ours (`mine`) is written and the queue is empty or a batch
    /// limit is reached, then steps down.
    fn lead(&self, lane: &Lane, mine: u64) {
        let mut total = 0usize;
        loop {
            let (data, upto) = {
                let Ok(mut q) = lane.queue.lock() else { return };
                if q.buf.is_empty() || (*lane.written.borrow() >= mine && total >= MAX_BATCH) {
                    q.writing = false;
                    drop(q);
                    // Wake waiters so one of them can take over what is left.
                    lane.written.send_modify(|_| {});
                    return;
                }
                // Swap in the spare buffer: both keep their capacity, no allocation per batch.
                let spare = std::mem::take(&mut q.spare);
                (std::mem::replace(&mut q.buf, spare), q.appended)
            };
            total += data.len();
            let res = self.write_file(&data);
            if let Ok(mut q) = lane.queue.lock() {
                if let Err(e) = res {
                    let first = upto - count_lines(&data) + 1;
                    q.failed_from.get_or_insert((first, e));
                }
                let mut data = data;
                if data.capacity() <= MAX_BATCH {
                    data.clear();
                    q.spare = data;
                }
            }
            lane.written.send_modify(|w| *w = upto);
        }
    }

    fn write_file(&self, data: &[u8]) -> Result<(), String> {
        let mut f = self.inner.file.lock().map_err(|_| poisoned())?;
        if let Some(e) = &f.failed {
            return Err(e.clone());
        }
        let res = f.file.write_all(data).map_err(|e| format!("cannot write the capture file: {e}"));
        if let Err(e) = &res {
            f.failed = Some(e.clone());
        }
        res
    }
}

fn outcome(lane: &Lane, mine: u64) -> Result<(), String> {
    let q = lane.queue.lock().map_err(|_| poisoned())?;
    match &q.failed_from {
        Some((from, e)) if mine >= *from => Err(e.clone()),
        _ => Ok(()),
    }
}

fn count_lines(data: &[u8]) -> u64 {
    data.iter().filter(|&&b| b == b'\n').count() as u64
}

fn poisoned() -> String {
    "capture writer failed".into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listen::record::{Answer, HeaderRef, Stamp};

    fn record(id: &str, body: &[u8]) -> Record {
        let mut r = Record {
            id: id.into(),
            received_at: "2026-01-01T00:00:00Z".into(),
            method: "POST".into(),
            path: "/".into(),
            query: None,
            headers: vec![Header::text("a", "1"), Header::text("a", "2")],
            body: None,
            body_base64: None,
            verdict: Verdict::Valid,
            scheme: Some("standard".into()),
            reason: None,
            status: 200,
            event_type: None,
            duplicate: false,
        };
        r.set_body(body);
        r
    }

    #[test]
    fn the_capture_line_is_exactly_the_record_read_back() {
        // Raw header values as they come off the wire: text, repeated names, and Latin-1 bytes
        // that are not UTF-8.
        let raw: [(&str, &[u8]); 3] =
            [("a", "1\"\\\n\u{1}é".as_bytes()), ("a", b"2"), ("x-latin1", b"caf\xe9 \xff")];
        for (body, reason, event, dup) in [
            ("{\"x\":\"\u{7f}\\u0000\"}".as_bytes(), None, Some("t"), true),
            (&[0xff, 0, 1][..], Some("bad"), None, false),
            (&b""[..], None, None, false),
        ] {
            let mut owned = record("id\"1", body);
            owned.headers = vec![
                Header::text("a", "1\"\\\n\u{1}é"),
                Header::text("a", "2"),
                Header { name: "x-latin1".into(), value: B64.encode(b"caf\xe9 \xff"), base64: true },
            ];
            owned.query = Some("q=1&b=\u{2028}".into());
            owned.reason = reason.map(str::to_string);
            owned.event_type = event.map(str::to_string);
            owned.duplicate = dup;
            let stamp = Stamp::at(time::macros::datetime!(2026-01-01 00:00:00.000_001 UTC));
            owned.received_at = stamp.as_str().to_string();
            let received = Received {
                id: owned.id.clone(),
                stamp,
                method: &owned.method,
                path: &owned.path,
                query: owned.query.as_deref(),
                headers: raw.iter().map(|(k, v)| HeaderRef::new(k, v)).collect(),
                body: bytes::Bytes::copy_from_slice(body),
                verdict: owned.verdict,
                scheme: Some("standard"),
                why: None,
                reason: reason.map(str::to_string),
                secret: None,
                event_type: event.map(str::to_string),
                duplicate: dup,
                forwarded_to: None,
                forward_error: None,
                answer: Answer::text(owned.status, String::new()),
            };
            let mut line = Vec::new();
            super::line(&received, &mut line);
            assert_eq!(
                String::from_utf8(line.clone()).unwrap(),
                serde_json::to_string(&owned).unwrap() + "\n"
            );
            // And back: every header value round-trips to its exact bytes.
            let back: Record = serde_json::from_slice(&line).unwrap();
            assert_eq!(back, owned);
            for (h, (name, bytes)) in back.headers.iter().zip(raw) {
                assert_eq!((h.name(), &*h.bytes()), (name, bytes));
            }
        }
    }

    #[test]
    fn malformed_headers_are_refused_when_read() {
        for bad in
            [r#"[["a"]]"#, r#"[["a","b","hex"]]"#, r#"[["a","%%%","base64"]]"#, r#"[["a","b","base64","x"]]"#]
        {
            assert!(serde_json::from_str::<Vec<Header>>(bad).is_err(), "{bad}");
        }
        let ok: Vec<Header> = serde_json::from_str(r#"[["a","b"],["c","/w==","base64"]]"#).unwrap();
        assert_eq!(&*ok[1].bytes(), &[0xff]);
    }

    proptest::proptest! {
        #[test]
        fn json_strings_are_escaped_exactly_like_serde_json(
            s in "[\\x00-\\x22\\x5c\\x7fa-z\u{e9}\u{2028}\u{1f600}]{0,40}",
            any in proptest::prelude::any::<String>(),
        ) {
            for text in [&s, &any] {
                let mut out = Vec::new();
                push_json_str(&mut out, text);
                proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(text).unwrap());
            }
        }
    }

    #[test]
    fn binary_body_round_trips_through_base64() {
        let r = record("x", &[0xff, 0, 1]);
        assert!(r.body.is_none());
        assert_eq!(r.body_bytes().unwrap(), vec![0xff, 0, 1]);
        let t = record("y", "héllo\u{1b}[31m".as_bytes());
        assert_eq!(t.body_bytes().unwrap(), "héllo\u{1b}[31m".as_bytes());
    }

    /// An owned record through `lane`, as serde_json writes it.
    async fn write(cap: &Capture, lane: usize, record: &Record) -> Result<(), String> {
        let mut line = serde_json::to_vec(record).unwrap();
        line.push(b'\n');
        cap.write_line(lane, |buf| buf.extend_from_slice(&line)).await
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn a_failed_write_is_reported_not_acknowledged() {
        let cap = open(Path::new("/dev/full"), 1).unwrap();
        let err = write(&cap, 0, &record("a", b"{}")).await.unwrap_err();
        assert!(err.contains("cannot write the capture file"), "{err}");
        // Sticky: nothing after a failed write is acknowledged either.
        assert!(write(&cap, 0, &record("b", b"{}")).await.is_err());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_are_whole_lines_and_repair_a_cut_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, b"{\"partial\":").unwrap();
        let cap = open(&path, 2).unwrap();
        let mut tasks = Vec::new();
        for i in 0..500 {
            let cap = cap.clone();
            // Both lanes, as the two event loops use them.
            tasks.push(tokio::spawn(async move { write(&cap, i % 2, &record(&i.to_string(), b"{}")).await }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "{\"partial\":");
        assert_eq!(lines.len(), 501);
        for l in &lines[1..] {
            let r: Record = serde_json::from_str(l).unwrap();
            assert_eq!(r.headers.len(), 2);
        }
    }
}
