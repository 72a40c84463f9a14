//! Reading rows back into records: the column lists the queries share, and the state words
//! parsed into their enums (an unknown word is an error).

use rusqlite::Row;

use super::super::model::{Case, Delivery, Endpoint, EventRow, EventStatus, Lifecycle, Provider, Status};
use crate::secret::Secret;

/// A state column read back as its enum: an unknown word is an error naming it, never a
/// silent default (a file written by another tool, or a newer hookctl, must not be misread).
pub(super) fn named<T>(r: &Row, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(idx)?;
    parse(&text).ok_or_else(|| {
        let column = r.as_ref().column_name(idx).unwrap_or("?").to_string();
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown {column} '{text}'").into(),
        )
    })
}

pub(super) fn case_row(r: &Row) -> rusqlite::Result<Case> {
    Ok(Case {
        id: r.get(0)?,
        owner: r.get(1)?,
        test: r.get::<_, String>(2)? == "test",
        lifecycle: named(r, 3, Lifecycle::parse)?,
        close_code: r.get(4)?,
        close_comment: r.get(5)?,
        created_at: r.get(6)?,
    })
}

pub(super) const ENDPOINT_COLUMNS: &str =
    "SELECT id, provider, owner, url, description, events, active, test_mode, secret, \
     created_at, updated_at FROM endpoints";

pub(super) fn endpoint_row(r: &Row) -> rusqlite::Result<Endpoint> {
    let events: String = r.get(5)?;
    Ok(Endpoint {
        id: r.get(0)?,
        provider: named(r, 1, Provider::parse)?,
        owner: r.get(2)?,
        url: r.get(3)?,
        description: r.get(4)?,
        events: serde_json::from_str(&events).unwrap_or_default(),
        active: r.get(6)?,
        test_mode: r.get(7)?,
        secret: Secret::new(r.get::<_, String>(8)?),
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

pub(super) const DELIVERY_COLUMNS: &str = "SELECT id, provider, endpoint_id, url, secret, event_type, case_id, event_id, \
     webhook_id, body, status, attempts, failures, rate_limits, retries, next_at, http_status_code, response_body, \
     last_error, created_at, updated_at, delivered_at FROM deliveries";

pub(super) fn delivery_row(r: &Row) -> rusqlite::Result<Delivery> {
    Ok(Delivery {
        id: r.get(0)?,
        provider: named(r, 1, Provider::parse)?,
        endpoint_id: r.get(2)?,
        url: r.get(3)?,
        secret: Secret::new(r.get::<_, String>(4)?),
        event_type: r.get(5)?,
        case_id: r.get(6)?,
        event_id: r.get(7)?,
        webhook_id: r.get(8)?,
        body: r.get(9)?,
        status: named(r, 10, Status::parse)?,
        attempts: r.get(11)?,
        failures: r.get(12)?,
        rate_limits: r.get(13)?,
        retries: r.get(14)?,
        next_at: r.get(15)?,
        http_status_code: r.get(16)?,
        response_body: r.get(17)?,
        last_error: r.get(18)?,
        created_at: r.get(19)?,
        updated_at: r.get(20)?,
        delivered_at: r.get(21)?,
    })
}

pub(super) const EVENT_COLUMNS: &str =
    "SELECT id, delivery_id, case_id, subscription_id, event_type, payload, webhook_id, \
     status, created_at, visible_at, delivered_at, attempt_count, last_response_code, last_error FROM events";

pub(super) fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        delivery_id: r.get(1)?,
        case_id: r.get(2)?,
        subscription_id: r.get(3)?,
        event_type: r.get(4)?,
        payload: r.get(5)?,
        webhook_id: r.get(6)?,
        status: named(r, 7, EventStatus::parse)?,
        created_at: r.get(8)?,
        visible_at: r.get(9)?,
        delivered_at: r.get(10)?,
        attempt_count: r.get(11)?,
        last_response_code: r.get(12)?,
        last_error: r.get(13)?,
    })
}
