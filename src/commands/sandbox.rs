//! `hookctl sandbox`: flags → [`sandbox::Config`], then serve until Ctrl-C.

use crate::cli::sandbox::SandboxArgs;
use crate::config::ConfigError;
use crate::output::Printer;
use crate::sandbox::{self, Config};
use crate::sanitize::sanitize_line;
use crate::secret::Secret;
use crate::{Ctx, Error, Outcome, Result};
use std::path::PathBuf;

pub async fn exec(args: SandboxArgs, ctx: &Ctx) -> Result<Outcome> {
    let with_command = !args.command.is_empty();
    // With a command: a throw-away database unless one is named (removed when it ends).
    let mut scratch = None;
    let data_dir = match args.data_dir {
        Some(d) => d,
        None if with_command => {
            let dir = scratch_dir()?;
            scratch = Some(dir.clone());
            dir
        }
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
        port: args.port.unwrap_or(if with_command { 0 } else { crate::providers::sandbox::DEFAULT_PORT }),
        data_dir,
        token,
        lag: args.lag,
        fail_rate: args.fail_rate,
        retry_schedule: args.retry_schedule.0,
        seed_url: args.seed_url,
        // With a command, stdout is the command's.
        log_attempts: !with_command,
        header_timeout: args.header_timeout,
        body_timeout: args.body_timeout,
    };
    if !with_command {
        return sandbox::run(cfg, &ctx.printer).await;
    }
    let result = run_command(cfg, &args.command, &ctx.printer).await;
    if let Some(dir) = scratch {
        let _ = std::fs::remove_dir_all(dir);
    }
    result
}

/// `sandbox -- CMD`: start, run CMD with the sandbox in its environment, stop; CMD's exit code.
async fn run_command(cfg: Config, argv: &[std::ffi::OsString], printer: &Printer) -> Result<Outcome> {
    let sandbox = sandbox::start(cfg, printer.clone()).await?;
    let env = [
        ("HOOKCTL_SANDBOX", sandbox.url.clone()),
        ("HOOKCTL_SANDBOX_TOKEN", sandbox.token.expose().to_string()),
        ("HOOKCTL_SANDBOX_SECRET", crate::sandbox::seed::SECRET.to_string()),
    ];
    let started = crate::child::spawn(argv, &env);
    let code = match started {
        Ok(mut child) => {
            printer.info(&format!(
                "sandbox on {} (data {}) for: {}",
                sandbox.url,
                sandbox.data_dir.display(),
                sanitize_line(child.name())
            ));
            child.wait().await
        }
        Err(e) => Err(e),
    };
    sandbox.stop().await;
    Ok(Outcome::Command(code?))
}

/// A fresh private directory under the system's temporary directory.
fn scratch_dir() -> Result<PathBuf> {
    let base = std::env::temp_dir();
    for _ in 0..16 {
        let dir = base.join(format!("hookctl-sandbox-{}-{:08x}", std::process::id(), rand::random::<u32>()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        match builder.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io("cannot create a temporary data directory", e)),
        }
    }
    Err(Error::Internal("cannot find a free temporary directory name".into()))
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
