//! Every literal statement of the four provider documents, checked against the sandbox's HTTP
//! API with a raw HTTP client (not hookctl's API client): routes, status codes, fields and
//! their types, id patterns, guards, the 256-character cut, replay refusal.

use serde_json::{json, Value};

use crate::support::sandbox::Sandbox;
use crate::support::TestEnv;

const XPATH: &str = "/xpath/v2.3/webhooks/endpoints";
const CLOSIENT: &str = "/closient/integrations/api/v1/webhooks";
const SHORTUUID: &str = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

fn is_shortuuid(s: &str) -> bool {
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
