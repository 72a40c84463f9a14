//! `loss`: 100,000 requests at concurrency 64 — every 2xx must be in the capture exactly once
//! with a byte-identical body (SHA-256) and zero errors; then again with SIGTERM mid-load
//! (acknowledged ⇒ captured).

use super::*;

/// 100,000 unique signed requests at concurrency 64 against listen with --capture; with
/// `sigterm`, SIGTERM arrives after 50,000 answers.
pub(super) fn loss(bin: &Path, sigterm: bool) {
    const TOTAL: u64 = 100_000;
    const CONC: u64 = 64;
    let dir = std::env::temp_dir().join(format!("hookctl-loss-{}-{sigterm}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let capture = dir.join("loss.jsonl");
    let (mut child, addr) = spawn_ready(listen_cmd(bin, &capture), true);
    let pid = child.id();
    let acked: Arc<Mutex<HashMap<String, [u8; 32]>>> =
        Arc::new(Mutex::new(HashMap::with_capacity(TOTAL as usize)));
    let answered = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let non2xx = Arc::new(AtomicU64::new(0));
    let termed = Arc::new(AtomicBool::new(false));
    let t0 = Instant::now();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        let next = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for _ in 0..CONC {
            let (acked, answered, errors, non2xx, termed, next) = (
                acked.clone(),
                answered.clone(),
                errors.clone(),
                non2xx.clone(),
                termed.clone(),
                next.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut conn: Option<TcpStream> = None;
                let mut buf = Vec::new();
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= TOTAL {
                        break;
                    }
                    if sigterm
                        && answered.load(Ordering::Relaxed) >= TOTAL / 2
                        && !termed.swap(true, Ordering::Relaxed)
                    {
                        let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
                    }
                    let id = format!("msg_loss_{n}");
                    let body =
                        format!(r#"{{"type":"load","n":{n},"pad":"{}"}}"#, "y".repeat((n % 200) as usize));
                    let req = signed_request(&id, body.as_bytes());
                    if conn.is_none() {
                        match TcpStream::connect(addr).await {
                            Ok(s) => {
                                let _ = s.set_nodelay(true);
                                conn = Some(s);
                                buf.clear();
                            }
                            Err(_) => {
                                errors.fetch_add(1, Ordering::Relaxed);
                                if termed.load(Ordering::Relaxed) {
                                    break; // the listener is gone, as asked
                                }
                                continue;
                            }
                        }
                    }
                    let Some(s) = conn.as_mut() else { continue };
                    let res = match s.write_all(&req).await {
                        Ok(()) => read_response(s, &mut buf).await,
                        Err(e) => Err(e),
                    };
                    match res {
                        Ok(st) if (200..300).contains(&st) => {
                            answered.fetch_add(1, Ordering::Relaxed);
                            let sha: [u8; 32] = Sha256::digest(body.as_bytes()).into();
                            acked.lock().expect("lock").insert(id, sha);
                        }
                        Ok(_) => {
                            non2xx.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(_) => {
                            errors.fetch_add(1, Ordering::Relaxed);
                            conn = None;
                        }
                    }
                }
            }));
        }
        for t in tasks {
            let _ = t.await;
        }
    });
    let elapsed = t0.elapsed();
    let rss = peak_rss_kib(pid);
    term(&mut child);

    // Verify: whole JSONL, every acknowledged id exactly once with the same body hash.
    let text = std::fs::read_to_string(&capture).unwrap_or_default();
    let whole = text.is_empty() || text.ends_with('\n');
    let mut seen: HashMap<String, (usize, bool)> = HashMap::new();
    let mut bad_lines = 0;
    let acked = acked.lock().expect("lock");
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            bad_lines += 1;
            continue;
        };
        let id = v["headers"]
            .as_array()
            .and_then(|h| h.iter().find(|p| p[0] == "webhook-id"))
            .and_then(|p| p[1].as_str())
            .unwrap_or_default()
            .to_string();
        let sha: [u8; 32] = Sha256::digest(v["body"].as_str().unwrap_or_default().as_bytes()).into();
        let same = acked.get(&id).is_none_or(|want| *want == sha);
        let e = seen.entry(id).or_insert((0, true));
        e.0 += 1;
        e.1 &= same;
    }
    let missing = acked.keys().filter(|id| seen.get(*id).is_none_or(|e| e.0 == 0)).count();
    let dup = acked.keys().filter(|id| seen.get(*id).is_some_and(|e| e.0 > 1)).count();
    let differs = acked.keys().filter(|id| seen.get(*id).is_some_and(|e| !e.1)).count();
    let _ = std::fs::remove_dir_all(&dir);
    let errs = errors.load(Ordering::Relaxed);
    let ok = whole && bad_lines == 0 && missing == 0 && dup == 0 && differs == 0 && (sigterm || errs == 0);
    println!(
        "\n### loss check: {TOTAL} requests, concurrency {CONC}{}\n",
        if sigterm { ", SIGTERM after 50,000 answers" } else { "" }
    );
    println!("| acknowledged (2xx) | non-2xx | transport errors | capture lines | missing | duplicated | body differs | whole JSONL | time | RPS | peak RSS | result |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
    println!(
        "| {} | {} | {} | {} | {missing} | {dup} | {differs} | {} | {:.1} s | {:.0} | {} | {} |",
        acked.len(),
        non2xx.load(Ordering::Relaxed),
        errs,
        text.lines().count(),
        if whole && bad_lines == 0 { "yes" } else { "NO" },
        elapsed.as_secs_f64(),
        acked.len() as f64 / elapsed.as_secs_f64(),
        rss.map(|k| format!("{:.1} MB", k as f64 / 1024.0)).unwrap_or("?".into()),
        if ok { "PASS" } else { "FAIL" }
    );
    if !ok {
        std::process::exit(1);
    }
}
