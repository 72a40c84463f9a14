//! `scripts/install-action.sh` (the GitHub Action's install logic) against a local directory of
//! release archives made from this test's own binary: a good checksum installs a hookctl that
//! runs, a wrong one is refused and installs nothing, a pinned version is reused from the cache.

#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::{Digest, Sha256};

use crate::support::TestEnv;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/install-action.sh");

/// The archive name the script picks on this machine (a glibc Linux).
fn target() -> String {
    format!("{}-unknown-linux-gnu", std::env::consts::ARCH)
}

/// `hookctl-TARGET.tar.xz` holding `hookctl-TARGET/hookctl` (cargo-dist's layout) and its
/// `.sha256` file (`HEX *NAME`), or a wrong checksum when `tamper`.
fn artifacts(env: &TestEnv, tamper: bool) -> PathBuf {
    let dir = env.path("artifacts");
    let name = format!("hookctl-{}", target());
    let staged = env.path("stage").join(&name);
    std::fs::create_dir_all(&staged).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(assert_cmd::cargo::cargo_bin("hookctl"), staged.join("hookctl")).unwrap();
    std::fs::write(staged.join("README.md"), "hookctl\n").unwrap();
    let archive = dir.join(format!("{name}.tar.xz"));
    let ok = Command::new("tar")
        .arg("-cJf")
        .arg(&archive)
        .arg("-C")
        .arg(env.path("stage"))
        .arg(&name)
        .status()
        .unwrap();
    assert!(ok.success(), "tar -cJf");
    let mut sum = hex::encode(Sha256::digest(std::fs::read(&archive).unwrap()));
    if tamper {
        let flipped = if sum.starts_with('0') { "1" } else { "0" };
        sum.replace_range(..1, flipped);
    }
    std::fs::write(dir.join(format!("{name}.tar.xz.sha256")), format!("{sum} *{name}.tar.xz\n")).unwrap();
    dir
}

fn install(env: &TestEnv, from: &Path, version: &str) -> Output {
    let mut cmd = Command::new("bash");
    cmd.arg(SCRIPT)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.dir.path())
        .env("HOOKCTL_VERSION", version)
        .env("HOOKCTL_DOWNLOAD_URL", from)
        .env("RUNNER_TOOL_CACHE", env.path("toolcache"))
        .env("GITHUB_PATH", env.path("github_path"));
    cmd.output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_good_checksum_installs_a_hookctl_that_runs_and_lands_on_path() {
    let env = TestEnv::new();
    let dir = artifacts(&env, false);
    // A file:// URL, as a mirror would be given.
    let out = install(&env, Path::new(&format!("file://{}", dir.display())), "latest");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let installed = PathBuf::from(text(&out.stdout).trim());
    assert_eq!(installed, env.path("toolcache").join("hookctl/latest").join(target()).join("hookctl"));
    let version = Command::new(&installed).arg("--version").output().unwrap();
    assert_eq!(text(&version.stdout).trim(), concat!("hookctl ", env!("CARGO_PKG_VERSION")));
    let on_path = std::fs::read_to_string(env.path("github_path")).unwrap();
    assert_eq!(on_path.trim(), installed.parent().unwrap().to_str().unwrap());
    assert!(text(&out.stderr).contains("verified and installed"), "{}", text(&out.stderr));
}

#[test]
fn a_wrong_checksum_is_refused_with_a_clear_error_and_installs_nothing() {
    let env = TestEnv::new();
    let dir = artifacts(&env, true);
    let out = install(&env, &dir, "v0.1.0");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("error: checksum mismatch for hookctl-"), "{err}");
    assert!(err.contains("refusing to install"), "{err}");
    assert!(out.stdout.is_empty());
    assert!(!env.path("toolcache").join("hookctl/v0.1.0").join(target()).join("hookctl").exists());
    assert!(!env.path("github_path").exists(), "nothing was put on PATH");
}

#[test]
fn a_missing_checksum_file_is_refused_too() {
    let env = TestEnv::new();
    let dir = artifacts(&env, false);
    std::fs::remove_file(dir.join(format!("hookctl-{}.tar.xz.sha256", target()))).unwrap();
    let out = install(&env, &dir, "latest");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("refusing to install an unverified archive"), "{}", text(&out.stderr));
}

#[test]
fn a_pinned_version_is_reused_from_the_cache() {
    let env = TestEnv::new();
    let dir = artifacts(&env, false);
    let first = install(&env, &dir, "0.1.0");
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    // The release is gone: the second job step still gets the verified copy.
    std::fs::remove_dir_all(&dir).unwrap();
    let again = install(&env, &dir, "v0.1.0");
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert!(text(&again.stderr).contains("from the cache"), "{}", text(&again.stderr));
    assert_eq!(first.stdout, again.stdout);
}
