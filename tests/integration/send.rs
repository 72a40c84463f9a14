//! `hookctl send URL`: signs and POSTs to a real local stub, which records what it got.

use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use hookctl::secret::Secret;
use hookctl::sign::{self, Scheme, Verdict, VerifyOptions};

use crate::support::{dead_port, stdout_json, Stub, TestEnv};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn stub(status: u16, body: &'static str) -> Stub {
    Stub::start(
        Router::new()
            .route("/hook", post(move || async move { (StatusCode::from_u16(status).unwrap(), body) })),
    )
}

fn out_text(out: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn posts_a_signed_sample_that_verifies() {
    let env = TestEnv::new();
    let stub = stub(200, "thanks");
    let out = env
        .cmd()
        .args(["send", &stub.url("/hook"), "--secret", SECRET, "--event", "case.assigned"])
        .output()
        .unwrap();
    let (stdout, stderr) = out_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("HTTP 200 OK") && stdout.contains("thanks"), "{stdout}");
    assert!(!format!("{stdout}{stderr}").contains("MfKQ9r8GKYqr"));

    let reqs = stub.requests();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert!(r.header("user-agent").unwrap().starts_with("hookctl/"));
    let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(body["eventType"], "case.assigned");
    assert_eq!(body["eventId"], r.header("webhook-id").unwrap());
    let now: i64 = r.header("webhook-timestamp").unwrap().parse().unwrap();
    let v = sign::verify(None, &[Secret::new(SECRET)], &r.headers, &r.body, VerifyOptions::new(now));
    assert_eq!(v, Verdict::Valid { scheme: Scheme::Standard, secret_index: 0 });
}

#[test]
fn every_scheme_sends_what_the_library_verifies() {
    let env = TestEnv::new();
    let stub = stub(204, "");
    for scheme in ["standard", "svix", "stripe", "github", "shopify", "slack"] {
        env.cmd()
            .args([
                "send",
                &stub.url("/hook"),
                "--scheme",
                scheme,
                "--event",
                "cases.created",
                "--at",
                "1700000000",
            ])
            .env("HOOKCTL_SECRET", SECRET)
            .assert()
            .code(0);
    }
    let reqs = stub.requests();
    assert_eq!(reqs.len(), 6);
    for (r, scheme) in reqs.iter().zip(Scheme::ALL) {
        let v =
            sign::verify(None, &[Secret::new(SECRET)], &r.headers, &r.body, VerifyOptions::new(1700000000));
        assert_eq!(v, Verdict::Valid { scheme, secret_index: 0 }, "{:?}", r.headers);
    }
}

#[test]
fn non_2xx_exits_7_and_shows_the_answer() {
    let env = TestEnv::new();
    let stub = stub(500, "handler exploded \x1b[31mred\x1b[0m");
    let out = env.cmd().args(["send", &stub.url("/hook"), "--secret", SECRET]).output().unwrap();
    let (stdout, stderr) = out_text(&out);
    assert_eq!(out.status.code(), Some(7));
    assert!(stdout.contains("HTTP 500 Internal Server Error"), "{stdout}");
    assert!(stdout.contains("handler exploded \\x1b[31mred"), "escape codes are escaped: {stdout:?}");
    assert!(!stdout.contains('\x1b'));
    assert!(stderr.contains("error: the handler answered 500"), "{stderr}");
}

#[test]
fn redirects_are_not_followed() {
    let env = TestEnv::new();
    let stub = Stub::start(
        Router::new()
            .route("/hook", post(|| async { (StatusCode::FOUND, [("location", "/elsewhere")], "") })),
    );
    env.cmd().args(["send", &stub.url("/hook"), "--secret", SECRET]).assert().code(7);
    assert_eq!(stub.requests().len(), 1);
}

#[test]
fn unreachable_handler_exits_5() {
    let env = TestEnv::new();
    let url = format!("http://127.0.0.1:{}/hook", dead_port());
    let out = env.cmd().args(["send", &url, "--secret", SECRET]).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    let (_, stderr) = out_text(&out);
    assert!(
        stderr.starts_with("error: POST http://127.0.0.1:") && stderr.contains("connection failed"),
        "{stderr}"
    );
}

#[test]
fn data_argument_forms_and_errors() {
    let env = TestEnv::new();
    let stub = stub(200, "ok");
    let url = stub.url("/hook");
    // Inline JSON is sent byte for byte.
    env.cmd().args(["send", &url, "--secret", SECRET, "--data", "{ \"a\" : 1 }"]).assert().code(0);
    // @file.
    env.write("event.json", "[1, 2,\n 3]");
    env.cmd().args(["send", &url, "--secret", SECRET, "--data", "@event.json"]).assert().code(0);
    // stdin.
    env.cmd()
        .args(["send", &url, "--secret", SECRET, "--data", "-"])
        .write_stdin("{\"s\":true}")
        .assert()
        .code(0);
    let bodies: Vec<Vec<u8>> = stub.requests().into_iter().map(|r| r.body).collect();
    assert_eq!(bodies, [b"{ \"a\" : 1 }".to_vec(), b"[1, 2,\n 3]".to_vec(), b"{\"s\":true}".to_vec()]);

    // Invalid JSON: usage error with the position, nothing sent.
    let out = env.cmd().args(["send", &url, "--secret", SECRET, "--data", "{\"a\": }"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out_text(&out).1.contains("line 1 column 7"), "{}", out_text(&out).1);
    let out = env.cmd().args(["send", &url, "--data", "@missing.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(env.cmd().args(["send", "not a url"]).output().unwrap().status.code(), Some(2));
    assert_eq!(env.cmd().args(["send", &url, "--header", "bad"]).output().unwrap().status.code(), Some(2));
    assert_eq!(stub.requests().len(), 3);
}

/// A form-encoded body (Slack slash commands, say) is sent and signed byte for byte once its
/// Content-Type says it is not JSON.
#[test]
fn a_non_json_body_is_sent_when_its_content_type_says_so() {
    let env = TestEnv::new();
    let stub = stub(200, "ok");
    let form = "token=x&text=hello%20world&user_name=ana";
    let out = env
        .cmd()
        .args([
            "send",
            &stub.url("/hook"),
            "--scheme",
            "slack",
            "--secret",
            "8f742231b10e8888abcd99yyyzzz85a5",
        ])
        .args(["--data", form, "-H", "Content-Type: application/x-www-form-urlencoded"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", out_text(&out).1);
    let r = &stub.requests()[0];
    assert_eq!(r.body, form.as_bytes());
    assert_eq!(r.header("content-type"), Some("application/x-www-form-urlencoded"));
    let now: i64 = r.header("x-slack-request-timestamp").unwrap().parse().unwrap();
    let v = sign::verify(
        None,
        &[Secret::new("8f742231b10e8888abcd99yyyzzz85a5")],
        &r.headers,
        &r.body,
        VerifyOptions::new(now),
    );
    assert_eq!(v, Verdict::Valid { scheme: Scheme::Slack, secret_index: 0 });
    // A JSON content type keeps the check.
    let out = env
        .cmd()
        .args(["send", &stub.url("/hook"), "--data", form, "-H", "Content-Type: application/json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unknown_event_sends_a_generic_body_with_a_warning() {
    let env = TestEnv::new();
    let stub = stub(200, "ok");
    let out = env
        .cmd()
        .args(["send", &stub.url("/hook"), "--secret", SECRET, "--event", "order.shipped"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out_text(&out).1.contains("warning: no sample for event 'order.shipped'"));
    let body: serde_json::Value = serde_json::from_slice(&stub.requests()[0].body).unwrap();
    assert_eq!(body, serde_json::json!({"type": "order.shipped", "data": {}}));
}

#[test]
fn without_a_secret_it_sends_unsigned_with_a_warning() {
    let env = TestEnv::new();
    let stub = stub(200, "ok");
    let out = env.cmd().args(["send", &stub.url("/hook"), "--event", "person.created"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out_text(&out).1.contains("warning: no signing secret"));
    let r = &stub.requests()[0];
    assert!(r.header("webhook-signature").is_none());
    let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(body["event_name"], "person.created");
}

#[test]
fn json_output_and_extra_headers() {
    let env = TestEnv::new();
    let stub = stub(202, "{\"queued\":true}");
    let out = env
        .cmd()
        .args([
            "send",
            &stub.url("/hook"),
            "--json",
            "--secret",
            SECRET,
            "--event",
            "ping",
            "--id",
            "msg_fixed",
        ])
        .args(["--header", "X-Test-Run: 42"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    assert_eq!(v["status"], 202);
    assert_eq!(v["ok"], true);
    assert_eq!(v["id"], "msg_fixed");
    assert_eq!(v["event"], "ping");
    assert_eq!(v["scheme"], "standard");
    assert_eq!(v["response_body"], "{\"queued\":true}");
    let r = &stub.requests()[0];
    assert_eq!(r.header("x-test-run"), Some("42"));
    assert_eq!(r.header("webhook-id"), Some("msg_fixed"));
}

#[test]
fn url_password_is_never_printed() {
    let env = TestEnv::new();
    let stub = stub(200, "ok");
    let url = stub.url("/hook").replace("http://", "http://user:hunter2pass@");
    let out = env.cmd().args(["send", &url, "--json", "-v", "--secret", SECRET]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let (stdout, stderr) = out_text(&out);
    assert!(!format!("{stdout}{stderr}").contains("hunter2pass"), "{stdout}{stderr}");
    assert!(stdout_json(&out)["url"].as_str().unwrap().contains("user:***@"));
    let dead = format!("http://user:hunter2pass@127.0.0.1:{}/", dead_port());
    let out = env.cmd().args(["send", &dead]).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(!out_text(&out).1.contains("hunter2pass"));
}

#[test]
fn huge_answers_are_cut_not_buffered_whole() {
    let env = TestEnv::new();
    let big: &'static str = Box::leak("x".repeat(3 << 20).into_boxed_str());
    let stub = stub(200, big);
    let out = env.cmd().args(["send", &stub.url("/hook"), "--secret", SECRET]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let (stdout, _) = out_text(&out);
    assert!(stdout.len() < 10_000, "shown part is short: {}", stdout.len());
    assert!(stdout.contains("more bytes not shown"), "{}", &stdout[stdout.len() - 100..]);
}

#[test]
fn shopify_requests_carry_the_headers_shopify_api_requires() {
    let env = TestEnv::new();
    let stub = stub(200, "ok");
    env.cmd()
        .args([
            "send",
            &stub.url("/hook"),
            "--scheme",
            "shopify",
            "--secret",
            "shpss_x",
            "--event",
            "orders/create",
        ])
        .assert()
        .code(0);
    let r = &stub.requests()[0];
    for h in [
        "X-Shopify-Hmac-Sha256",
        "X-Shopify-Topic",
        "X-Shopify-Webhook-Id",
        "X-Shopify-Api-Version",
        "X-Shopify-Shop-Domain",
    ] {
        assert!(r.header(h).is_some_and(|v| !v.is_empty()), "{h} missing: {:?}", r.headers);
    }
    assert_eq!(r.header("X-Shopify-Topic"), Some("orders/create"));
}

/// Bug: `send -H 'Content-Length: 1'` sent that header with the whole body, so the handler
/// read one byte (a garbled request). Framing headers are refused before anything is sent.
#[test]
fn framing_headers_cannot_be_overridden() {
    let env = TestEnv::new();
    let mut s = stub(200, "ok");
    s.may_go_unused();
    for h in ["Content-Length: 1", "transfer-encoding: chunked", "Connection: close"] {
        let out = env
            .cmd()
            .args(["send", &s.url("/hook"), "--secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "-H", h])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{h}");
        assert!(out_text(&out).1.starts_with("error: --header"), "{h}: {}", out_text(&out).1);
    }
    assert!(s.requests().is_empty());
}
