//! Provider connection settings after precedence (flag > env > profile), and the client
//! configuration they become once the preset fills the gaps. Built by [`crate::Ctx`] from the
//! command line, or directly by code that has no command line (tests).

use std::collections::BTreeMap;

use crate::api::client::{self, ClientConfig};
use crate::api::ApiError;
use crate::config::{ConfigError, Profile};
use crate::providers::{self, Preset, Route, RouteName, PRESET_NAMES};
use crate::secret::Secret;

/// Why provider settings cannot become a client: each case keeps its exit code.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SettingsError {
    /// `--provider` named no preset: the command line is wrong (exit 2).
    #[error("{0}")]
    UnknownProvider(String),
    /// A missing or invalid setting from the environment or a profile (exit 3).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The preset cannot do what the command needs (exit 2, as the API client says).
    #[error(transparent)]
    Unsupported(#[from] ApiError),
}

impl From<SettingsError> for crate::Error {
    fn from(e: SettingsError) -> Self {
        match e {
            SettingsError::UnknownProvider(message) => crate::Error::usage(message),
            SettingsError::Config(e) => e.into(),
            SettingsError::Unsupported(e) => e.into(),
        }
    }
}

type Result<T, E = SettingsError> = std::result::Result<T, E>;

/// Provider connection settings after precedence (flag > env > profile); the preset default
/// fills whatever is still unset.
#[derive(Debug, Clone, Default)]
pub struct ApiSettings {
    pub provider: Option<String>,
    /// The provider was named by `--provider`: an unknown name is then a usage error (2),
    /// not a configuration error (3).
    pub provider_from_flag: bool,
    pub base_url: Option<String>,
    pub token: Option<Secret>,
    /// The selected profile's overrides (routes, fields, auth header), or an empty profile.
    pub profile: Profile,
    pub profile_name: Option<String>,
    /// Per-request timeout; `None` is [`client::DEFAULT_REQUEST_TIMEOUT`].
    pub request_timeout: Option<std::time::Duration>,
    /// What a 401 hint names (where the token in use comes from).
    pub auth_hint: Option<String>,
    /// Talking to a `hookctl sandbox` (`--sandbox`, `HOOKCTL_SANDBOX`), not the provider.
    pub sandbox: bool,
}

impl ApiSettings {
    /// The preset in use, without needing a token or base URL, so "this provider cannot do
    /// that" is reported before "no token".
    pub fn preset(&self) -> Result<&'static Preset> {
        let Some(name) = self.provider.as_deref() else {
            return Err(ConfigError::Missing {
                what: "the provider".into(),
                hint: "pass --provider (partner, closient, xpath, personio), set HOOKCTL_PROVIDER, \
                       or `hookctl config set provider …`"
                    .into(),
            }
            .into());
        };
        providers::preset(name).ok_or_else(|| {
            let message = format!("unknown provider '{name}' (known: {})", PRESET_NAMES.join(", "));
            if self.provider_from_flag {
                SettingsError::UnknownProvider(message)
            } else {
                ConfigError::Invalid(message).into()
            }
        })
    }

    /// Fails with a usage error (exit 2) when the preset, after profile overrides, lacks one
    /// of `routes`.
    pub fn require_routes(&self, routes: &[RouteName]) -> Result<&'static Preset> {
        let preset = self.preset()?;
        let overrides = route_overrides(&self.profile)?;
        for r in routes {
            client::resolve_route(preset, &overrides, *r)?;
        }
        Ok(preset)
    }

    /// The client configuration: preset, checked base URL and token, profile overrides.
    pub fn client_config(&self) -> Result<ClientConfig> {
        let preset = self.preset()?;
        let routes = route_overrides(&self.profile)?;
        let base = self.base_url.clone().or_else(|| preset.default_base_url.map(str::to_string));
        let base_url = check_base_url(base, preset)?;
        let token = self.token.clone().ok_or_else(|| ConfigError::Missing {
            what: format!("an API token for {}", preset.name),
            hint: "set HOOKCTL_TOKEN, or `hookctl config set token …` (or pass --token)".into(),
        })?;
        check_header_value(&token)?;
        let auth_header = self.profile.auth_header.clone().filter(|h| !h.trim().is_empty());
        if let Some(h) = &auth_header {
            if reqwest::header::HeaderName::from_bytes(h.trim().as_bytes()).is_err() {
                return Err(ConfigError::Invalid(format!(
                    "auth_header '{h}' is not a valid HTTP header name"
                ))
                .into());
            }
        }
        let mut cfg = ClientConfig::new(preset, base_url, token);
        cfg.auth_header = auth_header.map(|h| h.trim().to_string());
        cfg.routes = routes;
        cfg.fields = self.profile.fields.clone();
        if let Some(t) = self.request_timeout {
            cfg.request_timeout = t;
        }
        cfg.auth_hint.clone_from(&self.auth_hint);
        Ok(cfg)
    }
}

/// A token with a newline or other control character (a paste accident) cannot go into a
/// header; say so instead of failing every request with an opaque error.
fn check_header_value(token: &Secret) -> Result<()> {
    let t = token.expose();
    if t.trim().is_empty() || t.chars().any(|c| c.is_control() || !c.is_ascii()) {
        return Err(ConfigError::Invalid(format!(
            "the API token ({}) contains whitespace-only, control or non-ASCII characters \
             that cannot be sent in an HTTP header (a stray newline?)",
            token.mask()
        ))
        .into());
    }
    Ok(())
}

/// The profile's `routes.<name>` overrides, parsed once: an unknown name or a malformed route
/// is a configuration error naming the key, not an override silently never used.
fn route_overrides(profile: &Profile) -> Result<BTreeMap<RouteName, Route>> {
    profile
        .routes
        .iter()
        .map(|(name, spec)| {
            let invalid = |e: String| ConfigError::Invalid(format!("profile routes.{name}: {e}"));
            let route = name.parse::<RouteName>().map_err(invalid)?;
            Ok((route, Route::parse(spec).map_err(invalid)?))
        })
        .collect()
}

/// A missing base URL is a config error with the three ways to set it; one trailing `/` is
/// dropped because route paths start with `/`.
fn check_base_url(base: Option<String>, preset: &Preset) -> Result<String> {
    let Some(mut base) = base.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()) else {
        return Err(ConfigError::Missing {
            what: format!("the base URL for {} (its preset has no default)", preset.name),
            hint: "pass --base-url, set HOOKCTL_BASE_URL, or `hookctl config set base_url …`".into(),
        }
        .into());
    };
    match reqwest::Url::parse(&base) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
            if u.query().is_some() || u.fragment().is_some() {
                return Err(ConfigError::Invalid(format!(
                    "base URL '{base}' must not carry a query or fragment: route paths are appended to it"
                ))
                .into());
            }
        }
        _ => {
            return Err(ConfigError::Invalid(format!(
                "base URL '{base}' is not an http(s) URL (e.g. https://api.example.com)"
            ))
            .into())
        }
    }
    if base.ends_with('/') {
        base.pop();
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::PARTNER;

    #[test]
    fn base_url_checks() {
        assert_eq!(check_base_url(Some("http://h:1/api/".into()), &PARTNER).unwrap(), "http://h:1/api");
        assert_eq!(check_base_url(Some("https://h".into()), &PARTNER).unwrap(), "https://h");
        assert!(check_base_url(None, &PARTNER).is_err());
        assert!(check_base_url(Some("  ".into()), &PARTNER).is_err());
        assert!(check_base_url(Some("ftp://h".into()), &PARTNER).is_err());
        assert!(check_base_url(Some("not a url".into()), &PARTNER).is_err());
        assert!(check_base_url(Some("https://h/api?x=1".into()), &PARTNER).is_err());
    }

    #[test]
    fn tokens_that_cannot_be_headers_are_refused() {
        use crate::secret::Secret;
        assert!(check_header_value(&Secret::new("tok_abc")).is_ok());
        assert!(check_header_value(&Secret::new("tok_abc\n")).is_err());
        assert!(check_header_value(&Secret::new("  ")).is_err());
        assert!(check_header_value(&Secret::new("tök")).is_err());
    }
}
