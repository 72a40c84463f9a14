//! Every literal statement of the four provider documents, checked against the sandbox's HTTP
//! API with a raw HTTP client (not hookctl's API client): routes, status codes, fields and
//! their types, id patterns, guards, the 256-character cut, replay refusal.

use serde_json::{json, Value};

use crate::support::sandbox::Sandbox;
use crate::support::{Stub, TestEnv};

pub(crate) const XPATH: &str = "/xpath/v2.3/webhooks/endpoints";
pub(crate) const CLOSIENT: &str = "/closient/integrations/api/v1/webhooks";
const SHORTUUID: &str = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

pub(crate) fn is_shortuuid(s: &str) -> bool {
    s.chars().count() == 22 && s.chars().all(|c| SHORTUUID.contains(c))
}

fn is_rfc3339(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok()
    })
}

// ---- xpath (document 002) ----

fn check_xpath_endpoint(e: &Value, secret: bool) {
    assert!(e["id"].as_str().is_some_and(|i| i.starts_with("wh_")), "{e}");
    assert!(e["url"].is_string() && e["events"].is_array(), "{e}");
    assert!(e["description"].is_string() || e["description"].is_null(), "{e}");
    assert!(matches!(e["status"].as_str(), Some("active" | "paused")), "{e}");
    assert!(is_rfc3339(&e["created_at"]) && is_rfc3339(&e["updated_at"]), "{e}");
    assert_eq!(e.get("secret").is_some(), secret, "secret only on create: {e}");
}

#[test]
fn xpath_endpoints_crud_as_documented() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    // GET list: 200 {data: [...]}
    let (st, list) = s.get(XPATH);
    assert_eq!(st, 200);
    let items = list["data"].as_array().expect("data array");
    assert!(!items.is_empty());
    items.iter().for_each(|e| check_xpath_endpoint(e, false));
    // POST: 201 {data: {..., secret: whsec_…}}, status active by default.
    let (st, created) = s.post(
        XPATH,
        json!({"url": "https://partner.example.com/webhooks/xpath", "events": ["cases.*", "assignments.*"],
               "description": "Partner production endpoint"}),
    );
    assert_eq!(st, 201, "{created}");
    let e = &created["data"];
    check_xpath_endpoint(e, true);
    assert!(e["secret"].as_str().unwrap().starts_with("whsec_"));
    assert_eq!(e["status"], "active");
    assert_eq!(e["events"], json!(["cases.*", "assignments.*"]));
    let id = e["id"].as_str().unwrap();
    assert_eq!(id.len(), "wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW".len());
    // GET one: 200 {data: {...}} without the secret.
    let (st, got) = s.get(&format!("{XPATH}/{id}"));
    assert_eq!(st, 200);
    check_xpath_endpoint(&got["data"], false);
    // PATCH: 200, the document's example change.
    let (st, patched) =
        s.call("PATCH", &format!("{XPATH}/{id}"), Some(json!({"status": "paused", "events": ["cases.*"]})));
    assert_eq!(st, 200, "{patched}");
    check_xpath_endpoint(&patched["data"], false);
    assert_eq!(patched["data"]["status"], "paused");
    assert_eq!(patched["data"]["events"], json!(["cases.*"]));
    assert_eq!(patched["data"]["description"], "Partner production endpoint");
    // Created with status paused.
    let (st, paused) =
        s.post(XPATH, json!({"url": "https://x.example/h", "events": ["cases.created"], "status": "paused"}));
    assert_eq!((st, paused["data"]["status"].as_str()), (201, Some("paused")));
    // DELETE: 204, then 404.
    let (st, body) = s.call("DELETE", &format!("{XPATH}/{id}"), None);
    assert_eq!((st, body), (204, Value::Null));
    let (st, gone) = s.get(&format!("{XPATH}/{id}"));
    assert_eq!(st, 404);
    assert!(gone["error"]["message"].is_string(), "{gone}");
}

#[test]
fn xpath_validates_fields_and_the_event_catalog() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    for body in [
        json!({"events": ["cases.*"]}),
        json!({"url": "https://x.example/h"}),
        json!({"url": "https://x.example/h", "events": []}),
        json!({"url": "https://x.example/h", "events": ["cases.deleted"]}),
        json!({"url": "not a url", "events": ["cases.*"]}),
        json!({"url": "https://x.example/h", "events": ["cases.*"], "status": "sleeping"}),
    ] {
        let (st, v) = s.post(XPATH, body.clone());
        assert_eq!(st, 422, "{body} → {v}");
        assert_eq!(v["error"]["code"], "validation_error");
        assert!(v["error"]["details"][0]["field"].is_string(), "{v}");
    }
    // Every event type of the document's catalog is accepted.
    for ev in [
        "cases.*",
        "cases.created",
        "cases.updated",
        "cases.closed",
        "cases.archived",
        "cases.unarchived",
        "cases.tasks.*",
        "cases.expenses.*",
        "assignments.*",
        "assignments.created",
        "assignments.updated",
        "assignments.status.updated",
        "assignments.archived",
        "assignments.unarchived",
        "assignments.extensions.created",
        "assignments.contacts.*",
        "assignments.billing-details.*",
    ] {
        let (st, v) = s.post(XPATH, json!({"url": "https://x.example/h", "events": [ev]}));
        assert_eq!(st, 201, "{ev}: {v}");
    }
}

// ---- closient (document 001) ----

#[test]
fn closient_endpoints_have_22_character_shortuuid_ids_and_trailing_slashes() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let (st, created) =
        s.post(&format!("{CLOSIENT}/endpoints/"), json!({"url": "http://127.0.0.1:9/h", "events": ["*"]}));
    assert_eq!(st, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    assert!(is_shortuuid(&id), "{id}");
    assert!(created["secret"].as_str().unwrap().starts_with("whsec_"));
    assert_eq!(created["is_active"], true);
    let (st, got) = s.get(&format!("{CLOSIENT}/endpoints/{id}/"));
    assert_eq!(st, 200);
    assert!(got.get("secret").is_none(), "{got}");
    let (st, _) = s.get(&format!("{CLOSIENT}/endpoints/{id}"));
    assert_eq!(st, 404, "without the trailing slash");
    let (st, list) = s.get(&format!("{CLOSIENT}/endpoints/"));
    assert_eq!(st, 200);
    assert!(list.as_array().unwrap().iter().any(|e| e["id"] == id.as_str()));
    let (st, patched) =
        s.call("PATCH", &format!("{CLOSIENT}/endpoints/{id}/"), Some(json!({"is_active": false})));
    assert_eq!((st, patched["is_active"].as_bool()), (200, Some(false)));
    let (st, _) = s.call("DELETE", &format!("{CLOSIENT}/endpoints/{id}/"), None);
    assert_eq!(st, 204);
    let (st, v) = s.get(&format!("{CLOSIENT}/endpoints/{id}/"));
    assert_eq!((st, v["detail"].as_str()), (404, Some("Not Found")));
}

#[test]
fn closient_ids_outside_the_pattern_are_refused_with_pydantic_detail() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    // Too short, too long, and characters shortuuid leaves out (0, 1, I, O, l).
    for bad in [
        "abc",
        "SandboxEndpoint23456789",
        "0andboxEndpoint2345678",
        "landboxEndpoint2345678",
        "IandboxEndpoint2345678",
    ] {
        for path in
            [format!("{CLOSIENT}/endpoints/{bad}/test/"), format!("{CLOSIENT}/deliveries/{bad}/replay/")]
        {
            let (st, v) = s.post(&path, json!({}));
            assert_eq!(st, 422, "{path}: {v}");
            let d = &v["detail"][0];
            assert_eq!(d["type"], "string_pattern_mismatch", "{v}");
            assert_eq!(d["loc"][0], "path");
            assert!(d["msg"].as_str().unwrap().contains(SHORTUUID), "{v}");
        }
    }
    let (st, v) = s.post(&format!("{CLOSIENT}/endpoints/"), json!({"events": ["*"]}));
    assert_eq!(st, 422);
    assert_eq!(v["detail"][0]["loc"], json!(["body", "payload", "url"]), "{v}");
}

// ---- partner (document 000) ----

const FIRE: &str = "/partner/test/webhooks/fire";

/// A sandbox whose seeded endpoints deliver to a receiver that answers 200.
fn with_receiver(env: &TestEnv, args: &[&str]) -> (Sandbox, Stub) {
    let stub = Stub::start(axum::Router::new().fallback(|| async { "ok" }));
    let url = stub.url("/seed");
    let mut a = vec!["--seed-url", url.as_str()];
    a.extend(args);
    (Sandbox::start(env, &a), stub)
}

#[test]
fn partner_fire_answers_enqueued_count_for_active_test_subscriptions() {
    let env = TestEnv::new();
    let (s, stub) = with_receiver(&env, &[]);
    for event in ["case.assigned", "case.updated", "case.closed", "payment.created", "chat.created"] {
        let (st, v) = s.post(FIRE, json!({"caseId": "case_test_full", "event": event}));
        assert_eq!(st, 200, "{event}: {v}");
        assert_eq!(v, json!({"eventType": event, "caseId": "case_test_full", "enqueuedCount": 1}));
    }
    // A second active test subscription for one type: two deliveries; a paused one counts not.
    let (st, _) = s.post("/partner/webhooks", json!({"url": stub.url("/b"), "events": ["case.closed"]}));
    assert_eq!(st, 201);
    let (_, paused) = s.post(
        "/partner/webhooks",
        json!({"url": stub.url("/c"), "events": ["case.closed"], "isActive": false}),
    );
    assert_eq!(paused["isActive"], false);
    let (_, v) = s.post(FIRE, json!({"caseId": "case_test_full", "event": "case.closed"}));
    assert_eq!(v["enqueuedCount"], 2);
    let (_, v) = s.post(
        FIRE,
        json!({"caseId": "case_test_full", "event": "case.closed", "subscriptionId": "sub_test_all_events"}),
    );
    assert_eq!(v["enqueuedCount"], 1, "only that subscription");
    let (_, v) = s.post(
        FIRE,
        json!({"caseId": "case_test_full", "event": "case.closed", "subscriptionId": paused["id"]}),
    );
    assert_eq!(v["enqueuedCount"], 1, "a named test subscription is fired to even when paused");
}

#[test]
fn partner_fire_guards_400_404_422() {
    let env = TestEnv::new();
    let (s, mut stub) = with_receiver(&env, &[]);
    stub.may_go_unused(); // every fire is refused: nothing is delivered
    let cases = [
        // 400: not a test case, event type not valid, subscription not found / not test / not owned.
        (json!({"caseId": "case_live", "event": "case.assigned"}), 400, "CaseNotTest"),
        (json!({"caseId": "case_test_full", "event": "case.deleted"}), 400, "InvalidEventType"),
        (
            json!({"caseId": "case_test_full", "event": "case.assigned", "subscriptionId": "sub_nope"}),
            400,
            "SubscriptionNotFound",
        ),
        (
            json!({"caseId": "case_test_full", "event": "case.assigned", "subscriptionId": "sub_live"}),
            400,
            "SubscriptionNotFound",
        ),
        (
            json!({"caseId": "case_test_full", "event": "case.assigned", "subscriptionId": "sub_other_partner"}),
            400,
            "SubscriptionNotFound",
        ),
        // 404: not found, or not owned by this collection partner.
        (json!({"caseId": "case_nope", "event": "case.assigned"}), 404, ""),
        (json!({"caseId": "case_other_partner", "event": "case.assigned"}), 404, ""),
        // 422: required data missing.
        (json!({"caseId": "case_test_empty", "event": "payment.created"}), 422, "RequiredDataMissing"),
        (json!({"caseId": "case_test_empty", "event": "chat.created"}), 422, "RequiredDataMissing"),
    ];
    for (body, status, kind) in cases {
        let (st, v) = s.post(FIRE, body.clone());
        assert_eq!(st, status, "{body} → {v}");
        assert!(v["message"].is_string() && v["error"].is_string(), "{v}");
        if !kind.is_empty() {
            assert_eq!(v["businessErrors"][0]["type"], kind, "{v}");
        }
    }
    // Nothing was enqueued by any refused fire.
    let (_, d) = s.get("/_sandbox/deliveries?provider=partner");
    assert_eq!(d.as_array().unwrap().len(), 0, "{d}");
    // The empty case still fires lifecycle events.
    let (st, v) = s.post(FIRE, json!({"caseId": "case_test_empty", "event": "case.assigned"}));
    assert_eq!((st, v["enqueuedCount"].as_u64()), (200, Some(1)));
}

#[test]
fn partner_event_log_rows_appear_only_after_the_attempt_and_the_lag() {
    let env = TestEnv::new();
    let (s, stub) = with_receiver(&env, &["--lag", "1s"]);
    let (_, v) = s.post(FIRE, json!({"caseId": "case_test_full", "event": "payment.created"}));
    assert_eq!(v["enqueuedCount"], 1);
    // The enqueue is confirmed, the row is not there yet.
    let (st, rows) = s.get("/partner/webhooks/events?caseId=case_test_full");
    assert_eq!(st, 200);
    assert_eq!(rows, json!([]));
    // It was attempted (the receiver has it) before the row shows.
    s.until(std::time::Duration::from_secs(10), "the attempt", |_| {
        (!stub.requests().is_empty()).then_some(())
    });
    let started = std::time::Instant::now();
    let rows = s.until(std::time::Duration::from_secs(10), "the row", |s| {
        let (_, rows) = s.get("/partner/webhooks/events?caseId=case_test_full");
        (!rows.as_array().unwrap().is_empty()).then_some(rows)
    });
    assert!(started.elapsed() >= std::time::Duration::from_millis(700), "the lag was honoured");
    let row = &rows[0];
    assert_eq!(row["eventType"], "payment.created");
    assert_eq!(row["status"], "delivered");
    assert_eq!(row["attemptCount"], 1);
    assert_eq!(row["lastResponseCode"], 200);
    assert!(is_rfc3339(&row["createdAt"]) && is_rfc3339(&row["deliveredAt"]), "{row}");
    // The payload is the case's real state: its most recent payment.
    let payload: Value = serde_json::from_str(row["payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload["data"]["payment"]["id"], "pay_seed_2");
    assert_eq!(payload["id"], row["id"]);
    let (st, one) = s.get(&format!("/partner/webhooks/events/{}", row["id"].as_str().unwrap()));
    assert_eq!((st, &one["id"]), (200, &row["id"]));
    // since (any RFC 3339 spelling) keeps rows created at or after it.
    let (_, old) = s.get("/partner/webhooks/events?caseId=case_test_full&since=2000-01-01T01:00:00%2B01:00");
    assert_eq!(old.as_array().unwrap().len(), 1);
    let (_, future) = s.get("/partner/webhooks/events?caseId=case_test_full&since=2999-01-01T00:00:00Z");
    assert_eq!(future, json!([]));
    // caseId is required; an unknown case is 404.
    let (st, v) = s.get("/partner/webhooks/events");
    assert_eq!(st, 400, "{v}");
    let (st, _) = s.get("/partner/webhooks/events?caseId=case_nope");
    assert_eq!(st, 404);
}

#[test]
fn partner_fire_reads_the_current_state_of_the_case() {
    let env = TestEnv::new();
    let (s, stub) = with_receiver(&env, &[]);
    let (st, _) = s.call(
        "PATCH",
        "/_sandbox/cases/case_test_full",
        Some(json!({"lifecycle": "Closed", "closeCode": "PAID", "closeComment": "paid in full"})),
    );
    assert_eq!(st, 200);
    s.post(FIRE, json!({"caseId": "case_test_full", "event": "case.closed"}));
    s.post(FIRE, json!({"caseId": "case_test_full", "event": "case.updated"}));
    let reqs = s.until(std::time::Duration::from_secs(10), "two deliveries", |_| {
        let r = stub.requests();
        (r.len() >= 2).then_some(r)
    });
    let bodies: Vec<Value> = reqs.iter().map(|r| serde_json::from_slice(&r.body).unwrap()).collect();
    let closed = bodies.iter().find(|b| b["eventType"] == "case.closed").unwrap();
    assert_eq!(closed["data"], json!({"closeCode": "PAID", "closeComment": "paid in full"}));
    let updated = bodies.iter().find(|b| b["eventType"] == "case.updated").unwrap();
    assert_eq!(updated["data"], json!({"oldLifecycle": "Closed", "newLifecycle": "Closed"}));
    // Signed with the endpoint's secret (Standard Webhooks), checked independently.
    for r in &reqs {
        let id = r.header("webhook-id").unwrap();
        let ts: i64 = r.header("webhook-timestamp").unwrap().parse().unwrap();
        let sig = crate::support::listen::standard_sig(crate::support::sandbox::SECRET, id, ts, &r.body);
        assert_eq!(r.header("webhook-signature"), Some(sig.as_str()));
    }
}

#[test]
fn partner_subscriptions_events_cannot_change_after_creation() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let (st, v) =
        s.post("/partner/webhooks", json!({"url": "https://x.example/h", "events": ["case.closed"]}));
    assert_eq!(st, 201);
    assert!(v["secret"].as_str().unwrap().starts_with("whsec_"));
    assert_eq!((v["isActive"].as_bool(), v["isTestMode"].as_bool()), (Some(true), Some(true)));
    let id = v["id"].as_str().unwrap();
    let (st, e) =
        s.call("PATCH", &format!("/partner/webhooks/{id}"), Some(json!({"events": ["case.assigned"]})));
    assert_eq!(st, 400, "{e}");
    let (st, e) = s.call("PATCH", &format!("/partner/webhooks/{id}"), Some(json!({"isActive": false})));
    assert_eq!((st, e["isActive"].as_bool()), (200, Some(false)));
    let (st, _) = s.call("DELETE", &format!("/partner/webhooks/{id}"), None);
    assert_eq!(st, 204);
    let (st, _) = s.get("/partner/webhooks/sub_other_partner");
    assert_eq!(st, 404, "not owned");
}

// ---- personio (document 003) ----

const PERSONIO_TEST: &str = "/personio/v2/webhooks/533e7206-f4a3-11ed-9c8b-436fad0b82d1/test-event";

fn check_problem(v: &Value, title: &str) {
    assert!(v["personio_trace_id"].as_str().is_some_and(|t| !t.is_empty()), "{v}");
    assert!(is_rfc3339(&v["timestamp"]), "{v}");
    assert_eq!(v["errors"][0]["title"], title, "{v}");
    assert!(v["errors"][0]["detail"].is_string(), "{v}");
}

#[test]
fn personio_test_event_delivers_nested_payload_data() {
    let env = TestEnv::new();
    let stub = Stub::start(axum::Router::new().fallback(|| async { "ok" }));
    let s = Sandbox::start(&env, &["--seed-url", &stub.url("/p")]);
    let (st, v) =
        s.post(PERSONIO_TEST, json!({"event_name": "person.updated", "payload_data": {"person.id": "456"}}));
    assert_eq!(st, 200, "{v}");
    assert!(is_rfc3339(&v["completed_at"]), "{v}");
    assert_eq!(v["event_name"], "person.updated");
    assert_eq!(v["is_delivered"], true);
    assert_eq!(v["attempts"], 1);
    assert_eq!(v["status_code"], 200);
    let body: Value = serde_json::from_slice(&stub.requests()[0].body).unwrap();
    assert_eq!(body["event_name"], "person.updated");
    assert_eq!(body["data"], json!({"person": {"id": "456"}}), "dot notation becomes nested objects");
}

#[test]
fn personio_test_event_errors_are_problem_json() {
    let env = TestEnv::new();
    let dead = format!("http://127.0.0.1:{}/gone", crate::support::dead_port());
    let s = Sandbox::start(&env, &["--seed-url", &dead]);
    // 400: missing required payload data, with the document's own wording.
    let (st, v, a) = s.raw(
        "POST",
        PERSONIO_TEST,
        &[("Authorization", "Bearer hookctl-sandbox")],
        json!({"event_name": "person.updated", "payload_data": {}}).to_string().as_bytes(),
    );
    assert_eq!(st, 400);
    check_problem(&v, "Missing required payload data");
    assert_eq!(
        v["errors"][0]["detail"],
        "The test event payload requires field 'person.id' in the 'payload_data' object"
    );
    assert!(a.headers.iter().any(|(k, val)| k == "content-type" && val == "application/problem+json"));
    // document events need document.id and document.owner.id.
    let (st, v) = s
        .post(PERSONIO_TEST, json!({"event_name": "document.created", "payload_data": {"document.id": "1"}}));
    assert_eq!(st, 400);
    assert!(v["errors"][0]["detail"].as_str().unwrap().contains("document.owner.id"), "{v}");
    // 400: the event must be enabled for the webhook; event_name is required.
    let (st, v) =
        s.post(PERSONIO_TEST, json!({"event_name": "person.deleted", "payload_data": {"person.id": "1"}}));
    assert_eq!(st, 400);
    check_problem(&v, "Event not enabled");
    let (st, _) = s.post(PERSONIO_TEST, json!({"payload_data": {}}));
    assert_eq!(st, 400);
    // 404: the document's example body.
    let (st, v) = s.post(
        "/personio/v2/webhooks/00000000-0000-4000-8000-000000000000/test-event",
        json!({"event_name": "person.updated"}),
    );
    assert_eq!(st, 404);
    check_problem(&v, "Webhook not found");
    assert_eq!(v["errors"][0]["detail"], "No webhook found matching the given id");
    // 403: a token without the personio:webhooks:write scope.
    let (st, v, _) = s.raw(
        "POST",
        PERSONIO_TEST,
        &[("Authorization", "Bearer hookctl-sandbox-readonly")],
        json!({"event_name": "person.updated", "payload_data": {"person.id": "1"}}).to_string().as_bytes(),
    );
    assert_eq!(st, 403);
    check_problem(&v, "Access denied");
    assert_eq!(v["errors"][0]["detail"], "Access denied to perform webhook operations");
    // An unreachable webhook: 200 with is_delivered false and no status code.
    let (st, v) =
        s.post(PERSONIO_TEST, json!({"event_name": "person.created", "payload_data": {"person.id": "1"}}));
    assert_eq!(st, 200);
    assert_eq!((v["is_delivered"].as_bool(), v["status_code"].is_null()), (Some(false), true), "{v}");
}

#[test]
fn unknown_routes_and_wrong_methods_get_each_dialects_own_error_shape() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let partner =
        |v: &Value| v["error"].is_string() && v["message"].is_string() && v["businessErrors"].is_array();
    let closient = |v: &Value| v["detail"].is_string();
    let xpath = |v: &Value| v["error"]["code"].is_string() && v["error"]["message"].is_string();
    let personio = |v: &Value| {
        v["personio_trace_id"].is_string()
            && is_rfc3339(&v["timestamp"])
            && v["errors"][0]["title"].is_string()
    };
    type Shape<'a> = &'a dyn Fn(&Value) -> bool;
    let cases: [(&str, &str, u16, Shape); 8] = [
        ("GET", "/partner/nothing", 404, &partner),
        ("GET", FIRE, 405, &partner),
        ("GET", "/closient/integrations/api/v1/nothing/", 404, &closient),
        ("GET", crate::sandbox_delivery::CLIENT_TEST, 405, &closient),
        ("GET", "/xpath/v2.3/nothing", 404, &xpath),
        ("PUT", XPATH, 405, &xpath),
        ("GET", "/personio/v2/nothing", 404, &personio),
        ("GET", PERSONIO_TEST, 405, &personio),
    ];
    for (method, path, status, shape) in cases {
        let (st, v, a) = s.raw(
            method,
            path,
            &[("Authorization", "Bearer hookctl-sandbox"), ("X-API-Key", "hookctl-sandbox")],
            b"",
        );
        assert_eq!(st, status, "{method} {path}: {v}");
        assert!(shape(&v), "{method} {path}: not the dialect's shape: {v}");
        if path.starts_with("/personio") {
            let ct = a.headers.iter().find(|(k, _)| k == "content-type").map(|(_, v)| v.as_str());
            assert_eq!(ct, Some("application/problem+json"), "{path}");
        }
    }
    // Each personio error carries a fresh trace id.
    let (_, a) = s.get("/personio/v2/nothing");
    let (_, b) = s.get("/personio/v2/nothing");
    assert_ne!(a["personio_trace_id"], b["personio_trace_id"]);
}

#[test]
fn fields_of_the_wrong_type_are_the_dialects_400_naming_the_field() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    for (body, says) in [
        (json!({"caseId": 5, "event": "case.assigned"}), "caseId must be a string"),
        (json!({"caseId": "case_test_full", "event": ["case.assigned"]}), "event must be a string"),
        (json!({"event": "case.assigned"}), "caseId is required"),
        (
            json!({"caseId": "case_test_full", "event": "case.assigned", "subscriptionId": 7}),
            "subscriptionId",
        ),
    ] {
        let (st, v) = s.post(FIRE, body.clone());
        assert_eq!(st, 400, "{body} → {v}");
        assert!(v["message"].as_str().unwrap().contains(says), "{body} → {v}");
    }
    for (body, title) in [
        (json!({"event_name": 5}), "Invalid event name"),
        (json!({"event_name": "person.updated", "payload_data": {"person.id": 456}}), "Invalid payload data"),
        (json!({"event_name": "person.updated", "payload_data": "person.id=1"}), "Invalid payload data"),
    ] {
        let (st, v) = s.post(PERSONIO_TEST, body.clone());
        assert_eq!(st, 400, "{body} → {v}");
        check_problem(&v, title);
    }
}

#[test]
fn personio_token_without_the_write_scope_reads_but_cannot_write() {
    let env = TestEnv::new();
    let s = Sandbox::start(&env, &[]);
    let webhook = "/personio/v2/webhooks/533e7206-f4a3-11ed-9c8b-436fad0b82d1";
    let readonly =
        [("Authorization", "Bearer hookctl-sandbox-readonly"), ("Content-Type", "application/json")];
    let (st, v, _) = s.raw("GET", "/personio/v2/webhooks", &readonly, b"");
    assert_eq!(st, 200, "{v}");
    let (st, _, _) = s.raw("GET", webhook, &readonly, b"");
    assert_eq!(st, 200);
    let create =
        json!({"url": "https://example.com/h", "enabled_events": ["person.created"], "description": "d"});
    for (method, path, body) in [
        ("POST", "/personio/v2/webhooks", create.to_string()),
        ("PATCH", webhook, json!({"status": "DISABLED"}).to_string()),
        ("DELETE", webhook, String::new()),
    ] {
        let (st, v, _) = s.raw(method, path, &readonly, body.as_bytes());
        assert_eq!(st, 403, "{method} {path}: {v}");
        check_problem(&v, "Access denied");
    }
    // Nothing changed.
    let (st, v) = s.get(webhook);
    assert_eq!(st, 200);
    assert_eq!(v["status"], "ENABLED", "{v}");
}
