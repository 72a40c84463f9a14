//! End to end with the real binary: hookctl's provider commands (`--sandbox URL`) against a
//! running `hookctl sandbox`, which delivers signed webhooks to a real `hookctl listen`.

use std::time::Duration;

use serde_json::{json, Value};

use crate::support::listen::{read_capture, Listener};
use crate::support::sandbox::{Sandbox, SECRET};
use crate::support::TestEnv;

/// `hookctl ARGS --provider P --sandbox URL`.
fn hk(env: &TestEnv, sb: &Sandbox, provider: &str, args: &[&str]) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.args(args).args(["--provider", provider, "--sandbox", &sb.url]);
    c
}

fn run(env: &TestEnv, sb: &Sandbox, provider: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = hk(env, sb, provider, args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_of(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// Creates an endpoint through the CLI and returns (id, secret).
fn create(env: &TestEnv, sb: &Sandbox, provider: &str, url: &str, events: &[&str]) -> (String, String) {
    let mut args = vec!["endpoints", "create", "--url", url, "--json"];
    for e in events {
        args.extend(["--event", e]);
    }
    let (code, out, err) = run(env, sb, provider, &args);
    assert_eq!(code, Some(0), "{err}");
    let v = json_of(&out);
    (v["id"].as_str().unwrap().to_string(), v["secret"].as_str().unwrap().to_string())
}

#[test]
fn partner_create_listen_fire_wait_exits_0_and_the_listener_verifies_it() {
    let env = TestEnv::new();
    let sb = Sandbox::start(&env, &[]);
    // The seeded subscription would receive the event too; take it out of the way.
    let (code, _, err) = run(&env, &sb, "partner", &["endpoints", "pause", "sub_test_all_events"]);
    assert_eq!(code, Some(0), "{err}");
    let (id, secret) = create(&env, &sb, "partner", "http://127.0.0.1:9/placeholder", &["case.assigned"]);
    let capture = env.path("capture.jsonl");
    let listener = Listener::start(&env, &["--secret", &secret, "--capture", capture.to_str().unwrap()]);
    let (code, _, err) =
        run(&env, &sb, "partner", &["endpoints", "update", &id, "--url", &listener.url("/hooks")]);
    assert_eq!(code, Some(0), "{err}");
    let (code, out, err) = run(
        &env,
        &sb,
        "partner",
        &["fire", "case.assigned", "--case", "case_test_full", "--wait", "--timeout", "20s", "--json"],
    );
    assert_eq!(code, Some(0), "{err}\n{out}");
    let report = json_of(&out);
    assert_eq!(report["outcome"], "delivered");
    assert_eq!(report["fire"]["enqueuedCount"], 1);
    let row = &report["rows"][0]["row"];
    assert_eq!(row["status"], "delivered");
    let fin = listener.stop();
    let reqs = fin.requests();
    assert_eq!(reqs.len(), 1, "{}", fin.stdout);
    assert_eq!(reqs[0]["verdict"], "valid", "{}", reqs[0]);
    assert_eq!(reqs[0]["path"], "/hooks");
    let captured = read_capture(&capture);
    let webhook_id = captured[0]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h[0] == "webhook-id")
        .map(|h| h[1].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no webhook-id: {}", captured[0]));
    assert_eq!(row["webhookId"], webhook_id.as_str(), "the row names the delivery the receiver saw");
    // The body is the case's current state.
    let body: Value = serde_json::from_str(captured[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["eventType"], "case.assigned");
    assert_eq!(body["caseId"], "case_test_full");
    assert_eq!(body["data"]["lifecycle"], "Collection");
}

#[test]
fn closient_forced_500_is_dead_letter_exit_7_then_replay_wait_exits_0() {
    let env = TestEnv::new();
    let sb = Sandbox::start(&env, &[]);
    let (id, secret) = create(&env, &sb, "closient", "http://127.0.0.1:9/placeholder", &["*"]);
    let listener = Listener::start(&env, &["--secret", &secret]);
    let url = listener.url("/closient");
    let (code, _, err) = run(&env, &sb, "closient", &["endpoints", "update", &id, "--url", &url]);
    assert_eq!(code, Some(0), "{err}");
    let (st, _) = sb.post("/_sandbox/faults", json!({"url": url, "status": 500}));
    assert_eq!(st, 200);
    let (code, out, err) = run(&env, &sb, "closient", &["test", &id, "--wait", "--timeout", "20s", "--json"]);
    assert_eq!(code, Some(7), "{err}\n{out}");
    let report = json_of(&out);
    let delivery = report["rows"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(report["rows"][0]["status"], "dead_letter", "{report}");
    assert_eq!(report["rows"][0]["http_status"], 500);
    // Three attempts (the first and the two retries of the schedule), none sent.
    let (_, attempts) = sb.get(&format!("/_sandbox/attempts?delivery_id={delivery}"));
    assert_eq!(attempts.as_array().unwrap().len(), 3, "{attempts}");
    let (st, _) = sb.call("DELETE", "/_sandbox/faults", None);
    assert_eq!(st, 200);
    let (code, out, err) = run(&env, &sb, "closient", &["replay", &delivery, "--wait", "--timeout", "20s"]);
    assert_eq!(code, Some(0), "{err}\n{out}");
    // Replaying it again is refused: it is delivered now.
    let (code, _, err) = run(&env, &sb, "closient", &["replay", &delivery]);
    assert_eq!(code, Some(4), "{err}");
    assert!(err.contains("dead_letter"), "{err}");
    let fin = listener.stop();
    let reqs = fin.requests();
    assert_eq!(reqs.len(), 1, "only the replay reached the receiver: {}", fin.stdout);
    assert_eq!(reqs[0]["verdict"], "valid");
}

#[test]
fn an_event_log_lag_longer_than_the_timeout_exits_6() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, &["--secret", SECRET]);
    let sb = Sandbox::start(&env, &["--seed-url", &listener.url("/"), "--lag", "30s"]);
    let (code, out, err) = run(
        &env,
        &sb,
        "partner",
        &["fire", "case.closed", "--case", "case_test_full", "--wait", "--timeout", "1500ms"],
    );
    assert_eq!(code, Some(6), "{err}\n{out}");
    assert!(err.contains("timed out"), "{err}");
    // It was delivered all the same: only the log lags.
    sb.until(Duration::from_secs(10), "the delivery", |s| {
        let (_, d) = s.get("/_sandbox/deliveries?provider=partner&status=delivered");
        (!d.as_array().unwrap().is_empty()).then_some(())
    });
    drop(listener);
}

/// The document's guards, as the sandbox answers them: the provider's message and business
/// error reach the user, exit 4, with and without --wait (nothing is fired or awaited).
#[test]
fn fire_guards_400_404_422_show_the_provider_message() {
    let env = TestEnv::new();
    let sb = Sandbox::start(&env, &["--seed-url", "http://127.0.0.1:9/"]);
    let cases: &[(&[&str], &str, &[&str])] = &[
        (&["case.assigned", "--case", "case_live"], "400", &["is not a test case", "CaseNotTest"]),
        (&["case.assigned", "--case", "case_nope"], "404", &["not found or not owned"]),
        (&["case.assigned", "--case", "case_other_partner"], "404", &["not found or not owned"]),
        (
            &["payment.created", "--case", "case_test_empty"],
            "422",
            &["has no payments", "RequiredDataMissing"],
        ),
        (&["chat.created", "--case", "case_test_empty"], "422", &["has no chats"]),
        (
            &["case.assigned", "--case", "case_test_full", "--subscription", "sub_other_partner"],
            "400",
            &["not a test subscription, or not owned", "SubscriptionNotFound"],
        ),
        (&["case.assigned", "--case", "case_test_full", "--subscription", "sub_live"], "400", &["sub_live"]),
    ];
    for (args, status, messages) in cases {
        for wait in [false, true] {
            let mut a = vec!["fire"];
            a.extend(*args);
            if wait {
                a.push("--wait");
            }
            let (code, _, err) = run(&env, &sb, "partner", &a);
            assert_eq!(code, Some(4), "{args:?}: {err}");
            assert!(err.starts_with("error: ") && err.contains(status), "{err}");
            for m in *messages {
                assert!(err.contains(m), "{args:?}: missing '{m}' in {err}");
            }
        }
    }
    let (_, d) = sb.get("/_sandbox/deliveries?provider=partner");
    assert_eq!(d, json!([]), "a refused fire enqueues nothing");
    // A wrong token is an authentication error.
    let (code, _, err) =
        run(&env, &sb, "partner", &["fire", "case.assigned", "--case", "case_test_full", "--token", "nope"]);
    assert_eq!(code, Some(3), "{err}");
}

#[test]
fn replay_of_the_seeded_dead_letter_reports_the_first_attempt_and_a_second_is_refused_with_a_hint() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, &["--secret", SECRET]);
    let sb = Sandbox::start(&env, &["--seed-url", &listener.url("/")]);
    let (code, out, err) = run(&env, &sb, "closient", &["replay", "SandboxDeadLetter23456"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("SandboxDeadLetter23456") && out.contains("delivered"), "{out}");
    let (code, _, err) = run(&env, &sb, "closient", &["replay", "SandboxDeadLetter23456"]);
    assert_eq!(code, Some(4));
    assert!(err.contains("400 Bad Request: Only dead_letter deliveries can be replayed"), "{err}");
    assert!(err.contains("hint: only dead_letter deliveries can be replayed"), "{err}");
    let (code, _, err) = run(&env, &sb, "closient", &["replay", "SandboxEndpoint2345678"]);
    assert_eq!(code, Some(4), "{err}");
    assert!(err.contains("404"), "{err}");
    let fin = listener.stop();
    assert_eq!(fin.requests().len(), 1);
    assert_eq!(fin.requests()[0]["verdict"], "valid");
}

#[test]
fn every_provider_command_works_against_its_dialect() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, &["--secret", SECRET]);
    let sb = Sandbox::start(&env, &["--seed-url", &listener.url("/")]);
    let ok = |provider: &str, args: &[&str]| -> Value {
        let mut a = args.to_vec();
        a.push("--json");
        let (code, out, err) = run(&env, &sb, provider, &a);
        assert_eq!(code, Some(0), "{provider} {args:?}: {err}\n{out}");
        if out.trim().is_empty() {
            Value::Null
        } else {
            json_of(&out)
        }
    };
    // endpoints list/get for every dialect, the seeded ids included.
    for (p, seeded) in [
        ("partner", "sub_test_all_events"),
        ("closient", "SandboxEndpoint2345678"),
        ("xpath", "wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW"),
        ("personio", "533e7206-f4a3-11ed-9c8b-436fad0b82d1"),
    ] {
        let list = ok(p, &["endpoints", "list"]);
        assert!(list.to_string().contains(seeded), "{p}: {list}");
        let got = ok(p, &["endpoints", "get", seeded]);
        assert_eq!(got["id"], seeded, "{p}: {got}");
        assert!(got.get("secret").is_none(), "{p}: secrets only on create");
    }
    // xpath: create, subscriptions add/remove, pause/resume, delete.
    let created = ok("xpath", &["endpoints", "create", "--url", "https://x.example/h", "--event", "cases.*"]);
    let id = created["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("wh_"));
    ok("xpath", &["subscriptions", "add", &id, "assignments.*"]);
    let subs = ok("xpath", &["subscriptions", "list", &id]);
    assert_eq!(subs[0]["events"], json!(["cases.*", "assignments.*"]), "{subs}");
    ok("xpath", &["subscriptions", "remove", &id, "cases.*"]);
    let paused = ok("xpath", &["endpoints", "pause", &id]);
    assert_eq!(paused["status"], "paused");
    ok("xpath", &["endpoints", "resume", &id]);
    ok("xpath", &["endpoints", "delete", &id, "--yes"]);
    let (code, _, _) = run(&env, &sb, "xpath", &["endpoints", "get", &id]);
    assert_eq!(code, Some(4));
    // personio: a test event with payload fields is delivered to the listener.
    let t = ok(
        "personio",
        &[
            "test",
            "533e7206-f4a3-11ed-9c8b-436fad0b82d1",
            "--event",
            "person.updated",
            "--field",
            "person.id=456",
        ],
    );
    assert_eq!((t["is_delivered"].as_bool(), t["attempts"].as_u64()), (Some(true), Some(1)), "{t}");
    // ... and the read-only token may read, not test.
    let (code, _, err) = run(
        &env,
        &sb,
        "personio",
        &[
            "test",
            "533e7206-f4a3-11ed-9c8b-436fad0b82d1",
            "--event",
            "person.updated",
            "--field",
            "person.id=1",
            "--token",
            "hookctl-sandbox-readonly",
        ],
    );
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("Access denied"), "{err}");
    // personio endpoints create (HTTPS-only provider, but the sandbox is local: http is fine).
    let w =
        ok("personio", &["endpoints", "create", "--url", &listener.url("/p"), "--event", "person.created"]);
    assert_eq!(w["status"], "ENABLED", "{w}");
    // closient: test ping delivered, then events list/get over its deliveries.
    let t = ok("closient", &["test", "SandboxEndpoint2345678"]);
    assert_eq!(t["status"], "delivered", "{t}");
    let delivery = t["delivery_id"].as_str().unwrap().to_string();
    let rows = ok("closient", &["events", "list", "--endpoint", "SandboxEndpoint2345678"]);
    assert!(rows.to_string().contains(&delivery), "{rows}");
    let one = ok("closient", &["events", "get", &delivery]);
    assert_eq!(one["status"], "delivered");
    // partner: fire --wait, events list and get, events wait.
    let fired =
        ok("partner", &["fire", "chat.created", "--case", "case_test_full", "--wait", "--timeout", "20s"]);
    assert_eq!(fired["outcome"], "delivered", "{fired}");
    let rows = ok("partner", &["events", "list", "--case", "case_test_full", "--type", "chat.created"]);
    let evt = rows[0]["id"].as_str().unwrap().to_string();
    let one = ok("partner", &["events", "get", &evt]);
    assert_eq!(one["eventType"], "chat.created");
    let payload: Value = serde_json::from_str(one["payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload["data"]["chat"]["message"], "Thank you, noted.", "the most recent chat");
    // subscriptions types is the catalog.
    let types = ok("partner", &["subscriptions", "types"]);
    assert_eq!(types.as_array().unwrap().len(), 5);
    let fin = listener.stop();
    assert!(fin.requests().iter().all(|r| r["verdict"] == "valid"), "{}", fin.stdout);
    assert!(fin.requests().len() >= 3);
}

#[test]
fn sandbox_flag_without_a_provider_or_with_base_url_is_refused() {
    let env = TestEnv::new();
    let out = env.cmd().args(["endpoints", "list", "--sandbox"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let out = env
        .cmd()
        .args(["endpoints", "list", "--provider", "xpath", "--sandbox", "--base-url", "http://127.0.0.1:9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    // HOOKCTL_SANDBOX works like the flag; nothing listens on port 9: a network error.
    let out = env
        .cmd()
        .args(["endpoints", "list", "--provider", "xpath"])
        .env("HOOKCTL_SANDBOX", "http://127.0.0.1:9")
        .env("HOOKCTL_HTTP_TIMEOUT", "2s")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", String::from_utf8_lossy(&out.stderr));
}
