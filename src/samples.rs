//! Provider-shaped sample payloads for `hookctl send`, one per event type the provider
//! documents name. The documents describe event names but not bodies, so the shapes are
//! inferred: realistic ids, timestamps and nested objects in each provider's naming style
//! (camelCase for partner, snake_case for the others), enough to exercise a handler.

use serde_json::{json, Value};

use crate::sign::Scheme;

/// `(provider, event type)` for every built-in sample, in catalog order.
pub const EVENT_TYPES: &[(&str, &str)] = &[
    ("partner", "case.assigned"),
    ("partner", "case.updated"),
    ("partner", "case.closed"),
    ("partner", "payment.created"),
    ("partner", "chat.created"),
    ("xpath", "cases.created"),
    ("xpath", "cases.updated"),
    ("xpath", "cases.closed"),
    ("xpath", "cases.archived"),
    ("xpath", "cases.unarchived"),
    ("xpath", "assignments.created"),
    ("xpath", "assignments.updated"),
    ("xpath", "assignments.status.updated"),
    ("xpath", "assignments.archived"),
    ("xpath", "assignments.unarchived"),
    ("xpath", "assignments.extensions.created"),
    ("personio", "person.created"),
    ("personio", "person.updated"),
    ("personio", "person.deleted"),
    ("personio", "document.created"),
    ("personio", "document.updated"),
    ("personio", "document.deleted"),
    ("closient", "ping"),
];

/// The sample for `event`, or `None` when no provider documents that event type.
/// `id` is the delivery/message id and `at` the Unix time the event claims to be from.
pub fn sample(event: &str, id: &str, at: i64) -> Option<Value> {
    let (provider, _) = EVENT_TYPES.iter().find(|(_, e)| *e == event)?;
    let ts = rfc3339(at);
    Some(match *provider {
        "partner" => partner(event, id, &ts),
        "xpath" => xpath(event, id, &ts),
        "personio" => personio(event, id, &ts),
        _ => json!({
            "id": id,
            "type": "ping",
            "created_at": ts,
            "data": {"message": "Test event from hookctl", "endpoint_id": "7GmZ2kqWfX8bDnR4tPvY3s"},
        }),
    })
}

/// What `send` posts for an event type nobody documents.
pub fn generic(event: &str) -> Value {
    json!({"type": event, "data": {}})
}

fn partner(event: &str, id: &str, ts: &str) -> Value {
    let case = json!({
        "caseId": "c3f1a2b4-5d6e-4f70-8a91-b2c3d4e5f607",
        "caseNumber": "DEB-2026-004211",
        "classification": "test",
        "debtor": {"name": "Erika Mustermann", "country": "DE"},
        "claim": {"amount": 1250.0, "currency": "EUR"},
    });
    let data = match event {
        "case.assigned" => json!({"case": case, "lifecycle": "assigned", "assignedAt": ts}),
        "case.updated" => json!({"case": case, "oldLifecycle": "assigned", "newLifecycle": "in_collection"}),
        "case.closed" => json!({
            "case": case, "lifecycle": "closed", "closeCode": "PAID_IN_FULL",
            "closeComment": "Debtor paid the full amount", "closedAt": ts,
        }),
        "payment.created" => json!({
            "case": case,
            "payment": {"paymentId": "pay_8Kq2LmZ4", "amount": 250.0, "currency": "EUR", "paidAt": ts},
        }),
        _ => json!({
            "case": case,
            "chat": {"messageId": "chat_5Tn7Vb1", "author": "collector", "message": "We received your reply.", "createdAt": ts},
        }),
    };
    json!({"eventId": id, "eventType": event, "createdAt": ts, "data": data})
}

fn xpath(event: &str, id: &str, ts: &str) -> Value {
    let data = if event.starts_with("cases.") {
        let status = match event {
            "cases.closed" => "closed",
            "cases.archived" => "archived",
            _ => "open",
        };
        json!({"case": {
            "id": "case_01J1C7A4M2Q8V6T3R9X5B0N1KD", "reference": "XP-88213", "status": status,
            "title": "Water damage, Hauptstrasse 12", "created_at": "2026-04-29T09:12:00Z", "updated_at": ts,
        }})
    } else {
        let mut assignment = json!({
            "id": "asg_01J1C7B9W3E5R7T9Y1U3I5O7PA", "case_id": "case_01J1C7A4M2Q8V6T3R9X5B0N1KD",
            "status": "in_progress", "assignee": {"id": "usr_42", "name": "Jonas Becker"},
            "due_at": "2026-05-06T17:00:00Z", "updated_at": ts,
        });
        if event == "assignments.status.updated" {
            assignment["previous_status"] = json!("accepted");
        }
        if event == "assignments.extensions.created" {
            return json!({"id": id, "type": event, "created_at": ts, "data": {
                "assignment": assignment,
                "extension": {"id": "ext_7", "new_due_at": "2026-05-13T17:00:00Z", "reason": "Waiting for expert report"},
            }});
        }
        json!({"assignment": assignment})
    };
    json!({"id": id, "type": event, "created_at": ts, "data": data})
}

fn personio(event: &str, id: &str, ts: &str) -> Value {
    let data = if event.starts_with("person.") {
        json!({"person": {
            "id": "456", "first_name": "Anna", "last_name": "Schmidt", "email": "anna.schmidt@example.com",
            "status": if event == "person.deleted" { "inactive" } else { "active" }, "updated_at": ts,
        }})
    } else {
        json!({"document": {
            "id": "doc_9981", "title": "Employment contract.pdf", "category": "contracts",
            "owner": {"id": "456"}, "created_at": ts,
        }})
    };
    json!({"id": id, "event_name": event, "created_at": ts, "data": data})
}

/// The headers a provider sends besides the signature, for the schemes whose libraries
/// insist on them: shopify-api's `webhooks.validate` rejects a request without its
/// `X-Shopify-*` context, octokit's `verifyAndReceive` one without the event name and
/// delivery id. Sent by `send` and `probe`, so a handler built on those libraries does not
/// refuse a test request for the wrong reason.
pub(crate) fn context_headers(scheme: Scheme, event: &str, id: &str, at: i64) -> Vec<(String, String)> {
    let pairs: Vec<(&str, String)> = match scheme {
        Scheme::Shopify => vec![
            ("X-Shopify-Topic", event.to_string()),
            ("X-Shopify-Webhook-Id", id.to_string()),
            ("X-Shopify-Api-Version", "2025-01".to_string()),
            ("X-Shopify-Shop-Domain", "hookctl-test.myshopify.com".to_string()),
            ("X-Shopify-Triggered-At", rfc3339(at)),
        ],
        Scheme::Github => vec![("X-GitHub-Event", event.to_string()), ("X-GitHub-Delivery", id.to_string())],
        _ => Vec::new(),
    };
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn rfc3339(at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_event_has_a_sample_naming_it() {
        for (_, event) in EVENT_TYPES {
            let v = sample(event, "msg_1", 1_700_000_000).unwrap();
            let text = v.to_string();
            assert!(text.contains(&format!("\"{event}\"")), "{event}: {text}");
            assert!(text.contains("msg_1"), "{event} carries the id");
            assert!(v["data"].is_object(), "{event}: {text}");
        }
    }

    #[test]
    fn unknown_event_gets_none_and_a_generic_body() {
        assert!(sample("order.shipped", "m", 0).is_none());
        assert_eq!(generic("order.shipped"), json!({"type": "order.shipped", "data": {}}));
        assert_eq!(rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
    }
}
