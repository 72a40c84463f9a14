//! Opening the sandbox's file: the private data directory and its lock, the schema and its
//! migrations, and the checks that refuse (naming the file) what this hookctl cannot use.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::error::{StoreError, StoreResult};
use super::rows::{DELIVERY_COLUMNS, ENDPOINT_COLUMNS, EVENT_COLUMNS};

/// The schema this build writes. A file with a larger `user_version` was written by a newer
/// hookctl: refused, never downgraded.
pub const SCHEMA_VERSION: i64 = 1;

/// Migrations, in order: `MIGRATIONS[n]` takes a file from version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE cases (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, classification TEXT NOT NULL,
    lifecycle TEXT NOT NULL, close_code TEXT, close_comment TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE payments (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT NOT NULL,
    paid_at TEXT NOT NULL);
CREATE TABLE chats (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, author TEXT NOT NULL, message TEXT NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE endpoints (
    id TEXT PRIMARY KEY, provider TEXT NOT NULL, owner TEXT NOT NULL, url TEXT NOT NULL,
    description TEXT, events TEXT NOT NULL, active INTEGER NOT NULL, test_mode INTEGER NOT NULL,
    secret TEXT NOT NULL, seeded INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE deliveries (
    id TEXT PRIMARY KEY, provider TEXT NOT NULL, endpoint_id TEXT NOT NULL, url TEXT NOT NULL,
    secret TEXT NOT NULL, event_type TEXT NOT NULL, case_id TEXT, event_id TEXT,
    webhook_id TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0,
    rate_limits INTEGER NOT NULL DEFAULT 0, retries INTEGER NOT NULL,
    next_at INTEGER, http_status_code INTEGER, response_body TEXT, last_error TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, delivered_at TEXT);
CREATE INDEX deliveries_due ON deliveries(next_at) WHERE next_at IS NOT NULL;
CREATE INDEX deliveries_endpoint ON deliveries(endpoint_id);
CREATE TABLE attempts (
    delivery_id TEXT NOT NULL, n INTEGER NOT NULL, url TEXT NOT NULL, started_at TEXT NOT NULL,
    duration_ms INTEGER NOT NULL, outcome TEXT NOT NULL, http_status_code INTEGER,
    response_body TEXT, error TEXT, PRIMARY KEY (delivery_id, n));
CREATE TABLE events (
    id TEXT PRIMARY KEY, delivery_id TEXT NOT NULL UNIQUE, case_id TEXT NOT NULL,
    subscription_id TEXT NOT NULL, event_type TEXT NOT NULL, payload TEXT NOT NULL,
    webhook_id TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
    visible_at INTEGER NOT NULL, delivered_at TEXT, attempt_count INTEGER NOT NULL,
    last_response_code INTEGER, last_error TEXT);
CREATE INDEX events_case ON events(case_id);
"#];

/// Opens (creating if needed) `dir/sandbox.db`, checks it and migrates it: the connection,
/// the database's path, and the data directory's lock (held as long as the store is open).
pub(super) fn open(dir: &Path) -> StoreResult<(Connection, PathBuf, std::fs::File)> {
    create_private_dir(dir).map_err(|source| StoreError::Dir { path: dir.to_path_buf(), source })?;
    let lock = lock_dir(dir)?;
    let path = dir.join("sandbox.db");
    // Every endpoint's signing secret is in there: the file (and the journal files SQLite
    // creates with the database's mode) is private.
    private_files(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            StoreError::ReadOnly { path: path.clone(), message: e.to_string() }
        }
        _ => StoreError::Dir { path: path.clone(), source: e },
    })?;
    let corrupt = |e: rusqlite::Error| StoreError::Corrupt { path: path.clone(), message: e.to_string() };
    let mut conn = Connection::open(&path).map_err(corrupt)?;
    if conn.is_readonly(rusqlite::DatabaseName::Main).unwrap_or(false) {
        return Err(StoreError::ReadOnly { path, message: "it was opened read-only".into() });
    }
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(corrupt)?;
    // Reading the header is the first thing that fails on a file that is not SQLite.
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(corrupt)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer { path, found: version, known: SCHEMA_VERSION });
    }
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(corrupt)?;
    if check != "ok" {
        return Err(StoreError::Corrupt { path, message: check });
    }
    conn.pragma_update(None, "journal_mode", "WAL").map_err(corrupt)?;
    // WAL + NORMAL: a committed transaction survives a killed process (not a power cut).
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(corrupt)?;
    let tx = conn.transaction().map_err(corrupt)?;
    for (n, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql).map_err(corrupt)?;
        tx.pragma_update(None, "user_version", n as i64 + 1).map_err(corrupt)?;
    }
    tx.commit().map_err(corrupt)?;
    check_schema(&conn).map_err(|e| StoreError::Schema { path: path.clone(), message: e.to_string() })?;
    // A write now, so a database that cannot take one is refused at start rather than
    // answering 500 to every write later.
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('opened_at', ?1)",
        [super::super::model::now()],
    )
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => {
            StoreError::ReadOnly { path: path.clone(), message: e.to_string() }
        }
        _ => corrupt(e),
    })?;
    Ok((conn, path, lock))
}

/// Every column the queries read or write, checked at start so a file with the right version
/// but another shape is refused naming the file, instead of failing request by request.
fn check_schema(conn: &Connection) -> rusqlite::Result<()> {
    for sql in [
        "SELECT key, value FROM meta",
        "SELECT id, owner, classification, lifecycle, close_code, close_comment, created_at, updated_at FROM cases",
        "SELECT id, case_id, amount, currency, paid_at FROM payments",
        "SELECT id, case_id, author, message, created_at FROM chats",
        "SELECT seeded FROM endpoints",
        ENDPOINT_COLUMNS,
        DELIVERY_COLUMNS,
        "SELECT delivery_id, n, url, started_at, duration_ms, outcome, http_status_code, response_body, error FROM attempts",
        EVENT_COLUMNS,
    ] {
        conn.prepare(&format!("{sql} LIMIT 0"))?;
    }
    Ok(())
}

/// Creates the data directory `0700` (Unix). An existing directory keeps its mode: it may be
/// shared (`--data-dir /tmp/x`); the files in it are private either way.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Creates `sandbox.db` `0600` before SQLite opens it (SQLite gives its `-wal` and `-shm`
/// files the database's mode), and makes older, readable ones private.
fn private_files(dir: &Path) -> std::io::Result<()> {
    let db = dir.join("sandbox.db");
    private_open(std::fs::OpenOptions::new().create(true).truncate(false).write(true)).open(&db)?;
    #[cfg(unix)]
    for name in ["sandbox.db", "sandbox.db-wal", "sandbox.db-shm", "sandbox.lock"] {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join(name);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_file() && m.permissions().mode() & 0o077 != 0 => {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?
            }
            _ => {}
        }
    }
    Ok(())
}

/// `0600` on creation (Unix).
fn private_open(o: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(o, 0o600);
    o
}

/// Takes the data dir's exclusive lock, or says which sandbox holds it.
fn lock_dir(dir: &Path) -> StoreResult<std::fs::File> {
    let lock = dir.join("sandbox.lock");
    let file = private_open(std::fs::OpenOptions::new().create(true).truncate(false).write(true))
        .open(&lock)
        .map_err(|source| StoreError::Lock { path: lock.clone(), source })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Busy { dir: dir.to_path_buf(), lock }),
        Err(std::fs::TryLockError::Error(source)) => Err(StoreError::Lock { path: lock, source }),
    }
}
