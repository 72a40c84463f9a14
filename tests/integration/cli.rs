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

/// No duration flag may panic or overflow: out-of-range values are usage errors (2) that say
/// the limit, and a bare number is seconds.
#[test]
fn huge_durations_are_usage_errors_on_every_flag() {
    let env = TestEnv::new();
    let huge = "18446744073709551615s";
    let cases: Vec<Vec<&str>> = vec![
        vec!["listen", "--port", "0", "--body-timeout", huge],
        vec!["listen", "--port", "0", "--forward-timeout", huge],
        vec!["listen", "--port", "0", "--header-timeout", huge],
        vec!["listen", "--port", "0", "--timeout", "18446744073709551615"],
        vec!["send", "http://127.0.0.1:1/", "--request-timeout", "25h"],
        vec!["events", "wait", "--timeout", huge],
        vec!["fire", "case.closed", "--case", "c1", "--wait", "--timeout", huge],
        vec!["test", "ep_1", "--wait", "--timeout", "99999999999999999999999"],
        vec!["replay", "d_1", "--wait", "--timeout", huge],
        vec![
            "replay",
            "--from",
            "c.jsonl",
            "--to",
            "http://127.0.0.1:1/",
            "--all",
            "--request-timeout",
            huge,
        ],
    ];
    for args in cases {
        let out = env.cmd().args(&args).timeout(std::time::Duration::from_secs(15)).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("too long (at most 24h)"), "{args:?}: {err}");
        assert!(!err.contains("panicked") && !err.contains("overflow"), "{args:?}: {err}");
    }
    let out = env.cmd().args(["listen", "--port", "0", "--timeout", "soon"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("write it like 30s, 2m or 500ms"));
    // A bare number is seconds: listen stops after 1 s and exits 0.
    let out = env
        .cmd()
        .args(["listen", "--port", "0", "--no-display", "--timeout", "1"])
        .timeout(std::time::Duration::from_secs(15))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// User or provider text in an error (a profile name, a token, a provider message) cannot
/// break the `error:` line, forge a second one or drive the terminal.
#[test]
fn control_characters_in_errors_stay_on_one_escaped_line() {
    let env = TestEnv::new();
    let out = env.cmd().args(["config", "use", "a\nerror: forged\x1b[2J"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "error: no profile named 'a\\nerror: forged\\x1b[2J'", "{err}");
    assert!(lines.iter().skip(1).all(|l| l.starts_with("hint: ")), "{err}");
    assert!(!err.contains('\x1b'), "{err}");
}

/// clap's own usage errors echo the bad argument: escaped like every other error line.
#[test]
fn control_characters_in_rejected_arguments_stay_on_one_escaped_line() {
    let env = TestEnv::new();
    let forged = "a\nerror: forged\x1b[2J";
    let cases: Vec<Vec<&str>> = vec![
        vec!["verify", "--tolerance", forged],
        vec!["sign", "--scheme", forged, "--data", "{}"],
        vec!["--color", forged, "config", "list"],
        vec![forged],
        vec!["config", "list", forged],
    ];
    for args in cases {
        let out = env.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: ") && err.contains("a\\nerror: forged\\x1b[2J"), "{args:?}: {err}");
        assert!(
            !err.contains('\x1b') && !err.lines().any(|l| l.starts_with("error: forged")),
            "{args:?}: {err}"
        );
    }
}

/// A variable that is set but not UTF-8 is ignored with a warning, not reported as "not set".
#[test]
fn a_hookctl_variable_that_is_not_utf8_gets_a_warning() {
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["endpoints", "list", "--provider", "closient", "--base-url", "http://127.0.0.1:1"])
        .env("HOOKCTL_TOKEN", std::ffi::OsStr::from_bytes(b"tok\xff"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("warning: HOOKCTL_TOKEN is not valid UTF-8: ignored\n"), "{err}");
}

/// Status lines that name the user's own files or profiles are escaped like error lines.
#[test]
fn status_lines_escape_the_paths_and_names_they_echo() {
    let env = TestEnv::new();
    let dir = env.path("man\npages\x1b[2J");
    let out = env.cmd().args(["man", "--out"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("man\\npages\\x1b[2J") && !err.contains('\x1b'), "{err}");
    // listen's startup lines echo --route patterns.
    let out = env
        .cmd()
        .args(["listen", "--port", "0", "--timeout", "1s", "--route", "a\n\x1b[2Jb=http://127.0.0.1:1/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.lines().any(|l| l.starts_with("forwarding a\\n\\x1b[2Jb → ")), "{err}");
    assert!(!err.contains('\x1b'), "{err}");
}

#[test]
fn a_closed_stdout_pipe_ends_quietly_with_0() {
    use std::io::Read;
    use std::process::Stdio;
    // ~100 KiB, more than a pipe buffer holds, so the writer meets the closed pipe.
    let env = TestEnv::new();
    let mut child = env
        .std_cmd()
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then dropped: `| head -c1`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
