//! `--match EXPR` and near misses: `events wait` and `fire --wait` against the partner stub's
//! event log, `replay --from` against a local target.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use axum::routing::any;
use axum::Router;
use serde_json::{json, Value};

use crate::support::partner::Partner;
use crate::support::{stdout_json, Stub, TestEnv};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

/// Delivered partner rows for case-1, `(id, type, data)`, added to the log once the wait has
/// taken its snapshot (its first GET), so they are new to it whatever the machine's load.
fn rows_after_snapshot(p: &Partner, rows: Vec<(&'static str, &'static str, Value)>) {
    let state = p.state.clone();
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(20);
        while state.lock().unwrap().log_gets == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        let mut s = state.lock().unwrap();
        // Visible a moment later: the snapshot's answer is read after its count went up.
        let at = Instant::now() + Duration::from_millis(100);
        for (id, event, data) in rows {
            let row = json!({"id": id, "caseId": "case-1", "eventType": event, "status": "delivered",
                "httpStatus": 200, "createdAt": "2026-05-01T12:00:00Z", "data": data});
            s.rows.push((at, row));
        }
    });
}

fn reasons(doc: &Value) -> Vec<(String, u64)> {
    doc["near_misses"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|m| (m["reason"].as_str().unwrap().to_string(), m["count"].as_u64().unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn events_wait_counts_only_rows_whose_content_matches_every_match() {
    let env = TestEnv::new();
    let p = Partner::start();
    rows_after_snapshot(
        &p,
        vec![
            ("evt_wrong", "payment.created", json!({"amount": 50, "currency": "EUR"})),
            ("evt_usd", "payment.created", json!({"amount": 100, "currency": "USD"})),
            ("evt_right", "payment.created", json!({"amount": 100, "currency": "EUR"})),
        ],
    );
    let out = p
        .cmd(&env)
        .args(["--json", "events", "wait", "--case", "case-1", "--type", "payment.created"])
        .args(["--match", "data.amount=100", "--match", "data.currency~^EU", "--match", "data.refund!=true"])
        .args(["--timeout", "20s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = stdout_json(&out);
    assert_eq!(doc["outcome"], "delivered");
    let ids: Vec<&str> = doc["rows"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["evt_right"]);
}

#[test]
fn events_wait_timeout_lists_the_near_misses_grouped_in_stderr_and_json() {
    let env = TestEnv::new();
    let p = Partner::start();
    rows_after_snapshot(
        &p,
        vec![
            ("evt_1", "payment.created", json!({"caseRef": "case_other"})),
            ("evt_2", "payment.created", json!({"caseRef": "case_other"})),
            ("evt_3", "case.closed", json!({"caseRef": "case_1"})),
            ("evt_4", "payment.created", json!({})),
        ],
    );
    let out = p
        .cmd(&env)
        .args(["--json", "events", "wait", "--case", "case-1", "--type", "payment.created"])
        .args(["--match", "data.caseRef=case_1", "--timeout", "1500ms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    let doc = stdout_json(&out);
    assert_eq!(doc["outcome"], "timed_out");
    assert_eq!(
        reasons(&doc),
        [
            ("data.caseRef was \"case_other\" (wanted \"case_1\")".to_string(), 2),
            ("type was \"case.closed\" (wanted \"payment.created\")".to_string(), 1),
            ("data.caseRef was missing (wanted \"case_1\")".to_string(), 1),
        ]
    );
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "near misses: 4 arrived, 0 counted: 2 data.caseRef was \"case_other\" (wanted \"case_1\"); \
             1 type was \"case.closed\" (wanted \"payment.created\"); 1 data.caseRef was missing (wanted \"case_1\")"
        ),
        "{err}"
    );
}

#[test]
fn a_malformed_match_is_a_usage_error_naming_the_problem() {
    let env = TestEnv::new();
    for (expr, says) in [
        ("data..caseId=x", "empty segment"),
        ("=x", "the path is empty"),
        ("data.id~([", "regular expression is invalid"),
        ("header.=x", "not a header name"),
    ] {
        let out = env
            .cmd()
            .args(["events", "wait", "--case", "c", "--match", expr])
            .env("HOOKCTL_PROVIDER", "partner")
            .env("HOOKCTL_BASE_URL", "http://127.0.0.1:9/")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{expr}");
        let err = text(&out.stderr);
        assert!(err.starts_with("error: ") && err.contains("--match") && err.contains(says), "{expr}: {err}");
    }
}

#[test]
fn fire_wait_timeout_names_the_rows_of_other_types_that_arrived() {
    let env = TestEnv::new();
    let p = Partner::start();
    p.with(|s| s.rows_per_fire = 0);
    p.schedule_rows("case-1", "case.updated", 1, Duration::from_millis(300));
    let out = p
        .cmd(&env)
        .args(["--json", "fire", "case.assigned", "--case", "case-1", "--wait", "--timeout", "1500ms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    assert_eq!(
        reasons(&stdout_json(&out)),
        [("type was \"case.updated\" (wanted \"case.assigned\")".to_string(), 1)]
    );
    assert!(
        text(&out.stderr).contains("near misses: 1 arrived, 0 counted: 1 type was"),
        "{}",
        text(&out.stderr)
    );
}

/// A capture line as `listen --capture` writes it (unsigned; the target does not check).
fn record(id: &str, body: &Value, header: (&str, &str)) -> Value {
    json!({
        "id": id, "received_at": "2026-11-23T08:00:00Z", "method": "POST", "path": "/hooks",
        "headers": [["content-type", "application/json"], [header.0, header.1]],
        "body": body.to_string(), "verdict": "unverified", "status": 200
    })
}

#[test]
fn replay_from_selects_the_records_that_match() {
    let app = Stub::start(Router::new().fallback(any(|| async { StatusCode::NO_CONTENT })));
    let env = TestEnv::new();
    let records = [
        record(
            "req_1",
            &json!({"type": "case.closed", "data": {"caseId": "case_1", "items": [{"id": "a"}]}}),
            ("x-tenant", "t1"),
        ),
        record(
            "req_2",
            &json!({"type": "case.closed", "data": {"caseId": "case_2", "items": [{"id": "a"}]}}),
            ("x-tenant", "t1"),
        ),
        record(
            "req_3",
            &json!({"type": "case.updated", "data": {"caseId": "case_1", "items": []}}),
            ("x-tenant", "t2"),
        ),
        record(
            "req_4",
            &json!({"type": "case.closed", "data": {"caseId": "case_1", "items": [{"id": "b"}]}}),
            ("x-tenant", "t1"),
        ),
    ];
    let text_lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    let cap = env.write("cap.jsonl", text_lines);
    let cap = cap.to_str().unwrap();
    // --match alone replays every matching record, in capture order.
    let out = env
        .cmd()
        .args(["--json", "replay", "--from", cap, "--to", &app.url("/app")])
        .args([
            "--match",
            "data.caseId=case_1",
            "--match",
            "header.X-Tenant=t1",
            "--match",
            "data.items.0.id",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ids: Vec<String> = stdout_json(&out)["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["req_1", "req_4"]);
    assert_eq!(app.requests().len(), 2);
    // With --last, the selection is among the matching records.
    let out = env
        .cmd()
        .args(["--json", "replay", "--from", cap, "--to", &app.url("/app"), "--last", "1"])
        .args(["--match", "type!=case.updated", "--match", "data.caseId~_1$"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(stdout_json(&out)["results"][0]["id"], "req_4");
    // Nothing matches: a usage error that says why each record did not.
    let out = env
        .cmd()
        .args(["replay", "--from", cap, "--to", &app.url("/app"), "--match", "data.caseId=case_9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("error: no record in "), "{err}");
    assert!(
        err.contains("3 data.caseId was \"case_1\" (wanted \"case_9\"); 1 data.caseId was \"case_2\""),
        "{err}"
    );
    assert_eq!(app.requests().len(), 3, "nothing more was sent");
}

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// A Standard Webhooks request signed with [`SECRET`] (or signed `age` seconds ago).
fn signed_post(port: u16, id: &str, body: &Value, age: i64) -> u16 {
    use crate::support::listen::{as_refs, post, signed_headers, unix_now};
    let body = body.to_string();
    let headers = signed_headers(SECRET, id, unix_now() - age, body.as_bytes());
    post(port, "/", &as_refs(&headers), body.as_bytes()).status
}

#[test]
fn listen_expect_counts_only_deliveries_whose_content_matches() {
    use crate::support::listen::Listener;
    let env = TestEnv::new();
    let l = Listener::start(
        &env,
        &["--json", "--secret", SECRET, "--expect", "1", "--timeout", "30s"]
            .into_iter()
            .chain(["--match", "data.caseId=case_1", "--match", "header.webhook-id~^msg_"])
            .collect::<Vec<_>>(),
    );
    // Valid and acknowledged, but not the case asked for: it must not end the run.
    assert_eq!(
        signed_post(l.port, "msg_other", &json!({"type": "case.closed", "data": {"caseId": "case_2"}}), 0),
        200
    );
    // The right content under an id the header match refuses.
    assert_eq!(
        signed_post(l.port, "evt_1", &json!({"type": "case.closed", "data": {"caseId": "case_1"}}), 0),
        200
    );
    assert_eq!(
        signed_post(l.port, "msg_right", &json!({"type": "case.closed", "data": {"caseId": "case_1"}}), 0),
        200
    );
    let done = l.wait();
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let summary = done.json_lines().into_iter().find(|v| v["type"] == "summary").expect("summary line");
    assert_eq!(summary["data"]["counted"], 1);
    assert_eq!(summary["data"]["received"], 3);
}

#[test]
fn listen_expect_timeout_lists_what_arrived_and_why_it_did_not_count() {
    use crate::support::listen::{post, Listener};
    let env = TestEnv::new();
    let args = ["--json", "--secret", SECRET, "--expect", "2", "--allow-invalid", "--timeout", "3s"];
    let l = Listener::start(
        &env,
        &args
            .into_iter()
            .chain(["--type", "case.*", "--match", "data.caseId=case_1", "--path", "/hooks"])
            .collect::<Vec<_>>(),
    );
    let wrong_case = json!({"type": "case.closed", "data": {"caseId": "case_other"}});
    let right = json!({"type": "case.closed", "data": {"caseId": "case_1"}});
    let post_to = |path: &str, id: &str, body: &Value, age: i64| {
        use crate::support::listen::{as_refs, signed_headers, unix_now};
        let body = body.to_string();
        let headers = signed_headers(SECRET, id, unix_now() - age, body.as_bytes());
        post(l.port, path, &as_refs(&headers), body.as_bytes()).status
    };
    assert_eq!(post_to("/hooks", "msg_1", &wrong_case, 0), 200);
    assert_eq!(post_to("/hooks", "msg_2", &wrong_case, 0), 200);
    // Signed 412 s ago: outside the 5-minute tolerance.
    assert_eq!(post_to("/hooks", "msg_3", &right, 412), 401);
    assert_eq!(
        post_to("/hooks", "msg_4", &json!({"type": "payment.made", "data": {"caseId": "case_1"}}), 0),
        200
    );
    assert_eq!(post_to("/elsewhere", "msg_5", &right, 0), 404);
    assert_eq!(post_to("/hooks", "msg_6", &right, 0), 200);
    assert_eq!(post_to("/hooks", "msg_6", &right, 0), 200, "a retry is acknowledged");
    let done = l.wait();
    assert_eq!(done.code, Some(6), "{}", done.stderr);
    // stderr: grouped, on one detail line, counted and arrived both said.
    let near =
        done.stderr.lines().find(|l| l.contains("near misses:")).unwrap_or_else(|| panic!("{}", done.stderr));
    assert!(near.contains("7 arrived, 1 counted"), "{near}");
    assert!(near.contains("2 data.caseId was \"case_other\" (wanted \"case_1\")"), "{near}");
    assert!(near.contains("1 invalid signature ("), "{near}");
    assert!(near.contains("1 type was \"payment.made\" (wanted \"case.*\")"), "{near}");
    // At most four groups are listed; the fifth is summed.
    assert!(near.contains("1 more for 1 other reasons"), "{near}");
    // Something arrived, so the hint is not "check the URL".
    assert!(done.stderr.contains("hint: requests arrived but did not count"), "{}", done.stderr);
    // The JSON summary: every group, with its count.
    let summary = done.json_lines().into_iter().find(|v| v["type"] == "summary").expect("summary line");
    let got = reasons(&summary["data"]);
    assert_eq!(got.iter().map(|(_, n)| n).sum::<u64>(), 6, "{got:?}");
    assert!(got.iter().any(|(r, n)| r.starts_with("answered 404") && *n == 1), "{got:?}");
    assert!(
        got.iter().any(|(r, n)| r.starts_with("retry of a delivery already counted") && *n == 1),
        "{got:?}"
    );
    let invalid = got.iter().find(|(r, _)| r.starts_with("invalid signature")).unwrap();
    assert!(invalid.0.contains("41"), "the reason says how old the timestamp was: {invalid:?}");
}

#[test]
fn listen_match_needs_expect_and_a_well_formed_expression() {
    let env = TestEnv::new();
    let out = env.cmd().args(["listen", "--port", "0", "--match", "data.x=1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--expect"), "{}", text(&out.stderr));
    let out =
        env.cmd().args(["listen", "--port", "0", "--expect", "1", "--match", "data..x=1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("empty segment"), "{}", text(&out.stderr));
}
