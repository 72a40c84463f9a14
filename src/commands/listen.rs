//! `hookctl listen`: turns the flags into a [`listen::Config`] and runs the receiver.

use std::time::Duration;

use super::verify::{reject_empty_secrets, scheme_of};
use crate::cli::listen::ListenArgs;
use crate::listen::{self, forward::Route, Config, DisplayMode};
use crate::{Ctx, Error, Outcome, Result};

/// How long `--expect` waits when no `--timeout` is given: CI must never hang forever.
const DEFAULT_EXPECT_TIMEOUT: Duration = Duration::from_secs(60);

pub fn exec(args: ListenArgs, ctx: &Ctx) -> Result<Outcome> {
    let cfg = config(args, ctx)?;
    listen::run(cfg, &ctx.printer)
}

fn config(args: ListenArgs, ctx: &Ctx) -> Result<Config> {
    let mut routes = Vec::new();
    for spec in &args.routes {
        routes.push(Route::parse(spec).map_err(Error::usage)?);
    }
    if let Some(url) = &args.forward_to {
        // --forward-to is the catch-all after the specific routes.
        let url = listen::forward::check_url(url).map_err(|e| Error::usage(format!("--forward-to {e}")))?;
        routes.push(Route { pattern: "*".into(), url });
    }
    let display = if args.no_display {
        DisplayMode::Off
    } else if ctx.printer.is_json() || !ctx.printer.stdout_is_tty() {
        DisplayMode::Json
    } else {
        DisplayMode::Human
    };
    let timeout = args.timeout.or(args.expect.map(|_| DEFAULT_EXPECT_TIMEOUT));
    if timeout == Some(Duration::ZERO) {
        return Err(Error::usage("--timeout must be longer than 0s"));
    }
    Ok(Config {
        host: args.host,
        port: args.port,
        path: args.path.as_deref().and_then(listen::normalize_prefix),
        secrets: {
            reject_empty_secrets(&args.secrets)?;
            ctx.signing_secrets(&args.secrets)?
        },
        scheme: scheme_of(args.scheme),
        routes,
        forward_timeout: args.forward_timeout,
        capture: args.capture,
        expect: args.expect,
        filter: args.filter,
        allow_invalid: args.allow_invalid,
        timeout,
        max_body: args.max_body,
        display,
        header_timeout: args.header_timeout,
        body_timeout: args.body_timeout,
        ui: args.ui.then_some(listen::ui::UiConfig { port: args.ui_port, open: args.open }),
    })
}

/// `replay --from` flags → [`listen::replay::ReplayConfig`] (kept here so `commands/replay.rs`
/// stays a short dispatch and clap types stay out of `listen/`).
pub(crate) fn replay_config(
    args: crate::cli::replay::ReplayArgs,
    ctx: &Ctx,
) -> Result<listen::replay::ReplayConfig> {
    use listen::replay::{ReplayConfig, Resign, Selection};
    let from = args.from.ok_or_else(|| Error::usage("--from is required for a local replay"))?;
    let to = args.to.ok_or_else(|| Error::usage("--to URL is required with --from"))?;
    let select = match (args.id, args.all, args.last) {
        (Some(id), _, _) => Selection::Id(id),
        (None, true, _) => Selection::All,
        (None, false, Some(0)) => return Err(Error::usage("--last must be at least 1")),
        (None, false, Some(n)) => Selection::Last(n),
        (None, false, None) => {
            return Err(Error::usage_hint(
                "say which captured requests to replay",
                "add --id ID, --last N or --all",
            ))
        }
    };
    let resign = if args.resign {
        let flags: Vec<String> = args.secret.into_iter().collect();
        reject_empty_secrets(&flags)?;
        let secret = ctx.require_secret(&flags)?.remove(0);
        Some(Resign { secret, scheme: scheme_of(args.scheme) })
    } else {
        None
    };
    Ok(ReplayConfig { from, to, select, resign, timeout: args.timeout })
}
