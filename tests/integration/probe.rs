//! `hookctl probe URL`: the real binary against handlers written here (support/handler.rs) —
//! correct ones pass every check, each flawed one fails exactly the checks its flaw explains.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde_json::Value;

use crate::support::handler::{self, Family, Flaw};
use crate::support::{dead_port, stdout_json, xml, Stub, TestEnv};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const WRONG_SECRET: &str = "whsec_c2VjcmV0LW51bWJlci10d28tZm9yLXRlc3Rz";

fn probe(env: &TestEnv, url: &str, family: Family, extra: &[&str]) -> std::process::Output {
    env.cmd()
        .args(["probe", url, "--secret", SECRET, "--scheme", family.name()])
        .args(extra)
        .output()
        .unwrap()
}

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// The names of the checks with `verdict` in a `--json` report.
fn with_verdict(doc: &Value, verdict: &str) -> BTreeSet<String> {
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == verdict)
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_correct_handler_of_every_scheme_passes_every_check() {
    let env = TestEnv::new();
    for family in Family::ALL {
        let stub = handler::start(family, Flaw::None, SECRET);
        let out = probe(&env, &stub.url("/webhooks"), family, &["--json"]);
        assert_eq!(out.status.code(), Some(0), "{family:?}: {}", text(&out));
        let doc = stdout_json(&out);
        let checks = doc["checks"].as_array().unwrap();
        assert!(checks.len() >= 9, "{family:?}");
        assert_eq!(with_verdict(&doc, "pass").len(), checks.len(), "{family:?}: {doc}");
        assert_eq!(doc["ok"], true);
        assert_eq!(doc["scheme"], family.name());
        assert_eq!(doc["first_delivery_rejected"], Value::Null);
        // One request per check, all to the one URL, nothing else.
        let requests = stub.requests();
        assert_eq!(requests.len(), checks.len(), "{family:?}");
        assert_eq!(doc["requests_sent"], checks.len());
        assert!(requests.iter().all(|r| r.method == "POST" && r.path == "/webhooks"));
        assert!(!text(&out).contains("MfKQ9r8GKYqr"), "the secret is never printed");
    }
}

#[test]
fn each_flawed_handler_fails_exactly_the_checks_of_its_flaw() {
    let expired = "rejects-expired-timestamp";
    let future = "rejects-future-timestamp";
    let forged = ["rejects-wrong-secret", "rejects-tampered-body"];
    let cases: Vec<(Family, Flaw, Vec<&str>, i32)> = vec![
        (Family::Standard, Flaw::NoTimestampCheck, vec![expired, future], 8),
        (Family::Slack, Flaw::NoTimestampCheck, vec![expired, future], 8),
        // Stripe's libraries accept future timestamps: only the stale one is a failure.
        (Family::Stripe, Flaw::NoTimestampCheck, vec![expired], 8),
        (Family::Standard, Flaw::UnsignedAccepted, vec!["rejects-missing-signature"], 8),
        // A SHA-1 signature alone is a request without X-Hub-Signature-256: unsigned, to it.
        (
            Family::Github,
            Flaw::UnsignedAccepted,
            vec!["rejects-missing-signature", "rejects-sha1-signature-alone"],
            8,
        ),
        (Family::Standard, Flaw::ReserialisedBody, vec!["accepts-reformatted-json"], 7),
        (Family::Shopify, Flaw::ReserialisedBody, vec!["accepts-reformatted-json"], 7),
        (
            Family::Standard,
            Flaw::AnyWellFormedSignature,
            vec![forged[0], forged[1], "rejects-swapped-message-id", "rejects-swapped-timestamp"],
            8,
        ),
        (
            Family::Svix,
            Flaw::AnyWellFormedSignature,
            vec![forged[0], forged[1], "rejects-swapped-message-id", "rejects-swapped-timestamp"],
            8,
        ),
        (
            Family::Stripe,
            Flaw::AnyWellFormedSignature,
            vec![forged[0], forged[1], "rejects-swapped-timestamp"],
            8,
        ),
        (Family::Github, Flaw::AnyWellFormedSignature, forged.to_vec(), 8),
        (Family::Shopify, Flaw::AnyWellFormedSignature, forged.to_vec(), 8),
        (
            Family::Slack,
            Flaw::AnyWellFormedSignature,
            vec![forged[0], forged[1], "rejects-swapped-timestamp"],
            8,
        ),
    ];
    let env = TestEnv::new();
    for (family, flaw, failing, code) in cases {
        let stub = handler::start(family, flaw, SECRET);
        let out = probe(&env, &stub.url("/webhooks"), family, &["--json"]);
        assert_eq!(out.status.code(), Some(code), "{family:?} {flaw:?}: {}", text(&out));
        let doc = stdout_json(&out);
        assert_eq!(with_verdict(&doc, "fail"), set(&failing), "{family:?} {flaw:?}");
        assert!(with_verdict(&doc, "warning").is_empty(), "{family:?} {flaw:?}");
        // Each failure says what to change.
        for c in doc["checks"].as_array().unwrap().iter().filter(|c| c["verdict"] == "fail") {
            assert!(c["remediation"].as_str().is_some_and(|r| !r.is_empty()), "{c}");
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        for name in &failing {
            assert!(stderr.contains(name), "{family:?} {flaw:?}: {stderr}");
        }
    }
}

#[test]
fn an_accepted_replay_is_a_warning_and_a_failure_with_strict() {
    let env = TestEnv::new();
    let stub = handler::start(Family::Standard, Flaw::ReplayAccepted, SECRET);
    let url = stub.url("/webhooks");
    let out = probe(&env, &url, Family::Standard, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let doc = stdout_json(&out);
    assert_eq!(with_verdict(&doc, "warning"), set(&["rejects-replayed-delivery"]));
    assert!(with_verdict(&doc, "fail").is_empty());
    assert_eq!(doc["summary"]["warnings"], 1);

    // The replay is the first delivery again, byte for byte.
    let reqs = stub.requests();
    let replay = reqs.iter().skip(1).find(|r| r.body == reqs[0].body).expect("a replay");
    assert_eq!(replay.header("webhook-signature"), reqs[0].header("webhook-signature"));
    assert_eq!(replay.header("webhook-id"), reqs[0].header("webhook-id"));

    let out = probe(&env, &url, Family::Standard, &["--json", "--strict"]);
    assert_eq!(out.status.code(), Some(8), "{}", text(&out));
    let doc = stdout_json(&out);
    assert_eq!(with_verdict(&doc, "fail"), set(&["rejects-replayed-delivery"]));

    // People see the warning and its fix in the table.
    let out = probe(&env, &url, Family::Standard, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("rejects-replayed-delivery") && stdout.contains("warning"), "{stdout}");
    assert!(stdout.contains("fix: remember the ids of processed deliveries"), "{stdout}");
}

#[test]
fn a_rejected_first_delivery_is_reported_first_with_likely_causes() {
    let env = TestEnv::new();
    let stub = handler::start(Family::Github, Flaw::None, WRONG_SECRET);
    let out = probe(&env, &stub.url("/webhooks"), Family::Github, &[]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rejected =
        stdout.find("The correctly signed delivery was rejected (401 Unauthorized)").expect(&stdout);
    let table = stdout.find("CHECK").unwrap();
    assert!(rejected < table, "the explanation comes before the table:\n{stdout}");
    for cause in ["wrong secret", "wrong scheme", "wrong path"] {
        assert!(stdout[..table].contains(cause), "{cause}: {stdout}");
    }
    assert!(stdout[..table].contains("answer: invalid signature"), "{stdout}");
    // The other genuine requests fail for the same reason: their own advice would mislead.
    assert!(!stdout.contains("not re-serialised JSON"), "{stdout}");
    assert_eq!(
        stdout.matches("fix: get the correctly signed delivery accepted first").count(),
        2,
        "{stdout}"
    );
    assert!(stdout.contains("nothing to replay"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: the handler rejected") && stderr.contains("accepts-valid-signature"),
        "{stderr}"
    );

    // A wrong path: the 404 puts that cause first.
    let out = probe(&env, &stub.url("/nope"), Family::Github, &["--json"]);
    assert_eq!(out.status.code(), Some(7));
    let doc = stdout_json(&out);
    assert_eq!(doc["first_delivery_rejected"]["status"], 404);
    let first = doc["first_delivery_rejected"]["likely_causes"][0].as_str().unwrap();
    assert!(first.starts_with("wrong path: /nope"), "{first}");
}

#[test]
fn unreachable_handler_exits_5() {
    let env = TestEnv::new();
    let url = format!("http://127.0.0.1:{}/webhooks", dead_port());
    let out = probe(&env, &url, Family::Standard, &[]);
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: check 1 of 15 (accepts-valid-signature): POST http://127.0.0.1:"),
        "{stderr}"
    );
    assert!(stderr.contains("connection failed"), "{stderr}");

    // CI still gets a JUnit report that says why.
    let out = probe(&env, &url, Family::Standard, &["--junit", "probe.xml"]);
    assert_eq!(out.status.code(), Some(5));
    let root = xml::parse(&std::fs::read_to_string(env.path("probe.xml")).unwrap());
    let case = root.all("testcase")[0];
    assert_eq!(case.attr("name"), Some("handler-reachable"));
    let error = case.child("error").unwrap();
    assert!(error.attr("message").unwrap().contains("connection failed"), "{:?}", error.attrs);
    assert_eq!(root.child("testsuite").unwrap().attr("errors"), Some("1"));
}

#[test]
fn usage_errors_exit_2_and_send_nothing() {
    let env = TestEnv::new();
    let mut stub = handler::start(Family::Standard, Flaw::None, SECRET);
    stub.may_go_unused();
    let url = stub.url("/webhooks");
    for (args, needle) in [
        (vec!["probe", "ftp://x/", "--secret", SECRET], "only http and https"),
        (vec!["probe", &url, "--secret", SECRET, "--tolerance", "0s"], "--tolerance must be"),
        (vec!["probe", &url, "--secret", SECRET, "--tolerance", "1500ms"], "--tolerance must be"),
        (vec!["probe", &url, "--secret", SECRET, "--scheme", "md5"], "invalid value 'md5'"),
        (vec!["probe", &url, "--secret", SECRET, "-H", "Webhook-Signature: v1,x"], "signature headers"),
        (vec!["probe", &url, "--secret", SECRET, "-H", "Content-Length: 1"], "frames the request"),
        (vec!["probe", &url, "--secret", SECRET, "--junit", "no/such/dir/p.xml"], "cannot write --junit"),
        (vec!["probe", "--secret", SECRET], "required"),
        (vec!["probe", &url, "--secret", SECRET, "--dry-run", "--junit", "p.xml"], "cannot be used with"),
    ] {
        let out = env.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(text(&out).contains(needle), "{args:?}: {}", text(&out));
    }
    assert!(stub.requests().is_empty());
}

#[test]
fn junit_report_has_one_test_case_per_check_and_escapes_the_answer() {
    let env = TestEnv::new();
    // Accepts everything, and answers with markup and an escape sequence.
    let stub = Stub::start(
        Router::new()
            .route("/webhooks", post(|| async { (StatusCode::OK, "<ok attr=\"1\"> & ]]> \x1b[31m\u{1}") })),
    );
    let out = probe(&env, &stub.url("/webhooks"), Family::Stripe, &["--junit", "probe.xml", "--json"]);
    assert_eq!(out.status.code(), Some(8), "{}", text(&out));
    let doc = stdout_json(&out);
    let junit = std::fs::read_to_string(env.path("probe.xml")).unwrap();
    let root = xml::parse(&junit);
    assert_eq!(root.name, "testsuites");
    let suite = root.child("testsuite").unwrap();
    let cases = suite.all("testcase");
    let checks = doc["checks"].as_array().unwrap();
    assert_eq!(cases.len(), checks.len());
    assert_eq!(suite.attr("tests"), Some(checks.len().to_string().as_str()));
    let failed: BTreeSet<String> = cases
        .iter()
        .filter(|c| c.child("failure").is_some())
        .map(|c| c.attr("name").unwrap().to_string())
        .collect();
    assert_eq!(failed, with_verdict(&doc, "fail"));
    assert_eq!(suite.attr("failures"), Some(failed.len().to_string().as_str()));
    assert!(failed.contains("rejects-wrong-secret") && !failed.contains("accepts-valid-signature"));
    let wrong = cases.iter().find(|c| c.attr("name") == Some("rejects-wrong-secret")).unwrap();
    assert_eq!(wrong.attr("classname"), Some("hookctl.probe.stripe"));
    let failure = wrong.child("failure").unwrap();
    assert_eq!(failure.attr("message"), Some("a safe handler rejects this; it answered 200"));
    assert!(failure.text.contains("fix: compute the HMAC with your secret"), "{}", failure.text);
    // The answer arrives as text: markup escaped by XML, the escape sequence by hookctl.
    assert!(failure.text.contains("answer: <ok attr=\"1\"> & ]]> \\x1b[31m\\x01"), "{}", failure.text);
    // The replay warning is output on a passing case.
    let replay = cases.iter().find(|c| c.attr("name") == Some("rejects-replayed-delivery")).unwrap();
    assert!(replay.child("failure").is_none());
    assert!(replay.child("system-out").unwrap().text.starts_with("warning:"));
}

#[test]
fn dry_run_prints_curl_commands_and_sends_nothing() {
    let env = TestEnv::new();
    let mut stub = handler::start(Family::Standard, Flaw::None, SECRET);
    stub.may_go_unused();
    let url = stub.url("/webhooks");
    let out =
        probe(&env, &url, Family::Standard, &["--dry-run", "-H", "Authorization: Bearer app-token-123"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("curl -sS -i -X POST").count(), 15, "{stdout}");
    assert!(stdout.contains(&format!("'{url}'")), "{stdout}");
    assert!(stdout.contains("# rejects-missing-signature: no webhook-signature header"), "{stdout}");
    assert!(stdout.contains("-H 'webhook-signature: v1,"), "{stdout}");
    assert!(stdout.contains("--http1.1") && stdout.contains("-H 'Webhook-Signature: v1,"), "{stdout}");
    assert!(stdout.contains("-H 'Authorization: ***'"), "{stdout}");
    let all = text(&out);
    assert!(!all.contains("MfKQ9r8GKYqr") && !all.contains("app-token-123"), "{all}");
    assert!(stub.requests().is_empty(), "a dry run sends nothing");

    let out = probe(&env, &url, Family::Github, &["--dry-run", "--json"]);
    let doc = stdout_json(&out);
    assert_eq!(doc["dry_run"], true);
    let requests = doc["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 11);
    assert!(requests.iter().all(|r| r["curl"].as_str().unwrap().starts_with("curl ")));
    assert!(stub.requests().is_empty());
}

#[test]
fn redirects_are_not_followed_and_count_as_rejections() {
    let env = TestEnv::new();
    let mut target = handler::start(Family::Standard, Flaw::None, SECRET);
    target.may_go_unused();
    let to = target.url("/webhooks");
    let stub = Stub::start(Router::new().route(
        "/webhooks",
        post(move || {
            let to = to.clone();
            async move { (StatusCode::TEMPORARY_REDIRECT, [("location", to)], "") }
        }),
    ));
    let out = probe(&env, &stub.url("/webhooks"), Family::Standard, &[]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("it redirects (to http://127.0.0.1:"), "{stdout}");
    assert!(target.requests().is_empty(), "the redirect was not followed");
}

#[test]
fn handler_answers_are_sanitised_in_the_report() {
    let env = TestEnv::new();
    let stub = Stub::start(
        Router::new()
            .route("/webhooks", post(|| async { (StatusCode::FORBIDDEN, "no \x1b]0;pwned\x07 way") })),
    );
    let out = probe(&env, &stub.url("/webhooks"), Family::Slack, &[]);
    assert_eq!(out.status.code(), Some(7));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains('\x1b') && !stdout.contains('\x07'), "{stdout:?}");
    assert!(stdout.contains("answer: no \\x1b]0;pwned\\x07 way"), "{stdout}");
}

/// The probe never calls a correct handler wrong, checked with the real `hookctl verify`: every
/// request a safe handler must reject is invalid (8), every one it must accept is valid (0).
#[test]
fn every_dry_run_request_gets_the_expected_verdict_from_hookctl_verify() {
    let env = TestEnv::new();
    let url = format!("http://127.0.0.1:{}/webhooks", dead_port());
    for family in Family::ALL {
        let out = probe(&env, &url, family, &["--dry-run", "--json"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let doc = stdout_json(&out);
        for r in doc["requests"].as_array().unwrap() {
            let name = r["check"].as_str().unwrap();
            let mut cmd = env.cmd();
            cmd.args([
                "verify",
                "--scheme",
                family.name(),
                "--secret",
                SECRET,
                "--data",
                r["body"].as_str().unwrap(),
            ]);
            for h in r["headers"].as_array().unwrap() {
                cmd.args(["-H", &format!("{}: {}", h[0].as_str().unwrap(), h[1].as_str().unwrap())]);
            }
            let code = cmd.output().unwrap().status.code();
            // The replay is a valid request: only the handler's memory can refuse it.
            let valid = name.starts_with("accepts-") || name == "rejects-replayed-delivery";
            assert_eq!(code, Some(if valid { 0 } else { 8 }), "{family:?} {name}");
        }
    }
}
