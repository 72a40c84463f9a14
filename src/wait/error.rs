//! What stops a wait before its first poll (exit 3: the user must change what they gave).

/// A wait that cannot start.
#[derive(Debug, thiserror::Error)]
pub enum WaitError {
    /// A profile's `fields.<name>` names no event-row field hookctl reads.
    #[error("unknown event-row field 'fields.{name}' in the profile (known: {known})")]
    UnknownField { name: String, known: String },
}
