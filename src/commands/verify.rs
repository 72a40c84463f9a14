//! `hookctl verify`: checks a webhook signature offline. Exit 0 valid, 8 invalid, 2 usage.

use crate::cli::verify::VerifyArgs;
use crate::headers::{parse_headers, unix_now};
use crate::sign::{self, KeyUse, Verdict, VerifyOptions};
use crate::{Ctx, Outcome, Result};

pub fn exec(args: VerifyArgs, ctx: &Ctx) -> Result<Outcome> {
    // Usage errors first (exit 2), so a typo is reported before a missing secret (exit 3).
    let headers = parse_headers(&args.headers)?;
    let body = super::body::require(&args.body)?.bytes;
    // The scheme the headers show decides what a valid secret is (auto: detected here once).
    let scheme = args.scheme.0.or_else(|| sign::detect(&headers));
    let secrets = super::secret::require(ctx, &args.secrets, scheme, KeyUse::Verify)?;
    let opts = VerifyOptions { now: args.at.unwrap_or_else(unix_now), tolerance: args.tolerance.as_secs() };
    let verdict = sign::verify(args.scheme.0, &secrets, &headers, &body, opts);
    ctx.printer.debug(&format!(
        "verify: {} header(s), {} body byte(s), {} secret(s) {}, now {}",
        headers.len(),
        body.len(),
        secrets.len(),
        secrets.iter().map(|s| s.mask()).collect::<Vec<_>>().join(" "),
        opts.now
    ));
    if ctx.printer.is_json() {
        ctx.printer.json(&verdict.to_json());
    }
    let outcome = report(ctx, &verdict);
    if !verdict.is_valid() {
        // Libraries use secrets byte for byte, and so do we; a pasted newline is a classic.
        for (i, s) in secrets.iter().enumerate() {
            if s.expose() != s.expose().trim() {
                ctx.printer.hint(&format!(
                    "secret #{} has leading or trailing whitespace (a pasted newline?); it is used as given",
                    i + 1
                ));
            }
        }
    }
    Ok(outcome)
}

/// Human lines on stderr: a success line (never silent) or `error: signature invalid: …`.
pub(crate) fn report(ctx: &Ctx, verdict: &Verdict) -> Outcome {
    match verdict {
        Verdict::Valid { scheme, secret_index } => {
            if !ctx.printer.is_json() {
                ctx.printer.success(&format!("valid {scheme} signature (secret #{})", secret_index + 1));
            }
            Outcome::Success
        }
        Verdict::Invalid { reason, .. } => {
            ctx.printer.failed(&format!("signature invalid: {reason}"), &[], []);
            Outcome::InvalidSignature
        }
    }
}
