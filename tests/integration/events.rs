//! `events list | get | wait` against the partner stub's event log and a closient deliveries stub.

use std::time::Duration;

use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::support::partner::Partner;
use crate::support::{stdout_json, Stub, TestEnv};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

fn seed(p: &Partner) {
    p.old_row(json!({"id": "evt_a", "caseId": "case-1", "eventType": "case.assigned", "status": "delivered",
        "httpStatus": 200, "createdAt": "2026-05-01T10:00:00Z"}));
    p.old_row(json!({"id": "evt_b", "caseId": "case-1", "eventType": "payment.created", "deliveredAt": null,
        "lastResponseCode": 500, "lastError": "boom \u{1b}[31mred", "createdAt": "2026-05-01T11:00:00Z"}));
    p.old_row(
        json!({"id": "evt_c", "caseId": "case-2", "eventType": "case.assigned", "status": "delivered"}),
    );
}

#[test]
fn list_shows_one_line_per_row_newest_first() {
    let env = TestEnv::new();
    let p = Partner::start();
    seed(&p);
    let out = p.cmd(&env).args(["events", "list", "--case", "case-1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].contains("failed") && lines[0].contains("evt_b") && lines[0].contains("HTTP 500"),
        "{stdout}"
    );
    assert!(lines[1].contains("delivered") && lines[1].contains("evt_a"), "{stdout}");
    // Provider text is sanitised: no raw escape reaches the terminal.
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert_eq!(p.log_polls()[0].query.as_deref(), Some("caseId=case-1"));
}

#[test]
fn list_json_is_the_providers_rows_filtered_by_type() {
    let env = TestEnv::new();
    let p = Partner::start();
    seed(&p);
    let out = p
        .cmd(&env)
        .args([
            "--json",
            "events",
            "list",
            "--case",
            "case-1",
            "--type",
            "case.assigned",
            "--since",
            "2026-05-01T00:00:00Z",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = stdout_json(&out);
    assert_eq!(
        doc,
        json!([{"id": "evt_a", "caseId": "case-1", "eventType": "case.assigned", "status": "delivered",
        "httpStatus": 200, "createdAt": "2026-05-01T10:00:00Z"}])
    );
    let q = p.log_polls()[0].query.clone().unwrap();
    assert!(q.contains("caseId=case-1") && q.contains("since=2026-05-01T00%3A00%3A00Z"), "{q}");
}

#[test]
fn list_needs_a_case_on_partner_and_a_valid_since() {
    let env = TestEnv::new();
    let mut p = Partner::start();
    p.stub.may_go_unused();
    let out = p.cmd(&env).args(["events", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--case"), "{}", text(&out.stderr));
    let out = p.cmd(&env).args(["events", "list", "--case", "c", "--since", "yesterday"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("ISO-8601"));
    assert!(p.stub.requests().is_empty());
}

#[test]
fn a_missing_case_hint_names_the_command_that_ran() {
    let env = TestEnv::new();
    let p = Partner::start();
    seed(&p);
    for command in ["list", "wait"] {
        let out = p.cmd(&env).args(["events", command]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(err.contains(&format!("hint: e.g. hookctl events {command} --case ")), "{err}");
    }
    // Something must reach the stub for its drop check.
    p.cmd(&env).args(["events", "list", "--case", "case-1"]).assert().success();
}

#[test]
fn get_shows_a_row_and_404_is_exit_4() {
    let env = TestEnv::new();
    let p = Partner::start();
    seed(&p);
    let out = p.cmd(&env).args(["events", "get", "evt_a"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("2026-05-01T10:00:00Z  delivered  case.assigned  evt_a"), "{stdout}");
    let out = p.cmd(&env).args(["--json", "events", "get", "evt_a"]).output().unwrap();
    assert_eq!(stdout_json(&out)["id"], "evt_a");
    let out = p.cmd(&env).args(["events", "get", "evt_zzz"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stderr).contains("Webhook event not found"), "{}", text(&out.stderr));
}

#[test]
fn wait_counts_only_rows_that_appear_after_it_starts() {
    let env = TestEnv::new();
    let p = Partner::start();
    seed(&p);
    p.schedule_rows("case-1", "case.assigned", 2, Duration::from_millis(900));
    let out = p
        .cmd(&env)
        .args(["--json", "events", "wait", "--case", "case-1", "--type", "case.assigned", "--count", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = stdout_json(&out);
    assert_eq!(doc["outcome"], "delivered");
    let ids: Vec<&str> = doc["rows"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(!ids.contains(&"evt_a"), "{ids:?}");
    assert_eq!(ids.len(), 2);
}

#[test]
fn type_patterns_match_like_listen_filter() {
    // Issue 9 defect 6: `--type '*.closed'` never matched while `listen --filter '*.closed'` did.
    let env = TestEnv::new();
    let p = Partner::start();
    seed(&p);
    p.schedule_rows("case-1", "case.closed", 1, Duration::from_millis(300));
    let out = p
        .cmd(&env)
        .args(["--json", "events", "wait", "--case", "case-1", "--type", "*.closed", "--timeout", "20s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(stdout_json(&out)["rows"][0]["row"]["eventType"], "case.closed");
    let out = p
        .cmd(&env)
        .args(["--json", "events", "list", "--case", "case-1", "--type", "*.created"])
        .output()
        .unwrap();
    let rows = stdout_json(&out);
    let types: Vec<&str> =
        rows.as_array().unwrap().iter().map(|r| r["eventType"].as_str().unwrap()).collect();
    assert_eq!(types, ["payment.created"]);
}

#[test]
fn wait_times_out_with_6_and_count_zero_is_usage() {
    let env = TestEnv::new();
    let p = Partner::start();
    seed(&p);
    let out =
        p.cmd(&env).args(["events", "wait", "--case", "case-1", "--timeout", "800ms"]).output().unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error: timed out after ") && first.ends_with("s: 0 of 1 event-log rows appeared"),
        "{err}"
    );
    assert!(err.contains("\nhint: "), "{err}");
    let out = p.cmd(&env).args(["events", "wait", "--case", "case-1", "--count", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn providers_without_an_event_log_are_a_usage_error() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("HOOKCTL_PROVIDER", "xpath")
        .env("HOOKCTL_BASE_URL", "http://127.0.0.1:9")
        .env("HOOKCTL_TOKEN", "t")
        .args(["events", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("partner") && stderr.contains("closient"), "{stderr}");
}

const ENDPOINT: &str = "aBcDeFgHiJkMnPqRsTuVwX";

fn closient() -> Stub {
    let router = Router::new()
        .route(
            "/integrations/api/v1/webhooks/deliveries/",
            get(|| async {
                Json(json!({"items": [
                    {"delivery_id": "d1", "event_type": "ping", "status": "failed", "http_status_code": 500},
                    {"delivery_id": "d2", "event_type": "ping", "status": "dead_letter", "http_status_code": 410},
                    {"delivery_id": "d3", "event_type": "order.paid", "status": "delivered", "http_status_code": 200}
                ], "count": 3}))
            }),
        )
        .route(
            "/integrations/api/v1/webhooks/deliveries/{id}/",
            get(|axum::extract::Path(id): axum::extract::Path<String>| async move {
                Json(json!({"delivery_id": id, "status": "delivered", "http_status_code": 200}))
            }),
        );
    Stub::start(router)
}

#[test]
fn closient_deliveries_list_failed_is_mid_retry() {
    let env = TestEnv::new();
    let stub = closient();
    let cmd = || {
        let mut c = env.cmd();
        c.env("HOOKCTL_PROVIDER", "closient").env("HOOKCTL_BASE_URL", stub.url("")).env("HOOKCTL_TOKEN", "k");
        c
    };
    let out = cmd().args(["events", "list", "--endpoint", ENDPOINT]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("pending") && lines[0].contains("status=failed"), "{stdout}");
    assert!(lines[1].starts_with("failed") && lines[1].contains("dead_letter"), "{stdout}");
    assert!(lines[2].starts_with("delivered"), "{stdout}");
    let req = &stub.requests()[0];
    assert_eq!(req.query.as_deref(), Some(format!("endpoint_id={ENDPOINT}").as_str()));
    assert_eq!(req.header("x-api-key"), Some("k"));

    // Ids are checked against the documented shortuuid pattern before any request.
    let before = stub.requests().len();
    let out = cmd().args(["events", "list", "--endpoint", "not-an-id"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("22 characters"), "{}", text(&out.stderr));
    let out = cmd().args(["events", "list", "--case", "c"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stub.requests().len(), before);

    let out = cmd().args(["--json", "events", "get", ENDPOINT]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(stdout_json(&out)["status"], Value::from("delivered"));
}

/// Bug: `events wait --timeout 1s` against a hanging event log ran for minutes: the snapshot
/// taken before the wait was bounded only by the client's own retries.
#[test]
fn wait_with_a_hanging_event_log_ends_at_the_timeout() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| s.hang_after = Some(0));
    let started = std::time::Instant::now();
    let out = p
        .cmd(&env)
        .args(["--json", "events", "wait", "--case", "case-1", "--timeout", "1s"])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert_eq!(stdout_json(&out)["error"]["kind"], "network");
}

/// `--timeout 0s` still reads the log once (the snapshot gets the one-poll grace) and ends
/// with 6, not with "did not answer".
#[test]
fn wait_with_a_zero_timeout_polls_once_and_exits_6() {
    let env = TestEnv::new();
    let p = Partner::start();
    let out = p.cmd(&env).args(["events", "wait", "--case", "case-1", "--timeout", "0s"]).output().unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
}
