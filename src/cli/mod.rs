//! clap definitions only. One file per command group; conversion into library types happens
//! in `commands/`, so clap never leaks into `api/`, `sign/` or `listen/`.

use clap::{Args, Parser, Subcommand};

use crate::exit::Exit;
use crate::output::{ColorChoice, Format};

pub mod body;
pub mod config;
pub mod demo;
pub(crate) use crate::duration;
pub mod endpoints;
pub mod events;
pub mod fire;
pub mod generate;
pub mod listen;
pub mod matcher;
pub mod probe;
mod provider;
pub mod replay;
pub mod sandbox;
pub mod send;
pub mod sign;
pub mod size;
pub mod subscriptions;
pub mod test;
pub mod verify;
pub mod wait;

pub use provider::{ConnectionOpts, ProfileOpt, ProviderOpts};

#[cfg(test)]
mod help_tests;

/// The top-level long help: a first taste of the tool, then the exit codes (from [`Exit`], so
/// the help, the man page and the code cannot disagree).
fn top_long_help() -> String {
    format!(
        "Examples:
  The whole loop offline (sandbox, verifying listener, fire, wait), in a few seconds:
    hookctl demo
  Receive and verify webhooks on port 8787:
    hookctl listen --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
  Fire a partner event and wait until it is delivered:
    hookctl fire case.closed --case case_test_full --wait --provider partner --sandbox
  Check that your handler rejects forged, tampered and stale deliveries:
    hookctl probe http://127.0.0.1:3000/webhooks --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw

{}",
        Exit::help_text()
    )
}

#[derive(Debug, Parser)]
#[command(
    name = "hookctl",
    version,
    about = "Test webhooks end to end: sign, verify, listen, fire and wait until delivered",
    long_about = "Test webhooks end to end: sign, verify, listen, fire and wait until delivered.

hookctl signs and verifies webhook signatures offline (Standard Webhooks, Svix, Stripe, GitHub, \
Shopify, Slack); runs a local receiver that verifies, shows, captures and forwards what \
arrives (listen); calls a provider's webhook API (endpoints, subscriptions, fire, test, \
replay, events) and waits, polling with backoff, until its event log shows a delivery; and \
emulates four provider APIs locally with real signed deliveries (sandbox). Exit codes say \
what happened, so a CI step can branch on them. `hookctl demo` shows the whole loop offline.",
    after_long_help = top_long_help(),
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalOpts {
    /// Output format
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputArg>,

    /// Same as --output json
    #[arg(long, global = true)]
    pub json: bool,

    /// When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t)]
    pub color: ColorArg,

    /// Print only results and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Trace requests on stderr (secrets redacted); repeat for more
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

impl GlobalOpts {
    /// Flags that contradict each other (checked after parsing: clap's `conflicts_with` misses
    /// global flags given on different levels, e.g. `-v config list -q`). These used to be
    /// accepted silently: `--output human --json` printed JSON, `-q -v` traced anyway.
    pub fn contradiction(&self) -> Option<&'static str> {
        if self.json && self.output == Some(OutputArg::Human) {
            Some("--json contradicts --output human; pass one of them")
        } else if self.quiet && self.verbose > 0 {
            Some("--quiet and --verbose contradict each other; pass one of them")
        } else {
            None
        }
    }

    /// The flags as plain values for [`crate::settings::Settings::resolve`].
    pub fn flags(&self) -> crate::settings::Flags {
        crate::settings::Flags {
            format: self.format(),
            color: self.color.into(),
            quiet: self.quiet,
            verbose: self.verbose,
            ..crate::settings::Flags::default()
        }
    }

    pub fn format(&self) -> Format {
        match (self.json, self.output) {
            (true, _) | (false, Some(OutputArg::Json)) => Format::Json,
            (false, Some(OutputArg::Human) | None) => Format::Human,
        }
    }
}

/// `--output` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputArg {
    Human,
    Json,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorArg {
    #[default]
    Auto,
    Always,
    Never,
}

impl From<ColorArg> for ColorChoice {
    fn from(c: ColorArg) -> Self {
        match c {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        }
    }
}

impl Cli {
    /// The command line as plain values for [`crate::settings::Settings::resolve`].
    pub fn flags(&self) -> crate::settings::Flags {
        let mut flags = self.global.flags();
        let (profile, connection) = self.command.provider_opts();
        flags.profile = profile.and_then(|p| p.profile.clone());
        if let Some(c) = connection {
            flags.provider = c.provider.clone();
            flags.base_url = c.base_url.clone();
            flags.token = c.token.clone();
            flags.sandbox = c.sandbox.clone();
            flags.request_timeout = c.request_timeout;
        }
        flags
    }
}

impl Command {
    /// The profile and connection options this command takes, if any.
    fn provider_opts(&self) -> (Option<&ProfileOpt>, Option<&ConnectionOpts>) {
        match self {
            Command::Endpoints(a) => a.provider.parts(),
            Command::Subscriptions(a) => a.provider.parts(),
            Command::Fire(a) => a.provider.parts(),
            Command::Test(a) => a.provider.parts(),
            Command::Replay(a) => a.provider.parts(),
            Command::Events(a) => a.provider.parts(),
            Command::Listen(a) => a.provider.parts(),
            Command::Verify(a) => (Some(&a.profile), None),
            Command::Sign(a) => (Some(&a.profile), None),
            Command::Send(a) => (Some(&a.profile), None),
            Command::Probe(a) => (Some(&a.profile), None),
            Command::Config(a) => (Some(&a.profile), a.connection()),
            Command::Sandbox(_) | Command::Demo(_) | Command::Completions(_) | Command::Man(_) => {
                (None, None)
            }
        }
    }
}

#[derive(Debug, Subcommand)]
// Built once per run from the command line: boxing the large variants would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Manage webhook endpoints (partner: subscriptions)
    Endpoints(endpoints::EndpointsArgs),
    /// Choose which event types an endpoint receives
    Subscriptions(subscriptions::SubscriptionsArgs),
    /// Fire an event for a test case (partner) and optionally wait until it is delivered
    Fire(fire::FireArgs),
    /// Send a provider test event to an endpoint (closient, personio)
    Test(test::TestArgs),
    /// Replay a provider delivery, or re-send captured requests from a file
    Replay(replay::ReplayArgs),
    /// Read the provider's event log, or wait for rows to appear
    Events(events::EventsArgs),
    /// Run a local receiver that verifies, shows, captures and forwards webhooks
    Listen(listen::ListenArgs),
    /// Verify a webhook signature offline
    Verify(verify::VerifyArgs),
    /// Print the signature headers a provider would send for a body
    Sign(sign::SignArgs),
    /// Sign a sample event and POST it to a URL
    Send(send::SendArgs),
    /// Check that a handler accepts genuine deliveries and rejects forged ones
    #[command(long_about = probe::LONG_ABOUT)]
    Probe(probe::ProbeArgs),
    /// Run a local emulator of the four provider APIs, with a real delivery pipeline
    Sandbox(sandbox::SandboxArgs),
    /// Show the whole loop offline: sandbox, verifying listener, fire, wait, test, replay
    Demo(demo::DemoArgs),
    /// Manage profiles in the config file
    Config(config::ConfigArgs),
    /// Print shell completions
    Completions(generate::CompletionsArgs),
    /// Write man pages
    Man(generate::ManArgs),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Tokens and secrets are `Secret`s from the moment clap parses them: a `{:?}` of any
    /// command line cannot print one.
    #[test]
    fn debug_of_a_parsed_command_line_never_shows_a_token_or_secret() {
        let t = "tokPLAINTEXT1234567";
        let s = "whsec_PLAINTEXTc2VjcmV0MTIzNA==";
        for args in [
            &["hookctl", "endpoints", "list", "--token", t][..],
            &["hookctl", "sandbox", "--token", t],
            &["hookctl", "listen", "--secret", s, "--tunnel", "bore:x", "--tunnel-secret", t],
            &["hookctl", "verify", "--secret", s, "--data", "{}"],
            &["hookctl", "sign", "--secret", s, "--data", "{}"],
            &["hookctl", "send", "http://127.0.0.1:1/", "--secret", s],
            &[
                "hookctl",
                "replay",
                "--from",
                "c.jsonl",
                "--to",
                "http://x/",
                "--all",
                "--resign",
                "--secret",
                s,
            ],
            &["hookctl", "config", "init", "--secret", s, "--token", t],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            let shown = format!("{cli:?}");
            assert!(!shown.contains("PLAINTEXT"), "{args:?}: {shown}");
        }
    }

    #[test]
    fn json_flag_is_an_alias_for_output_json() {
        let cli = Cli::try_parse_from(["hookctl", "config", "list", "--json"]).unwrap();
        assert_eq!(cli.global.format(), Format::Json);
        let cli = Cli::try_parse_from(["hookctl", "--output", "json", "config", "list"]).unwrap();
        assert_eq!(cli.global.format(), Format::Json);
    }

    #[test]
    fn contradictory_global_flags_are_rejected() {
        for args in [
            &["hookctl", "--output", "human", "config", "list", "--json"][..],
            &["hookctl", "--json", "config", "list", "--output", "human"][..],
            &["hookctl", "-q", "config", "list", "-v"][..],
            &["hookctl", "-v", "config", "list", "-q"][..],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert!(cli.global.contradiction().is_some(), "{args:?}");
        }
        let cli = Cli::try_parse_from(["hookctl", "--output", "json", "--json", "-vv", "config", "list"]);
        assert_eq!(cli.unwrap().global.contradiction(), None);
    }

    #[test]
    fn provider_options_only_on_commands_that_call_a_provider() {
        for args in [
            &["hookctl", "endpoints", "list", "--token", "t", "--base-url", "http://h"][..],
            &["hookctl", "endpoints", "--profile", "ci", "list"][..],
            &["hookctl", "fire", "case.closed", "--case", "1", "--provider", "partner"][..],
            &["hookctl", "config", "init", "--provider", "partner", "--token", "t"][..],
            &["hookctl", "sign", "--profile", "ci", "--secret", "s", "--body-file", "f"][..],
        ] {
            assert!(Cli::try_parse_from(args).is_ok(), "{args:?}");
        }
        for args in [
            &["hookctl", "sign", "--token", "t", "--secret", "s", "--body-file", "f"][..],
            &["hookctl", "--token", "t", "endpoints", "list"][..],
            &["hookctl", "config", "list", "--provider", "partner"][..],
            &["hookctl", "completions", "bash", "--profile", "x"][..],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
        let cli =
            Cli::try_parse_from(["hookctl", "events", "--token", "tok", "list", "--profile", "p"]).unwrap();
        let flags = cli.flags();
        assert_eq!(flags.profile.as_deref(), Some("p"));
        assert_eq!(flags.token.map(|t| t.expose().to_string()).as_deref(), Some("tok"));
    }
}
