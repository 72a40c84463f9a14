//! One module per command: glue between clap arguments and the library.

use crate::cli::Command;
use crate::{Ctx, Outcome, Result};

pub mod body;
pub mod config;
pub mod demo;
pub mod endpoints;
pub mod events;
pub mod fire;
pub mod generate;
pub mod listen;
pub mod probe;
pub mod replay;
pub mod sandbox;
pub mod secret;
pub mod send;
pub mod sign;
pub mod subscriptions;
pub mod test;
pub mod verify;

/// `sign`, `verify`, `config`, completions and man do no network I/O: they never start the
/// async runtime ([`exec_sync`]).
pub fn without_runtime(command: &Command) -> bool {
    matches!(
        command,
        Command::Verify(_)
            | Command::Sign(_)
            | Command::Config(_)
            | Command::Completions(_)
            | Command::Man(_)
    )
}

/// The runtime a command needs: `listen` serves on event loops of its own (see
/// [`crate::runtime::Flavor::Control`]); the rest share the work-stealing one.
pub(crate) fn runtime_flavor(command: &Command) -> crate::runtime::Flavor {
    match command {
        Command::Listen(_) => crate::runtime::Flavor::Control,
        _ => crate::runtime::Flavor::Shared,
    }
}

/// Runs a command on the runtime (`runtime.rs` owns it); the others through [`exec_sync`].
pub async fn exec(command: Command, ctx: &Ctx) -> Result<Outcome> {
    match command {
        Command::Endpoints(args) => endpoints::exec(args, ctx).await,
        Command::Subscriptions(args) => subscriptions::exec(args, ctx).await,
        Command::Fire(args) => fire::exec(args, ctx).await,
        Command::Test(args) => test::exec(args, ctx).await,
        Command::Replay(args) => replay::exec(args, ctx).await,
        Command::Events(args) => events::exec(args, ctx).await,
        Command::Listen(args) => listen::exec(args, ctx).await,
        Command::Send(args) => send::exec(args, ctx).await,
        Command::Probe(args) => probe::exec(args, ctx).await,
        Command::Sandbox(args) => sandbox::exec(args, ctx).await,
        Command::Demo(args) => demo::exec(args, ctx).await,
        other => exec_sync(other, ctx),
    }
}

/// Runs a command that needs no runtime ([`without_runtime`]).
pub fn exec_sync(command: Command, ctx: &Ctx) -> Result<Outcome> {
    match command {
        Command::Verify(args) => verify::exec(args, ctx),
        Command::Sign(args) => sign::exec(args, ctx),
        Command::Config(args) => config::exec(args, ctx),
        Command::Completions(args) => generate::completions(args, ctx),
        Command::Man(args) => generate::man(args, ctx),
        _ => Err(crate::Error::Internal("this command needs the async runtime".into())),
    }
}
