//! Why the database cannot be used.

use std::path::PathBuf;

/// Why the database cannot be used. Each names the file: the user must be able to find it.
#[derive(Debug, thiserror::Error)]
pub(crate) enum StoreError {
    #[error("cannot create the sandbox data directory {path}: {source}")]
    Dir { path: PathBuf, source: std::io::Error },
    #[error("cannot lock {path} (one sandbox per data directory): {source}")]
    Lock { path: PathBuf, source: std::io::Error },
    #[error("the sandbox database {path} cannot be used: {message}")]
    Corrupt { path: PathBuf, message: String },
    #[error(
        "the sandbox database {path} has schema version {found}, newer than this hookctl knows ({known})"
    )]
    Newer { path: PathBuf, found: i64, known: i64 },
    #[error(
        "another sandbox is already running on the data directory {dir} (it holds {lock}); both would deliver the same queue"
    )]
    Busy { dir: PathBuf, lock: PathBuf },
    #[error("the sandbox database {path} is read-only: {message}")]
    ReadOnly { path: PathBuf, message: String },
    #[error("the sandbox database {path} does not have the tables this hookctl expects: {message}")]
    Schema { path: PathBuf, message: String },
    #[error("sandbox database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

pub(crate) type StoreResult<T> = Result<T, StoreError>;
