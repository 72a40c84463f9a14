//! The verdict of each check and the report: a table for people, one JSON document for
//! scripts, the outcome (exit code) for CI. Pure: built from the plan and what came back.

use colored::Color;
use serde_json::{json, Value};

use super::check::{Check, Expect};
use super::plan::Probe;
use super::run::{Answered, Reply};
use crate::output::Printer;
use crate::sanitize::sanitize_line;
use crate::sign::Scheme;
use crate::Outcome;

/// How much of a handler's answer a table row shows.
const SHOWN_ANSWER: usize = 160;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Pass,
    Fail,
    Warn,
    Skipped,
}

impl Verdict {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Warn => "warning",
            Verdict::Skipped => "skipped",
        }
    }
}

/// A check's verdict: 2xx is accepted, anything else rejected; a replay accepted is a warning,
/// or a failure under `--strict`.
pub(crate) fn judge(check: Check, reply: &Reply, strict: bool) -> Verdict {
    let Reply::Answered(a) = reply else { return Verdict::Skipped };
    match (check.expect(), a.accepted()) {
        (Expect::Accept, true) | (Expect::Reject | Expect::RejectPreferred, false) => Verdict::Pass,
        (Expect::RejectPreferred, true) if !strict => Verdict::Warn,
        _ => Verdict::Fail,
    }
}

/// What the report is about.
pub(crate) struct Subject {
    /// Shown with any password replaced by `***`.
    pub url: String,
    pub path: String,
    pub scheme: Scheme,
    pub event: String,
    pub tolerance: u64,
    pub strict: bool,
}

pub(crate) struct Row<'a> {
    pub probe: &'a Probe,
    pub reply: &'a Reply,
    pub verdict: Verdict,
}

pub(crate) struct Report<'a> {
    pub subject: Subject,
    pub rows: Vec<Row<'a>>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub warnings: usize,
    pub skipped: usize,
    pub sent: usize,
}

impl<'a> Report<'a> {
    pub(crate) fn new(subject: Subject, probes: &'a [Probe], replies: &'a [Reply]) -> Self {
        let rows = probes
            .iter()
            .zip(replies)
            .map(|(probe, reply)| Row { probe, reply, verdict: judge(probe.check, reply, subject.strict) })
            .collect();
        Report { subject, rows }
    }

    pub(crate) fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for row in &self.rows {
            match row.verdict {
                Verdict::Pass => c.passed += 1,
                Verdict::Fail => c.failed += 1,
                Verdict::Warn => c.warnings += 1,
                Verdict::Skipped => c.skipped += 1,
            }
            if matches!(row.reply, Reply::Answered(_)) {
                c.sent += 1;
            }
        }
        c
    }

    /// The failed checks that accepted what they must reject, and those that rejected what they
    /// must accept.
    pub(crate) fn failures(&self) -> (Vec<Check>, Vec<Check>) {
        let failed = self.rows.iter().filter(|r| r.verdict == Verdict::Fail).map(|r| r.probe.check);
        failed.partition(|c| c.expect() != Expect::Accept)
    }

    /// Accepting a forged, stale or replayed (under `--strict`) request is the worse failure:
    /// 8, the "signature invalid" code. Refusing a genuine delivery only: 7, "not delivered".
    pub(crate) fn outcome(&self) -> Outcome {
        match self.failures() {
            (accepted, _) if !accepted.is_empty() => Outcome::InvalidSignature,
            (_, rejected) if !rejected.is_empty() => Outcome::NotDelivered,
            _ => Outcome::Success,
        }
    }

    /// The handler's answer to the correctly signed delivery when it refused it.
    pub(crate) fn first_rejected(&self) -> Option<&Answered> {
        match self.rows.first() {
            Some(Row { probe, reply: Reply::Answered(a), .. })
                if probe.check == Check::ValidSignature && !a.accepted() =>
            {
                Some(a)
            }
            _ => None,
        }
    }

    /// The fix line of a check. While the correctly signed delivery itself is refused, the other
    /// genuine requests fail for the same reason, so their own advice would mislead.
    pub(crate) fn remediation(&self, check: Check) -> String {
        if check.expect() == Expect::Accept
            && check != Check::ValidSignature
            && self.first_rejected().is_some()
        {
            return "get the correctly signed delivery accepted first; this fails with it".to_string();
        }
        check.remediation(self.subject.scheme, &tolerance_words(self.subject.tolerance))
    }

    /// Why a correctly signed delivery is refused, the likeliest first for the status.
    pub(crate) fn likely_causes(&self, answer: &Answered) -> Vec<String> {
        let s = &self.subject;
        let path = format!(
            "wrong path: {} may not be the route that receives webhooks (a 404 or 405 says so)",
            sanitize_line(&s.path)
        );
        let secret = "wrong secret: the handler verifies with another secret than the one given \
                      (--secret, HOOKCTL_SECRET or the profile)"
            .to_string();
        let scheme = format!(
            "wrong scheme: the handler may expect another signature scheme than {} \
             (--scheme standard|svix|stripe|github|shopify|slack)",
            s.scheme
        );
        let body = format!(
            "or it refuses the '{}' sample itself: pick an event type it handles with --event",
            sanitize_line(&s.event)
        );
        let mut causes = match answer.status {
            300..=399 => {
                let to = answer.location.as_deref().map(sanitize_line).unwrap_or_default();
                vec![
                    format!(
                        "it redirects (to {to}): hookctl never follows redirects, so probe the final URL"
                    ),
                    path,
                ]
            }
            404 | 405 => vec![path, secret, scheme],
            500..=599 => vec![
                format!("the handler failed ({}): see its answer below and its logs", answer.status),
                secret,
                scheme,
            ],
            _ => vec![secret, scheme, path],
        };
        causes.push(body);
        causes
    }

    /// The document `--json` prints.
    pub(crate) fn to_json(&self) -> Value {
        let s = &self.subject;
        let c = self.counts();
        let checks: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                let check = row.probe.check;
                let failed_or_warned = matches!(row.verdict, Verdict::Fail | Verdict::Warn);
                let mut v = json!({
                    "name": check.name(),
                    "sent": row.probe.sent,
                    "expect": match check.expect() {
                        Expect::Accept => "accept",
                        Expect::Reject => "reject",
                        Expect::RejectPreferred => "reject_recommended",
                    },
                    "verdict": row.verdict.name(),
                    "remediation": failed_or_warned.then(|| self.remediation(check)),
                });
                match row.reply {
                    Reply::Answered(a) => {
                        v["status"] = json!(a.status);
                        v["accepted"] = json!(a.accepted());
                        v["answer"] = json!(a.body);
                        v["location"] = json!(a.location);
                        v["elapsed_ms"] = json!(a.elapsed.as_millis() as u64);
                    }
                    Reply::Skipped(why) => {
                        v["status"] = Value::Null;
                        v["skipped"] = json!(why);
                    }
                }
                v
            })
            .collect();
        json!({
            "url": s.url,
            "scheme": s.scheme.name(),
            "event": s.event,
            "tolerance_s": s.tolerance,
            "strict": s.strict,
            "ok": self.outcome() == Outcome::Success,
            "exit_code": self.outcome().exit().code(),
            "requests_sent": c.sent,
            "summary": {
                "checks": self.rows.len(),
                "passed": c.passed,
                "failed": c.failed,
                "warnings": c.warnings,
                "skipped": c.skipped,
            },
            "first_delivery_rejected": self.first_rejected().map(|a| json!({
                "status": a.status,
                "likely_causes": self.likely_causes(a),
            })),
            "checks": checks,
        })
    }

    /// The report for people: the refused first delivery (if so) first, then the table with
    /// a fix under every failure, then the totals.
    pub(crate) fn human(&self, p: &Printer) -> String {
        let s = &self.subject;
        let c = self.counts();
        let mut out = String::new();
        let push = |out: &mut String, line: &str| {
            out.push_str(line);
            out.push('\n');
        };
        push(
            &mut out,
            &p.bold(&format!(
                "hookctl probe {} (scheme {}, event {}, tolerance {})",
                sanitize_line(&s.url),
                s.scheme,
                sanitize_line(&s.event),
                tolerance_words(s.tolerance)
            )),
        );
        push(&mut out, "");
        if let Some(a) = self.first_rejected() {
            push(
                &mut out,
                &p.paint(
                    &format!(
                        "The correctly signed delivery was rejected ({}): nothing below means much until it is accepted.",
                        status_text(a.status)
                    ),
                    Color::Red,
                ),
            );
            push(&mut out, "Likely causes:");
            for cause in self.likely_causes(a) {
                push(&mut out, &format!("  - {cause}"));
            }
            if !a.body.trim().is_empty() {
                push(&mut out, &format!("  answer: {}", shown_answer(&a.body)));
            }
            push(&mut out, "");
        }
        let width =
            |f: &dyn Fn(&Row) -> usize, min: usize| self.rows.iter().map(f).max().unwrap_or(0).max(min);
        let name_w = width(&|r| r.probe.check.name().len(), 5);
        let sent_w = width(&|r| r.probe.sent.chars().count(), 4);
        push(
            &mut out,
            &p.dim(&format!(
                "{:name_w$}  {:sent_w$}  {:12}  {:6}  VERDICT",
                "CHECK", "SENT", "SAFE HANDLER", "STATUS"
            )),
        );
        for row in &self.rows {
            let check = row.probe.check;
            let status = match row.reply {
                Reply::Answered(a) => a.status.to_string(),
                Reply::Skipped(_) => "-".into(),
            };
            let expect = if check.expect() == Expect::Accept { "accepts" } else { "rejects" };
            let verdict = match row.verdict {
                Verdict::Pass => p.paint("pass", Color::Green),
                Verdict::Fail => p.paint("FAIL", Color::Red),
                Verdict::Warn => p.paint("warning", Color::Yellow),
                Verdict::Skipped => p.dim("skipped"),
            };
            let sent = format!("{:sent_w$}", row.probe.sent);
            push(&mut out, &format!("{:name_w$}  {sent}  {expect:12}  {status:6}  {verdict}", check.name()));
            let fix = self.remediation(check);
            match (row.verdict, row.reply) {
                (Verdict::Fail, Reply::Answered(a)) => {
                    push(&mut out, &format!("    fix: {fix}"));
                    if let (Some(to), Expect::Accept) = (&a.location, check.expect()) {
                        push(
                            &mut out,
                            &format!(
                                "    redirected to {}: hookctl never follows redirects",
                                sanitize_line(to)
                            ),
                        );
                    }
                    if !a.body.trim().is_empty() && check != Check::ValidSignature {
                        push(&mut out, &format!("    answer: {}", shown_answer(&a.body)));
                    }
                }
                (Verdict::Warn, _) => {
                    push(
                        &mut out,
                        "    note: recommended, not required; a 2xx is fine if the handler does not process the duplicate again",
                    );
                    push(&mut out, &format!("    fix: {fix}"));
                }
                (Verdict::Skipped, Reply::Skipped(why)) => push(&mut out, &format!("    {why}")),
                _ => {}
            }
        }
        push(&mut out, "");
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut totals = vec![format!("{} passed", c.passed), format!("{} failed", c.failed)];
        if c.warnings > 0 {
            totals.push(plural(c.warnings, "warning", "warnings"));
        }
        if c.skipped > 0 {
            totals.push(format!("{} skipped", c.skipped));
        }
        push(
            &mut out,
            &format!(
                "{}: {} ({} to {}, one at a time)",
                plural(self.rows.len(), "check", "checks"),
                totals.join(", "),
                plural(c.sent, "request", "requests"),
                sanitize_line(&s.url)
            ),
        );
        out
    }
}

/// `401 Unauthorized`.
fn status_text(status: u16) -> String {
    match reqwest::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()) {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// A handler's answer on one line: escaped, trimmed.
fn shown_answer(body: &str) -> String {
    let text = sanitize_line(body.trim()).into_owned();
    if text.chars().count() <= SHOWN_ANSWER {
        return text;
    }
    format!("{}…", text.chars().take(SHOWN_ANSWER).collect::<String>())
}

pub(crate) fn tolerance_words(secs: u64) -> String {
    super::plan::words(secs as i64)
}
