//! The `sandbox` preset: where `hookctl sandbox` listens by default and the tokens it accepts.
//! Both sides need them — the sandbox seeds and checks them, a client (`--sandbox`,
//! `HOOKCTL_SANDBOX`) sends them — so they live with the presets, below both.

/// `--sandbox` without a value (and no `HOOKCTL_SANDBOX`), and the address `hookctl sandbox`
/// prints no URL for.
pub const DEFAULT_URL: &str = "http://127.0.0.1:8788";
/// The port of [`DEFAULT_URL`].
pub const DEFAULT_PORT: u16 = 8788;
/// The token a sandbox accepts when `--token` is not given.
pub const TOKEN: &str = "hookctl-sandbox";
/// A second personio token without the `personio:webhooks:write` scope: writes get 403.
pub const READONLY_TOKEN: &str = "hookctl-sandbox-readonly";
