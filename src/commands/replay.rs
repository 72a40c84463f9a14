//! `replay` has two faces: a provider replay of a delivery id (closient), and a local re-send
//! of requests captured by `listen --capture`.

use crate::cli::replay::ReplayArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(args: ReplayArgs, ctx: &Ctx) -> Result<Outcome> {
    if args.from.is_some() {
        local(args, ctx)
    } else {
        provider(args, ctx)
    }
}

/// Re-sends captured requests (issue: listen).
fn local(args: ReplayArgs, ctx: &Ctx) -> Result<Outcome> {
    // Flag conversion lives with the other listen glue in commands/listen.rs.
    crate::listen::replay::run(super::listen::replay_config(args, ctx)?, &ctx.printer)
}

/// Replays a provider delivery (issue: provider API commands).
fn provider(_args: ReplayArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: provider replay is not implemented yet".into()))
}
