//! `hookctl verify`: the contract scripts rely on (exit 0/2/3/8, `--json` shape, stderr lines),
//! checked against every published vector through the real binary.

use base64::Engine;
use serde_json::Value;

use crate::support::{stdout_json, TestEnv};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const BODY: &str = r#"{"test": 2432232314}"#;
const TS: &str = "1614265330";
const VECTORS: &str = include_str!("../fixtures/signature-vectors.json");

fn std_headers(sig: &str) -> Vec<String> {
    vec![
        "webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek".into(),
        format!("webhook-timestamp: {TS}"),
        format!("webhook-signature: {sig}"),
    ]
}

fn good() -> Vec<String> {
    std_headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
}

fn verify_cmd(env: &TestEnv, headers: &[String], body: &str) -> assert_cmd::Command {
    verify_at(env, headers, body, TS)
}

fn verify_at(env: &TestEnv, headers: &[String], body: &str, at: &str) -> assert_cmd::Command {
    let file = env.write("body.json", body);
    let mut cmd = env.cmd();
    cmd.arg("verify").arg("--body-file").arg(file).args(["--at", at]);
    for h in headers {
        cmd.args(["--header", h]);
    }
    cmd
}

fn text(out: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn valid_signature_exits_0_with_a_success_line() {
    let env = TestEnv::new();
    let out = verify_cmd(&env, &good(), BODY).args(["--secret", SECRET]).output().unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("✓ valid standard signature (secret #1)"), "{stderr}");
    assert!(stdout.is_empty(), "stdout stays data-only: {stdout}");
}

#[test]
fn tampered_body_exits_8_with_reason() {
    let env = TestEnv::new();
    let out =
        verify_cmd(&env, &good(), r#"{"test": 2432232315}"#).args(["--secret", SECRET]).output().unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(8));
    assert_eq!(stderr.trim(), "error: signature invalid: no signature matched (1 tried)");
}

#[test]
fn tolerance_edges_300_and_301_seconds() {
    let env = TestEnv::new();
    let at = |secs: i64| (TS.parse::<i64>().unwrap() + secs).to_string();
    let run = |secs: i64| {
        let mut cmd = verify_at(&env, &good(), BODY, &at(secs));
        cmd.args(["--secret", SECRET]);
        cmd.output().unwrap()
    };
    assert_eq!(run(300).status.code(), Some(0));
    assert_eq!(run(-300).status.code(), Some(0));
    let old = run(301);
    assert_eq!(old.status.code(), Some(8));
    assert!(text(&old).1.contains("timestamp too old (301 s > 300 s)"), "{}", text(&old).1);
    let new = run(-301);
    assert_eq!(new.status.code(), Some(8));
    assert!(text(&new).1.contains("timestamp too new"));
    // --tolerance widens the window.
    let out = verify_at(&env, &good(), BODY, &at(412))
        .args(["--secret", SECRET, "--tolerance", "600"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn json_shape_for_valid_and_invalid() {
    let env = TestEnv::new();
    let out = verify_cmd(&env, &good(), BODY)
        .args(["--json", "--secret", "whsec_b2xkIHNlY3JldCBieXRlcw==", "--secret", SECRET])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_json(&out),
        serde_json::json!({"valid": true, "scheme": "standard", "reason": null, "secret_index": 1})
    );

    let out =
        verify_cmd(&env, &good(), "{}").args(["--output", "json", "--secret", SECRET]).output().unwrap();
    assert_eq!(out.status.code(), Some(8));
    let v = stdout_json(&out);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["valid", "scheme", "reason", "secret_index"]);
    assert_eq!(v["valid"], false);
    assert_eq!(v["scheme"], "standard");
    assert_eq!(v["reason"], "no signature matched (1 tried)");
    assert_eq!(v["secret_index"], Value::Null);

    // Nothing recognisable: scheme is null too.
    let out = verify_cmd(&env, &["X-Other: 1".to_string()], BODY)
        .args(["--json", "--secret", SECRET])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let v = stdout_json(&out);
    assert_eq!(v["scheme"], Value::Null);
    assert!(v["reason"].as_str().unwrap().starts_with("no signature headers found ("));
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    env.write("b.json", BODY);
    let cases: Vec<Vec<&str>> = vec![
        vec!["verify", "--secret", SECRET, "--header", "no colon here", "--body-file", "b.json"],
        vec!["verify", "--secret", SECRET, "--header", ": empty name", "--body-file", "b.json"],
        vec!["verify", "--secret", SECRET, "--header", "a: b", "--body-file", "missing.json"],
        vec!["verify", "--secret", SECRET, "--header", "a: b"],
        vec!["verify", "--scheme", "md5", "--secret", SECRET, "--body-file", "b.json"],
        vec!["verify", "--secret", SECRET, "--body-file", "b.json", "--at", "yesterday"],
    ];
    for args in cases {
        let out = env.cmd().args(&args).output().unwrap();
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("error:"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn header_without_colon_names_the_problem() {
    let env = TestEnv::new();
    let out = verify_cmd(&env, &["webhook-id msg_1".to_string()], BODY)
        .args(["--secret", SECRET])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let (_, stderr) = text(&out);
    assert!(stderr.starts_with("error: invalid --header 'webhook-id msg_1'"), "{stderr}");
    assert!(stderr.contains("hint: write headers as --header 'Name: value'"));
}

#[test]
fn missing_secret_exits_3_with_a_hint() {
    let env = TestEnv::new();
    let out = verify_cmd(&env, &good(), BODY).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out).1.contains("hint:"));
}

#[test]
fn secret_from_environment() {
    let env = TestEnv::new();
    let out = verify_cmd(&env, &good(), BODY).env("HOOKCTL_SECRET", SECRET).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);
}

#[cfg(unix)]
#[test]
fn secret_from_a_private_config_profile_and_never_printed() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.cmd().args(["config", "set", "secret", SECRET]).assert().code(0);
    let mode = std::fs::metadata(env.config_path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the file holding the secret is private");
    for extra in [vec![], vec!["-v"], vec!["--json"], vec!["-vv", "--json"]] {
        let out = verify_cmd(&env, &good(), BODY).args(&extra).output().unwrap();
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{extra:?}: {stderr}");
        assert!(!format!("{stdout}{stderr}").contains("MfKQ9r8GKYqr"), "{extra:?} leaked: {stdout}{stderr}");
    }
    // Invalid verdicts and bad secrets do not echo it either.
    let out = verify_cmd(&env, &good(), "{}")
        .args(["-v", "--secret", "whsec_!!notbase64MfKQ9r8GKYqr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let (stdout, stderr) = text(&out);
    assert!(!format!("{stdout}{stderr}").contains("MfKQ9r8GKYqr"), "{stdout}{stderr}");
}

#[test]
fn body_from_stdin_and_non_utf8_bodies() {
    let env = TestEnv::new();
    let mut cmd = env.cmd();
    cmd.args(["verify", "--secret", SECRET, "--body-file", "-", "--at", TS]);
    for h in good() {
        cmd.args(["--header", &h]);
    }
    cmd.write_stdin(BODY).assert().code(0);

    // Sign a binary body with the CLI, then verify it from a file.
    let bin: Vec<u8> = vec![0xff, 0xfe, 0x00, b'x', 0x80, 0x1b];
    let file = env.write("bin.dat", &bin);
    let out = env
        .cmd()
        .args(["sign", "--secret", SECRET, "--id", "msg_bin", "--at", TS, "--body-file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut cmd = env.cmd();
    cmd.args(["verify", "--secret", SECRET, "--at", TS, "--body-file"]).arg(&file);
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        cmd.args(["--header", line]);
    }
    cmd.assert().code(0);
}

#[test]
fn colour_policy_on_stderr() {
    let env = TestEnv::new();
    let forced = verify_cmd(&env, &good(), BODY)
        .args(["--secret", SECRET])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(text(&forced).1.contains("\x1b["), "CLICOLOR_FORCE colours: {:?}", text(&forced).1);
    let off = verify_cmd(&env, &good(), "{}")
        .args(["--secret", SECRET])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(off.status.code(), Some(8));
    assert!(!text(&off).1.contains('\x1b'), "NO_COLOR wins: {:?}", text(&off).1);
    let never =
        verify_cmd(&env, &good(), BODY).args(["--secret", SECRET, "--color", "never"]).output().unwrap();
    assert!(!text(&never).1.contains('\x1b'));
}

#[test]
fn hostile_header_values_are_escaped_in_the_reason() {
    let env = TestEnv::new();
    let headers = std_headers("v1,x");
    let mut headers = headers;
    headers[1] = "webhook-timestamp: \x1b]0;pwned\x07".to_string();
    let out = verify_cmd(&env, &headers, BODY).args(["--secret", SECRET]).output().unwrap();
    assert_eq!(out.status.code(), Some(8));
    let (_, stderr) = text(&out);
    assert!(!stderr.contains('\x1b') && !stderr.contains('\x07'), "{stderr:?}");
    assert!(stderr.contains("not a Unix timestamp"), "{stderr}");
}

#[test]
fn whpk_public_key_verifies_v1a() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let v =
        doc["vectors"].as_array().unwrap().iter().find(|v| v["name"] == "v1a: public key verifies").unwrap();
    let env = TestEnv::new();
    let headers: Vec<String> = v["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{}: {}", p[0].as_str().unwrap(), p[1].as_str().unwrap()))
        .collect();
    let out = verify_cmd(&env, &headers, BODY)
        .args(["--secret", v["secrets"][0].as_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);
}

/// Every vector of the fixture through the binary, headers passed as `--header 'Name: value'`.
#[test]
fn cli_agrees_with_every_vector() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let env = TestEnv::new();
    let mut failures = Vec::new();
    for v in doc["vectors"].as_array().unwrap() {
        let body = match (v["body"].as_str(), v["body_base64"].as_str()) {
            (Some(b), _) => b.as_bytes().to_vec(),
            (_, Some(b)) => base64::engine::general_purpose::STANDARD.decode(b).unwrap(),
            _ => unreachable!(),
        };
        let file = env.write("vector.body", &body);
        let mut cmd = env.cmd();
        cmd.args(["verify", "--json", "--at", &v["now"].to_string(), "--body-file"]).arg(&file);
        cmd.args(["--scheme", v["scheme"].as_str().unwrap_or("auto")]);
        for s in v["secrets"].as_array().unwrap() {
            cmd.args(["--secret", s.as_str().unwrap()]);
        }
        for p in v["headers"].as_array().unwrap() {
            cmd.args(["--header", &format!("{}: {}", p[0].as_str().unwrap(), p[1].as_str().unwrap())]);
        }
        let out = cmd.output().unwrap();
        // A secret no request could match is the receiver's configuration error (3), not the
        // sender's invalid signature (8); the library's verdict is still "invalid".
        let want = match v["valid"].as_bool().unwrap() {
            true => 0,
            false if v["name"] == "standard: bad base64 secret" => 3,
            false => 8,
        };
        let got = stdout_json(&out);
        let verdict_agrees = want == 3 || got["valid"] == v["valid"];
        if out.status.code() != Some(want) || !verdict_agrees {
            failures.push(format!("{}: exit {:?} {got}", v["name"], out.status.code()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn whitespace_around_a_secret_gets_a_hint() {
    let env = TestEnv::new();
    // A base64 secret with a pasted newline cannot decode: a configuration error naming it.
    let out = verify_cmd(&env, &good(), BODY).env("HOOKCTL_SECRET", format!("{SECRET}\n")).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let (_, stderr) = text(&out);
    assert!(
        stderr.contains("error: HOOKCTL_SECRET cannot be used: it has leading or trailing whitespace"),
        "{stderr}"
    );
    assert!(!stderr.contains("MfKQ9r8GKYqr"));
    // A GitHub secret is plain bytes, so the whitespace is used as given and hinted at.
    let out = env
        .cmd()
        .args(["verify", "--scheme", "github", "--header", "X-Hub-Signature-256: sha256=00", "--data", "{}"])
        .env("HOOKCTL_SECRET", format!("{SECRET}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let (_, stderr) = text(&out);
    assert!(stderr.contains("hint: secret #1 has leading or trailing whitespace"), "{stderr}");
    assert!(!stderr.contains("MfKQ9r8GKYqr"));
}

#[test]
fn a_broken_config_file_does_not_matter_when_the_secret_is_given() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(env.config_path(), "this is [not toml").unwrap();
    verify_cmd(&env, &good(), BODY).args(["--secret", SECRET]).assert().code(0);
    verify_cmd(&env, &good(), BODY).env("HOOKCTL_SECRET", SECRET).assert().code(0);
}
