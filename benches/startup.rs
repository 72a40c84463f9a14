//! Start-up cost of `hookctl --version` next to `/bin/true`, measured in the same run.
//! Run after `cargo build --release`: `cargo bench --bench startup`.

use std::process::{Command, Stdio};
use std::time::Instant;

fn median_ms(program: &str, args: &[&str], runs: usize) -> Option<(f64, f64)> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(program).args(args).stdout(Stdio::null()).status().ok()?;
        if !status.success() {
            return None;
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Some((times[runs / 2], times[runs * 95 / 100]))
}

fn main() {
    let bin = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/hookctl");
    let Some((h50, h95)) = median_ms(bin, &["--version"], 200) else {
        eprintln!("{bin} is missing or failed: run `cargo build --release` first");
        std::process::exit(1);
    };
    let (t50, t95) = median_ms("true", &[], 200).unwrap_or((f64::NAN, f64::NAN));
    let size = std::fs::metadata(bin).map(|m| m.len()).unwrap_or(0);
    println!("| command | median | p95 |\n|---|---:|---:|");
    println!("| `hookctl --version` | {h50:.2} ms | {h95:.2} ms |");
    println!("| `true` (process spawn baseline) | {t50:.2} ms | {t95:.2} ms |");
    println!("\nrelease binary: {:.1} MiB ({size} bytes)", size as f64 / 1048576.0);
}
