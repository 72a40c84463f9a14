//! The one error type of the library. Every variant knows its exit code (DESIGN §6), so
//! `main` never inspects messages or downcasts.

use crate::exit::Exit;

/// A failure that stops a command. Outcomes such as "not delivered" are not errors: see
/// [`crate::Outcome`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags, arguments or input files the user gave us (exit 2).
    #[error("{message}")]
    Usage { message: String, hint: Option<String> },

    /// Missing or broken configuration, missing credentials (exit 3).
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),

    /// A listener or capture replay set up wrong (exit 3).
    #[error(transparent)]
    Listen(#[from] crate::listen::ListenError),

    /// A sandbox that cannot start (exit 3).
    #[error(transparent)]
    Sandbox(#[from] crate::sandbox::SandboxError),

    /// A wait that cannot start (exit 3).
    #[error(transparent)]
    Wait(#[from] crate::wait::WaitError),

    /// The provider API answered with an error or could not be reached (exit 3, 4 or 5).
    #[error(transparent)]
    Api(#[from] crate::api::ApiError),

    /// A local I/O failure, with what we were doing (exit 1).
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },

    /// Anything else that should not happen (exit 1).
    #[error("{0}")]
    Internal(String),

    /// Something was left behind at the provider (a temporary endpoint that could not be
    /// deleted); exits with the code of the failure that prevented it.
    #[error("{message}")]
    Leftover { message: String, hint: String, exit: Exit },

    /// Another error, with what it means for the command (e.g. "nothing was fired"); exit
    /// code, hint and details are the inner error's.
    #[error("{context}: {source}")]
    Context { context: String, source: Box<Error> },
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage { message: message.into(), hint: None }
    }

    pub fn usage_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage { message: message.into(), hint: Some(hint.into()) }
    }

    /// Prefixes the message with what the failure means for the command.
    pub fn context(self, context: impl Into<String>) -> Self {
        Error::Context { context: context.into(), source: Box::new(self) }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { context: context.into(), source }
    }

    pub fn exit(&self) -> Exit {
        match self {
            Error::Usage { .. } => Exit::Usage,
            Error::Config(_) | Error::Listen(_) | Error::Sandbox(_) | Error::Wait(_) => Exit::Config,
            Error::Api(e) => e.exit(),
            Error::Io { .. } | Error::Internal(_) => Exit::Internal,
            Error::Leftover { exit, .. } => *exit,
            Error::Context { source, .. } => source.exit(),
        }
    }

    /// A short machine-readable name, used in `--json` error objects.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Usage { .. } => "usage",
            Error::Config(_) => "config",
            Error::Listen(_) => "listen",
            Error::Sandbox(_) => "sandbox",
            Error::Wait(_) => "wait",
            Error::Api(e) => e.kind(),
            Error::Io { .. } => "io",
            Error::Internal(_) => "internal",
            Error::Leftover { .. } => "leftover",
            Error::Context { source, .. } => source.kind(),
        }
    }

    /// What the user can do about it, when we know.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. } => hint.clone(),
            Error::Config(e) => e.hint(),
            Error::Listen(e) => e.hint(),
            Error::Api(e) => e.hint(),
            Error::Leftover { hint, .. } => Some(hint.clone()),
            Error::Context { source, .. } => source.hint(),
            _ => None,
        }
    }

    /// Extra lines shown under the error (provider business errors, validation details).
    pub fn details(&self) -> Vec<String> {
        match self {
            Error::Api(e) => e.details(),
            Error::Context { source, .. } => source.details(),
            _ => Vec::new(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
