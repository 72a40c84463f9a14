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

/// clap_mangen's sections, then EXAMPLES (the command's long-help examples, line breaks kept;
/// clap_mangen's own "EXTRA" section would run them together) and EXIT STATUS on every page.
fn render_page(cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    let examples = cmd
        .get_after_long_help()
        .map(|h| h.to_string())
        .and_then(|h| h.strip_prefix("Examples:").map(str::to_string))
        // The top-level help lists the exit codes after its examples: they get their own section.
        .map(|h| h.split("\n\nExit codes:").next().unwrap_or_default().to_string());
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buf)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut buf)?;
    }
    if let Some(text) = examples {
        buf.extend_from_slice(b".SH EXAMPLES\n.nf\n");
        for line in text.lines().skip_while(|l| l.trim().is_empty()) {
            buf.extend_from_slice(roff_line(line.strip_prefix("  ").unwrap_or(line)).as_bytes());
        }
        buf.extend_from_slice(b".fi\n");
    }
    buf.extend_from_slice(b".SH \"EXIT STATUS\"\n.nf\n");
    for line in crate::exit::Exit::help_text().lines().skip(1) {
        buf.extend_from_slice(roff_line(line.strip_prefix("  ").unwrap_or(line)).as_bytes());
    }
    buf.extend_from_slice(b".fi\n");
    for (title, lines) in [("ENVIRONMENT", ENVIRONMENT), ("FILES", FILES)] {
        buf.extend_from_slice(format!(".SH {title}\n").as_bytes());
        for (name, text) in lines {
            buf.extend_from_slice(format!(".TP\n\\fB{}\\fR\n", roff_text(name)).as_bytes());
            buf.extend_from_slice(format!("{}\n", roff_text(text)).as_bytes());
        }
    }
    if cmd.get_version().is_some() {
        man.render_version_section(&mut buf)?;
    }
    Ok(buf)
}

/// The variables every page lists (flag > environment > profile; an empty one counts as unset).
const ENVIRONMENT: &[(&str, &str)] = &[
    ("HOOKCTL_PROFILE", "The profile to use (--profile wins)."),
    ("HOOKCTL_PROVIDER", "The provider preset: partner, closient, xpath, personio (--provider wins)."),
    ("HOOKCTL_BASE_URL", "The provider API's base URL (--base-url wins; --sandbox beats it)."),
    ("HOOKCTL_TOKEN", "The provider API token (--token wins; never sent to a sandbox)."),
    ("HOOKCTL_SANDBOX", "A running hookctl sandbox to talk to instead of the provider (like --sandbox URL; --base-url beats it)."),
    ("HOOKCTL_SANDBOX_TOKEN", "The sandbox's token when it was started with its own --token."),
    ("HOOKCTL_HTTP_TIMEOUT", "How long each API request may take (30s, 2m; default 30s; --request-timeout wins)."),
    ("HOOKCTL_SECRET", "A webhook signing secret for listen, verify, sign, send and replay --resign."),
    ("HOOKCTL_TUNNEL_SECRET", "The bore server's secret for listen --tunnel."),
    ("HOOKCTL_CONFIG", "The config file instead of the default path."),
    ("NO_COLOR, CLICOLOR_FORCE", "Colour policy when --color is auto."),
];

/// The files hookctl reads and writes.
const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/hookctl/config.toml",
        "Profiles (written with mode 0600); HOOKCTL_CONFIG names another file.",
    ),
    (
        "$XDG_STATE_HOME/hookctl/registrations/",
        "Records of listen --register endpoints, for endpoints cleanup.",
    ),
    (
        "$XDG_DATA_HOME/hookctl/sandbox/",
        "The sandbox's database (sandbox.db) unless --data-dir says otherwise.",
    ),
];

/// Text for a filled paragraph: backslashes and hyphens escaped, a leading `.` or `'`
/// protected.
fn roff_text(text: &str) -> String {
    roff_line(text).trim_end_matches('\n').to_string()
}

/// One line of text for a no-fill block: backslashes and hyphens escaped, and a leading `.`
/// or `'` protected so roff does not read the line as a request.
fn roff_line(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}\n")
    } else {
        format!("{escaped}\n")
    }
}

fn render_pages(cmd: &clap::Command, name: &str, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    let page_cmd = cmd.clone().name(name.to_string()).bin_name(name.replace('-', " "));
    pages.push((format!("{name}.1"), render_page(page_cmd)?));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        render_pages(sub, &format!("{name}-{}", sub.get_name()), pages)?;
    }
    Ok(())
}
