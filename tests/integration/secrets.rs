//! A signing secret that cannot work is the receiver's configuration error: exit 3, naming
//! which secret and what is wrong — never "signature invalid" (8), which blames the sender.

use std::process::Output;
use std::time::Duration;

use serde_json::json;

use crate::support::listen::{signed_headers, unix_now, SECRET};
use crate::support::{dead_port, TestEnv};

/// Malformed for Standard Webhooks, and the part that must never be echoed.
const BAD: &str = "whsec_!!notbase64SECRETPART";
const PUBLIC: &str = "whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 3 and one `error:` line that starts with `which` and says `what`; the secret is not shown.
fn assert_config_error(out: &Output, which: &str, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.starts_with(&format!("error: {which} cannot be used: ")), "{err}");
    assert!(err.contains(what), "{err}");
    assert!(!err.contains("SECRETPART") && !err.contains("panicked"), "{err}");
}

fn standard_headers(env: &TestEnv) -> Vec<String> {
    env.write("b.json", "{}");
    signed_headers(SECRET, "msg_1", unix_now(), b"{}").into_iter().map(|(k, v)| format!("{k}: {v}")).collect()
}

#[test]
fn verify_names_the_bad_secret_among_several() {
    let env = TestEnv::new();
    let mut cmd = env.cmd();
    cmd.args(["verify", "--body-file", "b.json", "--secret", SECRET, "--secret", BAD]);
    for h in standard_headers(&env) {
        cmd.args(["--header", &h]);
    }
    assert_config_error(&cmd.output().unwrap(), "--secret #2", "not valid base64");
}

#[test]
fn verify_names_the_environment_and_the_profile() {
    let env = TestEnv::new();
    let headers = standard_headers(&env);
    let verify = |extra: &dyn Fn(&mut assert_cmd::Command)| {
        let mut cmd = env.cmd();
        cmd.args(["verify", "--body-file", "b.json"]);
        for h in &headers {
            cmd.args(["--header", h]);
        }
        extra(&mut cmd);
        cmd.output().unwrap()
    };
    assert_config_error(
        &verify(&|c| {
            c.env("HOOKCTL_SECRET", BAD);
        }),
        "HOOKCTL_SECRET",
        "base64",
    );
    env.cmd().args(["config", "set", "secret", BAD]).assert().code(0);
    assert_config_error(&verify(&|_| {}), "profile 'default' secret", "base64");
    // An empty --secret is the same kind of error.
    assert_config_error(
        &verify(&|c| {
            c.args(["--secret", ""]);
        }),
        "--secret",
        "it is empty",
    );
}

#[test]
fn sign_refuses_a_public_key_an_empty_secret_and_bad_base64() {
    let env = TestEnv::new();
    env.write("b.json", "{}");
    let sign = |secret: &str, scheme: &str| {
        env.cmd()
            .args(["sign", "--scheme", scheme, "--body-file", "b.json", "--secret", secret])
            .output()
            .unwrap()
    };
    assert_config_error(&sign(PUBLIC, "standard"), "--secret", "whpk_ public key can only verify");
    assert_config_error(&sign(PUBLIC, "github"), "--secret", "whpk_ public key can only verify");
    assert_config_error(&sign("", "stripe"), "--secret", "it is empty");
    assert_config_error(&sign(BAD, "svix"), "--secret", "not valid base64");
    // Stripe uses the whole whsec_ string as bytes, so the same text signs there.
    assert_eq!(sign(BAD, "stripe").status.code(), Some(0));
}

#[test]
fn send_refuses_before_anything_is_sent() {
    let env = TestEnv::new();
    // A dead port: had it tried to send, the exit would be 5.
    let url = format!("http://127.0.0.1:{}/hooks", dead_port());
    let out = env.cmd().args(["send", &url, "--secret", BAD]).output().unwrap();
    assert_config_error(&out, "--secret", "not valid base64");
    let out = env.cmd().args(["send", &url]).env("HOOKCTL_SECRET", PUBLIC).output().unwrap();
    assert_config_error(&out, "HOOKCTL_SECRET", "public key");
}

#[test]
fn listen_refuses_to_start() {
    let env = TestEnv::new();
    for args in [
        vec!["--scheme", "standard", "--secret", BAD],
        vec!["--secret", SECRET, "--secret", "whsk_AAAA"],
        vec!["--secret", ""],
    ] {
        let out = env
            .cmd()
            .args(["listen", "--port", "0", "--timeout", "20s"])
            .args(&args)
            .timeout(Duration::from_secs(15))
            .output()
            .unwrap();
        let which = if args.len() == 4 && args[0] == "--secret" { "--secret #2" } else { "--secret" };
        assert_config_error(&out, which, "");
        assert!(!stderr(&out).contains("listening"), "{}", stderr(&out));
    }
}

#[test]
fn listen_with_auto_scheme_warns_about_a_whsec_secret_standard_cannot_decode() {
    let env = TestEnv::new();
    // Stripe uses whsec_ secrets as plain bytes, so auto mode cannot refuse it, only warn.
    let out = env
        .cmd()
        .args(["listen", "--port", "0", "--timeout", "1s", "--no-display", "--secret", BAD])
        .timeout(Duration::from_secs(15))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("warning: secret #1 cannot verify standard or svix requests"), "{err}");
    assert!(!err.contains("SECRETPART"), "{err}");
}

/// When a request arrives that only the unusable secret could verify, `--expect` ends with
/// the configuration error (3) naming the secret, not "signature invalid" (8).
#[test]
fn listen_expect_ends_with_3_when_no_secret_can_verify_the_request_that_arrived() {
    use crate::support::listen::{as_refs, post, Listener};
    let env = TestEnv::new();
    let l = Listener::start(&env, &["--secret", BAD, "--expect", "1", "--timeout", "20s"]);
    let headers = signed_headers(SECRET, "msg_1", unix_now(), b"{}");
    assert_eq!(post(l.port, "/", &as_refs(&headers), b"{}").status, 401);
    let out = l.wait();
    assert_eq!(out.code, Some(3), "{}", out.stderr);
    let error = out.stderr.lines().find(|l| l.starts_with("error: ")).unwrap_or_default();
    assert!(
        error.starts_with("error: a signing secret cannot be used: standard requests cannot be verified with it (secret #1: "),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("SECRETPART") && !out.stderr.contains("invalid signature arrived"),
        "{}",
        out.stderr
    );
}

#[test]
fn replay_resign_refuses_a_secret_that_cannot_sign_the_records() {
    let env = TestEnv::new();
    let line = json!({
        "id": "r1", "received_at": "2026-11-23T08:00:00Z", "method": "POST", "path": "/hooks",
        "headers": [["webhook-id", "m1"]], "body": "{}",
        "verdict": "valid", "scheme": "standard", "reason": null, "status": 200
    });
    env.write("cap.jsonl", format!("{line}\n"));
    let to = format!("http://127.0.0.1:{}/", dead_port());
    let replay = |secret: &str| {
        env.cmd()
            .args(["replay", "--from", "cap.jsonl", "--to", &to, "--all", "--resign", "--secret", secret])
            .output()
            .unwrap()
    };
    assert_config_error(&replay(BAD), "--secret", "record r1 is re-signed with standard");
    assert_config_error(&replay(PUBLIC), "--secret", "public key");
}
