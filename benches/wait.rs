//! The waiter against naive scripts, on simulated time (DESIGN §3, the provider-API issue).
//!
//! A stub event log whose row appears at a uniformly random moment 0.5–8 s after the fire;
//! 200 trials per strategy, same appearance times for all. Measured: detection lag (the first
//! poll that saw the row minus the moment it appeared), polls per fire, and whether the row was
//! seen within the 30 s deadline. Prints a markdown table for the README.
//!
//! `cargo bench --bench wait` (optional: `WAIT_BENCH_TRIALS`, `WAIT_BENCH_RTT_MS` to model the
//! round trip of each poll, `WAIT_BENCH_SEED`).

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use hookctl::wait::{self, Baseline, Clock, PollError, RowFormat, Schedule, SimClock, WaitOutcome, WaitSpec};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const TIMEOUT: Duration = Duration::from_secs(30);

struct Trial {
    /// `None`: not seen before the deadline.
    lag: Option<Duration>,
    polls: u32,
}

/// hookctl's waiter, the real `wait::wait` loop on a simulated clock.
fn hookctl(appear: Duration, seed: u64, rtt: Duration) -> Trial {
    let clock = Rc::new(SimClock::new());
    let seen_at: Rc<Cell<Option<Duration>>> = Rc::default();
    let (c, s) = (clock.clone(), seen_at.clone());
    let format = RowFormat::default();
    let poll = move || {
        // The server reads its state half a round trip after we send.
        c.advance(rtt / 2);
        let now = c.elapsed();
        let rows = if now >= appear {
            if s.get().is_none() {
                s.set(Some(now));
            }
            format
                .parse_list(
                    &serde_json::json!([{"id": "new", "eventType": "case.assigned", "status": "delivered"}]),
                )
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        c.advance(rtt / 2);
        std::future::ready(Ok::<_, PollError>(rows))
    };
    let spec = WaitSpec {
        expected: 1,
        timeout: TIMEOUT,
        baseline: Baseline::default(),
        event_type: Some("case.assigned".into()),
    };
    let mut schedule = Schedule::seeded(seed);
    let mut observer = wait::Silent;
    let rt = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
    let report = rt
        .block_on(wait::wait(
            &spec,
            clock.as_ref(),
            &mut schedule,
            poll,
            &mut observer,
            std::future::pending(),
        ))
        .expect("wait");
    let lag = match report.outcome {
        WaitOutcome::Delivered => seen_at.get().map(|t| t - appear),
        _ => None,
    };
    Trial { lag, polls: report.polls }
}

/// `while ! seen; do sleep 1; poll; done` with a 30 s limit.
fn fixed_loop(appear: Duration, rtt: Duration) -> Trial {
    let mut now = Duration::ZERO;
    let mut polls = 0;
    while now < TIMEOUT {
        now += Duration::from_secs(1);
        polls += 1;
        let server_time = now + rtt / 2;
        now += rtt;
        if server_time >= appear {
            return Trial { lag: Some(server_time - appear), polls };
        }
    }
    Trial { lag: None, polls }
}

/// `sleep 30; poll once`.
fn sleep_then_read(appear: Duration, rtt: Duration) -> Trial {
    let server_time = TIMEOUT + rtt / 2;
    Trial { lag: (server_time >= appear).then(|| server_time - appear), polls: 1 }
}

fn percentile<T: Copy + Ord>(sorted: &[T], p: f64) -> Option<T> {
    if sorted.is_empty() {
        return None;
    }
    // Nearest-rank: the smallest value with at least p of the samples at or below it.
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

fn row(name: &str, trials: &[Trial]) -> String {
    let mut lags: Vec<Duration> = trials.iter().filter_map(|t| t.lag).collect();
    lags.sort();
    let mut polls: Vec<u32> = trials.iter().map(|t| t.polls).collect();
    polls.sort();
    let ms = |d: Option<Duration>| d.map(|d| format!("{}", d.as_millis())).unwrap_or_else(|| "-".into());
    let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    format!(
        "| {name} | {} | {} | {} | {} | {} | {:.1} % |",
        ms(percentile(&lags, 0.5)),
        ms(percentile(&lags, 0.95)),
        ms(lags.last().copied()),
        n(percentile(&polls, 0.5)),
        n(percentile(&polls, 0.95)),
        100.0 * lags.len() as f64 / trials.len() as f64
    )
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let trials = env_u64("WAIT_BENCH_TRIALS", 200) as usize;
    let rtt = Duration::from_millis(env_u64("WAIT_BENCH_RTT_MS", 0));
    let seed = env_u64("WAIT_BENCH_SEED", 2026);
    let mut rng = StdRng::seed_from_u64(seed);
    let appear: Vec<Duration> =
        (0..trials).map(|_| Duration::from_millis(rng.gen_range(500..=8_000))).collect();

    let started = Instant::now();
    let ours: Vec<Trial> =
        appear.iter().enumerate().map(|(i, a)| hookctl(*a, seed ^ i as u64, rtt)).collect();
    let fixed: Vec<Trial> = appear.iter().map(|a| fixed_loop(*a, rtt)).collect();
    let once: Vec<Trial> = appear.iter().map(|a| sleep_then_read(*a, rtt)).collect();

    println!(
        "Row appears uniformly 0.5–8 s after the fire; {trials} trials, simulated clock, \
         round trip {} ms, deadline 30 s, seed {seed}.\n",
        rtt.as_millis()
    );
    println!("| strategy | lag p50 (ms) | lag p95 (ms) | lag max (ms) | polls p50 | polls p95 | seen within 30 s |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    println!("{}", row("hookctl backoff (200 ms ×1.5–2, cap 1 s, jitter)", &ours));
    println!("{}", row("fixed 1 s loop", &fixed));
    println!("{}", row("sleep 30 then read once", &once));
    println!("\n(simulation took {:.0} ms of real time)", started.elapsed().as_secs_f64() * 1000.0);
}
