//! `endpoints` and `subscriptions` against stubs that answer like the documents (xpath's
//! `{data: …}` envelope, partner's subscriptions, closient ids).

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, patch, post};
use axum::Router;
use serde_json::{json, Value};

use crate::support::api::{api_cmd, json, stderr, stdout};
use crate::support::{stdout_json, Stub, TestEnv};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9f2c";

fn xpath_endpoint(events: &[&str], status: &str) -> Value {
    json!({
        "id": "wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW",
        "url": "https://partner.example.com/webhooks/xpath",
        "description": "Partner production endpoint",
        "events": events,
        "status": status,
        "created_at": "2026-04-29T09:10:00Z",
        "updated_at": "2026-04-29T09:10:00Z"
    })
}

/// xpath as its document shows it; PATCH echoes the fields it was sent.
fn xpath_stub() -> Stub {
    let one = "/v2.3/webhooks/endpoints/{id}";
    Stub::start(
        Router::new()
            .route(
                "/v2.3/webhooks/endpoints",
                get(|| async {
                    json(200, json!({"data": [xpath_endpoint(&["cases.*", "assignments.*"], "active")]}))
                })
                .post(|body: axum::Json<Value>| async move {
                    let mut e = xpath_endpoint(&[], "active");
                    e["events"] = body["events"].clone();
                    e["secret"] = json!(SECRET);
                    json(201, json!({ "data": e }))
                }),
            )
            .route(
                one,
                get(|Path(id): Path<String>| async move {
                    if id == "wh_missing" {
                        json(
                            404,
                            json!({"error": {"code": "not_found", "message": "Webhook endpoint not found"}}),
                        )
                    } else {
                        json(200, json!({"data": xpath_endpoint(&["cases.*"], "active")}))
                    }
                })
                .patch(|body: axum::Json<Value>| async move {
                    let mut e = xpath_endpoint(&["cases.*"], "active");
                    for (k, v) in body.as_object().unwrap() {
                        e[k] = v.clone();
                    }
                    json(200, json!({ "data": e }))
                })
                .delete(|Path(id): Path<String>| async move {
                    // The document shows 204 with a body; servers also send none. Accept both.
                    if id == "wh_empty" {
                        StatusCode::NO_CONTENT.into_response()
                    } else {
                        (StatusCode::NO_CONTENT, r#"{"deleted": true}"#).into_response()
                    }
                }),
            ),
    )
}

#[test]
fn xpath_list_and_get_unwrap_the_data_envelope() {
    let env = TestEnv::new();
    let stub = xpath_stub();
    let out = api_cmd(&env, &stub, "xpath").args(["endpoints", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW  active  https://partner.example.com/webhooks/xpath  cases.*,assignments.*"), "{text}");

    let out = api_cmd(&env, &stub, "xpath").args(["--json", "endpoints", "get", "wh_1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)["events"], json!(["cases.*"]));

    let out = api_cmd(&env, &stub, "xpath").args(["endpoints", "get", "wh_missing"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("404 Not Found: Webhook endpoint not found (not_found)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn create_prints_the_secret_once_on_stdout_and_hints_how_to_store_it() {
    let env = TestEnv::new();
    let stub = xpath_stub();
    let out = api_cmd(&env, &stub, "xpath")
        .args([
            "endpoints",
            "create",
            "--url",
            "https://example.com/h",
            "--event",
            "cases.*",
            "--event",
            "assignments.created",
        ])
        .args(["--description", "ci", "--paused"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).matches(SECRET).count(), 1, "{}", stdout(&out));
    assert!(!stderr(&out).contains(SECRET));
    assert!(stderr(&out).contains("config set secret"), "{}", stderr(&out));
    let sent: Value = serde_json::from_slice(&stub.requests()[0].body).unwrap();
    assert_eq!(
        sent,
        json!({"url": "https://example.com/h", "events": ["cases.*", "assignments.created"], "description": "ci", "status": "paused"})
    );
    assert!(!env.config_path().exists(), "nothing stored without --save-secret or a yes");
}

#[test]
fn create_with_save_secret_stores_it_in_the_profile() {
    let env = TestEnv::new();
    let stub = xpath_stub();
    let out = api_cmd(&env, &stub, "xpath")
        .args([
            "--json",
            "endpoints",
            "create",
            "--url",
            "https://example.com/h",
            "--event",
            "cases.*",
            "--save-secret",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout_json(&out)["secret"], SECRET);
    let cfg = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(cfg.contains(SECRET) && cfg.contains("[profiles.default]"), "{cfg}");
    // And `verify`/`listen` now find it: the profile holds the secret.
    assert!(!stderr(&out).contains(SECRET));
}

#[test]
fn pause_resume_and_update_patch_the_documented_fields() {
    let env = TestEnv::new();
    let stub = xpath_stub();
    api_cmd(&env, &stub, "xpath").args(["endpoints", "pause", "wh_1"]).assert().code(0);
    api_cmd(&env, &stub, "xpath").args(["endpoints", "resume", "wh_1"]).assert().code(0);
    api_cmd(&env, &stub, "xpath")
        .args(["endpoints", "update", "wh_1", "--url", "https://new.example/h", "--event", "cases.closed"])
        .assert()
        .code(0);
    let bodies: Vec<Value> =
        stub.requests().iter().map(|r| serde_json::from_slice(&r.body).unwrap()).collect();
    assert!(stub.requests().iter().all(|r| r.method == "PATCH" && r.path == "/v2.3/webhooks/endpoints/wh_1"));
    assert_eq!(bodies[0], json!({"status": "paused"}));
    assert_eq!(bodies[1], json!({"status": "active"}));
    assert_eq!(bodies[2], json!({"url": "https://new.example/h", "events": ["cases.closed"]}));

    let out = api_cmd(&env, &stub, "xpath").args(["endpoints", "update", "wh_1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nothing to update"));
}

#[test]
fn delete_accepts_204_with_or_without_a_body_and_needs_yes_in_scripts() {
    let env = TestEnv::new();
    let stub = xpath_stub();
    let out = api_cmd(&env, &stub, "xpath").args(["endpoints", "delete", "wh_1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert!(stub.requests().is_empty(), "nothing deleted without confirmation");

    api_cmd(&env, &stub, "xpath").args(["endpoints", "delete", "wh_1", "--yes"]).assert().code(0);
    let out = api_cmd(&env, &stub, "xpath")
        .args(["--json", "endpoints", "delete", "wh_empty", "-y"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout_json(&out), json!({"id": "wh_empty", "deleted": true}));
    assert_eq!(stub.requests().len(), 2);
    assert!(stub.requests().iter().all(|r| r.method == "DELETE"));
}

#[test]
fn xpath_validation_errors_are_exit_4_with_details() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        "/v2.3/webhooks/endpoints",
        post(|| async {
            json(
                422,
                json!({"error": {"code": "validation_error", "message": "The request is invalid",
                    "details": [{"field": "url", "message": "must be reachable"}]}}),
            )
        }),
    ));
    let out = api_cmd(&env, &stub, "xpath")
        .args(["endpoints", "create", "--url", "https://x.example", "--event", "cases.*"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(
        err.contains(
            "error: xpath answered 422 Unprocessable Entity: The request is invalid (validation_error)"
        ),
        "{err}"
    );
    assert!(err.contains("  url: must be reachable"), "{err}");
}

#[test]
fn event_types_are_checked_against_the_catalog_before_sending() {
    let env = TestEnv::new();
    let mut stub = xpath_stub();
    stub.may_go_unused();
    let out = api_cmd(&env, &stub, "xpath")
        .args(["endpoints", "create", "--url", "https://x.example", "--event", "cases.deleted"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("unknown xpath event type 'cases.deleted'") && err.contains("cases.closed"),
        "{err}"
    );
    assert!(err.contains("subscriptions types"), "{err}");

    let out = api_cmd(&env, &stub, "partner")
        .args(["endpoints", "create", "--url", "https://x.example", "--event", "case.deleted"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("case.assigned, case.updated, case.closed, payment.created, chat.created"));
    assert!(stub.requests().is_empty());
}

#[test]
fn partner_subscriptions_are_https_only_test_mode_and_events_are_fixed() {
    let env = TestEnv::new();
    let stub = Stub::start(
        Router::new()
            .route(
                "/webhooks",
                post(|body: axum::Json<Value>| async move {
                    let mut e = body.0.clone();
                    e["id"] = json!("sub_1");
                    e["isActive"] = json!(true);
                    json(201, e)
                }),
            )
            .route(
                "/webhooks/{id}",
                patch(|| async { json(200, json!({"id": "sub_1", "isActive": false})) }),
            ),
    );
    let out = api_cmd(&env, &stub, "partner")
        .args(["endpoints", "create", "--url", "http://insecure.example", "--event", "case.closed"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("HTTPS URLs only"), "{}", stderr(&out));

    api_cmd(&env, &stub, "debitura")
        .args(["endpoints", "create", "--url", "https://x.example/h", "--event", "case.closed"])
        .assert()
        .code(0);
    let sent: Value = serde_json::from_slice(&stub.requests()[0].body).unwrap();
    assert_eq!(sent, json!({"url": "https://x.example/h", "events": ["case.closed"], "isTestMode": true}));

    api_cmd(&env, &stub, "partner").args(["endpoints", "pause", "sub_1"]).assert().code(0);
    let sent: Value = serde_json::from_slice(&stub.requests()[1].body).unwrap();
    assert_eq!(sent, json!({"isActive": false}));

    for args in [
        vec!["endpoints", "update", "sub_1", "--event", "case.updated"],
        vec!["subscriptions", "add", "sub_1", "case.updated"],
    ] {
        let out = api_cmd(&env, &stub, "partner").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains("cannot change the events of a subscription after creation"), "{err}");
        assert!(err.contains("endpoints delete sub_1") && err.contains("endpoints create"), "{err}");
    }
    // Refused without a change: at most reads (the hint fills in the subscription's URL).
    let changes = stub.requests().iter().filter(|r| r.method != "GET").count();
    assert_eq!(changes, 2);
}

#[test]
fn closient_ids_are_checked_before_sending() {
    let env = TestEnv::new();
    let mut stub = xpath_stub();
    stub.may_go_unused();
    for bad in ["short", "0OIl0OIl0OIl0OIl0OIl0O", "../../../../etc/passwd"] {
        let out = api_cmd(&env, &stub, "closient").args(["endpoints", "get", bad]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).contains("22 characters of 23456789ABCDEFGHJKLMNPQRSTUVWXYZ"),
            "{}",
            stderr(&out)
        );
    }
    assert!(stub.requests().is_empty());
}

#[test]
fn subscriptions_add_and_remove_patch_the_whole_list() {
    let env = TestEnv::new();
    let stub = xpath_stub();
    let out = api_cmd(&env, &stub, "xpath")
        .args(["--json", "subscriptions", "add", "wh_1", "assignments.created", "cases.*"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout_json(&out)["events"], json!(["cases.*", "assignments.created"]));
    let reqs = stub.requests();
    assert_eq!((reqs[0].method.as_str(), reqs[1].method.as_str()), ("GET", "PATCH"));
    assert_eq!(
        serde_json::from_slice::<Value>(&reqs[1].body).unwrap(),
        json!({"events": ["cases.*", "assignments.created"]})
    );

    // Removing the only event would leave the endpoint deaf: refuse.
    let out =
        api_cmd(&env, &stub, "xpath").args(["subscriptions", "remove", "wh_1", "cases.*"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("delete it instead"));

    // Already subscribed: nothing to change, no PATCH.
    let before = stub.requests().len();
    api_cmd(&env, &stub, "xpath").args(["subscriptions", "add", "wh_1", "cases.*"]).assert().code(0);
    assert_eq!(stub.requests().len(), before + 1);
}

#[test]
fn subscriptions_list_and_types() {
    let env = TestEnv::new();
    let stub = xpath_stub();
    let out = api_cmd(&env, &stub, "xpath").args(["subscriptions", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW  cases.*, assignments.*"),
        "{}",
        stdout(&out)
    );

    // The catalog needs no network and no token.
    let out = env.cmd().args(["--json", "subscriptions", "types", "--provider", "partner"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let names: Vec<String> = stdout_json(&out)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["case.assigned", "case.updated", "case.closed", "payment.created", "chat.created"]);
    let out = env.cmd().args(["subscriptions", "types", "--provider", "xpath"]).output().unwrap();
    assert!(stdout(&out).contains("assignments.billing-details.*"));
}

#[test]
fn closient_and_personio_use_their_inferred_routes_and_fields() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().fallback(|| async {
        json(
            200,
            json!({"id": "aBcDeFgHiJkMnPqRsTuVwX", "url": "https://x", "events": [], "is_active": false}),
        )
    }));
    api_cmd(&env, &stub, "closient").args(["endpoints", "pause", "aBcDeFgHiJkMnPqRsTuVwX"]).assert().code(0);
    api_cmd(&env, &stub, "closient").args(["endpoints", "list"]).assert().code(0);
    api_cmd(&env, &stub, "personio").args(["endpoints", "resume", "533e7206"]).assert().code(0);
    let reqs = stub.requests();
    let seen: Vec<(String, String, String)> = reqs
        .iter()
        .map(|r| (r.method.clone(), r.path.clone(), String::from_utf8_lossy(&r.body).to_string()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "PATCH".to_string(),
                "/integrations/api/v1/webhooks/endpoints/aBcDeFgHiJkMnPqRsTuVwX/".to_string(),
                r#"{"is_active":false}"#.to_string()
            ),
            ("GET".into(), "/integrations/api/v1/webhooks/endpoints/".into(), String::new()),
            ("PATCH".into(), "/v2/webhooks/533e7206".into(), r#"{"status":"ENABLED"}"#.into()),
        ]
    );
}

#[test]
fn personio_create_sends_enabled_and_a_description_and_lists_read_data() {
    let env = TestEnv::new();
    let stub = Stub::start(
        Router::new().route(
            "/v2/webhooks",
            get(|| async {
                json(
                    200,
                    json!({"_data": [{"id": "533e7206", "url": "https://x.example/h", "description": "d",
                        "status": "ENABLED", "enabled_events": ["person.updated"]}], "_meta": {"links": {}}}),
                )
            })
            .post(|body: axum::Json<Value>| async move {
                let mut e = body.0.clone();
                e["id"] = json!("533e7206");
                json(201, e)
            }),
        ),
    );
    let out = api_cmd(&env, &stub, "personio").args(["endpoints", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        // One status word for every provider (issue 16.27): ENABLED reads "active".
        stdout(&out).contains("533e7206  active  https://x.example/h  person.updated"),
        "{}",
        stdout(&out)
    );

    api_cmd(&env, &stub, "personio")
        .args(["endpoints", "create", "--url", "https://x.example/h", "--event", "person.updated"])
        .assert()
        .code(0);
    let sent: Value = serde_json::from_slice(&stub.requests()[1].body).unwrap();
    // Personio creates webhooks DISABLED unless told otherwise, and requires a description.
    assert_eq!(
        sent,
        json!({"url": "https://x.example/h", "enabled_events": ["person.updated"],
               "description": "created by hookctl", "status": "ENABLED"})
    );
    let out = api_cmd(&env, &stub, "personio")
        .args(["endpoints", "create", "--url", "http://x.example/h", "--event", "person.updated"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Bug: a provider that echoes the signing secret on `get`/`list`/`update` had it printed raw
/// by `--json` (human output left it out); only `create` shows it, once, on purpose.
#[test]
fn json_get_list_and_update_mask_a_returned_secret() {
    let env = TestEnv::new();
    let with_secret = || {
        let mut e = xpath_endpoint(&["cases.*"], "active");
        e["secret"] = json!(SECRET);
        e
    };
    let stub = Stub::start(
        Router::new()
            .route(
                "/v2.3/webhooks/endpoints",
                get(move || async move { json(200, json!({"data": [with_secret()]})) }),
            )
            .route(
                "/v2.3/webhooks/endpoints/{id}",
                get(move || async move { json(200, json!({"data": with_secret()})) })
                    .patch(move || async move { json(200, json!({"data": with_secret()})) }),
            ),
    );
    for args in [
        &["--json", "endpoints", "list"][..],
        &["--json", "endpoints", "get", "wh_1"][..],
        &["--json", "endpoints", "pause", "wh_1"][..],
    ] {
        let out = api_cmd(&env, &stub, "xpath").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.contains(SECRET), "{args:?} leaked the secret: {text}");
        assert!(text.contains("whsec_…9f2c"), "{args:?}: {text}");
        serde_json::from_str::<Value>(&text).expect("one JSON document");
    }
}
