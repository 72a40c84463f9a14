//! One record per request. The handler builds a [`Received`] once — from hyper's head, which it
//! borrows, and from what each step of the pipeline found — and every view renders from it:
//! the capture line ([`super::capture::line`]), the display ([`super::display::Shown::from`])
//! and the inspector ([`super::ui::Ui::record`]); `--expect` counts from it too. Adding a
//! recorded field touches this struct and the views that show it, nothing else.

use std::borrow::Cow;

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Response, StatusCode};

use super::verdict::Verdict;
use crate::sign::{self, HeaderPair};

const TEXT: &str = "text/plain; charset=utf-8";

/// One request header as the listener sees it: `value` is the text (lossy only when `raw` is
/// not UTF-8, for verification and display), `raw` the exact bytes for capture and forwarding.
pub struct HeaderRef<'a> {
    pub name: &'a str,
    pub value: Cow<'a, str>,
    pub raw: &'a [u8],
}

impl<'a> HeaderRef<'a> {
    pub fn new(name: &'a str, raw: &'a [u8]) -> Self {
        // Validating first is several times cheaper than the lossy walk for the usual case.
        let value = match std::str::from_utf8(raw) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(raw),
        };
        HeaderRef { name, value, raw }
    }
}

impl HeaderPair for HeaderRef<'_> {
    fn name(&self) -> &str {
        self.name
    }
    fn value(&self) -> &str {
        &self.value
    }
    fn bytes(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(self.raw)
    }
}

/// One request: as it arrived, what verifying and forwarding found, and what was answered.
pub(crate) struct Received<'a> {
    /// `req_<run>_<n>`, unique in the run; the capture's `id` and `replay --id`.
    pub id: String,
    pub stamp: Stamp,
    pub method: &'a str,
    pub path: &'a str,
    pub query: Option<&'a str>,
    /// In arrival order, repeated names kept.
    pub headers: Vec<HeaderRef<'a>>,
    /// Empty for a request refused before its body was read.
    pub body: Bytes,
    pub verdict: Verdict,
    /// The signature scheme used or detected.
    pub scheme: Option<&'static str>,
    /// Why the signature is invalid (the inspector explains it).
    pub why: Option<sign::Reason>,
    /// The reason as text: why the signature is invalid, or why the request was refused.
    pub reason: Option<String>,
    /// 1-based position of the secret that matched, when several are configured (rotation).
    pub secret: Option<usize>,
    pub event_type: Option<String>,
    /// A delivery id seen before (a sender's retry).
    pub duplicate: bool,
    /// Where it was forwarded (a password in the URL redacted).
    pub forwarded_to: Option<String>,
    /// Why forwarding failed.
    pub forward_error: Option<String>,
    /// The answer to the sender.
    pub answer: Answer,
}

impl<'a> Received<'a> {
    /// A request as it arrived: refused (`Verdict::Rejected`, 0) until the pipeline says more.
    pub(crate) fn arrived(id: String, stamp: Stamp, parts: &'a hyper::http::request::Parts) -> Received<'a> {
        Received {
            id,
            stamp,
            method: parts.method.as_str(),
            path: parts.uri.path(),
            query: parts.uri.query(),
            headers: parts.headers.iter().map(|(k, v)| HeaderRef::new(k.as_str(), v.as_bytes())).collect(),
            body: Bytes::new(),
            verdict: Verdict::Rejected,
            scheme: None,
            why: None,
            reason: None,
            secret: None,
            event_type: None,
            duplicate: false,
            forwarded_to: None,
            forward_error: None,
            answer: Answer::text(0, String::new()),
        }
    }

    /// A request too malformed to parse: no head to borrow, shown with `-` for what is unknown.
    pub(crate) fn malformed(stamp: Stamp, status: u16, reason: String) -> Received<'static> {
        Received {
            id: "-".into(),
            stamp,
            method: "-",
            path: "-",
            query: None,
            headers: Vec::new(),
            body: Bytes::new(),
            verdict: Verdict::Rejected,
            scheme: None,
            why: None,
            reason: Some(reason),
            secret: None,
            event_type: None,
            duplicate: false,
            forwarded_to: None,
            forward_error: None,
            answer: Answer::text(status, String::new()),
        }
    }

    /// The status answered.
    pub(crate) fn status(&self) -> u16 {
        self.answer.status
    }

    pub(crate) fn received_at(&self) -> &str {
        self.stamp.as_str()
    }
}

/// The answer to the sender: ours, or the forward target's.
pub(crate) struct Answer {
    pub status: u16,
    pub content_type: Cow<'static, str>,
    pub body: Bytes,
    /// `status`, `content_type` and `body` are the forward target's answer.
    pub from_target: bool,
}

impl Answer {
    pub(crate) fn text(status: u16, body: String) -> Answer {
        Answer { status, content_type: TEXT.into(), body: Bytes::from(body), from_target: false }
    }

    pub(crate) fn to_response(&self) -> Response<Full<Bytes>> {
        let mut resp = Response::new(Full::new(self.body.clone()));
        *resp.status_mut() = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_GATEWAY);
        let content_type = match &self.content_type {
            Cow::Borrowed("") => None,
            Cow::Borrowed(s) => Some(HeaderValue::from_static(s)),
            Cow::Owned(s) => HeaderValue::try_from(s.as_str()).ok().filter(|v| !v.is_empty()),
        };
        if let Some(v) = content_type {
            resp.headers_mut().insert(CONTENT_TYPE, v);
        }
        resp
    }
}

/// When a request arrived: RFC 3339 UTC with microseconds (`2026-11-23T14:20:00.123456Z`),
/// formatted on the stack, and the Unix time the signature tolerance is checked against.
pub(crate) struct Stamp {
    text: [u8; 27],
    pub unix: i64,
}

impl Stamp {
    pub(crate) fn now() -> Stamp {
        Stamp::at(time::OffsetDateTime::now_utc())
    }

    pub(crate) fn at(t: time::OffsetDateTime) -> Stamp {
        let mut text = *b"0000-00-00T00:00:00.000000Z";
        let mut put = |at: usize, width: usize, mut n: u32| {
            for i in (at..at + width).rev() {
                text[i] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        put(0, 4, t.year().clamp(0, 9999) as u32);
        put(5, 2, u8::from(t.month()).into());
        put(8, 2, t.day().into());
        put(11, 2, t.hour().into());
        put(14, 2, t.minute().into());
        put(17, 2, t.second().into());
        put(20, 6, t.microsecond());
        Stamp { text, unix: t.unix_timestamp() }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and separators are ever written.
        std::str::from_utf8(&self.text).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_is_rfc3339_utc_with_microseconds() {
        let t = time::macros::datetime!(2026-03-04 05:06:07.089_012_345 UTC);
        let s = Stamp::at(t);
        assert_eq!(s.as_str(), "2026-03-04T05:06:07.089012Z");
        assert_eq!(s.unix, t.unix_timestamp());
        let now = Stamp::now();
        let parsed =
            time::OffsetDateTime::parse(now.as_str(), &time::format_description::well_known::Rfc3339)
                .unwrap();
        assert_eq!(parsed.unix_timestamp(), now.unix);
    }
}
