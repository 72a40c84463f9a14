//! Settings resolved once: command-line flags > environment > profile > preset default.
//! Commands never read the environment themselves; they ask the [`Ctx`].

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::cli::GlobalOpts;
use crate::config::{self, ConfigError, ConfigFile, Profile};
use crate::output::color::ColorEnv;
use crate::output::{Printer, Secret};
use crate::Result;

/// The `HOOKCTL_*` variables, read once at start-up.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub profile: Option<String>,
    pub provider: Option<String>,
    pub base_url: Option<String>,
    pub token: Option<Secret>,
    pub secret: Option<Secret>,
    pub config: Option<PathBuf>,
    pub color: ColorEnv,
    /// `HOOKCTL_HTTP_TIMEOUT` (a duration flag's format, e.g. `2s`, at most 24h): per-request timeout of the API client.
    /// Hidden knob for tests and slow links; an unparsable value is ignored.
    pub http_timeout: Option<std::time::Duration>,
}

impl Env {
    pub fn from_process() -> Self {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Env {
            profile: var("HOOKCTL_PROFILE"),
            provider: var("HOOKCTL_PROVIDER"),
            base_url: var("HOOKCTL_BASE_URL"),
            token: var("HOOKCTL_TOKEN").map(Secret::new),
            secret: var("HOOKCTL_SECRET").map(Secret::new),
            config: std::env::var_os("HOOKCTL_CONFIG").filter(|v| !v.is_empty()).map(PathBuf::from),
            color: ColorEnv::from_env(),
            http_timeout: var("HOOKCTL_HTTP_TIMEOUT").and_then(|v| crate::cli::duration::parse(&v).ok()),
        }
    }
}

/// Provider connection settings after precedence; the API client turns these into requests.
#[derive(Debug, Clone, Default)]
pub struct ApiSettings {
    pub provider: Option<String>,
    pub base_url: Option<String>,
    pub token: Option<Secret>,
    /// The selected profile's overrides (routes, fields, auth header), or an empty profile.
    pub profile: Profile,
    pub profile_name: Option<String>,
}

/// Everything a command needs: the global flags, the environment, the printer, and the config
/// file loaded lazily, so a broken config never breaks `sign`, `verify` or `completions`.
pub struct Ctx {
    pub global: GlobalOpts,
    pub env: Env,
    pub printer: Printer,
    config: OnceLock<ConfigFile>,
    pub(crate) api: OnceLock<crate::api::Client>,
}

impl Ctx {
    pub fn new(global: GlobalOpts) -> Self {
        Self::with_env(global, Env::from_process())
    }

    pub fn with_env(global: GlobalOpts, env: Env) -> Self {
        let printer = Printer::new(global.format(), global.color, &env.color, global.quiet, global.verbose);
        if global.token.is_some() {
            printer.hint("--token ends up in shell history and process lists; prefer HOOKCTL_TOKEN");
        }
        Ctx { global, env, printer, config: OnceLock::new(), api: OnceLock::new() }
    }

    pub fn config_path(&self) -> Result<PathBuf> {
        Ok(config::default_path(self.env.config.as_deref())?)
    }

    /// The config file, loaded on first use (missing file = empty config).
    pub fn config(&self) -> Result<&ConfigFile> {
        if let Some(c) = self.config.get() {
            return Ok(c);
        }
        let loaded = ConfigFile::load(&self.config_path()?)?;
        for key in loaded.unknown_keys() {
            self.printer.warn(&format!("unknown config key '{key}' ignored"));
        }
        Ok(self.config.get_or_init(|| loaded))
    }

    /// The profile name asked for on the command line or in the environment.
    pub fn requested_profile(&self) -> Option<&str> {
        self.global.profile.as_deref().or(self.env.profile.as_deref())
    }

    /// The profile in use: `--profile` > `HOOKCTL_PROFILE` > `current` > `default`.
    pub fn profile(&self) -> Result<Option<(&str, &Profile)>> {
        Ok(self.config()?.select(self.requested_profile())?)
    }

    /// Webhook signing secrets: `--secret` flags > `HOOKCTL_SECRET` > profile. The config file
    /// is read only when neither flag nor environment gives one.
    pub fn signing_secrets(&self, flags: &[String]) -> Result<Vec<Secret>> {
        if !flags.is_empty() {
            return Ok(flags.iter().map(|s| Secret::new(s.clone())).collect());
        }
        if let Some(s) = &self.env.secret {
            return Ok(vec![s.clone()]);
        }
        Ok(self
            .profile()?
            .map(|(_, p)| p.secrets.iter().map(|s| Secret::new(s.clone())).collect())
            .unwrap_or_default())
    }

    /// Like [`Ctx::signing_secrets`] but at least one is required.
    pub fn require_secret(&self, flags: &[String]) -> Result<Vec<Secret>> {
        let secrets = self.signing_secrets(flags)?;
        if secrets.is_empty() {
            return Err(ConfigError::Missing {
                what: "a signing secret".into(),
                hint: "pass --secret, set HOOKCTL_SECRET, or `hookctl config set secret …`".into(),
            }
            .into());
        }
        Ok(secrets)
    }

    /// Provider settings after precedence (flag > env > profile); the preset default for
    /// whatever is still unset is applied by the API client.
    pub fn api_settings(&self) -> Result<ApiSettings> {
        let (profile_name, profile) = match self.profile()? {
            Some((n, p)) => (Some(n.to_string()), p.clone()),
            None => (None, Profile::default()),
        };
        let pick = |flag: &Option<String>, env: &Option<String>, prof: &Option<String>| {
            flag.clone().or_else(|| env.clone()).or_else(|| prof.clone())
        };
        Ok(ApiSettings {
            provider: pick(&self.global.provider, &self.env.provider, &profile.provider),
            base_url: pick(&self.global.base_url, &self.env.base_url, &profile.base_url),
            token: self
                .global
                .token
                .clone()
                .map(Secret::new)
                .or_else(|| self.env.token.clone())
                .or_else(|| profile.token.clone().map(Secret::new)),
            profile,
            profile_name,
        })
    }
}
