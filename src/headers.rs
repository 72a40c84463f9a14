//! `Name: value` header arguments as given on the command line (`verify`, `send`), and the
//! clock they are signed against.

use crate::sanitize::sanitize_line;
use crate::{Error, Result};

/// `Name: value` arguments: split at the first colon, both sides trimmed.
pub(crate) fn parse_headers(args: &[String]) -> Result<Vec<(String, String)>> {
    args.iter()
        .map(|raw| {
            let bad = |what: &str| {
                Error::usage_hint(
                    format!("invalid --header '{}': {what}", sanitize_line(raw)),
                    "write headers as --header 'Name: value'",
                )
            };
            let (name, value) = raw.split_once(':').ok_or_else(|| bad("no ':' between name and value"))?;
            let name = name.trim();
            if name.is_empty() {
                return Err(bad("the name is empty"));
            }
            if !name.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(bad("the name may contain only visible ASCII characters"));
            }
            Ok((name.to_string(), value.trim().to_string()))
        })
        .collect()
}

/// Seconds since the Unix epoch (0 if the clock is before it).
pub(crate) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}
