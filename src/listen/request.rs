//! Request helpers shared by the handler, replay and the command layer: the `--path` prefix,
//! the event type and the delivery id a request carries.

use crate::sign::{self, HeaderPair};

/// Normalises a `--path` prefix: leading slash, no trailing slash; `/` means any path.
pub fn normalize_prefix(p: &str) -> Option<String> {
    let trimmed = p.trim().trim_end_matches('/');
    if trimmed.is_empty() {
        return None;
    }
    Some(if trimmed.starts_with('/') { trimmed.to_string() } else { format!("/{trimmed}") })
}

/// The part of `path` under `prefix` (`/hooks/a` under `/hooks` → `/a`), or `None` when the
/// path is outside it (`/hooksx` is not under `/hooks`).
pub fn strip_prefix<'a>(prefix: Option<&str>, path: &'a str) -> Option<&'a str> {
    match prefix {
        None => Some(path),
        Some(p) => {
            let rest = path.strip_prefix(p)?;
            (rest.is_empty() || rest.starts_with('/')).then_some(rest)
        }
    }
}

/// Finds the event type where providers put it: body fields `type`, `event` (string, or an
/// object with `type` as Slack does), `eventType`, `event_type`, `event_name`, `eventName`,
/// `topic` (first found wins, in that order), then headers such as `X-GitHub-Event` and
/// `X-Shopify-Topic`.
pub fn event_type(headers: &[impl HeaderPair], body: &[u8]) -> Option<String> {
    // Only the few candidate fields are decoded (no `Value`, no buffering); the rest of the
    // payload is skipped, which keeps this cheap on the hot path.
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(rename = "type")]
        kind: Option<probe::Name>,
        #[serde(default, deserialize_with = "probe::event")]
        event: Option<probe::Name>,
        #[serde(rename = "eventType")]
        event_type_camel: Option<probe::Name>,
        event_type: Option<probe::Name>,
        event_name: Option<probe::Name>,
        #[serde(rename = "eventName")]
        event_name_camel: Option<probe::Name>,
        topic: Option<probe::Name>,
    }
    let starts_like_object = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if starts_like_object {
        if let Ok(p) = serde_json::from_slice::<Probe>(body) {
            let found = [
                p.kind,
                p.event,
                p.event_type_camel,
                p.event_type,
                p.event_name,
                p.event_name_camel,
                p.topic,
            ]
            .into_iter()
            .filter_map(|n| n?.0)
            .find(|s| !s.is_empty());
            if found.is_some() {
                return found;
            }
        }
    }
    const HEADERS: [&str; 7] = [
        "x-github-event",
        "x-shopify-topic",
        "x-gitlab-event",
        "x-event-type",
        "x-webhook-event",
        "x-event-key",
        "x-hook-event",
    ];
    HEADERS.iter().find_map(|name| sign::header(headers, name)).map(str::to_string)
}

/// Body fields for [`event_type`]: a string is a name; anything else is skipped without failing
/// the probe (a number in `type` must not hide `topic`).
mod probe {
    use std::fmt;

    use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use serde::Deserialize;

    /// `type`, `eventType`, …: the string, if it is one.
    pub struct Name(pub Option<String>);

    impl<'de> Deserialize<'de> for Name {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(NameVisitor { nested: false }).map(Name)
        }
    }

    /// `event`: a string, or an object whose `type` is the name (Slack).
    pub fn event<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Name>, D::Error> {
        d.deserialize_any(NameVisitor { nested: true }).map(|n| Some(Name(n)))
    }

    /// A map key, compared with `type` without copying it.
    struct IsType(bool);

    impl<'de> Deserialize<'de> for IsType {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl Visitor<'_> for V {
                type Value = IsType;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a key")
                }
                fn visit_str<E>(self, v: &str) -> Result<IsType, E> {
                    Ok(IsType(v == "type"))
                }
            }
            d.deserialize_str(V)
        }
    }

    struct NameVisitor {
        /// Look for `type` inside an object (`event`).
        nested: bool,
    }

    impl<'de> Visitor<'de> for NameVisitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
            while a.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            while let Some(IsType(is_type)) = a.next_key()? {
                if self.nested && is_type && found.is_none() {
                    found = a.next_value::<Name>()?.0;
                } else {
                    a.next_value::<IgnoredAny>()?;
                }
            }
            Ok(found)
        }
    }
}

/// The id a sender keeps across retries, for duplicate detection and `replay --id`.
pub fn delivery_id<H: HeaderPair>(headers: &[H]) -> Option<&str> {
    const HEADERS: [&str; 5] =
        ["webhook-id", "svix-id", "x-github-delivery", "x-shopify-webhook-id", "x-delivery-id"];
    HEADERS.iter().find_map(|name| sign::header(headers, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prefix_is_normalised_and_matched_on_segments() {
        assert_eq!(normalize_prefix("/"), None);
        assert_eq!(normalize_prefix("hooks/").as_deref(), Some("/hooks"));
        assert_eq!(strip_prefix(Some("/hooks"), "/hooks"), Some(""));
        assert_eq!(strip_prefix(Some("/hooks"), "/hooks/a"), Some("/a"));
        assert_eq!(strip_prefix(Some("/hooks"), "/hooksx"), None);
        assert_eq!(strip_prefix(None, "/x"), Some("/x"));
    }

    #[test]
    fn event_type_found_in_usual_places() {
        let none: Vec<(String, String)> = vec![];
        let event_type = |h: &[(String, String)], v: Option<&serde_json::Value>| {
            super::event_type(h, v.map(|v| v.to_string()).unwrap_or_default().as_bytes())
        };
        assert_eq!(event_type(&none, Some(&json!({"type": 5, "topic": "t"}))).as_deref(), Some("t"));
        assert_eq!(
            event_type(&none, Some(&json!({"data": {"type": "inner"}, "event_type": "outer"}))).as_deref(),
            Some("outer")
        );
        assert_eq!(super::event_type(&none, b"not json"), None);
        assert_eq!(super::event_type(&none, b"{\"type\":\"cut"), None);
        assert_eq!(
            event_type(&none, Some(&json!({"type": "case.updated"}))).as_deref(),
            Some("case.updated")
        );
        assert_eq!(event_type(&none, Some(&json!({"eventType": "x.y"}))).as_deref(), Some("x.y"));
        assert_eq!(
            event_type(&none, Some(&json!({"event": {"type": "message"}}))).as_deref(),
            Some("message")
        );
        assert_eq!(event_type(&none, Some(&json!({"event_name": "n"}))).as_deref(), Some("n"));
        let gh = vec![("X-GitHub-Event".to_string(), "push".to_string())];
        assert_eq!(event_type(&gh, Some(&json!({"ref": "main"}))).as_deref(), Some("push"));
        assert_eq!(event_type(&none, Some(&json!([1, 2]))), None);
        // Skipped without failing the probe: empty names, non-string values, nested arrays.
        assert_eq!(
            event_type(&none, Some(&json!({"event": {"type": "", "x": [1, {"a": null}]}, "topic": "t2"})))
                .as_deref(),
            Some("t2")
        );
        assert_eq!(event_type(&none, Some(&json!({"event": 7, "eventName": "e"}))).as_deref(), Some("e"));
        assert_eq!(super::event_type(&none, br#"{"type":"a\u002eb"}"#).as_deref(), Some("a.b"));
    }
}
