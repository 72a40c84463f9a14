//! The committed completions/ and man/ must match what the binary generates. Regenerate with
//! `HOOKCTL_BLESS=1 cargo test --test integration generate`.

use std::path::Path;

use hookctl::generate;

fn check(path: &Path, fresh: &[u8], stale: &mut Vec<String>) {
    if std::env::var_os("HOOKCTL_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, fresh).unwrap();
        return;
    }
    match std::fs::read(path) {
        Ok(old) if old == fresh => {}
        _ => stale.push(path.display().to_string()),
    }
}

#[test]
fn completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for &shell in generate::SHELLS {
        let path = root.join("completions").join(generate::completion_file_name(shell));
        check(&path, &generate::completions(shell), &mut stale);
    }
    let pages = generate::man_pages().unwrap();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for (name, page) in &pages {
        check(&root.join("man").join(name), page, &mut stale);
    }
    // Pages of commands that no longer exist are stale too.
    if let Ok(dir) = std::fs::read_dir(root.join("man")) {
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if !names.contains(&name.as_str()) {
                if std::env::var_os("HOOKCTL_BLESS").is_some() {
                    std::fs::remove_file(entry.path()).unwrap();
                } else {
                    stale.push(format!("man/{name} (no such command)"));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {stale:?}\nrun: HOOKCTL_BLESS=1 cargo test --test integration generate"
    );
}

#[test]
fn every_subcommand_has_a_man_page() {
    let pages = generate::man_pages().unwrap();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for expected in ["hookctl.1", "hookctl-verify.1", "hookctl-config-init.1", "hookctl-listen.1"] {
        assert!(names.contains(&expected), "missing {expected} in {names:?}");
    }
}

#[test]
fn completions_command_prints_a_script_for_each_shell() {
    let env = crate::support::TestEnv::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("hookctl"), "{shell}: {text}");
        assert!(text.contains("verify"), "{shell} completion lacks subcommands");
    }
    env.cmd().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_out_writes_one_page_per_command() {
    let env = crate::support::TestEnv::new();
    env.cmd().args(["man", "--out", "pages"]).assert().code(0);
    assert!(env.path("pages/hookctl.1").exists());
    assert!(env.path("pages/hookctl-config-set.1").exists());
    // Every page has the exit codes in an EXIT STATUS section and examples (hookctl.1 too,
    // without the exit codes repeated among them).
    for name in ["hookctl.1", "hookctl-listen.1", "hookctl-config-set.1"] {
        let page = std::fs::read_to_string(env.path("pages").join(name)).unwrap();
        assert!(page.contains(".SH \"EXIT STATUS\""), "{name}");
        assert!(page.contains("signature invalid") && page.contains("130"), "{name}");
        let examples = page.split(".SH EXAMPLES\n").nth(1).unwrap_or_default();
        let examples = examples.split(".SH").next().unwrap_or_default();
        assert!(
            examples.lines().any(|l| l.trim_start().starts_with("hookctl "))
                && !examples.contains("signature invalid"),
            "{name}: {page}"
        );
    }
    let page = std::fs::read_to_string(env.path("pages/hookctl-listen.1")).unwrap();
    assert!(page.contains(".SH EXAMPLES\n.nf\n"), "{page}");
    assert!(page.contains("hookctl listen \\-\\-port 0 \\-\\-expect 2"), "{page}");
}

/// Bug: `man --out` into a directory that cannot be created exited 1 (internal error).
#[test]
fn man_out_into_an_impossible_directory_is_a_usage_error() {
    let env = crate::support::TestEnv::new();
    let file = env.write("not-a-dir", b"x");
    let out = env.cmd().args(["man", "--out"]).arg(file.join("man")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: cannot create"));
}
