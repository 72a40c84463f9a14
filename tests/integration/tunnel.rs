//! `listen --tunnel` through a real bore server (the `bore-cli` crate, in the test, on its own
//! loopback address); `--register` against an in-memory provider where the test needs to
//! script it (failed deletes, URL moves) — the sandbox tests are in `tunnel_sandbox`.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use crate::support::bore::BoreServer;
use crate::support::endpoints::{Provider, ENDPOINT_SECRET};
use crate::support::listen::{as_refs, read_capture, request_at, signed_headers, unix_now, Listener, SECRET};
use crate::support::TestEnv;

/// Polls the listener's stderr until `needle` shows up (bounded).
pub(crate) fn wait_for(l: &Listener, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let err = l.stderr_so_far();
        if err.contains(needle) {
            return err;
        }
        assert!(Instant::now() < deadline, "waited for {needle:?}; stderr: {err}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The public address from the `public URL: http://IP:PORT/` line.
fn public_addr(l: &Listener) -> SocketAddr {
    let err = wait_for(l, "public URL: ");
    let line = err.lines().find_map(|l| l.strip_prefix("public URL: ")).unwrap();
    line.trim_start_matches("http://").split('/').next().unwrap().parse().unwrap()
}

/// The id from `registered temporary … ID → URL`.
pub(crate) fn registered_id(l: &Listener) -> String {
    let err = wait_for(l, "registered temporary");
    let line = err.lines().find(|l| l.starts_with("registered temporary")).unwrap();
    line.split(' ').nth(4).unwrap().to_string()
}

pub(crate) fn signed_post(addr: SocketAddr, secret: &str, id: &str, body: &[u8]) -> std::io::Result<u16> {
    let headers = signed_headers(secret, id, unix_now(), body);
    request_at(addr, "POST", "/", &as_refs(&headers), body).map(|a| a.status)
}

#[test]
fn a_signed_request_through_the_tunnel_arrives_byte_for_byte_and_verifies() {
    let bore = BoreServer::start();
    let env = TestEnv::new();
    let capture = env.path("hooks.jsonl");
    let l = Listener::start(
        &env,
        &["--secret", SECRET, "--tunnel", &bore.spec(), "--capture", capture.to_str().unwrap(), "--json"],
    );
    let public = public_addr(&l);
    assert_eq!(public.ip(), std::net::IpAddr::from(bore.ip), "the public port is on the bore server");
    // Odd spacing, non-ASCII and escapes: any re-serialisation would break the signature.
    let body = "{ \"type\":\"case.assigned\",  \"name\":\"Zoë \\u00e9\\n\", \"n\":1.50 }".as_bytes();
    assert_eq!(signed_post(public, SECRET, "msg_tunnel_1", body).unwrap(), 200);
    let out = l.stop();
    let ready = &out.json_lines()[0];
    assert_eq!(ready["type"], "ready");
    assert_eq!(ready["public_url"], format!("http://{public}/"));
    let records = read_capture(&capture);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["body"].as_str().unwrap().as_bytes(), body);
    assert_eq!(records[0]["verdict"], "valid");
}

#[test]
fn a_dropped_tunnel_is_reported_requests_fail_meanwhile_and_it_reconnects() {
    let mut bore = BoreServer::start();
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--secret", SECRET, "--tunnel", &bore.spec()]);
    let public = public_addr(&l);
    assert_eq!(signed_post(public, SECRET, "msg_before", b"{\"type\":\"a\"}").unwrap(), 200);

    bore.stop();
    wait_for(&l, "dropped");
    // During the outage the sender gets an error or a non-2xx, never a 2xx.
    if let Ok(status) = signed_post(public, SECRET, "msg_during", b"{\"type\":\"b\"}") {
        assert!(!(200..300).contains(&status), "a 2xx during the outage: {status}");
    }

    bore.restart();
    let err = wait_for(&l, "tunnel back");
    assert!(err.contains(&format!("tunnel back: http://{public}/")), "same public URL again: {err}");
    assert_eq!(signed_post(public, SECRET, "msg_after", b"{\"type\":\"c\"}").unwrap(), 200);
    let out = l.stop();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[test]
fn a_tunnel_without_a_signing_secret_refuses_to_start() {
    let env = TestEnv::new();
    let out = env.cmd().args(["listen", "--port", "0", "--tunnel", "bore:127.0.0.1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error: refusing to open a public tunnel to a listener without a signing secret"),
        "{err}"
    );
    assert!(err.contains("--allow-unverified"), "{err}");
    assert!(!err.contains("listening on"), "{err}");
}

#[test]
fn an_unreachable_bore_server_is_a_network_error() {
    let env = TestEnv::new();
    // 127.0.0.1:7835 has no bore server in the test environment (bore servers use 127.x.y.z).
    let out = env
        .cmd()
        .args(["listen", "--port", "0", "--allow-unverified", "--tunnel", "bore:127.255.255.254"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open a tunnel through bore server"));
}

/// Starts `listen --register` against `provider` and returns it with the endpoint id, after
/// checking that the endpoint exists and points at the listener.
fn register(env: &TestEnv, provider: &Provider, extra: &[&str]) -> (Listener, String) {
    let mut args = vec!["--register", "--event", "cases.created", "--json"];
    args.extend_from_slice(extra);
    let l = Listener::start_with(env, &args, |c| {
        c.envs(provider.env());
    });
    let id = registered_id(&l);
    let e = provider.get(&id).unwrap_or_else(|| panic!("endpoint {id} does not exist while listening"));
    assert_eq!(e["url"], l.url("/"));
    assert_eq!(e["events"], serde_json::json!(["cases.created"]));
    (l, id)
}

#[test]
fn public_url_is_announced_and_registered() {
    let provider = Provider::start();
    let env = TestEnv::new();
    let url = "https://hooks.example.test/in";
    let l = Listener::start_with(&env, &["--register", "--public-url", url, "--timeout", "1s"], |c| {
        c.envs(provider.env());
    });
    let id = registered_id(&l);
    assert_eq!(provider.get(&id).unwrap()["url"], url);
    let out = l.wait();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains(&format!("public URL: {url}")), "{}", out.stderr);
    assert_eq!(out.json_lines()[0]["public_url"], url);
    assert!(provider.ids().is_empty());

    let out = env.cmd().args(["listen", "--port", "0", "--public-url", "not a url"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not an http(s) URL"));
}

#[test]
fn a_failed_delete_prints_the_id_and_command_and_exits_non_zero() {
    let provider = Provider::start();
    let env = TestEnv::new();
    let (l, id) = register(&env, &provider, &["--timeout", "1s"]);
    provider.fail_deletes(true);
    let out = l.wait();
    assert_eq!(out.code, Some(5), "{}", out.stderr);
    let base = provider.stub.url("");
    assert!(
        out.stderr
            .contains(&format!("hookctl endpoints delete {id} --yes --provider xpath --base-url {base}")),
        "{}",
        out.stderr
    );
    assert!(provider.get(&id).is_some());
    provider.fail_deletes(false);
    let out = provider.cmd(&env).args(["endpoints", "cleanup", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["deleted"][0]["id"], id.as_str());
    assert!(provider.ids().is_empty());
}

#[test]
fn register_through_a_tunnel_points_the_endpoint_at_the_public_url() {
    let bore = BoreServer::start();
    let provider = Provider::start();
    let env = TestEnv::new();
    let l = Listener::start_with(&env, &["--register", "--tunnel", &bore.spec(), "--expect", "1"], |c| {
        c.envs(provider.env());
    });
    let id = registered_id(&l);
    let public = public_addr(&l);
    assert_eq!(provider.get(&id).unwrap()["url"], format!("http://{public}/"));
    // No --secret: the endpoint's secret verifies the request that came through the tunnel.
    assert_eq!(signed_post(public, ENDPOINT_SECRET, "msg_t", b"{\"type\":\"cases.created\"}").unwrap(), 200);
    let out = l.wait();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(provider.ids().is_empty());
}

#[test]
fn register_refuses_a_remote_provider_without_a_public_address() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("HOOKCTL_PROVIDER", "xpath")
        .env("HOOKCTL_BASE_URL", "https://api.example.com")
        .env("HOOKCTL_TOKEN", "tok")
        .args(["listen", "--port", "0", "--register"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot reach a listener on this machine"));
}

#[test]
fn a_tunnel_back_on_another_port_prints_the_new_url_and_moves_the_registration() {
    let mut bore = BoreServer::start();
    let provider = Provider::start();
    let env = TestEnv::new();
    let l = Listener::start_with(&env, &["--register", "--tunnel", &bore.spec()], |c| {
        c.envs(provider.env());
    });
    let id = registered_id(&l);
    let old = public_addr(&l);
    bore.stop();
    wait_for(&l, "dropped");
    // Someone else takes the old public port while the server is down.
    let squatter = std::net::TcpListener::bind(old).expect("the old public port is free again");
    bore.restart();
    let err = wait_for(&l, "tunnel back with a new public URL: ");
    let new: SocketAddr = err
        .lines()
        .find_map(|l| l.strip_prefix("tunnel back with a new public URL: http://"))
        .and_then(|rest| rest.trim_end_matches('/').parse().ok())
        .unwrap();
    assert_ne!(new, old);
    wait_for(&l, "now points at");
    assert_eq!(provider.get(&id).unwrap()["url"], format!("http://{new}/"));
    assert_eq!(signed_post(new, ENDPOINT_SECRET, "msg_new", b"{\"type\":\"cases.created\"}").unwrap(), 200);
    drop(squatter);
    let out = l.stop();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(provider.ids().is_empty());
}

#[test]
fn through_the_tunnel_listen_keeps_its_502_and_413_answers() {
    let bore = BoreServer::start();
    let env = TestEnv::new();
    let dead = format!("http://127.0.0.1:{}/", crate::support::dead_port());
    let l = Listener::start(
        &env,
        &["--secret", SECRET, "--tunnel", &bore.spec(), "--forward-to", &dead, "--max-body", "64"],
    );
    let public = public_addr(&l);
    // The app is down: the sender learns it (502), it is not told "delivered".
    assert_eq!(signed_post(public, SECRET, "msg_502", b"{\"type\":\"x\"}").unwrap(), 502);
    let big = vec![b'a'; 1000];
    assert_eq!(signed_post(public, SECRET, "msg_413", &big).unwrap(), 413);
    let out = l.stop();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[test]
fn a_bore_server_with_a_secret_needs_the_right_tunnel_secret() {
    let bore = BoreServer::start_with(Some("bore-s3cret"));
    let env = TestEnv::new();
    for given in [None, Some("guess-x7q")] {
        let mut cmd = env.cmd();
        cmd.args(["listen", "--port", "0", "--secret", SECRET, "--tunnel", &bore.spec()]);
        if let Some(s) = given {
            cmd.args(["--tunnel-secret", s]);
        }
        let out = cmd.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{given:?}: {err}");
        assert!(err.contains("--tunnel-secret"), "{err}");
        assert!(!err.contains("bore-s3cret") && !err.contains("guess-x7q"), "no secret in output: {err}");
    }
    let l = Listener::start_with(&env, &["--secret", SECRET, "--tunnel", &bore.spec()], |c| {
        c.env("HOOKCTL_TUNNEL_SECRET", "bore-s3cret");
    });
    let public = public_addr(&l);
    assert_eq!(signed_post(public, SECRET, "msg_auth", b"{\"type\":\"a\"}").unwrap(), 200);
    assert_eq!(l.stop().code, Some(0));
    // A secret for an open server (it never sends the challenge): exit 3 and what to do.
    let open = BoreServer::start();
    let out = env
        .cmd()
        .args([
            "listen",
            "--port",
            "0",
            "--secret",
            SECRET,
            "--tunnel",
            &open.spec(),
            "--tunnel-secret",
            "guess-x7q",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.starts_with("error: cannot open a tunnel through bore server "), "{err}");
    assert!(err.contains("an open server takes none: leave it out"), "{err}");
    assert!(!err.contains("guess-x7q"), "{err}");
}

#[test]
fn a_password_in_the_base_url_is_neither_shown_nor_recorded_and_cleanup_still_matches() {
    let provider = Provider::start();
    let env = TestEnv::new();
    let base = provider.stub.url("").replace("http://", "http://bob:pw-s3cret@");
    let with_base = |c: &mut std::process::Command| {
        c.envs(provider.env()).env("HOOKCTL_BASE_URL", &base);
    };
    let l = Listener::start_with(
        &env,
        &["--register", "--public-url", "https://u:url-s3cret@hooks.example.test/"],
        with_base,
    );
    let id = registered_id(&l);
    provider.fail_deletes(true);
    let out = l.stop();
    assert_eq!(out.code, Some(5), "{}", out.stderr);
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(!all.contains("pw-s3cret") && !all.contains("url-s3cret"), "a password in the output: {all}");
    assert!(all.contains("--base-url http://bob:***@127.0.0.1:"), "{all}");
    assert!(all.contains("public URL: https://u:***@hooks.example.test/"), "{all}");
    for f in std::fs::read_dir(env.path("state/hookctl/registrations")).unwrap() {
        let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
        assert!(text.contains(&id) && !text.contains("s3cret"), "a password in the record: {text}");
    }
    provider.fail_deletes(false);
    let out =
        provider.cmd(&env).env("HOOKCTL_BASE_URL", &base).args(["endpoints", "cleanup"]).output().unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains(&format!("deleted leftover endpoint {id}")), "{said}");
    assert!(!said.contains("s3cret"), "{said}");
    assert!(provider.ids().is_empty());
}

#[test]
fn cleanup_with_nothing_to_clean_says_so_and_an_unreadable_record_dir_is_an_error() {
    let mut provider = Provider::start();
    provider.stub.may_go_unused();
    let env = TestEnv::new();
    let out = provider.cmd(&env).args(["endpoints", "cleanup"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no leftover registrations to delete"));
    let out = provider.cmd(&env).args(["endpoints", "cleanup", "--json"]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc, serde_json::json!({"deleted": [], "failed": [], "skipped": []}));
    // A record directory that cannot be read must not pass for "nothing to clean".
    std::fs::create_dir_all(env.path("state/hookctl")).unwrap();
    std::fs::write(env.path("state/hookctl/registrations"), "").unwrap();
    let out = provider.cmd(&env).args(["endpoints", "cleanup"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error: cannot read the registration records in "), "{err}");
    assert!(!err.contains("no leftover"), "{err}");
}

#[test]
fn an_unwritable_record_dir_is_a_warning_naming_it_and_the_endpoint_is_still_deleted() {
    let provider = Provider::start();
    let env = TestEnv::new();
    std::fs::write(env.path("state"), "not a directory").unwrap();
    let (l, id) = register(&env, &provider, &["--timeout", "1s"]);
    let out = l.wait();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains("warning: cannot record the registration in "), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("if this run is killed, delete endpoint {id} yourself")),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("leftovers of earlier runs are not cleaned up"), "{}", out.stderr);
    assert!(provider.ids().is_empty());
}

#[test]
fn ctrl_c_while_the_endpoint_is_being_created_still_deletes_it() {
    let provider = Provider::start();
    let env = TestEnv::new();
    provider.hold_creates(true);
    let mut cmd = crate::support::listen::std_cmd(&env);
    cmd.args(["listen", "--port", "0", "--register", "--public-url", "https://hooks.example.test/"])
        .envs(provider.env())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while provider.creates_started() == 0 {
        assert!(Instant::now() < deadline, "no create request arrived");
        std::thread::sleep(Duration::from_millis(10));
    }
    let ok = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(ok.success());
    // Once the process has taken the signal, the provider answers: the endpoint exists, and
    // must not stay.
    crate::support::listen::wait_signal_taken(child.id());
    provider.hold_creates(false);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("deleted temporary endpoint"), "{err}");
    assert!(provider.ids().is_empty(), "left behind: {:?}", provider.ids());
}

/// The command in the hint of an undeleted endpoint, split into its arguments.
fn printed_delete_command(stderr: &str) -> Vec<String> {
    let start = stderr.find("`hookctl endpoints delete ").expect("a delete command") + 1;
    let len = stderr[start..].find('`').unwrap();
    stderr[start..start + len].split_whitespace().skip(1).map(str::to_string).collect()
}

#[test]
fn the_printed_delete_command_runs_as_is_with_the_profile_of_the_run() {
    let provider = Provider::start();
    let env = TestEnv::new();
    // The token is only in the `staging` profile: a command without --profile has none.
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    let config = format!(
        "[profiles.staging]\nprovider = \"xpath\"\nbase_url = \"{}\"\ntoken = \"{}\"\n",
        provider.stub.url(""),
        crate::support::api::TOKEN
    );
    std::fs::write(env.config_path(), config).unwrap();
    let l = Listener::start(
        &env,
        &["--register", "--profile", "staging", "--public-url", "https://hooks.example.test/"],
    );
    let id = registered_id(&l);
    provider.fail_deletes(true);
    let out = l.stop();
    assert_eq!(out.code, Some(5), "{}", out.stderr);
    let args = printed_delete_command(&out.stderr);
    assert!(args.windows(2).any(|w| w == ["--profile", "staging"]), "{args:?}");
    provider.fail_deletes(false);
    let out = env.cmd().args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(provider.get(&id).is_none(), "the printed command did not delete {id}");
}

#[test]
fn sigterm_while_a_request_is_forwarded_through_the_tunnel_lets_it_finish() {
    use axum::routing::any;
    // The app answers only when the test opens the gate: after the listener began to stop.
    let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(0));
    let held = gate.clone();
    let app = crate::support::Stub::start(axum::Router::new().fallback(any(move || {
        let held = held.clone();
        async move {
            let _permit = held.acquire().await;
            "app-ok"
        }
    })));
    let bore = BoreServer::start();
    let env = TestEnv::new();
    let capture = env.path("hooks.jsonl");
    let l = Listener::start(
        &env,
        &[
            "--secret",
            SECRET,
            "--tunnel",
            &bore.spec(),
            "--forward-to",
            &app.url("/"),
            "--capture",
            capture.to_str().unwrap(),
        ],
    );
    let public = public_addr(&l);
    let sender = std::thread::spawn(move || {
        let body = b"{\"type\":\"case.updated\"}";
        let headers = crate::support::listen::signed_headers(SECRET, "msg_inflight", unix_now(), body);
        request_at(public, "POST", "/", &as_refs(&headers), body)
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.requests().is_empty() {
        assert!(Instant::now() < deadline, "the request never reached the app");
        std::thread::sleep(Duration::from_millis(10));
    }
    // SIGTERM while the app is still answering; the app answers once the listener has closed
    // its socket, i.e. is shutting down with the request in flight.
    l.signal("TERM");
    crate::support::listen::wait_port_closed(l.port);
    gate.add_permits(1);
    let out = l.wait();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let answer = sender.join().unwrap().expect("the sender got an answer");
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.text(), "app-ok");
    assert_eq!(read_capture(&capture).len(), 1, "captured");
}

#[test]
fn hookctl_tunnel_secret_in_the_environment_does_not_break_a_listen_without_a_tunnel() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("HOOKCTL_TUNNEL_SECRET", "bore-s3cret")
        .args(["listen", "--port", "0", "--timeout", "300ms", "--no-display"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // The flag itself still needs --tunnel.
    let out = env.cmd().args(["listen", "--port", "0", "--tunnel-secret", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_endpoint_secret_from_the_create_answer_is_never_shown() {
    let provider = Provider::start();
    let bore = BoreServer::start();
    let env = TestEnv::new();
    let capture = env.path("hooks.jsonl");
    let l = Listener::start_with(
        &env,
        &["--register", "--tunnel", &bore.spec(), "--capture", capture.to_str().unwrap(), "--json", "-vvv"],
        |c| {
            c.envs(provider.env());
        },
    );
    let public = public_addr(&l);
    assert_eq!(signed_post(public, ENDPOINT_SECRET, "msg_ok", b"{\"type\":\"cases.created\"}").unwrap(), 200);
    assert_ne!(signed_post(public, SECRET, "msg_bad", b"{\"type\":\"cases.created\"}").unwrap(), 200);
    let out = l.stop();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.requests()[0]["verdict"], "valid", "verified with the endpoint's secret");
    let key = ENDPOINT_SECRET.trim_start_matches("whsec_");
    let mut seen = format!("{}{}{}", out.stdout, out.stderr, std::fs::read_to_string(&capture).unwrap());
    if let Ok(dir) = std::fs::read_dir(env.path("state/hookctl/registrations")) {
        for f in dir {
            seen.push_str(&std::fs::read_to_string(f.unwrap().path()).unwrap());
        }
    }
    assert!(!seen.contains(key), "the endpoint secret was shown: {seen}");
}

#[test]
fn register_without_a_provider_is_a_configuration_error_before_listening() {
    let env = TestEnv::new();
    let out = env.cmd().args(["listen", "--port", "0", "--register"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.starts_with("error: the provider is not set"), "{err}");
    assert!(!err.contains("listening on"), "{err}");
}

#[test]
fn a_server_that_hangs_up_after_the_secret_is_a_secret_error_not_a_network_one() {
    use std::io::{Read, Write};
    // A bore server that rejects the secret by hanging up at once (what a reset that overtakes
    // bore's "invalid secret" looks like to the client).
    let server = (0..50)
        .find_map(|_| {
            let ip = std::net::Ipv4Addr::new(
                127,
                rand::random::<u8>().max(1),
                rand::random(),
                rand::random::<u8>().max(2),
            );
            std::net::TcpListener::bind((ip, 7835)).ok().map(|l| (ip, l))
        })
        .expect("a free loopback address");
    let (ip, listener) = server;
    let thread = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        conn.write_all(b"{\"Challenge\":\"6f2a8e4c-1b7d-4e8f-9a3c-2d5b7e9f1a0c\"}\0").unwrap();
        let mut buf = [0u8; 256];
        let _ = conn.read(&mut buf); // the client's answer; then hang up
    });
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["listen", "--port", "0", "--secret", SECRET, "--tunnel", &format!("bore:{ip}")])
        .args(["--tunnel-secret", "guess-x7q"])
        .output()
        .unwrap();
    thread.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("right after the secret was sent"), "{err}");
    assert!(err.contains("--tunnel-secret"), "{err}");
}

#[test]
fn a_tunnel_relying_on_a_create_answer_without_a_secret_refuses_and_deletes_the_endpoint() {
    let provider = Provider::start();
    provider.answer_without_secret(true);
    let bore = BoreServer::start();
    let env = TestEnv::new();
    let out = provider
        .cmd(&env)
        .args(["listen", "--port", "0", "--register", "--tunnel", &bore.spec(), "--timeout", "20s"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error: refusing to open a public tunnel to a listener without a signing secret"),
        "{err}"
    );
    assert!(!err.contains("listening on"), "{err}");
    assert_eq!(provider.creates_started(), 1);
    assert!(provider.ids().is_empty(), "the endpoint was left behind");
    // With --allow-unverified it is the user's choice: a warning, and it runs.
    let out = provider
        .cmd(&env)
        .args(["listen", "--port", "0", "--register", "--tunnel", &bore.spec(), "--allow-unverified"])
        .args(["--timeout", "300ms"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("carries no signing secret"), "{err}");
    assert!(provider.ids().is_empty());
}

#[test]
fn a_fixed_public_port_taken_during_an_outage_is_said_once_and_taken_back_when_free() {
    let mut bore = BoreServer::start();
    // A free port on the server's address, asked for explicitly (bore:HOST:PORT).
    let port = std::net::TcpListener::bind((bore.ip, 0)).unwrap().local_addr().unwrap().port();
    let env = TestEnv::new();
    let spec = format!("{}:{port}", bore.spec());
    let l = Listener::start(&env, &["--secret", SECRET, "--tunnel", &spec]);
    let public = public_addr(&l);
    assert_eq!(public.port(), port);
    bore.stop();
    wait_for(&l, "dropped");
    let squatter = std::net::TcpListener::bind(public).expect("the public port is free while bore is down");
    bore.restart();
    let err = wait_for(&l, "tunnel reconnect refused: ");
    assert!(err.contains("port already in use"), "{err}");
    drop(squatter);
    let err = wait_for(&l, "tunnel back");
    assert!(err.contains(&format!("tunnel back: http://{public}/")), "the same URL again: {err}");
    assert_eq!(err.matches("tunnel reconnect refused").count(), 1, "said once: {err}");
    assert_eq!(signed_post(public, SECRET, "msg_fixed", b"{\"type\":\"a\"}").unwrap(), 200);
    assert_eq!(l.stop().code, Some(0));
}
