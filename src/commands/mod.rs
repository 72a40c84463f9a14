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

pub fn exec(command: Command, ctx: &Ctx) -> Result<Outcome> {
    match command {
        Command::Endpoints(args) => endpoints::exec(args, ctx),
        Command::Subscriptions(args) => subscriptions::exec(args, ctx),
        Command::Fire(args) => fire::exec(args, ctx),
        Command::Test(args) => test::exec(args, ctx),
        Command::Replay(args) => replay::exec(args, ctx),
        Command::Events(args) => events::exec(args, ctx),
        Command::Listen(args) => listen::exec(args, ctx),
        Command::Verify(args) => verify::exec(args, ctx),
        Command::Sign(args) => sign::exec(args, ctx),
        Command::Send(args) => send::exec(args, ctx),
        Command::Probe(args) => probe::exec(args, ctx),
        Command::Sandbox(args) => sandbox::exec(args, ctx),
        Command::Demo(args) => demo::exec(args, ctx),
        Command::Config(args) => config::exec(args, ctx),
        Command::Completions(args) => generate::completions(args, ctx),
        Command::Man(args) => generate::man(args, ctx),
    }
}
