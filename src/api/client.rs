//! The provider API client: turns a named route of the preset into a request with auth,
//! retries and error decoding. Built from a [`ClientConfig`]; commands get theirs from [`crate::Ctx::api`].

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;

use super::error::{first_bytes, ApiError};
use super::retry::{self, Attempt, RetryPolicy};
use crate::output::Printer;
use crate::providers::{Auth, Method, Preset, Route, RouteName};
use crate::secret::Secret;

/// Bodies larger than this are refused: no webhook API answers with megabytes.
const MAX_BODY: usize = 16 * 1024 * 1024;

/// Response headers `-v` never shows.
const SENSITIVE_HEADERS: &[&str] = &["set-cookie", "authorization", "x-api-key", "proxy-authorization"];

pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a request may go unanswered before a terminal is told what is awaited.
pub const PROGRESS_AFTER: Duration = Duration::from_secs(2);

/// Everything the client needs, already resolved (flag > env > profile > preset).
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub preset: &'static Preset,
    pub base_url: String,
    pub token: Secret,
    /// Profile `auth_header`: `Authorization` means Bearer, any other name carries the raw token.
    pub auth_header: Option<String>,
    pub routes: BTreeMap<RouteName, Route>,
    pub fields: BTreeMap<String, String>,
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    pub retry: RetryPolicy,
    /// What to say on a 401: where the token in use comes from (a sandbox's differs).
    pub auth_hint: Option<String>,
}

impl ClientConfig {
    /// A configuration with the preset's routes, default timeouts and retries: what a caller
    /// without a command line or profile needs (the sandbox's demo, tests).
    pub fn new(preset: &'static Preset, base_url: impl Into<String>, token: Secret) -> Self {
        ClientConfig {
            preset,
            base_url: base_url.into(),
            token,
            auth_header: None,
            routes: BTreeMap::new(),
            fields: BTreeMap::new(),
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            retry: RetryPolicy::default(),
            auth_hint: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    cfg: ClientConfig,
    printer: Printer,
    /// Some request got a 2xx: the base URL is right, so a later 404 is about the resource.
    answered: Arc<AtomicBool>,
}

impl Client {
    pub fn new(cfg: ClientConfig, printer: Printer) -> Result<Client, ApiError> {
        let http = reqwest::Client::builder()
            .user_agent(concat!("hookctl/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(cfg.connect_timeout)
            .timeout(cfg.request_timeout)
            .build()
            .map_err(|e| ApiError::Network {
                message: format!("cannot set up the HTTP client: {e}"),
                details: Vec::new(),
                hint: None,
            })?;
        Ok(Client { http, cfg, printer, answered: Arc::new(AtomicBool::new(false)) })
    }

    /// The preset's data (routes, catalog, endpoint shape).
    pub fn preset(&self) -> &'static Preset {
        self.cfg.preset
    }

    /// The API's base URL (recorded with temporary registrations, to clean them up later).
    pub fn base_url(&self) -> &str {
        &self.cfg.base_url
    }

    /// The API runs on this machine (a `hookctl sandbox` or a local stub): it can reach a
    /// local listener, and plain http endpoint URLs are fine for it.
    pub fn is_local(&self) -> bool {
        reqwest::Url::parse(&self.cfg.base_url)
            .ok()
            .and_then(|u| u.host_str().map(is_loopback))
            .unwrap_or(false)
    }

    /// Profile `fields.<name>` overrides (event-row field names).
    pub fn fields(&self) -> &BTreeMap<String, String> {
        &self.cfg.fields
    }

    /// Unwraps the preset's envelope (xpath `{"data": …}`); other bodies pass through.
    pub fn unwrap(&self, v: Value) -> Value {
        unwrap_envelope(self.cfg.preset.endpoints.envelope, v)
    }

    /// The route to use: the profile's override, else the preset's.
    pub fn route(&self, name: RouteName) -> Result<Route, ApiError> {
        resolve_route(self.cfg.preset, &self.cfg.routes, name)
    }

    /// Sends a named route and returns the decoded JSON body (`Null` when empty, e.g. 204).
    /// On a terminal, a request still unanswered after [`PROGRESS_AFTER`] says what it waits
    /// for, so a hanging API is not a silent prompt for minutes.
    pub async fn call(
        &self,
        route_name: RouteName,
        path_params: &[(&str, &str)],
        query: &[(&str, String)],
        body: Option<Value>,
    ) -> Result<Value, ApiError> {
        let work = self.call_quietly(route_name, path_params, query, body);
        if !self.printer.show_progress() || self.printer.is_json() {
            return work.await;
        }
        tokio::pin!(work);
        tokio::select! {
            r = &mut work => return r,
            _ = tokio::time::sleep(PROGRESS_AFTER) => {}
        }
        let what = match self.route(route_name) {
            Ok(r) => {
                format!("{} {}{}", r.method, crate::secret::redact_url(&self.cfg.base_url), r.path)
            }
            Err(_) => route_name.to_string(),
        };
        self.printer.info(&format!(
            "waiting for {} to answer {what}… (up to {} per attempt; --request-timeout changes it)",
            self.cfg.preset.name,
            humantime::format_duration(self.cfg.request_timeout)
        ));
        work.await
    }

    async fn call_quietly(
        &self,
        route_name: RouteName,
        path_params: &[(&str, &str)],
        query: &[(&str, String)],
        body: Option<Value>,
    ) -> Result<Value, ApiError> {
        let route = self.route(route_name)?;
        let path = fill_path(&route.path, path_params)?;
        let mut url = reqwest::Url::parse(&format!("{}{}", self.cfg.base_url, path)).map_err(|e| {
            ApiError::Unsupported {
                message: format!("cannot build a URL from '{}' and '{path}': {e}", self.cfg.base_url),
                hint: None,
            }
        })?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        let idempotent = retry::idempotent(route.method);
        let is_get = route.method == Method::Get;
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            // The answer was the API's own error document (not a wrong path's default page).
            let mut own_error = false;
            let started = Instant::now();
            let result = self.attempt(route.method, &url, body.as_ref()).await;
            let elapsed = started.elapsed();
            let (what, outcome) = match result {
                Ok((status, retry_after, bytes)) => {
                    self.printer.debug(&format!(
                        "← {status} {} in {} ms ({} bytes)",
                        reason(status),
                        elapsed.as_millis(),
                        bytes.len()
                    ));
                    if (200..300).contains(&status) {
                        self.answered.store(true, Ordering::Relaxed);
                        return parse_success(status, &bytes);
                    }
                    let mut err = ApiError::from_response(
                        self.cfg.preset.name,
                        self.cfg.preset.dialect,
                        status,
                        &bytes,
                        retry_after,
                    );
                    if let ApiError::Auth { status: 401, hint, .. } = &mut err {
                        hint.clone_from(&self.cfg.auth_hint);
                    }
                    own_error = super::error::is_own_error(self.cfg.preset.dialect, &bytes);
                    (Attempt::Status { status, retry_after }, err)
                }
                Err((what, err)) => {
                    self.printer.debug(&format!("← failed after {} ms: {err}", elapsed.as_millis()));
                    (what, err)
                }
            };
            match self.cfg.retry.next_delay(attempt, idempotent, is_get, what, retry::jitter()) {
                Some(delay) => {
                    self.printer.debug(&format!(
                        "retrying in {} ms (attempt {})",
                        delay.as_millis(),
                        attempt + 1
                    ));
                    tokio::time::sleep(delay).await;
                }
                None => {
                    let err = with_attempts(outcome, attempt, idempotent, what);
                    if own_error {
                        return Err(err);
                    }
                    return Err(self.hint_base_url(err, &route.path));
                }
            }
        }
    }

    /// A 404 before anything answered 2xx is most often a wrong base URL (an extra or missing
    /// `/api/v1`), not a missing resource: say so, with the URL the path was appended to.
    fn hint_base_url(&self, err: ApiError, path_template: &str) -> ApiError {
        if err.status() != Some(404) || self.answered.load(Ordering::Relaxed) {
            return err;
        }
        let hint = format!(
            "{}check the base URL {}: route paths ({path_template}) are appended to it, so an extra or \
             missing prefix such as /api/v1 answers 404",
            if path_template.contains('{') { "if the id exists, " } else { "" },
            self.cfg.base_url
        );
        err.with_hint(hint)
    }

    /// One HTTP exchange: (status, Retry-After, body) or a transport failure.
    async fn attempt(
        &self,
        method: Method,
        url: &reqwest::Url,
        body: Option<&Value>,
    ) -> Result<(u16, Option<Duration>, Vec<u8>), (Attempt, ApiError)> {
        let m = match method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        };
        let (auth_name, auth_value, shown) = self.auth();
        let mut req = self.http.request(m, url.clone()).header("Accept", "application/json");
        req = req.header(auth_name.as_str(), auth_value);
        self.printer.debug(&format!("→ {method} {}", crate::secret::redact_url(url.as_str())));
        self.printer.debug(&format!("  {auth_name}: {shown}"));
        self.printer
            .debug(concat!("  accept: application/json, user-agent: hookctl/", env!("CARGO_PKG_VERSION")));
        if let Some(b) = body {
            req = req.json(b);
            self.printer.debug("  content-type: application/json");
        }
        let resp = req.send().await.map_err(|e| transport_error(&e, url))?;
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| retry::parse_retry_after(v, SystemTime::now()));
        if self.printer.verbose() > 0 {
            for (k, v) in resp.headers() {
                let shown = if SENSITIVE_HEADERS.contains(&k.as_str()) {
                    "<redacted>"
                } else {
                    v.to_str().unwrap_or("<binary>")
                };
                self.printer.debug(&format!("  {k}: {shown}"));
            }
        }
        let bytes = read_body(resp).await?;
        Ok((status, retry_after, bytes))
    }

    /// (header name, header value, redacted value for `-v`).
    fn auth(&self) -> (String, String, String) {
        let token = &self.cfg.token;
        let bearer = || {
            (
                "Authorization".to_string(),
                format!("Bearer {}", token.expose()),
                format!("Bearer {}", token.mask()),
            )
        };
        match (&self.cfg.auth_header, self.cfg.preset.auth) {
            (Some(h), _) if h.eq_ignore_ascii_case("authorization") => bearer(),
            (Some(h), _) => (h.clone(), token.expose().to_string(), token.mask()),
            (None, Auth::Bearer) => bearer(),
            (None, Auth::Header(h)) => (h.to_string(), token.expose().to_string(), token.mask()),
        }
    }
}

/// `{"<envelope>": x}` → `x`; anything else unchanged.
pub fn unwrap_envelope(envelope: Option<&str>, v: Value) -> Value {
    match (envelope, v) {
        (Some(k), Value::Object(mut o)) if o.contains_key(k) => o.remove(k).unwrap_or(Value::Null),
        (_, v) => v,
    }
}

/// The rows of a list answer: a bare array, or the first array under a usual key
/// (`data`, personio's `_data`, `items`, `results`, …) for paginated APIs. `None` when there is no list.
pub fn list_items(v: &Value) -> Option<&Vec<Value>> {
    const KEYS: &[&str] = &[
        "data",
        "_data",
        "items",
        "results",
        "events",
        "deliveries",
        "webhooks",
        "endpoints",
        "subscriptions",
    ];
    match v {
        Value::Array(a) => Some(a),
        Value::Object(o) => KEYS.iter().find_map(|k| o.get(*k).and_then(Value::as_array)),
        _ => None,
    }
}

/// The profile's override, else the preset's route; a missing one names the presets that
/// have it.
pub fn resolve_route(
    preset: &Preset,
    overrides: &BTreeMap<RouteName, Route>,
    name: RouteName,
) -> Result<Route, ApiError> {
    if let Some(r) = overrides.get(&name) {
        return Ok(r.clone());
    }
    preset.route(name).ok_or_else(|| {
        let others = Preset::supporting(name);
        let message = if others.is_empty() {
            format!("{} has no '{name}' route", preset.name)
        } else {
            format!("{} has no '{name}' route; providers that support it: {}", preset.name, others.join(", "))
        };
        ApiError::Unsupported {
            message,
            hint: Some(format!(
                "choose one with --provider, or declare it in the profile: \
                 `hookctl config set routes.{name} \"METHOD /path\"`"
            )),
        }
    })
}

/// Substitutes `{name}` placeholders with percent-encoded values.
pub fn fill_path(template: &str, params: &[(&str, &str)]) -> Result<String, ApiError> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let name = &rest[start + 1..start + len];
        let value = params.iter().find(|(k, _)| *k == name).map(|(_, v)| *v).ok_or_else(|| {
            ApiError::Unsupported {
                message: format!("route '{template}' needs a value for {{{name}}}"),
                hint: Some("path parameters are named {id}".into()),
            }
        })?;
        out.push_str(&encode_segment(value));
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so an id can never change
/// the path (`../`, `?`, `#`).
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // A lone "." or ".." would still be resolved as a dot segment by URL parsing.
    if out == "." || out == ".." {
        out = out.replace('.', "%2E");
    }
    out
}

fn reason(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("")
}

fn parse_success(status: u16, bytes: &[u8]) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    match serde_json::from_slice(bytes) {
        Ok(body) => Ok(body),
        // A 204 should have no body; whatever it carries is not worth failing a delete over.
        Err(_) if status == 204 => Ok(Value::Null),
        Err(e) => Err(ApiError::Network {
            message: format!("the provider answered {status} with a body that is not JSON ({e})"),
            details: vec![first_bytes(bytes, 256)],
            hint: Some("check the base URL: it may point at a web page rather than the API".into()),
        }),
    }
}

async fn read_body(mut resp: reqwest::Response) -> Result<Vec<u8>, (Attempt, ApiError)> {
    let mut out = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if out.len() + chunk.len() > MAX_BODY {
                    let message = format!("the provider's answer exceeds {} MiB", MAX_BODY / 1024 / 1024);
                    return Err((
                        Attempt::Unusable,
                        ApiError::Network { message, details: Vec::new(), hint: None },
                    ));
                }
                out.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(out),
            Err(e) => {
                let message = format!("reading the answer failed: {}", error_chain(&e));
                return Err((Attempt::Lost, ApiError::Network { message, details: Vec::new(), hint: None }));
            }
        }
    }
}

fn transport_error(e: &reqwest::Error, url: &reqwest::Url) -> (Attempt, ApiError) {
    let host = match (url.host_str(), url.port_or_known_default()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => url.to_string(),
    };
    let (what, message, hint) = if e.is_connect() {
        (
            Attempt::NotConnected,
            format!("cannot connect to {host}: {}", root_cause(e)),
            Some("check the base URL and your network".to_string()),
        )
    } else if e.is_timeout() {
        (
            Attempt::Lost,
            format!("{host} did not answer in time"),
            Some("the provider may be overloaded; try again later".to_string()),
        )
    } else {
        (Attempt::Lost, format!("request to {host} failed: {}", error_chain(e)), None)
    };
    (what, ApiError::Network { message, details: Vec::new(), hint })
}

/// The innermost cause ("Connection refused (os error 111)"), without the layers of
/// "client error (Connect): tcp connect error" above it.
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(s) = cur.source() {
        cur = s;
    }
    cur.to_string()
}

/// The error and its sources, joined, without repeating reqwest's URL (it may carry a query).
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = Vec::new();
    let mut cur = e.source();
    while let Some(s) = cur {
        let t = s.to_string();
        if !parts.contains(&t) {
            parts.push(t);
        }
        cur = s.source();
    }
    if parts.is_empty() {
        e.to_string()
    } else {
        parts.join(": ")
    }
}

/// Adds how many attempts were made, and for a POST that may have gone through, says so.
fn with_attempts(err: ApiError, attempts: u32, idempotent: bool, what: Attempt) -> ApiError {
    match err {
        ApiError::Network { message, mut details, hint } => {
            if attempts > 1 {
                details.push(format!("gave up after {attempts} attempts"));
            }
            let hint = if !idempotent && what == Attempt::Lost {
                Some(
                    "the request may have been processed; not retried to avoid a double fire — \
                     check before running it again"
                        .into(),
                )
            } else {
                hint
            };
            ApiError::Network { message, details, hint }
        }
        ApiError::Server { status, message, mut details, retry_after } => {
            if attempts > 1 {
                details.push(format!("gave up after {attempts} attempts"));
            }
            ApiError::Server { status, message, details, retry_after }
        }
        other => other,
    }
}

/// `localhost`, `127.0.0.0/8` or `::1`.
fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::{CLOSIENT, PARTNER};

    #[test]
    fn path_params_are_encoded_and_trailing_slashes_kept() {
        let p = fill_path("/integrations/api/v1/webhooks/endpoints/{id}/test/", &[("id", "abc")]).unwrap();
        assert_eq!(p, "/integrations/api/v1/webhooks/endpoints/abc/test/");
        assert_eq!(fill_path("/x/{id}", &[("id", "../a?b#c d")]).unwrap(), "/x/..%2Fa%3Fb%23c%20d");
        assert_eq!(fill_path("/x/{id}/y", &[("id", "..")]).unwrap(), "/x/%2E%2E/y");
        assert!(fill_path("/x/{id}", &[]).is_err());
        assert_eq!(fill_path("/plain", &[]).unwrap(), "/plain");
    }

    #[test]
    fn overrides_win_and_missing_routes_name_the_providers() {
        let mut o = BTreeMap::new();
        o.insert(RouteName::Fire, Route::parse("POST /v2/fire").unwrap());
        assert_eq!(resolve_route(&PARTNER, &o, RouteName::Fire).unwrap().path, "/v2/fire");
        let err = resolve_route(&CLOSIENT, &BTreeMap::new(), RouteName::Fire).unwrap_err();
        assert_eq!(err.exit(), crate::Exit::Usage);
        assert!(err.to_string().contains("partner"), "{err}");
        // A profile can give a preset a route it lacks.
        assert!(resolve_route(&CLOSIENT, &o, RouteName::Fire).is_ok());
    }

    #[test]
    fn envelopes_and_lists() {
        let v = serde_json::json!({"data": [{"id": 1}]});
        assert_eq!(list_items(&v).unwrap().len(), 1);
        assert_eq!(list_items(&serde_json::json!([1, 2])).unwrap().len(), 2);
        assert_eq!(list_items(&serde_json::json!({"items": [], "count": 0})).unwrap().len(), 0);
        assert!(list_items(&serde_json::json!({"x": 1})).is_none());
        assert_eq!(unwrap_envelope(Some("data"), v.clone()), serde_json::json!([{"id": 1}]));
        assert_eq!(unwrap_envelope(None, v.clone()), v);
    }

    #[test]
    fn empty_and_204_bodies_are_null() {
        assert_eq!(parse_success(204, b"").unwrap(), Value::Null);
        assert_eq!(parse_success(204, b"{\"deleted\": true}").unwrap()["deleted"], true);
        assert_eq!(parse_success(204, b"garbage").unwrap(), Value::Null);
        assert!(parse_success(200, b"<html>").is_err());
    }
}
