//! The inspector's HTTP surface: the embedded page, the JSON API (list, detail, replay) and the
//! live event stream, all behind one guard — `Host` and `Origin` must name this inspector (so
//! DNS rebinding and other sites get 403) and every data route needs the per-run token.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bytes::Bytes;
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;

use super::explain;
use super::inspector::Ui;
use super::store::{Entry, Filter, MAX_ENTRIES};
use crate::listen::forward::{self, Forwarded, Forwarder};
use crate::listen::replay::{prepare, Resign};

const INDEX: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");

/// Scripts and styles from this origin only, no inline script, no frames, nothing loaded from
/// elsewhere: a payload that reaches the DOM as markup still cannot run.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub(super) fn router(ui: Arc<Ui>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(|| async { asset("text/javascript; charset=utf-8", SCRIPT) }))
        .route("/app.css", get(|| async { asset("text/css; charset=utf-8", STYLE) }))
        // Browsers ask for it unprompted; a 403 there is a console error on every load.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/api/requests", get(list))
        .route("/api/requests/{seq}", get(detail))
        .route("/api/requests/{seq}/replay", post(replay))
        .route("/api/events", get(events))
        .fallback(|| async { refuse(StatusCode::NOT_FOUND, "not found") })
        .layer(middleware::from_fn_with_state(ui.clone(), guard))
        .with_state(ui)
}

/// Query parameters of the data routes.
#[derive(Debug, Default, serde::Deserialize)]
struct Params {
    #[serde(default)]
    verdict: Option<String>,
    #[serde(default, rename = "type")]
    event_type: Option<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    before: Option<u64>,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    since: Option<u64>,
}

impl Params {
    fn filter(&self) -> Filter {
        Filter {
            verdict: self.verdict.clone(),
            event_type: self.event_type.clone(),
            path: self.path.clone(),
            q: self.q.clone(),
        }
    }
}

fn refuse(status: StatusCode, why: &str) -> Response {
    (status, Json(json!({"error": why}))).into_response()
}

fn asset(content_type: &'static str, text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], text).into_response()
}

/// `Host`/`Origin`/`Sec-Fetch-Site` checks on every route, the token on every route but the
/// static assets and the empty favicon (they hold no data), and the security headers on every answer.
async fn guard(State(ui): State<Arc<Ui>>, req: Request, next: Next) -> Response {
    let mut resp = match check(&ui, &req) {
        Ok(()) => next.run(req).await,
        Err(why) => refuse(StatusCode::FORBIDDEN, why),
    };
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

fn check(ui: &Ui, req: &Request) -> Result<(), &'static str> {
    let headers = req.headers();
    let ours = |value: &str, prefix: &str| {
        [format!("{prefix}127.0.0.1:{}", ui.port), format!("{prefix}localhost:{}", ui.port)]
            .iter()
            .any(|h| h == value)
    };
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries that name in Host.
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !ours(host, "") {
        return Err("forbidden: this inspector answers only to 127.0.0.1 and localhost");
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        if !ours(origin.to_str().unwrap_or_default(), "http://") {
            return Err("forbidden: requests from other sites are refused");
        }
    }
    if headers.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site") {
        return Err("forbidden: requests from other sites are refused");
    }
    if matches!(req.uri().path(), "/app.js" | "/app.css" | "/favicon.ico") {
        return Ok(());
    }
    if token_of(req).is_some_and(|t| same(t.as_bytes(), ui.token.as_bytes())) {
        Ok(())
    } else {
        Err("forbidden: open the address listen printed (it carries the token)")
    }
}

/// The token from `?t=` or the `X-Hookctl-Token` header.
fn token_of(req: &Request) -> Option<String> {
    if let Some(v) = req.headers().get("x-hookctl-token").and_then(|v| v.to_str().ok()) {
        return Some(v.to_string());
    }
    let query = req.uri().query()?;
    query.split('&').find_map(|kv| kv.strip_prefix("t=")).map(str::to_string)
}

fn same(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX)
}

/// Newest first, `limit` (default 100, at most 500) at a time; `before` pages to older ones.
async fn list(State(ui): State<Arc<Ui>>, Query(p): Query<Params>) -> Response {
    let limit = p.limit.unwrap_or(100).clamp(1, 500);
    let Ok(store) = ui.store.lock() else { return refuse(StatusCode::INTERNAL_SERVER_ERROR, "store failed") };
    let page = store.page(&p.filter(), p.before, limit);
    drop(store);
    Json(json!({
        "items": page.items.iter().map(|e| e.summary()).collect::<Vec<_>>(),
        "more": page.more,
        "total": page.total,
        "last_seq": page.last_seq,
        "window": MAX_ENTRIES,
    }))
    .into_response()
}

fn entry(ui: &Ui, seq: u64) -> Option<Arc<Entry>> {
    ui.store.lock().ok()?.get(seq)
}

async fn detail(State(ui): State<Arc<Ui>>, Path(seq): Path<u64>) -> Response {
    match entry(&ui, seq) {
        Some(e) => Json(explain::detail(&e, &ui.settings)).into_response(),
        None => refuse(StatusCode::NOT_FOUND, "no such request (it may have left the window)"),
    }
}

#[derive(Debug, serde::Deserialize)]
struct ReplayAsk {
    /// Where to send it; empty: where it was forwarded to.
    #[serde(default)]
    to: Option<String>,
    /// Sign again with a fresh id and timestamp (`replay --resign`).
    #[serde(default)]
    resign: bool,
}

/// Sends a kept request again and returns the answer. A POST with a JSON body (so another
/// site's form cannot make one without a CORS preflight), behind the token and Origin check.
async fn replay(State(ui): State<Arc<Ui>>, Path(seq): Path<u64>, Json(ask): Json<ReplayAsk>) -> Response {
    let Some(e) = entry(&ui, seq) else {
        return refuse(StatusCode::NOT_FOUND, "no such request (it may have left the window)");
    };
    let to = match ask.to.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_string(),
        None => match &e.forwarded_to {
            Some(t) => t.clone(),
            None => {
                return refuse(
                    StatusCode::BAD_REQUEST,
                    "this request was not forwarded: type a URL to send it to",
                )
            }
        },
    };
    let to = match forward::check_url(&unredact(&ui.settings.routes, &to)) {
        Ok(t) => t,
        Err(why) => return refuse(StatusCode::BAD_REQUEST, &why),
    };
    let resign = match (ask.resign, ui.settings.secrets.first()) {
        (false, _) => None,
        (true, Some(secret)) => Some(Resign {
            secret: secret.clone(),
            scheme: ui.settings.scheme,
            which: "listen's first secret".into(),
        }),
        (true, None) => return refuse(StatusCode::BAD_REQUEST, "re-signing needs listen --secret"),
    };
    let record = e.record();
    let body = e.body.to_vec();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let (headers, scheme) = match prepare(&record, &body, resign.as_ref(), now) {
        Ok(p) => p,
        Err(why) => return refuse(StatusCode::BAD_REQUEST, &why),
    };
    let fwd = match Forwarder::new(ui.settings.forward_timeout) {
        Ok(f) => f,
        Err(why) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, &why),
    };
    let (status, content_type, answer, error) =
        match fwd.send(&record.method, &to, &headers, Bytes::from(body)).await {
            Forwarded::Answer { status, content_type, body } => {
                (Some(status), content_type, Some(String::from_utf8_lossy(&body).into_owned()), None)
            }
            Forwarded::Unreachable(why) => (None, None, None, Some(why)),
            Forwarded::TimedOut => (None, None, None, Some("timed out".to_string())),
        };
    Json(json!({
        "url": crate::secret::redact_url(&to),
        "status": status,
        "content_type": content_type,
        "body": answer,
        "error": error,
        "resigned": scheme.map(|s| s.name()),
    }))
    .into_response()
}

/// The page knows forward targets only as shown, `user:***@`: a URL that starts like a
/// route's shown URL is sent to the route's real one (with the password), the rest kept.
fn unredact(routes: &[forward::Route], to: &str) -> String {
    for r in routes {
        let shown = crate::secret::redact_url(&r.url);
        if shown != r.url.as_str() {
            if let Some(rest) = to.strip_prefix(shown.as_ref()) {
                return format!("{}{rest}", r.url);
            }
        }
    }
    to.to_string()
}

/// Server-Sent Events: `request` events (the list line, `id:` its sequence number), live. A
/// page that reconnects sends `Last-Event-ID` (or `?since=`) and first gets what it missed; a
/// page too slow to keep up gets a `reset` event and reloads the list.
async fn events(State(ui): State<Arc<Ui>>, headers: HeaderMap, Query(p): Query<Params>) -> Response {
    // Subscribed before the backlog is read: nothing falls between the two.
    let rx = ui.live.subscribe();
    let last_id = headers.get("last-event-id").and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
    let filter = p.filter();
    let (backlog, last) = {
        let Ok(store) = ui.store.lock() else {
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, "store failed");
        };
        match last_id.or(p.since) {
            Some(since) => (store.after(since), since),
            None => (Vec::new(), store.page(&Filter::default(), None, 1).last_seq),
        }
    };
    struct Feed {
        backlog: std::collections::VecDeque<Arc<Entry>>,
        last: u64,
        reset: bool,
        /// Nothing sent yet: the answer's head goes out with the first chunk, and Firefox
        /// reports the stream open only then (15 s later, at the first keep-alive, without one).
        hello: bool,
    }
    let feed = Feed { backlog: backlog.into(), last, reset: false, hello: true };
    let stream = futures_util::stream::unfold((feed, rx, filter), |(mut feed, mut rx, filter)| async move {
        loop {
            if feed.hello {
                feed.hello = false;
                return Some((Ok::<_, Infallible>(Event::default().comment("live")), (feed, rx, filter)));
            }
            if feed.reset {
                feed.reset = false;
                return Some((
                    Ok::<_, Infallible>(Event::default().event("reset").data("{}")),
                    (feed, rx, filter),
                ));
            }
            if let Some(e) = feed.backlog.pop_front() {
                feed.last = feed.last.max(e.seq);
                if !filter.matches(&e) {
                    continue;
                }
                return Some((Ok(sse_event(&e)), (feed, rx, filter)));
            }
            match rx.recv().await {
                Ok(e) if e.seq > feed.last => feed.backlog.push_back(e),
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => feed.reset = true,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default()).into_response()
}

fn sse_event(e: &Entry) -> Event {
    Event::default().event("request").id(e.seq.to_string()).data(e.summary().to_string())
}
