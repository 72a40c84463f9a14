//! `--match EXPR`: assertions on a request's or row's content, shared by `listen --expect`,
//! `events wait` and `replay --from`.
//!
//! Grammar (the first `!=`, `=` or `~` splits path from value):
//! - `PATH=VALUE`   the value at PATH, as text, is VALUE
//! - `PATH!=VALUE`  it is not (a missing PATH counts as "not VALUE")
//! - `PATH~REGEX`   the regular expression finds a match in it (unanchored)
//! - `PATH`         PATH exists (a JSON `null` exists)
//!
//! PATH is a dot path into the JSON body (`data.caseId`, `items.0.id`: a number indexes an
//! array) or `header.NAME` (a request header, name case-insensitive). A value is compared as
//! the JSON scalar's text: a string without quotes, `42`, `1.5`, `true`, `null`; an object or
//! array as compact JSON.

use std::fmt;

use serde_json::Value;

/// One parsed `--match` expression.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    /// The expression as written, for messages.
    text: String,
    path: Path,
    op: Op,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Path {
    /// Segments into the JSON body.
    Body(Vec<String>),
    /// A header name, lower-case.
    Header(String),
}

#[derive(Debug, Clone)]
enum Op {
    Exists,
    Eq(String),
    Ne(String),
    Regex(regex_lite::Regex),
}

/// What an expression is evaluated on: a JSON body (if the body is JSON) and headers.
pub(crate) struct Subject<'a> {
    pub body: Option<&'a Value>,
    /// Header lookup by lower-case name (the first value when repeated).
    pub header: &'a dyn Fn(&str) -> Option<String>,
}

impl<'a> Subject<'a> {
    /// A JSON document without headers (an event-log row).
    pub(crate) fn json(body: &'a Value) -> Subject<'a> {
        Subject { body: Some(body), header: &|_| None }
    }
}

impl Matcher {
    /// Parses one expression; the error names the problem (clap adds the flag and the value).
    pub(crate) fn parse(text: &str) -> Result<Matcher, String> {
        let at = text.find(['=', '~']);
        let (path, op) = match at {
            None => (text, Op::Exists),
            Some(i) => {
                let (head, tail) = text.split_at(i);
                let value = tail[1..].to_string();
                match (tail.as_bytes()[0], head.strip_suffix('!')) {
                    (b'=', Some(p)) => (p, Op::Ne(value)),
                    (b'=', None) => (head, Op::Eq(value)),
                    _ => {
                        let re = regex_lite::Regex::new(&value)
                            .map_err(|e| format!("the regular expression is invalid: {e}"))?;
                        (head, Op::Regex(re))
                    }
                }
            }
        };
        let path = Path::parse(path)?;
        Ok(Matcher { text: text.to_string(), path, op })
    }

    /// `None` when the expression holds, else why not (`data.caseId was "x" (wanted "y")`).
    pub(crate) fn check(&self, subject: &Subject) -> Option<String> {
        let found = self.path.lookup(subject);
        let holds = match (&self.op, &found) {
            (Op::Exists, found) => found.is_some(),
            (Op::Eq(want), Some(got)) => got == want,
            (Op::Ne(want), Some(got)) => got != want,
            (Op::Ne(_), None) => true,
            (Op::Regex(re), Some(got)) => re.is_match(got),
            (Op::Eq(_) | Op::Regex(_), None) => false,
        };
        if holds {
            return None;
        }
        let was = match &found {
            Some(v) => format!("was {}", quote(v)),
            None => "was missing".to_string(),
        };
        let wanted = match &self.op {
            Op::Exists => "present".to_string(),
            Op::Eq(v) => quote(v),
            Op::Ne(v) => format!("not {}", quote(v)),
            Op::Regex(re) => format!("~ {}", short(re.as_str())),
        };
        Some(format!("{} {was} (wanted {wanted})", self.path))
    }
}

impl fmt::Display for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Path {
    fn parse(text: &str) -> Result<Path, String> {
        if text.trim().is_empty() {
            return Err("the path is empty (PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH)".into());
        }
        if text != text.trim() {
            return Err("the path has spaces around it".into());
        }
        if let Some(name) = text.strip_prefix("header.") {
            let valid = !name.is_empty()
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            if !valid {
                return Err(format!("'{name}' is not a header name (header.NAME, e.g. header.webhook-id)"));
            }
            return Ok(Path::Header(name.to_ascii_lowercase()));
        }
        let segments: Vec<String> = text.split('.').map(str::to_string).collect();
        if segments.iter().any(String::is_empty) {
            return Err("the path has an empty segment (write a.b.0.c)".into());
        }
        Ok(Path::Body(segments))
    }

    /// The value at this path as text, or `None` when there is none.
    fn lookup(&self, subject: &Subject) -> Option<String> {
        match self {
            Path::Header(name) => (subject.header)(name),
            Path::Body(segments) => {
                let mut at = subject.body?;
                for s in segments {
                    at = match at {
                        Value::Object(map) => map.get(s)?,
                        Value::Array(items) => items.get(s.parse::<usize>().ok()?)?,
                        _ => return None,
                    };
                }
                Some(scalar_text(at))
            }
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Header(name) => write!(f, "header.{name}"),
            Path::Body(segments) => f.write_str(&segments.join(".")),
        }
    }
}

/// A JSON value as the text `--match` compares: strings unquoted, the rest as compact JSON.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn quote(v: &str) -> String {
    format!("\"{}\"", short(v))
}

/// At most 40 characters, so a near-miss line stays one line.
fn short(v: &str) -> String {
    const MAX: usize = 40;
    if v.chars().count() <= MAX {
        v.to_string()
    } else {
        format!("{}…", v.chars().take(MAX).collect::<String>())
    }
}

/// Every `--match` of a command: all must hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matchers(Vec<Matcher>);

impl Matchers {
    pub(crate) fn new(list: Vec<Matcher>) -> Matchers {
        Matchers(list)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `None` when all hold, else the first that does not and why.
    pub(crate) fn check(&self, subject: &Subject) -> Option<String> {
        self.0.iter().find_map(|m| m.check(subject))
    }
}

/// What arrived but did not count, grouped by reason, for the error of a timed-out wait:
/// `2 arrived, 0 counted: 1 data.caseId was "case_other" (wanted "case_1"); 1 invalid signature`.
#[derive(Debug, Clone, Default)]
pub(crate) struct NearMisses {
    /// (reason, how many), in the order reasons first appeared; at most [`Self::KEPT`].
    groups: Vec<(String, usize)>,
    /// Misses whose reason came after [`Self::KEPT`] others: counted, not kept (a sender
    /// cannot grow this by varying what it sends).
    overflow: usize,
    total: usize,
}

impl NearMisses {
    /// At most this many groups are listed; the rest are summed into one line.
    const SHOWN: usize = 4;
    /// At most this many distinct reasons are kept.
    const KEPT: usize = 32;

    pub(crate) fn add(&mut self, reason: impl Into<String>) {
        let reason = reason.into();
        self.total += 1;
        let kept = self.groups.len();
        match self.groups.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += 1,
            None if kept < Self::KEPT => self.groups.push((reason, 1)),
            None => self.overflow += 1,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// One detail line per group (`1 data.caseId was …`), at most a few.
    pub(crate) fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> =
            self.groups.iter().take(Self::SHOWN).map(|(r, n)| format!("{n} {r}")).collect();
        let rest: usize = self.groups.iter().skip(Self::SHOWN).map(|(_, n)| n).sum::<usize>() + self.overflow;
        if rest > 0 && self.overflow == 0 {
            lines.push(format!("{rest} more for {} other reasons", self.groups.len() - Self::SHOWN));
        } else if rest > 0 {
            lines.push(format!("{rest} more for other reasons"));
        }
        lines
    }

    /// `arrived, counted: group; group` on one line (`2 arrived, 0 counted: 1 …; 1 …`).
    pub(crate) fn summary(&self, counted: usize) -> String {
        let mut s = format!("{} arrived, {counted} counted", self.total + counted);
        if !self.is_empty() {
            s.push_str(": ");
            s.push_str(&self.lines().join("; "));
        }
        s
    }

    /// `[{"reason": …, "count": n}, …]` for the `--json` document (every group kept, then
    /// `{"reason": null, "count": n}` for the misses past them).
    pub(crate) fn to_json(&self) -> Value {
        let mut list: Vec<Value> =
            self.groups.iter().map(|(r, n)| serde_json::json!({"reason": r, "count": n})).collect();
        if self.overflow > 0 {
            list.push(serde_json::json!({"reason": null, "count": self.overflow}));
        }
        Value::Array(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(expr: &str, body: &Value) -> Option<String> {
        let headers = |name: &str| (name == "webhook-id").then(|| "msg_1".to_string());
        Matcher::parse(expr).unwrap().check(&Subject { body: Some(body), header: &headers })
    }

    #[test]
    fn every_operator_on_strings_numbers_arrays_and_headers() {
        let body = json!({"data": {"caseId": "case_1", "n": 42, "ok": true, "none": null},
                          "items": [{"id": "a"}, {"id": "b"}]});
        assert_eq!(check("data.caseId=case_1", &body), None);
        assert_eq!(
            check("data.caseId=case_2", &body).unwrap(),
            "data.caseId was \"case_1\" (wanted \"case_2\")"
        );
        assert_eq!(check("data.n=42", &body), None, "numbers compare as their JSON text");
        assert_eq!(check("data.ok=true", &body), None);
        assert_eq!(check("data.none=null", &body), None);
        assert_eq!(check("items.1.id=b", &body), None, "array index");
        assert!(check("items.2.id=b", &body).unwrap().contains("was missing"));
        assert_eq!(check("data.caseId!=case_2", &body), None);
        assert_eq!(
            check("data.caseId!=case_1", &body).unwrap(),
            "data.caseId was \"case_1\" (wanted not \"case_1\")"
        );
        assert_eq!(check("data.gone!=x", &body), None, "missing is not x");
        assert_eq!(check("data.caseId~^case_[0-9]$", &body), None);
        assert!(check("data.caseId~^x", &body).unwrap().contains("(wanted ~ ^x)"));
        assert_eq!(check("data.none", &body), None, "null exists");
        assert_eq!(check("data.gone", &body).unwrap(), "data.gone was missing (wanted present)");
        assert_eq!(check("header.Webhook-Id=msg_1", &body), None, "header names ignore case");
        assert!(check("header.x-other", &body).unwrap().contains("header.x-other was missing"));
        assert_eq!(check("data.url=https://x/?a=b", &body).unwrap().matches("wanted").count(), 1);
        assert_eq!(
            Matcher::parse("data.url=a=b").unwrap().op_value(),
            Some("a=b"),
            "the first = splits, the rest is the value"
        );
    }

    #[test]
    fn malformed_expressions_name_the_problem() {
        for (expr, says) in [
            ("", "the path is empty"),
            ("=x", "the path is empty"),
            ("a..b=1", "empty segment"),
            ("header.=x", "not a header name"),
            ("header.a b=x", "not a header name"),
            ("a~(", "regular expression is invalid"),
            (" a=1", "spaces"),
        ] {
            let e = Matcher::parse(expr).unwrap_err();
            assert!(e.contains(says), "{expr}: {e}");
        }
    }

    #[test]
    fn near_misses_are_grouped_and_capped() {
        let mut n = NearMisses::default();
        n.add("data.caseId was \"case_other\" (wanted \"case_1\")");
        n.add("invalid signature");
        n.add("data.caseId was \"case_other\" (wanted \"case_1\")");
        assert_eq!(
            n.summary(0),
            "3 arrived, 0 counted: 2 data.caseId was \"case_other\" (wanted \"case_1\"); 1 invalid signature"
        );
        for i in 0..10 {
            n.add(format!("reason {i}"));
        }
        assert_eq!(n.lines().len(), 5);
        assert_eq!(n.lines()[4], "8 more for 8 other reasons");
        assert_eq!(n.to_json().as_array().unwrap().len(), 12);
    }

    #[test]
    fn distinct_reasons_past_the_cap_are_counted_not_kept() {
        let mut n = NearMisses::default();
        for i in 0..1000 {
            n.add(format!("data.n was \"{i}\" (wanted \"x\")"));
        }
        assert_eq!(n.groups.len(), NearMisses::KEPT);
        assert_eq!(n.summary(0).split(": ").next(), Some("1000 arrived, 0 counted"));
        assert_eq!(
            n.lines().last().unwrap(),
            &format!("{} more for other reasons", 1000 - NearMisses::SHOWN)
        );
        let json = n.to_json();
        let list = json.as_array().unwrap();
        assert_eq!(list.len(), NearMisses::KEPT + 1);
        assert_eq!(list.last().unwrap()["count"], 1000 - NearMisses::KEPT);
    }

    impl Matcher {
        fn op_value(&self) -> Option<&str> {
            match &self.op {
                Op::Eq(v) | Op::Ne(v) => Some(v),
                _ => None,
            }
        }
    }
}
