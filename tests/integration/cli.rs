//! Global behaviour: exit codes of usage errors, --version, help.

use crate::support::TestEnv;

#[test]
fn version_prints_name_and_version() {
    let env = TestEnv::new();
    let out = env.cmd().arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("hookctl {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_flag_and_missing_command_are_usage_errors() {
    let env = TestEnv::new();
    env.cmd().arg("--frobnicate").assert().code(2);
    env.cmd().assert().code(2);
    env.cmd().args(["verify", "--scheme", "nope"]).assert().code(2);
}

#[test]
fn help_lists_exit_codes() {
    let env = TestEnv::new();
    let out = env.cmd().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("130"), "{text}");
    assert!(text.contains("signature invalid"), "{text}");
}

#[test]
fn token_in_environment_never_shows_in_help() {
    let env = TestEnv::new();
    let out = env.cmd().env("HOOKCTL_TOKEN", "tok_live_supersecret").arg("--help").output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("supersecret"));
}
