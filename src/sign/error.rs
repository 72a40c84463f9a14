//! Why a secret cannot sign or verify.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    /// The secret cannot be used for this scheme (bad base64, empty, public key…); the text
    /// says what is wrong with "it", for the caller to name which secret.
    #[error("{0}")]
    BadSecret(String),
}
