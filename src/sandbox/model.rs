//! The sandbox's records (cases, endpoints, deliveries, attempts, event-log rows), the id
//! formats the documents give, and the clock.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::secret::Secret;
use rand::Rng;

/// Which dialect a record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Provider {
    Partner,
    Closient,
    Xpath,
    Personio,
}

impl Provider {
    pub(crate) const ALL: [Provider; 4] =
        [Provider::Partner, Provider::Closient, Provider::Xpath, Provider::Personio];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Provider::Partner => "partner",
            Provider::Closient => "closient",
            Provider::Xpath => "xpath",
            Provider::Personio => "personio",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// Where a partner case stands (the words `case.assigned`/`case.updated` report). The
/// document names none; these are inferred, and the admin routes accept only them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lifecycle {
    Onboarding,
    Collection,
    Legal,
    Closed,
}

impl Lifecycle {
    pub(crate) const ALL: [Lifecycle; 4] =
        [Lifecycle::Onboarding, Lifecycle::Collection, Lifecycle::Legal, Lifecycle::Closed];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Onboarding => "Onboarding",
            Lifecycle::Collection => "Collection",
            Lifecycle::Legal => "Legal",
            Lifecycle::Closed => "Closed",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Lifecycle> {
        Lifecycle::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A partner case. `owner` is the collection partner; the token's partner is [`SELF`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Case {
    pub id: String,
    pub owner: String,
    pub test: bool,
    pub lifecycle: Lifecycle,
    pub close_code: Option<String>,
    pub close_comment: Option<String>,
    pub created_at: String,
}

/// The owner the sandbox token speaks for; anything else is "not owned by this partner".
pub(crate) const SELF: &str = "self";

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Payment {
    pub id: String,
    pub case_id: String,
    pub amount: String,
    pub currency: String,
    pub paid_at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chat {
    pub id: String,
    pub case_id: String,
    pub author: String,
    pub message: String,
    pub created_at: String,
}

/// An endpoint of any dialect (partner: a subscription; personio: a webhook).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Endpoint {
    pub id: String,
    pub provider: Provider,
    pub owner: String,
    pub url: String,
    pub description: Option<String>,
    pub events: Vec<String>,
    pub active: bool,
    /// Partner `isTestMode`: only test subscriptions receive fired events.
    pub test_mode: bool,
    /// The `whsec_` signing secret (masked in Debug).
    pub secret: Secret,
    pub created_at: String,
    pub updated_at: String,
}

impl Endpoint {
    /// A new endpoint of the token's owner with a fresh secret, created now.
    pub(crate) fn new(
        provider: Provider,
        id: String,
        url: String,
        events: Vec<String>,
        active: bool,
    ) -> Endpoint {
        let now = now();
        Endpoint {
            id,
            provider,
            owner: SELF.into(),
            url,
            description: None,
            events,
            active,
            test_mode: true,
            secret: Secret::new(secret()),
            created_at: now.clone(),
            updated_at: now,
        }
    }

    /// `fields` (a dialect's rendering) plus `secret` when asked: it is shown on create only.
    pub(crate) fn with_secret(&self, mut fields: serde_json::Value, show: bool) -> serde_json::Value {
        if show {
            fields["secret"] = serde_json::json!(self.secret.expose());
        }
        fields
    }
}

/// Closient's five delivery states (used for every dialect's outbox).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// Enqueued, not attempted yet.
    Pending,
    Delivered,
    /// The last attempt failed; a retry is scheduled.
    Failed,
    /// The last answer was 429; retried after its Retry-After, apart from the failure budget.
    RateLimited,
    /// Retries exhausted: only a replay sends it again.
    DeadLetter,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Delivered => "delivered",
            Status::Failed => "failed",
            Status::RateLimited => "rate_limited",
            Status::DeadLetter => "dead_letter",
        }
    }

    pub(crate) const ALL: [Status; 5] =
        [Status::Pending, Status::Delivered, Status::Failed, Status::RateLimited, Status::DeadLetter];

    pub(crate) fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub(crate) const NAMES: [&'static str; 5] =
        ["pending", "delivered", "failed", "rate_limited", "dead_letter"];

    /// The partner event log's word for it: `failed` there is final (hookctl's waiter reads
    /// it so), so a delivery between retries shows as `retrying`.
    pub(crate) fn partner_word(self) -> EventStatus {
        match self {
            Status::Pending => EventStatus::Pending,
            Status::Delivered => EventStatus::Delivered,
            Status::Failed | Status::RateLimited => EventStatus::Retrying,
            Status::DeadLetter => EventStatus::Failed,
        }
    }
}

/// A partner event-log row's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventStatus {
    Pending,
    Delivered,
    /// Failed, with a retry scheduled.
    Retrying,
    /// Final: retries exhausted.
    Failed,
}

impl EventStatus {
    pub(crate) const ALL: [EventStatus; 4] =
        [EventStatus::Pending, EventStatus::Delivered, EventStatus::Retrying, EventStatus::Failed];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EventStatus::Pending => "pending",
            EventStatus::Delivered => "delivered",
            EventStatus::Retrying => "retrying",
            EventStatus::Failed => "failed",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<EventStatus> {
        EventStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// One webhook to send, and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Delivery {
    pub id: String,
    pub provider: Provider,
    pub endpoint_id: String,
    pub url: String,
    pub secret: Secret,
    pub event_type: String,
    /// Partner: the case, and the event-log row id the payload carries.
    pub case_id: Option<String>,
    pub event_id: Option<String>,
    /// Standard Webhooks `webhook-id`: the same on every attempt, so receivers can dedupe.
    pub webhook_id: String,
    pub body: String,
    pub status: Status,
    pub attempts: i64,
    pub failures: i64,
    pub rate_limits: i64,
    /// False for one-shot deliveries (personio test events).
    pub retries: bool,
    /// When the next attempt is due (ms since the epoch); `None` once terminal.
    pub next_at: Option<i64>,
    pub http_status_code: Option<i64>,
    pub response_body: Option<String>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub delivered_at: Option<String>,
}

impl Delivery {
    /// A delivery to `endpoint`, due now, not attempted yet, with a fresh `webhook-id`.
    pub(crate) fn to(
        id: String,
        endpoint: &Endpoint,
        event_type: &str,
        body: String,
        retries: bool,
    ) -> Delivery {
        let at = now_ms();
        let now = rfc3339(at);
        Delivery {
            id,
            provider: endpoint.provider,
            endpoint_id: endpoint.id.clone(),
            url: endpoint.url.clone(),
            secret: endpoint.secret.clone(),
            event_type: event_type.to_string(),
            case_id: None,
            event_id: None,
            webhook_id: crate::sign::new_message_id(),
            body,
            status: Status::Pending,
            attempts: 0,
            failures: 0,
            rate_limits: 0,
            retries,
            next_at: Some(at),
            http_status_code: None,
            response_body: None,
            last_error: None,
            created_at: now.clone(),
            updated_at: now,
            delivered_at: None,
        }
    }
}

/// What one attempt came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A 2xx answer.
    Delivered,
    /// A 429 answer.
    RateLimited,
    /// Another status.
    Rejected,
    /// No answer: connection refused, timeout, or a simulated fault.
    Error,
}

impl Outcome {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Outcome::Delivered => "delivered",
            Outcome::RateLimited => "rate_limited",
            Outcome::Rejected => "rejected",
            Outcome::Error => "error",
        }
    }

    pub(crate) const ALL: [Outcome; 4] =
        [Outcome::Delivered, Outcome::RateLimited, Outcome::Rejected, Outcome::Error];

    pub(crate) fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attempt {
    pub delivery_id: String,
    /// 1 for the first attempt.
    pub n: i64,
    pub url: String,
    pub started_at: String,
    pub duration_ms: i64,
    pub outcome: Outcome,
    pub http_status_code: Option<i64>,
    /// The first 256 characters of the answer.
    pub response_body: Option<String>,
    pub error: Option<String>,
}

/// A partner event-log row (`GET /webhooks/events`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventRow {
    pub id: String,
    pub delivery_id: String,
    pub case_id: String,
    pub subscription_id: String,
    pub event_type: String,
    pub payload: String,
    pub webhook_id: String,
    pub status: EventStatus,
    pub created_at: String,
    /// When the row shows up in the log (the lag), ms since the epoch.
    pub visible_at: i64,
    pub delivered_at: Option<String>,
    pub attempt_count: i64,
    pub last_response_code: Option<i64>,
    pub last_error: Option<String>,
}

// ---- clock ----

pub(crate) fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// RFC 3339 UTC with milliseconds, e.g. `2026-05-01T12:00:00.123Z`.
pub(crate) fn rfc3339(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let f = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.format(&f).unwrap_or_default()
}

pub(crate) fn now() -> String {
    rfc3339(now_ms())
}

pub(crate) fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

// ---- ids ----

/// shortuuid's alphabet (closient ids): no 0, 1, I, O or l.
pub(crate) const SHORTUUID: &str = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn pick(alphabet: &[u8], n: usize) -> String {
    let mut rng = rand::thread_rng();
    (0..n).map(|_| alphabet[rng.gen_range(0..alphabet.len())] as char).collect()
}

/// A 22-character closient id.
pub(crate) fn shortuuid() -> String {
    pick(SHORTUUID.as_bytes(), 22)
}

/// An xpath id: `wh_` + a ULID (10 time characters, 16 random, Crockford base32).
pub(crate) fn xpath_id() -> String {
    let mut t = now_ms() as u64;
    let mut time = [0u8; 10];
    for c in time.iter_mut().rev() {
        *c = CROCKFORD[(t % 32) as usize];
        t /= 32;
    }
    format!("wh_{}{}", String::from_utf8_lossy(&time), pick(CROCKFORD, 16))
}

/// A random (version 4) UUID, lower-case.
pub(crate) fn uuid() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

/// `prefix_` + 24 lower-case hex characters (partner records, event rows).
pub(crate) fn prefixed(prefix: &str) -> String {
    let b: [u8; 12] = rand::random();
    format!("{prefix}_{}", hex::encode(b))
}

/// A Standard Webhooks signing secret: `whsec_` + base64 of 24 random bytes.
pub(crate) fn secret() -> String {
    use base64::Engine;
    let b: [u8; 24] = rand::random();
    format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(b))
}

/// A personio-style trace id (`aswo3f-a202lfso-312123sld-1230ddd`).
pub(crate) fn trace_id() -> String {
    const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    [6, 8, 9, 7].iter().map(|n| pick(LOWER, *n)).collect::<Vec<_>>().join("-")
}

/// The first `max` characters of `s`.
pub(crate) fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::CLOSIENT;

    #[test]
    fn debug_of_an_endpoint_or_a_delivery_never_shows_the_signing_secret() {
        let e = Endpoint::new(Provider::Xpath, "wh_1".into(), "http://127.0.0.1:9/".into(), vec![], true);
        let d = Delivery::to("d1".into(), &e, "cases.created", "{}".into(), true);
        let secret = e.secret.expose().to_string();
        assert!(secret.starts_with("whsec_"));
        assert!(!format!("{e:?}").contains(&secret) && !format!("{d:?}").contains(&secret));
        assert_eq!(e.with_secret(serde_json::json!({}), true)["secret"], secret.as_str(), "shown on create");
    }

    #[test]
    fn ids_follow_the_documented_formats() {
        for _ in 0..200 {
            assert!(CLOSIENT.check_endpoint_id(&shortuuid()).is_ok());
            let x = xpath_id();
            assert_eq!(x.len(), 29, "{x}");
            assert!(x.starts_with("wh_01") || x.starts_with("wh_0"), "{x}");
            assert!(x[3..].bytes().all(|c| CROCKFORD.contains(&c)), "{x}");
            let u = uuid();
            assert_eq!(u.len(), 36);
            assert_eq!(&u[14..15], "4");
        }
        assert!(secret().starts_with("whsec_"));
        assert_eq!(trace_id().split('-').count(), 4);
    }

    #[test]
    fn cut_counts_characters_not_bytes() {
        assert_eq!(cut("héllo", 2), "hé");
        assert_eq!(cut("abc", 256), "abc");
        assert_eq!(cut(&"é".repeat(300), 256).chars().count(), 256);
    }

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_614_265_330_123), "2021-02-25T15:02:10.123Z");
    }
}
