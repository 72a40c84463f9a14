//! The provider's event log (partner) or deliveries list (closient) as rows the waiter reads:
//! which list a preset offers, the filter's query, one read, and the snapshot before a fire.

use std::time::Duration;

use serde_json::Value;

use super::{Row, RowFormat};
use crate::api::{ApiError, Client};
use crate::providers::Preset;
use crate::providers::RouteName;
use crate::settings::ApiSettings;
use crate::{Error, Result};

/// Which rows to read; the same filter serves `events list`, `events wait` and `fire --wait`.
#[derive(Debug, Clone, Default)]
pub(crate) struct LogFilter {
    /// The command that reads the log (`events wait`), named in hints.
    pub command: &'static str,
    pub case_id: Option<String>,
    pub event_type: Option<String>,
    pub endpoint: Option<String>,
    pub since: Option<String>,
}

/// Which list the provider keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LogKind {
    /// Partner: `events.list` (`caseId` required) and `events.get`.
    Events,
    /// Closient: `deliveries.list` / `deliveries.get`; `failed` there means "will retry".
    Deliveries,
}

impl LogKind {
    pub(crate) fn list_route(self) -> RouteName {
        match self {
            LogKind::Events => RouteName::EventsList,
            LogKind::Deliveries => RouteName::DeliveriesList,
        }
    }

    pub(crate) fn get_route(self) -> RouteName {
        match self {
            LogKind::Events => RouteName::EventsGet,
            LogKind::Deliveries => RouteName::DeliveriesGet,
        }
    }

    pub(crate) fn noun_singular(self) -> &'static str {
        match self {
            LogKind::Events => "event log",
            LogKind::Deliveries => "deliveries list",
        }
    }

    pub(crate) fn noun(self) -> &'static str {
        match self {
            LogKind::Events => "event-log rows",
            LogKind::Deliveries => "deliveries",
        }
    }

    /// Finds the log the preset (or the profile's routes) offers; no token is needed to know.
    /// Configuration errors surface as they are; only "no such route" moves on to the next
    /// kind.
    pub(crate) fn of(api: &ApiSettings, need_get: bool) -> Result<LogKind> {
        let mut preset_name = String::new();
        for kind in [LogKind::Events, LogKind::Deliveries] {
            let routes: &[RouteName] =
                if need_get { &[kind.list_route(), kind.get_route()] } else { &[kind.list_route()] };
            match api.require_routes(routes).map_err(Error::from) {
                Ok(_) => return Ok(kind),
                Err(Error::Api(ApiError::Unsupported { .. })) => {
                    preset_name = api.preset().map(|p| p.name.to_string()).unwrap_or_default();
                }
                Err(e) => return Err(e),
            }
        }
        Err(Error::usage_hint(
            format!("{preset_name} has no event log hookctl knows of"),
            "`events` works with partner (GET /webhooks/events) and closient (deliveries list); \
             a profile can declare one: `hookctl config set routes.events.list \"GET /path\"`",
        ))
    }
}

/// A checked filter: the query the log is read with. Built before the API client, so a bad
/// filter is reported before a missing token.
pub(crate) struct LogQuery {
    kind: LogKind,
    query: Vec<(&'static str, String)>,
    event_type: Option<String>,
}

/// A filtered view of the event log: the request to send and the row format to read it with.
pub(crate) struct EventLog<'a> {
    pub api: &'a Client,
    pub kind: LogKind,
    pub format: RowFormat,
    query: Vec<(&'static str, String)>,
    event_type: Option<String>,
}

impl LogQuery {
    /// Checks the filter against what the log supports (partner: `--case` is required, a
    /// closient endpoint id must fit the preset's pattern).
    pub(crate) fn new(kind: LogKind, filter: &LogFilter, preset: &Preset) -> Result<LogQuery> {
        let mut query = Vec::new();
        let nonblank = |flag: &str, v: &Option<String>| -> Result<Option<String>> {
            match v.as_deref().map(str::trim) {
                Some("") => Err(Error::usage(format!("{flag} must not be empty"))),
                other => Ok(other.map(str::to_string)),
            }
        };
        let case = nonblank("--case", &filter.case_id)?;
        let endpoint = nonblank("--endpoint", &filter.endpoint)?;
        let event_type = nonblank("--type", &filter.event_type)?;
        let since = nonblank("--since", &filter.since)?;
        if let Some(s) = &since {
            check_timestamp(s)?;
        }
        match kind {
            LogKind::Events => {
                let Some(case) = case else {
                    return Err(Error::usage_hint(
                        "the partner event log is read per case: --case ID is required",
                        format!("e.g. hookctl {} --case 12345", filter.command),
                    ));
                };
                if endpoint.is_some() {
                    return Err(Error::usage(
                        "--endpoint filters closient deliveries; partner rows are per case",
                    ));
                }
                query.push(("caseId", case));
                if let Some(s) = since {
                    query.push(("since", s));
                }
            }
            LogKind::Deliveries => {
                if case.is_some() {
                    return Err(Error::usage_hint(
                        "closient deliveries are not per case",
                        "filter with --endpoint ID and/or --type",
                    ));
                }
                if since.is_some() {
                    return Err(Error::usage("--since is supported by the partner event log only"));
                }
                if let Some(e) = endpoint {
                    preset.check_endpoint_id(&e).map_err(Error::usage)?;
                    query.push(("endpoint_id", e));
                }
            }
        }
        Ok(LogQuery { kind, query, event_type })
    }
}

impl<'a> EventLog<'a> {
    /// The log read through `api`, with the profile's row fields.
    pub(crate) fn new(api: &'a Client, q: LogQuery) -> Result<EventLog<'a>> {
        let format = RowFormat::default()
            .with_overrides(api.fields())?
            .retrying_failures(q.kind == LogKind::Deliveries);
        Ok(EventLog { api, kind: q.kind, format, query: q.query, event_type: q.event_type })
    }

    /// One read of the log: the provider's rows (filtered by `--type`) and hookctl's reading.
    pub(crate) async fn fetch(&self) -> Result<Vec<(Value, Row)>> {
        let body = self.api.call(self.kind.list_route(), &[], &self.query, None).await?;
        let Some(items) = crate::api::list_items(&body) else {
            return Err(ApiError::Network {
                message: format!("the {} answer is not a list", self.kind.list_route()),
                details: vec![crate::api::error::first_bytes(body.to_string().as_bytes(), 256)],
                hint: Some("check the base URL and the profile's routes".into()),
            }
            .into());
        };
        Ok(items
            .iter()
            .filter_map(|raw| self.format.parse(raw).map(|row| (raw.clone(), row)))
            .filter(|(_, row)| match (&self.event_type, &row.event_type) {
                (Some(want), Some(got)) => crate::pattern::matches(want, got),
                _ => true,
            })
            .collect())
    }

    pub(crate) async fn rows(&self) -> Result<Vec<Row>> {
        Ok(self.fetch().await?.into_iter().map(|(_, r)| r).collect())
    }

    /// The rows already in the log before a wait, read within `timeout`: the user's
    /// `--timeout` bounds the whole wait, so a hanging event log must not hold the snapshot
    /// for the client's own retries (4 × 30 s).
    /// Like a poll at the deadline, the snapshot gets at least the one-poll grace, so
    /// `--timeout 0s` still means "read once".
    pub(crate) async fn snapshot(&self, timeout: Duration) -> Result<Vec<Row>> {
        let budget = timeout.max(super::FINAL_POLL_GRACE);
        match tokio::time::timeout(budget, self.rows()).await {
            Ok(rows) => rows,
            Err(_) => Err(ApiError::Network {
                message: format!(
                    "could not read the {} within --timeout {}",
                    self.kind.noun_singular(),
                    humantime::format_duration(timeout)
                ),
                details: vec![
                    "it did not answer, or only with errors worth retrying (429, 5xx)".into(),
                    "no snapshot of the rows already there, so nothing was waited for".into(),
                ],
                hint: Some("-v shows each attempt; a longer --timeout may help".into()),
            }
            .into()),
        }
    }
}

/// The row was created before `since` (both RFC 3339). A row without a readable creation
/// time is not: the provider already filtered the list by `since`.
pub(crate) fn created_before(row: &Row, since: &str) -> bool {
    let parse =
        |s: &str| time::OffsetDateTime::parse(s.trim(), &time::format_description::well_known::Rfc3339).ok();
    match (row.created_at.as_deref().and_then(parse), parse(since)) {
        (Some(created), Some(since)) => created < since,
        _ => false,
    }
}

/// `--since` must be ISO-8601 (RFC 3339), which is what the partner log takes.
fn check_timestamp(s: &str) -> Result<()> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).map(|_| ()).map_err(|_| {
        Error::usage_hint(
            format!("--since '{s}' is not an ISO-8601 timestamp"),
            "e.g. --since 2026-05-01T12:00:00Z",
        )
    })
}
