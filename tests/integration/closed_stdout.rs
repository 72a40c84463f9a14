//! A closed stdout (`hookctl listen --json --expect 3 | head -n 1`) stops the display only:
//! listen ends through its normal shutdown — the registered endpoint deleted, the capture
//! whole — with the verdict it would have had. It used to exit 0 at the first write after
//! `head` was gone, so an unmet expectation read as success in CI and the endpoint stayed.
//! Other commands still end quietly with 0 (see `cli::a_closed_stdout_pipe_ends_quietly_with_0`).

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::listen::std_cmd;
use crate::support::sandbox::{Sandbox, TOKEN};
use crate::support::TestEnv;

const PREFIX: &str = "/closient/integrations/api/v1/webhooks";

fn provider_env(s: &Sandbox) -> Vec<(&'static str, String)> {
    vec![
        ("HOOKCTL_PROVIDER", "closient".into()),
        ("HOOKCTL_BASE_URL", s.base("closient")),
        ("HOOKCTL_TOKEN", TOKEN.into()),
        ("HOOKCTL_HTTP_TIMEOUT", "5s".into()),
    ]
}

fn endpoint_exists(s: &Sandbox, id: &str) -> bool {
    match s.get(&format!("{PREFIX}/endpoints/{id}/")) {
        (200, _) => true,
        (404, _) => false,
        (status, body) => panic!("GET endpoint {id}: {status} {body}"),
    }
}

/// Waits for the child to exit (at most `limit`), then returns its code and stderr.
fn finish(mut child: Child, limit: Duration) -> (Option<i32>, String) {
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    (status.code(), stderr)
}

#[test]
fn listen_into_head_keeps_its_verdict_deletes_the_endpoint_and_flushes_the_capture() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let capture = env.path("capture.jsonl");
    let mut cmd = std_cmd(&env);
    cmd.envs(provider_env(&s))
        .args(["listen", "--port", "0", "--json", "--register", "--expect", "3", "--timeout", "3s"])
        .arg("--capture")
        .arg(&capture)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    // `| head -n 1`: the ready line, then the reading end is closed.
    let ready: Value = {
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))
    };
    let id = ready["endpoint_id"].as_str().unwrap_or_else(|| panic!("no endpoint id: {ready}")).to_string();
    assert!(endpoint_exists(&s, &id), "endpoint {id} registered");
    // One delivery after `head` is gone: its display line meets the closed pipe.
    let out = env.cmd().envs(provider_env(&s)).args(["test", &id]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));

    let (code, stderr) = finish(child, Duration::from_secs(30));
    assert_eq!(code, Some(6), "1 of 3 expected deliveries is a timeout, not a success: {stderr}");
    assert!(stderr.contains("timed out after 3s: 1 of 3 expected deliveries arrived"), "{stderr}");
    assert!(!endpoint_exists(&s, &id), "endpoint {id} left behind");
    let text = std::fs::read_to_string(&capture).unwrap();
    let records: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 1, "{text}");
    assert_eq!(records[0]["verdict"], "valid", "{text}");
}

#[test]
fn a_server_command_with_a_closed_stdout_ends_quietly_with_0() {
    let env = TestEnv::new();
    let mut cmd = std_cmd(&env);
    cmd.args(["sandbox", "--port", "0", "--data-dir"])
        .arg(env.path("sb"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take()); // `| head -n 0`: its ready text meets a closed pipe
    let (code, stderr) = finish(child, Duration::from_secs(30));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}
