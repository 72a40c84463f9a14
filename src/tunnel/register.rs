//! Temporary registration: an endpoint created at the provider for one `listen` run, recorded
//! as in use until it is deleted, and the cleanup of leftovers from runs that could not delete
//! theirs.

use serde_json::Value;

use super::leftovers::{self, Entry, Held};
use crate::api::{ApiError, Client};
use crate::output::Printer;
use crate::providers::RouteName;
use crate::sanitize::sanitize_line;
use crate::secret::redact_url;
use crate::secret::Secret;
use crate::{Error, Result};

/// Description sent with the endpoint, so a leftover is recognisable in the provider's UI;
/// the run's mark follows it, so cleanup can find an endpoint whose id was never recorded.
const DESCRIPTION: &str = "hookctl listen --register (temporary, deleted when the run ends)";

fn description(run: &str) -> String {
    format!("{DESCRIPTION} run {run}")
}

/// An endpoint that exists at the provider for this run.
#[derive(Debug)]
pub struct Registration {
    pub id: String,
    pub secret: Option<Secret>,
    held: Option<Held>,
    reach: Reach,
}

/// How this run reached the API beyond provider and base URL, so the delete command printed
/// on failure uses the same profile (its token) or sandbox (its default token).
#[derive(Debug, Clone, Default)]
pub struct Reach {
    /// `--profile`/`HOOKCTL_PROFILE`, when one was asked for.
    pub profile: Option<String>,
    /// `--sandbox`/`HOOKCTL_SANDBOX`.
    pub sandbox: Option<String>,
}

/// Creates the endpoint pointing at `url` and records it. A failure to record is a warning:
/// the endpoint is still deleted at the end of a normal run.
pub async fn create(
    api: &Client,
    url: &str,
    events: &[String],
    reach: &Reach,
    printer: &Printer,
) -> Result<Registration> {
    let shape = api.preset().endpoints;
    // The intent is recorded first: a kill between the provider's create and its answer
    // leaves a record that cleanup resolves through the description's run mark.
    let mut entry = Entry {
        provider: api.preset().name.to_string(),
        base_url: redact_url(api.base_url()).into_owned(),
        run: format!("r{:016x}", rand::random::<u64>()),
        url: redact_url(url).into_owned(),
        created_at: now_rfc3339(),
        pid: std::process::id(),
        id: String::new(),
    };
    let (mut held, unrecorded) = match leftovers::dir() {
        Some(dir) => match leftovers::record(&dir, &entry) {
            Ok(h) => (Some(h), None),
            Err(e) => (None, Some(format!("cannot record the registration in {} ({e})", dir.display()))),
        },
        None => (None, None),
    };
    let body = shape.create_body(url, events, Some(&description(&entry.run)), true);
    let created = match api.call(RouteName::EndpointsCreate, &[], &[], Some(body)).await {
        Ok(v) => api.unwrap(v),
        Err(e) => {
            // Nothing was made (or, if the answer was lost, cleanup finds it by description).
            if let Some(h) = held.filter(|_| e.status().is_some_and(|s| s < 500)) {
                h.release();
            }
            return Err(e.into());
        }
    };
    let id = match created.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => {
            return Err(Error::Internal(format!(
                "{} created a {} but its answer carries no id; delete it in the provider's dashboard",
                api.preset().name,
                shape.noun
            )))
        }
    };
    entry.id = id.clone();
    if let Some(why) = unrecorded {
        // Still deleted at the end of a normal run; only a killed run would lose track.
        printer.warn(&format!(
            "{why}: if this run is killed, delete {} {} yourself",
            shape.noun,
            sanitize_line(&id)
        ));
    }
    if let Some(h) = &mut held {
        if let Err(e) = h.update(&entry) {
            printer.warn(&format!(
                "cannot complete the registration record ({e}): if this run is killed, delete {} {} yourself",
                shape.noun,
                sanitize_line(&id)
            ));
        }
    }
    Ok(Registration {
        id,
        secret: crate::providers::find_secret(&created).map(Secret::new),
        held,
        reach: reach.clone(),
    })
}

impl Registration {
    /// Deletes the endpoint; on failure it stays recorded and the error names the command that
    /// deletes it.
    pub async fn delete(mut self, api: &Client) -> Result<()> {
        match delete(api, &self.id).await {
            Ok(()) => {
                if let Some(h) = self.held.take() {
                    h.release();
                }
                Ok(())
            }
            Err(e) => Err(undeleted(api, &self.id, &self.reach, e)),
        }
    }
}

/// DELETE, where "already gone" (404) counts as deleted.
async fn delete(api: &Client, id: &str) -> std::result::Result<(), ApiError> {
    match api.call(RouteName::EndpointsDelete, &[("id", id)], &[], None).await {
        Ok(_) => Ok(()),
        Err(e) if e.status() == Some(404) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The error for an endpoint left behind: its id, the exact command that deletes it, and the
/// original failure's exit code.
fn undeleted(api: &Client, id: &str, reach: &Reach, e: ApiError) -> Error {
    Error::Leftover {
        message: format!(
            "could not delete the temporary {} {} at {}: {e}",
            api.preset().endpoints.noun,
            sanitize_line(id),
            api.preset().name
        ),
        hint: format!(
            "delete it with `{}` (or run `hookctl endpoints cleanup` later)",
            delete_command(api.preset().name, api.base_url(), reach, id)
        ),
        exit: e.exit(),
    }
}

/// The command that deletes `id`; a password in the base URL is shown as `***` (fill it in).
fn delete_command(provider: &str, base_url: &str, reach: &Reach, id: &str) -> String {
    let api = match (&reach.sandbox, &reach.profile) {
        (Some(sandbox), _) => format!("--sandbox {}", redact_url(sandbox)),
        (None, Some(profile)) => format!("--profile {profile} --base-url {}", redact_url(base_url)),
        (None, None) => format!("--base-url {}", redact_url(base_url)),
    };
    format!("hookctl endpoints delete {} --yes --provider {provider} {api}", sanitize_line(id))
}

/// What a cleanup did.
#[derive(Debug, Default, serde::Serialize)]
pub struct Cleanup {
    pub deleted: Vec<Entry>,
    pub failed: Vec<Failed>,
    /// Leftovers of another provider or API (the current credentials cannot delete them).
    pub skipped: Vec<Entry>,
}

/// A leftover that is still there.
#[derive(Debug, serde::Serialize)]
pub struct Failed {
    #[serde(flatten)]
    pub entry: Entry,
    pub error: String,
    #[serde(skip)]
    pub exit: crate::Exit,
}

impl Cleanup {
    /// `deleted leftover endpoint ID (registered …)`.
    pub fn deleted_line(noun: &str, e: &Entry) -> String {
        format!(
            "deleted leftover {noun} {} (registered {} by a run that did not end cleanly)",
            sanitize_line(&e.id),
            e.created_at
        )
    }

    /// An error when some leftover could not be deleted (its exit code is the failure's).
    pub fn result(&self) -> Result<()> {
        match self.failed.first() {
            None => Ok(()),
            Some(f) => Err(Error::Leftover {
                message: format!("{} leftover registration(s) could not be deleted", self.failed.len()),
                hint: format!(
                    "try again later, or delete them by hand (e.g. `{}`)",
                    delete_command(&f.entry.provider, &f.entry.base_url, &Reach::default(), &f.entry.id)
                ),
                exit: f.exit,
            }),
        }
    }
}

/// Deletes the leftovers recorded for `api`'s provider and base URL (compared as recorded: with
/// any password masked); failures are warned
/// about here, what was deleted is for the caller to show ([`Cleanup::deleted_line`]).
/// An unreadable record directory is an error.
pub async fn cleanup(api: &Client, printer: &Printer) -> Result<Cleanup> {
    let mut report = Cleanup::default();
    let Some(dir) = leftovers::dir() else { return Ok(report) };
    let found = leftovers::find(&dir)
        .map_err(|e| Error::io(format!("cannot read the registration records in {}", dir.display()), e))?;
    for left in found {
        let mut e = left.entry.clone();
        if e.provider != api.preset().name || e.base_url != redact_url(api.base_url()) {
            report.skipped.push(e);
            continue;
        }
        let noun = api.preset().endpoints.noun;
        // A record without an id is an intent whose create answer never arrived: the
        // endpoint, if it was made, carries the run's mark in its description.
        let ids = if e.id.is_empty() {
            match find_unrecorded(api, &e).await {
                Ok(ids) => ids,
                Err(err) => {
                    printer.warn(&format!(
                        "cannot look for the {noun} of an interrupted registration (run {}): {err}",
                        sanitize_line(&e.run)
                    ));
                    report.failed.push(Failed { entry: e, error: err.to_string(), exit: err.exit() });
                    continue;
                }
            }
        } else {
            vec![e.id.clone()]
        };
        let mut failure = None;
        let mut deleted = Vec::new();
        for id in ids {
            match delete(api, &id).await {
                Ok(()) => deleted.push(id),
                Err(err) => {
                    printer.warn(&format!(
                        "could not delete leftover {noun} {}: {err}; delete it with `{}`",
                        sanitize_line(&id),
                        delete_command(&e.provider, &e.base_url, &Reach::default(), &id)
                    ));
                    e.id = id;
                    failure = Some(err);
                }
            }
        }
        for id in deleted {
            report.deleted.push(Entry { id, ..e.clone() });
        }
        match failure {
            Some(err) => report.failed.push(Failed { entry: e, error: err.to_string(), exit: err.exit() }),
            // Deleted, or the create never made one: either way nothing is left to track.
            None => left.release(),
        }
    }
    Ok(report)
}

/// The endpoints an interrupted registration may have made: its run mark in the description
/// (or, in a record without one, the register description and the same URL; for a provider
/// without descriptions, the same URL).
async fn find_unrecorded(api: &Client, e: &Entry) -> std::result::Result<Vec<String>, ApiError> {
    let shape = api.preset().endpoints;
    let list = api.unwrap(api.call(RouteName::EndpointsList, &[], &[], None).await?);
    let mark = format!("run {}", e.run);
    let found = crate::api::list_items(&list)
        .into_iter()
        .flatten()
        .filter(|item| {
            let url = item.get(shape.url_field).and_then(Value::as_str).map(redact_url);
            let same_url = url.as_deref() == Some(e.url.as_str());
            match shape.description_field.map(|f| item.get(f).and_then(Value::as_str).unwrap_or_default()) {
                Some(d) if !e.run.is_empty() => d.starts_with(DESCRIPTION) && d.ends_with(&mark),
                Some(d) => d.starts_with(DESCRIPTION) && same_url,
                None => same_url,
            }
        })
        .filter_map(|item| match item.get("id") {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    Ok(found)
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delete_command_is_complete() {
        assert_eq!(
            delete_command("closient", "http://127.0.0.1:9/closient", &Reach::default(), "ep_1"),
            "hookctl endpoints delete ep_1 --yes --provider closient --base-url http://127.0.0.1:9/closient"
        );
        assert_eq!(
            delete_command("xpath", "http://bob:pw-s3cret@127.0.0.1:9/", &Reach::default(), "wh_1"),
            "hookctl endpoints delete wh_1 --yes --provider xpath --base-url http://bob:***@127.0.0.1:9/"
        );
        // The same token as the run: its profile, or the sandbox (whose default token only
        // --sandbox brings).
        let staging = Reach { profile: Some("staging".into()), sandbox: None };
        assert_eq!(
            delete_command("xpath", "https://api.example/", &staging, "wh_1"),
            "hookctl endpoints delete wh_1 --yes --provider xpath --profile staging --base-url https://api.example/"
        );
        let sandbox =
            Reach { profile: Some("staging".into()), sandbox: Some("http://127.0.0.1:8788".into()) };
        assert_eq!(
            delete_command("partner", "http://127.0.0.1:8788/partner", &sandbox, "s_1"),
            "hookctl endpoints delete s_1 --yes --provider partner --sandbox http://127.0.0.1:8788"
        );
    }
}
