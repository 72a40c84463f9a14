//! `hookctl probe URL`: plans the checks, sends them (or prints them as curl commands), prints
//! the report and writes `--junit`. The checks and the report live in `crate::probe`.

use serde_json::json;

use crate::cli::probe::ProbeArgs;
use crate::headers::{parse_headers, unix_now};
use crate::outbound::{self, redacted};
use crate::probe::plan::{self, Probe, Setup};
use crate::probe::report::{Report, Subject};
use crate::probe::run::{self, Reply, Target};
use crate::probe::{curl, junit};
use crate::sanitize::sanitize_line;
use crate::{samples, sign, Ctx, Error, Outcome, Result};

pub async fn exec(args: ProbeArgs, ctx: &Ctx) -> Result<Outcome> {
    let scheme = args.scheme.0;
    let url = outbound::parse_url(&args.url)?;
    let extra = parse_headers(&args.headers)?;
    outbound::refuse_framing_headers(&extra)?;
    if let Some((name, _)) = extra.iter().find(|(k, _)| is_signature_header(k)) {
        return Err(Error::usage(format!(
            "--header {} cannot be set: the probe writes the signature headers itself",
            sanitize_line(name)
        )));
    }
    let tolerance = args.tolerance.as_secs();
    if tolerance == 0 || args.tolerance.subsec_nanos() != 0 {
        return Err(Error::usage_hint(
            "--tolerance must be a whole number of seconds, at least 1s",
            "give the handler's tolerance, e.g. --tolerance 5m",
        ));
    }
    if args.request_timeout.is_zero() {
        return Err(Error::usage("--request-timeout must be longer than 0s"));
    }
    if args.event.is_empty() || args.event.chars().any(char::is_control) {
        return Err(Error::usage("--event must be non-empty printable text"));
    }
    let flags: Vec<crate::secret::Secret> = args.secret.iter().cloned().collect();
    let secrets = super::secret::require(ctx, &flags, Some(scheme), sign::KeyUse::Sign)?;
    let secret = &secrets[0];
    if samples::sample(&args.event, "msg", 0).is_none() {
        ctx.printer
            .warn(&format!("no sample for event '{}'; sending {{\"type\": …, \"data\": {{}}}}", args.event));
    }
    // Created before anything is sent: a path that cannot be written fails the run at once.
    let junit_file = match &args.junit {
        Some(path) => Some((
            path,
            std::fs::File::create(path).map_err(|e| {
                Error::usage(format!(
                    "cannot write --junit {}: {e}",
                    sanitize_line(&path.display().to_string())
                ))
            })?,
        )),
        None => None,
    };

    let other = plan::other_secret(scheme);
    let mut new_id = sign::new_message_id;
    let probes = plan::plan(&mut Setup {
        scheme,
        secret,
        other_secret: &other,
        event: &args.event,
        tolerance,
        now: unix_now(),
        extra_headers: &extra,
        new_id: &mut new_id,
    })
    .map_err(|e| Error::Internal(format!("cannot sign with a checked secret: {e}")))?;

    let shown_url = redacted(&url);
    if args.dry_run {
        dry_run(ctx, &shown_url, &probes, &extra);
        return Ok(Outcome::Success);
    }

    let target = Target {
        url: url.clone(),
        timeout: args.request_timeout,
        tolerance: std::time::Duration::from_secs(tolerance),
    };
    let replies = match send(ctx, &target, &probes).await {
        Ok(replies) => replies,
        Err(e) => {
            // CI still gets a report it can read: the run ended with an error, and which.
            if let Some((path, file)) = junit_file {
                write_junit(path, file, &junit::render_error(scheme, &shown_url, &e.to_string()))?;
            }
            return Err(e);
        }
    };

    let report = Report::new(
        Subject {
            url: shown_url,
            path: url.path().to_string(),
            scheme,
            event: args.event.clone(),
            tolerance,
            strict: args.strict,
        },
        &probes,
        &replies,
    );
    ctx.printer.emit(&report.to_json(), |p| p.lines(&report.human(p)));
    if let Some((path, file)) = junit_file {
        write_junit(path, file, &junit::render(&report))?;
    }
    let outcome = report.outcome();
    let (accepted, rejected) = report.failures();
    let names = |checks: &[crate::probe::check::Check]| -> Vec<String> {
        checks.iter().map(|c| c.name().to_string()).collect()
    };
    if !accepted.is_empty() {
        let n = accepted.len();
        ctx.printer.failed(
            &format!("the handler accepted {n} request{} it must reject", if n == 1 { "" } else { "s" }),
            &names(&accepted),
            ["each failing check has a fix line in the report above"],
        );
    }
    if !rejected.is_empty() {
        let n = rejected.len();
        let hint = if report.first_rejected().is_some() {
            "the correctly signed delivery was rejected: check the secret, --scheme and the URL first"
        } else {
            "each failing check has a fix line in the report above"
        };
        ctx.printer.failed(
            &format!("the handler rejected {n} request{} it must accept", if n == 1 { "" } else { "s" }),
            &names(&rejected),
            [hint],
        );
    }
    Ok(outcome)
}

fn write_junit(path: &std::path::Path, mut file: std::fs::File, xml: &str) -> Result<()> {
    use std::io::Write;
    file.write_all(xml.as_bytes()).and_then(|_| file.flush()).map_err(|e| {
        Error::io(format!("cannot write --junit {}", sanitize_line(&path.display().to_string())), e)
    })
}

/// The I/O part: sends every probe, tracing each with `-v`, and a spinner naming the check in
/// flight when a person watches stderr (a slow handler takes up to --request-timeout each).
async fn send(ctx: &Ctx, target: &Target, probes: &[Probe]) -> Result<Vec<Reply>> {
    let total = probes.len();
    let spinner = ctx.printer.show_progress().then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        pb
    });
    let result = run::run(target, probes, |probe, i| {
        let step = format!("[{}/{total}] {}", i + 1, probe.check.name());
        let trace = || {
            ctx.printer.debug(&format!(
                "{step}: POST {} ({} bytes)",
                redacted(&target.url),
                probe.request.body.len()
            ))
        };
        match &spinner {
            Some(pb) => {
                pb.suspend(trace);
                pb.set_message(format!("probing {step}"));
            }
            None => trace(),
        }
    })
    .await;
    if let Some(pb) = spinner {
        pb.finish_and_clear();
    }
    result
}

/// `--dry-run`: the requests as curl commands (JSON: with their headers and bodies).
fn dry_run(ctx: &Ctx, url: &str, probes: &[Probe], extra: &[(String, String)]) {
    if extra.iter().any(|(k, _)| curl::is_credential(k)) {
        ctx.printer.warn("credential header values are shown as ***: put them back to run the commands");
    }
    let requests: Vec<_> = probes
        .iter()
        .map(|p| {
            let headers: Vec<_> = p
                .request
                .headers
                .iter()
                .map(|(k, v)| json!([k, if curl::is_credential(k) { "***" } else { v.as_str() }]))
                .collect();
            json!({
                "check": p.check.name(),
                "sent": p.sent,
                "method": "POST",
                "url": url,
                "headers": headers,
                "body": String::from_utf8_lossy(&p.request.body),
                "curl": curl::command(url, &p.request),
            })
        })
        .collect();
    let doc = json!({"dry_run": true, "url": url, "requests": requests});
    ctx.printer.emit(&doc, |p| {
        let mut out = format!(
            "# {} requests hookctl probe would send to {}, one at a time (nothing was sent)\n",
            probes.len(),
            sanitize_line(url)
        );
        for probe in probes {
            out.push_str(&format!("\n# {}: {}\n", probe.check.name(), probe.sent));
            out.push_str(&curl::command(url, &probe.request));
            out.push('\n');
        }
        p.lines(&out);
    });
}

/// A header the signers write (or GitHub's legacy SHA-1 header).
fn is_signature_header(name: &str) -> bool {
    const OTHERS: [&str; 7] = [
        "webhook-id",
        "webhook-timestamp",
        "svix-id",
        "svix-timestamp",
        "x-slack-request-timestamp",
        "x-hub-signature",
        "stripe-signature",
    ];
    sign::SIGNATURE_HEADERS.iter().chain(OTHERS.iter()).any(|h| h.eq_ignore_ascii_case(name))
}
