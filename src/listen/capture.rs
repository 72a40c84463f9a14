//! `--capture FILE`: one JSONL record per request, written by a single writer thread with
//! group commit (drain everything queued, one write + flush, then acknowledge them all). A
//! handler answers only after its record's ack, so an acknowledged request is always in the
//! file. Flushing hands the bytes to the OS (they survive our crash, not a power cut): no fsync
//! per request, by design.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::thread::JoinHandle;

use base64::Engine;
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, oneshot};

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
    pub headers: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_base64: Option<String>,
    pub verdict: String,
    #[serde(default)]
    pub scheme: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub duplicate: bool,
}

impl Record {
    /// Stores the body as text when it is UTF-8, else as base64, so it round-trips exactly.
    pub fn set_body(&mut self, bytes: &[u8]) {
        match std::str::from_utf8(bytes) {
            Ok(s) => self.body = Some(s.to_string()),
            Err(_) => self.body_base64 = Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
        }
    }

    /// The exact body bytes.
    pub fn body_bytes(&self) -> Result<Vec<u8>, String> {
        match (&self.body, &self.body_base64) {
            (Some(s), _) => Ok(s.as_bytes().to_vec()),
            (None, Some(b)) => base64::engine::general_purpose::STANDARD
                .decode(b)
                .map_err(|e| format!("record {}: body_base64 is not base64: {e}", self.id)),
            (None, None) => Ok(Vec::new()),
        }
    }
}

enum Msg {
    Line(Vec<u8>, oneshot::Sender<Result<(), String>>),
    Close,
}

/// The handle handlers use; cheap to clone.
#[derive(Clone)]
pub struct Capture {
    tx: mpsc::UnboundedSender<Msg>,
}

pub struct Writer {
    tx: mpsc::UnboundedSender<Msg>,
    thread: Option<JoinHandle<()>>,
}

/// Opens (creates or appends to) the capture file and starts the writer thread.
pub fn open(path: &Path) -> io::Result<(Capture, Writer)> {
    let mut file = OpenOptions::new().create(true).append(true).read(true).open(path)?;
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
    let (tx, rx) = mpsc::unbounded_channel();
    let thread = std::thread::Builder::new().name("capture".into()).spawn(move || write_loop(file, rx))?;
    Ok((Capture { tx: tx.clone() }, Writer { tx, thread: Some(thread) }))
}

impl Capture {
    /// Queues one record and waits until it has been written and flushed.
    pub async fn write(&self, record: &Record) -> Result<(), String> {
        let mut line = serde_json::to_vec(record).map_err(|e| e.to_string())?;
        line.push(b'\n');
        let (ack_tx, ack_rx) = oneshot::channel();
        self.tx.send(Msg::Line(line, ack_tx)).map_err(|_| "capture file is closed".to_string())?;
        ack_rx.await.map_err(|_| "capture writer stopped".to_string())?
    }
}

impl Writer {
    /// Writes everything queued so far, flushes, and stops the thread.
    pub fn close(mut self) {
        let _ = self.tx.send(Msg::Close);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn write_loop(file: File, mut rx: mpsc::UnboundedReceiver<Msg>) {
    let mut out = io::BufWriter::with_capacity(256 * 1024, file);
    let mut acks = Vec::new();
    let mut closing = false;
    while !closing {
        let Some(first) = rx.blocking_recv() else { break };
        let mut next = Some(first);
        // Group commit: take everything already queued, then one flush for all of it.
        while let Some(msg) = next.take() {
            match msg {
                Msg::Line(line, ack) => {
                    let res = out.write_all(&line).map_err(|e| e.to_string());
                    acks.push((ack, res));
                }
                Msg::Close => closing = true,
            }
            if acks.len() >= 4096 {
                break;
            }
            next = rx.try_recv().ok();
        }
        let flushed = out.flush().map_err(|e| e.to_string());
        for (ack, res) in acks.drain(..) {
            let res = res.and(flushed.clone());
            let _ = ack.send(res.map_err(|e| format!("cannot write the capture file: {e}")));
        }
    }
    let _ = out.flush();
    // Anything that raced in after Close is refused rather than silently dropped.
    rx.close();
    while let Ok(Msg::Line(_, ack)) = rx.try_recv() {
        let _ = ack.send(Err("listener is shutting down".into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, body: &[u8]) -> Record {
        let mut r = Record {
            id: id.into(),
            received_at: "2026-01-01T00:00:00Z".into(),
            method: "POST".into(),
            path: "/".into(),
            query: None,
            headers: vec![("a".into(), "1".into()), ("a".into(), "2".into())],
            body: None,
            body_base64: None,
            verdict: "valid".into(),
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
    fn binary_body_round_trips_through_base64() {
        let r = record("x", &[0xff, 0, 1]);
        assert!(r.body.is_none());
        assert_eq!(r.body_bytes().unwrap(), vec![0xff, 0, 1]);
        let t = record("y", "héllo\u{1b}[31m".as_bytes());
        assert_eq!(t.body_bytes().unwrap(), "héllo\u{1b}[31m".as_bytes());
    }

    #[test]
    fn concurrent_writes_are_whole_lines_and_repair_a_cut_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, b"{\"partial\":").unwrap();
        let (cap, writer) = open(&path).unwrap();
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).build().unwrap();
        rt.block_on(async {
            let mut tasks = Vec::new();
            for i in 0..500 {
                let cap = cap.clone();
                tasks.push(tokio::spawn(async move { cap.write(&record(&i.to_string(), b"{}")).await }));
            }
            for t in tasks {
                t.await.unwrap().unwrap();
            }
        });
        writer.close();
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
