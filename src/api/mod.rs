//! HTTP client for the provider APIs: auth, retries, error decoding.

use std::collections::BTreeMap;

pub mod client;
pub mod error;
pub mod retry;

pub use client::{list_items, Client, ClientConfig};
pub use error::ApiError;

use crate::config::ConfigError;
use crate::providers::{self, Preset, Route, PRESET_NAMES};
use crate::settings::ApiSettings;
use crate::{Ctx, Error, Result};

impl Ctx {
    /// The API client, built on first use from the resolved settings.
    pub fn api(&self) -> Result<&Client> {
        if let Some(c) = self.api.get() {
            return Ok(c);
        }
        let settings = self.api_settings()?;
        let preset = self.api_preset_from(&settings)?;
        let routes = route_overrides(&settings)?;
        let base = settings.base_url.clone().or_else(|| preset.default_base_url.map(str::to_string));
        let base_url = check_base_url(base, preset)?;
        let token = settings.token.clone().ok_or_else(|| ConfigError::Missing {
            what: format!("an API token for {}", preset.name),
            hint: "set HOOKCTL_TOKEN, or `hookctl config set token …` (or pass --token)".into(),
        })?;
        check_header_value(&token)?;
        let auth_header = settings.profile.auth_header.clone().filter(|h| !h.trim().is_empty());
        if let Some(h) = &auth_header {
            if reqwest::header::HeaderName::from_bytes(h.trim().as_bytes()).is_err() {
                return Err(ConfigError::Invalid(format!(
                    "auth_header '{h}' is not a valid HTTP header name"
                ))
                .into());
            }
        }
        if let Some(name) = &settings.profile_name {
            self.printer.debug(&format!("profile '{name}', provider {}, base URL {base_url}", preset.name));
        }
        let cfg = ClientConfig {
            preset,
            base_url,
            token,
            auth_header: auth_header.map(|h| h.trim().to_string()),
            routes,
            fields: settings.profile.fields.clone(),
            request_timeout: self.env.http_timeout.unwrap_or(client::DEFAULT_REQUEST_TIMEOUT),
            connect_timeout: client::DEFAULT_CONNECT_TIMEOUT,
            retry: retry::RetryPolicy::default(),
        };
        let c = Client::new(cfg, self.printer.clone())?;
        Ok(self.api.get_or_init(|| c))
    }

    /// The preset in use, without needing a token or base URL, so "this provider cannot do
    /// that" is reported before "no token".
    pub fn api_preset(&self) -> Result<&'static Preset> {
        if let Some(c) = self.api.get() {
            return Ok(c.preset());
        }
        self.api_preset_from(&self.api_settings()?)
    }

    /// Fails with a usage error (exit 2) when the preset, after profile overrides, lacks one
    /// of `routes`.
    pub fn require_routes(&self, routes: &[&str]) -> Result<&'static Preset> {
        let settings = self.api_settings()?;
        let preset = self.api_preset_from(&settings)?;
        let overrides = route_overrides(&settings)?;
        for r in routes {
            client::resolve_route(preset, &overrides, r)?;
        }
        Ok(preset)
    }

    fn api_preset_from(&self, settings: &ApiSettings) -> Result<&'static Preset> {
        let Some(name) = settings.provider.as_deref() else {
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
            if self.global.provider.is_some() {
                Error::usage(message)
            } else {
                ConfigError::Invalid(message).into()
            }
        })
    }
}

/// A token with a newline or other control character (a paste accident) cannot go into a
/// header; say so instead of failing every request with an opaque error.
fn check_header_value(token: &crate::output::Secret) -> Result<()> {
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

fn route_overrides(settings: &ApiSettings) -> Result<BTreeMap<String, Route>> {
    settings
        .profile
        .routes
        .iter()
        .map(|(name, spec)| {
            Route::parse(spec)
                .map(|r| (name.clone(), r))
                .map_err(|e| ConfigError::Invalid(format!("profile routes.{name}: {e}")).into())
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
        use crate::output::Secret;
        assert!(check_header_value(&Secret::new("tok_abc")).is_ok());
        assert!(check_header_value(&Secret::new("tok_abc\n")).is_err());
        assert!(check_header_value(&Secret::new("  ")).is_err());
        assert!(check_header_value(&Secret::new("tök")).is_err());
    }
}
