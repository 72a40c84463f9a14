//! `hookctl sandbox`: start-up, the ready line, token checks, limits and the database's
//! safety. The documents' literal statements are checked in `sandbox_conformance`.

use serde_json::json;

use crate::support::sandbox::{Sandbox, SECRET, TOKEN};
use crate::support::TestEnv;

#[test]
fn ready_line_names_every_dialect_the_token_and_the_seed() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let r = &s.ready;
    assert_eq!(r["type"], "ready");
    assert_eq!(r["token"], TOKEN);
    for p in ["partner", "closient", "xpath", "personio"] {
        assert_eq!(r["providers"][p], format!("{}/{p}", s.url), "{r}");
    }
    assert!(s.url.starts_with("http://127.0.0.1:"), "{}", s.url);
    assert_eq!(r["seed"]["secret"], SECRET);
    assert_eq!(r["seed"]["partner"]["test_case"], "case_test_full");
    assert_eq!(r["seed"]["closient"]["endpoint"], "SandboxEndpoint2345678");
    assert_eq!(r["seed"]["xpath"]["endpoint"], "wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW");
    assert_eq!(r["seed"]["personio"]["webhook"], "533e7206-f4a3-11ed-9c8b-436fad0b82d1");
    // The seed is what the sandbox serves.
    let (status, body) = s.get("/xpath/v2.3/webhooks/endpoints/wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW");
    assert_eq!(status, 200, "{body}");
}

#[test]
fn human_ready_output_lists_urls_token_seed_and_commands_to_try() {
    let env = TestEnv::new();
    let mut cmd = crate::support::listen::std_cmd(&env);
    cmd.args(["sandbox", "--port", "0", "--data-dir"]).arg(env.path("sb"));
    cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let out = child.stdout.take().unwrap();
    let mut text = String::new();
    for line in std::io::BufRead::lines(std::io::BufReader::new(out)).take(14) {
        text.push_str(&line.unwrap());
        text.push('\n');
        if text.contains("try:") && text.lines().count() >= 14 {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    for want in [
        "/partner",
        "/closient",
        "/xpath",
        "/personio",
        "/_sandbox/",
        TOKEN,
        "case_test_full",
        SECRET,
        "try:",
    ] {
        assert!(text.contains(want), "missing {want} in:\n{text}");
    }
    assert!(text.matches("hookctl ").count() >= 3, "{text}");
}

#[test]
fn requests_without_the_token_get_401_in_each_dialects_shape() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let (st, v, _) = s.raw("POST", "/partner/test/webhooks/fire", &[], b"{}");
    assert_eq!(st, 401);
    assert!(v["message"].is_string() && v["businessErrors"].is_array(), "{v}");
    let (st, v, _) = s.raw(
        "GET",
        "/closient/integrations/api/v1/webhooks/endpoints/",
        &[("Authorization", "Bearer hookctl-sandbox")],
        b"",
    );
    assert_eq!(st, 401, "closient wants X-API-Key, not Bearer");
    assert!(v["detail"].is_string(), "{v}");
    let (st, v, _) =
        s.raw("GET", "/xpath/v2.3/webhooks/endpoints", &[("Authorization", "Bearer wrong")], b"");
    assert_eq!(st, 401);
    assert!(v["error"]["code"].is_string() && v["error"]["message"].is_string(), "{v}");
    let (st, v, a) = s.raw("GET", "/personio/v2/webhooks", &[], b"");
    assert_eq!(st, 401);
    assert!(v["personio_trace_id"].is_string() && v["errors"][0]["detail"].is_string(), "{v}");
    assert_eq!(a.headers.iter().find(|(k, _)| k == "content-type").unwrap().1, "application/problem+json");
    let (st, _, _) = s.raw("GET", "/_sandbox/", &[], b"");
    assert_eq!(st, 401);
    // Partner also takes the token as `XApiKey` (its auth_header option).
    let (st, v, _) = s.raw(
        "GET",
        "/partner/webhooks/events?caseId=case_test_full",
        &[("XApiKey", "hookctl-sandbox")],
        b"",
    );
    assert_eq!(st, 200, "{v}");
    let (st, _, _) =
        s.raw("GET", "/partner/webhooks/events?caseId=case_test_full", &[("XApiKey", "wrong")], b"");
    assert_eq!(st, 401);
}

#[test]
fn bodies_over_one_mib_get_413_that_the_client_receives() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let big = vec![b'x'; 1024 * 1024 + 1];
    let (st, v, _) = s.raw(
        "POST",
        "/xpath/v2.3/webhooks/endpoints",
        &[("Authorization", "Bearer hookctl-sandbox"), ("Content-Type", "application/json")],
        &big,
    );
    assert_eq!(st, 413);
    assert_eq!(v["error"]["code"], "payload_too_large", "{v}");
    // Every dialect answers it in its own shape.
    let auth = [("Authorization", "Bearer hookctl-sandbox"), ("X-API-Key", "hookctl-sandbox")];
    let (st, v, _) = s.raw("POST", "/partner/test/webhooks/fire", &auth, &big);
    assert_eq!((st, v["error"].as_str()), (413, Some("Payload Too Large")), "{v}");
    let (st, v, _) = s.raw("POST", "/closient/integrations/api/v1/webhooks/endpoints/", &auth, &big);
    assert!(st == 413 && v["detail"].is_string(), "{st} {v}");
    let (st, v, a) = s.raw("POST", "/personio/v2/webhooks", &auth, &big);
    assert!(st == 413 && v["errors"][0]["title"].is_string(), "{st} {v}");
    assert!(a.headers.iter().any(|(k, v)| k == "content-type" && v == "application/problem+json"));
    // Exactly 1 MiB is still read (and refused only as bad JSON).
    let (st, _, _) = s.raw(
        "POST",
        "/xpath/v2.3/webhooks/endpoints",
        &[("Authorization", "Bearer hookctl-sandbox")],
        &big[..1024 * 1024],
    );
    assert_eq!(st, 400);
}

#[test]
fn bad_input_gets_the_dialects_own_4xx_never_500() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    for path in [
        "/partner/test/webhooks/fire",
        "/xpath/v2.3/webhooks/endpoints",
        "/closient/integrations/api/v1/webhooks/endpoints/",
        "/personio/v2/webhooks",
    ] {
        for body in [&b"{not json"[..], b"[1,2]", b"\"str\"", b"null", b"{\"url\": 5, \"events\": \"x\"}"] {
            let (st, _, a) = s.raw(
                "POST",
                path,
                &[
                    ("Authorization", "Bearer hookctl-sandbox"),
                    ("X-API-Key", "hookctl-sandbox"),
                    ("Content-Type", "application/json"),
                ],
                body,
            );
            assert!(
                (400..500).contains(&st),
                "{path} {:?} → {st} {}",
                String::from_utf8_lossy(body),
                a.text()
            );
        }
    }
    // Unknown routes: 404 in the dialect's shape.
    let (st, v) = s.get("/xpath/v2.3/nothing");
    assert_eq!((st, v["error"]["code"].as_str()), (404, Some("not_found")));
    let (st, v) = s.get("/closient/integrations/api/v1/webhooks/endpoints");
    assert_eq!((st, v["detail"].as_str()), (404, Some("Not Found")), "closient keeps its trailing slashes");
}

#[test]
fn a_corrupt_database_is_exit_3_naming_the_file_and_left_alone() {
    let env = TestEnv::new();
    let dir = env.path("broken");
    std::fs::create_dir_all(&dir).unwrap();
    let junk = b"definitely not sqlite ".repeat(100);
    std::fs::write(dir.join("sandbox.db"), &junk).unwrap();
    let out = env.cmd().args(["sandbox", "--port", "0", "--data-dir"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error:") && err.contains("sandbox.db"), "{err}");
    assert_eq!(std::fs::read(dir.join("sandbox.db")).unwrap(), junk, "never silently reset");
}

#[test]
fn a_newer_schema_is_exit_3_naming_the_file() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let dir = s.data_dir.clone();
    s.stop();
    // Bump the schema version in the SQLite header (user_version lives at offset 60).
    let path = dir.join("sandbox.db");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(&path, &bytes).unwrap();
    let _ = std::fs::remove_file(dir.join("sandbox.db-wal"));
    let out = env.cmd().args(["sandbox", "--port", "0", "--data-dir"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sandbox.db") && err.contains("999"), "{err}");
}

#[test]
fn bad_flags_are_usage_errors() {
    let env = TestEnv::new();
    for args in [
        &["sandbox", "--fail-rate", "1.5"][..],
        &["sandbox", "--lag", "3s..1s"],
        &["sandbox", "--lag", "soon"],
        &["sandbox", "--retry-schedule", "1s,x"],
        &["sandbox", "--seed-url", "ftp://x"],
        &["sandbox", "--fail-rate", "2"],
        &["sandbox", "--fail-rate", "NaN"],
        &["sandbox", "--lag", "5..1"],
        &["sandbox", "--lag", "..1s"],
        &["sandbox", "--retry-schedule", "garbage"],
        &["sandbox", "--token", ""],
    ] {
        let out =
            env.cmd().args(args).args(["--port", "0", "--data-dir"]).arg(env.path("d")).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out =
        env.cmd().args(["sandbox", "--port", "99999", "--data-dir"]).arg(env.path("d")).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("99999") && err.contains("65535"), "{err}");
}

#[test]
fn state_survives_a_restart_on_the_same_data_dir() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let (st, created) = s.post(
        "/xpath/v2.3/webhooks/endpoints",
        json!({"url": "http://127.0.0.1:9/x", "events": ["cases.*"]}),
    );
    assert_eq!(st, 201);
    let id = created["data"]["id"].as_str().unwrap().to_string();
    assert_eq!(s.stop(), Some(0));
    let s = Sandbox::start(&env, &[]);
    let (st, got) = s.get(&format!("/xpath/v2.3/webhooks/endpoints/{id}"));
    assert_eq!(st, 200, "{got}");
    assert_eq!(got["data"]["url"], "http://127.0.0.1:9/x");
}

#[test]
fn the_default_data_dir_is_under_the_users_data_dir() {
    let env = TestEnv::new();
    let mut cmd = crate::support::listen::std_cmd(&env);
    cmd.args(["sandbox", "--port", "0", "--json"]);
    let s = Sandbox::spawn(cmd, &env.path("data/hookctl/sandbox"));
    let dir = s.ready["data_dir"].as_str().unwrap().to_string();
    assert!(dir.ends_with("hookctl/sandbox"), "{dir}");
    assert!(std::path::Path::new(&dir).join("sandbox.db").exists());
    assert!(dir.starts_with(&env.dir.path().display().to_string()), "{dir}");
}

#[test]
fn token_flag_replaces_the_default_token() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &["--token", "tok_ci_42"]);
    assert_eq!(s.ready["token"], "tok_ci_42");
    let (st, _, _) =
        s.raw("GET", "/xpath/v2.3/webhooks/endpoints", &[("Authorization", "Bearer hookctl-sandbox")], b"");
    assert_eq!(st, 401);
    let (st, _, _) =
        s.raw("GET", "/xpath/v2.3/webhooks/endpoints", &[("Authorization", "Bearer tok_ci_42")], b"");
    assert_eq!(st, 200);
}

#[test]
fn admin_routes_build_scenarios_reset_and_turn_knobs() {
    let env = TestEnv::new();
    let stub = crate::support::Stub::start(axum::Router::new().fallback(|| async { "ok" }));
    let s = Sandbox::start(&env, &["--seed-url", &stub.url("/a")]);
    // A new test case with no data: 422, then a payment makes payment.created fire.
    let (st, case) = s.post("/_sandbox/cases", json!({"id": "case_script", "classification": "test"}));
    assert_eq!((st, case["payments"].as_i64()), (201, Some(0)), "{case}");
    let fire = json!({"caseId": "case_script", "event": "payment.created"});
    let (st, _) = s.post("/partner/test/webhooks/fire", fire.clone());
    assert_eq!(st, 422);
    let (st, p) =
        s.post("/_sandbox/cases/case_script/payments", json!({"amount": "9.99", "currency": "USD"}));
    assert_eq!(st, 201, "{p}");
    let (st, v) = s.post("/partner/test/webhooks/fire", fire);
    assert_eq!((st, v["enqueuedCount"].as_u64()), (200, Some(1)), "{v}");
    let (st, _) = s.post("/_sandbox/cases", json!({"id": "case_script"}));
    assert_eq!(st, 409, "ids are unique");
    let (st, live) = s.post("/_sandbox/cases", json!({"classification": "live", "chats": 2}));
    assert_eq!((st, live["chats"].as_i64()), (201, Some(2)));
    // Wrong types are refused naming the field, never silently read as a default.
    for (body, says) in [
        (json!({"payments": -1}), "payments"),
        (json!({"payments": "2"}), "payments"),
        (json!({"chats": 1001}), "chats"),
        (json!({"id": 5}), "id"),
        (json!({"id": " "}), "id"),
        (json!({"owner": 5}), "owner"),
        (json!({"classification": true}), "classification"),
        (json!({"clasification": "live"}), "clasification"),
        (json!([1]), "object"),
    ] {
        let (st, v) = s.post("/_sandbox/cases", body.clone());
        assert_eq!(st, 400, "{body} → {v}");
        assert!(v["error"]["message"].as_str().unwrap().contains(says), "{body} → {v}");
    }
    let (st, v) = s.call("PATCH", "/_sandbox/cases/case_script", Some(json!({"closeCode": 5})));
    assert_eq!(st, 400, "{v}");
    // Knobs: the lag and retry schedule change at once; the fail rate makes attempts fail.
    let (st, k) = s.call(
        "PATCH",
        "/_sandbox/knobs",
        Some(json!({"lag": "0", "fail_rate": 1.0, "retry_schedule": "none"})),
    );
    assert_eq!(st, 200, "{k}");
    assert_eq!((k["fail_rate"].as_f64(), k["retry_schedule"].as_array().map(Vec::len)), (Some(1.0), Some(0)));
    let (_, v) =
        s.post("/closient/integrations/api/v1/webhooks/endpoints/SandboxEndpoint2345678/test/", json!({}));
    assert_eq!(v["status"], "dead_letter", "no retries left: {v}");
    let (_, attempts) =
        s.get(&format!("/_sandbox/attempts?delivery_id={}", v["delivery_id"].as_str().unwrap()));
    assert!(attempts[0]["error"].as_str().unwrap().contains("simulated"), "{attempts}");
    let (st, _) = s.call("PATCH", "/_sandbox/knobs", Some(json!({"fail_rate": 2})));
    assert_eq!(st, 400);
    // A misspelt knob or a body that is not an object is refused, not a silent 200.
    for body in [json!({"failrate": 1}), json!([1]), json!({"lag": "0", "lagg": "1s"})] {
        let (st, v) = s.call("PATCH", "/_sandbox/knobs", Some(body.clone()));
        assert_eq!(st, 400, "{body} → {v}");
    }
    let (st, v) = s.post("/_sandbox/faults", json!({"url": "http://127.0.0.1:9/", "status_code": 500}));
    assert_eq!(st, 400, "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("status_code"), "{v}");
    let (_, k) = s.get("/_sandbox/knobs");
    assert_eq!(k["fail_rate"].as_f64(), Some(1.0), "unchanged by the refused requests: {k}");
    // Reset: the scenario is gone, the seed is back.
    let (st, _) = s.post("/_sandbox/reset", json!({}));
    assert_eq!(st, 200);
    let (_, cases) = s.get("/_sandbox/cases");
    let ids: Vec<&str> = cases.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["case_test_full", "case_test_empty", "case_live", "case_other_partner"]);
    let (_, d) = s.get("/_sandbox/deliveries");
    assert_eq!(d.as_array().unwrap().len(), 1, "only the seeded dead letter: {d}");
    for bad in ["abc", "-5", "0", "100001"] {
        let (st, v) = s.get(&format!("/_sandbox/deliveries?limit={bad}"));
        assert_eq!(st, 400, "limit={bad}: {v}");
        assert!(v["error"]["message"].as_str().unwrap().contains("limit"), "{v}");
    }
    let (st, _) = s.get("/_sandbox/attempts?limit=1");
    assert_eq!(st, 200);
}

#[test]
fn a_forced_delay_holds_each_attempt() {
    let env = TestEnv::new();
    let stub = crate::support::Stub::start(axum::Router::new().fallback(|| async { "ok" }));
    let url = stub.url("/slow");
    let s = Sandbox::start(&env, &["--seed-url", &url]);
    let (st, _) = s.post("/_sandbox/faults", json!({"url": url, "delay_ms": 600}));
    assert_eq!(st, 200);
    let started = std::time::Instant::now();
    let s = std::sync::Arc::new(s);
    let tester = {
        let s = s.clone();
        std::thread::spawn(move || {
            s.post("/closient/integrations/api/v1/webhooks/endpoints/SandboxEndpoint2345678/test/", json!({}))
                .1
        })
    };
    // While the attempt is held, the delivery is listed as pending with no status code yet.
    let pending = s.until(std::time::Duration::from_secs(5), "a pending delivery", |s| {
        let (_, l) = s.get("/closient/integrations/api/v1/webhooks/deliveries/?status=pending");
        l["items"].as_array().and_then(|i| i.first().cloned())
    });
    assert!(pending["http_status_code"].is_null() && pending["response_body"].is_null(), "{pending}");
    let v = tester.join().unwrap();
    assert_eq!(v["status"], "delivered");
    assert_eq!(v["delivery_id"], pending["id"]);
    assert!(started.elapsed() >= std::time::Duration::from_millis(600));
    let (st, k) = s.call("DELETE", "/_sandbox/faults", None);
    assert_eq!((st, k["faults"].as_array().map(Vec::len)), (200, Some(0)));
}

#[test]
fn a_data_dir_that_cannot_be_created_is_exit_3() {
    let env = TestEnv::new();
    let file = env.write("not-a-dir", "x");
    let out =
        env.cmd().args(["sandbox", "--port", "0", "--data-dir"]).arg(file.join("sub")).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not-a-dir"));
}

#[test]
fn a_second_sandbox_on_the_same_data_dir_is_exit_3_naming_it_and_the_first_keeps_serving() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let out = env.cmd().args(["sandbox", "--port", "0", "--data-dir"]).arg(&s.data_dir).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    assert!(err.starts_with("error:") && err.contains("already running"), "{err}");
    assert!(err.contains(&s.data_dir.display().to_string()), "names the data dir: {err}");
    assert!(out.stdout.is_empty(), "no ready line from the refused one");
    let (st, _) = s.get("/_sandbox/cases");
    assert_eq!(st, 200, "the first one is untouched");
    // A killed sandbox leaves no stale lock: the next one starts.
    let dir = s.data_dir.clone();
    s.kill9();
    let s = Sandbox::start_in(&env, &dir, &[]);
    assert_eq!(s.get("/_sandbox/cases").0, 200);
}

#[test]
fn a_lock_file_that_cannot_be_opened_is_exit_3_naming_it() {
    let env = TestEnv::new();
    let dir = env.path("locked");
    std::fs::create_dir_all(dir.join("sandbox.lock")).unwrap();
    let out = env.cmd().args(["sandbox", "--port", "0", "--data-dir"]).arg(&dir).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.starts_with("error:") && err.contains("sandbox.lock"), "{err}");
}
