//! The sandbox under hostile input and a hostile browser (issue 16): every request below gets
//! a 4xx in the dialect's own error shape, and the sandbox keeps answering afterwards.

use serde_json::{json, Value};

use crate::support::listen::request;
use crate::support::sandbox::{Sandbox, TOKEN};
use crate::support::TestEnv;

const PERSONIO_TEST: &str = "/personio/v2/webhooks/533e7206-f4a3-11ed-9c8b-436fad0b82d1/test-event";
const BEARER: &str = "Bearer hookctl-sandbox";

/// The sandbox still answers (it did not crash or hang on what came before).
fn still_alive(s: &Sandbox) {
    let (st, v) = s.get("/_sandbox/");
    assert_eq!(st, 200, "the sandbox stopped answering: {v}; stderr: {}", s.stderr());
}

/// A request that must be answered (a dropped connection means the sandbox crashed). A
/// `Host` among `headers` replaces the default one (a rebound page sends exactly one).
fn send(s: &Sandbox, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, Value) {
    let answer = if headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        raw_request(s.port, method, path, headers, body)
    } else {
        request(s.port, method, path, headers, body)
    };
    let a = answer.unwrap_or_else(|e| panic!("{method} {path}: no answer ({e}); stderr: {}", s.stderr()));
    let v = serde_json::from_slice(&a.body).unwrap_or(Value::Null);
    (a.status, v)
}

/// A request whose head is exactly `headers` (plus the length).
fn raw_request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<crate::support::listen::Answer> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    crate::support::listen::parse_answer(&raw)
}

fn personio_problem(v: &Value) -> &str {
    assert!(v["personio_trace_id"].is_string(), "not personio's problem shape: {v}");
    v["errors"][0]["detail"].as_str().unwrap_or_default()
}

// ---- item 1: recursion over request data ----

#[test]
fn personio_payload_data_with_5000_dots_is_a_400_not_a_crash() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &["--seed-url", "http://127.0.0.1:9/unused"]);
    let deep = vec!["a"; 5001].join(".");
    let body = json!({"event_name": "person.updated", "payload_data": {"person.id": "1", deep: "x"}});
    let (st, v) = send(&s, "POST", PERSONIO_TEST, &[("Authorization", BEARER)], body.to_string().as_bytes());
    assert_eq!(st, 400, "{v}");
    assert!(personio_problem(&v).contains("segments"), "{v}");
    // Just within the bound is still delivered as nested objects.
    let ok = vec!["a"; 32].join(".");
    let body = json!({"event_name": "person.updated", "payload_data": {"person.id": "1", ok: "x"}});
    let (st, v) = send(&s, "POST", PERSONIO_TEST, &[("Authorization", BEARER)], body.to_string().as_bytes());
    assert_eq!(st, 200, "{v}");
    // Many keys are bounded too.
    let many: serde_json::Map<String, Value> = (0..1001).map(|i| (format!("k{i}.x"), json!("v"))).collect();
    let mut data = many;
    data.insert("person.id".into(), json!("1"));
    let body = json!({"event_name": "person.updated", "payload_data": data});
    let (st, v) = send(&s, "POST", PERSONIO_TEST, &[("Authorization", BEARER)], body.to_string().as_bytes());
    assert_eq!(st, 400, "{v}");
    personio_problem(&v);
    still_alive(&s);
}

#[test]
fn deeply_nested_json_bodies_are_a_400_in_every_dialect() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_obj =
        format!("{{\"event\":\"cases.created\",\"data\":{}1{}}}", "[".repeat(5000), "]".repeat(5000));
    let json_type = ("Content-Type", "application/json");
    for (path, body) in [
        ("/partner/test/webhooks/fire", deep.as_str()),
        ("/closient/integrations/api/v1/webhooks/endpoints/", deep.as_str()),
        ("/xpath/v2.3/webhooks/endpoints", deep.as_str()),
        (PERSONIO_TEST, deep.as_str()),
        ("/_sandbox/xpath/events", deep_obj.as_str()),
    ] {
        let (st, v) = send(
            &s,
            "POST",
            path,
            &[("Authorization", BEARER), ("X-API-Key", TOKEN), json_type],
            body.as_bytes(),
        );
        assert!((400..500).contains(&st), "{path}: {st} {v}");
    }
    still_alive(&s);
}

// ---- item 2: Host and Origin (DNS rebinding) ----

#[test]
fn a_foreign_host_or_origin_gets_403_in_each_dialects_shape() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let port = s.port;
    let evil_host = format!("rebind.attacker.example:{port}");
    type Shape = fn(&Value) -> bool;
    let cases: [(&str, &str, Shape); 5] = [
        ("/partner/webhooks/events?caseId=case_test_full", "Authorization", |v| {
            v["businessErrors"].is_array()
        }),
        ("/closient/integrations/api/v1/webhooks/endpoints/", "X-API-Key", |v| v["detail"].is_string()),
        ("/xpath/v2.3/webhooks/endpoints", "Authorization", |v| v["error"]["code"] == "forbidden"),
        ("/personio/v2/webhooks", "Authorization", |v| v["personio_trace_id"].is_string()),
        ("/_sandbox/", "Authorization", |v| v["error"]["code"] == "forbidden"),
    ];
    for (path, auth, shape) in cases {
        let token = if auth == "X-API-Key" { TOKEN } else { BEARER };
        let (st, v) = send(&s, "GET", path, &[("Host", &evil_host), (auth, token)], b"");
        assert_eq!(st, 403, "{path} with Host {evil_host}: {v}");
        assert!(shape(&v), "{path}: {v}");
        let (st, v) =
            send(&s, "GET", path, &[("Origin", "http://rebind.attacker.example"), (auth, token)], b"");
        assert_eq!(st, 403, "{path} with a foreign Origin: {v}");
        assert!(shape(&v), "{path}: {v}");
    }
    // Writes are refused too, before anything changes.
    let (st, _) =
        send(&s, "POST", "/_sandbox/reset", &[("Host", &evil_host), ("Authorization", BEARER)], b"");
    assert_eq!(st, 403);
    let (st, _) = send(&s, "POST", "/_sandbox/reset", &[("Origin", "null"), ("Authorization", BEARER)], b"");
    assert_eq!(st, 403, "an opaque origin (sandboxed frame, file:) is foreign too");
    // A second Host header cannot smuggle a foreign name past the check.
    let a =
        request(port, "GET", "/_sandbox/", &[("Host", &evil_host), ("Authorization", BEARER)], b"").unwrap();
    assert!((400..500).contains(&a.status), "two Host headers: {}", a.status);
    // Loopback names and the sandbox's own origin are fine.
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), "localhost".to_string()] {
        let (st, v) = send(&s, "GET", "/_sandbox/", &[("Host", &host), ("Authorization", BEARER)], b"");
        assert_eq!(st, 200, "Host {host}: {v}");
    }
    let origin = format!("http://127.0.0.1:{port}");
    let (st, v) = send(&s, "GET", "/_sandbox/", &[("Origin", &origin), ("Authorization", BEARER)], b"");
    assert_eq!(st, 200, "{v}");
}

#[test]
fn a_non_loopback_host_refuses_the_default_token_and_accepts_any_host_with_its_own() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["sandbox", "--host", "0.0.0.0", "--port", "0", "--data-dir"])
        .arg(env.path("sb"))
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error:") && err.contains("--token"), "{err}");
    assert!(!env.path("sb").join("sandbox.db").exists(), "refused before creating anything");
    // With its own token, a container's service name is a fine Host.
    let s = Sandbox::start(&env, &["--host", "0.0.0.0", "--token", "s3cret-token"]);
    let (st, v) = send(
        &s,
        "GET",
        "/xpath/v2.3/webhooks/endpoints",
        &[("Host", "sandbox:8788"), ("Authorization", "Bearer s3cret-token")],
        b"",
    );
    assert_eq!(st, 200, "{v}");
}

// ---- item 4: knob bounds ----

#[test]
fn knobs_beyond_their_bounds_are_a_400() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    for body in [
        json!({"lag": 18446744073709551615u64}),
        // A bare number is seconds (issue 16.24): one second past 24 h.
        json!({"lag": 86_401}),
        json!({"lag": "25h"}),
        json!({"retry_schedule": vec!["1s"; 101]}),
    ] {
        let (st, v) = s.call("PATCH", "/_sandbox/knobs", Some(body.clone()));
        assert_eq!(st, 400, "{body}: {v}");
        assert!(v["error"]["message"].is_string(), "{v}");
    }
    let (st, v) = s.call("PATCH", "/_sandbox/knobs", Some(json!({"lag": 86_400})));
    assert_eq!(st, 200, "24 h is the bound itself: {v}");
    for body in [
        json!({"url": "http://127.0.0.1:9/x", "delay_ms": 18446744073709551615u64}),
        json!({"url": "http://127.0.0.1:9/x", "delay_ms": 120_001}),
    ] {
        let (st, v) = s.post("/_sandbox/faults", body.clone());
        assert_eq!(st, 400, "{body}: {v}");
    }
    // Nothing was changed by the refused calls.
    let (_, k) = s.get("/_sandbox/knobs");
    assert_eq!(k["faults"], json!([]), "{k}");
    assert_eq!(k["lag_ms"], json!([86_400_000, 86_400_000]), "{k}");
}

#[test]
fn a_fault_delay_counts_toward_the_attempt_timeout() {
    let env = TestEnv::new();
    let mut stub = crate::support::Stub::start(axum::Router::new().fallback(|| async { "ok" }));
    // The attempt times out in the delay, before anything is sent.
    stub.may_go_unused();
    let url = stub.url("/slow");
    let s = Sandbox::start(&env, &["--seed-url", &url, "--retry-schedule", "none"]);
    let (st, v) = s.call("PATCH", "/_sandbox/knobs", Some(json!({"attempt_timeout": "300ms"})));
    assert_eq!(st, 200, "{v}");
    let (st, v) = s.post("/_sandbox/faults", json!({"url": url, "delay_ms": 5000}));
    assert_eq!(st, 200, "{v}");
    let started = std::time::Instant::now();
    let (st, v) =
        s.post("/closient/integrations/api/v1/webhooks/endpoints/SandboxEndpoint2345678/test/", json!({}));
    assert_eq!(st, 200, "{v}");
    assert!(started.elapsed() < std::time::Duration::from_secs(4), "the delay outlived the attempt timeout");
    assert_eq!(v["status"], "dead_letter", "{v}");
    let (_, attempts) =
        s.get(&format!("/_sandbox/attempts?delivery_id={}", v["delivery_id"].as_str().unwrap()));
    assert!(attempts[0]["error"].as_str().unwrap_or_default().contains("timed out"), "{attempts}");
}

// ---- item 10: endpoint URLs and path parameters ----

#[test]
fn endpoint_urls_without_a_host_or_with_control_characters_are_refused_in_each_dialect() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    for url in [
        "http:///x",
        "http://",
        "http:\\\\example.com/x",
        "http:example.com/x",
        "http://exa\nmple.com/",
        "http://example.com/a\u{7}b",
        " http://example.com/",
        "http://example.com/\t",
    ] {
        let (st, v) = s.post("/partner/webhooks", json!({"url": url, "events": ["case.assigned"]}));
        assert_eq!(st, 400, "partner {url:?}: {v}");
        assert_eq!(v["businessErrors"][0]["type"], "ValidationError", "{v}");
        let (st, v) = s.post("/closient/integrations/api/v1/webhooks/endpoints/", json!({"url": url}));
        assert_eq!(st, 422, "closient {url:?}: {v}");
        assert_eq!(v["detail"][0]["loc"], json!(["body", "payload", "url"]), "{v}");
        let (st, v) =
            s.post("/xpath/v2.3/webhooks/endpoints", json!({"url": url, "events": ["cases.created"]}));
        assert_eq!(st, 422, "xpath {url:?}: {v}");
        assert_eq!(v["error"]["details"][0]["field"], "url", "{v}");
        let (st, v) = s.post(
            "/personio/v2/webhooks",
            json!({"url": url, "enabled_events": ["person.created"], "description": "d"}),
        );
        assert_eq!(st, 400, "personio {url:?}: {v}");
        personio_problem(&v);
    }
    // A plain one is still fine.
    let (st, v) =
        s.post("/partner/webhooks", json!({"url": "http://127.0.0.1:9/ok", "events": ["case.assigned"]}));
    assert_eq!(st, 201, "{v}");
}

#[test]
fn undecodable_path_parameters_answer_in_the_dialects_shape() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let (st, v) = s.get("/xpath/v2.3/webhooks/endpoints/%ff");
    assert!((400..500).contains(&st), "{st} {v}");
    assert!(v["error"]["code"].is_string(), "{v}");
    let (st, v) = s.get("/personio/v2/webhooks/%ff%fe");
    assert!((400..500).contains(&st), "{st} {v}");
    personio_problem(&v);
    let (st, v) = s.get("/partner/webhooks/%ff");
    assert!((400..500).contains(&st), "{st} {v}");
    assert!(v["businessErrors"].is_array(), "{v}");
    let (st, v) = s.get("/closient/integrations/api/v1/webhooks/endpoints/%ff/");
    assert!((400..500).contains(&st), "{st} {v}");
    assert!(v["detail"].is_string() || v["detail"].is_array(), "{v}");
}

// ---- item 11: xpath's Content-Type and Accept ----

#[test]
fn xpath_answers_415_and_406_when_the_headers_say_otherwise() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let body = json!({"url": "http://127.0.0.1:9/x", "events": ["cases.created"]}).to_string();
    let path = "/xpath/v2.3/webhooks/endpoints";
    let (st, v) =
        send(&s, "POST", path, &[("Authorization", BEARER), ("Content-Type", "text/plain")], body.as_bytes());
    assert_eq!(st, 415, "{v}");
    assert_eq!(v["error"]["code"], "unsupported_media_type", "{v}");
    let patch = format!("{path}/wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW");
    let (st, v) = send(
        &s,
        "PATCH",
        &patch,
        &[("Authorization", BEARER), ("Content-Type", "application/x-www-form-urlencoded")],
        b"status=paused",
    );
    assert_eq!(st, 415, "{v}");
    let (st, v) = send(&s, "GET", path, &[("Authorization", BEARER), ("Accept", "text/html")], b"");
    assert_eq!(st, 406, "{v}");
    assert_eq!(v["error"]["code"], "not_acceptable", "{v}");
    // What the document writes, wildcards, parameters and a missing Accept are fine.
    for accept in [
        None,
        Some("application/json"),
        Some("*/*"),
        Some("application/*"),
        Some("text/html, application/json;q=0.9"),
    ] {
        let mut h = vec![("Authorization", BEARER)];
        if let Some(a) = accept {
            h.push(("Accept", a));
        }
        let (st, v) = send(&s, "GET", path, &h, b"");
        assert_eq!(st, 200, "Accept {accept:?}: {v}");
    }
    let (st, v) = send(
        &s,
        "POST",
        path,
        &[
            ("Authorization", BEARER),
            ("Content-Type", "application/json; charset=utf-8"),
            ("Accept", "application/json"),
        ],
        body.as_bytes(),
    );
    assert_eq!(st, 201, "{v}");
}
