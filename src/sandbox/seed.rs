//! The demo data a fresh sandbox starts with. The ids are stable and documented (README,
//! `sandbox --help`, the ready line), so scripts and tutorials can name them.

use crate::secret::Secret;
use serde_json::{json, Value};

use super::model::{self, Case, Chat, Delivery, Endpoint, Lifecycle, Payment, Provider, Status, SELF};
use super::store::{Store, StoreResult};

/// The signing secret of every seeded endpoint (`hookctl listen --secret …` verifies with it).
pub const SECRET: &str = "whsec_aG9va2N0bCBzYW5kYm94IHNlZWQgc2VjcmV0IDIwMjY=";
/// Where seeded endpoints deliver unless `--seed-url` says otherwise: `hookctl listen`'s
/// default address.
pub const DEFAULT_URL: &str = "http://127.0.0.1:8787/";

/// Partner: a test case with payments and chats.
pub const CASE_TEST: &str = "case_test_full";
/// Partner: a test case with neither (payment.created / chat.created → 422).
pub const CASE_EMPTY: &str = "case_test_empty";
/// Partner: a live case (fire → 400).
pub const CASE_LIVE: &str = "case_live";
/// Partner: a case of another collection partner (fire → 404).
pub const CASE_FOREIGN: &str = "case_other_partner";
/// Partner: an active test subscription to every event type.
pub const SUB_TEST: &str = "sub_test_all_events";
/// Partner: a live (not test-mode) subscription (fire --subscription → 400).
pub const SUB_LIVE: &str = "sub_live";
/// Partner: another partner's subscription (fire --subscription → 400).
pub const SUB_FOREIGN: &str = "sub_other_partner";
/// Closient: an endpoint (22-character shortuuid).
pub const CLOSIENT_ENDPOINT: &str = "SandboxEndpoint2345678";
/// Closient: a dead-lettered delivery, ready to replay.
pub const CLOSIENT_DEAD_LETTER: &str = "SandboxDeadLetter23456";
/// xpath: the document's own example id.
pub const XPATH_ENDPOINT: &str = "wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW";
/// personio: the document's own example id.
pub const PERSONIO_WEBHOOK: &str = "533e7206-f4a3-11ed-9c8b-436fad0b82d1";

/// Partner event types (the document's list).
pub const PARTNER_EVENTS: [&str; 5] =
    ["case.assigned", "case.updated", "case.closed", "payment.created", "chat.created"];

/// The seed ids as the ready line and `GET /_sandbox/` show them.
pub fn describe() -> Value {
    json!({
        "secret": SECRET,
        "partner": {
            "test_case": CASE_TEST,
            "empty_case": CASE_EMPTY,
            "live_case": CASE_LIVE,
            "foreign_case": CASE_FOREIGN,
            "subscription": SUB_TEST,
            "live_subscription": SUB_LIVE,
            "foreign_subscription": SUB_FOREIGN,
        },
        "closient": {"endpoint": CLOSIENT_ENDPOINT, "dead_letter_delivery": CLOSIENT_DEAD_LETTER},
        "xpath": {"endpoint": XPATH_ENDPOINT},
        "personio": {"webhook": PERSONIO_WEBHOOK, "readonly_token": crate::providers::sandbox::READONLY_TOKEN},
    })
}

/// Seeds an empty database; with `wipe`, deletes everything first (admin reset), in the same
/// transaction. `url` is where seeded endpoints deliver.
pub(crate) fn seed(store: &Store, url: &str, wipe: bool) -> StoreResult<()> {
    let now = model::now();
    store.tx(|tx| {
        if wipe {
            Store::wipe(tx)?;
        }
        let case = |id: &str, owner: &str, test: bool, lifecycle: Lifecycle| Case {
            id: id.into(),
            owner: owner.into(),
            test,
            lifecycle,
            close_code: None,
            close_comment: None,
            created_at: now.clone(),
        };
        Store::insert_case(tx, &case(CASE_TEST, SELF, true, Lifecycle::Collection))?;
        Store::insert_case(tx, &case(CASE_EMPTY, SELF, true, Lifecycle::Onboarding))?;
        Store::insert_case(tx, &case(CASE_LIVE, SELF, false, Lifecycle::Collection))?;
        Store::insert_case(tx, &case(CASE_FOREIGN, "another-partner", true, Lifecycle::Collection))?;
        for (n, amount) in [(1, "120.00"), (2, "80.50")] {
            Store::insert_payment(
                tx,
                &Payment {
                    id: format!("pay_seed_{n}"),
                    case_id: CASE_TEST.into(),
                    amount: amount.into(),
                    currency: "EUR".into(),
                    paid_at: now.clone(),
                },
            )?;
        }
        for (n, (author, message)) in
            [("debtor", "I will pay the rest next week."), ("partner", "Thank you, noted.")]
                .iter()
                .enumerate()
        {
            Store::insert_chat(
                tx,
                &Chat {
                    id: format!("chat_seed_{}", n + 1),
                    case_id: CASE_TEST.into(),
                    author: author.to_string(),
                    message: message.to_string(),
                    created_at: now.clone(),
                },
            )?;
        }
        let endpoint = |id: &str, provider: Provider, owner: &str, events: &[&str]| Endpoint {
            id: id.into(),
            provider,
            owner: owner.into(),
            url: url.into(),
            description: Some("seeded by hookctl sandbox".into()),
            events: events.iter().map(|e| e.to_string()).collect(),
            active: true,
            test_mode: true,
            secret: Secret::new(SECRET),
            created_at: now.clone(),
            updated_at: now.clone(),
        };
        Store::insert_endpoint(tx, &endpoint(SUB_TEST, Provider::Partner, SELF, &PARTNER_EVENTS), true)?;
        Store::insert_endpoint(
            tx,
            &Endpoint { test_mode: false, ..endpoint(SUB_LIVE, Provider::Partner, SELF, &PARTNER_EVENTS) },
            true,
        )?;
        Store::insert_endpoint(
            tx,
            &endpoint(SUB_FOREIGN, Provider::Partner, "another-partner", &PARTNER_EVENTS),
            true,
        )?;
        Store::insert_endpoint(tx, &endpoint(CLOSIENT_ENDPOINT, Provider::Closient, SELF, &["*"]), true)?;
        Store::insert_endpoint(
            tx,
            &endpoint(XPATH_ENDPOINT, Provider::Xpath, SELF, &["cases.*", "assignments.*"]),
            true,
        )?;
        Store::insert_endpoint(
            tx,
            &endpoint(
                PERSONIO_WEBHOOK,
                Provider::Personio,
                SELF,
                &["person.created", "person.updated", "document.created"],
            ),
            true,
        )?;
        Store::insert_delivery(
            tx,
            &Delivery {
                id: CLOSIENT_DEAD_LETTER.into(),
                provider: Provider::Closient,
                endpoint_id: CLOSIENT_ENDPOINT.into(),
                url: url.into(),
                secret: Secret::new(SECRET),
                event_type: "ping".into(),
                case_id: None,
                event_id: None,
                webhook_id: "msg_SandboxSeededDeadLetter000".into(),
                body: super::closient::ping_body(CLOSIENT_DEAD_LETTER, CLOSIENT_ENDPOINT, &now),
                status: Status::DeadLetter,
                attempts: 4,
                failures: 4,
                rate_limits: 0,
                retries: true,
                next_at: None,
                http_status_code: Some(500),
                response_body: Some("Internal Server Error".into()),
                last_error: None,
                created_at: now.clone(),
                updated_at: now.clone(),
                delivered_at: None,
            },
        )?;
        Store::set_meta(tx, "seeded", &now)
    })
}
