//! `fire` against a partner stub that lags like the real event log.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::partner::{LogReply, Partner, TOKEN};
use crate::support::{stdout_json, TestEnv};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

fn old_delivered(case: &str, event: &str, id: &str) -> Value {
    json!({"id": id, "caseId": case, "eventType": event, "status": "delivered", "httpStatus": 200})
}

#[test]
fn fire_without_wait_sends_the_documented_body_and_reports_enqueued() {
    let env = TestEnv::new();
    let p = Partner::start();
    let out = p
        .cmd(&env)
        .args(["fire", "case.assigned", "--case", "case-1", "--subscription", "sub-1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("case.assigned  case case-1  enqueued 1"), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("--wait"), "{}", text(&out.stderr));
    assert_eq!(
        p.fires(),
        vec![json!({"caseId": "case-1", "event": "case.assigned", "subscriptionId": "sub-1"})]
    );
    let req = &p.stub.requests()[0];
    assert_eq!(req.header("authorization"), Some(format!("Bearer {TOKEN}").as_str()));
    assert!(req.header("user-agent").unwrap_or_default().starts_with("hookctl/"));
    // No --wait: the event log is not read.
    assert!(p.log_polls().is_empty());
}

#[test]
fn fire_wait_sees_lagging_rows_appear_and_exits_0() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| {
        s.enqueued = 2;
        s.rows_per_fire = 2;
        s.lag = Duration::from_millis(1200);
    });
    let started = Instant::now();
    let out = p.cmd(&env).args(["fire", "case.closed", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(started.elapsed() >= Duration::from_millis(1200));
    let stdout = text(&out.stdout);
    // One line per row as it appears.
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("delivered") && l.contains("case.closed")).count(),
        2,
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("2 of 2 deliveries delivered"), "{}", text(&out.stderr));
    // Snapshot first, then the fire, then polls with backoff (not a tight loop).
    let reqs = p.stub.requests();
    assert_eq!(reqs[0].path, "/webhooks/events");
    assert_eq!(reqs[0].query.as_deref(), Some("caseId=case-1"));
    assert_eq!(reqs[1].path, "/test/webhooks/fire");
    let polls = p.log_polls().len() - 1;
    assert!((2..=8).contains(&polls), "{polls} polls for a 1.2 s lag");
}

#[test]
fn fire_wait_json_document() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| s.lag = Duration::from_millis(700));
    let out =
        p.cmd(&env).args(["--json", "fire", "chat.created", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = stdout_json(&out);
    assert_eq!(doc["outcome"], "delivered");
    assert_eq!(doc["expected"], 1);
    assert_eq!(doc["rows"].as_array().unwrap().len(), 1);
    assert_eq!(doc["rows"][0]["state"], "delivered");
    assert_eq!(doc["rows"][0]["event_type"], "chat.created");
    assert_eq!(doc["rows"][0]["row"]["caseId"], "case-1");
    assert!(doc["elapsed_ms"].as_u64().unwrap() >= 700, "{doc}");
    assert!(doc["polls"].as_u64().unwrap() >= 1);
    assert_eq!(doc["fire"]["enqueuedCount"], 1);
}

#[test]
fn old_rows_in_the_log_never_satisfy_a_wait() {
    let env = TestEnv::new();
    let p = Partner::start();
    // Delivered rows of the same case and type from earlier fires; this fire's row never comes.
    p.old_row(old_delivered("case-1", "case.assigned", "evt_old1"));
    p.old_row(old_delivered("case-1", "case.assigned", "evt_old2"));
    p.with(|s| s.rows_per_fire = 0);
    let out = p
        .cmd(&env)
        .args(["fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "1500ms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("timed out") && stderr.contains("0 of 1"), "{stderr}");
    assert!(!text(&out.stdout).contains("evt_old"), "{}", text(&out.stdout));
}

#[test]
fn rows_of_other_events_do_not_count() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| s.rows_per_fire = 0);
    p.schedule_rows("case-1", "case.updated", 1, Duration::from_millis(300));
    let out = p
        .cmd(&env)
        .args(["fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "1200ms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
}

#[test]
fn deadline_says_how_many_of_how_many_arrived() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| {
        s.enqueued = 3;
        s.rows_per_fire = 1;
        s.lag = Duration::from_millis(300);
    });
    let out = p
        .cmd(&env)
        .args(["fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "1500ms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    // A failed outcome reads like an error: `error:` line, indented details, `hint:` line.
    let lines: Vec<&str> = stderr.lines().collect();
    let at = lines.iter().position(|l| l.starts_with("error: timed out after ")).expect(&stderr);
    assert!(lines[at].ends_with("s: 1 of 3 deliveries appeared"), "{stderr}");
    assert!(lines[at + 1].starts_with("  1 delivered, 0 pending, "), "{stderr}");
    assert!(stderr.contains("\nhint: the event log can lag"), "{stderr}");
    assert!(text(&out.stdout).contains("delivered"), "{}", text(&out.stdout));
}

#[test]
fn failed_row_exits_7_and_shows_its_http_status() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| {
        s.lag = Duration::from_millis(400);
        s.row_fields = json!({"deliveredAt": null, "attemptCount": 1, "lastResponseCode": 502,
            "lastError": "Bad Gateway from https://hooks.example/x"});
    });
    let out = p.cmd(&env).args(["fire", "case.updated", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("failed") && stdout.contains("HTTP 502") && stdout.contains("Bad Gateway"),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("delivery failed"), "{}", text(&out.stderr));
}

#[test]
fn pending_rows_are_followed_until_they_settle() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| {
        s.lag = Duration::from_millis(300);
        s.row_fields = json!({"status": "pending"});
        // The worker finishes the attempt once hookctl has been shown the row pending twice.
        s.settle_after = Some(2);
    });
    let out = p.cmd(&env).args(["fire", "case.assigned", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines.len() == 2 && lines[0].starts_with("pending") && lines[1].starts_with("delivered"),
        "{stdout}"
    );
}

#[test]
fn nothing_enqueued_exits_0_or_6_with_require_delivery() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| s.enqueued = 0);
    let out = p.cmd(&env).args(["fire", "case.assigned", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("nothing was enqueued"), "{}", text(&out.stderr));
    // No polling after the snapshot: there is nothing to wait for.
    assert_eq!(p.log_polls().len(), 1);

    let out = p
        .cmd(&env)
        .args(["--json", "fire", "case.assigned", "--case", "case-1", "--wait", "--require-delivery"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    assert_eq!(stdout_json(&out)["outcome"], "nothing_enqueued");
    assert!(text(&out.stderr).contains("nothing was enqueued"));

    let out = p
        .cmd(&env)
        .args(["fire", "case.assigned", "--case", "case-1", "--require-delivery"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
}

#[test]
fn unknown_event_type_is_a_usage_error_before_any_request() {
    let env = TestEnv::new();
    let mut p = Partner::start();
    p.stub.may_go_unused();
    let out = p.cmd(&env).args(["fire", "case.deleted", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("case.deleted")
            && stderr.contains("case.assigned")
            && stderr.contains("chat.created"),
        "{stderr}"
    );
    assert!(p.stub.requests().is_empty());
    let out = p.cmd(&env).args(["fire", "case.assigned", "--case", "  "]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn fire_on_a_provider_without_it_names_partner() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("HOOKCTL_PROVIDER", "closient")
        .env("HOOKCTL_TOKEN", "k")
        .args(["fire", "case.assigned", "--case", "c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("partner"), "{}", text(&out.stderr));
}

#[test]
fn missing_credentials_and_base_url_are_config_errors() {
    let env = TestEnv::new();
    let p = Partner::start();
    let out = p
        .cmd(&env)
        .env_remove("HOOKCTL_TOKEN")
        .args(["fire", "case.assigned", "--case", "c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("HOOKCTL_TOKEN"));
    let out = p
        .cmd(&env)
        .env_remove("HOOKCTL_BASE_URL")
        .args(["fire", "case.assigned", "--case", "c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("--base-url"));
    let out = p
        .cmd(&env)
        .env("HOOKCTL_TOKEN", "wrong")
        .args(["fire", "case.assigned", "--case", "c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("Invalid or missing API key"));
    assert!(p.stub.requests().iter().all(|r| r.path == "/test/webhooks/fire"));
}

#[test]
fn transient_500s_of_the_event_log_are_retried() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| {
        s.lag = Duration::from_millis(200);
        // The snapshot answers; then the polls meet a run of 500/502/503.
        s.script_after = 1;
        s.log_script.extend([
            LogReply::Status(500, None),
            LogReply::Status(502, None),
            LogReply::Status(503, None),
            LogReply::Status(500, None),
            LogReply::Status(500, None),
        ]);
    });
    let out = p
        .cmd(&env)
        .args(["fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "20s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(p.log_polls().len() >= 7, "snapshot, five errors, the delivered row");
    let codes: Vec<u16> = p.with(|s| s.log_times.iter().map(|(_, c)| *c).collect());
    assert_eq!(codes[..6], [200, 500, 502, 503, 500, 500], "{codes:?}");
}

#[test]
fn event_log_429_with_retry_after_is_honoured() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| {
        s.lag = Duration::from_millis(100);
        // The first poll after the snapshot is told to come back in a second.
        s.script_after = 1;
        s.log_script.push_back(LogReply::Status(429, Some(1)));
    });
    let out = p.cmd(&env).args(["fire", "case.assigned", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let times = p.with(|s| s.log_times.clone());
    let i = times.iter().position(|(_, code)| *code == 429).expect("a 429 was served");
    let (at_429, _) = times[i];
    let (next, code) = times.get(i + 1).copied().expect("polling went on after the 429");
    assert_eq!(code, 200);
    assert!(next - at_429 >= Duration::from_millis(950), "next GET {:?} after the 429", next - at_429);
}

#[test]
fn a_hanging_event_log_times_out_with_6() {
    let env = TestEnv::new();
    let p = Partner::start();
    // The snapshot answers; every poll after it hangs.
    p.with(|s| s.hang_after = Some(1));
    let started = Instant::now();
    let out = p
        .cmd(&env)
        .env("HOOKCTL_HTTP_TIMEOUT", "500ms")
        .args(["fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "1s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    // Deadline plus at most the one-poll grace, not the server's hour.
    assert!(started.elapsed() < Duration::from_secs(6), "{:?}", started.elapsed());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("0 of 1") && stderr.contains("last poll error"), "{stderr}");
}

#[test]
fn a_hanging_fire_is_a_network_error_and_not_retried() {
    let env = TestEnv::new();
    let router = axum::Router::new().route(
        "/test/webhooks/fire",
        axum::routing::post(|| async {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            "never"
        }),
    );
    let stub = crate::support::Stub::start(router);
    let out = env
        .cmd()
        .env("HOOKCTL_PROVIDER", "partner")
        .env("HOOKCTL_BASE_URL", stub.url(""))
        .env("HOOKCTL_TOKEN", TOKEN)
        .env("HOOKCTL_HTTP_TIMEOUT", "500ms")
        .args(["fire", "case.assigned", "--case", "case-1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("did not answer"), "{}", text(&out.stderr));
    assert_eq!(stub.requests().len(), 1, "a fire that may have been processed is not sent twice");
}

#[test]
fn profile_can_name_the_row_fields() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| {
        s.lag = Duration::from_millis(300);
        s.row_fields = json!({"deliveryState": "SUCCEEDED", "kind": "case.assigned"});
    });
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(
        env.config_path(),
        "[profiles.ci]\nprovider = \"partner\"\n[profiles.ci.fields]\nstatus = \"deliveryState\"\n",
    )
    .unwrap();
    let out = p
        .cmd(&env)
        .args(["--json", "fire", "case.assigned", "--case", "case-1", "--wait", "--profile", "ci"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(stdout_json(&out)["rows"][0]["status"], "SUCCEEDED");
}

#[test]
fn ctrl_c_during_a_wait_exits_130_with_the_report() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| s.rows_per_fire = 0);
    let child = env
        .std_cmd()
        .env("HOOKCTL_PROVIDER", "partner")
        .env("HOOKCTL_BASE_URL", p.base())
        .env("HOOKCTL_TOKEN", TOKEN)
        .args(["--json", "fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "30s"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once the waiter is polling (snapshot + at least two polls).
    let started = Instant::now();
    while p.with(|s| s.log_gets) < 3 && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", text(&out.stderr));
    assert!(started.elapsed() < Duration::from_secs(10));
    let doc = stdout_json(&out);
    assert_eq!(doc["outcome"], "interrupted");
    assert!(doc["polls"].as_u64().unwrap() >= 2);
}

#[test]
fn nothing_is_fired_when_the_snapshot_cannot_be_taken() {
    let env = TestEnv::new();
    let p = Partner::start();
    // Every attempt of the snapshot GET fails (the client retries a GET's 503s, then gives up).
    p.with(|s| s.log_script.extend((0..8).map(|_| LogReply::Status(503, None))));
    let out = p.cmd(&env).args(["fire", "case.assigned", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("503"), "{}", text(&out.stderr));
    assert!(p.fires().is_empty(), "fired although the wait could not work");
}

#[test]
fn an_auth_failure_while_polling_stops_the_wait_with_3() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| {
        s.rows_per_fire = 0;
        // The snapshot answers; the first poll after the fire is refused.
        s.script_after = 1;
        s.log_script.push_back(LogReply::Status(401, None));
    });
    let started = Instant::now();
    let out = p.cmd(&env).args(["fire", "case.assigned", "--case", "case-1", "--wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(started.elapsed() < Duration::from_secs(10), "a 401 must not be polled until the deadline");
}

/// Bug: the snapshot before the fire was not bounded by `--timeout`, so a hanging event log
/// held `fire --wait --timeout 3s` for the client's retries (4 × 30 s) instead of 3 s.
#[test]
fn a_hanging_snapshot_is_bounded_by_the_timeout_and_nothing_is_fired() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| s.hang_after = Some(0));
    let started = Instant::now();
    let out = p
        .cmd(&env)
        .args(["fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "1s"])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("could not read the event log within --timeout 1s"),
        "{}",
        text(&out.stderr)
    );
    assert!(p.fires().is_empty(), "fired although the wait could not work");
}

#[test]
fn wrong_base_url_says_nothing_was_fired_and_hints_at_the_base_url() {
    // Issue 9 defect 9: an extra /api/v1 made every route 404 and the snapshot failure read
    // like any API error, without saying whether the event had been fired.
    let env = TestEnv::new();
    let p = Partner::start();
    let wrong = format!("{}/api/v1", p.base());
    let out = p
        .cmd(&env)
        .env("HOOKCTL_BASE_URL", &wrong)
        .args(["fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "5s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.starts_with("error: nothing was fired"), "{err}");
    assert!(err.contains("hint: check the base URL") && err.contains("/api/v1"), "{err}");
    assert!(p.fires().is_empty());
    // Without --wait the fire itself is the first call: same hint.
    let out = p
        .cmd(&env)
        .env("HOOKCTL_BASE_URL", &wrong)
        .args(["fire", "case.assigned", "--case", "c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stderr).contains("hint: check the base URL"), "{}", text(&out.stderr));
}
