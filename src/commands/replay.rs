//! `replay` has two faces: a provider replay of a delivery id (closient), and a local re-send
//! of requests captured by `listen --capture`.

use crate::cli::replay::ReplayArgs;
use crate::listen::replay::{ReplayConfig, Resign, Selection};
use crate::providers::RouteName;
use crate::sign::KeyUse;
use crate::{Ctx, Error, Outcome, Result};

/// `--timeout` when none is given: how long `--wait` follows the replayed delivery.
const DEFAULT_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

pub async fn exec(args: ReplayArgs, ctx: &Ctx) -> Result<Outcome> {
    if args.from.is_some() {
        local(args, ctx).await
    } else if args.delivery_id.is_some() {
        provider(args, ctx).await
    } else {
        Err(Error::usage_hint(
            "replay needs a delivery id (provider replay) or --from FILE (requests captured by listen)",
            "`hookctl replay DELIVERY_ID [--wait]`, or `hookctl replay --from capture.jsonl --to URL --last 1`",
        ))
    }
}

/// Re-sends requests captured by `listen --capture`.
async fn local(args: ReplayArgs, ctx: &Ctx) -> Result<Outcome> {
    let c = &args.provider.connection;
    let given = [
        ("--provider", c.provider.is_some()),
        ("--base-url", c.base_url.is_some()),
        ("--token", c.token.is_some()),
    ];
    if let Some((flag, _)) = given.iter().find(|(_, set)| *set) {
        return Err(Error::usage_hint(
            format!("{flag} is for replaying a provider delivery; --from re-sends captured requests to --to"),
            "drop it, or replay at the provider: hookctl replay DELIVERY_ID",
        ));
    }
    crate::listen::replay::run(replay_config(args, ctx)?, &ctx.printer).await
}

/// `replay --from` flags → [`ReplayConfig`]; clap types stay out of `listen/`.
fn replay_config(args: ReplayArgs, ctx: &Ctx) -> Result<ReplayConfig> {
    let from = args.from.ok_or_else(|| Error::usage("--from is required for a local replay"))?;
    let to = args.to.ok_or_else(|| Error::usage("--to URL is required with --from"))?;
    let select = match (args.id, args.all, args.last) {
        (Some(id), _, _) => Selection::Id(id),
        (None, true, _) => Selection::All,
        (None, false, Some(0)) => return Err(Error::usage("--last must be at least 1")),
        (None, false, Some(n)) => Selection::Last(n),
        // --match alone: every record that matches (our choice: the expressions already say which).
        (None, false, None) if !args.matches.is_empty() => Selection::All,
        (None, false, None) => {
            return Err(Error::usage_hint(
                "say which captured requests to replay",
                "add --id ID, --last N, --all or --match EXPR",
            ))
        }
    };
    let resign = if args.resign {
        let flags: Vec<crate::secret::Secret> = args.secret.into_iter().collect();
        let mut secrets = super::secret::require(ctx, &flags, args.scheme.0, KeyUse::Sign)?;
        let which = super::secret::labels(ctx, &flags, secrets.len())?.remove(0);
        Some(Resign { secret: secrets.remove(0), scheme: args.scheme.0, which })
    } else {
        None
    };
    // `--timeout` bounded each request before it meant "wait for the outcome" everywhere.
    let timeout = match args.timeout {
        Some(t) => {
            ctx.printer.warn("replay --from: --timeout is now --request-timeout (--timeout is for --wait)");
            t
        }
        // The provider options' --request-timeout bounds each re-sent request here.
        None => args.provider.connection.request_timeout.unwrap_or(std::time::Duration::from_secs(30)),
    };
    let content = crate::matcher::Matchers::new(args.matches);
    Ok(ReplayConfig { from, to, select, resign, timeout, content })
}

/// Replays a provider delivery (closient: dead_letter deliveries only). The answer is the
/// first attempt's result, like `test`; `--wait` follows the delivery until it settles.
async fn provider(args: ReplayArgs, ctx: &Ctx) -> Result<Outcome> {
    ctx.require_routes(&[RouteName::DeliveriesReplay])?;
    let id = args.delivery_id.as_deref().unwrap_or_default();
    if id.trim().is_empty() || id.chars().any(char::is_control) {
        return Err(Error::usage("the delivery id is empty or contains control characters"));
    }
    // As on fire and test: a wait bound without the wait would be silently ignored.
    if args.timeout.is_some() && !args.wait {
        return Err(Error::usage_hint(
            "--timeout needs --wait",
            "add --wait to follow the replayed delivery",
        ));
    }
    if args.wait && args.timeout.is_some_and(|t| t.is_zero()) {
        return Err(Error::usage("--timeout must be longer than 0s: nothing could be waited for"));
    }
    if args.wait {
        ctx.require_routes(&[RouteName::DeliveriesGet])?;
    }
    let api = ctx.api()?;
    let body = api.call(RouteName::DeliveriesReplay, &[("id", id)], &[], None).await.map_err(|e| match e
        .status()
    {
        Some(400 | 409 | 422) => e.with_hint(
            "only dead_letter deliveries can be replayed; check its status with `hookctl events get ID`",
        ),
        Some(404) => e.with_hint("no such delivery: `hookctl events list` shows the deliveries"),
        _ => e,
    })?;
    let follow = crate::wait::Follow { api, printer: &ctx.printer, context: ctx.command_context() };
    crate::wait::delivery_result(&follow, &body, args.wait, args.timeout.unwrap_or(DEFAULT_WAIT)).await
}
