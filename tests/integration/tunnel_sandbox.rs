//! `listen --register` against `hookctl sandbox` (closient dialect): the sandbox's delivery
//! worker sends a real signed webhook to the temporary endpoint, which exists while listening
//! and is gone after every way out; a `kill -9` leftover is removed by the next run or by
//! `endpoints cleanup`.

use std::net::SocketAddr;

use crate::support::listen::Listener;
use crate::support::sandbox::{Sandbox, TOKEN};
use crate::support::TestEnv;
use crate::tunnel::{registered_id, signed_post};

const PREFIX: &str = "/closient/integrations/api/v1/webhooks";

fn provider_env(s: &Sandbox) -> Vec<(&'static str, String)> {
    vec![
        ("HOOKCTL_PROVIDER", "closient".into()),
        ("HOOKCTL_BASE_URL", s.base("closient")),
        ("HOOKCTL_TOKEN", TOKEN.into()),
        ("HOOKCTL_HTTP_TIMEOUT", "5s".into()),
    ]
}

/// The endpoint as the sandbox has it, or None once deleted (404).
fn endpoint(s: &Sandbox, id: &str) -> Option<serde_json::Value> {
    match s.get(&format!("{PREFIX}/endpoints/{id}/")) {
        (200, e) => Some(e),
        (404, _) => None,
        (status, body) => panic!("GET endpoint {id}: {status} {body}"),
    }
}

/// Starts `listen --register` and returns it with the endpoint id, checking that the endpoint
/// exists at the sandbox and points at the listener.
fn register(env: &TestEnv, s: &Sandbox, extra: &[&str]) -> (Listener, String) {
    let mut args = vec!["--register", "--json"];
    args.extend_from_slice(extra);
    let l = Listener::start_with(env, &args, |c| {
        c.envs(provider_env(s));
    });
    let id = registered_id(&l);
    let e = endpoint(s, &id).unwrap_or_else(|| panic!("endpoint {id} does not exist while listening"));
    assert_eq!(e["url"], l.url("/"));
    (l, id)
}

#[test]
fn a_real_delivery_from_the_sandbox_is_verified_and_the_endpoint_deleted_at_expect() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let (l, id) = register(&env, &s, &["--expect", "1", "--timeout", "30s"]);
    // The trigger: closient's test ping, delivered and signed by the sandbox's worker.
    let out = env.cmd().envs(provider_env(&s)).args(["test", &id]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = l.wait();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let req = &out.requests()[0];
    assert_eq!(req["verdict"], "valid", "verified with the secret from the create answer: {req}");
    assert_eq!(out.json_lines()[0]["endpoint_id"], id.as_str());
    assert!(endpoint(&s, &id).is_none(), "endpoint {id} left behind");
}

#[test]
fn the_endpoint_is_gone_after_sigint_sigterm_timeout_and_a_failure() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    for (how, extra) in [("INT", &[][..]), ("TERM", &[][..]), ("timeout", &["--timeout", "1s"][..])] {
        let (l, id) = register(&env, &s, extra);
        if how != "timeout" {
            l.signal(how);
        }
        let out = l.wait();
        assert_eq!(out.code, Some(0), "{how}: {}", out.stderr);
        assert!(endpoint(&s, &id).is_none(), "{how}: endpoint {id} left behind");
    }
    // A failing run (a bad signature under --expect: exit 8) deletes it too.
    let (l, id) = register(&env, &s, &["--expect", "1"]);
    let local: SocketAddr = l.base.trim_start_matches("http://").parse().unwrap();
    let bad = crate::support::listen::SECRET;
    assert_eq!(signed_post(local, bad, "msg_bad", b"{\"type\":\"ping\"}").unwrap(), 401);
    let out = l.wait();
    assert_eq!(out.code, Some(8), "{}", out.stderr);
    assert!(endpoint(&s, &id).is_none(), "endpoint {id} left behind after a failure");
}

#[test]
fn after_kill_9_cleanup_and_the_next_run_remove_the_leftover() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let (l, first) = register(&env, &s, &[]);
    l.signal("KILL");
    let _ = l.wait();
    assert!(endpoint(&s, &first).is_some(), "kill -9 cannot clean up");
    let out = env.cmd().envs(provider_env(&s)).args(["endpoints", "cleanup"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // What it deleted is the command's output (stdout).
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with(&format!("deleted leftover endpoint {first} (registered ")), "{said}");
    assert!(endpoint(&s, &first).is_none());

    let (l, second) = register(&env, &s, &[]);
    l.signal("KILL");
    let _ = l.wait();
    assert!(endpoint(&s, &second).is_some());
    let (l, third) = register(&env, &s, &["--timeout", "1s"]);
    assert!(endpoint(&s, &second).is_none(), "the next listen --register removes the leftover");
    assert!(l.stderr_so_far().contains(&format!("deleted leftover endpoint {second}")));
    let out = l.wait();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(endpoint(&s, &third).is_none());
}

#[test]
fn two_runs_at_once_each_delete_only_their_own() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let (a, first) = register(&env, &s, &[]);
    // The second run's leftover sweep and an explicit cleanup leave the live run's endpoint alone.
    let (b, second) = register(&env, &s, &[]);
    assert!(endpoint(&s, &first).is_some(), "the second run deleted the first's endpoint");
    let out = env.cmd().envs(provider_env(&s)).args(["endpoints", "cleanup"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(endpoint(&s, &first).is_some() && endpoint(&s, &second).is_some(), "cleanup took a live one");
    let out = a.stop();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(endpoint(&s, &first).is_none());
    assert!(endpoint(&s, &second).is_some(), "the first run deleted the second's endpoint");
    let out = b.stop();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(endpoint(&s, &second).is_none());
}
