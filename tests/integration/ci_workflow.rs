//! `examples/ci/webhook-delivery.yml`: the sandbox job's shell steps, run as written (bash -e,
//! `$GITHUB_ENV` carried between steps, `hookctl` on PATH), must pass — the recipe users copy.

use std::path::Path;
use std::process::Command;

use crate::support::TestEnv;

const WORKFLOW: &str = include_str!("../../examples/ci/webhook-delivery.yml");

/// A job's steps as (`if` condition, `run` script), in order.
fn steps(job: &str) -> Vec<(Option<String>, String)> {
    let mut lines = WORKFLOW.lines().skip_while(|l| *l != format!("  {job}:")).skip(1);
    let mut steps: Vec<(Option<String>, String)> = Vec::new();
    let mut condition = None;
    while let Some(line) = lines.next() {
        if line.starts_with("  ") && !line.starts_with("   ") && line.trim_end().ends_with(':') {
            break; // the next job
        }
        let item = line.trim_start().trim_start_matches("- ");
        if let Some(c) = item.strip_prefix("if: ") {
            condition = Some(c.to_string());
        } else if item == "run: |" {
            let indent = line.len() - line.trim_start().len() + 2;
            let mut script = String::new();
            let mut block = lines.clone().peekable();
            while let Some(l) = block.peek() {
                if !l.trim().is_empty() && l.len() - l.trim_start().len() < indent {
                    break;
                }
                script.push_str(l.get(indent..).unwrap_or(""));
                script.push('\n');
                block.next();
                lines.next();
            }
            steps.push((condition.take(), script));
        } else if let Some(cmd) = item.strip_prefix("run: ") {
            steps.push((condition.take(), format!("{cmd}\n")));
        }
    }
    steps
}

/// `KEY=VALUE` lines of the `$GITHUB_ENV` file.
fn github_env(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines().filter_map(|l| l.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Kills the sandbox a failed step left running.
struct KillOnDrop(std::path::PathBuf);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some((_, pid)) = github_env(&self.0).into_iter().find(|(k, _)| k == "SANDBOX_PID") {
            let _ = Command::new("kill").arg(pid).status();
        }
    }
}

#[test]
fn the_sandbox_job_of_the_ci_workflow_runs_as_written() {
    assert!(Command::new("jq").arg("--version").output().is_ok(), "jq is needed: the workflow uses it");
    let env = TestEnv::new();
    let bin = assert_cmd::cargo::cargo_bin("hookctl");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let github_env_file = env.path("github_env");
    std::fs::write(&github_env_file, "").unwrap();
    std::fs::create_dir_all(env.path("runner_temp")).unwrap();
    let _guard = KillOnDrop(github_env_file.clone());
    let steps = steps("sandbox");
    assert_eq!(steps.len(), 1, "the one-line sandbox -- listen -- test step: {steps:?}");
    assert!(WORKFLOW.contains("uses: hookctl/hookctl@v0"), "installed by the Action");
    for (condition, script) in steps {
        if script.contains("$HOOKCTL_INSTALL") {
            continue; // the binary under test is on PATH instead
        }
        let mut cmd = env.clean("bash");
        cmd.args(["-e", "-c", &script])
            .env("PATH", &path)
            .env("GITHUB_ENV", &github_env_file)
            .env("RUNNER_TEMP", env.path("runner_temp"))
            .envs(github_env(&github_env_file));
        let out = cmd.output().unwrap();
        let said =
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "step {condition:?}:\n{script}\n{said}");
    }
    let listened = std::fs::read_to_string(env.path("listen.jsonl")).unwrap();
    let verdicts: Vec<serde_json::Value> = listened
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["type"] == "request")
        .map(|v| v["data"]["verdict"].clone())
        .collect();
    assert_eq!(verdicts, ["valid"], "{listened}");
    // The delivery counted because its content held every --match of the step.
    assert!(WORKFLOW.contains("--match type=ping"), "the one-line form asserts on content");
    let summary = listened
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["type"] == "summary")
        .expect("a summary line");
    assert_eq!(summary["data"]["counted"], 1, "{listened}");
}
