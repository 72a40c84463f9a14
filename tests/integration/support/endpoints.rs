//! A provider whose endpoints live in memory (xpath dialect: `{data: …}` envelope, DELETE
//! 204), for `listen --register`: tests see which endpoints exist at any moment, and can make
//! deletes fail.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use super::api::{json, TOKEN};
use super::{Stub, TestEnv};

/// Not the listen tests' `SECRET`: a request verifies only with the secret the create returned.
pub const ENDPOINT_SECRET: &str = "whsec_c2VjcmV0LW51bWJlci10d28tZm9yLXRlc3Rz";

#[derive(Default)]
pub struct Endpoints {
    pub live: Mutex<BTreeMap<String, Value>>,
    pub fail_deletes: AtomicBool,
    /// While set, a create is held before it answers (and `creates_started` counts it).
    pub hold_creates: AtomicBool,
    pub creates_started: std::sync::atomic::AtomicU32,
    /// The create answer carries no signing secret.
    pub no_secret: AtomicBool,
    /// While set, a create makes the endpoint, then holds its answer (`creates_done` counts).
    pub hold_answers: AtomicBool,
    pub creates_done: std::sync::atomic::AtomicU32,
    next: Mutex<u32>,
}

pub struct Provider {
    pub stub: Stub,
    pub state: Arc<Endpoints>,
}

impl Provider {
    pub fn start() -> Provider {
        let state = Arc::new(Endpoints::default());
        let router = Router::new()
            .route("/v2.3/webhooks/endpoints", post(create).get(list))
            .route("/v2.3/webhooks/endpoints/{id}", get(one).delete(delete).patch(update))
            .with_state(state.clone());
        Provider { stub: Stub::start(router), state }
    }

    /// Ids of the endpoints that exist now.
    pub fn ids(&self) -> Vec<String> {
        self.state.live.lock().unwrap().keys().cloned().collect()
    }

    pub fn get(&self, id: &str) -> Option<Value> {
        self.state.live.lock().unwrap().get(id).cloned()
    }

    pub fn fail_deletes(&self, fail: bool) {
        self.state.fail_deletes.store(fail, Ordering::SeqCst);
    }

    /// Holds creates (the request arrived, no answer yet) until called with `false`.
    pub fn hold_creates(&self, hold: bool) {
        self.state.hold_creates.store(hold, Ordering::SeqCst);
    }

    /// Creates endpoints but holds the answers until called with `false`.
    pub fn hold_answers(&self, hold: bool) {
        self.state.hold_answers.store(hold, Ordering::SeqCst);
    }

    pub fn creates_done(&self) -> u32 {
        self.state.creates_done.load(Ordering::SeqCst)
    }

    pub fn answer_without_secret(&self, on: bool) {
        self.state.no_secret.store(on, Ordering::SeqCst);
    }

    pub fn creates_started(&self) -> u32 {
        self.state.creates_started.load(Ordering::SeqCst)
    }

    /// Environment for a `hookctl` command that talks to this provider.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("HOOKCTL_PROVIDER", "xpath".into()),
            ("HOOKCTL_BASE_URL", self.stub.url("")),
            ("HOOKCTL_TOKEN", TOKEN.into()),
            ("HOOKCTL_HTTP_TIMEOUT", "3s".into()),
        ]
    }

    pub fn cmd(&self, env: &TestEnv) -> assert_cmd::Command {
        let mut c = env.cmd();
        c.envs(self.env());
        c
    }
}

async fn create(State(s): State<Arc<Endpoints>>, body: axum::Json<Value>) -> axum::response::Response {
    s.creates_started.fetch_add(1, Ordering::SeqCst);
    while s.hold_creates.load(Ordering::SeqCst) {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let n = {
        let mut next = s.next.lock().unwrap();
        *next += 1;
        *next
    };
    let id = format!("wh_01J1C6ZGQ6FQTH2X6M2VS3{n:04}");
    let e = json!({"id": id, "url": body["url"], "events": body["events"], "status": "active",
                   "description": body["description"], "secret": ENDPOINT_SECRET});
    let mut e = e;
    if s.no_secret.load(Ordering::SeqCst) {
        e.as_object_mut().unwrap().remove("secret");
    }
    s.live.lock().unwrap().insert(id, e.clone());
    s.creates_done.fetch_add(1, Ordering::SeqCst);
    while s.hold_answers.load(Ordering::SeqCst) {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    json(201, json!({ "data": e }))
}

async fn list(State(s): State<Arc<Endpoints>>) -> axum::response::Response {
    let items: Vec<Value> = s.live.lock().unwrap().values().cloned().collect();
    json(200, json!({ "data": items }))
}

fn not_found() -> axum::response::Response {
    json(404, json!({"error": {"code": "not_found", "message": "Webhook endpoint not found"}}))
}

async fn one(State(s): State<Arc<Endpoints>>, Path(id): Path<String>) -> axum::response::Response {
    match s.live.lock().unwrap().get(&id) {
        Some(e) => json(200, json!({ "data": e })),
        None => not_found(),
    }
}

async fn update(
    State(s): State<Arc<Endpoints>>,
    Path(id): Path<String>,
    body: axum::Json<Value>,
) -> axum::response::Response {
    let mut live = s.live.lock().unwrap();
    let Some(e) = live.get_mut(&id) else { return not_found() };
    for (k, v) in body.as_object().cloned().unwrap_or_default() {
        e[k] = v;
    }
    json(200, json!({ "data": e }))
}

async fn delete(State(s): State<Arc<Endpoints>>, Path(id): Path<String>) -> axum::response::Response {
    if s.fail_deletes.load(Ordering::SeqCst) {
        return json(503, json!({"error": {"code": "unavailable", "message": "try later"}}));
    }
    match s.live.lock().unwrap().remove(&id) {
        Some(_) => axum::http::StatusCode::NO_CONTENT.into_response(),
        None => not_found(),
    }
}

use axum::response::IntoResponse;
