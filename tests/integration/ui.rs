//! `listen --ui`: the inspector's HTTP API (list, detail, replay, event stream) and its guards
//! (token, Host, Origin), against the real binary on port 0 with `--ui-port 0`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use axum::routing::any;
use axum::Router;
use serde_json::Value;

use crate::support::listen::*;
use crate::support::{Stub, TestEnv};

/// A listener with the inspector, and the inspector's port and token.
pub struct WithUi {
    pub l: Listener,
    pub port: u16,
    pub token: String,
}

impl WithUi {
    pub fn start(env: &TestEnv, args: &[&str]) -> WithUi {
        let mut all = vec!["--ui", "--ui-port", "0"];
        all.extend_from_slice(args);
        let l = Listener::start(env, &all);
        // Printed before the ready line, so it is there once the listener is ready.
        let err = l.stderr_so_far();
        let url = err
            .lines()
            .find_map(|line| line.strip_prefix("inspector on "))
            .unwrap_or_else(|| panic!("no inspector line: {err}"))
            .to_string();
        let rest = url.strip_prefix("http://127.0.0.1:").expect("bound to 127.0.0.1");
        let (port, token) = rest.split_once("/?t=").expect("token in the URL");
        WithUi { port: port.parse().unwrap(), token: token.to_string(), l }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?t={}", self.port, self.token)
    }

    /// GET with the token and the right Host.
    pub fn get(&self, path: &str) -> (u16, Value) {
        let sep = if path.contains('?') { '&' } else { '?' };
        let a = ui_request(self.port, "GET", &format!("{path}{sep}t={}", self.token), &[], b"");
        let v = serde_json::from_slice(&a.body).unwrap_or(Value::Null);
        (a.status, v)
    }

    pub fn replay(&self, seq: u64, ask: Value) -> (u16, Value) {
        let body = ask.to_string();
        let origin = format!("http://127.0.0.1:{}", self.port);
        let a = ui_request(
            self.port,
            "POST",
            &format!("/api/requests/{seq}/replay"),
            &[("content-type", "application/json"), ("x-hookctl-token", &self.token), ("origin", &origin)],
            body.as_bytes(),
        );
        (a.status, serde_json::from_slice(&a.body).unwrap_or(Value::Null))
    }

    /// Polls the list until `n` requests are in it (the handler records before answering, but
    /// the test must not rely on that ordering).
    pub fn wait_for(&self, n: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (status, v) = self.get("/api/requests");
            assert_eq!(status, 200, "{v}");
            let items = v["items"].as_array().cloned().unwrap_or_default();
            if items.len() >= n || Instant::now() > deadline {
                return items;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// One request to the inspector; `Host: 127.0.0.1:PORT` unless `headers` name another.
pub fn ui_request(port: u16, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut head = format!("{method} {target} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: 127.0.0.1:{port}\r\n"));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    parse_answer(&raw).unwrap()
}

fn signed(port: u16, path: &str, id: &str, body: &[u8]) -> Answer {
    let h = signed_headers(SECRET, id, unix_now(), body);
    post(port, path, &as_refs(&h), body)
}

fn event(t: &str, n: u32) -> Vec<u8> {
    format!(r#"{{"type":"{t}","data":{{"n":{n},"who":"Alice {n}"}}}}"#).into_bytes()
}

#[test]
fn the_list_is_newest_first_with_filters_and_a_free_text_search() {
    let env = TestEnv::new();
    let ui = WithUi::start(&env, &["--secret", SECRET, "--path", "/hooks"]);
    for n in 0..3 {
        assert_eq!(signed(ui.l.port, "/hooks/a", &format!("msg_{n}"), &event("case.created", n)).status, 200);
    }
    assert_eq!(post(ui.l.port, "/hooks/b", &[("webhook-id", "x")], &event("payment.failed", 9)).status, 401);
    assert_eq!(post(ui.l.port, "/elsewhere", &[], b"{}").status, 404);
    let items = ui.wait_for(5);
    let seqs: Vec<u64> = items.iter().map(|i| i["seq"].as_u64().unwrap()).collect();
    assert_eq!(seqs, [5, 4, 3, 2, 1]);
    let verdicts: Vec<&str> = items.iter().map(|i| i["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["rejected", "invalid", "valid", "valid", "valid"]);
    assert_eq!(items[0]["status"], 404);
    assert_eq!(items[1]["event_type"], "payment.failed");
    assert_eq!(items[2]["path"], "/hooks/a");

    let (_, v) = ui.get("/api/requests?verdict=invalid");
    assert_eq!(v["items"].as_array().unwrap().len(), 1);
    let (_, v) = ui.get("/api/requests?type=case.*");
    assert_eq!(v["items"].as_array().unwrap().len(), 3);
    let (_, v) = ui.get("/api/requests?q=alice%201");
    let found: Vec<u64> = v["items"].as_array().unwrap().iter().map(|i| i["seq"].as_u64().unwrap()).collect();
    assert_eq!(found, [2]);
    // Paging: two at a time, older with `before`.
    let (_, p1) = ui.get("/api/requests?limit=2");
    assert_eq!(p1["more"], true);
    let (_, p2) = ui.get("/api/requests?limit=2&before=4");
    let older: Vec<u64> =
        p2["items"].as_array().unwrap().iter().map(|i| i["seq"].as_u64().unwrap()).collect();
    assert_eq!(older, [3, 2]);
    assert_eq!(p1["total"], 5);
    ui.l.stop();
}

#[test]
fn detail_shows_ordered_headers_the_body_and_the_verdict_in_words() {
    let env = TestEnv::new();
    let cap = env.path("c.jsonl");
    let ui = WithUi::start(
        &env,
        &["--secret", SECRET, "--secret", OTHER_SECRET, "--capture", cap.to_str().unwrap()],
    );
    let body = event("case.created", 1);
    let mut h = signed_headers(OTHER_SECRET, "msg_d", unix_now(), &body);
    h.push(("x-multi".into(), "one".into()));
    h.push(("x-multi".into(), "two".into()));
    assert_eq!(post(ui.l.port, "/in", &as_refs(&h), &body).status, 200);
    assert_eq!(post(ui.l.port, "/in", &[("webhook-id", "x")], b"{}").status, 401);
    let binary: Vec<u8> = vec![0xff, 0x00, b'a', 0x80];
    assert_eq!(post(ui.l.port, "/bin", &[], &binary).status, 401);
    ui.wait_for(3);

    let (status, d) = ui.get("/api/requests/1");
    assert_eq!(status, 200, "{d}");
    let names: Vec<&str> = d["headers"].as_array().unwrap().iter().map(|h| h[0].as_str().unwrap()).collect();
    let multi: Vec<&str> = d["headers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h[0] == "x-multi")
        .map(|h| h[1].as_str().unwrap())
        .collect();
    assert_eq!(multi, ["one", "two"]);
    assert!(names.iter().position(|n| *n == "webhook-id") < names.iter().position(|n| *n == "x-multi"));
    assert_eq!(d["body"]["kind"], "json");
    assert_eq!(d["body"]["text"].as_str().unwrap().as_bytes(), &body[..]);
    let words = d["explanation"].to_string();
    assert!(words.contains("Signature valid: standard scheme"), "{words}");
    assert!(words.contains("matched secret #2 of 2"), "{words}");
    assert!(words.contains("within the 300 s tolerance"), "{words}");
    assert!(d["curl"].as_str().unwrap().starts_with("curl -X 'POST' 'http://127.0.0.1:"), "{}", d["curl"]);
    assert!(d["curl"].as_str().unwrap().contains("-H 'x-multi: two'"), "{}", d["curl"]);
    let replay = d["replay_command"].as_str().unwrap();
    assert!(
        replay.starts_with("hookctl replay --from '")
            && replay.contains(&format!("--id '{}'", d["id"].as_str().unwrap())),
        "{replay}"
    );

    let (_, bad) = ui.get("/api/requests/2");
    assert_eq!(bad["verdict"], "invalid");
    let words = bad["explanation"].to_string();
    assert!(words.contains("no webhook-timestamp, webhook-signature headers"), "{words}");
    assert_eq!(bad["reason"], "missing header webhook-timestamp, webhook-signature");

    let (_, bin) = ui.get("/api/requests/3");
    assert_eq!(bin["body"]["kind"], "binary");
    assert!(bin["body"]["hex"].as_str().unwrap().starts_with("00000000  ff 00 61 80"), "{}", bin["body"]);
    assert!(
        bin["explanation"].to_string().contains("no signature scheme recognised"),
        "{}",
        bin["explanation"]
    );

    assert_eq!(ui.get("/api/requests/99").0, 404);
    ui.l.stop();
}

#[test]
fn the_token_host_and_origin_are_checked() {
    let env = TestEnv::new();
    let ui = WithUi::start(&env, &[]);
    let port = ui.port;
    let t = ui.token.clone();
    let page = ui_request(port, "GET", &format!("/?t={t}"), &[], b"");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<script src=\"/app.js\">"));
    let csp =
        page.headers.iter().find(|(k, _)| k == "content-security-policy").map(|(_, v)| v.clone()).unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    // The static assets hold no data: no token needed, but still only on our Host.
    assert_eq!(ui_request(port, "GET", "/app.js", &[], b"").status, 200);
    assert_eq!(ui_request(port, "GET", "/app.js", &[("Host", "rebind.example:80")], b"").status, 403);
    for target in ["/", "/api/requests", "/api/requests?t=wrong", "/api/events", "/api/requests/1"] {
        assert_eq!(ui_request(port, "GET", target, &[], b"").status, 403, "{target}");
    }
    let list = format!("/api/requests?t={t}");
    assert_eq!(ui_request(port, "GET", &list, &[], b"").status, 200);
    // The header form of the token works too.
    assert_eq!(ui_request(port, "GET", "/api/requests", &[("X-Hookctl-Token", &t)], b"").status, 200);
    // DNS rebinding: the right token is not enough under a foreign Host.
    let rebound = format!("evil.example:{port}");
    assert_eq!(ui_request(port, "GET", &list, &[("Host", &rebound)], b"").status, 403);
    assert_eq!(ui_request(port, "GET", &list, &[("Host", &format!("localhost:{port}"))], b"").status, 200);
    // Other sites: Origin and Sec-Fetch-Site.
    assert_eq!(ui_request(port, "GET", &list, &[("Origin", "http://evil.example")], b"").status, 403);
    assert_eq!(ui_request(port, "GET", &list, &[("Origin", "null")], b"").status, 403);
    assert_eq!(ui_request(port, "GET", &list, &[("Sec-Fetch-Site", "cross-site")], b"").status, 403);
    let ours = format!("http://127.0.0.1:{port}");
    assert_eq!(ui_request(port, "GET", &list, &[("Origin", &ours)], b"").status, 200);
    let replay = ui_request(
        port,
        "POST",
        "/api/requests/1/replay",
        &[("Origin", "http://evil.example"), ("X-Hookctl-Token", &t), ("content-type", "application/json")],
        b"{}",
    );
    assert_eq!(replay.status, 403);
    // A form post (no JSON) is refused even with the token.
    let form = ui_request(
        port,
        "POST",
        &format!("/api/requests/1/replay?t={t}"),
        &[("content-type", "application/x-www-form-urlencoded")],
        b"to=x",
    );
    assert!(form.status == 415 || form.status == 404, "{}", form.status);
    // The browser's unprompted favicon request: an empty 204, not a 403 console error.
    assert_eq!(ui_request(port, "GET", "/favicon.ico", &[], b"").status, 204);
    // The listen port (what a tunnel exposes) never serves the page or the API, token or not.
    for target in [format!("/?t={t}"), list.clone(), "/app.js".to_string(), format!("/api/events?t={t}")] {
        let a = ui_request(ui.l.port, "GET", &target, &[], b"");
        assert!(
            !a.text().contains("app.js")
                && !a.text().contains("\"items\"")
                && !a.text().contains("EventSource"),
            "{target}: {}",
            a.text()
        );
    }
    ui.l.stop();
}

#[test]
fn replay_sends_the_same_bytes_or_re_signed_and_shows_the_answer() {
    let app =
        Stub::start(Router::new().fallback(any(|| async { (axum::http::StatusCode::ACCEPTED, "app-ok") })));
    let other = Stub::start(Router::new().fallback(any(|| async { "other-ok" })));
    let env = TestEnv::new();
    let ui = WithUi::start(&env, &["--secret", SECRET, "--forward-to", &app.url("/app")]);
    let body = event("case.created", 7);
    assert_eq!(signed(ui.l.port, "/x?k=1", "msg_r", &body).status, 202);
    assert_eq!(post(ui.l.port, "/x", &[("webhook-id", "bad")], b"{}").status, 401);
    ui.wait_for(2);
    let d = ui.get("/api/requests/1").1;
    assert_eq!(d["replay_to"], app.url("/app/x?k=1"));
    assert_eq!(d["answer"]["status"], 202);
    assert_eq!(d["answer"]["body"], "app-ok");

    // As received: to the forward target, byte for byte, same signature.
    let (status, r) = ui.replay(1, serde_json::json!({}));
    assert_eq!(status, 200, "{r}");
    assert_eq!((r["status"].as_u64(), r["body"].as_str()), (Some(202), Some("app-ok")), "{r}");
    let got = app.requests();
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].body, body);
    assert_eq!(got[1].body, got[0].body);
    assert_eq!(got[1].header("webhook-signature"), got[0].header("webhook-signature"));
    assert_eq!(got[1].query.as_deref(), Some("k=1"));

    // Re-signed, to a URL typed in: fresh id and timestamp, valid under the secret.
    let (status, r) = ui.replay(1, serde_json::json!({"to": other.url("/typed"), "resign": true}));
    assert_eq!(status, 200, "{r}");
    assert_eq!((r["status"].as_u64(), r["resigned"].as_str()), (Some(200), Some("standard")), "{r}");
    let got = other.requests();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].path, "/typed");
    assert_eq!(got[0].body, body);
    let id = got[0].header("webhook-id").unwrap();
    assert_ne!(id, "msg_r");
    let ts: i64 = got[0].header("webhook-timestamp").unwrap().parse().unwrap();
    assert_eq!(got[0].header("webhook-signature"), Some(standard_sig(SECRET, id, ts, &body).as_str()));

    // Not forwarded and no URL typed: nothing to send it to.
    let (status, r) = ui.replay(2, serde_json::json!({"to": ""}));
    assert_eq!(status, 400, "{r}");
    assert!(r["error"].as_str().unwrap().contains("type a URL"), "{r}");
    assert_eq!(ui.replay(2, serde_json::json!({"to": "ftp://x"})).0, 400);
    assert_eq!(ui.replay(42, serde_json::json!({})).0, 404);
    ui.l.stop();
}

#[test]
fn re_signing_needs_a_secret() {
    let env = TestEnv::new();
    let ui = WithUi::start(&env, &[]);
    assert_eq!(post(ui.l.port, "/", &[], b"{}").status, 200);
    ui.wait_for(1);
    let (status, r) = ui.replay(1, serde_json::json!({"to": "http://127.0.0.1:9/x", "resign": true}));
    assert_eq!(status, 400, "{r}");
    assert!(r["error"].as_str().unwrap().contains("--secret"), "{r}");
    assert_eq!(ui.get("/api/requests/1").1["can_resign"], false);
    ui.l.stop();
}

/// Reads an event stream until `want` has been seen (bounded).
fn read_stream_until(s: &mut TcpStream, want: &str) -> String {
    s.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut text = String::new();
    let mut buf = [0u8; 4096];
    while !text.contains(want) {
        assert!(Instant::now() < deadline, "{want:?} not in the stream: {text}");
        match s.read(&mut buf) {
            Ok(0) => panic!("stream ended: {text}"),
            Ok(n) => text.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(_) => {}
        }
    }
    text
}

fn open_stream(ui: &WithUi, query: &str, last_event_id: Option<&str>) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", ui.port)).unwrap();
    let mut head = format!(
        "GET /api/events?t={}{query} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAccept: text/event-stream\r\n",
        ui.token, ui.port
    );
    if let Some(id) = last_event_id {
        head.push_str(&format!("Last-Event-ID: {id}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    s
}

#[test]
fn the_event_stream_is_live_and_replays_what_a_reconnecting_page_missed() {
    let env = TestEnv::new();
    let ui = WithUi::start(&env, &["--max-body", "50"]);
    let mut live = open_stream(&ui, "", None);
    let opened = Instant::now();
    let head = read_stream_until(&mut live, ": live");
    assert!(head.starts_with("HTTP/1.1 200") && head.contains("text/event-stream"), "{head}");
    // A first chunk at once, not at the 15 s keep-alive: Firefox reports the stream open
    // (the page's live dot) only when one arrives.
    assert!(opened.elapsed() < Duration::from_secs(10), "first chunk after {:?}", opened.elapsed());
    let sent = Instant::now();
    assert_eq!(post(ui.l.port, "/first", &[], b"{\"type\":\"a.b\"}").status, 200);
    let text = read_stream_until(&mut live, "/first");
    assert!(text.contains("event: request") && text.contains("id: 1"), "{text}");
    eprintln!("live event after {:?}", sent.elapsed());
    // A filtered stream skips what does not match.
    let mut only_rejected = open_stream(&ui, "&verdict=rejected", None);
    read_stream_until(&mut only_rejected, "\r\n\r\n");
    assert_eq!(post(ui.l.port, "/second", &[], b"{}").status, 200);
    assert_eq!(post(ui.l.port, "/third", &[], b"{}").status, 200);
    read_stream_until(&mut live, "/third");
    assert_eq!(post(ui.l.port, "/fourth", &[], &[b'x'; 100]).status, 413);
    let text = read_stream_until(&mut only_rejected, "/fourth");
    assert!(!text.contains("/second") && !text.contains("/third"), "{text}");
    // A page that reconnects with Last-Event-ID 1 first gets what came after it.
    let mut again = open_stream(&ui, "", Some("1"));
    let text = read_stream_until(&mut again, "/fourth");
    assert!(text.contains("/second") && text.contains("/third") && !text.contains("/first"), "{text}");
    ui.l.stop();
}

#[test]
fn ui_flags_and_ports() {
    let env = TestEnv::new();
    // --ui-port without --ui is a usage error.
    env.cmd().args(["listen", "--port", "0", "--ui-port", "0"]).assert().code(2);
    // A port in use: exit 2, one error line with a hint.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = env
        .cmd()
        .args(["listen", "--port", "0", "--ui", "--ui-port", &port, "--timeout", "5s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot serve the inspector on port") && err.contains("--ui-port 0"), "{err}");
    // The JSON ready line carries the inspector address.
    let ui = WithUi::start(&env, &["--json"]);
    let url = ui.url();
    let out = ui.l.stop();
    let ready = &out.json_lines()[0];
    assert_eq!(ready["type"], "ready");
    assert_eq!(ready["ui"].as_str().unwrap(), url);
}

#[test]
fn the_copied_replay_command_runs_from_anywhere_and_re_sends_the_request() {
    let app = Stub::start(Router::new().fallback(any(|| async { "app-ok" })));
    let env = TestEnv::new();
    // A relative capture path: the command must still work from another directory.
    let ui = WithUi::start(
        &env,
        &["--secret", SECRET, "--capture", "cap.jsonl", "--forward-to", &app.url("/app")],
    );
    let body = event("case.created", 3);
    assert_eq!(signed(ui.l.port, "/in", "msg_cmd", &body).status, 200);
    ui.wait_for(1);
    let cmd = ui.get("/api/requests/1").1["replay_command"].as_str().unwrap().to_string();
    assert!(!cmd.contains("--secret"), "the secret comes from HOOKCTL_SECRET or the profile: {cmd}");

    // `hookctl` on PATH is this build; run the copied text through a shell, as a user would paste it.
    let bin_dir = env.path("bin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    std::os::unix::fs::symlink(assert_cmd::cargo::cargo_bin("hookctl"), bin_dir.join("hookctl")).unwrap();
    let elsewhere = env.path("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let run = |secret: Option<&str>| {
        let mut c = std::process::Command::new("sh");
        c.args(["-c", &cmd]).current_dir(&elsewhere).env("PATH", &path).env("HOME", env.path("."));
        c.env_remove("HOOKCTL_SECRET");
        if let Some(s) = secret {
            c.env("HOOKCTL_SECRET", s);
        }
        c.output().unwrap()
    };
    let out = run(Some(SECRET));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let got = app.requests();
    assert_eq!(got.len(), 2, "forwarded once, replayed once");
    assert_eq!(got[1].body, body);
    let id = got[1].header("webhook-id").unwrap();
    assert_ne!(id, "msg_cmd", "re-signed with a fresh id");
    let ts: i64 = got[1].header("webhook-timestamp").unwrap().parse().unwrap();
    assert_eq!(got[1].header("webhook-signature"), Some(standard_sig(SECRET, id, ts, &body).as_str()));

    // Without a secret anywhere: hookctl's own clear error (not an empty --secret).
    let out = run(None);
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("signing secret is not set"), "{err}");
    ui.l.stop();
}

#[test]
fn the_verdict_words_say_none_matched_only_when_the_secrets_were_compared() {
    let env = TestEnv::new();
    let ui = WithUi::start(&env, &["--secret", SECRET]);
    let body = event("case.created", 1);
    // Right signature, stale timestamp: refused on the tolerance, never compared.
    let stale = signed_headers(SECRET, "msg_old", unix_now() - 1000, &body);
    assert_eq!(post(ui.l.port, "/in", &as_refs(&stale), &body).status, 401);
    // Fresh, signed with another secret: compared, none matched.
    let wrong = signed_headers(OTHER_SECRET, "msg_wrong", unix_now(), &body);
    assert_eq!(post(ui.l.port, "/in", &as_refs(&wrong), &body).status, 401);
    ui.wait_for(2);

    let words = ui.get("/api/requests/1").1["explanation"].to_string();
    assert!(words.contains("timestamp too old"), "{words}");
    assert!(words.contains("outside the 300 s tolerance"), "{words}");
    assert!(!words.contains("none matched"), "{words}");
    assert!(
        words.contains("Refused before the signature was compared with the 1 configured secret"),
        "{words}"
    );

    let words = ui.get("/api/requests/2").1["explanation"].to_string();
    assert!(words.contains("1 secret configured; none matched."), "{words}");
    assert!(words.contains("within the 300 s tolerance"), "{words}");
    ui.l.stop();
}

#[test]
fn no_signing_secret_reaches_the_page_or_the_api() {
    let app = Stub::start(Router::new().fallback(any(|| async { "app-ok" })));
    let env = TestEnv::new();
    let ui = WithUi::start(
        &env,
        &[
            "--secret",
            SECRET,
            "--secret",
            OTHER_SECRET,
            "--capture",
            "cap.jsonl",
            "--forward-to",
            &app.url("/app"),
        ],
    );
    let mut stream = open_stream(&ui, "&since=0", None);
    let body = event("case.created", 9);
    assert_eq!(signed(ui.l.port, "/in", "msg_s", &body).status, 200);
    assert_eq!(post(ui.l.port, "/in", &[("webhook-id", "x")], b"{}").status, 401);
    ui.wait_for(2);
    let mut seen = read_stream_until(&mut stream, "\"seq\":2");
    for target in [format!("/?t={}", ui.token), "/app.js".into(), "/app.css".into()] {
        seen.push_str(&ui_request(ui.port, "GET", &target, &[], b"").text());
    }
    for path in ["/api/requests", "/api/requests/1", "/api/requests/2", "/api/requests?q=a"] {
        seen.push_str(&ui.get(path).1.to_string());
    }
    let (status, r) = ui.replay(1, serde_json::json!({"resign": true}));
    assert_eq!(status, 200, "{r}");
    seen.push_str(&r.to_string());
    for secret in [SECRET, OTHER_SECRET] {
        let key = secret.trim_start_matches("whsec_");
        assert!(!seen.contains(key), "the secret {secret} is in what the inspector served");
    }
    ui.l.stop();
}
