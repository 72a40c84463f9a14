//! The API client through the real binary: auth, configuration errors, retries, timeouts and
//! the decoding of error bodies. Stubs answer as the documents say.

use std::time::{Duration, Instant};

use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;

use hookctl::exit::Exit;

use crate::support::api::{api_cmd, api_run, json, stderr, stdout, Counter, TOKEN};
use crate::support::{dead_port, stdout_json, Stub, TestEnv};

const XPATH_LIST: &str = "/v2.3/webhooks/endpoints";

fn xpath_list_stub() -> Stub {
    Stub::start(Router::new().route(XPATH_LIST, get(|| async { json(200, json!({"data": []})) })))
}

#[test]
fn bearer_auth_user_agent_and_token_never_printed_even_with_verbose() {
    let env = TestEnv::new();
    let stub = xpath_list_stub();
    let out = api_cmd(&env, &stub, "xpath").args(["-v", "endpoints", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let req = &stub.requests()[0];
    assert_eq!(req.path, XPATH_LIST, "base URL's trailing slash is dropped, path kept literally");
    assert_eq!(req.header("authorization"), Some(format!("Bearer {TOKEN}").as_str()));
    assert_eq!(req.header("accept"), Some("application/json"));
    assert!(req.header("user-agent").unwrap().starts_with("hookctl/"));
    let err = stderr(&out);
    // -v traces method, URL, status and timing, with the token masked.
    assert!(err.contains("GET http://") && err.contains("← 200"), "{err}");
    assert!(err.contains("Bearer tok_…1c0d"), "{err}");
    assert!(!err.contains(TOKEN) && !stdout(&out).contains(TOKEN));
}

/// A password in the base URL is masked in the -v trace like the token.
#[test]
fn a_password_in_the_base_url_is_never_printed_even_with_verbose() {
    let env = TestEnv::new();
    let stub = xpath_list_stub();
    let base = stub.url("/").replace("http://", "http://user:hunter2pass@");
    let out = api_cmd(&env, &stub, "xpath")
        .env("HOOKCTL_BASE_URL", &base)
        .args(["-v", "endpoints", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("GET http://user:***@127.0.0.1:"), "{err}");
    assert!(!err.contains("hunter2pass") && !stdout(&out).contains("hunter2pass"), "{err}");
}

#[test]
fn closient_sends_x_api_key_and_a_profile_can_rename_the_header() {
    let env = TestEnv::new();
    let stub = Stub::start(
        Router::new()
            .route("/integrations/api/v1/webhooks/endpoints/", get(|| async { json(200, json!([])) }))
            .route("/webhooks", get(|| async { json(200, json!([])) })),
    );
    api_cmd(&env, &stub, "closient").args(["endpoints", "list"]).assert().code(0);
    assert_eq!(stub.requests()[0].header("x-api-key"), Some(TOKEN));
    assert_eq!(stub.requests()[0].header("authorization"), None);

    // Partner's public API also takes the key as `XApiKey`; the profile says so.
    let cfg = env.write("cfg.toml", "[profiles.p]\nprovider = \"debitura\"\nauth_header = \"XApiKey\"\n");
    api_cmd(&env, &stub, "partner")
        .env_remove("HOOKCTL_PROVIDER")
        .env("HOOKCTL_CONFIG", &cfg)
        .args(["endpoints", "list", "--profile", "p"])
        .assert()
        .code(0);
    let req = &stub.requests()[1];
    assert_eq!(req.path, "/webhooks");
    assert_eq!(req.header("xapikey"), Some(TOKEN));
    assert_eq!(req.header("authorization"), None);
}

#[test]
fn profile_route_override_is_used() {
    let env = TestEnv::new();
    let stub =
        Stub::start(Router::new().route("/v9/hooks", get(|| async { json(200, json!({"data": []})) })));
    let cfg = env.write("cfg.toml", "[profiles.default.routes]\n\"endpoints.list\" = \"GET /v9/hooks\"\n");
    api_cmd(&env, &stub, "xpath").env("HOOKCTL_CONFIG", &cfg).args(["endpoints", "list"]).assert().code(0);
    assert_eq!(stub.requests()[0].path, "/v9/hooks");

    let bad = env.write("bad.toml", "[profiles.default.routes]\n\"endpoints.list\" = \"FETCH /x\"\n");
    let out = api_cmd(&env, &stub, "xpath")
        .env("HOOKCTL_CONFIG", &bad)
        .args(["endpoints", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("routes.endpoints.list"), "{}", stderr(&out));
}

/// A misspelt route name in a profile used to be an override that was silently never used.
#[test]
fn a_profile_naming_an_unknown_route_is_a_clear_error() {
    let env = TestEnv::new();
    let mut stub = xpath_list_stub();
    stub.may_go_unused();
    let cfg = env.write("cfg.toml", "[profiles.default.routes]\n\"endpoint.list\" = \"GET /v9/hooks\"\n");
    api_run(&env, &stub, "xpath")
        .env("HOOKCTL_CONFIG", &cfg)
        .args(["endpoints", "list"])
        .code(Exit::Config)
        .stderr_has("profile routes.endpoint.list: unknown route 'endpoint.list' (known: endpoints.list,");
    // `config set` refuses it before it reaches the file.
    env.run()
        .args(["config", "set", "routes.endpoint.list", "GET /v9/hooks"])
        .code(Exit::Usage)
        .stderr_has("unknown route 'endpoint.list'");
    env.run().args(["config", "set", "routes.endpoints.list", "FETCH /v9/hooks"]).code(Exit::Usage);
    env.run().args(["config", "set", "routes.endpoints.list", "GET /v9/hooks"]).code(Exit::Ok);
    assert!(stub.requests().is_empty());
}

#[test]
fn missing_token_base_url_or_provider_are_config_errors_with_hints() {
    let env = TestEnv::new();
    let mut stub = xpath_list_stub();
    stub.may_go_unused();
    api_run(&env, &stub, "xpath")
        .env_remove("HOOKCTL_TOKEN")
        .args(["endpoints", "list"])
        .code(Exit::Config)
        .stderr_has("error: an API token for xpath is not set")
        .stderr_has("hint: set HOOKCTL_TOKEN");
    api_run(&env, &stub, "partner")
        .env_remove("HOOKCTL_BASE_URL")
        .args(["endpoints", "list"])
        .code(Exit::Config)
        .stderr_has("base URL for partner")
        .stderr_has("--base-url")
        .stderr_has("HOOKCTL_BASE_URL")
        .stderr_has("config set base_url");
    api_run(&env, &stub, "xpath")
        .env_remove("HOOKCTL_PROVIDER")
        .args(["endpoints", "list"])
        .code(Exit::Config)
        .stderr_has("--provider");
    api_run(&env, &stub, "xpath")
        .args(["endpoints", "list", "--provider", "stripe"])
        .code(Exit::Usage)
        .stderr_has("unknown provider 'stripe'");
    api_run(&env, &stub, "xpath")
        .args(["endpoints", "list", "--base-url", "localhost:80"])
        .code(Exit::Config);
    assert!(stub.requests().is_empty());
}

#[test]
fn an_operation_the_provider_lacks_is_a_usage_error_naming_who_has_it() {
    let env = TestEnv::new();
    let mut stub = xpath_list_stub();
    stub.may_go_unused();
    // Checked before credentials: no token needed to learn that xpath has no test route.
    api_run(&env, &stub, "xpath")
        .env_remove("HOOKCTL_TOKEN")
        .args(["test", "abc"])
        .code(Exit::Usage)
        .stderr_has("providers that support it: closient, personio");
    api_run(&env, &stub, "personio").args(["replay", "d1"]).code(Exit::Usage).stderr_has("closient");
    assert!(stub.requests().is_empty());
}

#[test]
fn rate_limit_with_retry_after_is_honoured_then_succeeds() {
    let env = TestEnv::new();
    let hits = Counter::default();
    let h = hits.clone();
    let stub = Stub::start(Router::new().route(
        XPATH_LIST,
        get(move || {
            let n = h.next();
            async move {
                if n == 1 {
                    let mut headers = HeaderMap::new();
                    headers.insert("retry-after", "1".parse().unwrap());
                    (StatusCode::TOO_MANY_REQUESTS, headers, r#"{"error":{"code":"rate_limited","message":"slow down"}}"#)
                        .into_response()
                } else {
                    json(200, json!({"data": [{"id": "wh_1", "url": "https://x", "events": [], "status": "active"}]}))
                }
            }
        }),
    ));
    let started = Instant::now();
    let out = api_cmd(&env, &stub, "xpath").args(["--json", "endpoints", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(started.elapsed() >= Duration::from_millis(950), "Retry-After: 1 must be waited for");
    assert_eq!(stub.requests().len(), 2);
    assert_eq!(stdout_json(&out)[0]["id"], "wh_1", "the {{data}} envelope is unwrapped");
}

#[test]
fn persistent_rate_limit_is_exit_4_with_the_providers_message() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        XPATH_LIST,
        get(|| async {
            let mut headers = HeaderMap::new();
            headers.insert("retry-after", "120".parse().unwrap());
            (
                StatusCode::TOO_MANY_REQUESTS,
                headers,
                r#"{"error":{"code":"rate_limited","message":"slow down"}}"#,
            )
        }),
    ));
    api_run(&env, &stub, "xpath")
        .args(["endpoints", "list"])
        .code(Exit::Api)
        .stderr_has("429 Too Many Requests: slow down (rate_limited)")
        .stderr_has("retry after 120s");
    // A Retry-After beyond the limit is reported at once, not slept through.
    assert_eq!(stub.requests().len(), 1);
}

#[test]
fn transient_500s_on_a_get_are_retried() {
    let env = TestEnv::new();
    let hits = Counter::default();
    let h = hits.clone();
    let stub = Stub::start(Router::new().route(
        XPATH_LIST,
        get(move || {
            let n = h.next();
            async move {
                if n <= 2 {
                    json(500, json!({"error": {"code": "internal", "message": "db hiccup"}}))
                } else {
                    json(200, json!({"data": []}))
                }
            }
        }),
    ));
    api_cmd(&env, &stub, "xpath").args(["endpoints", "list"]).assert().code(0);
    assert_eq!(stub.requests().len(), 3);
}

#[test]
fn persistent_5xx_is_exit_5_after_retries_with_the_message() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        XPATH_LIST,
        get(|| async { json(502, json!({"error": {"code": "bad_gateway", "message": "upstream down"}})) }),
    ));
    api_run(&env, &stub, "xpath")
        .args(["endpoints", "list"])
        .code(Exit::Network)
        .stderr_has("502 Bad Gateway: upstream down")
        .stderr_has("gave up after 4 attempts");
    assert_eq!(stub.requests().len(), 4);
}

#[test]
fn a_post_that_may_have_been_processed_is_not_retried() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        "/v2/webhooks/{id}/test-event",
        post(|| async { crate::support::api::problem(500, "Internal error", "try later") }),
    ));
    api_run(&env, &stub, "personio")
        .args(["test", "w1", "--event", "person.updated", "--data", "person.id=1"])
        .code(Exit::Network)
        .stderr_has("Internal error: try later");
    assert_eq!(stub.requests().len(), 1, "a 500 on a POST must not be repeated (double fire)");
}

#[test]
fn a_post_answered_503_with_retry_after_is_retried() {
    let env = TestEnv::new();
    let hits = Counter::default();
    let h = hits.clone();
    let stub = Stub::start(Router::new().route(
        "/v2/webhooks/{id}/test-event",
        post(move || {
            let n = h.next();
            async move {
                if n == 1 {
                    let mut headers = HeaderMap::new();
                    headers.insert("retry-after", "0".parse().unwrap());
                    (StatusCode::SERVICE_UNAVAILABLE, headers, "").into_response()
                } else {
                    json(200, json!({"event_name": "person.updated", "is_delivered": true, "attempts": 1, "status_code": 200}))
                }
            }
        }),
    ));
    api_cmd(&env, &stub, "personio")
        .args(["test", "w1", "--event", "person.updated", "--data", "person.id=1"])
        .assert()
        .code(0);
    assert_eq!(stub.requests().len(), 2);
}

#[test]
fn connection_refused_is_exit_5() {
    let env = TestEnv::new();
    let url = format!("http://127.0.0.1:{}", dead_port());
    env.run()
        .env("HOOKCTL_TOKEN", TOKEN)
        .args(["endpoints", "list", "--provider", "xpath", "--base-url", &url])
        .code(Exit::Network)
        .stderr_has("error: cannot connect to 127.0.0.1")
        .stderr_has("gave up after 4 attempts");
}

#[test]
fn a_hanging_server_times_out_with_exit_5() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        XPATH_LIST,
        get(|| async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            "never"
        }),
    ));
    let started = Instant::now();
    api_run(&env, &stub, "xpath")
        .env("HOOKCTL_HTTP_TIMEOUT", "300ms")
        .args(["endpoints", "list"])
        .code(Exit::Network)
        .stderr_has("did not answer in time");
    // 4 attempts of 300 ms plus backoff, far below the server's 30 s.
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    assert_eq!(stub.requests().len(), 4, "a GET is retried after a timeout");
}

#[test]
fn unknown_error_bodies_show_status_and_the_start_of_the_body() {
    let env = TestEnv::new();
    let html = format!("<html><body>{}</body></html>", "gateway says no ".repeat(40));
    let stub = Stub::start(
        Router::new().route(XPATH_LIST, get(move || async move { (StatusCode::IM_A_TEAPOT, html) })),
    );
    api_run(&env, &stub, "xpath")
        .args(["endpoints", "list"])
        .code(Exit::Api)
        .stderr_has("error: xpath answered 418 I'm a teapot: unexpected error body")
        .stderr_has("<html><body>gateway says no")
        .stderr_lacks(&"gateway says no ".repeat(17)); // only the first 256 bytes
}

#[test]
fn errors_are_also_json_on_stdout_with_json() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        XPATH_LIST,
        get(|| async {
            json(401, json!({"error": {"code": "unauthorized", "message": "Invalid access token"}}))
        }),
    ));
    let doc = api_run(&env, &stub, "xpath").args(["--json", "endpoints", "list"]).code(Exit::Config).json();
    assert_eq!(doc["error"]["code"], 3);
    assert_eq!(doc["error"]["kind"], "auth");
    assert!(doc["error"]["message"].as_str().unwrap().contains("Invalid access token"));
}

#[test]
fn terminal_escapes_in_provider_messages_are_neutralised() {
    let env = TestEnv::new();
    let stub = Stub::start(Router::new().route(
        XPATH_LIST,
        get(|| async {
            json(400, json!({"error": {"code": "x", "message": "bad\u{1b}[2J\u{1b}]0;pwned\u{7}"}}))
        }),
    ));
    api_run(&env, &stub, "xpath")
        .args(["endpoints", "list"])
        .code(Exit::Api)
        .stderr_lacks("\x1b") // no raw ESC reaches the terminal
        .stderr_has("bad\\x1b[2J");
}

#[test]
fn ids_are_percent_encoded_so_they_never_change_the_path() {
    let env = TestEnv::new();
    let stub = Stub::start(
        Router::new()
            .fallback(|| async { json(404, json!({"error": {"code": "not_found", "message": "nope"}})) }),
    );
    api_run(&env, &stub, "xpath").args(["endpoints", "get", "../../admin?x=1#f"]).code(Exit::Api);
    let req = &stub.requests()[0];
    assert_eq!(req.path, "/v2.3/webhooks/endpoints/..%2F..%2Fadmin%3Fx%3D1%23f");
    assert_eq!(req.query, None);
}

#[test]
fn a_token_with_a_newline_is_a_config_error_that_does_not_print_it() {
    let env = TestEnv::new();
    let mut stub = xpath_list_stub();
    stub.may_go_unused();
    api_run(&env, &stub, "xpath")
        .env("HOOKCTL_TOKEN", "tok_live_abcdefghijklmnop\n")
        .args(["endpoints", "list"])
        .code(Exit::Config)
        .stderr_has("stray newline")
        .stderr_lacks("abcdefghijklmnop");
    assert!(stub.requests().is_empty());
}

#[test]
fn a_2xx_that_is_not_json_is_exit_5_pointing_at_the_base_url() {
    let env = TestEnv::new();
    let stub =
        Stub::start(Router::new().route(XPATH_LIST, get(|| async { "<!doctype html><title>Login</title>" })));
    api_run(&env, &stub, "xpath")
        .args(["endpoints", "list"])
        .code(Exit::Network)
        .stderr_has("not JSON")
        .stderr_has("<!doctype html>")
        .stderr_has("base URL");
}

/// An answer over the 16 MiB limit is refused once, not fetched again by every retry.
#[test]
fn an_oversized_answer_is_refused_without_retrying() {
    let env = TestEnv::new();
    let stub =
        Stub::start(Router::new().route(
            XPATH_LIST,
            get(|| async { ([("content-type", "application/json")], vec![b' '; 17 << 20]) }),
        ));
    let out = api_cmd(&env, &stub, "xpath").args(["endpoints", "list"]).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("exceeds 16 MiB"), "{err}");
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(stub.requests().len(), 1, "{err}");
}
