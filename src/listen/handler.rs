//! The request pipeline: read the body, verify, forward (or answer 401/200), capture, count
//! toward `--expect`, display, answer. [`State`] is what every handler shares.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};

use super::body::{linger, read_body, too_large, BodyError};
use super::display::Shown;
use super::forward::{self, Forwarded};
use super::record::{Answer, Received, Stamp};
use super::request::{delivery_id, event_type, strip_prefix};
use super::state::{Lane, State};
use super::stop::Stop;
use super::verdict::Verdict;
use crate::sign;

/// Signature timestamp tolerance (DESIGN §4).
pub(super) const TOLERANCE_SECS: u64 = 300;

/// The request's steps: read, verify, forward (or answer 401/200), capture, count toward
/// `--expect`, show, answer. Each step fills in the one [`Received`] record the views render.
pub(super) async fn handle(ln: Arc<Lane>, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let st = &ln.state;
    let cfg = &st.cfg;
    let counts = &st.lanes[ln.index].counts;
    let (parts, mut body) = req.into_parts();
    let mut rec = Received::arrived(st.next_id(ln.index), Stamp::now(), &parts);
    counts.received.fetch_add(1, Ordering::Relaxed);

    let Some(suffix) = strip_prefix(cfg.path.as_deref(), rec.path) else {
        let prefix = cfg.path.clone().unwrap_or_default();
        counts.rejected.fetch_add(1, Ordering::Relaxed);
        // Like a refused body below: the 404 must reach a client still sending its body.
        if !parts.headers.contains_key(hyper::header::EXPECT) {
            linger(body);
        }
        return st
            .reject(rec, StatusCode::NOT_FOUND, format!("not found: this listener only serves {prefix}"))
            .await;
    };
    rec.body = match read_body(cfg, &parts.headers, &mut body).await {
        Ok(b) => b,
        Err(e) => {
            let (status, reason) = match e {
                BodyError::TooLarge => {
                    counts.too_large.fetch_add(1, Ordering::Relaxed);
                    (StatusCode::PAYLOAD_TOO_LARGE, too_large(cfg.max_body))
                }
                BodyError::TimedOut => {
                    (StatusCode::REQUEST_TIMEOUT, "request body not received in time".into())
                }
                BodyError::Broken(e) => {
                    (StatusCode::BAD_REQUEST, format!("cannot read the request body: {e}"))
                }
            };
            counts.rejected.fetch_add(1, Ordering::Relaxed);
            if !parts.headers.contains_key(hyper::header::EXPECT) {
                linger(body);
            }
            return st.reject(rec, status, reason).await;
        }
    };

    st.verify(&mut rec);
    match rec.verdict {
        Verdict::Valid => &counts.valid,
        Verdict::Invalid => &counts.invalid,
        _ => &counts.unverified,
    }
    .fetch_add(1, Ordering::Relaxed);
    rec.event_type = event_type(&rec.headers, &rec.body);
    let delivery = delivery_id(&rec.headers);
    rec.duplicate = match delivery {
        Some(d) => st.seen.lock().map(|mut s| s.check(d)).unwrap_or(false),
        None => false,
    };

    if rec.verdict == Verdict::Invalid {
        let msg = format!("invalid signature: {}\n", rec.reason.as_deref().unwrap_or_default());
        rec.answer = Answer::text(401, msg);
    } else {
        let forwarded = st.forward(&rec, suffix).await;
        (rec.answer, rec.forwarded_to, rec.forward_error) = (forwarded.answer, forwarded.to, forwarded.error);
    }
    // Capture before answering: acknowledged ⇒ captured.
    if let Err(e) = st.capture(ln.index, &rec).await {
        st.printer.warn(&format!("request {} not captured: {e}", rec.id));
        // Not stored ⇒ not acknowledged: the sender will retry.
        rec.answer = Answer::text(500, format!("capture failed: {e}\n"));
    }
    st.count_expected(&rec, delivery);
    st.publish(rec).await
}

/// What forwarding did: the answer for the sender, where it went, what failed.
struct Forwarding {
    answer: Answer,
    to: Option<String>,
    error: Option<String>,
}

impl State {
    /// A request id unique across both loops: loop i numbers i+1, i+1+n, … (n loops).
    fn next_id(&self, lane: usize) -> String {
        let seq = self.lanes[lane].seq.fetch_add(1, Ordering::Relaxed) * self.loops + lane as u64 + 1;
        format!("req_{}_{seq:06}", self.run_tag)
    }

    /// Hands the finished record to the inspector and the display, and answers the sender.
    async fn publish(&self, rec: Received<'_>) -> Response<Full<Bytes>> {
        if let Some(ui) = &self.ui {
            ui.record(&rec);
        }
        let response = rec.answer.to_response();
        if let Some(d) = &self.display {
            d.show(Shown::from(rec)).await;
        }
        response
    }

    /// Answers before the request was read (404, 408, 413, 400), shown but not captured.
    async fn reject(
        &self,
        mut rec: Received<'_>,
        status: StatusCode,
        reason: String,
    ) -> Response<Full<Bytes>> {
        rec.answer = Answer::text(status.as_u16(), format!("{reason}\n"));
        self.near_miss(format!("answered {}: {reason}", status.as_u16()));
        rec.reason = Some(reason);
        self.publish(rec).await
    }

    fn verify(&self, rec: &mut Received) {
        let cfg = &self.cfg;
        if cfg.secrets.is_empty() {
            rec.verdict = Verdict::Unverified;
            rec.scheme = cfg.scheme.or_else(|| sign::detect(&rec.headers)).map(|s| s.name());
            return;
        }
        let opts = sign::VerifyOptions { now: rec.stamp.unix, tolerance: TOLERANCE_SECS };
        match sign::verify(cfg.scheme, &cfg.secrets, &rec.headers, &rec.body, opts) {
            sign::Verdict::Valid { scheme, secret_index } => {
                rec.verdict = Verdict::Valid;
                rec.scheme = Some(scheme.name());
                rec.secret = (cfg.secrets.len() > 1).then_some(secret_index + 1);
            }
            sign::Verdict::Invalid { scheme, reason } => {
                rec.verdict = Verdict::Invalid;
                rec.scheme = scheme.map(|s| s.name());
                rec.reason = Some(reason.to_string());
                rec.why = Some(reason);
            }
        }
    }

    /// The forward target's answer (502/504 when it has none), or our own 200 when no route
    /// takes this event.
    async fn forward(&self, rec: &Received<'_>, suffix: &str) -> Forwarding {
        let route = self
            .forwarder
            .as_ref()
            .and_then(|f| Some((f, forward::pick(&self.cfg.routes, rec.event_type.as_deref())?)));
        let Some((fwd, route)) = route else {
            let ok = format!("{{\"ok\":true,\"id\":\"{}\"}}", rec.id);
            let answer = Answer { content_type: "application/json".into(), ..Answer::text(200, ok) };
            return Forwarding { answer, to: None, error: None };
        };
        let target = forward::target_url(&route.url, suffix, rec.query);
        // Shown, captured and told to the sender without a password the URL may carry.
        let url = crate::secret::redact_url(&target).into_owned();
        let (answer, error) = match fwd.send(rec.method, &target, &rec.headers, rec.body.clone()).await {
            Forwarded::Answer { status, content_type, body } => {
                let content_type = content_type.unwrap_or_default().into();
                (Answer { status, content_type, body, from_target: true }, None)
            }
            Forwarded::Unreachable(why) => {
                let msg = format!("forward target {url} unreachable: {why}\n");
                (Answer::text(502, msg), Some(why))
            }
            Forwarded::TimedOut => {
                let msg = format!(
                    "forward target {url} did not answer within {}\n",
                    humantime::format_duration(self.cfg.forward_timeout)
                );
                (Answer::text(504, msg), Some("timed out".into()))
            }
        };
        Forwarding { answer, to: Some(url), error }
    }

    async fn capture(&self, lane: usize, rec: &Received<'_>) -> std::result::Result<(), String> {
        let Some(cap) = &self.capture else { return Ok(()) };
        cap.write(lane, rec).await?;
        self.lanes[lane].counts.captured.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// `--expect`: counts a delivery that was acknowledged, and stops when enough arrived or
    /// a bad signature did. What does not count is remembered with why (the near misses).
    fn count_expected(&self, rec: &Received, delivery: Option<&str>) {
        let Some(n) = self.cfg.expect else { return };
        let verdict = rec.verdict;
        let mut why_not = self.why_not_counted(rec);
        // A retried delivery (same id) counts once.
        if why_not.is_none() {
            if let Some(d) = delivery {
                let first_time = self.counted_ids.lock().map(|mut s| s.insert(d.to_string())).unwrap_or(true);
                if !first_time {
                    why_not = Some("retry of a delivery already counted (same id)".into());
                }
            }
        }
        match why_not {
            None => {
                let c = self.counted.fetch_add(1, Ordering::Relaxed) + 1;
                if c >= n {
                    self.request_stop(Stop::ExpectReached);
                }
            }
            Some(why) => self.near_miss(why),
        }
        if verdict == Verdict::Invalid && !self.cfg.allow_invalid {
            match &rec.why {
                Some(sign::Reason::Unusable(why)) => {
                    let scheme = rec.scheme.unwrap_or("signed");
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

    /// Why an answered request does not count toward `--expect`, or `None` when it does (the
    /// same id seen before is checked by the caller).
    fn why_not_counted(&self, rec: &Received) -> Option<String> {
        if rec.verdict == Verdict::Invalid {
            return Some(format!("invalid signature ({})", rec.reason.as_deref().unwrap_or("?")));
        }
        if !(200..300).contains(&rec.status()) {
            return Some(match (&rec.forward_error, rec.answer.from_target) {
                (Some(e), _) => format!("answered {}: forward target {e}", rec.status()),
                (None, true) => format!("answered {} by the forward target", rec.status()),
                (None, false) => format!("answered {}", rec.status()),
            });
        }
        if let Some(want) = self.cfg.filter.as_deref() {
            match rec.event_type.as_deref() {
                Some(got) if crate::pattern::matches(want, got) => {}
                Some(got) => return Some(format!("type was \"{got}\" (wanted \"{want}\")")),
                None => return Some(format!("type was missing (wanted \"{want}\")")),
            }
        }
        if self.cfg.content.is_empty() {
            return None;
        }
        let body = serde_json::from_slice::<serde_json::Value>(&rec.body).ok();
        let header = |name: &str| sign::header(&rec.headers, name).map(str::to_string);
        self.cfg.content.check(&crate::matcher::Subject { body: body.as_ref(), header: &header })
    }

    /// Remembers a request that arrived (with `--expect`) but did not count, and why.
    pub(super) fn near_miss(&self, why: String) {
        if self.cfg.expect.is_some() {
            if let Ok(mut near) = self.near.lock() {
                near.add(why);
            }
        }
    }

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
        d.show(Shown::from(Received::malformed(Stamp::now(), status, format!("malformed request: {e}"))))
            .await;
    }
}
