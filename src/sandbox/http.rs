//! What every dialect router shares: the token check, the 1 MiB body limit, and error bodies
//! in each provider's own shape (partner `businessErrors`, django-ninja `detail`, xpath
//! `error{code,message,details}`, personio problem+json with a trace id).

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde_json::{json, Value};

use super::app::App;
use super::model;

/// Largest request body the sandbox accepts; larger ones get 413.
pub(crate) const MAX_BODY: usize = 1024 * 1024;
/// How much of an oversized body is read (and dropped) so the client sees the 413 instead of
/// a reset connection.
const DRAIN_LIMIT: usize = 16 * 1024 * 1024;

/// Whose error shape to answer in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Partner,
    Closient,
    Xpath,
    Personio,
    Admin,
}

/// One refusal, rendered by [`Dialect::respond`].
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub status: StatusCode,
    /// A short machine word (xpath `code`, partner business error `type`).
    pub code: &'static str,
    /// A short title (personio `title`); defaults to the HTTP reason.
    pub title: Option<String>,
    pub detail: String,
    /// Field-level details (closient's validation list, xpath `details`).
    pub details: Vec<Value>,
}

impl Problem {
    pub(crate) fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Problem {
        Problem { status, code, title: None, detail: detail.into(), details: Vec::new() }
    }

    pub(crate) fn title(mut self, t: impl Into<String>) -> Problem {
        self.title = Some(t.into());
        self
    }

    pub(crate) fn details(mut self, d: Vec<Value>) -> Problem {
        self.details = d;
        self
    }

    pub(crate) fn bad_request(code: &'static str, detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, code, detail)
    }

    pub(crate) fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not_found", detail)
    }

    pub(crate) fn internal(e: impl std::fmt::Display) -> Problem {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", format!("sandbox error: {e}"))
    }
}

impl From<super::store::StoreError> for Problem {
    fn from(e: super::store::StoreError) -> Problem {
        Problem::internal(e)
    }
}

fn reason(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or("Error")
}

impl Dialect {
    pub(crate) fn respond(self, p: Problem) -> Response {
        let reason = reason(p.status);
        let (content_type, body) = match self {
            Dialect::Partner => {
                let business =
                    if p.status == StatusCode::BAD_REQUEST || p.status == StatusCode::UNPROCESSABLE_ENTITY {
                        json!([{"type": p.code, "message": p.detail}])
                    } else {
                        json!([])
                    };
                (
                    "application/json",
                    json!({"error": reason, "message": p.detail, "businessErrors": business}),
                )
            }
            Dialect::Closient if !p.details.is_empty() => ("application/json", json!({"detail": p.details})),
            Dialect::Closient => ("application/json", json!({"detail": p.detail})),
            Dialect::Xpath => (
                "application/json",
                json!({"error": {"code": p.code, "message": p.detail, "details": p.details}}),
            ),
            Dialect::Personio => (
                "application/problem+json",
                json!({
                    "personio_trace_id": model::trace_id(),
                    "timestamp": model::now(),
                    "errors": [{"title": p.title.as_deref().unwrap_or(reason), "detail": p.detail}],
                }),
            ),
            Dialect::Admin => ("application/json", json!({"error": {"code": p.code, "message": p.detail}})),
        };
        with_type(p.status, content_type, &body)
    }

    fn unauthorized(self) -> Problem {
        let detail = match self {
            Dialect::Closient => "Unauthorized".to_string(),
            Dialect::Partner => "Invalid or missing API key".to_string(),
            _ => "Missing or invalid access token".to_string(),
        };
        Problem::new(StatusCode::UNAUTHORIZED, "unauthorized", detail).title("Unauthorized")
    }

    fn not_found_route(self) -> Problem {
        match self {
            Dialect::Closient => Problem::not_found("Not Found"),
            _ => Problem::not_found("No such route in the sandbox").title("Not found"),
        }
    }
}

/// A JSON answer.
pub(crate) fn json(status: StatusCode, body: &Value) -> Response {
    with_type(status, "application/json", body)
}

fn with_type(status: StatusCode, content_type: &'static str, body: &Value) -> Response {
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}

/// Handlers return this: a JSON answer or a refusal, which [`guard`] renders in the router's
/// dialect.
pub(crate) type Answer = Result<Response, Problem>;

impl IntoResponse for Problem {
    /// Carried to [`guard`] in the response's extensions; the guard knows the dialect.
    fn into_response(self) -> Response {
        let mut resp = self.status.into_response();
        resp.extensions_mut().insert(self);
        resp
    }
}

/// Parses a JSON request body; an empty body reads as `{}`.
pub(crate) fn body_json(bytes: &Bytes) -> Result<Value, Problem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        Problem::bad_request("invalid_json", format!("the request body is not valid JSON: {e}"))
            .title("Invalid request body")
    })
}

/// Which token the request carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    Full,
    /// Personio's documented read-only token: no `personio:webhooks:write` scope.
    ReadOnly,
}

/// The middleware in front of each dialect: token, body limit, then the route; a refusal
/// from a handler becomes the dialect's error body here.
pub(crate) async fn guard(app: Arc<App>, dialect: Dialect, req: Request, next: Next) -> Response {
    let access = match authorize(&app, dialect, req.headers()) {
        Some(a) => a,
        None => return dialect.respond(dialect.unauthorized()),
    };
    if access == Access::ReadOnly && req.method() != Method::GET {
        return dialect.respond(
            Problem::new(StatusCode::FORBIDDEN, "forbidden", "Access denied to perform webhook operations")
                .title("Access denied"),
        );
    }
    if dialect == Dialect::Xpath {
        if let Err(p) = xpath_media_types(req.method(), req.headers()) {
            return dialect.respond(p);
        }
    }
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let bytes = match read_limited(body, declared, app.body_timeout).await {
        Ok(b) => b,
        Err(p) => return dialect.respond(p),
    };
    let mut req = Request::from_parts(parts, Body::from(bytes));
    req.extensions_mut().insert(access);
    let mut resp = next.run(req).await;
    if let Some(p) = resp.extensions_mut().remove::<Problem>() {
        return dialect.respond(p);
    }
    // Routes that did not match answer 404/405 in the dialect's shape, and so do the
    // extractors' own refusals (an undecodable `%ff` in a path or query), which are plain text.
    let plain =
        resp.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    if plain && resp.status().is_client_error() {
        let status = resp.status();
        let text = axum::body::to_bytes(resp.into_body(), 4096).await.unwrap_or_default();
        let detail = String::from_utf8_lossy(&text).trim().to_string();
        return dialect.respond(Problem::new(status, "invalid_request", detail).title(reason(status)));
    }
    match resp.status() {
        StatusCode::NOT_FOUND if resp.headers().get(header::CONTENT_TYPE).is_none() => {
            dialect.respond(dialect.not_found_route())
        }
        StatusCode::METHOD_NOT_ALLOWED => dialect.respond(Problem::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "Method not allowed",
        )),
        _ => resp,
    }
}

/// xpath's header table: `Content-Type: application/json` on POST/PATCH (415 for another) and
/// `Accept: application/json` on every route (406 when it names only other types; a missing
/// `Accept` means anything).
fn xpath_media_types(method: &Method, headers: &HeaderMap) -> Result<(), Problem> {
    let essence = |v: &str| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if *method == Method::POST || *method == Method::PATCH {
        // A missing Content-Type is read as JSON, like a missing Accept (our choice).
        let declared = headers.get(header::CONTENT_TYPE).map(|v| essence(v.to_str().unwrap_or("?")));
        if declared.as_deref().is_some_and(|d| d != "application/json") {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                format!("Content-Type must be application/json (got {})", declared.unwrap_or_default()),
            ));
        }
    }
    let accepts = headers.get_all(header::ACCEPT).iter().all(|v| {
        v.to_str().unwrap_or_default().split(',').any(|range| {
            let mut parts = range.split(';');
            let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.trim().strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
            });
            !refused && matches!(media.as_str(), "application/json" | "application/*" | "*/*")
        })
    });
    if !accepts {
        return Err(Problem::new(
            StatusCode::NOT_ACCEPTABLE,
            "not_acceptable",
            "this API answers application/json only; send Accept: application/json",
        ));
    }
    Ok(())
}

/// Reads the body up to [`MAX_BODY`]; beyond it drains up to [`DRAIN_LIMIT`] and refuses.
async fn read_limited(mut body: Body, declared: Option<usize>, timeout: Duration) -> Result<Bytes, Problem> {
    let too_large = || {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the request body is larger than {MAX_BODY} bytes"),
        )
        .title("Payload too large")
    };
    let mut buf = Vec::with_capacity(declared.unwrap_or(0).min(MAX_BODY));
    let mut seen = 0usize;
    // A body that trickles (or stops half-way) must not hold the connection forever.
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Ok(Some(frame)) => frame,
            Ok(None) => break,
            Err(_) => {
                return Err(Problem::new(
                    StatusCode::REQUEST_TIMEOUT,
                    "request_timeout",
                    format!("the request body did not arrive within {}", humantime::format_duration(timeout)),
                )
                .title("Request timeout"))
            }
        };
        let frame =
            frame.map_err(|e| Problem::bad_request("invalid_body", format!("cannot read the body: {e}")))?;
        if let Ok(data) = frame.into_data() {
            seen += data.len();
            if seen <= MAX_BODY {
                buf.extend_from_slice(&data);
            } else if seen > DRAIN_LIMIT {
                break;
            }
        }
    }
    if seen > MAX_BODY || declared.is_some_and(|n| n > MAX_BODY) {
        return Err(too_large());
    }
    Ok(Bytes::from(buf))
}

fn authorize(app: &App, dialect: Dialect, headers: &HeaderMap) -> Option<Access> {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    let bearer = get("authorization").and_then(|v| {
        let (scheme, rest) = v.split_once(' ')?;
        scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
    });
    let presented = match dialect {
        Dialect::Closient => get("x-api-key"),
        Dialect::Partner => bearer.or_else(|| get("xapikey")),
        Dialect::Xpath | Dialect::Personio => bearer,
        Dialect::Admin => bearer.or_else(|| get("x-api-key")),
    }?;
    if crate::sign::ct_eq(presented.as_bytes(), app.token.expose().as_bytes()) {
        Some(Access::Full)
    } else if dialect == Dialect::Personio
        && crate::sign::ct_eq(presented.as_bytes(), crate::providers::sandbox::READONLY_TOKEN.as_bytes())
    {
        Some(Access::ReadOnly)
    } else {
        None
    }
}

/// A string field that must be present and non-empty.
pub(crate) fn required_str<'a>(v: &'a Value, field: &str) -> Option<&'a str> {
    v.get(field).and_then(Value::as_str).filter(|s| !s.trim().is_empty())
}

/// A required, non-blank string field, or why not: missing, blank, or another type.
pub(crate) fn string_field<'a>(v: &'a Value, field: &str) -> Result<&'a str, String> {
    match v.get(field) {
        None | Some(Value::Null) => Err(format!("{field} is required")),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(Value::String(_)) => Err(format!("{field} must not be blank")),
        Some(_) => Err(format!("{field} must be a string")),
    }
}

/// A list of strings, or `None` when the field is not such a list.
pub(crate) fn string_list(v: &Value) -> Option<Vec<String>> {
    v.as_array()?.iter().map(|e| e.as_str().map(str::to_string)).collect()
}

/// An http(s) URL with a host (the sandbox accepts plain http so local receivers work),
/// judged on the text as written: the URL parser forgives `http:///x` (reads host `x`),
/// `http:x`, backslashes, and strips tabs and newlines, so what was registered would not be
/// what is called.
pub(crate) fn valid_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("http://") {
        &url[7..]
    } else if lower.starts_with("https://") {
        &url[8..]
    } else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') || url.contains('\\') {
        return false;
    }
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    reqwest::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
}

/// The endpoint helpers of the dialect routers, answering in the dialect's error shape.
impl App {
    /// Reads an endpoint (`missing` when there is none), applies `change`, stores it.
    pub(crate) fn change_endpoint(
        &self,
        provider: model::Provider,
        id: &str,
        missing: fn() -> Problem,
        change: impl FnOnce(&mut model::Endpoint) -> std::result::Result<(), Problem>,
    ) -> std::result::Result<model::Endpoint, Problem> {
        let mut e = self.store.endpoint(provider, id)?.ok_or_else(missing)?;
        change(&mut e)?;
        e.updated_at = model::now();
        self.store.update_endpoint(&e)?;
        Ok(e)
    }

    /// Deletes an endpoint: 204, or `missing`.
    pub(crate) fn delete_endpoint(
        &self,
        provider: model::Provider,
        id: &str,
        missing: fn() -> Problem,
    ) -> Answer {
        use axum::response::IntoResponse;
        if !self.store.delete_endpoint(provider, id)? {
            return Err(missing());
        }
        Ok(axum::http::StatusCode::NO_CONTENT.into_response())
    }
}

/// A dialect router with the shared guard in front of it.
pub(crate) fn guarded(app: Arc<App>, dialect: Dialect, router: axum::Router<Arc<App>>) -> axum::Router {
    let guard_app = app.clone();
    router
        // Its own fallback, so unknown paths under the dialect get the guard (token, and a 404
        // in the dialect's shape) instead of the outer fallback.
        .fallback(|| async { axum::http::StatusCode::NOT_FOUND })
        .layer(axum::middleware::from_fn(move |req, next| guard(guard_app.clone(), dialect, req, next)))
        .with_state(app)
}
