//! hookctl: test webhooks end to end. `main` parses arguments and calls [`run`]; everything
//! else lives in the library so it can be tested in-process.

pub(crate) mod api;
pub(crate) mod child;
pub(crate) mod cli;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod duration;
pub(crate) mod endpoint;
pub(crate) mod error;
pub mod exit;
pub mod generate;
pub(crate) mod headers;
pub(crate) mod listen;
pub(crate) mod loopback;
pub(crate) mod matcher;
pub(crate) mod net;
pub(crate) mod outbound;
pub mod output;
pub(crate) mod pattern;
pub(crate) mod probe;
pub(crate) mod providers;
mod runtime;
pub(crate) mod samples;
pub(crate) mod sandbox;
pub(crate) mod sanitize;
pub mod secret;
pub(crate) mod serve;
pub(crate) mod settings;
pub mod sign;
pub(crate) mod tunnel;
pub mod wait;

pub(crate) use error::{Error, Result};
pub(crate) use exit::{Exit, Outcome};
pub(crate) use settings::Ctx;

/// Parses the command line and runs it; returns the process exit code.
pub fn main() -> u8 {
    match parse_args() {
        Ok(cli) => run(cli),
        Err(code) => code,
    }
}

/// Parses the command line, or returns the exit code after reporting why it failed. Under
/// `--json` a parse error is also a JSON object on stdout (DESIGN §6); `Cli::parse()` printed
/// only clap's text, so a script reading stdout got nothing to parse.
fn parse_args() -> std::result::Result<cli::Cli, u8> {
    use clap::Parser;
    use std::io::Write;
    match cli::Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(mut e) => {
            escape_values(&mut e);
            let _ = e.print();
            // 0 for --help/--version, 2 for usage errors.
            let code = u8::try_from(e.exit_code()).unwrap_or(Exit::Usage.code());
            if code != 0 && wants_json(std::env::args_os().skip(1)) {
                let rendered = e.render().to_string();
                let first = rendered.lines().next().unwrap_or_default();
                let message = match e.kind() {
                    // clap prints the help here, not an error line.
                    clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                        "a command is required (see --help)"
                    }
                    _ => first.strip_prefix("error: ").unwrap_or(first),
                };
                let doc = serde_json::json!({"error": {
                    "code": code, "kind": "usage", "message": message, "details": [], "hint": null,
                }});
                let _ = writeln!(std::io::stdout(), "{doc}");
            }
            Err(code)
        }
    }
}

/// clap echoes the offending argument as given: a newline or escape sequence in it would
/// break the `error:` line or drive the terminal, so it is escaped like every other message.
fn escape_values(e: &mut clap::Error) {
    use crate::sanitize::sanitize_line;
    use clap::error::ContextValue;
    let escaped: Vec<_> = e
        .context()
        .filter_map(|(kind, value)| match value {
            ContextValue::String(s) => Some((kind, ContextValue::String(sanitize_line(s).into_owned()))),
            ContextValue::Strings(v) => {
                Some((kind, ContextValue::Strings(v.iter().map(|s| sanitize_line(s).into_owned()).collect())))
            }
            _ => None,
        })
        .collect();
    for (kind, value) in escaped {
        e.insert(kind, value);
    }
}

/// `--json`, `--output json` or `--output=json` among arguments clap could not parse.
fn wants_json(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<_> = args.collect();
    args.iter().enumerate().any(|(i, a)| {
        a == "--json"
            || a == "--output=json"
            || (a == "--output" && args.get(i + 1).is_some_and(|v| v == "json"))
    })
}

/// Runs one command line and returns the process exit code.
fn run(cli: cli::Cli) -> u8 {
    let env = settings::Env::from_process();
    if let Some(message) = cli.global.contradiction() {
        // Which format the user wanted is unclear: report in plain text.
        let flags = settings::Flags { format: output::Format::Human, quiet: false, ..cli.flags() };
        let err = Error::usage(message);
        Ctx::new(settings::Settings::resolve(flags, env)).printer.error(&err);
        return err.exit().code();
    }
    let not_unicode = env.not_unicode.clone();
    let ctx = Ctx::new(settings::Settings::resolve(cli.flags(), env));
    for name in not_unicode {
        ctx.printer.warn(&format!("{name} is not valid UTF-8: ignored"));
    }
    let listens = matches!(cli.command, cli::Command::Listen(_));
    let command = cli.command;
    let result = match commands::without_runtime(&command) {
        true => commands::exec_sync(command, &ctx),
        false => runtime::block_on(commands::runtime_flavor(&command), async {
            if listens {
                // A closed stdout stops only its display (see `listen::display`).
                return commands::exec(command, &ctx).await;
            }
            tokio::select! {
                result = commands::exec(command, &ctx) => result,
                () = ctx.printer.stdout_gone() => Ok(Outcome::Success),
            }
        })
        .and_then(|r| r),
    };
    // A closed stdout (`hookctl … | head`) ends a command quietly with 0, as at a shell one
    // expects; `listen` keeps its verdict: an unmet `--expect` must not read as success in CI.
    if ctx.printer.stdout_closed() && !listens {
        return Exit::Ok.code();
    }
    match result {
        Ok(outcome) => outcome.code(),
        Err(err) => {
            ctx.printer.error(&err);
            err.exit().code()
        }
    }
}
