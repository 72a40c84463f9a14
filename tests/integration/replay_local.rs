//! `hookctl replay --from CAPTURE --to URL`: byte-for-byte re-sends and `--resign`.

use axum::http::StatusCode;
use axum::routing::any;
use axum::Router;
use serde_json::{json, Value};

use crate::support::listen::*;
use crate::support::{dead_port, stdout_json, Stub, TestEnv};

/// A capture line as `listen --capture` writes it, signed `age` seconds ago.
fn record(id: &str, msg_id: &str, body: &[u8], age: i64) -> Value {
    let h = signed_headers(SECRET, msg_id, unix_now() - age, body);
    let mut headers: Vec<Value> = h.iter().map(|(k, v)| json!([k, v])).collect();
    headers.push(json!(["host", "127.0.0.1:1"]));
    headers.push(json!(["connection", "keep-alive"]));
    headers.push(json!(["content-length", body.len().to_string()]));
    json!({
        "id": id, "received_at": "2026-11-23T08:00:00Z", "method": "POST", "path": "/hooks",
        "query": "k=v", "headers": headers, "body": String::from_utf8(body.to_vec()).unwrap(),
        "verdict": "valid", "scheme": "standard", "reason": null, "status": 200
    })
}

fn write_capture(env: &TestEnv, records: &[Value]) -> String {
    let text: String = records.iter().map(|r| format!("{r}\n")).collect();
    env.write("cap.jsonl", text).to_str().unwrap().to_string()
}

#[test]
fn replays_byte_for_byte_to_the_target() {
    let app = Stub::start(Router::new().fallback(any(|| async { StatusCode::NO_CONTENT })));
    let env = TestEnv::new();
    let b1 = br#"{"type":"case.updated","n":1}"#;
    let b2 = "{\"type\":\"case.closed\",\"note\":\"h\u{e9}\u{1b}[0m\"}".as_bytes();
    let cap = write_capture(&env, &[record("req_a", "msg_a", b1, 0), record("req_b", "msg_b", b2, 0)]);
    let out = env.cmd().args(["replay", "--from", &cap, "--to", &app.url("/app"), "--all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let got = app.requests();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].body, b1);
    assert_eq!(got[1].body, b2);
    assert_eq!(got[0].path, "/app");
    assert_eq!(got[0].query.as_deref(), Some("k=v"));
    assert_eq!(got[0].header("webhook-id"), Some("msg_a"));
    assert!(got[0].header("webhook-signature").unwrap().starts_with("v1,"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("req_a") && text.contains("→ 204"), "{text}");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn old_capture_is_refused_without_resign_and_accepted_with_it() {
    let env = TestEnv::new();
    let b = br#"{"type":"payment.created"}"#;
    // Ten minutes old: outside the 5-minute tolerance.
    let cap = write_capture(&env, &[record("req_old", "msg_old", b, 600)]);
    let received = env.path("received.jsonl");
    let l = Listener::start(&env, &["--secret", SECRET, "--capture", received.to_str().unwrap()]);
    let out =
        env.cmd().args(["replay", "--from", &cap, "--to", &l.url("/"), "--last", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--resign"), "hint names --resign: {err}");
    assert!(err.contains("tolerance"), "{err}");

    let out = env
        .cmd()
        .args([
            "replay",
            "--from",
            &cap,
            "--to",
            &l.url("/"),
            "--id",
            "req_old",
            "--resign",
            "--secret",
            SECRET,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let finished = l.stop();
    let reqs = finished.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0]["verdict"], "invalid");
    assert_eq!(reqs[1]["verdict"], "valid");
    assert_eq!(reqs[1]["body"]["type"], "payment.created");
    // Re-signed under a fresh message id, not the captured one (a receiver deduplicating by
    // id would drop the replay otherwise).
    let ids: Vec<String> = read_capture(&received)
        .iter()
        .map(|r| {
            let headers = r["headers"].as_array().expect("headers");
            let id = headers.iter().find(|h| h[0] == "webhook-id").expect("a webhook-id header");
            id[1].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0], "msg_old", "the plain replay keeps the captured id");
    assert!(ids[1] != "msg_old" && !ids[1].is_empty(), "the re-signed replay reused the id: {ids:?}");
}

#[test]
fn resign_uses_the_environment_secret_and_json_output() {
    let env = TestEnv::new();
    let b = br#"{"type":"x"}"#;
    let cap = write_capture(&env, &[record("r1", "m1", b, 900)]);
    let l = Listener::start(&env, &["--secret", SECRET]);
    let out = env
        .cmd()
        .env("HOOKCTL_SECRET", SECRET)
        .args(["--json", "replay", "--from", &cap, "--to", &l.url("/"), "--all", "--resign"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = stdout_json(&out);
    assert_eq!(doc["results"][0]["status"], 200);
    assert_eq!(doc["results"][0]["resigned"], "standard");
    assert_eq!(doc["failed"], 0);
    l.stop();
}

#[test]
fn selection_errors_are_usage_errors() {
    let env = TestEnv::new();
    let cap = write_capture(&env, &[record("r1", "m1", b"{}", 0)]);
    let to = format!("http://127.0.0.1:{}/", dead_port());
    let run =
        |args: &[&str]| env.cmd().args(["replay", "--from", &cap, "--to", &to]).args(args).output().unwrap();
    let out = run(&["--id", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: no record with id 'nope'"));
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["--last", "0"]).status.code(), Some(2));
    let out = env.cmd().args(["replay", "--from", "missing.jsonl", "--to", &to, "--all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let garbage = env.write("g.jsonl", "not json\n").to_str().unwrap().to_string();
    let out = env.cmd().args(["replay", "--from", &garbage, "--to", &to, "--all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // --resign without any secret: configuration error.
    let out = run(&["--all", "--resign"]);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn non_2xx_exits_7_and_unreachable_exits_5() {
    let app =
        Stub::start(Router::new().fallback(any(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "boom") })));
    let env = TestEnv::new();
    let cap = write_capture(&env, &[record("r1", "m1", b"{}", 0)]);
    let out = env.cmd().args(["replay", "--from", &cap, "--to", &app.url("/"), "--all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert!(String::from_utf8_lossy(&out.stdout).contains("→ 500"));
    // The failed outcome reads like every other one: an error: line.
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: 1 of 1 replayed requests were not answered 2xx\n"
    );
    let to = format!("http://127.0.0.1:{}/", dead_port());
    let out = env.cmd().args(["replay", "--from", &cap, "--to", &to, "--all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_capture_written_by_listen_replays_with_identical_bytes() {
    let env = TestEnv::new();
    let cap = env.path("live.jsonl");
    let l = Listener::start(&env, &["--capture", cap.to_str().unwrap()]);
    let binary: Vec<u8> = (0..=255u8).collect();
    assert_eq!(post(l.port, "/bin", &[("content-type", "application/octet-stream")], &binary).status, 200);
    l.stop();
    let app = Stub::start(Router::new().fallback(any(|| async { "ok" })));
    let out = env
        .cmd()
        .args(["replay", "--from", cap.to_str().unwrap(), "--to", &app.url("/x"), "--all"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(app.requests()[0].body, binary);
    assert_eq!(app.requests()[0].header("content-type"), Some("application/octet-stream"));
}

#[test]
fn a_record_that_cannot_be_rebuilt_fails_with_7_and_says_why() {
    let app = Stub::start(Router::new().fallback(any(|| async { "ok" })));
    let env = TestEnv::new();
    let mut broken = record("r_bad", "m1", b"{}", 0);
    broken.as_object_mut().unwrap().remove("body");
    broken["body_base64"] = json!("***not base64***");
    let cap = write_capture(&env, &[broken, record("r_ok", "m2", b"{}", 0)]);
    let out = env.cmd().args(["replay", "--from", &cap, "--to", &app.url("/"), "--all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("r_bad") && text.contains("not base64"), "{text}");
    // The good record still went out.
    assert_eq!(app.requests().len(), 1);
}

/// `replay` has two modes; with neither, the error and the usage name both.
#[test]
fn replay_without_a_mode_explains_both() {
    let env = TestEnv::new();
    let out = env.cmd().arg("replay").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: replay needs a delivery id (provider replay) or --from FILE"), "{err}");
    assert!(err.contains("hookctl replay --from capture.jsonl --to URL"), "{err}");
    let help = env.cmd().args(["replay", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("(provider replay)") && help.contains("(captured requests)"), "{help}");
}

/// `--timeout` now means "wait for the outcome"; with --from it still bounds each request,
/// with a warning naming --request-timeout.
#[test]
fn timeout_with_from_is_the_old_request_timeout() {
    let env = TestEnv::new();
    let cap = write_capture(&env, &[record("r1", "m1", b"{}", 0)]);
    let l = Listener::start(&env, &["--secret", SECRET]);
    let out = env
        .cmd()
        .args(["replay", "--from", &cap, "--to", &l.url("/"), "--all", "--timeout", "5s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--timeout is now --request-timeout"));
    l.stop();
}

#[test]
fn provider_connection_flags_are_refused_with_from() {
    let env = TestEnv::new();
    let path = write_capture(&env, &[record("r_1", "m1", b"{}", 0)]);
    let to = format!("http://127.0.0.1:{}/", dead_port());
    for flag in [["--token", "t"], ["--base-url", "http://h"], ["--provider", "closient"]] {
        let out = env.cmd().args(["replay", "--from", &path, "--to", &to]).args(flag).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("error: {} is for replaying a provider delivery", flag[0])), "{err}");
    }
}
