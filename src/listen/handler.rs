//! The request pipeline: read the body, verify, forward (or answer 401/200), capture, count
//! toward `--expect`, display, answer. [`State`] is what every handler shares.

use std::borrow::Cow;
use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};
use tokio::sync::watch;

use super::body::{linger, read_body, too_large, BodyError};
use super::capture::{Capture, HeaderRef, RecordRef};
use super::display::{DisplayHandle, Shown};
use super::forward::{self, Forwarded, Forwarder};
use super::lanes::{Lane, LaneCounts};
use super::run::{request_stop, Stop};
use super::ui::{self, Ui};
use super::{Config, Verdict};
use crate::output::Printer;
use crate::sign;

/// How many delivery ids are remembered for duplicate detection.
const DEDUP_WINDOW: usize = 10_000;
/// Signature timestamp tolerance (DESIGN §4).
pub(super) const TOLERANCE_SECS: u64 = 300;

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
    /// How many event loops run ([`event_loops`]).
    pub loops: u64,
    /// Deliveries counted toward `--expect` (both loops).
    pub counted: AtomicU64,
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
    fn check(&mut self, id: &str) -> bool {
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

const TEXT: &str = "text/plain; charset=utf-8";

/// When a request arrived: RFC 3339 UTC with microseconds (`2026-11-23T14:20:00.123456Z`),
/// formatted on the stack, and the Unix time the signature tolerance is checked against.
struct Stamp {
    text: [u8; 27],
    unix: i64,
}

impl Stamp {
    fn now() -> Stamp {
        Stamp::at(time::OffsetDateTime::now_utc())
    }

    fn at(t: time::OffsetDateTime) -> Stamp {
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

    fn as_str(&self) -> &str {
        // Only ASCII digits and separators are ever written.
        std::str::from_utf8(&self.text).unwrap_or_default()
    }
}

/// A request as it arrived: its id and time, and the head borrowed from hyper (nothing is
/// copied per request unless it is displayed).
struct Arrival<'a> {
    id: String,
    stamp: Stamp,
    method: &'a str,
    path: &'a str,
    query: Option<&'a str>,
    headers: Vec<HeaderRef<'a>>,
}

/// What verifying found.
struct Check {
    verdict: Verdict,
    scheme: Option<&'static str>,
    reason: Option<sign::Reason>,
    /// The reason as text (answer, capture, display).
    reason_text: Option<String>,
    /// 1-based position of the secret that matched, when several are configured (rotation).
    secret: Option<usize>,
}

/// The answer to the sender, and what forwarding did.
struct Answer {
    status: u16,
    content_type: Cow<'static, str>,
    body: Bytes,
    forwarded_to: Option<String>,
    forward_error: Option<String>,
    /// `status`, `content_type` and `body` are the forward target's answer.
    from_target: bool,
}

impl Answer {
    fn text(status: u16, body: String) -> Answer {
        Answer {
            status,
            content_type: TEXT.into(),
            body: Bytes::from(body),
            forwarded_to: None,
            forward_error: None,
            from_target: false,
        }
    }

    fn into_response(self) -> Response<Full<Bytes>> {
        let mut resp = Response::new(Full::new(self.body));
        *resp.status_mut() = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_GATEWAY);
        let content_type = match self.content_type {
            Cow::Borrowed("") => None,
            Cow::Borrowed(s) => Some(HeaderValue::from_static(s)),
            Cow::Owned(s) => HeaderValue::try_from(s).ok().filter(|v| !v.is_empty()),
        };
        if let Some(v) = content_type {
            resp.headers_mut().insert(CONTENT_TYPE, v);
        }
        resp
    }
}

/// The request's steps: read, verify, forward (or answer 401/200), capture, count toward
/// `--expect`, display, answer.
pub(super) async fn handle(ln: Arc<Lane>, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let st = &ln.state;
    let cfg = &st.cfg;
    let counts = &st.lanes[ln.index].counts;
    let (parts, mut body) = req.into_parts();
    let arrival = st.arrive(ln.index, &parts);
    counts.received.fetch_add(1, Ordering::Relaxed);

    let Some(suffix) = super::strip_prefix(cfg.path.as_deref(), arrival.path) else {
        let prefix = cfg.path.clone().unwrap_or_default();
        // Like a refused body below: the 404 must reach a client still sending its body.
        if !parts.headers.contains_key(hyper::header::EXPECT) {
            linger(body);
        }
        return st
            .reject(&arrival, StatusCode::NOT_FOUND, format!("not found: this listener only serves {prefix}"))
            .await;
    };
    let body = match read_body(cfg, &parts.headers, &mut body).await {
        Ok(b) => b,
        Err(e) => {
            let (status, reason) = match e {
                BodyError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, too_large(cfg.max_body)),
                BodyError::TimedOut => {
                    (StatusCode::REQUEST_TIMEOUT, "request body not received in time".into())
                }
                BodyError::Broken(e) => {
                    (StatusCode::BAD_REQUEST, format!("cannot read the request body: {e}"))
                }
            };
            if !parts.headers.contains_key(hyper::header::EXPECT) {
                linger(body);
            }
            return st.reject(&arrival, status, reason).await;
        }
    };

    let check = st.verify(&arrival, &body);
    match check.verdict {
        Verdict::Valid => &counts.valid,
        Verdict::Invalid => &counts.invalid,
        _ => &counts.unverified,
    }
    .fetch_add(1, Ordering::Relaxed);
    let event_type = super::event_type(&arrival.headers, &body);
    let delivery = super::delivery_id(&arrival.headers);
    let duplicate = match delivery {
        Some(d) => st.seen.lock().map(|mut s| s.check(d)).unwrap_or(false),
        None => false,
    };

    let mut answer = match check.verdict {
        Verdict::Invalid => Answer::text(
            401,
            format!("invalid signature: {}\n", check.reason_text.as_deref().unwrap_or_default()),
        ),
        _ => st.forward(&arrival, suffix, event_type.as_deref(), &body).await,
    };
    // Capture before answering: acknowledged ⇒ captured.
    if let Err(e) =
        st.capture(ln.index, &arrival, &body, &check, answer.status, event_type.as_deref(), duplicate).await
    {
        st.printer.warn(&format!("request {} not captured: {e}", arrival.id));
        // Not stored ⇒ not acknowledged: the sender will retry.
        answer = Answer {
            forwarded_to: answer.forwarded_to,
            ..Answer::text(500, format!("capture failed: {e}\n"))
        };
    }
    st.count_expected(&check, answer.status, event_type.as_deref(), delivery);
    if let Some(ui) = &st.ui {
        ui.record(&ui::Seen {
            verdict: check.verdict,
            scheme: check.scheme,
            reason: check.reason.as_ref(),
            event_type: event_type.as_deref(),
            duplicate,
            secret: check.secret,
            forwarded_to: answer.forwarded_to.as_deref(),
            forward_error: answer.forward_error.as_deref(),
            answer: answer.from_target.then_some((answer.status, &*answer.content_type, &answer.body)),
            ..arrival.seen(answer.status, &body)
        });
    }
    if let Some(d) = &st.display {
        let mut shown = arrival.shown(check.verdict, answer.status, body.len());
        shown.event_type = event_type;
        shown.secret = check.secret;
        shown.scheme = check.scheme.map(str::to_string);
        shown.reason = check.reason_text;
        shown.duplicate = duplicate;
        shown.forwarded_to = answer.forwarded_to.take();
        shown.forward_error = answer.forward_error.take();
        shown.body = body;
        d.show(shown).await;
    }
    answer.into_response()
}

impl State {
    fn arrive<'a>(&self, lane: usize, parts: &'a hyper::http::request::Parts) -> Arrival<'a> {
        // Unique across both loops: loop i numbers i+1, i+1+n, … (n loops).
        let seq = self.lanes[lane].seq.fetch_add(1, Ordering::Relaxed) * self.loops + lane as u64 + 1;
        Arrival {
            id: format!("req_{}_{seq:06}", self.run_tag),
            stamp: Stamp::now(),
            method: parts.method.as_str(),
            path: parts.uri.path(),
            query: parts.uri.query(),
            headers: parts.headers.iter().map(|(k, v)| HeaderRef::new(k.as_str(), v.as_bytes())).collect(),
        }
    }

    /// Answers before the request was read (404, 408, 413, 400), shown but not captured.
    async fn reject(
        &self,
        arrival: &Arrival<'_>,
        status: StatusCode,
        reason: String,
    ) -> Response<Full<Bytes>> {
        if let Some(ui) = &self.ui {
            let nothing = Bytes::new();
            ui.record(&ui::Seen { refusal: Some(&reason), ..arrival.seen(status.as_u16(), &nothing) });
        }
        if let Some(d) = &self.display {
            let mut shown = arrival.shown(Verdict::Rejected, status.as_u16(), 0);
            shown.reason = Some(reason.clone());
            d.show(shown).await;
        }
        Answer::text(status.as_u16(), format!("{reason}\n")).into_response()
    }

    fn verify(&self, arrival: &Arrival, body: &[u8]) -> Check {
        let cfg = &self.cfg;
        if cfg.secrets.is_empty() {
            let scheme = cfg.scheme.or_else(|| sign::detect(&arrival.headers)).map(|s| s.name());
            return Check {
                verdict: Verdict::Unverified,
                scheme,
                reason: None,
                reason_text: None,
                secret: None,
            };
        }
        let opts = sign::VerifyOptions { now: arrival.stamp.unix, tolerance: TOLERANCE_SECS };
        match sign::verify(cfg.scheme, &cfg.secrets, &arrival.headers, body, opts) {
            sign::Verdict::Valid { scheme, secret_index } => Check {
                verdict: Verdict::Valid,
                scheme: Some(scheme.name()),
                reason: None,
                reason_text: None,
                secret: (cfg.secrets.len() > 1).then_some(secret_index + 1),
            },
            sign::Verdict::Invalid { scheme, reason } => Check {
                verdict: Verdict::Invalid,
                scheme: scheme.map(|s| s.name()),
                reason_text: Some(reason.to_string()),
                reason: Some(reason),
                secret: None,
            },
        }
    }

    /// The forward target's answer (502/504 when it has none), or our own 200 when no route
    /// takes this event.
    async fn forward(
        &self,
        arrival: &Arrival<'_>,
        suffix: &str,
        event_type: Option<&str>,
        body: &Bytes,
    ) -> Answer {
        let route =
            self.forwarder.as_ref().and_then(|f| Some((f, forward::pick(&self.cfg.routes, event_type)?)));
        let Some((fwd, route)) = route else {
            let ok = format!("{{\"ok\":true,\"id\":\"{}\"}}", arrival.id);
            return Answer { content_type: "application/json".into(), ..Answer::text(200, ok) };
        };
        let target = forward::target_url(&route.url, suffix, arrival.query);
        // Shown, captured and told to the sender without a password the URL may carry.
        let url = crate::secret::redact_url(&target).into_owned();
        let mut answer = match fwd.send(arrival.method, &target, &arrival.headers, body.clone()).await {
            Forwarded::Answer { status, content_type, body } => Answer {
                status,
                content_type: content_type.unwrap_or_default().into(),
                body,
                forwarded_to: None,
                forward_error: None,
                from_target: true,
            },
            Forwarded::Unreachable(why) => {
                let msg = format!("forward target {url} unreachable: {why}\n");
                Answer { forward_error: Some(why), ..Answer::text(502, msg) }
            }
            Forwarded::TimedOut => {
                let msg = format!(
                    "forward target {url} did not answer within {}\n",
                    humantime::format_duration(self.cfg.forward_timeout)
                );
                Answer { forward_error: Some("timed out".into()), ..Answer::text(504, msg) }
            }
        };
        answer.forwarded_to = Some(url);
        answer
    }

    #[allow(clippy::too_many_arguments)]
    async fn capture(
        &self,
        lane: usize,
        arrival: &Arrival<'_>,
        body: &[u8],
        check: &Check,
        status: u16,
        event_type: Option<&str>,
        duplicate: bool,
    ) -> std::result::Result<(), String> {
        let Some(cap) = &self.capture else { return Ok(()) };
        let mut rec = RecordRef {
            id: &arrival.id,
            received_at: arrival.stamp.as_str(),
            method: arrival.method,
            path: arrival.path,
            query: arrival.query,
            headers: &arrival.headers,
            body: None,
            body_base64: None,
            verdict: check.verdict,
            scheme: check.scheme,
            reason: check.reason_text.as_deref(),
            status,
            event_type,
            duplicate,
        };
        rec.set_body(body);
        cap.write_ref(lane, &rec).await?;
        self.lanes[lane].counts.captured.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// `--expect`: counts a delivery that was acknowledged, and stops when enough arrived or
    /// a bad signature did.
    fn count_expected(&self, check: &Check, status: u16, event_type: Option<&str>, delivery: Option<&str>) {
        let Some(n) = self.cfg.expect else { return };
        let verdict = check.verdict;
        let counts_toward = (200..300).contains(&status)
            && verdict != Verdict::Invalid
            && match self.cfg.filter.as_deref() {
                None => true,
                Some(f) => event_type.is_some_and(|t| crate::pattern::matches(f, t)),
            };
        // A retried delivery (same id) counts once.
        let first_time = match delivery {
            Some(d) if counts_toward => {
                self.counted_ids.lock().map(|mut s| s.insert(d.to_string())).unwrap_or(true)
            }
            _ => counts_toward,
        };
        if counts_toward && first_time {
            let c = self.counted.fetch_add(1, Ordering::Relaxed) + 1;
            if c >= n {
                self.request_stop(Stop::ExpectReached);
            }
        }
        if verdict == Verdict::Invalid && !self.cfg.allow_invalid {
            match &check.reason {
                Some(sign::Reason::Unusable(why)) => {
                    let scheme = check.scheme.unwrap_or("signed");
                    if let Ok(mut u) = self.unusable.lock() {
                        u.get_or_insert_with(|| {
                            format!("{scheme} requests cannot be verified with it ({why})")
                        });
                    }
                    self.request_stop(Stop::UnusableSecret);
                }
                _ => self.request_stop(Stop::Invalid),
            }
        }
    }
}

impl State {
    /// hyper answers a request it cannot parse (400, 431, 414) before any handler runs: show
    /// that it happened, as for the other refused requests.
    pub(super) async fn show_malformed(&self, e: &hyper::Error) {
        let Some(d) = &self.display else { return };
        if !e.is_parse() || e.is_parse_version_h2() {
            return;
        }
        // hyper's message is the only thing that tells 414 from 431.
        let status = if e.to_string().contains("URI too long") {
            414
        } else if e.is_parse_too_large() {
            431
        } else {
            400
        };
        let mut shown = Shown::new("-".into(), Stamp::now().as_str().into(), "-".into(), "-".into(), None);
        shown.reason = Some(format!("malformed request: {e}"));
        shown.status = status;
        d.show(shown).await;
    }
}

impl<'a> Arrival<'a> {
    /// The inspector's view, as refused (`Verdict::Rejected`) until the caller says more.
    fn seen<'s>(&'s self, status: u16, body: &'s Bytes) -> ui::Seen<'s>
    where
        'a: 's,
    {
        ui::Seen {
            id: &self.id,
            received_at: self.stamp.as_str(),
            received_unix: self.stamp.unix,
            method: self.method,
            path: self.path,
            query: self.query,
            headers: &self.headers,
            body,
            verdict: Verdict::Rejected,
            scheme: None,
            reason: None,
            refusal: None,
            status,
            event_type: None,
            duplicate: false,
            secret: None,
            forwarded_to: None,
            forward_error: None,
            answer: None,
        }
    }

    fn shown(&self, verdict: Verdict, status: u16, size: usize) -> Shown {
        let mut shown = Shown::new(
            self.id.clone(),
            self.stamp.as_str().into(),
            self.method.into(),
            self.path.into(),
            self.query.map(str::to_string),
        );
        shown.verdict = verdict;
        shown.status = status;
        shown.size = size;
        shown
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
