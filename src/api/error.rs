use crate::exit::Exit;

/// Errors talking to a provider API. Each variant maps to an exit code of DESIGN §6.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 401/403: exit 3.
    #[error("{message}")]
    Auth { status: u16, message: String, details: Vec<String> },
    /// Other 4xx: exit 4.
    #[error("{message}")]
    Rejected { status: u16, message: String, details: Vec<String> },
    /// 5xx after retries, connect/TLS failure, timeouts: exit 5.
    #[error("{message}")]
    Network { message: String, details: Vec<String> },
}

impl ApiError {
    pub fn exit(&self) -> Exit {
        match self {
            ApiError::Auth { .. } => Exit::Config,
            ApiError::Rejected { .. } => Exit::Api,
            ApiError::Network { .. } => Exit::Network,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            ApiError::Auth { .. } => "auth",
            ApiError::Rejected { .. } => "api",
            ApiError::Network { .. } => "network",
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            ApiError::Auth { .. } => {
                Some("check the token (HOOKCTL_TOKEN or `hookctl config set token …`)".into())
            }
            _ => None,
        }
    }

    pub fn details(&self) -> Vec<String> {
        match self {
            ApiError::Auth { details, .. }
            | ApiError::Rejected { details, .. }
            | ApiError::Network { details, .. } => details.clone(),
        }
    }
}
