//! Profiles: file permissions, precedence, masking.

use hookctl::exit::Exit;

use crate::support::{stdout_json, TestEnv};

const TOKEN: &str = "tok_live_0123456789abcdefSECRET";
const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9f2c";

fn init(env: &TestEnv, name: &str) {
    env.cmd()
        .args(["config", "init", "--no-input", "--name", name, "--provider", "partner"])
        .args(["--base-url", "https://api.example.test", "--secret", SECRET])
        .env("HOOKCTL_TOKEN", "ignored")
        .args(["--token", TOKEN])
        .assert()
        .code(0);
}

#[cfg(unix)]
#[test]
fn config_file_is_created_with_mode_0600() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    init(&env, "ci");
    let mode = std::fs::metadata(env.config_path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // Rewrites keep it private even if someone loosened it.
    std::fs::set_permissions(env.config_path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    env.cmd().args(["config", "set", "base_url", "https://b.example.test"]).assert().code(0);
    let mode = std::fs::metadata(env.config_path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn show_masks_token_and_secrets_in_every_format() {
    let env = TestEnv::new();
    init(&env, "ci");
    for args in [
        vec!["config", "show"],
        vec!["config", "show", "--json"],
        vec!["config", "list"],
        vec!["-v", "config", "show", "ci"],
    ] {
        let out = env.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(!all.contains("0123456789abcdef"), "token leaked by {args:?}: {all}");
        assert!(!all.contains("MfKQ9r8GKYqr"), "secret leaked by {args:?}: {all}");
    }
    let v = env.run().args(["config", "show", "--json"]).code(Exit::Ok).json();
    assert_eq!(v["profile"]["secrets"][0], "whsec_…9f2c");
    assert_eq!(v["profile"]["token"], "tok_…CRET");
    assert_eq!(v["profile"]["provider"], "partner");
}

#[test]
fn hookctl_config_env_points_at_another_file() {
    let env = TestEnv::new();
    let other = env.path("elsewhere.toml");
    env.cmd().env("HOOKCTL_CONFIG", &other).args(["config", "set", "provider", "xpath"]).assert().code(0);
    let text = std::fs::read_to_string(&other).unwrap();
    assert!(text.contains("xpath"), "{text}");
    assert!(!env.config_path().exists());
}

#[test]
fn use_switches_profile_and_unknown_profile_is_config_error() {
    let env = TestEnv::new();
    init(&env, "a");
    init(&env, "b");
    env.cmd().args(["config", "use", "a"]).assert().code(0);
    let v = env.run().args(["config", "list", "--json"]).code(Exit::Ok).json();
    let current: Vec<&str> = v["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["current"] == true)
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(current, vec!["a"]);
    env.run().args(["config", "use", "zzz"]).code(Exit::Config);
    env.run().args(["config", "show", "--profile", "zzz"]).code(Exit::Config);
}

#[test]
fn bad_key_and_bad_provider_are_usage_errors() {
    let env = TestEnv::new();
    env.run().args(["config", "set", "colour", "red"]).code(Exit::Usage).stderr_has("unknown key 'colour'");
    env.run().args(["config", "set", "provider", "acme"]).code(Exit::Usage);
    env.run().args(["config", "init", "--no-input", "--provider", "acme"]).code(Exit::Usage);
    assert!(!env.config_path().exists(), "nothing was written");
}

/// `config init --no-input` takes what flags do not give from HOOKCTL_*, as its help says.
#[test]
fn init_without_input_takes_the_environment() {
    let env = TestEnv::new();
    env.cmd()
        .args(["config", "init", "--no-input", "--name", "ci"])
        .env("HOOKCTL_PROVIDER", "closient")
        .env("HOOKCTL_BASE_URL", "https://api.example.test")
        .env("HOOKCTL_TOKEN", "tok_fromenvironment123")
        .env("HOOKCTL_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        .assert()
        .code(0);
    let text = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(text.contains("[profiles.ci]"), "{text}");
    for value in ["closient", "https://api.example.test", "tok_fromenvironment123", "whsec_MfKQ9r8GKYqr"] {
        assert!(text.contains(value), "{value} missing: {text}");
    }
    // A flag wins over the environment.
    env.cmd()
        .args(["config", "init", "--no-input", "--name", "ci", "--provider", "xpath"])
        .env("HOOKCTL_PROVIDER", "closient")
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(env.config_path()).unwrap().contains("provider = \"xpath\""));
}

/// With nothing to save, `config init --no-input` refuses instead of writing an empty profile.
#[test]
fn init_with_nothing_to_save_is_a_usage_error() {
    let env = TestEnv::new();
    let out = env.cmd().args(["config", "init", "--no-input"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: nothing to save in profile 'default'"), "{err}");
    assert!(err.contains("HOOKCTL_PROVIDER"), "{err}");
    assert!(!env.config_path().exists(), "nothing was written");
}

/// Empty values are not something to save, and a profile needs a name that prints on one line.
#[test]
fn init_with_only_empty_values_or_a_bad_name_is_a_usage_error() {
    let env = TestEnv::new();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--token", "", "--provider", ""], "error: nothing to save in profile 'default'"),
        (vec!["--secret", " "], "error: nothing to save in profile 'default'"),
        (vec!["--name", "", "--provider", "partner"], "error: '' cannot name a profile"),
        (
            vec!["--name", "a\nb\x1b[2J", "--provider", "partner"],
            "error: 'a\\nb\\x1b[2J' cannot name a profile",
        ),
    ];
    for (args, expected) in cases {
        let out = env.cmd().args(["config", "init", "--no-input"]).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.lines().any(|l| l.starts_with(expected)), "{args:?}: {err}");
        assert!(!env.config_path().exists(), "{args:?}: nothing was written");
    }
}

#[test]
fn list_has_column_headings() {
    let env = TestEnv::new();
    init(&env, "a");
    let out = env.cmd().args(["config", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    assert!(first.contains("NAME") && first.contains("PROVIDER") && first.contains("BASE URL"), "{text}");
    assert!(text.lines().nth(1).unwrap_or_default().starts_with("* a "), "{text}");
}

#[test]
fn broken_config_file_is_a_one_line_config_error_with_json() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(env.config_path(), "profiles = [[[").unwrap();
    let out = env.cmd().args(["config", "list", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error: config file"), "{stderr}");
    let v = stdout_json(&out);
    assert_eq!(v["error"]["code"], 3);
    assert_eq!(v["error"]["kind"], "config");
}

#[test]
fn unknown_keys_warn_but_do_not_fail() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(env.config_path(), "shiny = 1\n[profiles.default]\nprovider = \"closient\"\n").unwrap();
    let out = env.cmd().args(["config", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown config key 'shiny'"));
}

/// Bug: `config set base_url 'not a url'` was stored and failed only at the next API call.
#[test]
fn config_set_rejects_a_base_url_that_is_not_http() {
    let env = TestEnv::new();
    for bad in ["not a url", "ftp://example.com"] {
        let out = env.cmd().args(["config", "set", "base_url", bad]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("is not an http(s) URL"));
    }
    assert!(!env.config_path().exists(), "nothing was written");
    env.cmd().args(["config", "set", "base_url", "https://api.example.test"]).assert().code(0);
}

/// Bug: a TOML syntax error printed a two-line message; errors are one `error:` line.
#[test]
fn broken_toml_is_reported_on_one_line() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(env.config_path(), "current = \"x\"\n[profiles.x\nbroken").unwrap();
    let out = env.cmd().args(["config", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].starts_with("error: ") && lines[0].contains("not valid TOML"), "{stderr}");
    assert!(lines[1..].iter().all(|l| l.starts_with("hint: ")), "{stderr}");
}

/// Two profiles at one partner stub: `good` has the stub's token, `bad` (the current one) a
/// wrong token and a dead base URL.
fn two_profiles(env: &TestEnv, p: &crate::support::partner::Partner) {
    let dead = format!("http://127.0.0.1:{}", crate::support::dead_port());
    let text = format!(
        "current = \"bad\"\n\
         [profiles.bad]\nprovider = \"partner\"\nbase_url = \"{dead}\"\ntoken = \"wrong\"\n\
         [profiles.good]\nprovider = \"partner\"\nbase_url = \"{}\"\ntoken = \"{}\"\n",
        p.base(),
        crate::support::partner::TOKEN
    );
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(env.config_path(), text).unwrap();
}

#[test]
fn hookctl_profile_selects_the_profile() {
    let env = TestEnv::new();
    let p = crate::support::partner::Partner::start();
    two_profiles(&env, &p);
    let list = ["events", "list", "--case", "case-1"];
    env.cmd().env("HOOKCTL_PROFILE", "good").args(list).assert().code(0);
    // The flag beats the variable; without either, `current` (bad: nothing listens) is used.
    env.cmd().env("HOOKCTL_PROFILE", "bad").args(list).args(["--profile", "good"]).assert().code(0);
    env.cmd().args(list).assert().code(5);
    env.cmd().env("HOOKCTL_PROFILE", "nope").args(list).assert().code(3);
}

#[test]
fn environment_beats_profile_and_flag_beats_environment() {
    let env = TestEnv::new();
    let p = crate::support::partner::Partner::start();
    two_profiles(&env, &p);
    let list = ["events", "list", "--case", "case-1"];
    // Profile `bad` gives a dead base URL and a wrong token; the environment overrides both.
    env.cmd()
        .env("HOOKCTL_BASE_URL", p.base())
        .env("HOOKCTL_TOKEN", crate::support::partner::TOKEN)
        .args(list)
        .assert()
        .code(0);
    // Only the base URL from the environment: the profile's wrong token is used (401 → 3).
    env.cmd().env("HOOKCTL_BASE_URL", p.base()).args(list).assert().code(3);
    // A flag beats the environment.
    env.cmd()
        .env("HOOKCTL_BASE_URL", p.base())
        .env("HOOKCTL_TOKEN", "wrong-too")
        .args(list)
        .args(["--token", crate::support::partner::TOKEN])
        .assert()
        .code(0);
}

#[test]
fn token_flag_gets_a_hint_and_is_never_echoed() {
    let env = TestEnv::new();
    let p = crate::support::partner::Partner::start();
    let out = p
        .cmd(&env)
        .env_remove("HOOKCTL_TOKEN")
        .args(["events", "list", "--case", "case-1", "--token", crate::support::partner::TOKEN])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("hint: --token ends up in shell history and process lists; prefer HOOKCTL_TOKEN"),
        "{err}"
    );
    assert!(!err.contains(crate::support::partner::TOKEN), "{err}");
    // From the environment: no hint.
    let out = p.cmd(&env).args(["events", "list", "--case", "case-1"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("--token"));
}
