//! `hookctl sign`: prints exactly the headers a provider would send, in a form `verify` takes.

use crate::support::{stdout_json, TestEnv};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

#[test]
fn reproduces_the_standard_webhooks_published_vector() {
    let env = TestEnv::new();
    env.write("b.json", r#"{"test": 2432232314}"#);
    let out = env
        .cmd()
        .args(["sign", "--secret", SECRET, "--body-file", "b.json"])
        .args(["--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--at", "1614265330"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek\nwebhook-timestamp: 1614265330\n\
         webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\n"
    );
}

#[test]
fn reproduces_githubs_documented_example_from_stdin() {
    let env = TestEnv::new();
    env.cmd()
        .args(["sign", "--scheme", "github", "--secret", "It's a Secret to Everybody", "--body-file", "-"])
        .write_stdin("Hello, World!")
        .assert()
        .code(0)
        .stdout(
            "X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17\n",
        );
}

#[test]
fn json_is_an_object_of_headers_and_fresh_ids_differ() {
    let env = TestEnv::new();
    env.write("b.json", "{}");
    let run = || {
        let out = env
            .cmd()
            .args(["sign", "--json", "--scheme", "svix", "--body-file", "b.json"])
            .env("HOOKCTL_SECRET", SECRET)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        stdout_json(&out)
    };
    let a = run();
    let b = run();
    let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["svix-id", "svix-timestamp", "svix-signature"]);
    assert!(a["svix-id"].as_str().unwrap().starts_with("msg_"));
    assert_ne!(a["svix-id"], b["svix-id"]);
    let ts: i64 = a["svix-timestamp"].as_str().unwrap().parse().unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    assert!((now - ts).abs() < 60, "defaults to now");
}

#[test]
fn every_scheme_round_trips_through_verify() {
    let env = TestEnv::new();
    env.write("b.json", r#"{"event":"case.assigned","n":1}"#);
    for scheme in ["standard", "svix", "stripe", "github", "shopify", "slack"] {
        let out = env
            .cmd()
            .args([
                "sign",
                "--scheme",
                scheme,
                "--secret",
                SECRET,
                "--body-file",
                "b.json",
                "--at",
                "1700000000",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{scheme}");
        let mut verify = env.cmd();
        verify.args(["verify", "--json", "--secret", SECRET, "--body-file", "b.json", "--at", "1700000100"]);
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            verify.args(["--header", line]);
        }
        let out = verify.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{scheme}: {}", String::from_utf8_lossy(&out.stdout));
        assert_eq!(stdout_json(&out)["scheme"], scheme, "auto-detected");
    }
}

#[test]
fn ed25519_secret_key_signs_v1a() {
    let env = TestEnv::new();
    env.write("b.json", "{}");
    // RFC 8032 7.1 TEST 1 seed and its public key.
    let sk = "whsk_nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
    let pk = "whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    let out = env
        .cmd()
        .args(["sign", "--secret", sk, "--body-file", "b.json", "--at", "1000", "--id", "msg_1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("webhook-signature: v1a,"), "{text}");
    assert!(!text.contains("nWGxne"), "the secret key is never printed");
    let mut verify = env.cmd();
    verify.args(["verify", "--secret", pk, "--body-file", "b.json", "--at", "1000"]);
    for line in text.lines() {
        verify.args(["--header", line]);
    }
    verify.assert().code(0);
}

#[test]
fn usage_and_config_errors() {
    let env = TestEnv::new();
    env.write("b.json", "{}");
    let code = |args: &[&str]| env.cmd().args(args).output().unwrap().status.code();
    assert_eq!(code(&["sign", "--scheme", "auto", "--secret", SECRET, "--body-file", "b.json"]), Some(2));
    assert_eq!(
        code(&[
            "sign",
            "--secret",
            "whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
            "--body-file",
            "b.json"
        ]),
        Some(3)
    );
    assert_eq!(code(&["sign", "--secret", "whsec_%%%", "--body-file", "b.json"]), Some(3));
    assert_eq!(code(&["sign", "--secret", SECRET, "--body-file", "nope.json"]), Some(2));
    assert_eq!(code(&["sign", "--secret", SECRET, "--body-file", "b.json", "--id", "a\nb"]), Some(2));
    assert_eq!(code(&["sign", "--body-file", "b.json"]), Some(3));
    // The bad secret is not echoed back.
    let out = env
        .cmd()
        .args(["sign", "--secret", "whsec_%%%SECRETPART", "--body-file", "b.json"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("SECRETPART"));
}

/// sign, verify and send take the body the same way: --data TEXT|@FILE|- or --body-file.
#[test]
fn body_flags_are_the_same_on_sign_and_verify() {
    let env = TestEnv::new();
    env.write("b.json", "{\"a\":1}");
    let sign = |body: &[&str]| {
        let out = env
            .cmd()
            .args(["sign", "--secret", SECRET, "--at", "1000", "--id", "msg_1"])
            .args(body)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{body:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let inline = sign(&["--data", "{\"a\":1}"]);
    assert_eq!(inline, sign(&["--data", "@b.json"]));
    assert_eq!(inline, sign(&["--body-file", "b.json"]));
    let mut verify = env.cmd();
    verify.args(["verify", "--secret", SECRET, "--at", "1000", "--data", "{\"a\":1}"]);
    for line in inline.lines() {
        verify.args(["--header", line]);
    }
    verify.assert().code(0);
    // No body at all is a usage error that names both flags.
    let out = env.cmd().args(["sign", "--secret", SECRET]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--body-file") && err.contains("--data"), "{err}");
}
