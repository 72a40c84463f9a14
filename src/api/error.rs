//! API errors and the decoding of each provider's error body into one line plus details.

use std::time::Duration;

use serde_json::Value;

use crate::exit::Exit;
use crate::providers::ErrorDialect;

/// Errors talking to a provider API. Each variant maps to an exit code of DESIGN §6.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The chosen provider has no such operation, or a request cannot be built: exit 2.
    #[error("{message}")]
    Unsupported { message: String, hint: Option<String> },
    /// 401/403: exit 3. `hint` names what sets the token in use (it differs for a sandbox).
    #[error("{message}")]
    Auth { status: u16, message: String, details: Vec<String>, hint: Option<String> },
    /// Other 4xx: exit 4.
    #[error("{message}")]
    Rejected {
        status: u16,
        message: String,
        details: Vec<String>,
        retry_after: Option<Duration>,
        /// What the command knows about this refusal (e.g. replay: dead_letter only).
        hint: Option<String>,
    },
    /// 5xx after retries: exit 5.
    #[error("{message}")]
    Server { status: u16, message: String, details: Vec<String>, retry_after: Option<Duration> },
    /// Connect/TLS failure, timeouts, an unreadable answer: exit 5.
    #[error("{message}")]
    Network { message: String, details: Vec<String>, hint: Option<String> },
}

impl ApiError {
    pub fn exit(&self) -> Exit {
        match self {
            ApiError::Unsupported { .. } => Exit::Usage,
            ApiError::Auth { .. } => Exit::Config,
            ApiError::Rejected { .. } => Exit::Api,
            ApiError::Server { .. } | ApiError::Network { .. } => Exit::Network,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            ApiError::Unsupported { .. } => "usage",
            ApiError::Auth { .. } => "auth",
            ApiError::Rejected { .. } => "api",
            ApiError::Server { .. } => "server",
            ApiError::Network { .. } => "network",
        }
    }

    /// The HTTP status, when the provider answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Auth { status, .. }
            | ApiError::Rejected { status, .. }
            | ApiError::Server { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The provider's `Retry-After`, when it sent one (429/503).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::Rejected { retry_after, .. } | ApiError::Server { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            ApiError::Unsupported { hint, .. } | ApiError::Network { hint, .. } => hint.clone(),
            ApiError::Auth { status: 403, .. } => {
                Some("the token is valid but lacks permission for this operation (scope or role)".into())
            }
            ApiError::Auth { hint: Some(h), .. } => Some(h.clone()),
            ApiError::Auth { .. } => {
                Some("check the token (HOOKCTL_TOKEN or `hookctl config set token …`)".into())
            }
            ApiError::Rejected { hint: Some(h), .. } => Some(h.clone()),
            ApiError::Rejected { status: 429, retry_after, .. } => Some(match retry_after {
                Some(d) => format!("rate limited: the provider asks to retry after {}s", d.as_secs()),
                None => "rate limited: try again later".into(),
            }),
            ApiError::Rejected { .. } => None,
            ApiError::Server { .. } => Some("the provider failed; try again later".into()),
        }
    }

    pub fn details(&self) -> Vec<String> {
        match self {
            ApiError::Unsupported { .. } => Vec::new(),
            ApiError::Auth { details, .. }
            | ApiError::Rejected { details, .. }
            | ApiError::Server { details, .. }
            | ApiError::Network { details, .. } => details.clone(),
        }
    }

    /// A network-level failure (exit 5) with no provider details.
    pub fn network(message: impl Into<String>) -> ApiError {
        ApiError::Network { message: message.into(), details: Vec::new(), hint: None }
    }

    /// Adds a command-specific hint to a 4xx refusal (other errors keep theirs); a hint
    /// already there (the client's base-URL hint) follows it.
    pub fn with_hint(self, new: impl Into<String>) -> ApiError {
        match self {
            ApiError::Rejected { status, message, details, retry_after, hint } => {
                let new = new.into();
                let hint = Some(match hint {
                    Some(old) => format!("{new}; or {old}"),
                    None => new,
                });
                ApiError::Rejected { status, message, details, retry_after, hint }
            }
            other => other,
        }
    }

    /// Builds the error for a non-2xx answer: exit code by status, message by dialect.
    pub fn from_response(
        provider: &str,
        dialect: ErrorDialect,
        status: u16,
        body: &[u8],
        retry_after: Option<Duration>,
    ) -> ApiError {
        let (summary, details) = decode(dialect, body);
        let reason = reqwest::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .map(|r| format!(" {r}"))
            .unwrap_or_default();
        let message = match summary {
            Some(s) => format!("{provider} answered {status}{reason}: {s}"),
            None => format!("{provider} answered {status}{reason}"),
        };
        match status {
            401 | 403 => ApiError::Auth { status, message, details, hint: None },
            500..=599 => ApiError::Server { status, message, details, retry_after },
            _ => ApiError::Rejected { status, message, details, retry_after, hint: None },
        }
    }
}

/// Decodes an error body: the provider's dialect first, then the others (a gateway in front
/// of the API may answer in another shape), then the raw start of the body.
/// Returns (one-line summary, detail lines).
pub fn decode(dialect: ErrorDialect, body: &[u8]) -> (Option<String>, Vec<String>) {
    let order =
        [dialect, ErrorDialect::Partner, ErrorDialect::Ninja, ErrorDialect::Xpath, ErrorDialect::Problem];
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        for d in order {
            if let Some(found) = decode_as(d, &v) {
                return found;
            }
        }
    }
    let raw = first_bytes(body, 256);
    if raw.trim().is_empty() {
        (None, Vec::new())
    } else {
        (Some("unexpected error body".into()), vec![raw])
    }
}

/// The body is the dialect's own error document (the API itself refused), not a framework's
/// or gateway's default page for a path it does not know (`{"detail":"Not Found"}`, Spring's
/// `{"status":404,"error":"Not Found","path":…}`, an empty or HTML body).
pub fn is_own_error(dialect: ErrorDialect, body: &[u8]) -> bool {
    let Ok(v) = serde_json::from_slice::<Value>(body) else { return false };
    let Some((summary, _)) = decode_as(dialect, &v) else { return false };
    let generic = summary.is_none_or(|s| {
        let s = s.trim().to_ascii_lowercase();
        s == "not found" || s.contains("no such route")
    });
    // Spring's default error page has the partner shape, plus the `path` that was not found.
    let spring_default = dialect == ErrorDialect::Partner && v.get("path").is_some();
    !(generic || spring_default)
}

fn decode_as(dialect: ErrorDialect, v: &Value) -> Option<(Option<String>, Vec<String>)> {
    match dialect {
        ErrorDialect::Partner => partner(v),
        ErrorDialect::Ninja => ninja(v),
        ErrorDialect::Xpath => xpath(v),
        ErrorDialect::Problem => problem(v),
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Null => None,
        Value::String(_) => None,
        other => Some(other.to_string()),
    }
}

/// `{error, message, businessErrors: [{type, message, solutionUrl}]}`.
fn partner(v: &Value) -> Option<(Option<String>, Vec<String>)> {
    let error = v.get("error").filter(|e| e.is_string()).and_then(text);
    let message = v.get("message").and_then(text);
    let business = v.get("businessErrors").and_then(Value::as_array);
    if error.is_none() && message.is_none() && business.is_none() {
        return None;
    }
    let mut details = Vec::new();
    for b in business.into_iter().flatten() {
        let mut line = match (b.get("type").and_then(text), b.get("message").and_then(text)) {
            (Some(t), Some(m)) => format!("{t}: {m}"),
            (None, Some(m)) => m,
            (Some(t), None) => t,
            (None, None) => b.to_string(),
        };
        if let Some(url) = b.get("solutionUrl").and_then(text) {
            line.push_str(&format!(" (see {url})"));
        }
        details.push(line);
    }
    let summary = match (error, message) {
        (Some(e), Some(m)) if e != m => Some(format!("{m} ({e})")),
        (_, Some(m)) => Some(m),
        (Some(e), None) => Some(e),
        (None, None) => details.first().cloned(),
    };
    Some((summary, details))
}

/// django-ninja: `{"detail": "…"}` or `{"detail": [{loc, msg, type}]}`.
fn ninja(v: &Value) -> Option<(Option<String>, Vec<String>)> {
    match v.get("detail")? {
        Value::String(s) => Some((Some(s.clone()), Vec::new())),
        Value::Array(items) => {
            let lines: Vec<String> = items
                .iter()
                .map(|i| {
                    let loc = i
                        .get("loc")
                        .and_then(Value::as_array)
                        .map(|l| {
                            l.iter()
                                .map(|p| p.as_str().map(str::to_string).unwrap_or_else(|| p.to_string()))
                                .collect::<Vec<_>>()
                                .join(".")
                        })
                        .filter(|l| !l.is_empty());
                    let msg = i.get("msg").and_then(text).unwrap_or_else(|| i.to_string());
                    let kind = i.get("type").and_then(text).map(|t| format!(" [{t}]")).unwrap_or_default();
                    match loc {
                        Some(l) => format!("{l}: {msg}{kind}"),
                        None => format!("{msg}{kind}"),
                    }
                })
                .collect();
            let summary = match lines.len() {
                0 => "validation failed".to_string(),
                1 => lines[0].clone(),
                n => format!("{} (and {} more)", lines[0], n - 1),
            };
            Some((Some(summary), if lines.len() > 1 { lines } else { Vec::new() }))
        }
        other => Some((text(other), Vec::new())),
    }
}

/// `{"error": {code, message, details: […]}}`.
fn xpath(v: &Value) -> Option<(Option<String>, Vec<String>)> {
    let e = v.get("error").filter(|e| e.is_object())?;
    let message = e.get("message").and_then(text);
    let code = e.get("code").and_then(text);
    let summary = match (message, code) {
        (Some(m), Some(c)) => Some(format!("{m} ({c})")),
        (Some(m), None) => Some(m),
        (None, c) => c,
    };
    let details = e
        .get("details")
        .and_then(Value::as_array)
        .map(|ds| {
            ds.iter()
                .map(|d| match d {
                    Value::String(s) => s.clone(),
                    Value::Object(o) => {
                        let field =
                            ["field", "path", "param", "name"].iter().find_map(|k| o.get(*k).and_then(text));
                        let msg = ["message", "issue", "detail", "reason"]
                            .iter()
                            .find_map(|k| o.get(*k).and_then(text));
                        match (field, msg) {
                            (Some(f), Some(m)) => format!("{f}: {m}"),
                            (None, Some(m)) => m,
                            _ => d.to_string(),
                        }
                    }
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    Some((summary, details))
}

/// problem+json: `{personio_trace_id, timestamp, errors: [{title, detail}]}`, or RFC 9457's
/// plain `{title, detail}`.
fn problem(v: &Value) -> Option<(Option<String>, Vec<String>)> {
    let errors = v.get("errors").and_then(Value::as_array);
    let trace = v.get("personio_trace_id").and_then(text);
    let title = v.get("title").and_then(text);
    if errors.is_none() && trace.is_none() && title.is_none() {
        return None;
    }
    let mut lines: Vec<String> = errors
        .into_iter()
        .flatten()
        .map(|e| match (e.get("title").and_then(text), e.get("detail").and_then(text)) {
            (Some(t), Some(d)) => format!("{t}: {d}"),
            (Some(t), None) => t,
            (None, Some(d)) => d,
            (None, None) => e.to_string(),
        })
        .collect();
    if lines.is_empty() {
        match (title, v.get("detail").and_then(text)) {
            (Some(t), Some(d)) => lines.push(format!("{t}: {d}")),
            (Some(t), None) => lines.push(t),
            (None, Some(d)) => lines.push(d),
            (None, None) => {}
        }
    }
    let summary = lines.first().cloned();
    let mut details: Vec<String> = lines.into_iter().skip(1).collect();
    if let Some(t) = trace {
        // Support asks for this id first.
        details.push(format!("personio trace id: {t}"));
    }
    Some((summary, details))
}

/// The first `max` bytes of a body as text (lossy, cut on a char boundary).
pub fn first_bytes(body: &[u8], max: usize) -> String {
    let cut = &body[..body.len().min(max)];
    let s = String::from_utf8_lossy(cut).to_string();
    if body.len() > max {
        format!("{s}…")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(d: ErrorDialect, body: &str) -> (Option<String>, Vec<String>) {
        decode(d, body.as_bytes())
    }

    #[test]
    fn partner_business_errors() {
        let (s, d) = dec(
            ErrorDialect::Partner,
            r#"{"error":"Bad Request","message":"Case is not a test case","businessErrors":[{"type":"CaseNotTest","message":"classification is live","solutionUrl":"https://docs.example/x"}]}"#,
        );
        assert_eq!(s.unwrap(), "Case is not a test case (Bad Request)");
        assert_eq!(d, vec!["CaseNotTest: classification is live (see https://docs.example/x)"]);
    }

    #[test]
    fn ninja_string_and_list() {
        assert_eq!(dec(ErrorDialect::Ninja, r#"{"detail":"Not found"}"#).0.unwrap(), "Not found");
        let (s, d) = dec(
            ErrorDialect::Ninja,
            r#"{"detail":[{"loc":["path","endpoint_id"],"msg":"String should match pattern","type":"string_pattern_mismatch"},{"loc":["body",0],"msg":"x","type":"y"}]}"#,
        );
        assert_eq!(
            s.unwrap(),
            "path.endpoint_id: String should match pattern [string_pattern_mismatch] (and 1 more)"
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[1], "body.0: x [y]");
    }

    #[test]
    fn xpath_nested_error() {
        let (s, d) = dec(
            ErrorDialect::Xpath,
            r#"{"error":{"code":"validation_error","message":"Invalid URL","details":[{"field":"url","message":"must be https"},"plain"]}}"#,
        );
        assert_eq!(s.unwrap(), "Invalid URL (validation_error)");
        assert_eq!(d, vec!["url: must be https", "plain"]);
    }

    #[test]
    fn personio_problem_keeps_trace_id() {
        let (s, d) = dec(
            ErrorDialect::Problem,
            r#"{"personio_trace_id":"aswo3f-a202","timestamp":"2021-05-28T11:17:30Z","errors":[{"title":"Webhook not found","detail":"No webhook found matching the given id"}]}"#,
        );
        assert_eq!(s.unwrap(), "Webhook not found: No webhook found matching the given id");
        assert_eq!(d, vec!["personio trace id: aswo3f-a202"]);
    }

    #[test]
    fn other_dialects_are_recognised_too() {
        // A closient gateway answering in partner style still decodes.
        assert_eq!(dec(ErrorDialect::Ninja, r#"{"message":"boom"}"#).0.unwrap(), "boom");
    }

    #[test]
    fn unknown_shapes_show_the_start_of_the_body() {
        let body = "<html>".to_string() + &"x".repeat(400);
        let (s, d) = dec(ErrorDialect::Partner, &body);
        assert_eq!(s.unwrap(), "unexpected error body");
        assert_eq!(d[0].chars().count(), 257);
        assert_eq!(dec(ErrorDialect::Partner, ""), (None, vec![]));
        let (s, _) = dec(ErrorDialect::Xpath, r#"{"unexpected":1}"#);
        assert_eq!(s.unwrap(), "unexpected error body");
    }

    #[test]
    fn exit_codes_by_status() {
        let e = |s| ApiError::from_response("x", ErrorDialect::Partner, s, b"", None).exit();
        assert_eq!(e(401), Exit::Config);
        assert_eq!(e(403), Exit::Config);
        assert_eq!(e(404), Exit::Api);
        assert_eq!(e(422), Exit::Api);
        assert_eq!(e(429), Exit::Api);
        assert_eq!(e(500), Exit::Network);
        assert_eq!(e(503), Exit::Network);
    }
}
