//! What stops a sandbox from starting — not the config file's fault, but like it exit 3: the
//! user must change what they gave.

/// A sandbox that cannot start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// A database that cannot be used: one line naming the file and what to do.
    #[error("{0}")]
    Store(String),
}
