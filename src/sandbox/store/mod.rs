//! The sandbox's state in one SQLite file (WAL): cases, endpoints, the delivery outbox, every
//! attempt and the partner event log. Each state change is one transaction, so a `kill -9`
//! leaves either the old or the new state, never half of one.

mod error;
mod file;
mod rows;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::Value;

use super::model::{Attempt, Case, Chat, Delivery, Endpoint, EventRow, Outcome, Payment, Provider, Status};
use rows::{
    case_row, delivery_row, endpoint_row, event_row, named, DELIVERY_COLUMNS, ENDPOINT_COLUMNS, EVENT_COLUMNS,
};

pub(crate) use error::{StoreError, StoreResult};
pub use file::SCHEMA_VERSION;

/// The database, shared by the routers and the worker. One connection behind a mutex: every
/// statement is short, and one writer is what SQLite allows anyway.
pub(crate) struct Store {
    conn: Mutex<Connection>,
    pub(crate) path: PathBuf,
    /// The exclusive lock on `dir/sandbox.lock`, held while the store is open: two sandboxes on
    /// one data dir would both drain the same outbox. The OS drops it when the process dies, so
    /// a `kill -9` never leaves a stale lock behind.
    _lock: std::fs::File,
}

impl Store {
    /// Opens (creating if needed) `dir/sandbox.db`, checks it and migrates it.
    pub(crate) fn open(dir: &Path) -> StoreResult<Store> {
        let (conn, path, lock) = file::open(dir)?;
        Ok(Store { conn: Mutex::new(conn), path, _lock: lock })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half transaction behind (it rolls back
        // on drop), so the connection is still good.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` in one transaction.
    pub(crate) fn tx<T>(&self, f: impl FnOnce(&Transaction) -> StoreResult<T>) -> StoreResult<T> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub(crate) fn meta(&self, key: &str) -> StoreResult<Option<String>> {
        Ok(self.lock().query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    pub(crate) fn is_empty(&self) -> StoreResult<bool> {
        Ok(self.meta("seeded")?.is_none())
    }

    /// Deletes everything (admin reset); the caller seeds again in the same breath.
    pub(crate) fn wipe(tx: &Transaction) -> StoreResult<()> {
        tx.execute_batch(
            "DELETE FROM meta; DELETE FROM cases; DELETE FROM payments; DELETE FROM chats;
             DELETE FROM endpoints; DELETE FROM deliveries; DELETE FROM attempts; DELETE FROM events;",
        )?;
        Ok(())
    }

    pub(crate) fn set_meta(tx: &Transaction, key: &str, value: &str) -> StoreResult<()> {
        tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", [key, value])?;
        Ok(())
    }

    // ---- cases ----

    pub(crate) fn insert_case(tx: &Transaction, c: &Case) -> StoreResult<()> {
        tx.execute(
            "INSERT INTO cases (id, owner, classification, lifecycle, close_code, close_comment, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                c.id,
                c.owner,
                if c.test { "test" } else { "live" },
                c.lifecycle.as_str(),
                c.close_code,
                c.close_comment,
                c.created_at
            ],
        )?;
        Ok(())
    }

    pub(crate) fn update_case(&self, c: &Case, now: &str) -> StoreResult<()> {
        self.lock().execute(
            "UPDATE cases SET lifecycle = ?2, close_code = ?3, close_comment = ?4, updated_at = ?5 WHERE id = ?1",
            params![c.id, c.lifecycle.as_str(), c.close_code, c.close_comment, now],
        )?;
        Ok(())
    }

    pub(crate) fn case(&self, id: &str) -> StoreResult<Option<Case>> {
        Ok(self
            .lock()
            .query_row(
                "SELECT id, owner, classification, lifecycle, close_code, close_comment, created_at FROM cases WHERE id = ?1",
                [id],
                case_row,
            )
            .optional()?)
    }

    pub(crate) fn cases(&self) -> StoreResult<Vec<Case>> {
        let conn = self.lock();
        let mut st = conn.prepare(
            "SELECT id, owner, classification, lifecycle, close_code, close_comment, created_at FROM cases ORDER BY rowid",
        )?;
        let rows = st.query_map([], case_row)?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub(crate) fn insert_payment(tx: &Transaction, p: &Payment) -> StoreResult<()> {
        tx.execute(
            "INSERT INTO payments (id, case_id, amount, currency, paid_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.id, p.case_id, p.amount, p.currency, p.paid_at],
        )?;
        Ok(())
    }

    pub(crate) fn insert_chat(tx: &Transaction, c: &Chat) -> StoreResult<()> {
        tx.execute(
            "INSERT INTO chats (id, case_id, author, message, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![c.id, c.case_id, c.author, c.message, c.created_at],
        )?;
        Ok(())
    }

    /// The case's most recent payment (the one `payment.created` reports).
    pub(crate) fn latest_payment(&self, case_id: &str) -> StoreResult<Option<Payment>> {
        Ok(self
            .lock()
            .query_row(
                "SELECT id, case_id, amount, currency, paid_at FROM payments WHERE case_id = ?1 ORDER BY rowid DESC LIMIT 1",
                [case_id],
                |r| {
                    Ok(Payment {
                        id: r.get(0)?,
                        case_id: r.get(1)?,
                        amount: r.get(2)?,
                        currency: r.get(3)?,
                        paid_at: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    pub(crate) fn latest_chat(&self, case_id: &str) -> StoreResult<Option<Chat>> {
        Ok(self
            .lock()
            .query_row(
                "SELECT id, case_id, author, message, created_at FROM chats WHERE case_id = ?1 ORDER BY rowid DESC LIMIT 1",
                [case_id],
                |r| {
                    Ok(Chat {
                        id: r.get(0)?,
                        case_id: r.get(1)?,
                        author: r.get(2)?,
                        message: r.get(3)?,
                        created_at: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    pub(crate) fn count_for_case(&self, table: CaseChild, case_id: &str) -> StoreResult<i64> {
        let sql = match table {
            CaseChild::Payments => "SELECT COUNT(*) FROM payments WHERE case_id = ?1",
            CaseChild::Chats => "SELECT COUNT(*) FROM chats WHERE case_id = ?1",
        };
        Ok(self.lock().query_row(sql, [case_id], |r| r.get(0))?)
    }

    // ---- endpoints ----

    pub(crate) fn insert_endpoint(tx: &Transaction, e: &Endpoint, seeded: bool) -> StoreResult<()> {
        tx.execute(
            "INSERT INTO endpoints (id, provider, owner, url, description, events, active, test_mode, secret, seeded, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                e.id,
                e.provider.as_str(),
                e.owner,
                e.url,
                e.description,
                Value::from(e.events.clone()).to_string(),
                e.active,
                e.test_mode,
                e.secret.expose(),
                seeded,
                e.created_at,
                e.updated_at
            ],
        )?;
        Ok(())
    }

    pub(crate) fn create_endpoint(&self, e: &Endpoint) -> StoreResult<()> {
        self.tx(|tx| Store::insert_endpoint(tx, e, false))
    }

    pub(crate) fn update_endpoint(&self, e: &Endpoint) -> StoreResult<()> {
        self.lock().execute(
            "UPDATE endpoints SET url = ?2, description = ?3, events = ?4, active = ?5, updated_at = ?6 WHERE id = ?1",
            params![e.id, e.url, e.description, Value::from(e.events.clone()).to_string(), e.active, e.updated_at],
        )?;
        Ok(())
    }

    /// Points the seeded endpoints at `url` (`sandbox --seed-url`).
    pub(crate) fn retarget_seeded(&self, url: &str) -> StoreResult<()> {
        self.lock().execute("UPDATE endpoints SET url = ?1 WHERE seeded = 1", [url])?;
        Ok(())
    }

    /// Deletes an endpoint of `provider`; false when there was none.
    pub(crate) fn delete_endpoint(&self, provider: Provider, id: &str) -> StoreResult<bool> {
        let n = self
            .lock()
            .execute("DELETE FROM endpoints WHERE id = ?1 AND provider = ?2", [id, provider.as_str()])?;
        Ok(n > 0)
    }

    pub(crate) fn endpoint(&self, provider: Provider, id: &str) -> StoreResult<Option<Endpoint>> {
        Ok(self
            .lock()
            .query_row(
                &format!("{ENDPOINT_COLUMNS} WHERE id = ?1 AND provider = ?2"),
                [id, provider.as_str()],
                endpoint_row,
            )
            .optional()?)
    }

    /// The endpoints of `provider` owned by `owner`, oldest first.
    pub(crate) fn endpoints(&self, provider: Provider, owner: &str) -> StoreResult<Vec<Endpoint>> {
        let conn = self.lock();
        let mut st =
            conn.prepare(&format!("{ENDPOINT_COLUMNS} WHERE provider = ?1 AND owner = ?2 ORDER BY rowid"))?;
        let rows = st.query_map([provider.as_str(), owner], endpoint_row)?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    // ---- deliveries (the outbox) ----

    pub(crate) fn insert_delivery(tx: &Transaction, d: &Delivery) -> StoreResult<()> {
        tx.prepare_cached(
            "INSERT INTO deliveries (id, provider, endpoint_id, url, secret, event_type, case_id, event_id, webhook_id,
                 body, status, attempts, failures, rate_limits, retries, next_at, http_status_code, response_body,
                 last_error, created_at, updated_at, delivered_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
        )?
        .execute(params![
                d.id,
                d.provider.as_str(),
                d.endpoint_id,
                d.url,
                d.secret.expose(),
                d.event_type,
                d.case_id,
                d.event_id,
                d.webhook_id,
                d.body,
                d.status.as_str(),
                d.attempts,
                d.failures,
                d.rate_limits,
                d.retries,
                d.next_at,
                d.http_status_code,
                d.response_body,
                d.last_error,
                d.created_at,
                d.updated_at,
                d.delivered_at
            ],
        )?;
        Ok(())
    }

    /// Enqueues deliveries in one transaction (a fire is all or nothing).
    pub(crate) fn enqueue(&self, deliveries: &[Delivery]) -> StoreResult<()> {
        self.tx(|tx| deliveries.iter().try_for_each(|d| Store::insert_delivery(tx, d)))
    }

    pub(crate) fn delivery(&self, id: &str) -> StoreResult<Option<Delivery>> {
        Ok(self
            .lock()
            .prepare_cached(&format!("{DELIVERY_COLUMNS} WHERE id = ?1"))?
            .query_row([id], delivery_row)
            .optional()?)
    }

    /// Deliveries of `provider`, newest first, optionally for one endpoint and status.
    pub(crate) fn deliveries(
        &self,
        provider: Option<Provider>,
        endpoint: Option<&str>,
        status: Option<&str>,
        limit: i64,
    ) -> StoreResult<Vec<Delivery>> {
        let conn = self.lock();
        let mut st = conn.prepare(&format!(
            "{DELIVERY_COLUMNS} WHERE (?1 IS NULL OR provider = ?1) AND (?2 IS NULL OR endpoint_id = ?2)
             AND (?3 IS NULL OR status = ?3) ORDER BY rowid DESC LIMIT ?4"
        ))?;
        let rows = st
            .query_map(params![provider.map(Provider::as_str), endpoint, status, limit], delivery_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Up to `limit` deliveries due at `now_ms`, oldest due first.
    /// Up to `take` of the `window` earliest due deliveries not in `claims`, each added to it.
    /// Only the ids of the window are read first: the worker's window holds the deliveries in
    /// flight too, and reading their whole rows (body, secret, …) again on every refill cost
    /// more than the attempts.
    pub(crate) fn claim_due(
        &self,
        now_ms: i64,
        window: usize,
        take: usize,
        claims: &mut std::collections::HashSet<String>,
    ) -> StoreResult<Vec<Delivery>> {
        let conn = self.lock();
        let mut ids = conn.prepare_cached(
            "SELECT id FROM deliveries WHERE next_at IS NOT NULL AND next_at <= ?1 ORDER BY next_at, rowid LIMIT ?2",
        )?;
        let ids = ids
            .query_map(params![now_ms, window as i64], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut one = conn.prepare_cached(&format!("{DELIVERY_COLUMNS} WHERE id = ?1"))?;
        let mut rows = Vec::new();
        for id in ids {
            if rows.len() >= take {
                break;
            }
            if claims.contains(&id) {
                continue;
            }
            // Claimed only once read: an error leaves no claim that nothing would release.
            if let Some(d) = one.query_row([&id], delivery_row).optional()? {
                claims.insert(id);
                rows.push(d);
            }
        }
        Ok(rows)
    }

    /// When the next delivery falls due (ms since the epoch), if any.
    pub(crate) fn next_due(&self) -> StoreResult<Option<i64>> {
        Ok(self.lock().query_row(
            "SELECT MIN(next_at) FROM deliveries WHERE next_at IS NOT NULL",
            [],
            |r| r.get(0),
        )?)
    }

    /// How many deliveries wait for an attempt.
    pub(crate) fn queued(&self) -> StoreResult<i64> {
        Ok(self
            .lock()
            .query_row("SELECT COUNT(*) FROM deliveries WHERE next_at IS NOT NULL", [], |r| r.get(0))?)
    }

    /// Records attempts — each with its delivery's new state and its partner event-log row —
    /// in one transaction (group commit: the worker's outcomes are written many at a time).
    /// Idempotent: the attempt is keyed by (delivery, n) and the event row by the delivery, so
    /// a redelivery after a crash updates, never doubles.
    pub(crate) fn record_all<'a>(
        &self,
        records: impl IntoIterator<Item = (&'a Delivery, &'a Attempt, Option<&'a EventRow>)>,
    ) -> StoreResult<()> {
        self.tx(|tx| records.into_iter().try_for_each(|(d, a, event)| write_record(tx, d, a, event)))
    }

    /// Puts a dead-lettered delivery back in the queue, due now, with a fresh retry budget.
    /// Returns the delivery as it was when it is not `dead_letter` (the caller refuses).
    pub(crate) fn requeue(&self, id: &str, now_ms: i64) -> StoreResult<Result<Delivery, Option<Delivery>>> {
        self.tx(|tx| {
            let Some(d) = tx.query_row(&format!("{DELIVERY_COLUMNS} WHERE id = ?1"), [id], delivery_row).optional()?
            else {
                return Ok(Err(None));
            };
            if d.status != Status::DeadLetter {
                return Ok(Err(Some(d)));
            }
            tx.execute(
                "UPDATE deliveries SET status = 'pending', failures = 0, rate_limits = 0, next_at = ?2 WHERE id = ?1",
                params![id, now_ms],
            )?;
            Ok(Ok(Delivery { status: Status::Pending, failures: 0, rate_limits: 0, next_at: Some(now_ms), ..d }))
        })
    }

    pub(crate) fn attempts(&self, delivery: Option<&str>, limit: i64) -> StoreResult<Vec<Attempt>> {
        let conn = self.lock();
        let mut st = conn.prepare(
            "SELECT delivery_id, n, url, started_at, duration_ms, outcome, http_status_code, response_body, error
             FROM attempts WHERE (?1 IS NULL OR delivery_id = ?1) ORDER BY rowid DESC LIMIT ?2",
        )?;
        let rows = st
            .query_map(params![delivery, limit], |r| {
                Ok(Attempt {
                    delivery_id: r.get(0)?,
                    n: r.get(1)?,
                    url: r.get(2)?,
                    started_at: r.get(3)?,
                    duration_ms: r.get(4)?,
                    outcome: named(r, 5, Outcome::parse)?,
                    http_status_code: r.get(6)?,
                    response_body: r.get(7)?,
                    error: r.get(8)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    // ---- the partner event log ----

    /// Rows of a case visible at `now_ms`, newest first.
    pub(crate) fn events(
        &self,
        case_id: &str,
        since: Option<&str>,
        event_type: Option<&str>,
        now_ms: i64,
    ) -> StoreResult<Vec<EventRow>> {
        let conn = self.lock();
        let mut st = conn.prepare_cached(&format!(
            "{EVENT_COLUMNS} WHERE case_id = ?1 AND visible_at <= ?2 AND (?3 IS NULL OR created_at >= ?3)
             AND (?4 IS NULL OR event_type = ?4) ORDER BY visible_at DESC, rowid DESC"
        ))?;
        let rows = st
            .query_map(params![case_id, now_ms, since, event_type], event_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub(crate) fn event(&self, id: &str, now_ms: i64) -> StoreResult<Option<EventRow>> {
        Ok(self
            .lock()
            .query_row(
                &format!("{EVENT_COLUMNS} WHERE id = ?1 AND visible_at <= ?2"),
                params![id, now_ms],
                event_row,
            )
            .optional()?)
    }

    /// Every event row, visible or not (admin).
    pub(crate) fn all_events(&self, limit: i64) -> StoreResult<Vec<EventRow>> {
        let conn = self.lock();
        let mut st = conn.prepare(&format!("{EVENT_COLUMNS} ORDER BY rowid DESC LIMIT ?1"))?;
        let rows = st.query_map([limit], event_row)?.collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

/// One attempt, its delivery's new state and its event row (see [`Store::record_all`]).
fn write_record(tx: &Transaction, d: &Delivery, a: &Attempt, event: Option<&EventRow>) -> StoreResult<()> {
    let updated = tx.prepare_cached(
            "UPDATE deliveries SET status = ?2, attempts = ?3, failures = ?4, rate_limits = ?5, next_at = ?6,
                 http_status_code = ?7, response_body = ?8, last_error = ?9, updated_at = ?10, delivered_at = ?11
             WHERE id = ?1",
        )?
        .execute(params![
                d.id,
                d.status.as_str(),
                d.attempts,
                d.failures,
                d.rate_limits,
                d.next_at,
                d.http_status_code,
                d.response_body,
                d.last_error,
                d.updated_at,
                d.delivered_at
            ],
        )?;
    // Gone (an admin reset while it was in flight): nothing to record.
    if updated == 0 {
        return Ok(());
    }
    tx.prepare_cached(
            "INSERT OR REPLACE INTO attempts (delivery_id, n, url, started_at, duration_ms, outcome, http_status_code, response_body, error)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
                a.delivery_id,
                a.n,
                a.url,
                a.started_at,
                a.duration_ms,
                a.outcome.as_str(),
                a.http_status_code,
                a.response_body,
                a.error
            ],
        )?;
    if let Some(e) = event {
        tx.prepare_cached(
                "INSERT INTO events (id, delivery_id, case_id, subscription_id, event_type, payload, webhook_id, status,
                     created_at, visible_at, delivered_at, attempt_count, last_response_code, last_error)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                 ON CONFLICT (delivery_id) DO UPDATE SET status = excluded.status,
                     delivered_at = excluded.delivered_at, attempt_count = excluded.attempt_count,
                     last_response_code = excluded.last_response_code, last_error = excluded.last_error",
            )?
            .execute(params![
                    e.id,
                    e.delivery_id,
                    e.case_id,
                    e.subscription_id,
                    e.event_type,
                    e.payload,
                    e.webhook_id,
                    e.status.as_str(),
                    e.created_at,
                    e.visible_at,
                    e.delivered_at,
                    e.attempt_count,
                    e.last_response_code,
                    e.last_error
                ],
            )?;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum CaseChild {
    Payments,
    Chats,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_sqlite_is_refused_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("sandbox.db"), b"this is not a database, just text".repeat(200))
            .unwrap();
        let err = Store::open(dir.path()).err().unwrap();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
        assert!(err.to_string().contains("sandbox.db"), "{err}");
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path()).unwrap());
        let conn = Connection::open(dir.path().join("sandbox.db")).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        drop(conn);
        let err = Store::open(dir.path()).err().unwrap();
        assert!(matches!(err, StoreError::Newer { found, .. } if found == SCHEMA_VERSION + 1), "{err}");
        // Reopening again still refuses: nothing was reset.
        assert!(Store::open(dir.path()).is_err());
    }

    #[test]
    fn a_second_store_on_the_same_dir_is_refused_until_the_first_closes() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::open(dir.path()).unwrap();
        let err = Store::open(dir.path()).err().unwrap();
        assert!(matches!(err, StoreError::Busy { .. }), "{err}");
        assert!(err.to_string().contains(&dir.path().display().to_string()), "{err}");
        drop(first);
        Store::open(dir.path()).unwrap();
    }

    #[test]
    fn reopening_keeps_the_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path()).unwrap());
        let s = Store::open(dir.path()).unwrap();
        let v: i64 = s.lock().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION);
    }

    #[test]
    fn an_unknown_state_word_in_the_file_is_an_error_not_a_default() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        crate::sandbox::seed::seed(&s, "http://127.0.0.1:9/", false).unwrap();
        let dead = crate::sandbox::seed::CLOSIENT_DEAD_LETTER;
        assert!(s.delivery(dead).unwrap().is_some());
        s.lock().execute("UPDATE deliveries SET status = 'exploded' WHERE id = ?1", [dead]).unwrap();
        let err = s.delivery(dead).unwrap_err().to_string();
        assert!(err.contains("exploded"), "{err}");
        s.lock().execute("UPDATE cases SET lifecycle = 'Limbo'", []).unwrap();
        assert!(s.cases().unwrap_err().to_string().contains("Limbo"));
    }
}
