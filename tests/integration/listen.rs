//! `hookctl listen`: the real binary on port 0, driven by a raw HTTP client, signatures computed
//! both inline (independent HMAC) and by the library signer.

use std::time::Duration;

use axum::http::StatusCode;
use axum::routing::any;
use axum::Router;
use serde_json::Value;

use crate::support::listen::*;
use crate::support::{dead_port, Stub, TestEnv};

fn body(event: &str) -> Vec<u8> {
    format!(r#"{{"type":"{event}","data":{{"caseId":"c_1","amount":12.5}}}}"#).into_bytes()
}

#[test]
fn ready_line_then_one_json_line_per_request_when_piped() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &[]);
    let a = post(l.port, "/hooks?x=1", &[("content-type", "application/json")], &body("case.updated"));
    assert_eq!(a.status, 200, "{}", a.text());
    let ack: Value = serde_json::from_slice(&a.body).unwrap();
    assert_eq!(ack["ok"], true);
    let out = l.stop();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lines = out.json_lines();
    assert_eq!(lines[0]["type"], "ready");
    assert_eq!(lines[0]["url"].as_str().unwrap(), format!("http://127.0.0.1:{}/", lines[0]["port"]));
    let reqs = out.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0]["verdict"], "unverified");
    assert_eq!(reqs[0]["event_type"], "case.updated");
    assert_eq!(reqs[0]["path"], "/hooks");
    assert_eq!(reqs[0]["query"], "x=1");
    assert_eq!(reqs[0]["body"]["data"]["amount"], 12.5);
    assert_eq!(reqs[0]["id"], ack["id"]);
    assert!(out.stderr.contains("unverified"), "{}", out.stderr);
}

#[test]
fn inline_hmac_valid_and_bad_signatures_get_200_and_401() {
    let env = TestEnv::new();
    // Two secrets: rotation, the second one signs.
    let l = Listener::start(&env, &["--secret", OTHER_SECRET, "--secret", SECRET]);
    let b = body("payment.created");
    let now = unix_now();
    let ok = post(l.port, "/", &as_refs(&signed_headers(SECRET, "msg_1", now, &b)), &b);
    assert_eq!(ok.status, 200, "{}", ok.text());

    let mut tampered = b.clone();
    tampered[5] ^= 1;
    let bad_body = post(l.port, "/", &as_refs(&signed_headers(SECRET, "msg_2", now, &b)), &tampered);
    assert_eq!(bad_body.status, 401);
    let reason = bad_body.text();
    assert!(reason.starts_with("invalid signature"), "{reason}");
    assert_eq!(reason.trim_end().lines().count(), 1, "one-line reason: {reason:?}");

    let wrong = "whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==";
    let wrong_secret = post(l.port, "/", &as_refs(&signed_headers(wrong, "msg_3", now, &b)), &b);
    assert_eq!(wrong_secret.status, 401);

    let stale = post(l.port, "/", &as_refs(&signed_headers(SECRET, "msg_4", now - 600, &b)), &b);
    assert_eq!(stale.status, 401, "a 10-minute-old timestamp is outside the tolerance");

    let unsigned = post(l.port, "/", &[("content-type", "application/json")], &b);
    assert_eq!(unsigned.status, 401);

    let out = l.stop();
    assert_eq!(out.code, Some(0));
    let v: Vec<String> = out.requests().iter().map(|r| r["verdict"].as_str().unwrap().to_string()).collect();
    assert_eq!(v, ["valid", "invalid", "invalid", "invalid", "invalid"]);
    assert_eq!(out.requests()[0]["scheme"], "standard");
    // Rotation: the second configured secret matched.
    assert_eq!(out.requests()[0]["secret"], 2);
    // Secrets never reach the output.
    assert!(!out.stdout.contains("MfKQ9r8G") && !out.stderr.contains("MfKQ9r8G"));
}

#[test]
fn library_signer_requests_verify_for_every_hmac_scheme() {
    use hookctl::secret::Secret;
    use hookctl::sign::{self, Scheme};
    let env = TestEnv::new();
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let l = Listener::start(&env, &["--secret", secret]);
    let b = body("case.closed");
    for scheme in
        [Scheme::Standard, Scheme::Svix, Scheme::Stripe, Scheme::Github, Scheme::Shopify, Scheme::Slack]
    {
        let headers =
            sign::sign(scheme, &Secret::new(secret), &sign::new_message_id(), unix_now(), &b).unwrap();
        let a = post(l.port, "/", &as_refs(&headers), &b);
        assert_eq!(a.status, 200, "{}: {}", scheme.name(), a.text());
    }
    let out = l.stop();
    let schemes: Vec<String> =
        out.requests().iter().map(|r| r["scheme"].as_str().unwrap().to_string()).collect();
    assert_eq!(schemes, ["standard", "svix", "stripe", "github", "shopify", "slack"]);
}

#[test]
fn capture_keeps_headers_in_order_binary_bodies_and_the_answered_status() {
    let env = TestEnv::new();
    let cap = env.path("hooks.jsonl");
    let l = Listener::start(&env, &["--secret", SECRET, "--capture", cap.to_str().unwrap()]);
    let b = body("case.assigned");
    let mut h = signed_headers(SECRET, "msg_cap", unix_now(), &b);
    h.push(("x-multi".into(), "one".into()));
    h.push(("x-multi".into(), "two".into()));
    assert_eq!(post(l.port, "/in?q=1&r=2", &as_refs(&h), &b).status, 200);
    let binary: Vec<u8> = (0..=255u8).rev().collect();
    let hb = signed_headers(SECRET, "msg_bin", unix_now(), &binary);
    assert_eq!(post(l.port, "/bin", &as_refs(&hb), &binary).status, 200);
    assert_eq!(post(l.port, "/bad", &[("webhook-id", "x")], b"{}").status, 401);
    let out = l.stop();
    assert_eq!(out.code, Some(0));
    let recs = read_capture(&cap);
    assert_eq!(recs.len(), 3);
    let r = &recs[0];
    for key in
        ["id", "received_at", "method", "path", "query", "headers", "verdict", "scheme", "reason", "status"]
    {
        assert!(r.get(key).is_some(), "missing {key}: {r}");
    }
    // `duplicate` is always written, false too.
    for rec in &recs {
        assert_eq!(rec["duplicate"], false, "{rec}");
    }
    assert_eq!(r["method"], "POST");
    assert_eq!(r["path"], "/in");
    assert_eq!(r["query"], "q=1&r=2");
    assert_eq!(r["body"].as_str().unwrap().as_bytes(), &b[..]);
    assert_eq!((r["verdict"].as_str(), r["status"].as_u64()), (Some("valid"), Some(200)));
    let names: Vec<&str> = r["headers"].as_array().unwrap().iter().map(|p| p[0].as_str().unwrap()).collect();
    let multi: Vec<&str> = r["headers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p[0] == "x-multi")
        .map(|p| p[1].as_str().unwrap())
        .collect();
    assert_eq!(multi, ["one", "two"]);
    assert!(names.iter().position(|n| *n == "webhook-id") < names.iter().position(|n| *n == "x-multi"));
    use base64::Engine;
    let bin =
        base64::engine::general_purpose::STANDARD.decode(recs[1]["body_base64"].as_str().unwrap()).unwrap();
    assert_eq!(bin, binary);
    assert!(recs[1].get("body").is_none());
    assert_eq!((recs[2]["verdict"].as_str(), recs[2]["status"].as_u64()), (Some("invalid"), Some(401)));
    assert!(recs[2]["reason"].as_str().is_some());
    assert!(out.stderr.contains("3 captured"), "{}", out.stderr);
}

#[test]
fn ansi_and_control_characters_never_reach_the_terminal_raw() {
    let env = TestEnv::new();
    let evil = "{\"type\":\"x\\u001b]0;owned\\u0007\",\"msg\":\"\\u001b[2J\\u001b[31mred\\u202e\"}";
    let raw_text = b"\x1b[2Jplain text \x1b[31mred\x07 \xe2\x80\xae";
    // Human view (pretend a TTY, colours off so any ESC byte would be the payload's).
    let l = Listener::start_with(&env, &["--color", "never"], |c| {
        c.env("HOOKCTL_TEST_TTY", "1");
    });
    assert_eq!(post(l.port, "/a", &[], evil.as_bytes()).status, 200);
    assert_eq!(post(l.port, "/b", &[], raw_text).status, 200);
    let binary: Vec<u8> = vec![0x1b, b'[', b'2', b'J', 0xff, 0x00, 0x9b];
    assert_eq!(post(l.port, "/c", &[], &binary).status, 200);
    let out = l.stop();
    assert!(!out.stdout.contains('\u{1b}'), "{:?}", out.stdout);
    assert!(!out.stdout.contains('\u{7}') && !out.stdout.contains('\u{202e}'), "{:?}", out.stdout);
    assert!(out.stdout.contains("\\u001b[2J"), "escaped form is shown: {}", out.stdout);
    assert!(out.stdout.contains("\\x1b[2Jplain text"), "{}", out.stdout);
    assert!(out.stdout.contains("(binary, 7 bytes) 1b5b324aff009b"), "{}", out.stdout);
    assert!(out.stderr.find('\u{1b}').is_none());

    // JSON lines when piped.
    let l = Listener::start(&env, &[]);
    assert_eq!(post(l.port, "/a", &[], raw_text).status, 200);
    let out = l.stop();
    assert!(!out.stdout.contains('\u{1b}') && !out.stdout.contains('\u{7}'));
    assert_eq!(out.requests()[0]["body"], String::from_utf8_lossy(raw_text).as_ref());
}

#[test]
fn human_view_shows_header_line_with_event_verdict_size_and_duplicates() {
    let env = TestEnv::new();
    let l = Listener::start_with(&env, &["--secret", SECRET, "--color", "always"], |c| {
        c.env("HOOKCTL_TEST_TTY", "1");
    });
    let b = body("case.updated");
    let h = signed_headers(SECRET, "msg_dup", unix_now(), &b);
    assert_eq!(post(l.port, "/hooks", &as_refs(&h), &b).status, 200);
    assert_eq!(post(l.port, "/hooks", &as_refs(&h), &b).status, 200);
    assert_eq!(post(l.port, "/hooks", &[("x-github-event", "push")], b"{}").status, 401);
    let out = l.stop();
    let plain = strip_ansi(&out.stdout);
    let headers: Vec<&str> = plain.lines().filter(|l| l.contains(" POST /hooks ")).collect();
    assert_eq!(headers.len(), 3, "{plain}");
    assert!(
        headers[0].contains("case.updated") && headers[0].contains("✓ valid (standard)"),
        "{}",
        headers[0]
    );
    assert!(headers[0].contains("→ 200") && headers[0].contains(" B"), "{}", headers[0]);
    assert!(!headers[0].contains("[duplicate]"));
    assert!(headers[1].contains("[duplicate]"), "{}", headers[1]);
    assert!(headers[2].contains("push") && headers[2].contains("✗ invalid"), "{}", headers[2]);
    assert!(plain.contains("\"caseId\": \"c_1\""), "pretty body: {plain}");
    assert!(out.stdout.contains("\u{1b}[32m"), "coloured verdict");
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn oversize_bodies_get_413_and_the_server_keeps_serving() {
    let env = TestEnv::new();
    let cap = env.path("c.jsonl");
    let l = Listener::start(&env, &["--max-body", "1000", "--capture", cap.to_str().unwrap()]);
    let big = vec![b'a'; 1001];
    let a = post(l.port, "/", &[], &big);
    assert_eq!(a.status, 413, "{}", a.text());
    // Chunked, so no Content-Length to check up front: the limit applies while reading.
    let mut s = std::net::TcpStream::connect(("127.0.0.1", l.port)).unwrap();
    use std::io::{Read, Write};
    s.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n")
        .unwrap();
    for _ in 0..3 {
        let _ = s.write_all(b"190\r\n");
        let _ = s.write_all(&[b'b'; 400]);
        let _ = s.write_all(b"\r\n");
    }
    let _ = s.write_all(b"0\r\n\r\n");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    assert_eq!(parse_answer(&raw).unwrap().status, 413);
    assert_eq!(post(l.port, "/", &[], &vec![b'c'; 1000]).status, 200);
    let out = l.stop();
    assert_eq!(out.code, Some(0));
    let reqs = out.requests();
    assert_eq!(reqs.iter().filter(|r| r["status"] == 413).count(), 2);
    // Rejected requests are shown, not captured.
    assert_eq!(read_capture(&cap).len(), 1);
}

#[test]
fn path_prefix_serves_below_it_and_404s_elsewhere() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--path", "/webhooks/"]);
    assert!(l.stderr_so_far().contains(&format!("listening on http://127.0.0.1:{}/webhooks", l.port)));
    assert_eq!(post(l.port, "/webhooks", &[], b"{}").status, 200);
    assert_eq!(post(l.port, "/webhooks/stripe", &[], b"{}").status, 200);
    assert_eq!(post(l.port, "/webhooksX", &[], b"{}").status, 404);
    assert_eq!(post(l.port, "/", &[], b"{}").status, 404);
    let out = l.stop();
    assert_eq!(out.code, Some(0));
}

#[test]
fn forward_passes_request_through_and_returns_the_apps_answer() {
    let app = Stub::start(Router::new().fallback(any(|| async {
        (StatusCode::ACCEPTED, [("content-type", "application/x-app")], "handled-by-app")
    })));
    let env = TestEnv::new();
    let target = app.url("/app/hooks");
    let l = Listener::start(&env, &["--secret", SECRET, "--path", "/in", "--forward-to", &target]);
    let b = body("case.updated");
    let mut h = signed_headers(SECRET, "msg_fwd", unix_now(), &b);
    h.push(("x-custom".into(), "kept".into()));
    h.push(("keep-alive".into(), "timeout=5".into()));
    h.push(("proxy-authorization".into(), "Basic Zm9v".into()));
    let a = post(l.port, "/in/stripe?a=1&b=%20", &as_refs(&h), &b);
    assert_eq!(a.status, 202);
    assert_eq!(a.text(), "handled-by-app");
    assert!(a.headers.iter().any(|(k, v)| k == "content-type" && v == "application/x-app"));

    // Invalid requests are not forwarded.
    assert_eq!(post(l.port, "/in", &[("webhook-id", "m")], &b).status, 401);
    let out = l.stop();
    assert_eq!(out.code, Some(0));
    let got = app.requests();
    assert_eq!(got.len(), 1);
    let r = &got[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/app/hooks/stripe");
    assert_eq!(r.query.as_deref(), Some("a=1&b=%20"));
    assert_eq!(r.body, b);
    for (k, v) in &h[..4] {
        assert_eq!(r.header(k), Some(v.as_str()), "{k}");
    }
    assert_eq!(r.header("x-custom"), Some("kept"));
    assert_eq!(r.header("keep-alive"), None);
    assert_eq!(r.header("proxy-authorization"), None);
    assert_eq!(out.requests()[0]["forwarded_to"], format!("{target}/stripe?a=1&b=%20"));
}

/// HTTP allows header bytes that are not UTF-8 (obs-text). They reach the app, the capture
/// and a replay unchanged: no byte of a delivery is lost.
#[test]
fn non_utf8_header_values_are_forwarded_captured_and_replayed_byte_for_byte() {
    use std::io::{Read, Write};
    let app = Stub::start(Router::new().fallback(any(|| async { "ok" })));
    let env = TestEnv::new();
    let cap = env.path("cap.jsonl");
    let l = Listener::start(&env, &["--forward-to", &app.url("/app"), "--capture", cap.to_str().unwrap()]);
    let mut s = std::net::TcpStream::connect(("127.0.0.1", l.port)).unwrap();
    let mut raw =
        b"POST /hook HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Latin1: caf\xe9 \xff\r\n".to_vec();
    raw.extend_from_slice(b"X-Utf8: caf\xc3\xa9\r\nContent-Length: 2\r\n\r\n{}");
    s.write_all(&raw).unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));
    l.stop();

    let got = app.requests();
    assert_eq!(got[0].header_bytes("x-latin1"), Some(&b"caf\xe9 \xff"[..]));
    assert_eq!(got[0].header_bytes("x-utf8"), Some("café".as_bytes()));
    let rec = &read_capture(&cap)[0];
    let headers = rec["headers"].as_array().unwrap();
    assert!(headers.contains(&serde_json::json!(["x-latin1", "Y2Fm6SD/", "base64"])), "{headers:?}");
    assert!(headers.contains(&serde_json::json!(["x-utf8", "café"])), "{headers:?}");

    let again = Stub::start(Router::new().fallback(any(|| async { "ok" })));
    let out = env
        .cmd()
        .args(["replay", "--from", cap.to_str().unwrap(), "--to", &again.url("/r"), "--all"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(again.requests()[0].header_bytes("x-latin1"), Some(&b"caf\xe9 \xff"[..]));
    assert_eq!(again.requests()[0].header_bytes("x-utf8"), Some("café".as_bytes()));
}

#[test]
fn routes_send_each_event_type_to_its_own_target() {
    let cases = Stub::start(Router::new().fallback(any(|| async { "cases" })));
    let rest = Stub::start(Router::new().fallback(any(|| async { "rest" })));
    let env = TestEnv::new();
    let r1 = format!("case.*={}", cases.url("/c"));
    let r2 = format!("*={}", rest.url("/r"));
    let l = Listener::start(&env, &["--route", &r1, "--route", &r2]);
    assert_eq!(post(l.port, "/", &[], &body("case.updated")).text(), "cases");
    assert_eq!(post(l.port, "/", &[], &body("case.closed")).text(), "cases");
    assert_eq!(post(l.port, "/", &[], &body("payment.created")).text(), "rest");
    assert_eq!(post(l.port, "/", &[("x-github-event", "push")], b"{}").text(), "rest");
    l.stop();
    assert_eq!(cases.requests().len(), 2);
    assert_eq!(rest.requests().len(), 2);
}

#[test]
fn forward_to_a_dead_port_answers_502_and_never_2xx() {
    let env = TestEnv::new();
    let cap = env.path("c.jsonl");
    let dead = format!("http://127.0.0.1:{}/hooks", dead_port());
    let l = Listener::start_with(
        &env,
        &["--forward-to", &dead, "--capture", cap.to_str().unwrap(), "--color", "always"],
        |c| {
            c.env("HOOKCTL_TEST_TTY", "1");
        },
    );
    let a = post(l.port, "/", &[], &body("case.updated"));
    assert_eq!(a.status, 502, "{}", a.text());
    let out = l.stop();
    assert_eq!(out.code, Some(0));
    assert_eq!(read_capture(&cap)[0]["status"], 502);
    // Shown in red.
    assert!(out.stdout.contains("\u{1b}[31m→ 502"), "{:?}", out.stdout);
    assert!(out.stdout.contains("forward failed"), "{}", out.stdout);
}

/// A password in a forward URL reaches neither the terminal, the capture, nor the sender's 502.
#[test]
fn a_password_in_the_forward_url_is_never_shown_captured_or_answered() {
    let env = TestEnv::new();
    let cap = env.path("c.jsonl");
    let dead = format!("http://user:hunter2pass@127.0.0.1:{}/hooks", dead_port());
    let l = Listener::start(&env, &["--forward-to", &dead, "--capture", cap.to_str().unwrap()]);
    let a = post(l.port, "/", &[], &body("case.updated"));
    assert_eq!(a.status, 502, "{}", a.text());
    assert!(a.text().contains("http://user:***@127.0.0.1:"), "{}", a.text());
    let out = l.stop();
    let capture = std::fs::read_to_string(&cap).unwrap();
    let all = format!("{}{}{}{}", a.text(), out.stdout, out.stderr, capture);
    assert!(!all.contains("hunter2pass"), "{all}");
    assert!(out.stdout.contains("user:***@"), "{}", out.stdout);
}

#[test]
fn forward_to_a_slow_target_answers_504() {
    let slow = Stub::start(Router::new().fallback(any(|| async {
        tokio::time::sleep(Duration::from_secs(3)).await;
        "late"
    })));
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--forward-to", &slow.url("/"), "--forward-timeout", "300ms"]);
    let a = post(l.port, "/", &[], &body("case.updated"));
    assert_eq!(a.status, 504, "{}", a.text());
    let out = l.stop();
    assert_eq!(out.requests()[0]["forward_error"], "timed out");
}

#[test]
fn expect_exits_0_after_n_valid_deliveries() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--secret", SECRET, "--expect", "2", "--timeout", "20s"]);
    let b = body("case.updated");
    let h1 = signed_headers(SECRET, "msg_e1", unix_now(), &b);
    assert_eq!(post(l.port, "/", &as_refs(&h1), &b).status, 200);
    // A retry of the same delivery counts once.
    assert_eq!(post(l.port, "/", &as_refs(&h1), &b).status, 200);
    let h2 = signed_headers(SECRET, "msg_e2", unix_now(), &b);
    assert_eq!(post(l.port, "/", &as_refs(&h2), &b).status, 200);
    let out = l.wait();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.json_lines().last().unwrap()["data"]["counted"], 2);
}

#[test]
fn expect_times_out_with_exit_6() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--expect", "2", "--timeout", "1s"]);
    assert_eq!(post(l.port, "/", &[], &body("a")).status, 200);
    let out = l.wait();
    assert_eq!(out.code, Some(6), "{}", out.stderr);
    // The same shape as every failed outcome: an `error:` line and a `hint:` line.
    assert!(
        out.stderr.contains("\nerror: timed out after 1s: 1 of 2 expected deliveries arrived\nhint: "),
        "{}",
        out.stderr
    );
}

#[test]
fn expect_exits_8_on_a_bad_signature_unless_allowed() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--secret", SECRET, "--expect", "1", "--timeout", "20s"]);
    assert_eq!(post(l.port, "/", &[("webhook-id", "x")], b"{}").status, 401);
    let out = l.wait();
    assert_eq!(out.code, Some(8), "{}", out.stderr);
    assert!(
        out.stderr.contains("\nerror: a request with an invalid signature arrived\nhint: "),
        "{}",
        out.stderr
    );

    let l =
        Listener::start(&env, &["--secret", SECRET, "--expect", "1", "--allow-invalid", "--timeout", "20s"]);
    assert_eq!(post(l.port, "/", &[("webhook-id", "x")], b"{}").status, 401);
    let b = body("x");
    assert_eq!(post(l.port, "/", &as_refs(&signed_headers(SECRET, "m", unix_now(), &b)), &b).status, 200);
    assert_eq!(l.wait().code, Some(0));
}

#[test]
fn expect_filter_counts_only_matching_event_types() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--expect", "1", "--filter", "payment.*", "--timeout", "20s"]);
    assert_eq!(post(l.port, "/", &[], &body("case.updated")).status, 200);
    assert_eq!(post(l.port, "/", &[], &body("chat.created")).status, 200);
    assert!(l.stderr_so_far().lines().all(|line| !line.starts_with("stopped")));
    assert_eq!(post(l.port, "/", &[], &body("payment.created")).status, 200);
    let out = l.wait();
    assert_eq!(out.code, Some(0));
    assert_eq!(out.requests().len(), 3);
}

#[test]
fn expect_filter_suffix_patterns_match_like_events_type() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--expect", "1", "--filter", "*.closed", "--timeout", "20s"]);
    assert_eq!(post(l.port, "/", &[], &body("case.closed.extra")).status, 200);
    assert!(l.stderr_so_far().lines().all(|line| !line.starts_with("stopped")));
    assert_eq!(post(l.port, "/", &[], &body("case.closed")).status, 200);
    let out = l.wait();
    assert_eq!(out.code, Some(0));
    assert_eq!(out.requests().len(), 2);
}

#[test]
fn timeout_without_expect_just_stops_with_0() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--timeout", "300ms", "--no-display"]);
    let out = l.wait();
    assert_eq!(out.code, Some(0));
    // --no-display drops the request lines only: piped stdout still gets ready and summary
    // (issue 16.27: a script waiting for the ready line hung).
    let types: Vec<_> =
        out.json_lines().iter().map(|l| l["type"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(types, ["ready", "summary"], "{}", out.stdout);
}

#[test]
fn slow_clients_are_cut_off_and_do_not_block_others() {
    use std::io::{Read, Write};
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--header-timeout", "500ms", "--body-timeout", "500ms"]);
    // Slowloris: half a request head, then silence.
    let mut slow = std::net::TcpStream::connect(("127.0.0.1", l.port)).unwrap();
    slow.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ").unwrap();
    // A body that never finishes.
    let mut stalled = std::net::TcpStream::connect(("127.0.0.1", l.port)).unwrap();
    stalled.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc").unwrap();
    // An idle keep-alive connection.
    let idle = std::net::TcpStream::connect(("127.0.0.1", l.port)).unwrap();
    assert_eq!(post(l.port, "/", &[], b"{}").status, 200);
    for mut s in [slow, stalled, idle] {
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut buf = Vec::new();
        // The server closes it (EOF or a 408), well before our 5 s read timeout.
        let r = s.read_to_end(&mut buf);
        assert!(r.is_ok(), "connection was not closed by the server: {r:?}");
    }
    let out = l.stop();
    assert_eq!(out.code, Some(0));
}

#[test]
fn bad_flags_are_usage_errors() {
    let env = TestEnv::new();
    let out = env.cmd().args(["listen", "--port", "0", "--route", "nonsense"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: ") && err.contains("PATTERN=URL"), "{err}");
    let out = env.cmd().args(["listen", "--port", "0", "--forward-to", "localhost:3000"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    // Port already taken.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = env.cmd().args(["listen", "--port", &port]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--port 0"));
    let out = env.cmd().args(["listen", "--filter", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Flags that only qualify another one are refused without it, not silently ignored.
    for args in [["--allow-invalid"], ["--allow-unverified"]] {
        let out = env.cmd().args(["listen", "--port", "0"]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

/// SIGTERM in the middle of a load: every request answered 2xx is in the capture exactly once
/// with a byte-identical body, the file is whole JSONL, and the exit code is 0.
#[test]
fn sigterm_during_load_leaves_a_whole_capture_with_every_acknowledged_request() {
    use sha2::{Digest, Sha256};
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    let env = TestEnv::new();
    let cap = env.path("load.jsonl");
    let l = Listener::start(&env, &["--secret", SECRET, "--capture", cap.to_str().unwrap(), "--no-display"]);
    let port = l.port;
    let acked: Arc<Mutex<HashMap<String, String>>> = Arc::default();
    let done = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let (acked, done, stop) = (acked.clone(), done.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) && i < 400 {
                    i += 1;
                    let id = format!("msg_{w}_{i}");
                    let b =
                        format!(r#"{{"type":"load","worker":{w},"n":{i},"pad":"{}"}}"#, "x".repeat(i % 50));
                    let h = signed_headers(SECRET, &id, unix_now(), b.as_bytes());
                    match request(port, "POST", "/", &as_refs(&h), b.as_bytes()) {
                        Ok(a) if (200..300).contains(&a.status) => {
                            acked.lock().unwrap().insert(id, hex::encode(Sha256::digest(b.as_bytes())));
                        }
                        // Refused or cut by the shutdown: not acknowledged, so no promise.
                        _ => {}
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    // Signal after a few hundred requests, while the workers are still sending.
    let t0 = std::time::Instant::now();
    while done.load(Ordering::Relaxed) < 300 && t0.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    l.signal("TERM");
    let out = l.wait();
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let recs = read_capture(&cap);
    let acked = acked.lock().unwrap();
    assert!(acked.len() >= 300, "only {} acknowledged", acked.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in &recs {
        let id = r["headers"].as_array().unwrap().iter().find(|p| p[0] == "webhook-id").unwrap()[1]
            .as_str()
            .unwrap()
            .to_string();
        *seen.entry(id.clone()).or_default() += 1;
        if let Some(sha) = acked.get(&id) {
            let got = hex::encode(Sha256::digest(r["body"].as_str().unwrap().as_bytes()));
            assert_eq!(&got, sha, "body of {id} differs");
        }
    }
    for id in acked.keys() {
        assert_eq!(seen.get(id), Some(&1), "{id} acknowledged but captured {:?} times", seen.get(id));
    }
}

#[test]
fn requests_signed_by_the_hookctl_sign_command_verify() {
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--secret", SECRET]);
    let b = body("chat.created");
    let file = env.write("body.json", &b);
    for scheme in ["standard", "svix", "github", "stripe"] {
        let out = env
            .cmd()
            .args(["sign", "--scheme", scheme, "--secret", SECRET, "--body-file", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let headers: Vec<(String, String)> = text
            .lines()
            .filter_map(|l| l.split_once(": ").map(|(k, v)| (k.to_string(), v.to_string())))
            .collect();
        assert!(!headers.is_empty(), "{text}");
        let a = post(l.port, "/", &as_refs(&headers), &b);
        assert_eq!(a.status, 200, "{scheme}: {}", a.text());
        // One byte changed: refused.
        let mut tampered = b.clone();
        tampered[2] ^= 0x20;
        assert_eq!(post(l.port, "/", &as_refs(&headers), &tampered).status, 401, "{scheme}");
    }
    let out = l.stop();
    let verdicts: Vec<String> =
        out.requests().iter().map(|r| r["verdict"].as_str().unwrap().into()).collect();
    assert_eq!(verdicts, ["valid", "invalid", "valid", "invalid", "valid", "invalid", "valid", "invalid"]);
}

#[test]
fn many_concurrent_connections_do_not_crash_it() {
    use std::io::Write;
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--no-display"]);
    // 2,000 open connections, each with a half-sent request, then real requests still work.
    let mut conns = Vec::new();
    for _ in 0..2000 {
        match std::net::TcpStream::connect(("127.0.0.1", l.port)) {
            Ok(mut s) => {
                let _ = s.write_all(b"POST / HTTP/1.1\r\nHost: x\r\n");
                conns.push(s);
            }
            Err(_) => break,
        }
    }
    assert!(conns.len() >= 1000, "only {} connections", conns.len());
    let workers: Vec<_> = (0..16)
        .map(|_| {
            let port = l.port;
            std::thread::spawn(move || (0..20).all(|_| post(port, "/", &[], b"{}").status == 200))
        })
        .collect();
    for w in workers {
        assert!(w.join().unwrap());
    }
    drop(conns);
    let out = l.stop();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[test]
fn ctrl_c_exits_0_but_130_while_an_expect_is_unmet() {
    let env = TestEnv::new();
    let cap = env.path("c.jsonl");
    let l = Listener::start(&env, &["--capture", cap.to_str().unwrap()]);
    assert_eq!(post(l.port, "/", &[], b"{}").status, 200);
    l.signal("INT");
    let out = l.wait();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(read_capture(&cap).len(), 1);

    // SIGINT and SIGTERM alike (CI runners stop a step with SIGTERM): an unmet --expect is 130.
    for sig in ["INT", "TERM"] {
        let l = Listener::start(&env, &["--expect", "3", "--timeout", "60s"]);
        assert_eq!(post(l.port, "/", &[], b"{}").status, 200);
        l.signal(sig);
        let out = l.wait();
        assert_eq!(out.code, Some(130), "{sig}: {}", out.stderr);
        assert!(out.stderr.contains("1 of 3"), "{}", out.stderr);
    }
}
