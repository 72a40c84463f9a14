//! `hookctl sign`: prints the headers a provider would send for a body, one `Name: value` per
//! line, so they can be fed back to `verify --header` (or a JSON object with `--json`).

use serde_json::{Map, Value};

use crate::cli::sign::SignArgs;
use crate::headers::unix_now;
use crate::sign::{self, KeyUse};
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(args: SignArgs, ctx: &Ctx) -> Result<Outcome> {
    let scheme = args.scheme.0;
    let body = super::body::require(&args.body)?.bytes;
    let flags: Vec<crate::secret::Secret> = args.secret.into_iter().collect();
    // With several configured secrets (rotation) the first one signs, like a provider would.
    let secrets = super::secret::require(ctx, &flags, Some(scheme), KeyUse::Sign)?;
    let id = args.id.unwrap_or_else(sign::new_message_id);
    if id.is_empty() || id.chars().any(char::is_control) {
        return Err(Error::usage("--id must be non-empty printable text (it is sent as a header)"));
    }
    let at = args.at.unwrap_or_else(unix_now);
    let headers = sign::sign(scheme, &secrets[0], &id, at, &body)
        .map_err(|e| Error::Internal(format!("cannot sign with a checked secret: {e}")))?;
    print_headers(ctx, &headers);
    Ok(Outcome::Success)
}

fn print_headers(ctx: &Ctx, headers: &[(String, String)]) {
    let object: Map<String, Value> =
        headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
    ctx.printer.emit(&Value::Object(object), |p| {
        for (k, v) in headers {
            p.line(&format!("{k}: {v}"));
        }
    });
}
