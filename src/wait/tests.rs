//! Unit tests of the waiter on simulated time.

use super::*;
use crate::{Error, Outcome, Result};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[test]
fn schedule_starts_near_200ms_grows_and_caps() {
    for seed in 0..200 {
        let mut s = Schedule::seeded(seed);
        let d: Vec<Duration> = (0..30).map(|_| s.next_delay(None)).collect();
        assert_eq!(d[0], FIRST_DELAY);
        // Growth ×1.5–2 until the cap.
        for w in d.windows(2) {
            if w[1] < ms(690) && w[0] < MAX_DELAY {
                let f = w[1].as_secs_f64() / w[0].as_secs_f64();
                assert!((1.49..=2.01).contains(&f), "seed {seed}: growth {f} in {d:?}");
            }
        }
        assert!(d.iter().all(|x| *x <= MAX_DELAY), "seed {seed}: {d:?}");
        assert!(d[6..].iter().all(|x| *x >= ms(690)), "seed {seed}: capped phase {d:?}");
    }
}

#[test]
fn schedule_is_jittered() {
    let a: Vec<_> = {
        let mut s = Schedule::seeded(1);
        (0..10).map(|_| s.next_delay(None)).collect()
    };
    let b: Vec<_> = {
        let mut s = Schedule::seeded(2);
        (0..10).map(|_| s.next_delay(None)).collect()
    };
    assert_eq!(a[0], b[0]);
    assert_ne!(a[1..], b[1..]);
}

#[test]
fn retry_after_overrides_the_backoff_once() {
    let mut s = Schedule::seeded(7);
    assert_eq!(s.next_delay(Some(Duration::from_secs(5))), Duration::from_secs(5));
    // The backoff kept growing underneath.
    let next = s.next_delay(None);
    assert!(next >= ms(300) && next <= ms(400), "{next:?}");
    assert!(s.next_delay(Some(Duration::ZERO)) <= MAX_DELAY);
}

fn fmt() -> RowFormat {
    RowFormat::default()
}

#[test]
fn rows_accept_common_spellings() {
    let r = fmt()
        .parse(&json!({"id": 7, "eventType": "case.assigned", "status": "Delivered", "httpStatus": 200}))
        .unwrap();
    assert_eq!(
        (r.id.as_deref(), r.event_type.as_deref(), r.state),
        (Some("7"), Some("case.assigned"), RowState::Delivered)
    );
    let r = fmt().parse(&json!({"id": "a", "type": "x", "status": "failed", "statusCode": "500"})).unwrap();
    assert_eq!((r.state, r.http_status), (RowState::Failed, Some(500)));
    let r = fmt().parse(&json!({"id": "a", "event": "x", "status": "queued"})).unwrap();
    assert_eq!((r.state, r.event_type.as_deref()), (RowState::Pending, Some("x")));
    // An object under `event` is not a type name.
    let r = fmt().parse(&json!({"id": "a", "event": {"x": 1}, "eventType": "y"})).unwrap();
    assert_eq!(r.event_type.as_deref(), Some("y"));
    assert!(fmt().parse(&json!("nope")).is_none());
}

#[test]
fn state_derived_from_webhook_event_dto_without_status() {
    let ok = json!({"id": "e1", "eventType": "case.closed", "payload": "{}", "createdAt": "t",
            "deliveredAt": "t2", "attemptCount": 1, "lastResponseCode": 200, "lastError": null});
    assert_eq!(fmt().parse(&ok).unwrap().state, RowState::Delivered);
    let failed = json!({"id": "e2", "eventType": "case.closed", "deliveredAt": null,
            "attemptCount": 3, "lastResponseCode": 500, "lastError": "Internal Server Error"});
    let r = fmt().parse(&failed).unwrap();
    assert_eq!((r.state, r.http_status, r.attempts), (RowState::Failed, Some(500), Some(3)));
    assert_eq!(r.error.as_deref(), Some("Internal Server Error"));
    let net = json!({"id": "e3", "lastError": "connection refused", "deliveredAt": null});
    assert_eq!(fmt().parse(&net).unwrap().state, RowState::Failed);
    let fresh = json!({"id": "e4", "attemptCount": 0, "deliveredAt": null, "lastError": ""});
    assert_eq!(fmt().parse(&fresh).unwrap().state, RowState::Pending);
    let personio = json!({"event_name": "person.updated", "is_delivered": false, "status_code": 503});
    assert_eq!(fmt().parse(&personio).unwrap().state, RowState::Failed);
}

#[test]
fn closient_failed_is_mid_retry_and_dead_letter_is_final() {
    let f = fmt().retrying_failures(true);
    for (status, state) in [
        ("failed", RowState::Pending),
        ("rate_limited", RowState::Pending),
        ("pending", RowState::Pending),
        ("dead_letter", RowState::Failed),
        ("delivered", RowState::Delivered),
    ] {
        let r = f.parse(&json!({"delivery_id": "d", "status": status, "http_status_code": 500})).unwrap();
        assert_eq!(r.state, state, "{status}");
        assert_eq!(r.id.as_deref(), Some("d"));
    }
}

#[test]
fn profile_fields_rename_and_reach_into_objects() {
    let over: BTreeMap<String, String> = [
        ("status".to_string(), "delivery.state".to_string()),
        ("id".to_string(), "/meta/uid".to_string()),
        ("event_type".to_string(), "kind".to_string()),
    ]
    .into();
    let f = fmt().with_overrides(&over).unwrap();
    let r = f
        .parse(
            &json!({"id": "ignored", "meta": {"uid": "u1"}, "kind": "k", "delivery": {"state": "success"}}),
        )
        .unwrap();
    assert_eq!(
        (r.id.as_deref(), r.event_type.as_deref(), r.state),
        (Some("u1"), Some("k"), RowState::Delivered)
    );
    let bad: BTreeMap<String, String> = [("colour".to_string(), "x".to_string())].into();
    let err = fmt().with_overrides(&bad).unwrap_err();
    assert_eq!(err.exit(), crate::Exit::Config);
    assert!(err.to_string().contains("http_status"), "{err}");
}

#[test]
fn rows_without_id_get_a_stable_fingerprint() {
    let a = fmt().parse(&json!({"eventType": "x", "createdAt": "t1", "status": "pending"})).unwrap();
    let b = fmt().parse(&json!({"eventType": "x", "createdAt": "t1", "status": "delivered"})).unwrap();
    let c = fmt().parse(&json!({"eventType": "x", "createdAt": "t2", "status": "pending"})).unwrap();
    assert_eq!(a.key, b.key);
    assert_ne!(a.key, c.key);
}

#[test]
fn list_envelopes() {
    assert_eq!(fmt().parse_list(&json!([{"id": 1}, 2, {"id": 3}])).unwrap().len(), 2);
    assert_eq!(fmt().parse_list(&json!({"data": [{"id": 1}]})).unwrap().len(), 1);
    assert_eq!(fmt().parse_list(&json!({"items": [{"id": 1}]})).unwrap().len(), 1);
    assert!(fmt().parse_list(&json!({"weird": true})).is_none());
}

#[test]
fn summary_is_one_sanitised_line() {
    let r = fmt()
        .parse(&json!({"id": "e\u{1b}[31m", "eventType": "case.closed", "status": "failed",
                "httpStatus": 500, "lastError": "boom\nline2"}))
        .unwrap();
    let s = r.summary();
    assert!(!s.contains('\u{1b}') && !s.contains('\n'), "{s}");
    assert!(s.starts_with("failed") && s.contains("HTTP 500") && s.contains("boom\\nline2"), "{s}");
}

#[test]
fn poll_errors_are_classified() {
    use crate::api::ApiError;
    let dialect = crate::providers::ErrorDialect::Partner;
    let e = ApiError::from_response("partner", dialect, 429, b"{}", Some(ms(3_000)));
    assert!(
        matches!(PollError::from(e), PollError::Transient { retry_after: Some(d), .. } if d == ms(3_000))
    );
    let e = ApiError::from_response("partner", dialect, 503, b"{}", None);
    assert!(matches!(PollError::from(Error::from(e)), PollError::Transient { .. }));
    for status in [400, 401, 404] {
        let e = ApiError::from_response("partner", dialect, status, b"{}", None);
        assert!(matches!(PollError::from(e), PollError::Fatal(_)), "{status}");
    }
    assert!(matches!(PollError::from(Error::usage("x")), PollError::Fatal(_)));
}

fn any_json() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    let key = prop::sample::select(vec![
        "id",
        "status",
        "eventType",
        "event",
        "type",
        "httpStatus",
        "statusCode",
        "deliveredAt",
        "lastError",
        "lastResponseCode",
        "is_delivered",
        "attemptCount",
        "createdAt",
        "payload",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 32, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest::proptest! {
    /// Whatever a provider sends, parsing never panics and a row stays one safe line.
    #[test]
    fn parsing_never_panics(v in any_json()) {
        for f in [fmt(), fmt().retrying_failures(true)] {
            let _ = f.parse_list(&v);
            if let Some(row) = f.parse(&v) {
                let line = row.summary();
                proptest::prop_assert!(!line.contains('\n') && !line.contains('\x1b'), "{}", line);
                proptest::prop_assert!(row.http_status.is_none_or(|c| (100..=599).contains(&c)));
            }
        }
    }
}

#[test]
fn wait_spec_uses_the_tools_one_type_pattern() {
    let row = |t: &str| fmt().parse(&json!({"id": t, "eventType": t, "status": "delivered"})).unwrap();
    let spec = |p: &str| WaitSpec {
        expected: 1,
        timeout: Duration::ZERO,
        baseline: Baseline::default(),
        event_type: Some(p.into()),
    };
    assert!(spec("*.closed").matches(&row("case.closed")), "suffix patterns, like listen --filter");
    assert!(spec("case.*").matches(&row("case.closed")));
    assert!(!spec("*.closed").matches(&row("case.closed.extra")));
    assert!(!spec("case.closed").matches(&row("case.updated")));
}

// --- the loop on simulated time -----------------------------------------------------

/// A log whose rows become visible at given times; records when each poll happened.
struct Log {
    clock: Rc<SimClock>,
    rows: Vec<(Duration, Value)>,
    polls: RefCell<Vec<Duration>>,
    script: RefCell<Vec<Option<PollError>>>,
}

impl Log {
    fn new(clock: Rc<SimClock>, rows: Vec<(u64, Value)>) -> Rc<Self> {
        Rc::new(Log {
            clock,
            rows: rows.into_iter().map(|(t, v)| (ms(t), v)).collect(),
            polls: RefCell::default(),
            script: RefCell::default(),
        })
    }

    fn poll(&self) -> std::result::Result<Vec<Row>, PollError> {
        let now = self.clock.elapsed();
        self.polls.borrow_mut().push(now);
        let scripted = {
            let mut script = self.script.borrow_mut();
            (!script.is_empty()).then(|| script.remove(0)).flatten()
        };
        if let Some(e) = scripted {
            return Err(e);
        }
        // Newest first, like the partner log.
        let mut visible: Vec<Value> =
            self.rows.iter().filter(|(t, _)| *t <= now).map(|(_, v)| v.clone()).collect();
        visible.reverse();
        Ok(fmt().parse_list(&Value::Array(visible)).unwrap_or_default())
    }
}

fn run(spec: &WaitSpec, clock: &Rc<SimClock>, log: &Rc<Log>) -> Result<WaitReport> {
    let l = log.clone();
    let mut sched = Schedule::seeded(9);
    let mut obs = Silent;
    let fut = wait(
        spec,
        clock.as_ref(),
        &mut sched,
        move || std::future::ready(l.poll()),
        &mut obs,
        std::future::pending(),
    );
    simulated(fut)
}

/// Runs a wait on simulated time: nothing in it ever really waits, so one poll finishes it
/// (no runtime needed).
fn simulated<F: Future>(fut: F) -> F::Output {
    use futures_util::FutureExt;
    fut.now_or_never().expect("a wait on simulated time never waits for real")
}

fn spec(expected: usize, timeout_ms: u64, baseline: &[Value], ty: Option<&str>) -> WaitSpec {
    let rows: Vec<Row> = baseline.iter().filter_map(|v| fmt().parse(v)).collect();
    WaitSpec {
        expected,
        timeout: ms(timeout_ms),
        baseline: Baseline::from_rows(&rows),
        event_type: ty.map(str::to_string),
    }
}

#[test]
fn waits_for_the_new_row_and_ignores_old_ones() {
    let clock = Rc::new(SimClock::new());
    let old = json!({"id": "old", "eventType": "case.assigned", "status": "delivered"});
    let new = json!({"id": "new", "eventType": "case.assigned", "status": "delivered"});
    let log = Log::new(clock.clone(), vec![(0, old.clone()), (3_000, new)]);
    let r = run(&spec(1, 30_000, &[old], Some("case.assigned")), &clock, &log).unwrap();
    assert_eq!(r.outcome, WaitOutcome::Delivered);
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0].id.as_deref(), Some("new"));
    assert!(r.elapsed >= ms(3_000) && r.elapsed <= ms(4_000), "{:?}", r.elapsed);
}

#[test]
fn old_rows_alone_time_out_and_never_count() {
    let clock = Rc::new(SimClock::new());
    let old = json!({"id": "old", "eventType": "case.assigned", "status": "delivered"});
    let log = Log::new(clock.clone(), vec![(0, old.clone())]);
    let r = run(&spec(1, 5_000, &[old], None), &clock, &log).unwrap();
    assert_eq!(r.outcome, WaitOutcome::TimedOut);
    assert!(r.rows.is_empty());
    assert_eq!(r.outcome(), Outcome::TimedOut);
}

#[test]
fn never_polls_beyond_the_deadline_and_polls_at_it() {
    let clock = Rc::new(SimClock::new());
    let log = Log::new(clock.clone(), vec![]);
    let r = run(&spec(1, 4_321, &[], None), &clock, &log).unwrap();
    let polls = log.polls.borrow();
    assert_eq!(*polls.last().unwrap(), ms(4_321), "{polls:?}");
    assert!(polls.iter().all(|t| *t <= ms(4_321)));
    assert_eq!(polls[0], FIRST_DELAY);
    assert_eq!(r.polls as usize, polls.len());
    assert_eq!(r.elapsed, ms(4_321));
    // Between ~200 ms and ~1 s apart: never hammering, never idle.
    for w in polls.windows(2) {
        assert!(w[1] - w[0] <= MAX_DELAY && w[1] > w[0], "{polls:?}");
    }
}

#[test]
fn other_event_types_do_not_count() {
    let clock = Rc::new(SimClock::new());
    let other = json!({"id": "x", "eventType": "chat.created", "status": "delivered"});
    let log = Log::new(clock.clone(), vec![(500, other)]);
    let r = run(&spec(1, 3_000, &[], Some("case.closed")), &clock, &log).unwrap();
    assert_eq!(r.outcome, WaitOutcome::TimedOut);
}

#[test]
fn pending_rows_are_followed_until_they_settle() {
    let clock = Rc::new(SimClock::new());
    let log = Log::new(
        clock.clone(),
        vec![
            (1_000, json!({"id": "a", "eventType": "t", "status": "pending"})),
            (1_000, json!({"id": "b", "eventType": "t", "status": "delivered"})),
        ],
    );
    // `a` never settles: a timeout, and the report says one of two is pending.
    let r = run(&spec(2, 3_000, &[], Some("t")), &clock, &log).unwrap();
    assert_eq!(r.outcome, WaitOutcome::TimedOut);
    assert_eq!((r.count(RowState::Delivered), r.count(RowState::Pending)), (1, 1));
}

#[test]
fn a_failed_row_ends_the_wait_with_7() {
    let clock = Rc::new(SimClock::new());
    let log = Log::new(
        clock.clone(),
        vec![(1_500, json!({"id": "a", "eventType": "t", "status": "failed", "httpStatus": 500}))],
    );
    let r = run(&spec(2, 30_000, &[], None), &clock, &log).unwrap();
    assert_eq!(r.outcome, WaitOutcome::Failed);
    assert_eq!(r.outcome(), Outcome::NotDelivered);
    assert!(r.elapsed < ms(3_000));
}

#[test]
fn transient_errors_keep_polling_and_retry_after_is_honoured() {
    let clock = Rc::new(SimClock::new());
    let log = Log::new(clock.clone(), vec![(0, json!({"id": "a", "status": "delivered"}))]);
    log.script.borrow_mut().extend([
        Some(PollError::Transient { message: "HTTP 429".into(), retry_after: Some(ms(2_500)) }),
        Some(PollError::Transient { message: "HTTP 503".into(), retry_after: None }),
    ]);
    let r = run(&spec(1, 30_000, &[], None), &clock, &log).unwrap();
    assert_eq!(r.outcome, WaitOutcome::Delivered);
    let polls = log.polls.borrow();
    assert_eq!(polls.len(), 3);
    assert_eq!(polls[1] - polls[0], ms(2_500));
    assert_eq!(r.last_error.as_deref(), Some("HTTP 503"));
}

#[test]
fn retry_after_is_clamped_to_the_deadline() {
    let clock = Rc::new(SimClock::new());
    let log = Log::new(clock.clone(), vec![]);
    log.script
        .borrow_mut()
        .push(Some(PollError::Transient { message: "429".into(), retry_after: Some(ms(60_000)) }));
    let r = run(&spec(1, 2_000, &[], None), &clock, &log).unwrap();
    assert_eq!(r.outcome, WaitOutcome::TimedOut);
    assert_eq!(*log.polls.borrow().last().unwrap(), ms(2_000));
}

#[test]
fn fatal_poll_errors_stop_the_wait() {
    let clock = Rc::new(SimClock::new());
    let log = Log::new(clock.clone(), vec![]);
    log.script.borrow_mut().push(Some(PollError::Fatal(Error::usage("nope"))));
    let err = run(&spec(1, 2_000, &[], None), &clock, &log).unwrap_err();
    assert_eq!(err.exit(), crate::Exit::Usage);
}

#[test]
fn a_huge_timeout_does_not_overflow() {
    let clock = Rc::new(SimClock::new());
    clock.advance(ms(5));
    let log = Log::new(clock.clone(), vec![(1_000, json!({"id": "a", "status": "delivered"}))]);
    let mut s = spec(1, 0, &[], None);
    s.timeout = Duration::MAX;
    assert_eq!(run(&s, &clock, &log).unwrap().outcome, WaitOutcome::Delivered);
}

#[test]
fn zero_expected_returns_at_once() {
    let clock = Rc::new(SimClock::new());
    let log = Log::new(clock.clone(), vec![]);
    let r = run(&spec(0, 2_000, &[], None), &clock, &log).unwrap();
    assert_eq!((r.outcome, r.polls), (WaitOutcome::Delivered, 0));
}

#[test]
fn interrupt_ends_the_wait() {
    let clock = SimClock::new();
    let spec = spec(1, 30_000, &[], None);
    let mut sched = Schedule::seeded(9);
    let mut obs = Silent;
    let fut = wait(
        &spec,
        &clock,
        &mut sched,
        || std::future::ready(Ok(Vec::new())),
        &mut obs,
        std::future::ready(()),
    );
    let r = simulated(fut).unwrap();
    assert_eq!(r.outcome, WaitOutcome::Interrupted);
    assert_eq!(r.outcome(), Outcome::Interrupted);
}

/// A clock on which every poll hangs until its time limit.
struct Hanging(SimClock);

impl Clock for Hanging {
    fn elapsed(&self) -> Duration {
        self.0.elapsed()
    }
    fn sleep(&self, d: Duration) -> impl Future<Output = ()> {
        self.0.sleep(d)
    }
    fn limit<F: Future>(&self, d: Duration, _f: F) -> impl Future<Output = Option<F::Output>> {
        self.0.advance(d);
        std::future::ready(None)
    }
}

#[test]
fn hanging_poll_is_cut_off_after_the_grace() {
    let spec = spec(1, 300, &[], None);
    let clock = Hanging(SimClock::new());
    let mut sched = Schedule::seeded(9);
    let mut obs = Silent;
    let fut = wait(&spec, &clock, &mut sched, std::future::pending, &mut obs, std::future::pending());
    let r = simulated(fut).unwrap();
    assert_eq!(r.outcome, WaitOutcome::TimedOut);
    assert_eq!(r.polls, 1);
    assert_eq!(r.elapsed, FIRST_DELAY + FINAL_POLL_GRACE);
    assert!(r.last_error.unwrap().contains("did not answer"));
}

#[test]
fn json_report_shape() {
    let r = WaitReport {
        outcome: WaitOutcome::TimedOut,
        expected: 2,
        rows: vec![fmt().parse(&json!({"id": "a", "status": "delivered"})).unwrap()],
        elapsed: ms(1234),
        polls: 5,
        last_error: None,
        near_misses: Default::default(),
    };
    let v = r.to_json();
    assert_eq!(v["outcome"], "timed_out");
    assert_eq!(v["expected"], 2);
    assert_eq!(v["elapsed_ms"], 1234);
    assert_eq!(v["polls"], 5);
    assert_eq!(v["rows"][0]["state"], "delivered");
    assert_eq!(v["rows"][0]["row"]["id"], "a");
}

#[test]
fn seconds_show_tenths_only_when_they_say_something() {
    assert_eq!(report::seconds(Duration::from_millis(2_000)), "2s");
    assert_eq!(report::seconds(Duration::from_millis(1_960)), "2s");
    assert_eq!(report::seconds(Duration::from_millis(1_520)), "1.5s");
    assert_eq!(report::seconds(Duration::ZERO), "0s");
}
