//! Provider presets as data (DESIGN §2): routes, auth style, error dialect, id pattern, the
//! shape of endpoint objects, and the event catalogs. Nothing here does I/O; the API client
//! (`crate::api`) turns a route name into a request.
//!
//! Route names (a profile overrides any of them with `routes.<name> = "METHOD /path/{id}"`):
//!
//! | name                | partner                    | closient (`…` = `/integrations/api/v1/webhooks`) | xpath                          | personio                      |
//! |---------------------|----------------------------|-----------------------------------|--------------------------------|-------------------------------|
//! | `endpoints.list`    | GET /webhooks *            | GET …/endpoints/ *                | GET /v2.3/webhooks/endpoints   | GET /v2/webhooks *            |
//! | `endpoints.get`     | GET /webhooks/{id} *       | GET …/endpoints/{id}/ *           | GET …/endpoints/{id}           | GET /v2/webhooks/{id} *       |
//! | `endpoints.create`  | POST /webhooks *           | POST …/endpoints/ *               | POST …/endpoints               | POST /v2/webhooks *           |
//! | `endpoints.update`  | PATCH /webhooks/{id} *     | PATCH …/endpoints/{id}/ *         | PATCH …/endpoints/{id}         | PATCH /v2/webhooks/{id} *     |
//! | `endpoints.delete`  | DELETE /webhooks/{id} *    | DELETE …/endpoints/{id}/ *        | DELETE …/endpoints/{id}        | DELETE /v2/webhooks/{id} *    |
//! | `fire`              | POST /test/webhooks/fire   |                                   |                                |                               |
//! | `events.list`       | GET /webhooks/events       |                                   |                                |                               |
//! | `events.get`        | GET /webhooks/events/{id} *|                                   |                                |                               |
//! | `test`              |                            | POST …/endpoints/{id}/test/       |                                | POST /v2/webhooks/{id}/test-event |
//! | `deliveries.list`   |                            | GET …/deliveries/ *               |                                |                               |
//! | `deliveries.get`    |                            | GET …/deliveries/{id}/ *          |                                |                               |
//! | `deliveries.replay` |                            | POST …/deliveries/{id}/replay/    |                                |                               |
//!
//! `*` = inferred: the documents imply the route but do not show it (see [`Route::inferred`]).
//! Path parameters are always named `{id}`. `events.list` takes `caseId` (required) and
//! `since` as query parameters; `deliveries.list` takes `endpoint_id` and `status` (inferred).

mod route;
pub mod sandbox;

pub use route::{Method, Route, RouteName};

/// Names `--provider` accepts.
pub const PRESET_NAMES: &[&str] = &["partner", "debitura", "closient", "xpath", "personio"];

/// How the token is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer <token>`.
    Bearer,
    /// The raw token in this header (closient `X-API-Key`).
    Header(&'static str),
}

/// Which error body a provider answers with (`crate::api::error` decodes all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorDialect {
    /// `{error, message, businessErrors[{type, message, solutionUrl}]}`.
    Partner,
    /// django-ninja: `{"detail": "…"}` or `{"detail": [{loc, msg, type}]}`.
    Ninja,
    /// `{"error": {code, message, details[]}}`.
    Xpath,
    /// `application/problem+json` `{personio_trace_id, timestamp, errors[{title, detail}]}`.
    Problem,
}

/// How an endpoint says whether it is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusStyle {
    /// A boolean field, `true` = active.
    Bool(&'static str),
    /// A string field with its active and paused values.
    Text { field: &'static str, active: &'static str, paused: &'static str },
}

/// The shape of an endpoint (partner: subscription) object.
#[derive(Debug, Clone, Copy)]
pub struct EndpointShape {
    /// What the provider calls it, for messages.
    pub noun: &'static str,
    /// Responses wrapped as `{"<envelope>": …}` (xpath `data`).
    pub envelope: Option<&'static str>,
    pub url_field: &'static str,
    pub events_field: &'static str,
    pub description_field: Option<&'static str>,
    pub status: StatusStyle,
    /// Partner: "events cannot be changed after creation".
    pub events_mutable: bool,
    /// Partner: "HTTPS URLs only".
    pub https_only: bool,
    /// Extra fields sent on create (partner `isTestMode: true`: hookctl registers test hooks).
    pub create_extra: &'static [(&'static str, bool)],
    /// Send the active status on create too (personio creates webhooks DISABLED by default).
    pub create_sends_status: bool,
    /// A description the API requires on create, used when `--description` is not given.
    pub default_description: Option<&'static str>,
}

impl EndpointShape {
    /// The `endpoints.create` request body (shared by `endpoints create` and `listen --register`).
    pub fn create_body(
        &self,
        url: &str,
        events: &[String],
        description: Option<&str>,
        active: bool,
    ) -> serde_json::Value {
        use serde_json::json;
        let mut body = serde_json::Map::new();
        body.insert(self.url_field.into(), json!(url));
        body.insert(self.events_field.into(), json!(events));
        if let (Some(d), Some(field)) = (description.or(self.default_description), self.description_field) {
            body.insert(field.into(), json!(d));
        }
        if !active || self.create_sends_status {
            let (k, v) = self.status_value(active);
            body.insert(k.into(), v);
        }
        for (k, v) in self.create_extra {
            body.insert((*k).into(), json!(v));
        }
        serde_json::Value::Object(body)
    }

    /// The field and value that mark an endpoint active or paused.
    pub fn status_value(&self, active: bool) -> (&'static str, serde_json::Value) {
        match self.status {
            StatusStyle::Bool(field) => (field, serde_json::json!(active)),
            StatusStyle::Text { field, active: a, paused } => {
                (field, serde_json::json!(if active { a } else { paused }))
            }
        }
    }
}

/// Names under which providers return an endpoint's signing secret.
pub const SECRET_FIELDS: [&str; 5] =
    ["secret", "signing_secret", "signingSecret", "secretKey", "webhook_secret"];

/// The signing secret of a freshly created endpoint, under any of the usual names.
pub fn find_secret(e: &serde_json::Value) -> Option<String> {
    SECRET_FIELDS
        .iter()
        .find_map(|k| e.get(*k).and_then(serde_json::Value::as_str))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// How `test` builds its request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestStyle {
    /// Closient: an empty POST that sends a synthetic ping; answers `{delivery_id, status, …}`.
    Ping,
    /// Personio: `{event_name, payload_data{dot.key: "string"}}`; answers `{is_delivered, …}`.
    EventWithPayload,
}

/// An id format a document constrains.
#[derive(Debug, Clone, Copy)]
pub struct IdPattern {
    pub alphabet: &'static str,
    pub len: usize,
    pub description: &'static str,
}

impl IdPattern {
    pub fn matches(&self, id: &str) -> bool {
        id.chars().count() == self.len && id.chars().all(|c| self.alphabet.contains(c))
    }
}

/// One event type of a catalog.
#[derive(Debug, Clone, Copy)]
pub struct EventType {
    pub name: &'static str,
    pub description: &'static str,
}

/// A preset: everything hookctl knows about one provider, as data.
#[derive(Debug)]
pub struct Preset {
    pub name: &'static str,
    pub default_base_url: Option<&'static str>,
    pub auth: Auth,
    pub dialect: ErrorDialect,
    /// (name, "METHOD /path", inferred)
    pub routes: &'static [(RouteName, &'static str, bool)],
    pub endpoint_id: Option<IdPattern>,
    pub endpoints: EndpointShape,
    pub test: Option<TestStyle>,
    pub events: &'static [EventType],
    /// Whether the catalog comes from the document (strict validation) or is a partial,
    /// inferred list (warn only).
    pub catalog_complete: bool,
}

const CLOSIENT_ID: IdPattern = IdPattern {
    alphabet: "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
    len: 22,
    description: "22 characters of 23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz (shortuuid)",
};

const fn ev(name: &'static str, description: &'static str) -> EventType {
    EventType { name, description }
}

pub static PARTNER: Preset = Preset {
    name: "partner",
    default_base_url: None,
    auth: Auth::Bearer,
    dialect: ErrorDialect::Partner,
    routes: &[
        (RouteName::EndpointsList, "GET /webhooks", true),
        (RouteName::EndpointsGet, "GET /webhooks/{id}", true),
        (RouteName::EndpointsCreate, "POST /webhooks", true),
        (RouteName::EndpointsUpdate, "PATCH /webhooks/{id}", true),
        (RouteName::EndpointsDelete, "DELETE /webhooks/{id}", true),
        (RouteName::Fire, "POST /test/webhooks/fire", false),
        (RouteName::EventsList, "GET /webhooks/events", false),
        (RouteName::EventsGet, "GET /webhooks/events/{id}", true),
    ],
    endpoint_id: None,
    endpoints: EndpointShape {
        noun: "subscription",
        envelope: None,
        url_field: "url",
        events_field: "events",
        description_field: None,
        status: StatusStyle::Bool("isActive"),
        events_mutable: false,
        https_only: true,
        create_extra: &[("isTestMode", true)],
        create_sends_status: false,
        default_description: None,
    },
    test: None,
    events: &[
        ev("case.assigned", "current lifecycle"),
        ev("case.updated", "current lifecycle (oldLifecycle and newLifecycle both reflect current state)"),
        ev("case.closed", "current close code and comment"),
        ev("payment.created", "most recent payment on the case (422 if no payments exist)"),
        ev("chat.created", "most recent chat message on the case (422 if no chats exist)"),
    ],
    catalog_complete: true,
};

pub static CLOSIENT: Preset = Preset {
    name: "closient",
    default_base_url: Some("https://www.closient.com"),
    auth: Auth::Header("X-API-Key"),
    dialect: ErrorDialect::Ninja,
    routes: &[
        (RouteName::EndpointsList, "GET /integrations/api/v1/webhooks/endpoints/", true),
        (RouteName::EndpointsGet, "GET /integrations/api/v1/webhooks/endpoints/{id}/", true),
        (RouteName::EndpointsCreate, "POST /integrations/api/v1/webhooks/endpoints/", true),
        (RouteName::EndpointsUpdate, "PATCH /integrations/api/v1/webhooks/endpoints/{id}/", true),
        (RouteName::EndpointsDelete, "DELETE /integrations/api/v1/webhooks/endpoints/{id}/", true),
        (RouteName::Test, "POST /integrations/api/v1/webhooks/endpoints/{id}/test/", false),
        (RouteName::DeliveriesList, "GET /integrations/api/v1/webhooks/deliveries/", true),
        (RouteName::DeliveriesGet, "GET /integrations/api/v1/webhooks/deliveries/{id}/", true),
        (RouteName::DeliveriesReplay, "POST /integrations/api/v1/webhooks/deliveries/{id}/replay/", false),
    ],
    endpoint_id: Some(CLOSIENT_ID),
    endpoints: EndpointShape {
        noun: "endpoint",
        envelope: None,
        url_field: "url",
        events_field: "events",
        description_field: Some("description"),
        status: StatusStyle::Bool("is_active"),
        events_mutable: true,
        https_only: false,
        create_extra: &[],
        create_sends_status: false,
        default_description: None,
    },
    test: Some(TestStyle::Ping),
    // The document names no event types (its test sends a synthetic ping).
    events: &[],
    catalog_complete: false,
};

pub static XPATH: Preset = Preset {
    name: "xpath",
    default_base_url: None,
    auth: Auth::Bearer,
    dialect: ErrorDialect::Xpath,
    routes: &[
        (RouteName::EndpointsList, "GET /v2.3/webhooks/endpoints", false),
        (RouteName::EndpointsGet, "GET /v2.3/webhooks/endpoints/{id}", false),
        (RouteName::EndpointsCreate, "POST /v2.3/webhooks/endpoints", false),
        (RouteName::EndpointsUpdate, "PATCH /v2.3/webhooks/endpoints/{id}", false),
        (RouteName::EndpointsDelete, "DELETE /v2.3/webhooks/endpoints/{id}", false),
    ],
    endpoint_id: None,
    endpoints: EndpointShape {
        noun: "endpoint",
        envelope: Some("data"),
        url_field: "url",
        events_field: "events",
        description_field: Some("description"),
        status: StatusStyle::Text { field: "status", active: "active", paused: "paused" },
        events_mutable: true,
        https_only: false,
        create_extra: &[],
        create_sends_status: false,
        default_description: None,
    },
    test: None,
    events: &[
        ev("cases.*", "every case event"),
        ev("cases.created", "a case was created"),
        ev("cases.updated", "a case was updated"),
        ev("cases.closed", "a case was closed"),
        ev("cases.archived", "a case was archived"),
        ev("cases.unarchived", "a case was unarchived"),
        ev("cases.tasks.*", "every case task event"),
        ev("cases.expenses.*", "every case expense event"),
        ev("assignments.*", "every assignment event"),
        ev("assignments.created", "an assignment was created"),
        ev("assignments.updated", "an assignment was updated"),
        ev("assignments.status.updated", "an assignment's status changed"),
        ev("assignments.archived", "an assignment was archived"),
        ev("assignments.unarchived", "an assignment was unarchived"),
        ev("assignments.extensions.created", "an assignment extension was created"),
        ev("assignments.contacts.*", "every assignment contact event"),
        ev("assignments.billing-details.*", "every assignment billing-details event"),
    ],
    catalog_complete: true,
};

pub static PERSONIO: Preset = Preset {
    name: "personio",
    default_base_url: Some("https://api.personio.de"),
    auth: Auth::Bearer,
    dialect: ErrorDialect::Problem,
    routes: &[
        (RouteName::EndpointsList, "GET /v2/webhooks", true),
        (RouteName::EndpointsGet, "GET /v2/webhooks/{id}", true),
        (RouteName::EndpointsCreate, "POST /v2/webhooks", true),
        (RouteName::EndpointsUpdate, "PATCH /v2/webhooks/{id}", true),
        (RouteName::EndpointsDelete, "DELETE /v2/webhooks/{id}", true),
        (RouteName::Test, "POST /v2/webhooks/{id}/test-event", false),
    ],
    endpoint_id: None,
    endpoints: EndpointShape {
        noun: "webhook",
        envelope: None,
        url_field: "url",
        events_field: "enabled_events",
        description_field: Some("description"),
        status: StatusStyle::Text { field: "status", active: "ENABLED", paused: "DISABLED" },
        events_mutable: true,
        // Personio's webhook reference: "needs to be an HTTPS endpoint".
        https_only: true,
        create_extra: &[],
        // Its create endpoint defaults `status` to DISABLED and requires `description`.
        create_sends_status: true,
        default_description: Some("created by hookctl"),
    },
    test: Some(TestStyle::EventWithPayload),
    // The document names person.created/person.updated and document events; the rest comes
    // from Personio's public event catalog, which grows: partial (warn, never refuse).
    events: &[
        ev("person.created", "needs payload_data person.id"),
        ev("person.updated", "needs payload_data person.id"),
        ev("person.deleted", "needs payload_data person.id"),
        ev("employment.created", "an employment was added"),
        ev("employment.updated", "an employment changed"),
        ev("employment.deleted", "an employment was removed"),
        ev("employment.started", "an employment starts today"),
        ev("employment.terminated", "an employment ends today"),
        ev("absence-period.created", "an absence period was created"),
        ev("absence-period.updated.timerange", "an absence period's time range changed"),
        ev("absence-period.updated.status", "an absence period's status changed"),
        ev("absence-period.deleted", "an absence period was deleted"),
        ev("attendance-period.created", "an attendance period was created"),
        ev("attendance-period.updated", "an attendance period was changed"),
        ev("attendance-period.deleted", "an attendance period was deleted"),
        ev("document.created", "needs payload_data document.id and document.owner.id"),
        ev("document.updated", "needs payload_data document.id and document.owner.id"),
        ev("document.signed", "needs payload_data document.id and document.owner.id"),
        ev("document.deleted", "needs payload_data document.id and document.owner.id"),
    ],
    catalog_complete: false,
};

pub static PRESETS: &[&Preset] = &[&PARTNER, &CLOSIENT, &XPATH, &PERSONIO];

/// Looks a preset up by name or alias (`debitura` = partner).
pub fn preset(name: &str) -> Option<&'static Preset> {
    let name = name.trim().to_ascii_lowercase();
    let name = if name == "debitura" { "partner" } else { name.as_str() };
    PRESETS.iter().copied().find(|p| p.name == name)
}

impl Preset {
    /// The preset's own route (before profile overrides).
    pub fn route(&self, name: RouteName) -> Option<Route> {
        self.routes.iter().find(|(n, _, _)| *n == name).and_then(|(_, spec, inferred)| {
            Route::parse(spec).ok().map(|r| Route { inferred: *inferred, ..r })
        })
    }

    pub fn has_route(&self, name: RouteName) -> bool {
        self.routes.iter().any(|(n, _, _)| *n == name)
    }

    /// Presets that have `route`, for "use one of …" messages.
    pub fn supporting(route: RouteName) -> Vec<&'static str> {
        PRESETS.iter().filter(|p| p.has_route(route)).map(|p| p.name).collect()
    }

    /// Checks an endpoint id against the pattern the document gives, if any.
    pub fn check_endpoint_id(&self, id: &str) -> Result<(), String> {
        match &self.endpoint_id {
            Some(p) if !p.matches(id) => Err(format!(
                "'{id}' is not a valid {} {} id: it must be {}",
                self.name, self.endpoints.noun, p.description
            )),
            _ => Ok(()),
        }
    }

    /// Checks an event type (or wildcard) against the catalog. `Ok(Some(warning))` when the
    /// catalog is partial and the name is not in it.
    pub fn check_event(&self, name: &str) -> Result<Option<String>, String> {
        if self.events.is_empty() || self.events.iter().any(|e| e.name == name) {
            return Ok(None);
        }
        let known: Vec<&str> = self.events.iter().map(|e| e.name).collect();
        if self.catalog_complete {
            Err(format!("unknown {} event type '{name}' (allowed: {})", self.name, known.join(", ")))
        } else {
            Ok(Some(format!(
                "'{name}' is not in hookctl's {} event list ({}); sending it anyway",
                self.name,
                known.join(", ")
            )))
        }
    }
}

/// Personio payload_data fields the document says an event needs.
pub fn personio_required_fields(event: &str) -> &'static [&'static str] {
    if event.starts_with("person.") {
        &["person.id"]
    } else if event.starts_with("document.") {
        &["document.id", "document.owner.id"]
    } else {
        &[]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_route_parses_and_is_a_known_name() {
        for p in PRESETS {
            for (name, spec, _) in p.routes {
                assert!(Route::parse(spec).is_ok(), "{} {name}: {spec}", p.name);
            }
        }
        assert!(PRESET_NAMES.iter().all(|n| preset(n).is_some()));
    }

    #[test]
    fn documented_routes_are_literal() {
        assert_eq!(PARTNER.route(RouteName::Fire).unwrap().path, "/test/webhooks/fire");
        assert_eq!(
            CLOSIENT.route(RouteName::Test).unwrap().path,
            "/integrations/api/v1/webhooks/endpoints/{id}/test/"
        );
        assert_eq!(
            CLOSIENT.route(RouteName::DeliveriesReplay).unwrap().path,
            "/integrations/api/v1/webhooks/deliveries/{id}/replay/"
        );
        assert_eq!(XPATH.route(RouteName::EndpointsDelete).unwrap().method, Method::Delete);
        assert_eq!(PERSONIO.route(RouteName::Test).unwrap().path, "/v2/webhooks/{id}/test-event");
        assert!(!PARTNER.route(RouteName::Fire).unwrap().inferred);
        assert!(PARTNER.route(RouteName::EndpointsList).unwrap().inferred);
    }

    #[test]
    fn debitura_is_partner_and_unknown_is_none() {
        assert_eq!(preset("debitura").unwrap().name, "partner");
        assert_eq!(preset("Closient").unwrap().name, "closient");
        assert!(preset("stripe").is_none());
        assert_eq!(Preset::supporting(RouteName::Fire), vec!["partner"]);
        assert_eq!(Preset::supporting(RouteName::Test), vec!["closient", "personio"]);
    }

    #[test]
    fn closient_ids_follow_the_shortuuid_pattern() {
        assert!(CLOSIENT.check_endpoint_id("aBcDeFgHiJkMnPqRsTuVwX").is_ok());
        // Too short, and characters shortuuid leaves out (0, 1, I, O, l).
        assert!(CLOSIENT.check_endpoint_id("abc").is_err());
        assert!(CLOSIENT.check_endpoint_id("0BcDeFgHiJkMnPqRsTuVwX").is_err());
        assert!(CLOSIENT.check_endpoint_id("lBcDeFgHiJkMnPqRsTuVwX").is_err());
        assert!(CLOSIENT.check_endpoint_id("aBcDeFgHiJkMnPqRsTuVwXY").is_err());
        assert!(XPATH.check_endpoint_id("anything").is_ok());
    }

    #[test]
    fn catalogs_validate_strictly_only_when_complete() {
        assert!(PARTNER.check_event("case.closed").unwrap().is_none());
        let err = PARTNER.check_event("case.deleted").unwrap_err();
        assert!(err.contains("case.assigned") && err.contains("chat.created"), "{err}");
        assert!(XPATH.check_event("cases.*").unwrap().is_none());
        assert!(XPATH.check_event("cases.deleted").is_err());
        assert!(PERSONIO.check_event("absence.created").unwrap().is_some());
        assert!(CLOSIENT.check_event("anything").unwrap().is_none());
    }

    #[test]
    fn route_override_parsing() {
        let r = Route::parse("post /v2/fire").unwrap();
        assert_eq!((r.method, r.path.as_str()), (Method::Post, "/v2/fire"));
        assert!(Route::parse("/v2/fire").is_err());
        assert!(Route::parse("FETCH /x").is_err());
        assert!(Route::parse("GET x").is_err());
        assert!(Route::parse("GET /x extra").is_err());
    }
}
