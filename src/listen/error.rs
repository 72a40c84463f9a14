//! What stops a listener or a capture replay that is set up wrong — not the config file's
//! fault, but like it exit 3: the user must change what they gave.

/// A listen or `replay --from` problem.
#[derive(Debug, thiserror::Error)]
pub enum ListenError {
    /// A signing secret that no request could be verified or signed with: the sender is not
    /// to blame, so this is not "signature invalid".
    #[error("{which} cannot be used: {problem}")]
    UnusableSecret { which: String, problem: String },
}

impl ListenError {
    pub fn hint(&self) -> Option<String> {
        match self {
            ListenError::UnusableSecret { .. } => {
                Some("secrets are used exactly as given; copy it again from the provider's dashboard".into())
            }
        }
    }
}
