//! `test` (closient ping, personio test-event) and provider `replay`, with every status code
//! the documents give, and `--wait` following a closient delivery until it settles.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::Path;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::support::api::{api_cmd, json, problem, stderr, stdout};
use crate::support::{stdout_json, Stub, TestEnv};

const EP: &str = "aBcDeFgHiJkMnPqRsTuVwX";
const TEST_ROUTE: &str = "/integrations/api/v1/webhooks/endpoints/{id}/test/";
const REPLAY_ROUTE: &str = "/integrations/api/v1/webhooks/deliveries/{id}/replay/";
const DELIVERY_ROUTE: &str = "/integrations/api/v1/webhooks/deliveries/{id}/";

fn delivery(status: &str, code: Option<u16>) -> Value {
    json!({"delivery_id": "dlv_7", "status": status, "http_status_code": code, "response_body": "ok"})
}

fn closient_test_stub(status: &'static str, code: Option<u16>) -> Stub {
    Stub::start(
        Router::new().route(TEST_ROUTE, post(move || async move { json(200, delivery(status, code)) })),
    )
}

#[test]
fn closient_test_delivered_is_0_and_uses_the_literal_route() {
    let env = TestEnv::new();
    let stub = closient_test_stub("delivered", Some(200));
    let out = api_cmd(&env, &stub, "closient").args(["test", EP]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("dlv_7  delivered  HTTP 200"), "{}", stdout(&out));
    let req = &stub.requests()[0];
    assert_eq!(
        (req.method.as_str(), req.path.as_str()),
        ("POST", "/integrations/api/v1/webhooks/endpoints/aBcDeFgHiJkMnPqRsTuVwX/test/")
    );
}

#[test]
fn closient_test_failed_or_dead_letter_is_7() {
    for status in ["failed", "dead_letter"] {
        let env = TestEnv::new();
        let stub = closient_test_stub(status, Some(500));
        let out = api_cmd(&env, &stub, "closient").args(["--json", "test", EP]).output().unwrap();
        assert_eq!(out.status.code(), Some(7), "{status}");
        assert_eq!(stdout_json(&out)["status"], status);
        assert!(
            stderr(&out).contains(&format!("error: delivery failed: {status} (HTTP 500)")),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn closient_test_rejects_bad_ids_and_personio_flags_before_sending() {
    let env = TestEnv::new();
    let mut stub = closient_test_stub("delivered", Some(200));
    stub.may_go_unused();
    let out = api_cmd(&env, &stub, "closient").args(["test", "not-a-shortuuid"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("shortuuid"));
    let out =
        api_cmd(&env, &stub, "closient").args(["test", EP, "--event", "person.updated"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A wait bound without the wait is refused, not silently ignored (fire and replay alike).
    for args in [
        vec!["test", EP, "--timeout", "5s"],
        vec!["fire", "case.closed", "--case", "c1", "--timeout", "5s"],
        vec!["replay", EP, "--timeout", "5s"],
    ] {
        let out = api_cmd(&env, &stub, "closient").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("--wait"), "{args:?}: {}", stderr(&out));
    }
    assert!(stub.requests().is_empty());
}

#[test]
fn closient_422_on_a_bad_id_and_404_show_the_pydantic_detail() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        REPLAY_ROUTE,
        post(|Path(id): Path<String>| async move {
            if id == "nope" {
                json(404, json!({"detail": "Not Found"}))
            } else {
                json(
                    422,
                    json!({"detail": [{"loc": ["path", "id"], "msg": "String should have at least 22 characters", "type": "string_too_short"}]}),
                )
            }
        }),
    ));
    let out = api_cmd(&env, &stub, "closient").args(["replay", "x1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(
        err.contains(
            "422 Unprocessable Entity: path.id: String should have at least 22 characters [string_too_short]"
        ),
        "{err}"
    );
    let out = api_cmd(&env, &stub, "closient").args(["replay", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("404 Not Found: Not Found"), "{}", stderr(&out));
    assert!(stderr(&out).contains("hint: no such delivery"));
}

#[test]
fn closient_401_and_403_are_exit_3() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        TEST_ROUTE,
        post(|Path(id): Path<String>| async move {
            if id.starts_with('a') {
                json(401, json!({"detail": "Invalid API key"}))
            } else {
                json(403, json!({"detail": "Key lacks webhooks:write"}))
            }
        }),
    ));
    let out = api_cmd(&env, &stub, "closient").args(["test", EP]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("401 Unauthorized: Invalid API key"));
    let out = api_cmd(&env, &stub, "closient").args(["test", "BBcDeFgHiJkMnPqRsTuVwX"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("403 Forbidden: Key lacks webhooks:write"));
}

/// A delivery that is pending, then failed (mid-retry), then `last` after ~1 s.
fn lagging_delivery_stub(first: &'static str, last: &'static str) -> Stub {
    let started: Arc<Mutex<Option<Instant>>> = Arc::default();
    let s2 = started.clone();
    Stub::start(
        Router::new()
            .route(
                TEST_ROUTE,
                post(move || {
                    *started.lock().unwrap() = Some(Instant::now());
                    async move { json(200, delivery(first, None)) }
                }),
            )
            .route(
                REPLAY_ROUTE,
                post(|| async {
                    json(400, json!({"detail": "Only dead_letter deliveries can be replayed"}))
                }),
            )
            .route(
                DELIVERY_ROUTE,
                get(move || {
                    let since = s2.lock().unwrap().map(|t| t.elapsed()).unwrap_or_default();
                    async move {
                        if since < Duration::from_millis(500) {
                            json(200, delivery("pending", None))
                        } else if since < Duration::from_millis(1000) {
                            json(200, delivery("failed", Some(503)))
                        } else {
                            json(200, delivery(last, Some(if last == "delivered" { 200 } else { 500 })))
                        }
                    }
                }),
            ),
    )
}

#[test]
fn test_wait_follows_a_pending_delivery_until_delivered() {
    let env = TestEnv::new();
    let stub = lagging_delivery_stub("pending", "delivered");
    let out =
        api_cmd(&env, &stub, "closient").args(["test", EP, "--wait", "--timeout", "10s"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 of 1 deliveries delivered"), "{}", stderr(&out));
    // Each state change is a line on stdout as it is seen.
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with("delivered") && l.contains("dlv_7") && l.contains("HTTP 200")),
        "{text}"
    );
    let polls = stub.requests().iter().filter(|r| r.method == "GET").count();
    assert!((2..=12).contains(&polls), "polls: {polls}");
    assert!(stub.requests().iter().any(|r| r.path == "/integrations/api/v1/webhooks/deliveries/dlv_7/"));
}

#[test]
fn test_wait_keeps_waiting_through_failed_and_reports_dead_letter_as_7() {
    let env = TestEnv::new();
    let stub = lagging_delivery_stub("failed", "dead_letter");
    let out = api_cmd(&env, &stub, "closient")
        .args(["--json", "test", EP, "--wait", "--timeout", "10s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    let doc = stdout_json(&out);
    assert_eq!(doc["outcome"], "failed");
    assert_eq!(doc["expected"], 1);
    assert_eq!(doc["rows"][0]["status"], "dead_letter");
    assert_eq!(doc["rows"][0]["state"], "failed");
    let err = stderr(&out);
    assert!(
        err.lines().any(|l| l.starts_with("error: delivery failed: 1 of 1 deliveries failed: ")),
        "{err}"
    );
    assert!(err.contains("\nhint: a dead_letter delivery can be replayed: `hookctl replay "), "{err}");
    assert!(doc["polls"].as_u64().unwrap() >= 2);
    assert!(doc["elapsed_ms"].as_u64().unwrap() >= 1000);
}

#[test]
fn test_wait_times_out_with_6() {
    let env = TestEnv::new();
    let stub = lagging_delivery_stub("pending", "pending");
    let started = Instant::now();
    let out = api_cmd(&env, &stub, "closient")
        .args(["test", EP, "--wait", "--timeout", "1500ms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.lines().any(|l| l.starts_with("error: timed out after ") && l.ends_with("s: 1 of 1 deliveries appeared")),
        "{err}"
    );
    assert!(err.contains("\nhint: "), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn pending_without_wait_is_0_with_a_warning() {
    let env = TestEnv::new();
    let stub = closient_test_stub("pending", None);
    let out = api_cmd(&env, &stub, "closient").args(["test", EP]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("pass --wait"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------------------------
// personio
// ---------------------------------------------------------------------------------------------

fn personio_stub() -> Stub {
    Stub::start(Router::new().route(
        "/v2/webhooks/{id}/test-event",
        post(|Path(id): Path<String>, body: axum::Json<Value>| async move {
            match id.as_str() {
                "missing" => problem(404, "Webhook not found", "No webhook found matching the given id"),
                "forbidden" => problem(403, "Access denied", "Access denied to perform webhook operations"),
                "nopayload" => problem(
                    400,
                    "Missing required payload data",
                    "The test event payload requires field 'person.id' in the 'payload_data' object",
                ),
                "down" => json(
                    200,
                    json!({"completed_at": "2023-01-01T12:51:00.000Z", "event_name": body["event_name"],
                           "is_delivered": false, "attempts": 3, "status_code": 502}),
                ),
                _ => json(
                    200,
                    json!({"completed_at": "2023-01-01T12:51:00.000Z", "event_name": body["event_name"],
                           "is_delivered": true, "attempts": 1, "status_code": 200}),
                ),
            }
        }),
    ))
}

#[test]
fn personio_sends_event_name_and_dot_notation_payload_data_as_strings() {
    let env = TestEnv::new();
    let stub = personio_stub();
    let out = api_cmd(&env, &stub, "personio")
        .args([
            "test",
            "533e7206-f4a3-11ed-9c8b-436fad0b82d1",
            "--event",
            "person.updated",
            "--field",
            "person.id=456",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("person.updated  delivered  HTTP 200, 1 attempt"), "{}", stdout(&out));
    let req = &stub.requests()[0];
    assert_eq!(req.path, "/v2/webhooks/533e7206-f4a3-11ed-9c8b-436fad0b82d1/test-event");
    assert_eq!(req.header("authorization"), Some(format!("Bearer {}", crate::support::api::TOKEN).as_str()));
    let sent: Value = serde_json::from_slice(&req.body).unwrap();
    assert_eq!(sent, json!({"event_name": "person.updated", "payload_data": {"person.id": "456"}}));
}

#[test]
fn personio_is_delivered_false_is_7_with_the_status_code() {
    let env = TestEnv::new();
    let stub = personio_stub();
    let out = api_cmd(&env, &stub, "personio")
        .args(["test", "down", "--event", "person.created", "--data", "person.id=1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert!(stderr(&out).contains("delivery failed: HTTP 502, 3 attempts"), "{}", stderr(&out));
    // --data KEY=VALUE is the old spelling of --field: still works, with a warning.
    assert!(
        stderr(&out).contains("warning: test --data KEY=VALUE is now --field KEY=VALUE"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn personio_problem_json_errors_show_detail_and_trace_id() {
    let env = TestEnv::new();
    let stub = personio_stub();
    let cases = [
        ("nopayload", 4, "400 Bad Request: Missing required payload data: The test event payload requires field 'person.id'"),
        ("forbidden", 3, "403 Forbidden: Access denied: Access denied to perform webhook operations"),
        ("missing", 4, "404 Not Found: Webhook not found: No webhook found matching the given id"),
    ];
    for (id, code, message) in cases {
        let out = api_cmd(&env, &stub, "personio")
            .args(["test", id, "--event", "absence.created"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{id}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(message), "{id}: {err}");
        assert!(err.contains("personio trace id: aswo3f-a202lfso-312123sld-1230ddd"), "{err}");
        // Not in hookctl's partial catalog: a warning, not a refusal.
        assert!(err.contains("warning: 'absence.created' is not in hookctl's personio event list"), "{err}");
    }
}

#[test]
fn personio_needs_an_event_and_the_documented_payload_fields() {
    let env = TestEnv::new();
    let mut stub = personio_stub();
    stub.may_go_unused();
    let out = api_cmd(&env, &stub, "personio").args(["test", "w1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs --event NAME"));
    let out = api_cmd(&env, &stub, "personio")
        .args(["test", "w1", "--event", "document.created", "--field", "document.id=1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("document.created needs payload_data document.owner.id"),
        "{}",
        stderr(&out)
    );
    let out = api_cmd(&env, &stub, "personio")
        .args(["test", "w1", "--event", "person.updated", "--field", "person.id"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not key=value"));
    assert!(stub.requests().is_empty());
}

#[test]
fn replay_wait_follows_the_replayed_delivery() {
    let env = TestEnv::new();
    let started: Arc<Mutex<Option<Instant>>> = Arc::default();
    let s2 = started.clone();
    let stub = Stub::start(
        Router::new()
            .route(
                REPLAY_ROUTE,
                post(move || {
                    *started.lock().unwrap() = Some(Instant::now());
                    async move { json(200, delivery("rate_limited", Some(429))) }
                }),
            )
            .route(
                DELIVERY_ROUTE,
                get(move || {
                    let since = s2.lock().unwrap().map(|t| t.elapsed()).unwrap_or_default();
                    async move {
                        if since < Duration::from_millis(700) {
                            json(200, delivery("rate_limited", Some(429)))
                        } else {
                            json(200, delivery("delivered", Some(200)))
                        }
                    }
                }),
            ),
    );
    let out = api_cmd(&env, &stub, "closient")
        .args(["--json", "replay", "dlv_7", "--wait", "--timeout", "10s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = stdout_json(&out);
    assert_eq!(doc["outcome"], "delivered");
    assert_eq!(doc["rows"][0]["http_status"], 200);
}

#[test]
fn wait_with_an_already_settled_answer_still_prints_the_wait_document() {
    let env = TestEnv::new();
    let stub = closient_test_stub("dead_letter", Some(410));
    let out = api_cmd(&env, &stub, "closient").args(["--json", "test", EP, "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    let doc = stdout_json(&out);
    assert_eq!(doc["outcome"], "failed");
    assert_eq!(doc["polls"], 0);
    assert_eq!(doc["rows"][0]["http_status"], 410);
    assert_eq!(stub.requests().len(), 1, "nothing to poll");
}
