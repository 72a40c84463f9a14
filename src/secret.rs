//! Secrets (API tokens, webhook signing secrets) are wrapped so that `Debug`, `Display` and
//! serialisation can never print them by accident.

use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }

    /// The real value, for signing and for the Authorization header only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `whsec_…9f2c`: the prefix (up to and including the last `_` in the first 8 characters)
    /// and the last 4 characters, enough to tell two secrets apart, never enough to use one.
    pub fn mask(&self) -> String {
        mask(&self.0)
    }
}

/// A URL as shown to people, logs and senders: a password in it becomes `***`
/// (`http://user:***@host/`). Cheap for the usual URL without one.
pub fn redact_url(url: &str) -> std::borrow::Cow<'_, str> {
    if !url.contains('@') {
        return url.into();
    }
    match reqwest::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string().into()
        }
        _ => url.into(),
    }
}

pub fn mask(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let prefix_len = chars.iter().take(8).rposition(|&c| c == '_').map(|i| i + 1).unwrap_or(0);
    let prefix: String = chars[..prefix_len].iter().collect();
    if chars.len() < prefix_len + 12 {
        return format!("{prefix}…");
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{prefix}…{tail}")
}

/// Lets clap parse a flag straight into a `Secret`, so no argument struct holds one as a
/// `String` that a `{:?}` would print.
impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret::new(s))
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.mask())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.mask())
    }
}

/// `#[serde(with = …)]` helpers for the config file, the one place a secret is written in
/// full. `Secret` itself implements no `Serialize`, so `json!(secret)` cannot compile.
pub(crate) mod in_file {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Secret;

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(v: &Option<Secret>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(secret) => s.serialize_some(secret.expose()),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Secret>, D::Error> {
            Ok(Option::<String>::deserialize(d)?.map(Secret::new))
        }
    }

    pub mod vec {
        use super::*;

        pub fn serialize<S: Serializer>(v: &[Secret], s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(v.iter().map(Secret::expose))
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Secret>, D::Error> {
            Ok(Vec::<String>::deserialize(d)?.into_iter().map(Secret::new).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_keeps_prefix_and_tail_only() {
        let s = Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9f2c");
        assert_eq!(s.mask(), "whsec_…9f2c");
        assert_eq!(format!("{s}"), "whsec_…9f2c");
        assert!(!format!("{s:?}").contains("MfKQ"));
    }

    #[test]
    fn short_secret_shows_no_characters() {
        assert_eq!(mask("abc"), "…");
        assert_eq!(mask("whsec_short"), "whsec_…");
    }
}
