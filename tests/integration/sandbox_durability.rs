//! The sandbox survives `kill -9`: every enqueued delivery still reaches the receiver (the
//! same `webhook-id` on a redelivery), and no event-log row is lost or doubled; several
//! clients at once get consistent answers.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

use crate::support::sandbox::Sandbox;
use crate::support::{Stub, TestEnv};

const FIRE: &str = "/partner/test/webhooks/fire";

/// A receiver that answers 200 after a short pause (so a burst is still in flight when the
/// sandbox is killed) and records each webhook-id.
fn slow_receiver() -> (Stub, Arc<Mutex<Vec<String>>>) {
    let ids: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = ids.clone();
    let stub = Stub::start(axum::Router::new().fallback(move |headers: axum::http::HeaderMap| {
        let seen = seen.clone();
        async move {
            tokio::time::sleep(Duration::from_millis(15)).await;
            if let Some(id) = headers.get("webhook-id").and_then(|v| v.to_str().ok()) {
                seen.lock().unwrap().push(id.to_string());
            }
            "ok"
        }
    }));
    (stub, ids)
}

#[test]
fn kill_9_during_a_burst_of_1000_loses_no_delivery_and_no_event_row() {
    let env = TestEnv::new();
    let (stub, seen) = slow_receiver();
    let url = stub.url("/burst");
    let args = ["--seed-url", url.as_str()];
    let s = Sandbox::start(&env, &args);
    let dir = s.data_dir.clone();
    // 200 subscriptions × 5 fires = 1000 deliveries (the seeded subscription paused).
    let (st, _) = s.call("PATCH", "/partner/webhooks/sub_test_all_events", Some(json!({"isActive": false})));
    assert_eq!(st, 200);
    for _ in 0..200 {
        let (st, _) = s.post("/partner/webhooks", json!({"url": url, "events": ["case.assigned"]}));
        assert_eq!(st, 201);
    }
    let mut enqueued = 0;
    for _ in 0..5 {
        let (st, v) = s.post(FIRE, json!({"caseId": "case_test_full", "event": "case.assigned"}));
        assert_eq!(st, 200, "{v}");
        enqueued += v["enqueuedCount"].as_u64().unwrap();
    }
    assert_eq!(enqueued, 1000);
    // Kill it in the middle of the burst.
    s.until(Duration::from_secs(30), "the burst to start", |_| {
        (seen.lock().unwrap().len() >= 100).then_some(())
    });
    s.kill9();
    let before = seen.lock().unwrap().len();
    assert!(before < 1000, "the burst ended before the kill ({before}); the test proves nothing");
    let started = std::time::Instant::now();
    let s = Sandbox::start_in(&env, &dir, &args);
    assert!(started.elapsed() < Duration::from_secs(5), "restart took {:?}", started.elapsed());
    // Every enqueued delivery reaches the receiver.
    let (_, all) = s.get("/_sandbox/deliveries?provider=partner&limit=5000");
    let expected: HashSet<String> =
        all.as_array().unwrap().iter().map(|d| d["webhook_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(expected.len(), 1000);
    s.until(Duration::from_secs(60), "every delivery at the receiver", |_| {
        let got: HashSet<String> = seen.lock().unwrap().iter().cloned().collect();
        expected.is_subset(&got).then_some(())
    });
    let got: HashSet<String> = seen.lock().unwrap().iter().cloned().collect();
    assert_eq!(got, expected, "no webhook-id the sandbox did not enqueue");
    // The event log: one row per delivery, all delivered, none doubled.
    let rows = s.until(Duration::from_secs(30), "1000 delivered rows", |s| {
        let (_, rows) = s.get("/partner/webhooks/events?caseId=case_test_full");
        let rows = rows.as_array().unwrap().clone();
        (rows.len() >= 1000 && rows.iter().all(|r| r["status"] == "delivered")).then_some(rows)
    });
    assert_eq!(rows.len(), 1000);
    let ids: HashSet<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let hooks: HashSet<&str> = rows.iter().map(|r| r["webhookId"].as_str().unwrap()).collect();
    assert_eq!((ids.len(), hooks.len()), (1000, 1000));
    let (_, d) = s.get("/_sandbox/deliveries?provider=partner&status=delivered&limit=5000");
    assert_eq!(d.as_array().unwrap().len(), 1000);
}

#[test]
fn parallel_clients_get_consistent_answers() {
    let env = TestEnv::new();
    let (stub, seen) = slow_receiver();
    let s = Arc::new(Sandbox::start(&env, &["--seed-url", &stub.url("/p")]));
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let s = s.clone();
            std::thread::spawn(move || {
                let mut fired = 0;
                let mut ids = Vec::new();
                for _ in 0..10 {
                    let (st, v) = s.post(FIRE, json!({"caseId": "case_test_full", "event": "case.updated"}));
                    assert_eq!(st, 200, "{v}");
                    fired += v["enqueuedCount"].as_u64().unwrap();
                    let (st, v) = s.post(
                        "/xpath/v2.3/webhooks/endpoints",
                        json!({"url": format!("https://x.example/{i}"), "events": ["cases.*"]}),
                    );
                    assert_eq!(st, 201);
                    ids.push(v["data"]["id"].as_str().unwrap().to_string());
                }
                (fired, ids)
            })
        })
        .collect();
    let mut fired = 0;
    let mut ids = HashSet::new();
    for t in threads {
        let (f, i) = t.join().unwrap();
        fired += f;
        ids.extend(i);
    }
    assert_eq!(fired, 80);
    assert_eq!(ids.len(), 80, "no id handed out twice");
    let (_, list) = s.get("/xpath/v2.3/webhooks/endpoints");
    assert_eq!(list["data"].as_array().unwrap().len(), 81, "80 created + the seeded one");
    let rows = s.until(Duration::from_secs(30), "80 rows", |s| {
        let (_, rows) = s.get("/partner/webhooks/events?caseId=case_test_full");
        let rows: Vec<Value> = rows.as_array().unwrap().clone();
        (rows.len() >= 80 && rows.iter().all(|r| r["status"] == "delivered")).then_some(rows)
    });
    assert_eq!(rows.len(), 80);
    assert_eq!(seen.lock().unwrap().len(), 80, "each delivered once");
}
