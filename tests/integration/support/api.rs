//! Helpers for the provider-API tests: a command wired to a stub, canned answers.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use assert_cmd::Command;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{Stub, TestEnv};

pub const TOKEN: &str = "tok_test_9a8b7c6d5e4f3a2b1c0d";

/// `hookctl` pointed at `stub` as `provider`, with a token in the environment and a short
/// request timeout so a hanging server cannot stall a test.
pub fn api_cmd(env: &TestEnv, stub: &Stub, provider: &str) -> Command {
    let mut cmd = env.cmd();
    cmd.env("HOOKCTL_PROVIDER", provider)
        .env("HOOKCTL_BASE_URL", stub.url("/"))
        .env("HOOKCTL_TOKEN", TOKEN)
        .env("HOOKCTL_HTTP_TIMEOUT", "3s");
    cmd
}

/// [`api_cmd`] as a [`super::Run`]: `api_run(&env, &stub, "xpath").args([..]).code(Exit::Config)`.
pub fn api_run(env: &TestEnv, stub: &Stub, provider: &str) -> super::Run {
    api_cmd(env, stub, provider).into()
}

/// A JSON answer with a status and content type.
pub fn answer(status: u16, content_type: &str, body: serde_json::Value) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_str(content_type).unwrap());
    (StatusCode::from_u16(status).unwrap(), headers, body.to_string()).into_response()
}

pub fn json(status: u16, body: serde_json::Value) -> Response {
    answer(status, "application/json", body)
}

pub fn problem(status: u16, title: &str, detail: &str) -> Response {
    answer(
        status,
        "application/problem+json",
        serde_json::json!({
            "personio_trace_id": "aswo3f-a202lfso-312123sld-1230ddd",
            "timestamp": "2021-05-28T11:17:30Z",
            "errors": [{"title": title, "detail": detail}]
        }),
    )
}

/// A counter shared between a stub handler and the test.
#[derive(Clone, Default)]
pub struct Counter(Arc<AtomicUsize>);

impl Counter {
    /// Increments and returns the new value (1 for the first call).
    pub fn next(&self) -> usize {
        self.0.fetch_add(1, Ordering::SeqCst) + 1
    }
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}
