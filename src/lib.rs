//! hookctl: test webhooks end to end. `main` parses arguments and calls [`run`]; everything
//! else lives in the library so it can be tested in-process.

pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod exit;
pub mod generate;
pub mod listen;
pub mod output;
pub mod providers;
pub mod samples;
pub mod settings;
pub mod sign;
pub mod wait;

pub use error::{Error, Result};
pub use exit::{Exit, Outcome};
pub use settings::Ctx;

/// Runs one command line and returns the process exit code.
pub fn run(cli: cli::Cli) -> u8 {
    if let Some(message) = cli.global.contradiction() {
        // Which format the user wanted is unclear: report in plain text.
        let global = cli::GlobalOpts { json: false, output: None, quiet: false, ..cli.global };
        let err = Error::usage(message);
        Ctx::new(global).printer.error(&err);
        return err.exit().code();
    }
    let ctx = Ctx::new(cli.global);
    match commands::exec(cli.command, &ctx) {
        Ok(outcome) => outcome.exit().code(),
        Err(err) => {
            ctx.printer.error(&err);
            err.exit().code()
        }
    }
}

/// Runs a future on a fresh multi-threaded runtime. Only commands that do I/O start one, so
/// `--version`, `sign` and `verify` stay free of runtime spin-up.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt.block_on(future),
        // Without a runtime nothing can run; this only happens when the OS refuses threads.
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            std::process::exit(Exit::Internal.code() as i32)
        }
    }
}
