//! The one parser of duration flags (`--timeout 30s`, `--body-timeout 500ms`, …): humantime
//! units or a bare number of seconds, bounded so no later addition can overflow.

use std::time::Duration;

/// The longest duration any flag accepts. Every timeout of the tool bounds something a person
/// or a CI job waits for; a day is far beyond any of them and leaves room for additions.
pub const MAX: Duration = Duration::from_secs(24 * 60 * 60);

/// `30s`, `2m`, `1h 30m`, `500ms`, or `45` (seconds). Values above [`MAX`] are refused, so a
/// huge value is a usage error instead of an overflow later.
pub fn parse(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let parsed = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // A bare number is seconds; too many digits for u64 is simply "too long".
        Ok(text.parse::<u64>().map(Duration::from_secs).unwrap_or(Duration::MAX))
    } else {
        humantime::parse_duration(text)
    };
    // The text is echoed in an error line: escaped so it stays one line.
    let shown = crate::sanitize::sanitize_line(text);
    match parsed {
        Ok(d) if d > MAX => Err(format!("'{shown}' is too long (at most 24h)")),
        Ok(d) => Ok(d),
        // humantime reports "number is too large" for values past u64 of any unit.
        Err(humantime::DurationError::NumberOverflow) => Err(format!("'{shown}' is too long (at most 24h)")),
        Err(e) => Err(format!("'{shown}' is not a duration ({e}); write it like 30s, 2m or 500ms")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_bare_seconds() {
        assert_eq!(parse("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse("1h 30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse("45"), Ok(Duration::from_secs(45)));
        assert_eq!(parse("0"), Ok(Duration::ZERO));
        assert_eq!(parse("24h"), Ok(MAX));
    }

    #[test]
    fn huge_values_are_refused_not_overflowed() {
        for v in
            ["18446744073709551615s", "18446744073709551615", "99999999999999999999999", "25h", "1000000d"]
        {
            let err = parse(v).unwrap_err();
            assert!(err.contains("too long"), "{v}: {err}");
        }
    }

    #[test]
    fn garbage_names_the_format() {
        for v in ["", "soon", "3 parsecs", "-5s"] {
            let err = parse(v).unwrap_err();
            assert!(err.contains("30s, 2m or 500ms"), "{v}: {err}");
        }
    }
}
