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

/// stderr of `config set` on a pretend terminal: coloured unless NO_COLOR or --color never.
fn set_stderr(env: &TestEnv, extra_env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = env.cmd();
    cmd.env("HOOKCTL_TEST_TTY", "1");
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).args(["config", "set", "provider", "xpath"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn colour_follows_tty_no_color_clicolor_force_and_flag() {
    let env = TestEnv::new();
    assert!(set_stderr(&env, &[], &[]).contains("\x1b["), "TTY gets colour");
    assert!(!set_stderr(&env, &[("NO_COLOR", "1")], &[]).contains("\x1b["), "NO_COLOR wins over TTY");
    assert!(!set_stderr(&env, &[], &["--color", "never"]).contains("\x1b["));
    assert!(set_stderr(&env, &[("NO_COLOR", "1")], &["--color", "always"]).contains("\x1b["), "flag wins");
    // Piped (no pretend TTY): plain unless forced.
    let out = env.cmd().args(["config", "set", "provider", "xpath"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("\x1b["));
    let out =
        env.cmd().env("CLICOLOR_FORCE", "1").args(["config", "set", "provider", "xpath"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("\x1b["));
}

#[test]
fn json_errors_are_one_object_on_stdout_and_one_line_on_stderr() {
    let env = TestEnv::new();
    let out = env.cmd().args(["--json", "config", "use", "ghost"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let v = crate::support::stdout_json(&out);
    assert_eq!(v["error"]["kind"], "config");
    assert_eq!(v["error"]["message"], "no profile named 'ghost'");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error: no profile named 'ghost'\n"), "{stderr}");
}

/// Bug: `--output human --json` silently printed JSON and `-q -v` traced anyway; contradictory
/// flags are a usage error (exit 2) wherever they appear on the command line.
#[test]
fn contradictory_output_flags_exit_2() {
    let env = TestEnv::new();
    for (args, needle) in [
        (&["--output", "human", "config", "list", "--json"][..], "--json contradicts --output human"),
        (&["-v", "config", "list", "-q"][..], "--quiet and --verbose"),
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("error: ") && stderr.contains(needle), "{stderr}");
    }
}

/// Bug: with `--json`, an argument clap rejects printed only text on stderr; scripts reading
/// stdout got nothing. The error is now also one JSON object on stdout (DESIGN §6).
#[test]
fn parse_errors_under_json_are_a_json_object_on_stdout() {
    let env = TestEnv::new();
    for args in [
        &["--json", "verify", "--scheme", "nope"][..],
        &["frobnicate", "--output", "json"][..],
        &["--json"][..],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert_eq!(doc["error"]["code"], 2, "{args:?}");
        assert_eq!(doc["error"]["kind"], "usage");
        assert!(!doc["error"]["message"].as_str().unwrap().is_empty());
        assert!(String::from_utf8_lossy(&out.stderr).contains("error") || args == ["--json"]);
    }
    // Without --json, stdout stays empty; --help still goes to stdout with 0.
    let out = env.cmd().args(["verify", "--scheme", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = env.cmd().args(["--json", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: hookctl"));
}
