//! The one event-type pattern of the whole tool (`events --type`, `fire --wait`, `listen --filter`, `listen --route`).
//!
//! `*` matches any run of characters, dots included (`case.*`, `*.closed`, `*`); everything
//! else matches literally and case-sensitively, as providers write event names.

/// Whether `event_type` matches `pattern`. Works on bytes: the pattern's literal parts are
/// whole UTF-8 sequences, so they can only match at character boundaries.
pub(crate) fn matches(pattern: &str, event_type: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), event_type.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    // Where the last `*` was and how much text it has taken so far: on a mismatch it takes
    // one more byte (classic linear-backtracking wildcard match, no recursion).
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if let Some((s, taken)) = star {
            pi = s + 1;
            ti = taken + 1;
            star = Some((s, taken + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&b| b == b'*')
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn star_matches_any_run_dots_included() {
        assert!(matches("cases.*", "cases.created"));
        assert!(!matches("cases.*", "case.created"));
        assert!(!matches("cases.*", "assignments.created"));
        assert!(matches("*.closed", "case.closed"));
        assert!(matches("*.closed", "case.status.closed"));
        assert!(!matches("*.closed", "case.closed.extra"));
        assert!(matches("case.*.updated", "case.status.updated"));
        assert!(matches("*", "anything"));
        assert!(matches("*", ""));
        assert!(matches("**", "a.b"));
    }

    #[test]
    fn everything_else_is_literal_and_case_sensitive() {
        assert!(matches("case.closed", "case.closed"));
        assert!(!matches("case.closed", "case.closed.extra"));
        assert!(!matches("case.closed", "Case.closed"));
        assert!(!matches("case.?losed", "case.closed"));
        assert!(!matches("", "x"));
        assert!(matches("", ""));
        assert!(matches("pérson.*", "pérson.créé"));
        assert!(!matches("p*é", "pe"));
    }
}
