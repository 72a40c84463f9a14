//! `listen --ui` in a real headless Chromium (Debian's `chromium`), driven over the DevTools
//! protocol: rows appear live with the right verdicts, the invalid one explains itself, replay
//! reaches the app with the same bytes, and payload markup never runs.
//!
//! Without a browser the test is skipped with a loud message — except under `CI=true`, where it
//! fails. `HOOKCTL_SCREENSHOT=docs/inspector.png` also writes the page's screenshot there (how
//! the README's picture is made).

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::routing::any;
use axum::Router;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;

use crate::support::listen::*;
use crate::support::{Stub, TestEnv};
use crate::ui::WithUi;

fn browser_path() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Evaluates `js` in the page and returns its value.
fn eval(tab: &Tab, js: &str) -> Value {
    let r = tab.evaluate(js, false).unwrap_or_else(|e| panic!("evaluate {js}: {e}"));
    r.value.unwrap_or(Value::Null)
}

/// Polls `js` until it is `true` (bounded).
fn wait_true(tab: &Tab, js: &str, what: &str) -> Duration {
    let start = Instant::now();
    loop {
        if eval(tab, js) == Value::Bool(true) {
            return start.elapsed();
        }
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what} ({js})");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn the_inspector_works_in_a_real_browser() {
    let Some(chromium) = browser_path() else {
        let msg = "no chromium/chrome on PATH: the REAL BROWSER TEST of `listen --ui` DID NOT RUN \
                   (install it: apt-get install -y chromium)";
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("{msg}; CI=true must not skip it");
        }
        eprintln!("\n{}\n!!! SKIPPED: {msg}\n{}\n", "!".repeat(100), "!".repeat(100));
        return;
    };
    let app = Stub::start(Router::new().fallback(any(|| async { "app-ok" })));
    let env = TestEnv::new();
    let ui = WithUi::start(&env, &["--secret", SECRET, "--forward-to", &app.url("/app")]);

    let profile = tempfile::tempdir().unwrap();
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let browser = Browser::new(LaunchOptions {
        path: Some(chromium),
        headless: true,
        sandbox: false,
        window_size: Some((1400, 860)),
        user_data_dir: Some(profile.path().to_path_buf()),
        idle_browser_timeout: Duration::from_secs(120),
        args,
        ..LaunchOptions::default()
    })
    .expect("start headless chromium");
    let tab = browser.new_tab().expect("tab");
    tab.set_default_timeout(Duration::from_secs(30));
    tab.navigate_to(&ui.url()).unwrap().wait_until_navigated().unwrap();
    wait_true(&tab, "document.getElementById('conn').className === 'dot live'", "the live stream");
    // When each row lands, timed inside the page (an evaluate round trip is ~100 ms itself).
    eval(
        &tab,
        "window.__rows = []; new MutationObserver(() => window.__rows.push(Date.now()))\
         .observe(document.getElementById('rows'), {childList: true}); true",
    );
    let ms_now =
        || std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;

    // Three signed requests, then one invalid one whose payload tries to run script.
    let mut sent = Vec::new();
    for n in 0..3 {
        let body = format!(r#"{{"type":"case.created","data":{{"n":{n}}}}}"#).into_bytes();
        let h = signed_headers(SECRET, &format!("msg_b{n}"), unix_now(), &body);
        let before = ms_now();
        assert_eq!(post(ui.l.port, "/hooks", &as_refs(&h), &body).status, 200);
        wait_true(&tab, &format!("document.querySelectorAll('#rows tr').length === {}", n + 1), "a live row");
        let landed = eval(&tab, &format!("window.__rows[{n}]")).as_i64().unwrap();
        eprintln!("row {} in the page {} ms after the request was sent", n + 1, landed - before);
        // The target is 100 ms (3–5 ms measured here); a CI box busy with the other tests
        // gets slack, so this only fails when rows stop being live.
        assert!(landed - before < 2000, "row {} took {} ms", n + 1, landed - before);
        sent.push(body);
    }
    let xss = r#"<img src=x onerror="window.pwned=1">"#;
    let evil = format!(
        r#"{{"type":"{}","note":"</script><script>window.pwned=2</script>","link":"javascript:window.pwned=3","ansi":"\u001b[31m"}}"#,
        xss.replace('"', "\\\"")
    );
    assert_eq!(
        post(
            ui.l.port,
            "/hooks",
            &[("webhook-id", "msg_evil"), ("x-evil", "<script>window.pwned=4</script>")],
            evil.as_bytes()
        )
        .status,
        401
    );
    wait_true(&tab, "document.querySelectorAll('#rows tr').length === 4", "the fourth row");
    let verdicts =
        eval(&tab, "JSON.stringify([...document.querySelectorAll('#rows tr')].map(r => r.dataset.verdict))");
    assert_eq!(verdicts, r#"["invalid","valid","valid","valid"]"#);
    // The payload's markup is text in the row, not an element.
    assert_eq!(eval(&tab, "document.querySelector('#rows tr td.type').textContent"), xss);

    // Open the invalid one: its reason, in words.
    eval(&tab, "document.querySelector('#rows tr[data-verdict=invalid]').click()");
    wait_true(&tab, "!!document.getElementById('why')", "the detail");
    let why =
        eval(&tab, "document.getElementById('why').textContent").as_str().unwrap_or_default().to_string();
    assert!(why.contains("no webhook-timestamp, webhook-signature headers"), "{why}");
    assert_eq!(eval(&tab, "document.getElementById('verdict').textContent"), "invalid");
    let raw = eval(&tab, "(document.querySelector('#body-tree') || {}).textContent || ''");
    assert!(raw.as_str().unwrap_or_default().contains("window.pwned=2"), "the body is shown as text: {raw}");
    // Nothing ran, and no element came from the payload.
    assert_eq!(eval(&tab, "typeof window.pwned"), "undefined");
    assert_eq!(eval(&tab, "document.querySelectorAll('#app img, #app script, #app a[href]').length"), 0);

    // Replay the oldest valid one from the page: the app gets the same bytes again.
    eval(&tab, "[...document.querySelectorAll('#rows tr[data-verdict=valid]')].pop().click()");
    wait_true(
        &tab,
        "document.getElementById('verdict') && document.getElementById('verdict').textContent === 'valid'",
        "the valid detail",
    );
    let forwarded = app.requests().len();
    eval(&tab, "document.getElementById('replay').click()");
    wait_true(
        &tab,
        "document.getElementById('replay-result').getAttribute('data-status') === '200'",
        "the replay answer",
    );
    let result = eval(&tab, "document.getElementById('replay-result').textContent");
    assert!(result.as_str().unwrap_or_default().contains("app-ok"), "{result}");
    let got = app.requests();
    assert_eq!(got.len(), forwarded + 1);
    assert_eq!(got.last().unwrap().body, sent[0], "replayed bytes differ");
    assert_eq!(got.last().unwrap().header("webhook-id"), Some("msg_b0"));
    assert_eq!(eval(&tab, "typeof window.pwned"), "undefined");

    let png =
        tab.capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true).expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::write(env.path("inspector.png"), &png).unwrap();
    if let Some(to) = std::env::var_os("HOOKCTL_SCREENSHOT") {
        std::fs::write(&to, &png).unwrap();
    }

    // A burst of 1,100 live rows: the page keeps the newest 1,000 on its own; older ones paged
    // in by hand stay when the next live row arrives (only the oldest beyond them goes).
    for n in 0..1100 {
        assert_eq!(post(ui.l.port, "/bulk", &[], format!("{{\"n\":{n}}}").as_bytes()).status, 401);
    }
    wait_true(
        &tab,
        "document.querySelector('#rows tr').dataset.seq === '1104'",
        "the burst's last row on top",
    );
    wait_true(&tab, "document.querySelectorAll('#rows tr').length === 1000", "the live rows capped at 1,000");
    for rows in [1100, 1104] {
        eval(&tab, "document.getElementById('more').click()");
        wait_true(
            &tab,
            &format!("document.querySelectorAll('#rows tr').length === {rows}"),
            "a page of older rows",
        );
    }
    assert_eq!(post(ui.l.port, "/last", &[], b"{}").status, 401);
    wait_true(
        &tab,
        "document.querySelector('#rows tr td.path').textContent === '/last'",
        "the next live row",
    );
    assert_eq!(
        eval(&tab, "document.querySelectorAll('#rows tr').length"),
        1104,
        "rows paged in were dropped"
    );
    assert_eq!(eval(&tab, "typeof window.pwned"), "undefined");

    drop(tab);
    drop(browser);
    ui.l.stop();
}
