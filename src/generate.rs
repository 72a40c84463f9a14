//! Shell completions and man pages, rendered from the clap definition. Used by the
//! `completions`/`man` commands and by the test that keeps `completions/` and `man/` fresh.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

pub const SHELLS: &[Shell] = &[Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

pub fn completions(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "hookctl", &mut out);
    out
}

/// The file name a completion script is committed under in `completions/`.
pub fn completion_file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "hookctl.bash",
        Shell::Zsh => "_hookctl",
        Shell::Fish => "hookctl.fish",
        Shell::PowerShell => "_hookctl.ps1",
        Shell::Elvish => "hookctl.elv",
        _ => "hookctl.completion",
    }
}

/// One page per command and subcommand: `hookctl.1`, `hookctl-endpoints.1`,
/// `hookctl-endpoints-create.1`, …
pub fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut pages = Vec::new();
    render_pages(&cmd, "hookctl", &mut pages)?;
    Ok(pages)
}

fn render_pages(cmd: &clap::Command, name: &str, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    let page_cmd = cmd.clone().name(name.to_string()).bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    clap_mangen::Man::new(page_cmd).render(&mut buf)?;
    pages.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        render_pages(sub, &format!("{name}-{}", sub.get_name()), pages)?;
    }
    Ok(())
}
