//! `hookctl config init | list | show | set | use`: profiles in the config file.

use serde_json::{json, Map, Value};

use crate::cli::config::{ConfigArgs, ConfigCommand, ConfigInitArgs};
use crate::config::{ConfigError, ConfigFile, Profile};
use crate::output::color::stdin_is_tty;
use crate::providers::PRESET_NAMES;
use crate::sanitize::sanitize;
use crate::secret::mask;
use crate::secret::Secret;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(args: ConfigArgs, ctx: &Ctx) -> Result<Outcome> {
    match args.command {
        ConfigCommand::Init(init_args) => init(init_args, ctx),
        ConfigCommand::List => list(ctx),
        ConfigCommand::Show { name } => show(name, ctx),
        ConfigCommand::Set { key, value } => set(&key, &value, ctx),
        ConfigCommand::Use { name } => use_profile(&name, ctx),
    }
}

fn init(args: ConfigInitArgs, ctx: &Ctx) -> Result<Outcome> {
    // A profile holds a real provider's settings; `--sandbox` was accepted and ignored here.
    if args.connection.sandbox.is_some() || args.connection.request_timeout.is_some() {
        return Err(Error::usage_hint(
            "config init stores a real provider's settings; --sandbox and --request-timeout are not kept in a profile",
            "a sandbox needs no profile: pass --sandbox (or set HOOKCTL_SANDBOX) on each command",
        ));
    }
    let path = ctx.config_path()?;
    let mut file = ctx.config()?.clone();
    let name = args
        .name
        .clone()
        .or_else(|| ctx.requested_profile().map(str::to_string))
        .unwrap_or_else(|| "default".into());
    if name.trim().is_empty() || name.chars().any(char::is_control) {
        return Err(Error::usage(format!(
            "'{}' cannot name a profile: it is empty or holds control characters",
            sanitize(&name)
        )));
    }
    let mut profile =
        if args.force { Profile::default() } else { file.profiles.get(&name).cloned().unwrap_or_default() };

    // Flags, else the HOOKCTL_* variables (so CI can create a profile from its secrets store).
    let s = &ctx.settings;
    let mut given = 0;
    let mut put = |key: &str, value: Option<&str>| -> Result<()> {
        if let Some(v) = value {
            profile.set(key, v).map_err(usage)?;
            // An empty value unsets (as in `config set`) but is nothing to save on its own.
            if !v.trim().is_empty() {
                given += 1;
            }
        }
        Ok(())
    };
    put("provider", s.provider.as_ref().map(|p| p.value.as_str()))?;
    put("base_url", s.base_url.as_ref().map(|u| u.value.as_str()))?;
    put("token", s.token.as_ref().map(|t| t.value.expose()))?;
    put("auth_header", args.auth_header.as_deref())?;
    if args.secrets.is_empty() {
        put("secret", s.secret.as_ref().map(|t| t.expose()))?;
    }
    for secret in &args.secrets {
        put("secret", Some(secret.expose()))?;
    }

    if !args.no_input && stdin_is_tty() && !ctx.printer.is_json() {
        prompt_missing(&mut profile)?;
        given += 1;
    }
    if given == 0 {
        return Err(Error::usage_hint(
            format!("nothing to save in profile '{name}': no provider, base URL, token or secret was given"),
            "pass --provider, --base-url, --token or --secret, or set HOOKCTL_PROVIDER, HOOKCTL_BASE_URL, \
             HOOKCTL_TOKEN or HOOKCTL_SECRET",
        ));
    }
    if let Some(p) = &profile.provider {
        check_provider(p)?;
    }

    file.profiles.insert(name.clone(), profile);
    if !args.no_use || file.current.is_none() {
        file.current = Some(name.clone());
    }
    file.save(&path)?;
    ctx.printer.emit(&json!({"profile": name, "path": path, "current": file.current}), |p| {
        p.success(&format!("profile '{name}' saved to {}", path.display()));
    });
    Ok(Outcome::Success)
}

fn prompt_missing(profile: &mut Profile) -> Result<()> {
    use dialoguer::{Input, Password, Select};
    let perr = |e: dialoguer::Error| Error::Internal(format!("prompt failed: {e}"));
    if profile.provider.is_none() {
        let choices = ["partner", "closient", "xpath", "personio"];
        let i = Select::new().with_prompt("Provider").items(&choices).default(0).interact().map_err(perr)?;
        profile.provider = Some(choices[i].to_string());
    }
    if profile.base_url.is_none() {
        let url: String = Input::new()
            .with_prompt("Base URL (empty: the preset's default)")
            .allow_empty(true)
            .interact_text()
            .map_err(perr)?;
        profile.base_url = Some(url).filter(|u| !u.is_empty());
    }
    if profile.token.is_none() {
        let token = Password::new()
            .with_prompt("API token (empty: none)")
            .allow_empty_password(true)
            .interact()
            .map_err(perr)?;
        profile.token = Some(token).filter(|t| !t.is_empty()).map(Secret::new);
    }
    if profile.secrets.is_empty() {
        let secret = Password::new()
            .with_prompt("Webhook signing secret (empty: none)")
            .allow_empty_password(true)
            .interact()
            .map_err(perr)?;
        if !secret.is_empty() {
            profile.secrets.push(Secret::new(secret));
        }
    }
    Ok(())
}

fn check_provider(name: &str) -> Result<()> {
    if PRESET_NAMES.contains(&name) {
        Ok(())
    } else {
        Err(Error::usage(format!("unknown provider '{name}' (known: {})", PRESET_NAMES.join(", "))))
    }
}

fn list(ctx: &Ctx) -> Result<Outcome> {
    let file = ctx.config()?;
    let current = file.select(ctx.requested_profile()).ok().flatten().map(|(n, _)| n.to_string());
    let rows: Vec<Value> = file
        .profiles
        .iter()
        .map(|(name, p)| {
            json!({
                "name": name,
                "current": current.as_deref() == Some(name.as_str()),
                "provider": p.provider,
                "base_url": p.base_url,
            })
        })
        .collect();
    ctx.printer.emit(&json!({ "profiles": rows }), |p| {
        if file.profiles.is_empty() {
            p.info("no profiles yet: run `hookctl config init`");
            return;
        }
        p.line(&p.dim(&format!("  {:<16} {:<10} {}", "NAME", "PROVIDER", "BASE URL")));
        for (name, prof) in &file.profiles {
            let marker = if current.as_deref() == Some(name.as_str()) { "*" } else { " " };
            p.line(&format!(
                "{marker} {:<16} {:<10} {}",
                sanitize(name),
                sanitize(prof.provider.as_deref().unwrap_or("-")),
                sanitize(prof.base_url.as_deref().unwrap_or("-"))
            ));
        }
    });
    Ok(Outcome::Success)
}

/// The profile as JSON with every secret masked.
fn masked(profile: &Profile) -> Value {
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_string(), v);
    };
    put("provider", json!(profile.provider));
    put("base_url", json!(profile.base_url));
    put("token", json!(profile.token.as_ref().map(Secret::mask)));
    put("secrets", json!(profile.secrets.iter().map(Secret::mask).collect::<Vec<_>>()));
    put("auth_header", json!(profile.auth_header));
    put("routes", json!(profile.routes));
    put("fields", json!(profile.fields));
    Value::Object(m)
}

fn show(name: Option<String>, ctx: &Ctx) -> Result<Outcome> {
    let file = ctx.config()?;
    let wanted = name.as_deref().or(ctx.requested_profile());
    let (name, profile) = match file.select(wanted)? {
        Some(found) => found,
        None => {
            return Err(ConfigError::Missing {
                what: "a profile".into(),
                hint: "run `hookctl config init` to create one".into(),
            }
            .into())
        }
    };
    let value = masked(profile);
    ctx.printer.emit(&json!({"name": name, "profile": value}), |p| {
        p.line(&format!("profile: {}", sanitize(name)));
        if let Value::Object(m) = &value {
            for (k, v) in m {
                let text = match v {
                    Value::Null => continue,
                    Value::String(s) => s.clone(),
                    Value::Array(a) if a.is_empty() => continue,
                    Value::Object(o) if o.is_empty() => continue,
                    other => other.to_string(),
                };
                p.line(&format!("  {k:<12} {}", sanitize(&text)));
            }
        }
    });
    Ok(Outcome::Success)
}

/// A key or value the user typed that the profile cannot take is a usage error (2); other
/// configuration errors keep their exit code.
fn usage(e: ConfigError) -> Error {
    match e {
        ConfigError::Invalid(message) => Error::usage_hint(
            message,
            "keys: provider, base_url, token, secret, auth_header, routes.NAME, fields.NAME",
        ),
        other => other.into(),
    }
}

fn target_profile(ctx: &Ctx, file: &ConfigFile) -> String {
    ctx.requested_profile()
        .map(str::to_string)
        .or_else(|| file.current.clone())
        .unwrap_or_else(|| "default".into())
}

fn set(key: &str, value: &str, ctx: &Ctx) -> Result<Outcome> {
    let path = ctx.config_path()?;
    let mut file = ctx.config()?.clone();
    let name = target_profile(ctx, &file);
    if key == "provider" && !value.is_empty() {
        check_provider(value)?;
    }
    file.profiles.entry(name.clone()).or_default().set(key, value).map_err(usage)?;
    if file.current.is_none() {
        file.current = Some(name.clone());
    }
    file.save(&path)?;
    let secret = matches!(key, "token" | "secret" | "secrets");
    let shown = if secret { mask(value) } else { value.to_string() };
    ctx.printer.emit(&json!({"profile": name, "key": key, "value": shown}), |p| {
        p.success(&format!("{}.{} = {}", sanitize(&name), sanitize(key), sanitize(&shown)));
    });
    Ok(Outcome::Success)
}

fn use_profile(name: &str, ctx: &Ctx) -> Result<Outcome> {
    let path = ctx.config_path()?;
    let mut file = ctx.config()?.clone();
    if !file.profiles.contains_key(name) {
        return Err(ConfigError::NoSuchProfile(name.to_string()).into());
    }
    file.current = Some(name.to_string());
    file.save(&path)?;
    ctx.printer
        .emit(&json!({"current": name}), |p| p.success(&format!("now using profile '{}'", sanitize(name))));
    Ok(Outcome::Success)
}
