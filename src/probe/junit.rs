//! `--junit FILE`: the report as JUnit XML, one test case per check, so a CI system lists
//! every check by name. Text from the handler is escaped twice over: control characters
//! first (like everything shown), then XML's own five characters.

use super::check::Expect;
use super::report::{tolerance_words, Report, Verdict};
use super::run::Reply;
use crate::sanitize::{sanitize, sanitize_line};
use crate::sign::Scheme;

/// The XML document for `report`.
pub(crate) fn render(report: &Report<'_>) -> String {
    let s = &report.subject;
    let c = report.counts();
    let total: f64 = report
        .rows
        .iter()
        .filter_map(|r| match r.reply {
            Reply::Answered(a) => Some(a.elapsed.as_secs_f64()),
            Reply::Skipped(_) => None,
        })
        .sum();
    let suite = format!("hookctl probe ({})", s.scheme);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"hookctl probe\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"{total:.3}\">\n",
        report.rows.len(),
        c.failed,
        c.skipped
    ));
    out.push_str(&format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"{total:.3}\">\n",
        attr(&suite),
        report.rows.len(),
        c.failed,
        c.skipped
    ));
    out.push_str("    <properties>\n");
    for (name, value) in [
        ("url", s.url.clone()),
        ("scheme", s.scheme.name().to_string()),
        ("event", s.event.clone()),
        ("tolerance", tolerance_words(s.tolerance)),
        ("strict", s.strict.to_string()),
    ] {
        out.push_str(&format!("      <property name=\"{name}\" value=\"{}\"/>\n", attr(&value)));
    }
    out.push_str("    </properties>\n");
    let first_rejected = report.first_rejected().map(|a| report.likely_causes(a));
    for row in &report.rows {
        let check = row.probe.check;
        let time = match row.reply {
            Reply::Answered(a) => a.elapsed.as_secs_f64(),
            Reply::Skipped(_) => 0.0,
        };
        let open = format!(
            "    <testcase name=\"{}\" classname=\"hookctl.probe.{}\" time=\"{time:.3}\"",
            check.name(),
            s.scheme
        );
        if row.verdict == Verdict::Pass {
            out.push_str(&format!("{open}/>\n"));
            continue;
        }
        out.push_str(&format!("{open}>\n"));
        let fix = report.remediation(check);
        match (row.verdict, row.reply) {
            (Verdict::Fail, Reply::Answered(a)) => {
                let (kind, message) = if check.expect() == Expect::Accept {
                    ("rejected", format!("a safe handler accepts this; it answered {}", a.status))
                } else {
                    ("accepted", format!("a safe handler rejects this; it answered {}", a.status))
                };
                let mut body = format!("sent: {}\nfix: {fix}\n", row.probe.sent);
                if let (Some(causes), super::check::Check::ValidSignature) = (&first_rejected, check) {
                    body.push_str("likely causes:\n");
                    for cause in causes {
                        body.push_str(&format!("  - {cause}\n"));
                    }
                }
                if !a.body.trim().is_empty() {
                    body.push_str(&format!("answer: {}\n", a.body.trim()));
                }
                out.push_str(&format!(
                    "      <failure type=\"{kind}\" message=\"{}\">{}</failure>\n",
                    attr(&message),
                    text(&body)
                ));
            }
            (Verdict::Warn, Reply::Answered(a)) => {
                let body = format!(
                    "warning: a replay of an accepted delivery was accepted again ({}); recommended, not \
                     required (fails with --strict)\nfix: {fix}\n",
                    a.status
                );
                out.push_str(&format!("      <system-out>{}</system-out>\n", text(&body)));
            }
            (_, Reply::Skipped(why)) => {
                out.push_str(&format!("      <skipped message=\"{}\"/>\n", attr(why)));
            }
            _ => {}
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// The document when the run could not finish (the handler unreachable, or too slow): one
/// test case, `handler-reachable`, with the error, so CI shows why instead of an empty file.
pub(crate) fn render_error(scheme: Scheme, url: &str, message: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <testsuites name=\"hookctl probe\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\">\n\
         \x20 <testsuite name=\"hookctl probe ({scheme})\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\">\n\
         \x20   <properties>\n\
         \x20     <property name=\"url\" value=\"{}\"/>\n\
         \x20   </properties>\n\
         \x20   <testcase name=\"handler-reachable\" classname=\"hookctl.probe.{scheme}\" time=\"0.000\">\n\
         \x20     <error type=\"network\" message=\"{}\"/>\n\
         \x20   </testcase>\n\
         \x20 </testsuite>\n\
         </testsuites>\n",
        attr(url),
        attr(message)
    )
}

/// Text for an attribute value: one line, escaped.
fn attr(s: &str) -> String {
    escape(&sanitize_line(s))
}

/// Text for element content: line breaks kept, other controls escaped.
fn text(s: &str) -> String {
    escape(&sanitize(s))
}

/// XML's five special characters, and the two code points XML 1.0 forbids that `sanitize`
/// leaves alone (U+FFFE, U+FFFF).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(attr("a<b>&\"c'\nd"), "a&lt;b&gt;&amp;&quot;c&apos;\\nd");
        assert_eq!(text("]]><x>\x1b[31m\u{ffff}\n"), "]]&gt;&lt;x&gt;\\x1b[31m\u{fffd}\n");
    }
}
