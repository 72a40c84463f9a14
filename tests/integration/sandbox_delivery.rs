//! The delivery side of the four provider documents, checked against the sandbox with a raw
//! HTTP client: closient's test and replay results (the 256-character cut, failed then
//! dead_letter, 429 and Retry-After), signed xpath deliveries and their retries, timeouts.

use axum::response::IntoResponse;
use serde_json::{json, Value};

use crate::sandbox_conformance::{is_shortuuid, CLOSIENT, XPATH};
use crate::support::sandbox::Sandbox;
use crate::support::{Stub, TestEnv};

// ---- closient delivery results (document 001) ----

fn check_result(v: &Value) {
    assert!(v["delivery_id"].as_str().is_some_and(is_shortuuid), "{v}");
    assert!(
        ["pending", "delivered", "failed", "rate_limited", "dead_letter"]
            .contains(&v["status"].as_str().unwrap()),
        "{v}"
    );
    assert!(
        v["http_status_code"].is_null() || (100..=599).contains(&v["http_status_code"].as_u64().unwrap()),
        "{v}"
    );
    assert!(
        v["response_body"].is_null() || v["response_body"].as_str().unwrap().chars().count() <= 256,
        "{v}"
    );
    assert_eq!(v.as_object().unwrap().len(), 4, "{v}");
}

#[test]
fn closient_test_answers_after_the_first_attempt_with_the_first_256_characters() {
    let env = TestEnv::new();
    let long: String = "é".repeat(300) + "END";
    let body = long.clone();
    let stub = Stub::start(axum::Router::new().fallback(move || {
        let body = body.clone();
        async move { (axum::http::StatusCode::ACCEPTED, body) }
    }));
    let s = Sandbox::start(&env, &["--seed-url", &stub.url("/c")]);
    let (st, v) = s.post(CLIENT_TEST, json!({}));
    assert_eq!(st, 200, "{v}");
    check_result(&v);
    assert_eq!(v["status"], "delivered");
    assert_eq!(v["http_status_code"], 202);
    assert_eq!(v["response_body"].as_str().unwrap(), "é".repeat(256), "cut at 256 characters");
    // The receiver got exactly one ping, already when the answer came.
    assert_eq!(stub.requests().len(), 1);
    let ping: Value = serde_json::from_slice(&stub.requests()[0].body).unwrap();
    assert_eq!(ping["type"], "ping");
    // It is in the deliveries list under that id.
    let (st, list) =
        s.get(&format!("{CLOSIENT}/deliveries/?endpoint_id=SandboxEndpoint2345678&status=delivered"));
    assert_eq!(st, 200);
    assert!(list["items"].as_array().unwrap().iter().any(|d| d["id"] == v["delivery_id"]), "{list}");
    let (st, _) = s.get(&format!("{CLOSIENT}/deliveries/?status=lost"));
    assert_eq!(st, 422);
}

pub(crate) const CLIENT_TEST: &str =
    "/closient/integrations/api/v1/webhooks/endpoints/SandboxEndpoint2345678/test/";

#[test]
fn closient_unreachable_endpoint_is_failed_with_null_code_then_dead_letter() {
    let env = TestEnv::new();
    let dead = format!("http://127.0.0.1:{}/gone", crate::support::dead_port());
    let s = Sandbox::start(&env, &["--seed-url", &dead, "--retry-schedule", "100ms"]);
    let (st, v) = s.post(CLIENT_TEST, json!({}));
    assert_eq!(st, 200);
    check_result(&v);
    assert_eq!(v["status"], "failed", "mid-retry-backoff");
    assert_eq!((v["http_status_code"].clone(), v["response_body"].clone()), (Value::Null, Value::Null));
    let id = v["delivery_id"].as_str().unwrap().to_string();
    let d = s.until(std::time::Duration::from_secs(10), "dead_letter", |s| {
        let (_, d) = s.get(&format!("{CLOSIENT}/deliveries/{id}/"));
        (d["status"] == "dead_letter").then_some(d)
    });
    assert_eq!(d["attempts"], 2);
    assert!(d["last_error"].as_str().unwrap().contains("connection"), "{d}");
}

#[test]
fn closient_replay_only_for_dead_letter() {
    let env = TestEnv::new();
    let stub = Stub::start(axum::Router::new().fallback(|| async { "thanks" }));
    let s = Sandbox::start(&env, &["--seed-url", &stub.url("/r")]);
    // The seeded dead-lettered delivery: replayed, answered after the first attempt.
    let replay = format!("{CLOSIENT}/deliveries/SandboxDeadLetter23456/replay/");
    let (st, v) = s.post(&replay, json!({}));
    assert_eq!(st, 200, "{v}");
    check_result(&v);
    assert_eq!(
        (v["delivery_id"].as_str(), v["status"].as_str()),
        (Some("SandboxDeadLetter23456"), Some("delivered"))
    );
    assert_eq!(v["response_body"], "thanks");
    // Now delivered: a second replay is refused with the ninja detail.
    let (st, v) = s.post(&replay, json!({}));
    assert_eq!(st, 400);
    assert!(v["detail"].as_str().unwrap().contains("dead_letter"), "{v}");
    let (st, v) = s.post(&format!("{CLOSIENT}/deliveries/SandboxEndpoint2345678/replay/"), json!({}));
    assert_eq!((st, v["detail"].as_str()), (404, Some("Not Found")));
    // The redelivery kept its webhook-id.
    assert_eq!(stub.requests()[0].header("webhook-id"), Some("msg_SandboxSeededDeadLetter000"));
}

#[test]
fn concurrent_replays_of_one_dead_letter_send_it_once() {
    let env = TestEnv::new();
    let stub = Stub::start(axum::Router::new().fallback(|| async { "thanks" }));
    let s = std::sync::Arc::new(Sandbox::start(&env, &["--seed-url", &stub.url("/r")]));
    let replay = format!("{CLOSIENT}/deliveries/SandboxDeadLetter23456/replay/");
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (s, replay) = (s.clone(), replay.clone());
            std::thread::spawn(move || s.post(&replay, json!({})).0)
        })
        .collect();
    let mut codes: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    codes.sort();
    assert_eq!(codes, [200, 400, 400, 400, 400, 400, 400, 400], "exactly one replay wins");
    assert_eq!(stub.requests().len(), 1, "sent once");
}

#[test]
fn closient_429_is_rate_limited_and_retried_after_retry_after() {
    let env = TestEnv::new();
    let calls = crate::support::api::Counter::default();
    let c = calls.clone();
    let stub = Stub::start(axum::Router::new().fallback(move || {
        let n = c.next();
        async move {
            if n == 1 {
                (axum::http::StatusCode::TOO_MANY_REQUESTS, [("retry-after", "1")], "slow down")
                    .into_response()
            } else {
                "ok".into_response()
            }
        }
    }));
    let s = Sandbox::start(&env, &["--seed-url", &stub.url("/rl"), "--retry-schedule", "none"]);
    let (_, v) = s.post(CLIENT_TEST, json!({}));
    check_result(&v);
    assert_eq!((v["status"].as_str(), v["http_status_code"].as_u64()), (Some("rate_limited"), Some(429)));
    let id = v["delivery_id"].as_str().unwrap().to_string();
    // Delivered on the next attempt, no sooner than the Retry-After, although the retry
    // schedule is empty (429s are retried separately).
    s.until(std::time::Duration::from_secs(10), "delivered", |s| {
        let (_, d) = s.get(&format!("{CLOSIENT}/deliveries/{id}/"));
        (d["status"] == "delivered").then_some(())
    });
    let (_, attempts) = s.get(&format!("/_sandbox/attempts?delivery_id={id}"));
    let times: Vec<time::OffsetDateTime> = attempts
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            time::OffsetDateTime::parse(
                a["started_at"].as_str().unwrap(),
                &time::format_description::well_known::Rfc3339,
            )
            .unwrap()
        })
        .collect();
    assert_eq!(times.len(), 2);
    assert!((times[0] - times[1]).whole_milliseconds() >= 900, "{attempts}");
}

#[test]
fn closient_slow_endpoint_times_out_as_failed_with_null_code() {
    let env = TestEnv::new();
    let stub = Stub::start(axum::Router::new().fallback(|| async {
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        "too late"
    }));
    let s = Sandbox::start(&env, &["--seed-url", &stub.url("/slow")]);
    let (st, k) = s.call("PATCH", "/_sandbox/knobs", Some(json!({"attempt_timeout": "300ms"})));
    assert_eq!((st, k["attempt_timeout"].as_str()), (200, Some("300ms")), "{k}");
    let (_, v) = s.post(CLIENT_TEST, json!({}));
    check_result(&v);
    assert_eq!((v["status"].as_str(), v["http_status_code"].is_null()), (Some("failed"), true), "{v}");
    let id = v["delivery_id"].as_str().unwrap();
    let (_, d) = s.get(&format!("{CLOSIENT}/deliveries/{id}/"));
    assert!(d["last_error"].as_str().unwrap().contains("timed out after 300ms"), "{d}");
    let (st, _) = s.call("PATCH", "/_sandbox/knobs", Some(json!({"attempt_timeout": "1h"})));
    assert_eq!(st, 400);
}

#[test]
fn xpath_deliveries_are_signed_with_the_endpoint_secret_and_non_2xx_is_retried() {
    let env = TestEnv::new();
    let calls = crate::support::api::Counter::default();
    let c = calls.clone();
    let flaky = Stub::start(axum::Router::new().fallback(move || {
        let n = c.next();
        async move {
            if n == 1 {
                (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "boom").into_response()
            } else {
                "ok".into_response()
            }
        }
    }));
    let quiet = Stub::start(axum::Router::new().fallback(|| async { "ok" }));
    let s = Sandbox::start(&env, &["--seed-url", &quiet.url("/seeded")]);
    let (_, created) = s.post(XPATH, json!({"url": flaky.url("/x"), "events": ["cases.*"]}));
    let secret = created["data"]["secret"].as_str().unwrap().to_string();
    let (_, other) = s.post(XPATH, json!({"url": flaky.url("/y"), "events": ["assignments.*"]}));
    assert!(other["data"]["id"].is_string());
    let (st, v) =
        s.post("/_sandbox/xpath/events", json!({"event": "cases.created", "data": {"caseId": "c1"}}));
    assert_eq!(st, 200, "{v}");
    assert_eq!(
        v["deliveries"].as_array().unwrap().len(),
        2,
        "the seeded endpoint (cases.*) and the new one: {v}"
    );
    let reqs = s.until(std::time::Duration::from_secs(10), "the retry", |_| {
        let r = flaky.requests();
        (r.len() >= 2).then_some(r)
    });
    assert_eq!(reqs.len(), 2, "one 500, one retry; the assignments.* endpoint got nothing");
    assert_eq!(reqs[0].header("webhook-id"), reqs[1].header("webhook-id"), "a retry keeps its webhook-id");
    for r in &reqs {
        let ts: i64 = r.header("webhook-timestamp").unwrap().parse().unwrap();
        let sig = crate::support::listen::standard_sig(&secret, r.header("webhook-id").unwrap(), ts, &r.body);
        assert_eq!(r.header("webhook-signature"), Some(sig.as_str()));
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(
            (body["type"].as_str(), body["data"]["caseId"].as_str()),
            (Some("cases.created"), Some("c1"))
        );
    }
    let (st, _) = s.post("/_sandbox/xpath/events", json!({"event": "cases.*"}));
    assert_eq!(st, 400, "a wildcard is not an event");
}

#[test]
fn closient_endpoint_answering_500_or_closing_the_connection_is_failed_then_dead_letter() {
    let env = TestEnv::new();
    let stub = Stub::start(
        axum::Router::new()
            .fallback(|| async { (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "x".repeat(1000)) }),
    );
    // A receiver that reads the request and closes the connection without answering.
    let closer = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closer_url = format!("http://{}/close", closer.local_addr().unwrap());
    std::thread::spawn(move || {
        for conn in closer.incoming() {
            let Ok(mut conn) = conn else { break };
            let mut buf = [0u8; 4096];
            let _ = std::io::Read::read(&mut conn, &mut buf);
        }
    });
    let s = Sandbox::start(&env, &["--seed-url", &stub.url("/500"), "--retry-schedule", "50ms"]);
    let (st, v) = s.post(CLIENT_TEST, json!({}));
    assert_eq!(st, 200, "{v}");
    check_result(&v);
    assert_eq!((v["status"].as_str(), v["http_status_code"].as_u64()), (Some("failed"), Some(500)), "{v}");
    assert_eq!(v["response_body"].as_str().map(|b| b.chars().count()), Some(256), "{v}");
    let id = v["delivery_id"].as_str().unwrap().to_string();
    s.until(std::time::Duration::from_secs(10), "dead_letter after the retry", |s| {
        let (_, d) = s.get(&format!("{CLOSIENT}/deliveries/{id}/"));
        (d["status"] == "dead_letter" && d["http_status_code"] == 500).then_some(())
    });
    assert_eq!(stub.requests().len(), 2, "one attempt and one retry");
    // Closing the connection: no status code, no body, failed then dead_letter.
    let (st, e) = s.post(&format!("{CLOSIENT}/endpoints/"), json!({"url": closer_url, "events": ["*"]}));
    assert_eq!(st, 201, "{e}");
    let (st, v) = s.post(&format!("{CLOSIENT}/endpoints/{}/test/", e["id"].as_str().unwrap()), json!({}));
    assert_eq!(st, 200, "{v}");
    check_result(&v);
    assert_eq!(v["status"], "failed");
    assert!(v["http_status_code"].is_null() && v["response_body"].is_null(), "{v}");
    let id = v["delivery_id"].as_str().unwrap().to_string();
    let d = s.until(std::time::Duration::from_secs(10), "dead_letter", |s| {
        let (_, d) = s.get(&format!("{CLOSIENT}/deliveries/{id}/"));
        (d["status"] == "dead_letter").then_some(d)
    });
    assert!(d["last_error"].as_str().is_some_and(|e| !e.is_empty()), "{d}");
}

#[test]
fn closient_429s_without_a_readable_retry_after_follow_the_schedule_and_end_in_dead_letter() {
    let env = TestEnv::new();
    let stub = Stub::start(axum::Router::new().fallback(|| async {
        (axum::http::StatusCode::TOO_MANY_REQUESTS, [("retry-after", "soon-ish")], "")
    }));
    let s = Sandbox::start(&env, &["--seed-url", &stub.url("/rl"), "--retry-schedule", "50ms"]);
    let started = std::time::Instant::now();
    let (_, v) = s.post(CLIENT_TEST, json!({}));
    assert_eq!(v["status"], "rate_limited", "{v}");
    let id = v["delivery_id"].as_str().unwrap().to_string();
    let d = s.until(std::time::Duration::from_secs(10), "dead_letter", |s| {
        let (_, d) = s.get(&format!("{CLOSIENT}/deliveries/{id}/"));
        (d["status"] == "dead_letter").then_some(d)
    });
    assert_eq!(d["attempts"], 11, "the first attempt and ten 429 retries: {d}");
    assert_eq!(stub.requests().len(), 11);
    assert!(started.elapsed() < std::time::Duration::from_secs(8), "retried on the 50ms schedule");
}
