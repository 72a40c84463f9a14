//! The options of commands that read a profile or call a provider's API.

use clap::Args;

/// Which profile to read. Values from the environment and profiles are merged in
/// `settings`, not here, so `--help` never shows a live token.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Provider options")]
pub struct ProfileOpt {
    /// Profile from the config file [env: HOOKCTL_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
}

/// How to reach the provider's API.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Provider options")]
pub struct ConnectionOpts {
    /// Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]
    #[arg(long, global = true, value_name = "NAME")]
    pub provider: Option<String>,

    /// Base URL of the provider API [env: HOOKCTL_BASE_URL]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN,
    /// with --sandbox HOOKCTL_SANDBOX_TOKEN]
    #[arg(long, global = true, value_name = "TOKEN")]
    pub token: Option<crate::secret::Secret>,

    /// Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX's,
    /// else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or
    /// HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]
    #[arg(long, global = true, value_name = "URL", num_args = 0..=1, default_missing_value = "")]
    pub sandbox: Option<String>,

    /// How long each API request may take (30s, 2m, 500ms; a bare number is seconds)
    /// [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]
    #[arg(long, global = true, value_name = "DURATION", value_parser = crate::duration::parse)]
    pub request_timeout: Option<std::time::Duration>,
}

/// The options of every command that calls a provider's API.
#[derive(Debug, Clone, Default, Args)]
pub struct ProviderOpts {
    #[command(flatten)]
    pub profile: ProfileOpt,
    #[command(flatten)]
    pub connection: ConnectionOpts,
}

impl ProviderOpts {
    pub(super) fn parts(&self) -> (Option<&ProfileOpt>, Option<&ConnectionOpts>) {
        (Some(&self.profile), Some(&self.connection))
    }
}
