//! listen and the inspector under hostile or careless use (issue 16, items 13–16): each test
//! failed before its fix.

use crate::support::listen::{Listener, SECRET};
use crate::support::TestEnv;

/// Item 15: a listener declared public (`--public-url`, a non-loopback `--host`) refuses to
/// start without a signing secret unless `--allow-unverified`, exactly like `--tunnel`.
#[test]
fn a_public_listener_without_a_secret_refuses_to_start() {
    let env = TestEnv::new();
    for args in [
        &["--public-url", "https://hooks.example.test/in"][..],
        &["--host", "0.0.0.0", "--forward-to", "http://127.0.0.1:9/"],
        &["--host", "::"],
    ] {
        let out = env.cmd().args(["listen", "--port", "0", "--timeout", "1s"]).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("error: refusing to") && err.contains("without a signing secret"), "{err}");
        assert!(err.contains("--allow-unverified"), "{err}");
        assert!(!err.contains("listening on"), "{args:?}: {err}");
    }
    // With a secret, or the risk accepted, it runs; loopback needs neither.
    for args in [
        &["--public-url", "https://hooks.example.test/in", "--secret", SECRET][..],
        &["--host", "0.0.0.0", "--allow-unverified"],
        &["--host", "localhost"],
    ] {
        let l = Listener::start(&env, &[&["--timeout", "1s"][..], args].concat());
        let out = l.wait();
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
    }
    // --allow-unverified on a loopback listener qualifies nothing: refused, not ignored.
    let out = env.cmd().args(["listen", "--port", "0", "--allow-unverified"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Item 16: `kill -9` after the provider created the endpoint but before its answer reached
/// `listen --register`: the intent was recorded before the create, so `endpoints cleanup`
/// finds the endpoint (by the description the record names) and deletes it.
#[test]
fn a_register_killed_before_the_create_answer_leaves_nothing_cleanup_cannot_find() {
    use std::time::{Duration, Instant};

    use crate::support::endpoints::Provider;
    let provider = Provider::start();
    let env = TestEnv::new();
    // Another endpoint of the user's own, which cleanup must leave alone.
    let own = provider
        .cmd(&env)
        .args(["endpoints", "create", "--url", "https://app.example.test/hooks", "--event", "cases.created"])
        .args(["--description", "hookctl listen --register (temporary, but not ours)"])
        .output()
        .unwrap();
    assert_eq!(own.status.code(), Some(0), "{}", String::from_utf8_lossy(&own.stderr));
    provider.hold_answers(true);
    let mut child = crate::support::listen::std_cmd(&env)
        .args(["listen", "--port", "0", "--register", "--public-url", "https://hooks.example.test/"])
        .envs(provider.env())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while provider.creates_done() < 2 {
        assert!(Instant::now() < deadline, "no create request arrived");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL: no cleanup of its own
    child.wait().unwrap();
    provider.hold_answers(false);
    assert_eq!(provider.ids().len(), 2, "the orphan exists at the provider");
    let out = provider.cmd(&env).args(["endpoints", "cleanup", "--json"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["deleted"].as_array().map(Vec::len), Some(1), "{doc} {err}");
    let left = provider.ids();
    assert_eq!(left.len(), 1, "the orphan is deleted, the user's own endpoint stays: {left:?}");
    assert_eq!(provider.get(&left[0]).unwrap()["url"], "https://app.example.test/hooks");
    // Nothing more to clean.
    let out = provider.cmd(&env).args(["endpoints", "cleanup"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no leftover"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Item 16: a record cut off mid-write (power loss) still names its endpoint: cleanup reads
/// what is there instead of skipping the file.
#[test]
fn cleanup_reads_a_half_written_record() {
    use crate::support::endpoints::Provider;
    let provider = Provider::start();
    let env = TestEnv::new();
    let made = provider
        .cmd(&env)
        .args([
            "endpoints",
            "create",
            "--url",
            "https://hooks.example.test/",
            "--event",
            "cases.created",
            "--json",
        ])
        .output()
        .unwrap();
    let made: serde_json::Value = serde_json::from_slice(&made.stdout).unwrap();
    let id = made["id"].as_str().unwrap().to_string();
    let dir = env.path("state/hookctl/registrations");
    std::fs::create_dir_all(&dir).unwrap();
    let whole = serde_json::to_string_pretty(&serde_json::json!({
        "provider": "xpath",
        "base_url": provider.stub.url(""),
        "run": "r0000000000000001",
        "url": "https://hooks.example.test/",
        "created_at": "2026-01-01T00:00:00Z",
        "pid": 1,
        "id": id,
    }))
    .unwrap();
    // Cut inside the last line's closing: the id line is whole, the object is not.
    let cut = &whole[..whole.len() - 2];
    std::fs::write(dir.join("xpath-r0000000000000001.json"), cut).unwrap();
    let out = provider.cmd(&env).args(["endpoints", "cleanup", "--json"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(provider.ids().is_empty(), "{err}");
}

/// Item 13: everything the inspector keeps counts toward its byte cap (64 MiB), headers too:
/// requests refused for a wrong path, each with 380 KB of headers, no longer pile up (2,000
/// took the listener to 800 MB); the oldest are evicted.
#[test]
fn the_inspector_counts_headers_toward_its_memory_cap() {
    use crate::support::listen::request;
    let env = TestEnv::new();
    let ui = crate::ui::WithUi::start(&env, &["--path", "/hooks", "--no-display"]);
    let value = "v".repeat(10_000);
    let names: Vec<String> = (0..38).map(|i| format!("x-pad-{i}")).collect();
    let headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), value.as_str())).collect();
    let sent = 300;
    for _ in 0..sent {
        let a = request(ui.l.port, "POST", "/elsewhere", &headers, b"{}").expect("request");
        assert_eq!(a.status, 404);
    }
    let (status, v) = ui.get("/api/requests?limit=1");
    assert_eq!(status, 200, "{v}");
    let kept = v["total"].as_u64().expect("total") as usize;
    let per_request = 38 * 10_000;
    assert!(kept < sent, "all {sent} requests of {per_request} bytes kept: headers are not counted");
    assert!(kept * per_request <= 64 << 20, "{kept} requests kept: more than 64 MiB");
    assert!(kept > 100, "the cap is 64 MiB, not less: {kept} kept");
    // The newest is there, the oldest went first.
    let newest = v["items"][0]["seq"].as_u64().unwrap();
    assert_eq!(newest as usize, sent);
}

/// Item 14: a replay from the inspector to a forward target with `user:password@` sends the
/// real password (it sent `user:***`), while the page and the answer show only `user:***`.
#[test]
fn inspector_replay_to_the_forward_target_keeps_its_password() {
    use crate::support::listen::{as_refs, post, signed_headers, unix_now};
    use crate::support::Stub;
    let target = Stub::start(axum::Router::new().fallback(axum::routing::any(|| async { "ok" })));
    let env = TestEnv::new();
    let forward = format!("http://hook-user:pw-s3cret@{}/in", target.addr);
    let ui = crate::ui::WithUi::start(&env, &["--secret", SECRET, "--forward-to", &forward, "--no-display"]);
    let body = br#"{"type":"case.closed"}"#;
    let h = signed_headers(SECRET, "msg_pw", unix_now(), body);
    assert_eq!(post(ui.l.port, "/", &as_refs(&h), body).status, 200);
    let items = ui.wait_for(1);
    let shown = items[0]["forwarded_to"].as_str().unwrap().to_string();
    assert!(shown.contains("hook-user:***@") && !shown.contains("pw-s3cret"), "{shown}");
    let seq = items[0]["seq"].as_u64().unwrap();
    let (status, answer) = ui.replay(seq, serde_json::json!({}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["status"], 200, "{answer}");
    assert!(!answer.to_string().contains("pw-s3cret"), "{answer}");
    let got = target.requests();
    assert_eq!(got.len(), 2, "forwarded once, replayed once");
    use base64::Engine;
    let basic = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("hook-user:pw-s3cret"));
    for r in &got {
        assert_eq!(r.header("authorization"), Some(basic.as_str()), "{:?}", r.headers);
    }
}
