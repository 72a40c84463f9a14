//! The bodies the probe sends: the sample compact (what a handler that re-serialises JSON
//! would produce itself), the same value written unusually but validly, and a copy changed by
//! one byte that is still valid JSON (so a handler cannot refuse it for the wrong reason).

use serde_json::Value;

/// The value as compact JSON, keys in their order.
pub(crate) fn compact(value: &Value) -> Vec<u8> {
    // Serialising a `Value` to memory cannot fail (its keys are strings).
    serde_json::to_vec(value).unwrap_or_default()
}

/// The same value, written the way no serialiser writes it: keys in reverse order, whitespace
/// (spaces, tabs, newlines) around every token, `\/` for `/`, every non-ASCII character and
/// the first character of every string as a `\u` escape. A parser reads the same value; only
/// a handler that verifies re-serialised JSON sees different bytes.
pub(crate) fn unusual(value: &Value) -> Vec<u8> {
    let mut out = String::from("\n ");
    write_value(value, &mut out);
    out.push_str(" \n");
    out.into_bytes()
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            out.push_str("{\n\t");
            for (i, (k, v)) in map.iter().rev().enumerate() {
                if i > 0 {
                    out.push_str(" ,\n\t");
                }
                write_string(k, out);
                out.push_str(" :  ");
                write_value(v, out);
            }
            out.push_str("\n}");
        }
        Value::Array(items) => {
            out.push_str("[ ");
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(" , ");
                }
                write_value(v, out);
            }
            out.push_str(" ]");
        }
        Value::String(s) => write_string(s, out),
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            c if i == 0 || !c.is_ascii() || c.is_control() => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `body` with one byte changed: the case of the first ASCII letter inside a string value
/// (not a key, not an escape) is flipped, so the JSON stays valid and keeps its shape. A body
/// without such a letter gets a trailing space instead.
pub(crate) fn tampered(body: &[u8]) -> Vec<u8> {
    let mut out = body.to_vec();
    match letter_in_a_value(body) {
        Some(i) => out[i] ^= 0x20,
        None => out.push(b' '),
    }
    out
}

/// The index of the first ASCII letter in a JSON string that is a value.
fn letter_in_a_value(body: &[u8]) -> Option<usize> {
    let mut in_string = false;
    let mut is_value = false;
    let mut after_colon = false;
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if in_string {
            match b {
                // An escape: `\uXXXX` spans five more bytes, others one.
                b'\\' => i += if body.get(i + 1) == Some(&b'u') { 5 } else { 1 },
                b'"' => in_string = false,
                b if is_value && b.is_ascii_alphabetic() => return Some(i),
                _ => {}
            }
        } else {
            match b {
                b'"' => {
                    in_string = true;
                    is_value = after_colon;
                    after_colon = false;
                }
                b':' => after_colon = true,
                b' ' | b'\t' | b'\n' | b'\r' => {}
                _ => after_colon = false,
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unusual_reads_as_the_same_value_with_other_bytes() {
        let v = json!({"id": "msg_1", "url": "https://x/y", "name": "Zoë 😀", "quote": "a\"b\\c\n",
            "n": [1, 2.5, -3, true, null, {"k": "v"}], "empty": "", "data": {}});
        let text = unusual(&v);
        let back: Value = serde_json::from_slice(&text).unwrap();
        assert_eq!(back, v);
        let s = String::from_utf8(text.clone()).unwrap();
        assert!(s.contains("\\/") && s.contains("\\u00eb") && s.contains("\\ud83d\\ude00"), "{s}");
        assert!(s.contains("\\u0069d"), "first character escaped: {s}");
        // Keys in reverse order: "data" comes before "id".
        assert!(s.find("\\u0064ata").unwrap() < s.find("\\u0069d").unwrap(), "{s}");
        assert_ne!(text, compact(&v));
        assert_ne!(compact(&back), text, "re-serialising changes the bytes");
    }

    #[test]
    fn tampered_changes_one_letter_of_a_value_and_stays_json() {
        let body = compact(&json!({"type": "ping", "id": "msg_1"}));
        let t = tampered(&body);
        assert_eq!(t.len(), body.len());
        assert_eq!(t.iter().zip(&body).filter(|(a, b)| a != b).count(), 1);
        assert_eq!(serde_json::from_slice::<Value>(&t).unwrap(), json!({"type": "Ping", "id": "msg_1"}));
        // Escapes and keys are skipped.
        let body = br#"{"k\u0041y": "\u0041\nb"}"#;
        let t = tampered(body);
        assert_eq!(serde_json::from_slice::<Value>(&t).unwrap(), json!({"kAy": "A\nB"}));
        // Nothing to flip: a trailing space.
        assert_eq!(tampered(b"[1]"), b"[1] ");
    }
}
