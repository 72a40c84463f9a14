//! Signing secrets as commands take them: flag > `HOOKCTL_SECRET` > profile, each checked
//! against the scheme before anything is signed or verified, and named in the error.

use crate::config::ConfigError;
use crate::secret::Secret;
use crate::sign::{self, KeyUse, Scheme};
use crate::{Ctx, Result};

/// The secrets to use, in order (rotation), each checked for `scheme`. A secret that cannot
/// work is a configuration error (exit 3) naming it: `--secret #2`, `HOOKCTL_SECRET`, …
pub(crate) fn resolve(
    ctx: &Ctx,
    flags: &[Secret],
    scheme: Option<Scheme>,
    key_use: KeyUse,
) -> Result<Vec<Secret>> {
    let secrets = ctx.signing_secrets(flags)?;
    let labels = labels(ctx, flags, secrets.len())?;
    for (secret, which) in secrets.iter().zip(labels) {
        if let Err(sign::SignError::BadSecret(problem)) = sign::check_secret(scheme, key_use, secret) {
            return Err(ConfigError::BadSecret { which, problem }.into());
        }
    }
    Ok(secrets)
}

/// Like [`resolve`] but at least one secret is required.
pub(crate) fn require(
    ctx: &Ctx,
    flags: &[Secret],
    scheme: Option<Scheme>,
    key_use: KeyUse,
) -> Result<Vec<Secret>> {
    // `require_secret` reports the missing secret with its hint; the values are checked here.
    ctx.require_secret(flags)?;
    resolve(ctx, flags, scheme, key_use)
}

/// Where each secret came from, in words a user can act on.
pub(crate) fn labels(ctx: &Ctx, flags: &[Secret], n: usize) -> Result<Vec<String>> {
    let numbered = |base: &str| -> Vec<String> {
        if n == 1 {
            vec![base.to_string()]
        } else {
            (1..=n).map(|i| format!("{base} #{i}")).collect()
        }
    };
    if !flags.is_empty() {
        return Ok(numbered("--secret"));
    }
    if ctx.settings.secret.is_some() {
        return Ok(numbered("HOOKCTL_SECRET"));
    }
    let profile = ctx.profile()?.map(|(name, _)| name.to_string()).unwrap_or_default();
    Ok(numbered(&format!("profile '{profile}' secret")))
}
