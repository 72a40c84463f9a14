//! The config file: profiles in TOML at `dirs::config_dir()/hookctl/config.toml` (or
//! `HOOKCTL_CONFIG`), always written with mode 0600 because it holds tokens and secrets.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

/// Errors of configuration and credentials: exit 3.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write config file {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("config file {path} is not valid TOML: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("no profile named '{0}'")]
    NoSuchProfile(String),
    #[error("no config directory could be found for this user")]
    NoConfigDir,
    #[error("{what} is not set")]
    Missing { what: String, hint: String },
    /// Credentials that were refused (or not asked for) by a server, with what to do.
    #[error("{message}")]
    Refused { message: String, hint: String },
    #[error("{0}")]
    Invalid(String),
    /// A signing secret that no request could be verified or signed with: the sender is not
    /// to blame, so this is not "signature invalid".
    #[error("{which} cannot be used: {problem}")]
    BadSecret { which: String, problem: String },
}

impl ConfigError {
    pub fn hint(&self) -> Option<String> {
        match self {
            ConfigError::NoSuchProfile(_) => Some("run `hookctl config list` to see the profiles".into()),
            ConfigError::NoConfigDir => Some("set HOOKCTL_CONFIG to the path of a config file".into()),
            ConfigError::Missing { hint, .. } | ConfigError::Refused { hint, .. } => Some(hint.clone()),
            ConfigError::Parse { .. } => Some("fix the file or run `hookctl config init --force`".into()),
            ConfigError::BadSecret { .. } => {
                Some("secrets are used exactly as given; copy it again from the provider's dashboard".into())
            }
            _ => None,
        }
    }
}

/// The whole file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ConfigFile {
    /// The profile used when neither `--profile` nor `HOOKCTL_PROFILE` names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub profiles: BTreeMap<String, Profile>,
    /// Keys we do not know: kept and reported as a warning, never a crash.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, toml::Value>,
}

/// One named set of settings. Every field is optional: unset falls back to the preset.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Profile {
    /// Provider preset: partner (debitura), closient, xpath, personio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// API token or key.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::secret::in_file::option")]
    pub token: Option<Secret>,
    /// Webhook signing secrets for listen/verify; several for rotation.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        alias = "secret",
        with = "crate::secret::in_file::vec"
    )]
    pub secrets: Vec<Secret>,
    /// Header that carries the token instead of the preset's (e.g. `XApiKey`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_header: Option<String>,
    /// Route overrides, `name = "METHOD /path/{id}"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub routes: BTreeMap<String, String>,
    /// Event-log field names, e.g. `status = "deliveryState"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    #[serde(flatten)]
    pub unknown: BTreeMap<String, toml::Value>,
}

/// Keys `config set` accepts, with whether they are secret.
pub const PROFILE_KEYS: &[(&str, bool)] = &[
    ("provider", false),
    ("base_url", false),
    ("token", true),
    ("secret", true),
    ("auth_header", false),
    ("routes.<name>", false),
    ("fields.<name>", false),
];

impl Profile {
    /// Sets one key as `config set` does. `secret` appends (rotation keeps the old one).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let opt = |v: &str| if v.is_empty() { None } else { Some(v.to_string()) };
        match key {
            "provider" => self.provider = opt(value),
            "base_url" | "base-url" => {
                // Checked here too: a bad URL used to be stored and only fail at the next API call.
                let ok = value.is_empty()
                    || reqwest::Url::parse(value)
                        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
                if !ok {
                    return Err(ConfigError::Invalid(format!(
                        "base URL '{value}' is not an http(s) URL (e.g. https://api.example.com)"
                    )));
                }
                self.base_url = opt(value)
            }
            "token" => self.token = opt(value).map(Secret::new),
            "secret" | "secrets" => {
                if value.is_empty() {
                    self.secrets.clear();
                } else if !self.secrets.iter().any(|s| s.expose() == value) {
                    self.secrets.push(Secret::new(value));
                }
            }
            "auth_header" | "auth-header" => self.auth_header = opt(value),
            _ => {
                if let Some(name) = key.strip_prefix("routes.") {
                    // Checked here too, so a misspelt route is refused when it is set, not
                    // at the next API call.
                    let invalid = |e: String| ConfigError::Invalid(format!("{key}: {e}"));
                    name.parse::<crate::providers::RouteName>().map_err(invalid)?;
                    if !value.is_empty() {
                        crate::providers::Route::parse(value).map_err(invalid)?;
                    }
                    set_map(&mut self.routes, name, value);
                } else if let Some(name) = key.strip_prefix("fields.") {
                    set_map(&mut self.fields, name, value);
                } else {
                    let keys: Vec<&str> = PROFILE_KEYS.iter().map(|(k, _)| *k).collect();
                    return Err(ConfigError::Invalid(format!(
                        "unknown key '{key}' (known: {})",
                        keys.join(", ")
                    )));
                }
            }
        }
        Ok(())
    }
}

fn set_map(map: &mut BTreeMap<String, String>, name: &str, value: &str) {
    if value.is_empty() {
        map.remove(name);
    } else {
        map.insert(name.to_string(), value.to_string());
    }
}

/// Where the config file lives: `HOOKCTL_CONFIG`, else the platform config dir.
pub fn default_path(env_override: Option<&Path>) -> Result<PathBuf, ConfigError> {
    if let Some(p) = env_override {
        return Ok(p.to_path_buf());
    }
    dirs::config_dir().map(|d| d.join("hookctl").join("config.toml")).ok_or(ConfigError::NoConfigDir)
}

impl ConfigFile {
    /// Loads the file; a missing file is an empty config.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ConfigFile::default()),
            Err(source) => return Err(ConfigError::Read { path: path.to_path_buf(), source }),
        };
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            // toml's messages span lines; the error must stay one line.
            message: e
                .message()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
        })
    }

    /// Unknown keys, as `profiles.x.foo`, for a warning.
    pub fn unknown_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.unknown.keys().cloned().collect();
        for (name, p) in &self.profiles {
            keys.extend(p.unknown.keys().map(|k| format!("profiles.{name}.{k}")));
        }
        keys
    }

    /// Writes the file atomically with mode 0600 (a temp file beside it, then rename).
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let werr = |source| ConfigError::Write { path: path.to_path_buf(), source };
        let text = toml::to_string_pretty(self).map_err(|e| ConfigError::Invalid(e.to_string()))?;
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(werr)?;
            }
        }
        let tmp = path.with_extension(format!("toml.tmp{}", std::process::id()));
        write_private(&tmp, text.as_bytes()).map_err(werr)?;
        std::fs::rename(&tmp, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            werr(e)
        })
    }

    /// The profile to use: explicit name, else `current`, else `default` if it exists.
    pub fn select(&self, name: Option<&str>) -> Result<Option<(&str, &Profile)>, ConfigError> {
        match name.or(self.current.as_deref()) {
            Some(n) => match self.profiles.get_key_value(n) {
                Some((k, p)) => Ok(Some((k.as_str(), p))),
                None if name.is_some() => Err(ConfigError::NoSuchProfile(n.to_string())),
                // A stale `current` is not fatal: behave as if no profile were chosen.
                None => Ok(None),
            },
            None => Ok(self.profiles.get_key_value("default").map(|(k, p)| (k.as_str(), p))),
        }
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    // The mode above applies only on creation; enforce it for a leftover temp file too.
    f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_profiles_and_unknown_keys() {
        let text = r#"
current = "ci"
future_flag = true
[profiles.ci]
provider = "partner"
base_url = "https://api.example.test"
token = "tok_123"
secret = ["whsec_a"]
colour = "pink"
[profiles.ci.routes]
fire = "POST /v2/fire"
"#;
        let cfg: ConfigFile = toml::from_str(text).unwrap();
        let (name, p) = cfg.select(None).unwrap().unwrap();
        assert_eq!(name, "ci");
        assert_eq!(p.secrets, vec![Secret::new("whsec_a")]);
        assert_eq!(p.token, Some(Secret::new("tok_123")));
        assert_eq!(p.routes["fire"], "POST /v2/fire");
        assert_eq!(cfg.unknown_keys(), vec!["future_flag", "profiles.ci.colour"]);
        let written = toml::to_string_pretty(&cfg).unwrap();
        assert!(written.contains("tok_123") && written.contains("whsec_a"), "the file keeps the real values");
        let again: ConfigFile = toml::from_str(&written).unwrap();
        assert_eq!(again, cfg);
    }

    #[test]
    fn debug_of_a_profile_or_the_settings_never_shows_a_secret() {
        // Issue 9 defect 7: Profile derived Debug with the token as a plain String.
        let token = "tok_live_0123456789abcdefSECRET";
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let mut p = Profile::default();
        p.set("token", token).unwrap();
        p.set("secret", secret).unwrap();
        let cfg = ConfigFile { profiles: [("ci".to_string(), p.clone())].into(), ..Default::default() };
        let env = crate::settings::Env {
            token: Some(Secret::new(token)),
            secret: Some(Secret::new(secret)),
            ..Default::default()
        };
        let settings = crate::settings::Settings::resolve(Default::default(), env);
        let api =
            crate::settings::ApiSettings { token: p.token.clone(), profile: p.clone(), ..Default::default() };
        for shown in [
            format!("{p:?}"),
            format!("{p:#?}"),
            format!("{cfg:?}"),
            format!("{settings:?}"),
            format!("{api:?}"),
        ] {
            assert!(!shown.contains("0123456789abcdefSECRET"), "{shown}");
            assert!(!shown.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "{shown}");
        }
    }

    #[test]
    fn explicit_missing_profile_is_an_error_stale_current_is_not() {
        let cfg = ConfigFile { current: Some("gone".into()), ..Default::default() };
        assert!(cfg.select(None).unwrap().is_none());
        assert!(matches!(cfg.select(Some("x")), Err(ConfigError::NoSuchProfile(_))));
    }

    #[test]
    fn set_rejects_unknown_keys_and_appends_secrets() {
        let mut p = Profile::default();
        p.set("secret", "a").unwrap();
        p.set("secret", "b").unwrap();
        p.set("secret", "a").unwrap();
        assert_eq!(p.secrets, vec![Secret::new("a"), Secret::new("b")]);
        p.set("fields.status", "state").unwrap();
        assert_eq!(p.fields["status"], "state");
        assert!(p.set("nope", "x").is_err());
    }
}
