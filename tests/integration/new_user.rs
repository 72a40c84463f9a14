//! Defects found by trying hookctl as a new user (issue 16, items 17–27): each test failed
//! before its fix.

use axum::routing::any;
use serde_json::json;

use crate::support::api::json as answer_json;
use crate::support::{Stub, TestEnv};

/// A stub that answers every path with an empty xpath list, standing in for either the real
/// provider or a sandbox; which one was called (and with which token) tells where a command went.
fn list_stub() -> Stub {
    Stub::start(axum::Router::new().fallback(any(|| async { answer_json(200, json!({"data": []})) })))
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Src {
    None,
    Flag,
    Env,
    Profile,
}

/// Item 17: flag > environment > profile between `--sandbox`/`HOOKCTL_SANDBOX` and
/// `--base-url`/`HOOKCTL_BASE_URL`/the profile's base URL; both from the same source is exit 2.
/// Every combination; the request lands where the winner says, with the winner's token.
#[test]
fn sandbox_and_base_url_follow_flag_over_env_over_profile_in_every_combination() {
    let real = list_stub();
    let sandbox = list_stub();
    for sb in [Src::None, Src::Flag, Src::Env] {
        for base in [Src::None, Src::Flag, Src::Env, Src::Profile] {
            let env = TestEnv::new();
            let real_base = real.url("/real");
            let sandbox_url = sandbox.url("/sb");
            let mut config = String::from(
                "current = \"p\"\n[profiles.p]\nprovider = \"xpath\"\ntoken = \"tok_profile\"\n",
            );
            if base == Src::Profile {
                config.push_str(&format!("base_url = \"{real_base}\"\n"));
            }
            std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
            std::fs::write(env.config_path(), config).unwrap();
            let mut cmd = env.cmd();
            cmd.args(["endpoints", "list", "--json"]).env("HOOKCTL_HTTP_TIMEOUT", "5s");
            match sb {
                Src::Flag => {
                    cmd.args(["--sandbox", &sandbox_url]);
                }
                Src::Env => {
                    cmd.env("HOOKCTL_SANDBOX", &sandbox_url);
                }
                _ => {}
            }
            match base {
                Src::Flag => {
                    cmd.args(["--base-url", &real_base]);
                }
                Src::Env => {
                    cmd.env("HOOKCTL_BASE_URL", &real_base);
                }
                _ => {}
            }
            let before = (real.requests().len(), sandbox.requests().len());
            let out = cmd.output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr).to_string();
            let case = format!("sandbox {sb:?}, base URL {base:?}: {err}");
            let same_source = sb != Src::None && sb == base;
            let sandbox_wins = match (sb, base) {
                (Src::None, _) => false,
                (Src::Flag, _) => true,
                (Src::Env, Src::Flag) => false,
                (Src::Env, _) => true,
                _ => unreachable!(),
            };
            if same_source {
                assert_eq!(out.status.code(), Some(2), "{case}");
                assert!(err.contains("--sandbox") || err.contains("HOOKCTL_SANDBOX"), "{case}");
                assert_eq!((real.requests().len(), sandbox.requests().len()), before, "{case}");
                continue;
            }
            if !sandbox_wins && base == Src::None {
                // No base URL and no sandbox: xpath has no default base URL.
                assert_eq!(out.status.code(), Some(3), "{case}");
                continue;
            }
            assert_eq!(out.status.code(), Some(0), "{case}");
            let (hit, token) = if sandbox_wins {
                (sandbox.requests().last().cloned(), "Bearer hookctl-sandbox")
            } else {
                (real.requests().last().cloned(), "Bearer tok_profile")
            };
            assert_eq!((real.requests().len() + sandbox.requests().len()), before.0 + before.1 + 1, "{case}");
            let hit = hit.unwrap_or_else(|| panic!("no request where expected: {case}"));
            let prefix = if sandbox_wins { "/sb/xpath/" } else { "/real/" };
            assert!(hit.path.starts_with(prefix), "{case}: {}", hit.path);
            assert_eq!(hit.header("authorization"), Some(token), "{case}");
        }
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Item 19: the sandbox's token has its own variable, and every hint names what works there.
#[test]
fn the_sandbox_token_has_its_own_variable_and_the_hints_name_it() {
    use crate::support::sandbox::Sandbox;
    let env = TestEnv::new();
    let sb = Sandbox::start(&env, &["--token", "tok_own_sandbox"]);
    let list = || {
        let mut c = env.cmd();
        c.args(["endpoints", "list", "--provider", "xpath", "--sandbox", &sb.url]);
        c
    };
    // HOOKCTL_SANDBOX_TOKEN works.
    let out = list().env("HOOKCTL_SANDBOX_TOKEN", "tok_own_sandbox").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // HOOKCTL_TOKEN belongs to the real provider: not sent to the sandbox, and the 401 hint
    // names the variable that would work, not the one that was ignored.
    let out = list().env("HOOKCTL_TOKEN", "tok_own_sandbox").output().unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("HOOKCTL_SANDBOX_TOKEN"), "{err}");
    assert!(!err.contains("HOOKCTL_TOKEN "), "{err}");
    assert!(!err.contains("config set token"), "{err}");
    // --token works; the history hint names the sandbox's variable.
    let out = list().args(["--token", "tok_own_sandbox"]).output().unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("prefer HOOKCTL_SANDBOX_TOKEN"), "{err}");
    // A wrong --token: the hint is about --token.
    let out = list().args(["--token", "tok_wrong"]).output().unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("hint: check --token"), "{err}");
}

/// Item 23: the "check the base URL" hint only when the 404 is not the provider's own error.
#[test]
fn the_base_url_hint_is_not_given_for_the_providers_own_not_found() {
    use crate::support::sandbox::Sandbox;
    let env = TestEnv::new();
    let sb = Sandbox::start(&env, &[]);
    let out = env
        .cmd()
        .args(["fire", "case.assigned", "--case", "case_other_partner", "--provider", "partner"])
        .args(["--sandbox", &sb.url])
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(!err.contains("base URL"), "{err}");
    // A wrong prefix still gets it.
    let out = env
        .cmd()
        .args(["fire", "case.assigned", "--case", "case_test_full", "--provider", "partner"])
        .args(["--base-url", &format!("{}/partner/api/v1", sb.url)])
        .env("HOOKCTL_TOKEN", "hookctl-sandbox")
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(err.contains("check the base URL"), "{err}");
}

/// Item 21: what cannot succeed is refused before anything is done: no fire reaches the
/// provider for `fire --wait --timeout 0`, and `listen --expect 0` does not pass at once.
#[test]
fn a_wait_that_cannot_succeed_is_refused_before_acting() {
    let mut provider = Stub::start(
        axum::Router::new()
            .route(
                "/test/webhooks/fire",
                axum::routing::post(|| async {
                    answer_json(
                        200,
                        json!({"eventType": "case.assigned", "caseId": "c1", "enqueuedCount": 1}),
                    )
                }),
            )
            .route("/webhooks/events", axum::routing::get(|| async { answer_json(200, json!([])) }))
            .fallback(any(|| async { answer_json(200, json!({"status": "pending", "delivery_id": "d"})) })),
    );
    let env = TestEnv::new();
    for args in [
        &["fire", "case.assigned", "--case", "c1", "--wait", "--timeout", "0"][..],
        &["fire", "case.assigned", "--case", "c1", "--wait", "--timeout", "0s"],
    ] {
        let out = env
            .cmd()
            .args(args)
            .args(["--provider", "partner", "--base-url", &provider.url("/")])
            .env("HOOKCTL_TOKEN", "tok_x")
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("--timeout"), "{err}");
    }
    assert!(provider.requests().is_empty(), "nothing may reach the provider: {:?}", provider.requests());
    for args in [
        &["test", "SandboxEndpoint2345678", "--wait", "--timeout", "0", "--provider", "closient"][..],
        &["replay", "SandboxDeadLetter23456", "--wait", "--timeout", "0", "--provider", "closient"],
    ] {
        let out = env
            .cmd()
            .args(args)
            .args(["--base-url", &provider.url("/")])
            .env("HOOKCTL_TOKEN", "tok_x")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
    }
    assert!(provider.requests().is_empty());
    provider.may_go_unused(); // the point: nothing reaches it
    let out = env.cmd().args(["listen", "--port", "0", "--expect", "0"]).output().unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--expect") && !err.contains("listening on"), "{err}");
}

/// Item 18: `events wait --since T` counts matching rows created at or after T even when they
/// were already in the log when the command started ("trigger, then wait" in CI).
#[test]
fn events_wait_since_counts_rows_that_already_exist() {
    use crate::support::sandbox::Sandbox;
    let env = TestEnv::new();
    let sink = Stub::start(axum::Router::new().fallback(any(|| async { "ok" })));
    let sb = Sandbox::start(&env, &["--seed-url", &sink.url("/")]);
    let since =
        humantime::format_rfc3339_seconds(std::time::SystemTime::now() - std::time::Duration::from_secs(2))
            .to_string();
    let hk = |args: &[&str]| {
        env.cmd().args(args).args(["--provider", "partner", "--sandbox", &sb.url]).output().unwrap()
    };
    let out = hk(&["fire", "case.closed", "--case", "case_test_full", "--wait"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The row is in the log before the wait starts.
    let out = hk(&[
        "events",
        "wait",
        "--case",
        "case_test_full",
        "--type",
        "case.closed",
        "--since",
        &since,
        "--timeout",
        "3s",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Without --since, rows already there never count (unchanged).
    let out = hk(&["events", "wait", "--case", "case_test_full", "--type", "case.closed", "--timeout", "1s"]);
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    // A --since after the row: not counted.
    let later =
        humantime::format_rfc3339_seconds(std::time::SystemTime::now() + std::time::Duration::from_secs(60))
            .to_string();
    let out = hk(&[
        "events",
        "wait",
        "--case",
        "case_test_full",
        "--type",
        "case.closed",
        "--since",
        &later,
        "--timeout",
        "1s",
    ]);
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
}

/// A provider that answers an empty xpath list after `delay`.
fn slow_stub(delay: std::time::Duration) -> Stub {
    Stub::start(axum::Router::new().fallback(any(move || async move {
        tokio::time::sleep(delay).await;
        answer_json(200, json!({"data": []}))
    })))
}

/// Item 22: `HOOKCTL_HTTP_TIMEOUT` is validated (exit 2), `--request-timeout` exists on every
/// provider command, and a terminal hears what a slow request waits for.
#[test]
fn the_http_timeout_is_validated_offered_everywhere_and_a_slow_api_shows_progress() {
    let slow = slow_stub(std::time::Duration::from_secs(4));
    let env = TestEnv::new();
    let xpath = |c: &mut assert_cmd::Command| {
        c.args(["--provider", "xpath", "--base-url", &slow.url("/")]).env("HOOKCTL_TOKEN", "tok_x");
    };
    for bad in ["abc", "48h", "0"] {
        let mut c = env.cmd();
        c.args(["endpoints", "list"]).env("HOOKCTL_HTTP_TIMEOUT", bad);
        xpath(&mut c);
        let out = c.output().unwrap();
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(err.contains("HOOKCTL_HTTP_TIMEOUT"), "{err}");
    }
    assert!(slow.requests().is_empty());
    // --request-timeout bounds each request (and wins over the variable): a network error, fast.
    let started = std::time::Instant::now();
    let mut c = env.cmd();
    c.args(["endpoints", "list", "--request-timeout", "300ms"]).env("HOOKCTL_HTTP_TIMEOUT", "1h");
    xpath(&mut c);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(started.elapsed() < std::time::Duration::from_secs(4), "{:?}", started.elapsed());
    // Every provider command takes it.
    for args in [
        &["endpoints", "get", "wh_1"][..],
        &["subscriptions", "list"],
        &["fire", "case.closed", "--case", "c"],
        &["test", "ep"],
        &["replay", "d1"],
        &["events", "list"],
        &["events", "wait"],
        &["listen", "--register"],
        &["endpoints", "cleanup"],
    ] {
        let out = env.cmd().args(args).args(["--request-timeout", "nope"]).output().unwrap();
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("is not a duration"), "{args:?}: {err}");
    }
    // A terminal is told what the command waits for after a couple of seconds.
    let mut c = env.cmd();
    c.args(["endpoints", "list"]).env("HOOKCTL_TEST_TTY", "1");
    xpath(&mut c);
    let out = c.output().unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("waiting for xpath to answer GET"), "{err}");
    // Piped: silent as before.
    let mut c = env.cmd();
    c.args(["endpoints", "list"]);
    xpath(&mut c);
    let out = c.output().unwrap();
    assert!(!text(&out.stderr).contains("waiting for"), "{}", text(&out.stderr));
}

/// Item 26: SIGTERM during `fire --wait` is handled like Ctrl-C: the message, the JSON
/// document, exit 130 — not a silent 143.
#[test]
fn sigterm_during_a_wait_ends_it_like_ctrl_c() {
    use std::io::Read;
    let provider = Stub::start(
        axum::Router::new()
            .route(
                "/test/webhooks/fire",
                axum::routing::post(|| async {
                    answer_json(200, json!({"eventType": "case.closed", "caseId": "c1", "enqueuedCount": 1}))
                }),
            )
            .route("/webhooks/events", axum::routing::get(|| async { answer_json(200, json!([])) })),
    );
    let env = TestEnv::new();
    let mut child = crate::support::listen::std_cmd(&env)
        .args(["fire", "case.closed", "--case", "c1", "--wait", "--timeout", "60s", "--json"])
        .args(["--provider", "partner", "--base-url", &provider.url("")])
        .env("HOOKCTL_TOKEN", "tok_x")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The wait has begun once the log was polled after the fire.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while provider.requests().iter().filter(|r| r.path == "/webhooks/events").count() < 2 {
        assert!(std::time::Instant::now() < deadline, "the wait never polled");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let ok = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(ok.success());
    let status = child.wait().unwrap();
    let (mut out, mut err) = (String::new(), String::new());
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("error: interrupted after"), "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(doc["outcome"], "interrupted", "{doc}");
}

/// Item 25: a delivery that fails because nothing listens names the URL that refused and, for
/// a loopback URL, suggests `hookctl listen` there.
#[test]
fn a_failed_delivery_names_its_target_and_suggests_listen_for_loopback() {
    use crate::support::sandbox::Sandbox;
    let env = TestEnv::new();
    let port = crate::support::dead_port();
    let target = format!("http://127.0.0.1:{port}/");
    let sb = Sandbox::start(&env, &["--seed-url", &target, "--retry-schedule", "none"]);
    let out = env
        .cmd()
        .args(["fire", "case.closed", "--case", "case_test_full", "--wait", "--timeout", "20s"])
        .args(["--provider", "partner", "--sandbox", &sb.url])
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{err}");
    assert!(err.contains(&format!("connection to {target} failed")), "{err}");
    assert!(err.contains(&format!("`hookctl listen --port {port}`")), "{err}");
}

/// Item 24: durations everywhere read the duration format, sizes take units, and a bare
/// number means seconds in the sandbox's lag knob as on its command line.
#[test]
fn units_read_the_same_everywhere() {
    use crate::support::listen::{as_refs, post, signed_headers, unix_now, Listener, SECRET};
    let env = TestEnv::new();
    // --tolerance 5m: a 4-minute-old signature is valid, a 6-minute-old one is not.
    let body = env.write("body.json", "{\"type\":\"a\"}");
    let now = unix_now();
    for (age, code) in [(240, 0), (360, 8)] {
        let ts = now - age;
        let headers = signed_headers(SECRET, "msg_1", ts, b"{\"type\":\"a\"}");
        let mut c = env.cmd();
        c.args(["verify", "--secret", SECRET, "--tolerance", "5m", "--body-file"]).arg(&body);
        for (k, v) in &headers {
            c.args(["-H", &format!("{k}: {v}")]);
        }
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(code), "age {age}: {}", text(&out.stderr));
    }
    let out = env
        .cmd()
        .args(["verify", "--secret", SECRET, "--tolerance", "soon", "--data", "{}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // --max-body 1KB: 1,000 bytes pass, 1,001 get 413.
    let l = Listener::start(&env, &["--max-body", "1KB", "--no-display"]);
    for (len, status) in [(1000usize, 200u16), (1001, 413)] {
        let body = format!("{{\"type\":\"a\",\"pad\":\"{}\"}}", "x".repeat(len - 21));
        assert_eq!(body.len(), len);
        let h = signed_headers(SECRET, &format!("m{len}"), unix_now(), body.as_bytes());
        assert_eq!(post(l.port, "/", &as_refs(&h), body.as_bytes()).status, status, "{len}");
    }
    drop(l);
    let out = env.cmd().args(["listen", "--port", "0", "--max-body", "10 parsecs"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown unit"), "{}", text(&out.stderr));
    // The lag knob: 2 is two seconds, like `sandbox --lag 2`.
    let sb = crate::support::sandbox::Sandbox::start(&env, &[]);
    let (status, v) = sb.call("PATCH", "/_sandbox/knobs", Some(json!({"lag": 2})));
    assert_eq!(status, 200, "{v}");
    let (_, v) = sb.get("/_sandbox/knobs");
    assert_eq!(v["lag"], "2s", "{v}");
}

/// The `hookctl …` commands a hint printed between backticks, as argument lists.
fn printed_commands(stderr: &str) -> Vec<Vec<String>> {
    stderr
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.starts_with("hookctl "))
        .map(|c| c.split_whitespace().skip(1).map(str::to_string).collect())
        .collect()
}

/// Item 20: every command a hint prints works when pasted (in a shell without the variables
/// that chose the provider and sandbox): it carries `--provider` and `--sandbox URL`. A test
/// runs each one. `--save-secret` against a sandbox writes nothing into a profile.
#[test]
fn printed_commands_work_when_pasted() {
    use crate::support::sandbox::Sandbox;
    let env = TestEnv::new();
    let dead = format!("http://127.0.0.1:{}/", crate::support::dead_port());
    let sb = Sandbox::start(&env, &["--seed-url", &dead, "--retry-schedule", "none"]);
    let via_env = |provider: &str, args: &[&str]| {
        env.cmd()
            .args(args)
            .env("HOOKCTL_PROVIDER", provider)
            .env("HOOKCTL_SANDBOX", &sb.url)
            .output()
            .unwrap()
    };
    let run = |cmd: &[String]| env.cmd().args(cmd).output().unwrap();

    // closient: a dead-lettered test delivery → `hookctl replay ID …`.
    let out = via_env("closient", &["test", "SandboxEndpoint2345678"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{err}");
    let cmds = printed_commands(&err);
    assert_eq!(cmds.len(), 1, "{err}");
    assert_eq!(cmds[0][0], "replay", "{err}");
    let again = run(&cmds[0]);
    assert_eq!(again.status.code(), Some(7), "{:?}: {}", cmds[0], text(&again.stderr));
    assert!(text(&again.stdout).contains("dead_letter"), "{}", text(&again.stdout));

    // partner: events cannot change → delete, then create with the URL and events filled in.
    let out = via_env("partner", &["subscriptions", "remove", "sub_test_all_events", "chat.created"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let cmds = printed_commands(&err);
    assert_eq!(cmds.len(), 2, "{err}");
    for cmd in &cmds {
        let o = run(cmd);
        assert_eq!(o.status.code(), Some(0), "{cmd:?}: {}", text(&o.stderr));
    }
    let created: serde_json::Value = {
        let o = run(&[cmds[1].clone(), vec!["--json".into()]].concat());
        // The first create already ran; a second one shows the same shape.
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let events = created["events"].as_array().unwrap();
    assert_eq!(events.len(), 4, "{created}");
    assert!(!events.iter().any(|e| e == "chat.created"), "{created}");

    // xpath: removing every event → "delete it instead".
    let seeded = sb.get("/xpath/v2.3/webhooks/endpoints/wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW").1;
    let mut args = vec!["subscriptions".to_string(), "remove".into(), "wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW".into()];
    args.extend(seeded["data"]["events"].as_array().unwrap().iter().map(|e| e.as_str().unwrap().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = via_env("xpath", &args);
    let err = text(&out.stderr);
    let cmds = printed_commands(&err);
    assert!(!cmds.is_empty(), "{err}");
    for cmd in &cmds {
        let o = run(cmd);
        assert_eq!(o.status.code(), Some(0), "{cmd:?}: {}", text(&o.stderr));
    }

    // --save-secret against a sandbox: refused before creating, no profile written.
    let before = sb.get("/xpath/v2.3/webhooks/endpoints").1["data"].as_array().unwrap().len();
    let out = via_env(
        "xpath",
        &["endpoints", "create", "--url", "http://127.0.0.1:9/", "--event", "cases.created", "--save-secret"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!env.config_path().exists());
    assert_eq!(sb.get("/xpath/v2.3/webhooks/endpoints").1["data"].as_array().unwrap().len(), before);
    // Without it: the hint names listen, not a profile.
    let out = via_env(
        "xpath",
        &["endpoints", "create", "--url", "http://127.0.0.1:9/", "--event", "cases.created"],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("hookctl listen --secret"), "{err}");
    assert!(!err.contains("config set"), "{err}");
    assert!(!env.config_path().exists());
}

/// Item 27: the smaller things a new user noticed.
#[test]
fn the_small_things_a_new_user_noticed() {
    use crate::support::listen::{as_refs, post, signed_headers, unix_now, Listener, SECRET};
    use crate::support::sandbox::Sandbox;
    let env = TestEnv::new();
    // Plurals, and a summary that says requests were refused with 413.
    let l =
        Listener::start(&env, &["--secret", SECRET, "--max-body", "100", "--timeout", "5s", "--no-display"]);
    let small = br#"{"type":"a"}"#;
    let h = signed_headers(SECRET, "m1", unix_now(), small);
    assert_eq!(post(l.port, "/", &as_refs(&h), small).status, 200);
    let big = vec![b'x'; 200];
    assert_eq!(post(l.port, "/", &[], &big).status, 413);
    let out = l.stop();
    assert!(out.stderr.contains("stopped: 2 requests (1 valid"), "{}", out.stderr);
    assert!(
        out.stderr.contains("1 rejected, 1 of them with 413: larger than --max-body 100 bytes"),
        "{}",
        out.stderr
    );
    let l = Listener::start(&env, &["--timeout", "5s", "--no-display"]);
    assert_eq!(post(l.port, "/", &[], small).status, 200);
    let out = l.stop();
    assert!(out.stderr.contains("stopped: 1 request ("), "{}", out.stderr);
    // `listen --type` is the name `events --type` has; `--filter` still works.
    for flag in ["--type", "--filter"] {
        let l = Listener::start(&env, &["--expect", "1", flag, "case.*", "--timeout", "5s"]);
        assert_eq!(post(l.port, "/", &[], br#"{"type":"case.closed"}"#).status, 200);
        assert_eq!(l.wait().code, Some(0), "{flag}");
    }
    // endpoints list has a header row; personio's ENABLED reads "active" like the others.
    let sb = Sandbox::start(&env, &[]);
    let out = env
        .cmd()
        .args(["endpoints", "list", "--provider", "personio", "--sandbox", &sb.url])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.lines().next().is_some_and(|l| l.starts_with("ID  STATUS  URL  EVENTS")), "{stdout}");
    assert!(stdout.contains("  active  ") && !stdout.contains("ENABLED"), "{stdout}");
    // sandbox with a busy port leaves no data directory behind.
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let dir = env.path("never-made");
    let out = env.cmd().args(["sandbox", "--port", &port, "--data-dir"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!dir.exists(), "the data dir was created although the port was busy");
    // config init --sandbox was accepted and ignored: refused now, nothing written.
    let out = env.cmd().args(["config", "init", "--provider", "xpath", "--sandbox"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!env.config_path().exists());
    // Man pages: a real DESCRIPTION, ENVIRONMENT and FILES.
    let out = env.cmd().args(["man"]).output().unwrap();
    let page = text(&out.stdout);
    for want in [
        ".SH ENVIRONMENT",
        "HOOKCTL_SANDBOX_TOKEN",
        "HOOKCTL_HTTP_TIMEOUT",
        ".SH FILES",
        "config.toml",
        "emulates four provider APIs",
    ] {
        assert!(page.contains(want), "{want} missing from the man page");
    }
}

/// Item 20, the real-provider side: the "store it with `hookctl config set secret …`" hint runs
/// as printed once `<secret>` is replaced by the secret printed above it (hookctl never prints
/// a secret twice), and the profile then verifies with it.
#[test]
fn the_store_the_secret_hint_runs_as_printed() {
    use crate::support::endpoints::{Provider, ENDPOINT_SECRET};
    let provider = Provider::start();
    let env = TestEnv::new();
    let out = provider
        .cmd(&env)
        .args(["endpoints", "create", "--url", "https://hooks.example.test/", "--event", "cases.created"])
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err.matches(ENDPOINT_SECRET).count(), 0, "the secret is printed once, on stdout: {err}");
    assert!(text(&out.stdout).contains(ENDPOINT_SECRET));
    let cmds = printed_commands(&err);
    assert_eq!(cmds.len(), 1, "{err}");
    let cmd: Vec<String> = cmds[0]
        .iter()
        .map(|a| if a == "<secret>" { ENDPOINT_SECRET.to_string() } else { a.clone() })
        .collect();
    let o = env.cmd().args(&cmd).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{cmd:?}: {}", text(&o.stderr));
    let config = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(config.contains(ENDPOINT_SECRET), "{config}");
}
