//! `hookctl listen`: turns the flags into a [`listen::Config`] and runs the receiver.

use std::time::Duration;

use super::verify::scheme_of;
use crate::cli::listen::ListenArgs;
use crate::listen::{self, forward::Route, Config, DisplayMode};
use crate::sign::{self, KeyUse, Scheme};
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
            let scheme = scheme_of(args.scheme);
            let secrets = super::secret::resolve(ctx, &args.secrets, scheme, KeyUse::Verify)?;
            if scheme.is_none() {
                warn_unusable_for_standard(ctx, &secrets);
            }
            secrets
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
    })
}

/// With `--scheme auto` a `whsec_` secret cannot be refused at start (Stripe uses it as plain
/// bytes), but one that Standard Webhooks cannot decode will fail every such request: say so.
fn warn_unusable_for_standard(ctx: &Ctx, secrets: &[crate::output::Secret]) {
    // Only whsec_ secrets: GitHub, Shopify and Slack secrets are not base64 and need not be.
    for (i, secret) in secrets.iter().enumerate().filter(|(_, s)| s.expose().starts_with("whsec_")) {
        if let Err(sign::SignError::BadSecret(problem)) =
            sign::check_secret(Some(Scheme::Standard), KeyUse::Verify, secret)
        {
            ctx.printer.warn(&format!(
                "secret #{} cannot verify standard or svix requests ({problem}); pass --scheme to refuse it at start",
                i + 1
            ));
        }
    }
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
        let mut secrets = super::secret::require(ctx, &flags, scheme_of(args.scheme), KeyUse::Sign)?;
        let which = super::secret::labels(ctx, &flags, secrets.len())?.remove(0);
        Some(Resign { secret: secrets.remove(0), scheme: scheme_of(args.scheme), which })
    } else {
        None
    };
    // `--timeout` bounded each request before it meant "wait for the outcome" everywhere.
    let timeout = match args.timeout {
        Some(t) => {
            ctx.printer.warn("replay --from: --timeout is now --request-timeout (--timeout is for --wait)");
            t
        }
        None => args.request_timeout,
    };
    Ok(ReplayConfig { from, to, select, resign, timeout })
}
