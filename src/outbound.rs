//! A webhook POST to a handler, sent the way a provider sends it (`send`, `probe`): redirects
//! are not followed (a 3xx is the handler's answer), every request has a deadline, a loopback
//! target is reached directly (a corporate `HTTP_PROXY` must not swallow a local app), and
//! only the first part of a huge answer is read.

use std::time::Duration;

use crate::api::ApiError;
use crate::{Error, Result};

/// How much of an answer is read at all: a handler streaming gigabytes must not fill memory.
pub(crate) const READ_LIMIT: usize = 1 << 20;

/// What the handler answered.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub status: reqwest::StatusCode,
    /// The first [`READ_LIMIT`] bytes of the body.
    pub body: Vec<u8>,
    /// Bytes past the limit (at least those seen before reading stopped).
    pub unread: usize,
    /// The `Location` header of a redirect, as text.
    pub location: Option<String>,
}

/// Header names as given go out lower-case (HTTP/1.1 and h2 alike); `TitleCase` sends them
/// `Title-Cased` over HTTP/1.1 only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderCase {
    Lower,
    TitleCase,
}

/// An HTTP client for POSTs to `url`.
pub(crate) fn client(url: &reqwest::Url, timeout: Duration, case: HeaderCase) -> Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder().timeout(timeout).redirect(reqwest::redirect::Policy::none());
    if crate::loopback::is_loopback(url) {
        builder = builder.no_proxy();
    }
    if case == HeaderCase::TitleCase {
        // h2 has lower-case names by definition: the case of a name only exists in HTTP/1.1.
        builder = builder.http1_title_case_headers().http1_only();
    }
    builder.build().map_err(|e| Error::Internal(format!("cannot build the HTTP client: {e}")))
}

/// POSTs `body` with `headers` and reads the answer; a network failure or a timeout is a
/// network error (exit 5) naming the URL.
pub(crate) async fn post(
    client: &reqwest::Client,
    url: &reqwest::Url,
    headers: &[(String, String)],
    body: Vec<u8>,
) -> Result<Answer> {
    let network = |message: String| Error::Api(ApiError::network(message));
    let mut request = client.post(url.clone()).body(body);
    for (k, v) in headers {
        request = request.header(k.as_str(), v.as_str());
    }
    let mut response = request.send().await.map_err(|e| network(describe(url, &e)))?;
    let status = response.status();
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let mut bytes = Vec::new();
    let mut unread = 0;
    while let Some(chunk) = response.chunk().await.map_err(|e| network(describe(url, &e)))? {
        let room = READ_LIMIT.saturating_sub(bytes.len());
        if room == 0 {
            // Past the limit: stop reading; what we know is that there was more.
            unread += chunk.len();
            break;
        }
        let take = room.min(chunk.len());
        bytes.extend_from_slice(&chunk[..take]);
        unread += chunk.len() - take;
    }
    Ok(Answer { status, body: bytes, unread, location })
}

/// `POST http://…: connection failed: Connection refused (os error 111)`.
pub(crate) fn describe(url: &reqwest::Url, e: &reqwest::Error) -> String {
    let what = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "connection failed".to_string()
    } else if e.is_builder() {
        "invalid request (check --header values)".to_string()
    } else {
        "request failed".to_string()
    };
    // reqwest's chain holds the real cause (refused, DNS, TLS).
    let mut cause = String::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        cause = s.to_string();
        source = s.source();
    }
    let url = redacted(url);
    if cause.is_empty() {
        format!("POST {url}: {what}")
    } else {
        format!("POST {url}: {what}: {cause}")
    }
}

/// The URL as shown to people and logs: a password in it is replaced by `***`.
pub(crate) fn redacted(url: &reqwest::Url) -> String {
    crate::secret::redact_url(url.as_str()).into_owned()
}

/// A handler URL given on the command line: http or https, or a usage error.
pub(crate) fn parse_url(raw: &str) -> Result<reqwest::Url> {
    use crate::sanitize::sanitize_line;
    let url = reqwest::Url::parse(raw).map_err(|e| {
        Error::usage_hint(
            format!("invalid URL '{}': {e}", sanitize_line(raw)),
            "e.g. http://127.0.0.1:8787/webhooks",
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::usage(format!(
            "invalid URL '{}': only http and https are supported",
            sanitize_line(raw)
        )));
    }
    Ok(url)
}

/// Headers that frame the request: hookctl sets them from the body. A user value (say
/// `Content-Length: 1`) would contradict the real body, so the handler would read a truncated
/// or garbled request.
pub(crate) fn refuse_framing_headers(headers: &[(String, String)]) -> Result<()> {
    const FRAMING: [&str; 5] = ["content-length", "transfer-encoding", "connection", "upgrade", "te"];
    match headers.iter().find(|(k, _)| FRAMING.iter().any(|f| k.eq_ignore_ascii_case(f))) {
        Some((name, _)) => Err(Error::usage_hint(
            format!("--header {name} cannot be set: hookctl frames the request itself"),
            "drop it; Content-Length is computed from the body",
        )),
        None => Ok(()),
    }
}
