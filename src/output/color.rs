//! Colour policy, decided once per stream: `--color` > `NO_COLOR` > `CLICOLOR_FORCE` >
//! `TERM=dumb` > is the stream a terminal.

use std::io::IsTerminal;

/// `--color`: whether to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The environment facts the policy needs, read once by settings so tests can fake them.
#[derive(Debug, Clone, Default)]
pub struct ColorEnv {
    pub no_color: bool,
    pub clicolor_force: bool,
    pub term_dumb: bool,
}

impl ColorEnv {
    pub fn from_env() -> Self {
        let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
        ColorEnv {
            no_color: set("NO_COLOR"),
            clicolor_force: std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0"),
            term_dumb: std::env::var_os("TERM").is_some_and(|v| v == "dumb"),
        }
    }
}

pub fn use_color(choice: ColorChoice, env: &ColorEnv, is_tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if env.no_color {
                false
            } else if env.clicolor_force {
                true
            } else if env.term_dumb {
                false
            } else {
                is_tty
            }
        }
    }
}

/// Whether stdout / stderr are terminals. `HOOKCTL_TEST_TTY=1` pretends both are, so the
/// TTY-only behaviour can be tested without allocating a pty.
pub fn stdout_is_tty() -> bool {
    test_tty() || std::io::stdout().is_terminal()
}

pub fn stderr_is_tty() -> bool {
    test_tty() || std::io::stderr().is_terminal()
}

pub fn stdin_is_tty() -> bool {
    std::io::stdin().is_terminal()
}

fn test_tty() -> bool {
    std::env::var_os("HOOKCTL_TEST_TTY").is_some_and(|v| v == "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_choice_wins_over_environment() {
        let env = ColorEnv { no_color: true, clicolor_force: true, term_dumb: true };
        assert!(use_color(ColorChoice::Always, &env, false));
        assert!(!use_color(ColorChoice::Never, &ColorEnv::default(), true));
    }

    #[test]
    fn auto_follows_no_color_then_force_then_tty() {
        let no = ColorEnv { no_color: true, clicolor_force: true, ..Default::default() };
        assert!(!use_color(ColorChoice::Auto, &no, true));
        let force = ColorEnv { clicolor_force: true, ..Default::default() };
        assert!(use_color(ColorChoice::Auto, &force, false));
        let dumb = ColorEnv { term_dumb: true, ..Default::default() };
        assert!(!use_color(ColorChoice::Auto, &dumb, true));
        assert!(use_color(ColorChoice::Auto, &ColorEnv::default(), true));
        assert!(!use_color(ColorChoice::Auto, &ColorEnv::default(), false));
    }
}
