//! The parser of size flags (`--max-body 10MB`): a bare number of bytes, or a number with
//! `B`, `KB`/`MB`/`GB` (powers of 1,000) or `KiB`/`MiB`/`GiB` (powers of 1,024), like the
//! units people read on disks and in HTTP servers' docs. Case-insensitive; `k`/`m` alone are
//! refused as ambiguous rather than guessed.

/// Parses `1048576`, `512KiB`, `10MB`, `1 MiB`; at most `max` bytes.
pub fn parse_max(text: &str, max: u64) -> Result<u64, String> {
    let shown = crate::sanitize::sanitize_line(text.trim());
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    if digits.is_empty() {
        return Err(format!("'{shown}' is not a size; write it like 1048576, 512KiB or 10MB"));
    }
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return Err(format!("'{shown}' has an unknown unit; use B, KB, MB, GB, KiB, MiB or GiB")),
    };
    match digits.parse::<u64>().ok().and_then(|n| n.checked_mul(factor)) {
        Some(n) if n <= max => Ok(n),
        _ => Err(format!("'{shown}' is too large (at most {max} bytes)")),
    }
}

/// `--max-body`: at most 1 GiB (the listener holds a body in memory while it verifies it).
pub fn parse_body(text: &str) -> Result<usize, String> {
    parse_max(text, 1 << 30).map(|n| n as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(parse_body("1048576"), Ok(1_048_576));
        assert_eq!(parse_body("10MB"), Ok(10_000_000));
        assert_eq!(parse_body("10mb"), Ok(10_000_000));
        assert_eq!(parse_body("1 MiB"), Ok(1 << 20));
        assert_eq!(parse_body("512KiB"), Ok(512 * 1024));
        assert_eq!(parse_body("2KB"), Ok(2000));
        assert_eq!(parse_body("0"), Ok(0));
        for bad in ["", "MB", "10 M", "10k", "-1", "1.5MB", "2GiB", "99999999999999999999999"] {
            assert!(parse_body(bad).is_err(), "{bad}");
        }
    }
}
