//! `hookctl sandbox`: flags → [`sandbox::Config`], then serve until Ctrl-C.

use crate::cli::sandbox::SandboxArgs;
use crate::config::ConfigError;
use crate::output::Secret;
use crate::sandbox::{self, Config};
use crate::{Ctx, Error, Outcome, Result};

pub async fn exec(args: SandboxArgs, ctx: &Ctx) -> Result<Outcome> {
    let data_dir = match args.data_dir {
        Some(d) => d,
        None => default_data_dir()?,
    };
    if let Some(url) = &args.seed_url {
        let ok = reqwest::Url::parse(url)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
        if !ok {
            return Err(Error::usage(format!("--seed-url '{url}' is not an http(s) URL")));
        }
    }
    let token = match args.token.as_ref().map(|t| t.expose().trim()) {
        Some("") => return Err(Error::usage("--token must not be empty")),
        Some(t) if t.chars().any(|c| c.is_control() || c.is_whitespace() || !c.is_ascii()) => {
            return Err(Error::usage(
                "--token must be printable ASCII without spaces (it goes into a header)",
            ))
        }
        Some(t) => Secret::new(t),
        None => Secret::new(crate::providers::sandbox::TOKEN),
    };
    if args.header_timeout.is_zero() || args.body_timeout.is_zero() {
        return Err(Error::usage("--header-timeout and --body-timeout must be longer than 0s"));
    }
    let cfg = Config {
        host: args.host,
        port: args.port,
        data_dir,
        token,
        lag: args.lag,
        fail_rate: args.fail_rate,
        retry_schedule: args.retry_schedule.0,
        seed_url: args.seed_url,
        log_attempts: true,
        header_timeout: args.header_timeout,
        body_timeout: args.body_timeout,
    };
    sandbox::run(cfg, &ctx.printer).await
}

/// `dirs::data_dir()/hookctl/sandbox`.
pub(crate) fn default_data_dir() -> Result<std::path::PathBuf> {
    dirs::data_dir().map(|d| d.join("hookctl").join("sandbox")).ok_or_else(|| {
        ConfigError::Missing {
            what: "a data directory for the sandbox".into(),
            hint: "pass --data-dir DIR".into(),
        }
        .into()
    })
}
