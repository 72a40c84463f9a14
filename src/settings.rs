//! Settings resolved once: command-line flags > environment > profile > preset default.
//! Commands never read the environment or clap's types; they ask the [`Ctx`].

mod provider;

pub(crate) use provider::ApiSettings;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use crate::api::Client;
use crate::config::{self, ConfigError, ConfigFile, Profile};
use crate::output::color::ColorEnv;
use crate::output::{ColorChoice, Format, Printer};
use crate::providers::Preset;
use crate::secret::Secret;
use crate::wait::{EventLog, LogFilter, LogKind, LogQuery};
use crate::Result;

/// The `HOOKCTL_*` variables, read once at start-up.
#[derive(Debug, Clone, Default)]
pub(crate) struct Env {
    pub profile: Option<String>,
    pub provider: Option<String>,
    pub base_url: Option<String>,
    pub token: Option<Secret>,
    /// `HOOKCTL_SANDBOX`: the URL of a running sandbox to talk to instead of the provider.
    pub sandbox: Option<String>,
    /// `HOOKCTL_SANDBOX_TOKEN`: the sandbox's token (`HOOKCTL_TOKEN` belongs to the real provider).
    pub sandbox_token: Option<Secret>,
    pub secret: Option<Secret>,
    /// `HOOKCTL_TUNNEL_SECRET`: the bore server's secret for `listen --tunnel`. Read here, not
    /// by clap: a variable set for the tunnel must not make a `listen` without one a usage error.
    pub tunnel_secret: Option<Secret>,
    pub config: Option<PathBuf>,
    pub color: ColorEnv,
    /// `HOOKCTL_HTTP_TIMEOUT` (a duration flag's format, e.g. `2s`, at most 24h): per-request
    /// timeout of the API client. An unreadable value is kept as its error, reported (exit 2)
    /// by the commands that would use it.
    pub http_timeout: Option<std::result::Result<Duration, String>>,
    /// Variables that are set but not UTF-8: ignored, and said so (not "is not set").
    pub not_unicode: Vec<&'static str>,
}

impl Env {
    pub fn from_process() -> Self {
        let not_unicode = std::cell::RefCell::new(Vec::new());
        let var = |k: &'static str| match std::env::var(k) {
            Ok(v) => Some(v).filter(|v| !v.is_empty()),
            Err(std::env::VarError::NotUnicode(_)) => {
                not_unicode.borrow_mut().push(k);
                None
            }
            Err(std::env::VarError::NotPresent) => None,
        };
        let mut env = Env {
            profile: var("HOOKCTL_PROFILE"),
            provider: var("HOOKCTL_PROVIDER"),
            base_url: var("HOOKCTL_BASE_URL"),
            token: var("HOOKCTL_TOKEN").map(Secret::new),
            sandbox: var("HOOKCTL_SANDBOX"),
            sandbox_token: var("HOOKCTL_SANDBOX_TOKEN").map(Secret::new),
            secret: var("HOOKCTL_SECRET").map(Secret::new),
            tunnel_secret: var("HOOKCTL_TUNNEL_SECRET").map(Secret::new),
            config: std::env::var_os("HOOKCTL_CONFIG").filter(|v| !v.is_empty()).map(PathBuf::from),
            color: ColorEnv::from_env(),
            http_timeout: var("HOOKCTL_HTTP_TIMEOUT").map(|v| crate::duration::parse(&v)),
            not_unicode: Vec::new(),
        };
        env.not_unicode = not_unicode.into_inner();
        env
    }
}

/// What the command line said, as plain values (the `cli` module builds this from clap's
/// types, tests build it directly).
#[derive(Debug, Clone, Default)]
pub(crate) struct Flags {
    pub format: Format,
    pub color: ColorChoice,
    pub quiet: bool,
    pub verbose: u8,
    pub profile: Option<String>,
    pub provider: Option<String>,
    pub base_url: Option<String>,
    pub token: Option<Secret>,
    /// `--sandbox [URL]`.
    pub sandbox: Option<String>,
    /// `--request-timeout` of the provider commands.
    pub request_timeout: Option<Duration>,
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Flag,
    Env,
}

/// A value with its origin, so `config init` can store flags only and errors can blame the
/// right place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T: Clone> Sourced<T> {
    /// The flag if given, else the environment.
    fn pick(flag: &Option<T>, env: &Option<T>) -> Option<Sourced<T>> {
        match (flag, env) {
            (Some(v), _) => Some(Sourced { value: v.clone(), source: Source::Flag }),
            (None, Some(v)) => Some(Sourced { value: v.clone(), source: Source::Env }),
            (None, None) => None,
        }
    }

    /// The value only when it came from a flag.
    pub fn flag(this: &Option<Sourced<T>>) -> Option<&T> {
        this.as_ref().filter(|s| s.source == Source::Flag).map(|s| &s.value)
    }
}

/// Everything resolved from the command line and the environment. The profile layer is
/// applied on demand by [`Ctx`], because the config file is read only by commands that need it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Settings {
    pub format: Format,
    pub color: ColorChoice,
    pub color_env: ColorEnv,
    pub quiet: bool,
    pub verbose: u8,
    pub profile: Option<Sourced<String>>,
    pub provider: Option<Sourced<String>>,
    pub base_url: Option<Sourced<String>>,
    pub token: Option<Sourced<Secret>>,
    /// A running sandbox to talk to instead of the provider (`--sandbox`, `HOOKCTL_SANDBOX`).
    pub sandbox: Option<Sourced<String>>,
    /// `HOOKCTL_SANDBOX_TOKEN`.
    pub sandbox_token: Option<Secret>,
    /// `HOOKCTL_SECRET`: the webhook signing secret when no `--secret` is given.
    pub secret: Option<Secret>,
    /// `HOOKCTL_TUNNEL_SECRET`: the bore secret when no `--tunnel-secret` is given.
    pub tunnel_secret: Option<Secret>,
    /// `HOOKCTL_CONFIG`: the config file instead of the default path.
    pub config_path: Option<PathBuf>,
    /// `--request-timeout`, else `HOOKCTL_HTTP_TIMEOUT` (see [`Settings::request_timeout`]).
    pub request_timeout: Option<Duration>,
    pub http_timeout: Option<std::result::Result<Duration, String>>,
}

impl Settings {
    /// The sandbox to talk to, when it wins over the base URL: flag > environment > profile
    /// between `--sandbox`/`HOOKCTL_SANDBOX` and `--base-url`/`HOOKCTL_BASE_URL`/the profile's
    /// base URL (which always loses to a sandbox, being the lowest layer). Both from the same
    /// layer is a contradiction (usage error), never a silent pick.
    pub fn sandbox_target(&self) -> Result<Option<&Sourced<String>>> {
        let Some(sandbox) = &self.sandbox else { return Ok(None) };
        match (sandbox.source, self.base_url.as_ref().map(|b| b.source)) {
            (Source::Flag, Some(Source::Flag)) => {
                Err(crate::Error::usage("--sandbox and --base-url contradict each other; pass one of them"))
            }
            (Source::Env, Some(Source::Env)) => Err(crate::Error::usage_hint(
                "HOOKCTL_SANDBOX and HOOKCTL_BASE_URL are both set and contradict each other",
                "unset one of them, or pick on the command line with --sandbox or --base-url",
            )),
            (Source::Env, Some(Source::Flag)) => Ok(None),
            _ => Ok(Some(sandbox)),
        }
    }

    /// Flag > environment for every value; the profile comes later (see [`Ctx::api_settings`]).
    pub fn resolve(flags: Flags, env: Env) -> Settings {
        // `--sandbox` without a URL: the sandbox HOOKCTL_SANDBOX names (`sandbox -- CMD` sets
        // it to its free port), else the default address.
        let sandbox_flag = match flags.sandbox.as_deref() {
            Some("") => {
                Some(env.sandbox.clone().unwrap_or_else(|| crate::providers::sandbox::DEFAULT_URL.into()))
            }
            _ => flags.sandbox.clone(),
        };
        Settings {
            format: flags.format,
            color: flags.color,
            color_env: env.color,
            quiet: flags.quiet,
            verbose: flags.verbose,
            profile: Sourced::pick(&flags.profile, &env.profile),
            provider: Sourced::pick(&flags.provider, &env.provider),
            base_url: Sourced::pick(&flags.base_url, &env.base_url),
            token: Sourced::pick(&flags.token, &env.token),
            sandbox: Sourced::pick(&sandbox_flag, &env.sandbox),
            sandbox_token: env.sandbox_token,
            secret: env.secret,
            tunnel_secret: env.tunnel_secret,
            config_path: env.config,
            request_timeout: flags.request_timeout,
            http_timeout: env.http_timeout,
        }
    }

    /// The API client's per-request timeout: `--request-timeout` > `HOOKCTL_HTTP_TIMEOUT` >
    /// the default. A variable that cannot be read is a usage error, never silently ignored.
    pub fn request_timeout(&self) -> Result<Option<Duration>> {
        let (value, name) = match (self.request_timeout, &self.http_timeout) {
            (Some(t), _) => (t, "--request-timeout"),
            (None, Some(Ok(t))) => (*t, "HOOKCTL_HTTP_TIMEOUT"),
            (None, Some(Err(e))) => {
                return Err(crate::Error::usage_hint(
                    format!("HOOKCTL_HTTP_TIMEOUT {e}"),
                    "write it like 30s, 2m or 500ms (at most 24h), or unset it",
                ))
            }
            (None, None) => return Ok(None),
        };
        if value.is_zero() {
            return Err(crate::Error::usage(format!("{name} must be longer than 0s")));
        }
        Ok(Some(value))
    }
}

/// Everything a command needs: the resolved settings, the printer, and the config file and
/// API client built lazily, so a broken config never breaks `sign`, `verify` or `completions`.
pub(crate) struct Ctx {
    pub settings: Settings,
    pub printer: Printer,
    config: OnceLock<ConfigFile>,
    api: OnceLock<Client>,
}

impl Ctx {
    pub fn new(settings: Settings) -> Self {
        let s = &settings;
        let printer = Printer::new(s.format, s.color, &s.color_env, s.quiet, s.verbose);
        if Sourced::flag(&s.token).is_some() {
            let var = if matches!(s.sandbox_target(), Ok(Some(_))) {
                "HOOKCTL_SANDBOX_TOKEN"
            } else {
                "HOOKCTL_TOKEN"
            };
            printer.hint(&format!("--token ends up in shell history and process lists; prefer {var}"));
        }
        Ctx { settings, printer, config: OnceLock::new(), api: OnceLock::new() }
    }

    pub fn config_path(&self) -> Result<PathBuf> {
        Ok(config::default_path(self.settings.config_path.as_deref())?)
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
        self.settings.profile.as_ref().map(|p| p.value.as_str())
    }

    /// The profile in use: `--profile` > `HOOKCTL_PROFILE` > `current` > `default`.
    pub fn profile(&self) -> Result<Option<(&str, &Profile)>> {
        Ok(self.config()?.select(self.requested_profile())?)
    }

    /// Webhook signing secrets: `--secret` flags > `HOOKCTL_SECRET` > profile. The config file
    /// is read only when neither flag nor environment gives one.
    pub fn signing_secrets(&self, flags: &[Secret]) -> Result<Vec<Secret>> {
        if !flags.is_empty() {
            return Ok(flags.to_vec());
        }
        if let Some(s) = &self.settings.secret {
            return Ok(vec![s.clone()]);
        }
        Ok(self.profile()?.map(|(_, p)| p.secrets.clone()).unwrap_or_default())
    }

    /// Like [`Ctx::signing_secrets`] but at least one is required.
    pub fn require_secret(&self, flags: &[Secret]) -> Result<Vec<Secret>> {
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
    /// whatever is still unset is applied by [`ApiSettings::client_config`].
    pub fn api_settings(&self) -> Result<ApiSettings> {
        let (profile_name, profile) = match self.profile()? {
            Some((n, p)) => (Some(n.to_string()), p.clone()),
            None => (None, Profile::default()),
        };
        let s = &self.settings;
        let value = |v: &Option<Sourced<String>>| v.as_ref().map(|v| v.value.clone());
        let mut api = ApiSettings {
            provider: value(&s.provider).or_else(|| profile.provider.clone()),
            provider_from_flag: Sourced::flag(&s.provider).is_some(),
            base_url: value(&s.base_url).or_else(|| profile.base_url.clone()),
            token: s.token.as_ref().map(|t| t.value.clone()).or_else(|| profile.token.clone()),
            profile,
            profile_name,
            request_timeout: s.request_timeout()?,
            auth_hint: None,
            sandbox: false,
        };
        match s.sandbox_target()? {
            Some(sandbox) => self.point_at_sandbox(&mut api, sandbox)?,
            None => {
                api.auth_hint = Some(
                    match (&s.token, &api.profile_name) {
                        (Some(t), _) if t.source == Source::Flag => "check the token given with --token",
                        (Some(_), _) => "check the token in HOOKCTL_TOKEN",
                        (None, Some(_)) => {
                            "check the profile's token (`hookctl config set token …`), or set HOOKCTL_TOKEN"
                        }
                        (None, None) => "check the token (HOOKCTL_TOKEN or `hookctl config set token …`)",
                    }
                    .to_string(),
                );
            }
        }
        Ok(api)
    }

    /// `--sandbox URL`: the provider's dialect of a running sandbox (`URL/<provider>`), with
    /// `--token`, else `HOOKCTL_SANDBOX_TOKEN`, else the sandbox's default token. The
    /// environment's and the profile's base URL and token belong to the real provider, so they
    /// are not used.
    fn point_at_sandbox(&self, api: &mut ApiSettings, sandbox: &Sourced<String>) -> Result<()> {
        let s = &self.settings;
        let url = sandbox.value.trim().trim_end_matches('/');
        if !url.starts_with("http://") && !url.starts_with("https://") {
            return Err(crate::Error::usage(format!(
                "--sandbox '{url}' is not an http(s) URL (e.g. {})",
                crate::providers::sandbox::DEFAULT_URL
            )));
        }
        // An unknown or missing provider is reported by the preset lookup as usual.
        if let Some(preset) = api.provider.as_deref().and_then(crate::providers::preset) {
            api.base_url = Some(format!("{url}/{}", preset.name));
        }
        let (token, hint) = match (Sourced::flag(&s.token), &s.sandbox_token) {
            (Some(t), _) => {
                (t.clone(), "check --token: it must be the sandbox's (`hookctl sandbox --token`)")
            }
            (None, Some(t)) => (
                t.clone(),
                "check HOOKCTL_SANDBOX_TOKEN: it must be the sandbox's (`hookctl sandbox --token`)",
            ),
            (None, None) => (
                Secret::new(crate::providers::sandbox::TOKEN),
                "this sandbox was started with its own --token: set HOOKCTL_SANDBOX_TOKEN to it",
            ),
        };
        api.token = Some(token);
        api.auth_hint = Some(hint.to_string());
        api.sandbox = true;
        Ok(())
    }

    /// The options a printed command needs to reach the same API as this one, so a hint
    /// works when pasted: ` --provider P`, then ` --sandbox URL` or a base URL given on the
    /// command line, and ` --profile NAME` when one was named. Empty for commands without a
    /// provider.
    pub fn command_context(&self) -> String {
        let Ok(api) = self.api_settings() else { return String::new() };
        let mut out = String::new();
        if let Some(p) = api.provider.as_deref().and_then(crate::providers::preset) {
            out.push_str(&format!(" --provider {}", p.name));
        }
        if let Some(sb) = self.sandbox() {
            out.push_str(&format!(" --sandbox {}", crate::secret::redact_url(sb)));
        } else if let Some(b) = Sourced::flag(&self.settings.base_url) {
            out.push_str(&format!(" --base-url {}", crate::secret::redact_url(b)));
        }
        if let Some(p) = self.requested_profile() {
            out.push_str(&format!(" --profile {p}"));
        }
        out
    }

    /// The sandbox in use, when it wins over a base URL (see [`Settings::sandbox_target`]).
    pub fn sandbox(&self) -> Option<&str> {
        self.settings.sandbox_target().ok().flatten().map(|s| s.value.as_str())
    }

    /// The API client, built on first use from the resolved settings.
    pub fn api(&self) -> Result<&Client> {
        if let Some(c) = self.api.get() {
            return Ok(c);
        }
        let settings = self.api_settings()?;
        let cfg = settings.client_config()?;
        if let Some(name) = &settings.profile_name {
            self.printer
                .debug(&format!("profile '{name}', provider {}, base URL {}", cfg.preset.name, cfg.base_url));
        }
        let c = Client::new(cfg, self.printer.clone())?;
        Ok(self.api.get_or_init(|| c))
    }

    /// The preset in use, without needing a token or base URL, so "this provider cannot do
    /// that" is reported before "no token".
    pub fn api_preset(&self) -> Result<&'static Preset> {
        if let Some(c) = self.api.get() {
            return Ok(c.preset());
        }
        Ok(self.api_settings()?.preset()?)
    }

    /// Fails with a usage error (exit 2) when the preset, after profile overrides, lacks one
    /// of `routes`.
    pub fn require_routes(&self, routes: &[crate::providers::RouteName]) -> Result<&'static Preset> {
        Ok(self.api_settings()?.require_routes(routes)?)
    }

    /// Which log the preset offers (`need_get`: and reads single rows), known without a token.
    pub fn log_kind(&self, need_get: bool) -> Result<LogKind> {
        LogKind::of(&self.api_settings()?, need_get)
    }

    /// The provider's event log read with `filter`: the filter is checked against the log
    /// before credentials are needed, then read through the API client.
    pub fn event_log(&self, filter: &LogFilter) -> Result<EventLog<'_>> {
        let settings = self.api_settings()?;
        let query = LogQuery::new(LogKind::of(&settings, false)?, filter, settings.preset()?)?;
        EventLog::new(self.api()?, query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment_and_remembers_where_it_came_from() {
        let flags = Flags { provider: Some("closient".into()), ..Flags::default() };
        let env = Env {
            provider: Some("partner".into()),
            base_url: Some("http://env".into()),
            token: Some(Secret::new("tok_env")),
            ..Env::default()
        };
        let s = Settings::resolve(flags, env);
        assert_eq!(s.provider, Some(Sourced { value: "closient".into(), source: Source::Flag }));
        assert_eq!(s.base_url.as_ref().map(|b| b.source), Some(Source::Env));
        assert_eq!(Sourced::flag(&s.token), None);
    }

    #[test]
    fn an_api_client_needs_no_command_line() {
        let settings = ApiSettings {
            provider: Some("closient".into()),
            base_url: Some("http://127.0.0.1:9/closient/".into()),
            token: Some(Secret::new("tok_x")),
            ..ApiSettings::default()
        };
        let cfg = settings.client_config().unwrap();
        assert_eq!(cfg.base_url, "http://127.0.0.1:9/closient");
        assert_eq!(cfg.preset.name, "closient");
        let direct = crate::api::ClientConfig::new(cfg.preset, "http://127.0.0.1:9", Secret::new("t"));
        assert!(Client::new(
            direct,
            Printer::new(Format::Json, ColorChoice::Never, &ColorEnv::default(), true, 0)
        )
        .is_ok());
    }
}
