//! `hookctl sandbox -- CMD`: the command runs against a fresh sandbox with its address, token
//! and seed secret in the environment; the sandbox stops when it ends; hookctl exits with the
//! command's code, passes signals on, and cleans up its temporary database.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::TestEnv;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

fn bin() -> String {
    assert_cmd::cargo::cargo_bin("hookctl").display().to_string()
}

/// The `data DIR` of the `sandbox on URL (data DIR) for: CMD` line.
fn data_dir(stderr: &str) -> std::path::PathBuf {
    let line = stderr.lines().find(|l| l.contains("sandbox on ")).unwrap_or_else(|| panic!("{stderr}"));
    let dir = line.split("(data ").nth(1).and_then(|r| r.split(") for:").next()).unwrap();
    dir.into()
}

#[test]
fn the_command_gets_the_sandbox_in_its_environment_and_its_exit_code_is_ours() {
    let env = TestEnv::new();
    let script = r#"
        echo "url=$HOOKCTL_SANDBOX token=$HOOKCTL_SANDBOX_TOKEN secret=$HOOKCTL_SANDBOX_SECRET"
        # --sandbox without a URL means this sandbox, not the default port
        "$HOOKCTL_BIN" --json endpoints list --provider xpath --sandbox || exit 9
        exit 0
    "#;
    let out =
        env.cmd().env("HOOKCTL_BIN", bin()).args(["sandbox", "--", "sh", "-c", script]).output().unwrap();
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    let first = stdout.lines().next().unwrap();
    let url = first.split(' ').next().unwrap().strip_prefix("url=").unwrap();
    assert!(url.starts_with("http://127.0.0.1:") && !url.ends_with(":8788"), "a free port: {first}");
    assert!(first.contains(" token=hookctl-sandbox "), "{first}");
    assert!(first.ends_with(" secret=whsec_aG9va2N0bCBzYW5kYm94IHNlZWQgc2VjcmV0IDIwMjY="), "{first}");
    assert!(stdout.contains("wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW"), "the seeded xpath endpoint: {stdout}");
    // A fresh temporary database, removed at the end; the sandbox is gone too.
    let dir = data_dir(&stderr);
    assert!(dir.starts_with(std::env::temp_dir()), "{dir:?}");
    assert!(!dir.exists(), "{dir:?} was removed");
    let port: u16 = url.rsplit(':').next().unwrap().parse().unwrap();
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "the sandbox stopped");
}

#[test]
fn a_failing_or_killed_command_is_the_exit_code_and_a_named_data_dir_is_kept() {
    let env = TestEnv::new();
    let kept = env.path("sandbox-data");
    for (script, code) in [("exit 3", 3), ("exit 42", 42), ("kill -9 $$", 137), ("true", 0)] {
        let out = env
            .cmd()
            .args(["sandbox", "--data-dir"])
            .arg(&kept)
            .args(["--", "sh", "-c", script])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{script}: {}", text(&out.stderr));
    }
    assert!(kept.read_dir().unwrap().next().is_some(), "--data-dir is kept");
}

#[test]
fn a_command_that_cannot_start_is_a_usage_error() {
    let env = TestEnv::new();
    let out = env.cmd().args(["sandbox", "--", "./no-such-program-here"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("error: cannot run './no-such-program-here': "), "{err}");
}

/// Starts `sandbox -- sh -c SCRIPT`, waits for the script's `ready` line, sends `signal` to
/// hookctl (not the script), and returns hookctl's exit code and the script's output.
fn signal_while_running(script: &str, signals: &[&str]) -> (Option<i32>, String) {
    let env = TestEnv::new();
    let mut child = env
        .std_cmd()
        .args(["sandbox", "--", "sh", "-c", script])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let ready = lines.next().and_then(|l| l.ok()).unwrap_or_default();
    assert_eq!(ready, "ready");
    for s in signals {
        let ok =
            std::process::Command::new("kill").args([&format!("-{s}"), &child.id().to_string()]).status();
        assert!(ok.unwrap().success());
        std::thread::sleep(Duration::from_millis(100));
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "hookctl did not end");
        std::thread::sleep(Duration::from_millis(20));
    };
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    (status.code(), rest.join("\n"))
}

#[test]
fn sigterm_and_ctrl_c_are_passed_to_the_command_and_stop_both() {
    let looping =
        |trap: &str| format!("trap '{trap}' TERM INT HUP; echo ready; while :; do sleep 0.05; done");
    let (code, said) = signal_while_running(&looping("echo got-signal; exit 7"), &["TERM"]);
    assert_eq!((code, said.as_str()), (Some(7), "got-signal"));
    let (code, said) = signal_while_running(&looping("echo got-signal; exit 130"), &["INT"]);
    assert_eq!((code, said.as_str()), (Some(130), "got-signal"));
    // A command that ignores Ctrl-C is killed by the second one.
    let (code, _) = signal_while_running(&looping(""), &["INT", "INT"]);
    assert_eq!(code, Some(137));
}

/// `listen -- CMD`: CMD gets the listener's URL; CMD's failure decides, else the verdict.
#[test]
fn listen_runs_the_command_once_ready_and_its_failure_or_the_verdict_is_the_exit_code() {
    let env = TestEnv::new();
    let listen = |expect: &[&str], script: &str| {
        let out = env
            .cmd()
            .env("HOOKCTL_BIN", bin())
            .args(["listen", "--port", "0", "--json"])
            .args(expect)
            .args(["--", "sh", "-c", script])
            .output()
            .unwrap();
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    };
    let send = r#"case "$HOOKCTL_LISTEN_URL" in http://127.0.0.1:*) ;; *) exit 9 ;; esac
        [ -z "$HOOKCTL_ENDPOINT_ID" ] || exit 10
        "$HOOKCTL_BIN" send "$HOOKCTL_LISTEN_URL" --event case.closed > /dev/null 2>&1"#;
    // The command triggers the delivery; the expectation is met: 0.
    let (code, stdout, stderr) = listen(&["--expect", "1", "--timeout", "20s"], send);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("\"type\":\"request\""), "{stdout}");
    // The command fails (the trigger broke): its code, whatever the listener saw.
    let (code, ..) = listen(&["--expect", "1", "--timeout", "20s"], "exit 3");
    assert_eq!(code, Some(3));
    let (code, ..) = listen(&[], "kill -9 $$");
    assert_eq!(code, Some(137), "killed by a signal: 128 + 9");
    // The command succeeds but nothing arrives: the verdict, 6.
    let (code, ..) = listen(&["--expect", "1", "--timeout", "1s"], "true");
    assert_eq!(code, Some(6));
    // Without --expect the listener stops when the command ends.
    let started = Instant::now();
    let (code, ..) = listen(&[], "true");
    assert_eq!(code, Some(0));
    assert!(started.elapsed() < Duration::from_secs(15));
}

/// The CI recipe in one line: a sandbox, a registered listener, a trigger, the verdict.
#[test]
fn the_one_line_ci_recipe_passes_against_the_sandbox() {
    let env = TestEnv::new();
    let trigger = r#""$HOOKCTL_BIN" test "$HOOKCTL_ENDPOINT_ID""#;
    let out = env
        .cmd()
        .env("HOOKCTL_BIN", bin())
        .env("HOOKCTL_PROVIDER", "closient")
        .args(["sandbox", "--", &bin(), "listen", "--port", "0", "--register", "--expect", "1"])
        .args(["--timeout", "60s", "--", "sh", "-c", trigger])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
}
