//! Untrusted text (payloads, headers, provider messages) is escaped before it reaches a
//! terminal: a webhook body must never be able to move the cursor, change the title or hide
//! text with ANSI escapes.

use std::borrow::Cow;

/// Escapes control characters (C0 except `\n` and `\t`, DEL, C1) and so every ANSI escape
/// sequence, since they all start with ESC or a C1 control. Printable text is unchanged.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    sanitize_with(s, true)
}

/// Like [`sanitize`] but also escapes newlines and tabs, for values that must stay on one line.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    sanitize_with(s, false)
}

fn sanitize_with(s: &str, keep_layout: bool) -> Cow<'_, str> {
    let needs = |c: char| is_control(c) && !(keep_layout && (c == '\n' || c == '\t'));
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs(c) {
            match c {
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
                c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_control(c: char) -> bool {
    // C0, DEL, C1; plus the bidi overrides that can reorder what a reader sees.
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ansi_escape_is_escaped() {
        assert_eq!(sanitize("a\x1b[31mred\x1b[0m"), "a\\x1b[31mred\\x1b[0m");
        assert_eq!(sanitize("bell\x07 c1\u{9b}"), "bell\\x07 c1\\x9b");
    }

    #[test]
    fn layout_kept_unless_single_line() {
        assert_eq!(sanitize("a\n\tb"), "a\n\tb");
        assert_eq!(sanitize_line("a\n\tb\r"), "a\\n\\tb\\r");
        assert!(matches!(sanitize("plain ✓"), Cow::Borrowed(_)));
    }
}
