//! `hookctl demo`: the whole loop offline, on a fresh HOME, cleaning up after itself.

use crate::support::{stdout_json, TestEnv};

/// Runs `hookctl demo ARGS` with its own TMPDIR (returned, to look for leftovers).
fn demo(env: &TestEnv, args: &[&str]) -> (std::process::Output, std::path::PathBuf) {
    let tmp = env.path("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let out = env
        .cmd()
        .arg("demo")
        .args(args)
        .env("TMPDIR", &tmp)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    (out, tmp)
}

#[test]
fn demo_exits_0_on_a_fresh_home_and_leaves_nothing_behind() {
    let env = TestEnv::new();
    let (out, tmp) = demo(&env, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v = stdout_json(&out);
    assert_eq!(v["outcome"], "ok", "{v}");
    let events = v["partner"]["events"].as_array().unwrap();
    assert_eq!(events.len(), 5);
    assert!(events.iter().all(|e| e["status"] == "delivered" && e["lag_ms"].is_u64()), "{v}");
    assert_eq!(v["closient_test"]["status"], "delivered");
    assert_eq!(v["personio_test_event"]["is_delivered"], true);
    assert_eq!(v["forced_failure"]["dead_letter"]["status"], "dead_letter");
    assert_eq!(v["forced_failure"]["replay"]["status"], "delivered");
    assert_eq!((v["received"].as_u64(), v["valid_signatures"].as_u64()), (Some(8), Some(8)));
    assert!(v["try"].as_array().unwrap().len() >= 3);
    assert!(v["kept"].is_null(), "nothing kept without --keep: {v}");
    // The temporary database is gone; no config was written.
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0, "temp dir left behind");
    assert!(!env.config_path().exists());
}

#[test]
fn demo_tells_the_story_for_people() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["demo", "--color", "never"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    for want in [
        "case.assigned",
        "chat.created",
        "row after",
        "dead_letter",
        "valid signatures",
        "hookctl sandbox",
        "--sandbox",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
}

#[test]
fn demo_keep_names_the_kept_database_in_the_json_document() {
    let env = TestEnv::new();
    let (out, tmp) = demo(&env, &["--json", "--keep"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v = stdout_json(&out);
    let kept = std::path::PathBuf::from(v["kept"].as_str().expect("kept path"));
    assert!(kept.starts_with(&tmp) && kept.join("sandbox.db").exists(), "{v}");
}
