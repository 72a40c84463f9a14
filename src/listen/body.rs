//! Reading a request body within `--max-body` and `--body-timeout`, and the lingering close
//! that lets a refused sender read its answer.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::{Body, Incoming};
use hyper::header::CONTENT_LENGTH;

use super::config::Config;

/// Why a body was not read.
pub(super) enum BodyError {
    TooLarge,
    TimedOut,
    Broken(String),
}

/// Reads the body within `--max-body` and `--body-timeout`. A declared length over the limit
/// is refused before reading anything.
pub(super) async fn read_body(
    cfg: &Config,
    headers: &hyper::HeaderMap,
    body: &mut Incoming,
) -> Result<Bytes, BodyError> {
    let declared = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > cfg.max_body as u64) {
        return Err(BodyError::TooLarge);
    }
    // A deadline too far to represent is no deadline.
    let deadline = tokio::time::Instant::now().checked_add(cfg.body_timeout);
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut len = 0usize;
    loop {
        let frame = match deadline {
            Some(d) => tokio::time::timeout_at(d, body.frame()).await.map_err(|_| BodyError::TimedOut)?,
            None => body.frame().await,
        };
        let data = match frame {
            None => break,
            Some(Err(e)) => return Err(BodyError::Broken(e.to_string())),
            Some(Ok(frame)) => match frame.into_data() {
                Ok(data) => data,
                Err(_) => continue, // trailers
            },
        };
        len += data.len();
        if len > cfg.max_body {
            return Err(BodyError::TooLarge);
        }
        chunks.push(data);
    }
    Ok(match chunks.len() {
        0 => Bytes::new(),
        1 => chunks.remove(0),
        _ => Bytes::from(chunks.concat()),
    })
}

/// How much of a refused body is read and thrown away, and for how long, so that clients that
/// send the whole body before reading (Python's `http.client`, many SDKs) get the answer
/// instead of a reset connection — a web server's lingering close.
const LINGER_BYTES: usize = 16 << 20;
const LINGER_TIME: Duration = Duration::from_secs(5);

/// Reads and discards the rest of a refused body in the background: hyper sends the answer
/// meanwhile, and closes the connection when this gives up.
pub(super) fn linger(mut body: Incoming) {
    if body.is_end_stream() {
        return;
    }
    tokio::spawn(async move {
        let deadline = tokio::time::Instant::now() + LINGER_TIME;
        let mut left = LINGER_BYTES;
        while let Ok(Some(Ok(frame))) = tokio::time::timeout_at(deadline, body.frame()).await {
            let n = frame.data_ref().map_or(0, Bytes::len);
            if n >= left {
                break;
            }
            left -= n;
        }
    });
}

pub(super) fn too_large(max: usize) -> String {
    format!("request body larger than {max} bytes (raise --max-body)")
}
