//! `endpoints list|get|create|update|delete|pause|resume` over the preset's endpoint routes
//! (partner: subscriptions). The shape of an endpoint object comes from the preset's data.

use colored::Color;
use serde_json::{json, Map, Value};

use crate::api::{list_items, Client};
use crate::cli::endpoints::{EndpointsArgs, EndpointsCommand};
use crate::config::Profile;
use crate::endpoint::{check_events, check_id, events_mutable, events_of, field_text, status_text};
use crate::output::color::{stderr_is_tty, stdin_is_tty};
use crate::providers::RouteName;
use crate::providers::{find_secret, EndpointShape, Preset, SECRET_FIELDS};
use crate::sanitize::sanitize_line;
use crate::{Ctx, Error, Outcome, Result};

pub async fn exec(args: EndpointsArgs, ctx: &Ctx) -> Result<Outcome> {
    match args.command {
        EndpointsCommand::List => list(ctx).await,
        EndpointsCommand::Get { id } => get(ctx, &id).await,
        EndpointsCommand::Create { url, events, description, paused, save_secret } => {
            create(ctx, &url, &events, description, paused, save_secret).await
        }
        EndpointsCommand::Update { id, url, events, description } => {
            update(ctx, &id, url, &events, description).await
        }
        EndpointsCommand::Delete { id, yes } => delete(ctx, &id, yes).await,
        EndpointsCommand::Pause { id } => set_active(ctx, &id, false).await,
        EndpointsCommand::Resume { id } => set_active(ctx, &id, true).await,
        EndpointsCommand::Cleanup => cleanup(ctx).await,
    }
}

/// Deletes the leftovers of `listen --register` runs for the current provider and API.
async fn cleanup(ctx: &Ctx) -> Result<Outcome> {
    ctx.require_routes(&[RouteName::EndpointsDelete])?;
    let api = ctx.api()?;
    let report = crate::tunnel::register::cleanup(api, &ctx.printer).await?;
    let doc = serde_json::to_value(&report).unwrap_or(Value::Null);
    ctx.printer.emit(&doc, |p| {
        if report.deleted.is_empty() && report.failed.is_empty() {
            p.info("no leftover registrations to delete");
        }
        for e in &report.deleted {
            p.line(&crate::tunnel::register::Cleanup::deleted_line(api.preset().endpoints.noun, e));
        }
        for e in &report.skipped {
            p.info(&format!(
                "not mine to delete now: {} {} at {} (run cleanup with that provider and base URL)",
                e.provider,
                sanitize_line(&e.id),
                crate::secret::redact_url(&e.base_url)
            ));
        }
    });
    report.result()?;
    Ok(Outcome::Success)
}

async fn list(ctx: &Ctx) -> Result<Outcome> {
    ctx.require_routes(&[RouteName::EndpointsList])?;
    let api = ctx.api()?;
    let mut body = api.unwrap(api.call(RouteName::EndpointsList, &[], &[], None).await?);
    mask_secrets(&mut body);
    let shape = api.preset().endpoints;
    let items = list_items(&body).cloned().unwrap_or_default();
    if list_items(&body).is_none() {
        ctx.printer.warn("the answer holds no list hookctl recognises; --json shows it as it came");
    }
    ctx.printer.emit(&body, |p| {
        if items.is_empty() {
            p.info(&format!("no {}s", shape.noun));
        } else {
            // A header row, as `config list` has.
            p.line(&p.dim(&format!("{}  {}  {}  {}", "ID", "STATUS", "URL", "EVENTS")));
        }
        for e in &items {
            p.line(&summary_line(ctx, &shape, e));
        }
    });
    Ok(Outcome::Success)
}

async fn get(ctx: &Ctx, id: &str) -> Result<Outcome> {
    let preset = ctx.require_routes(&[RouteName::EndpointsGet])?;
    check_id(preset, id)?;
    let api = ctx.api()?;
    let mut body = api.unwrap(api.call(RouteName::EndpointsGet, &[("id", id)], &[], None).await?);
    mask_secrets(&mut body);
    ctx.printer.emit(&body, |_| print_details(ctx, &preset.endpoints, &body));
    Ok(Outcome::Success)
}

async fn create(
    ctx: &Ctx,
    url: &str,
    events: &[String],
    description: Option<String>,
    paused: bool,
    save_secret: bool,
) -> Result<Outcome> {
    let preset = ctx.require_routes(&[RouteName::EndpointsCreate])?;
    let shape = preset.endpoints;
    // A profile holds a real provider's settings: a sandbox endpoint's secret does not belong
    // there (listen would verify the real provider's webhooks with it). Refused before creating.
    if save_secret && ctx.sandbox().is_some() {
        return Err(Error::usage_hint(
            "--save-secret stores the secret in a profile, which is for a real provider, not a sandbox",
            "drop --save-secret: the secret is printed once; give it to listen with --secret or HOOKCTL_SECRET",
        ));
    }
    check_url(ctx, preset, url)?;
    check_events(&ctx.printer, preset, events)?;
    let body = shape.create_body(url, events, description.as_deref(), !paused);
    let api = ctx.api()?;
    let mut created = api.unwrap(api.call(RouteName::EndpointsCreate, &[], &[], Some(body)).await?);
    let secret = find_secret(&created);
    redact_url_passwords(&mut created);
    // The secret is returned only now: it goes to stdout as data, once.
    ctx.printer.emit(&created, |p| {
        p.success(&format!("{} {} created", shape.noun, field_text(&created, "id")));
        print_details(ctx, &shape, &created);
        if let Some(s) = &secret {
            p.line(&format!("signing secret: {}", sanitize_line(s)));
        }
    });
    match secret {
        // The endpoint exists now: failing to store the secret must not turn into an error
        // exit, or a script would think the create failed and run it again.
        Some(s) => {
            if let Err(e) = offer_to_store(ctx, api, &s, save_secret) {
                ctx.printer.warn(&format!("the signing secret was not stored: {e}"));
                ctx.printer.hint("copy it from the output above: it is not shown again");
            }
        }
        None if save_secret => ctx.printer.warn("the answer carries no signing secret; nothing to save"),
        None => {}
    }
    Ok(Outcome::Success)
}

async fn update(
    ctx: &Ctx,
    id: &str,
    url: Option<String>,
    events: &[String],
    description: Option<String>,
) -> Result<Outcome> {
    let preset = ctx.require_routes(&[RouteName::EndpointsUpdate])?;
    let shape = preset.endpoints;
    check_id(preset, id)?;
    if url.is_none() && events.is_empty() && description.is_none() {
        return Err(Error::usage_hint(
            "nothing to update",
            "pass --url, --event or --description (pause/resume have their own commands)",
        ));
    }
    if !events.is_empty() {
        events_mutable(ctx.api().ok(), &ctx.command_context(), preset, id, url.as_deref(), |_| {
            events.to_vec()
        })
        .await?;
    }
    let mut body = Map::new();
    if let Some(u) = url {
        check_url(ctx, preset, &u)?;
        body.insert(shape.url_field.into(), json!(u));
    }
    if !events.is_empty() {
        check_events(&ctx.printer, preset, events)?;
        body.insert(shape.events_field.into(), json!(events));
    }
    if let Some(d) = description {
        let Some(field) = shape.description_field else {
            return Err(Error::usage(format!("{} {}s have no description", preset.name, shape.noun)));
        };
        body.insert(field.into(), json!(d));
    }
    patch(ctx, id, body, "updated").await
}

async fn set_active(ctx: &Ctx, id: &str, active: bool) -> Result<Outcome> {
    let preset = ctx.require_routes(&[RouteName::EndpointsUpdate])?;
    check_id(preset, id)?;
    let (k, v) = preset.endpoints.status_value(active);
    let mut body = Map::new();
    body.insert(k.into(), v);
    patch(ctx, id, body, if active { "resumed" } else { "paused" }).await
}

async fn patch(ctx: &Ctx, id: &str, body: Map<String, Value>, done: &str) -> Result<Outcome> {
    let api = ctx.api()?;
    let shape = api.preset().endpoints;
    let mut updated = api
        .unwrap(api.call(RouteName::EndpointsUpdate, &[("id", id)], &[], Some(Value::Object(body))).await?);
    mask_secrets(&mut updated);
    ctx.printer.emit(&updated, |p| {
        p.success(&format!("{} {} {done}", shape.noun, sanitize_line(id)));
        if updated.is_object() {
            print_details(ctx, &shape, &updated);
        }
    });
    Ok(Outcome::Success)
}

async fn delete(ctx: &Ctx, id: &str, yes: bool) -> Result<Outcome> {
    let preset = ctx.require_routes(&[RouteName::EndpointsDelete])?;
    check_id(preset, id)?;
    let noun = preset.endpoints.noun;
    if !yes {
        if !(stdin_is_tty() && stderr_is_tty()) || ctx.printer.is_json() {
            return Err(Error::usage_hint(
                format!("refusing to delete {noun} {id} without confirmation"),
                "pass --yes to delete without asking",
            ));
        }
        let ok = dialoguer::Confirm::new()
            .with_prompt(format!("Delete {noun} {}?", sanitize_line(id)))
            .default(false)
            .interact()
            .map_err(|e| Error::Internal(format!("prompt failed: {e}")))?;
        if !ok {
            ctx.printer.info("not deleted");
            return Ok(Outcome::Success);
        }
    }
    let api = ctx.api()?;
    let answer = api.unwrap(api.call(RouteName::EndpointsDelete, &[("id", id)], &[], None).await?);
    let doc = if answer.is_null() { json!({"id": id, "deleted": true}) } else { answer };
    ctx.printer.emit(&doc, |p| p.success(&format!("{noun} {} deleted", sanitize_line(id))));
    Ok(Outcome::Success)
}

// ---------------------------------------------------------------------------------------------
// Validation before sending (what the documents constrain)
// ---------------------------------------------------------------------------------------------

/// The URL an endpoint delivers to. HTTPS-only providers still take plain http under
/// `--sandbox`: the sandbox delivers to local listeners.
fn check_url(ctx: &Ctx, preset: &Preset, url: &str) -> Result<()> {
    let parsed = reqwest::Url::parse(url).map_err(|e| {
        Error::usage_hint(format!("'{url}' is not a valid URL: {e}"), "e.g. https://example.com/hooks")
    })?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if !preset.endpoints.https_only || ctx.sandbox().is_some() => Ok(()),
        "http" => Err(Error::usage_hint(
            format!("{} accepts HTTPS URLs only: {url}", preset.name),
            "for a local receiver, expose `hookctl listen` through an HTTPS tunnel",
        )),
        other => Err(Error::usage(format!("'{url}': scheme '{other}' is not http(s)"))),
    }
}

fn summary_line(ctx: &Ctx, shape: &EndpointShape, e: &Value) -> String {
    let status = status_text(shape, e);
    let color = if status == "active" { Color::Green } else { Color::Yellow };
    format!(
        "{}  {}  {}  {}",
        ctx.printer.bold(&field_text(e, "id")),
        ctx.printer.paint(&status, color),
        field_text(e, shape.url_field),
        sanitize_line(&events_of(shape, e).join(",")),
    )
}

fn print_details(ctx: &Ctx, shape: &EndpointShape, e: &Value) {
    let p = &ctx.printer;
    p.line(&format!("id:      {}", p.bold(&field_text(e, "id"))));
    p.line(&format!("url:     {}", field_text(e, shape.url_field)));
    p.line(&format!("status:  {}", status_text(shape, e)));
    p.line(&format!("events:  {}", sanitize_line(&events_of(shape, e).join(", "))));
    if let Some(d) = shape.description_field.filter(|d| e.get(*d).is_some_and(|v| !v.is_null())) {
        p.line(&format!("description: {}", field_text(e, d)));
    }
}

/// Masks signing secrets in an answer that is not `create` (where it is shown once, on
/// purpose): `get`, `list` and `update` used to pass them to `--json` output raw. URL
/// passwords are redacted too (`user:***@`).
fn mask_secrets(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, field) in map.iter_mut() {
                match field {
                    Value::String(s) if SECRET_FIELDS.contains(&k.as_str()) && !s.is_empty() => {
                        *s = crate::secret::mask(s);
                    }
                    other => mask_secrets(other),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_secrets),
        Value::String(s) => redact_url_password(s),
        _ => {}
    }
}

/// `https://user:pass@host/…` → `https://user:***@host/…` in every string of `v` (the
/// endpoint's URL under whatever name the provider gives it).
fn redact_url_passwords(v: &mut Value) {
    match v {
        Value::Object(map) => map.values_mut().for_each(redact_url_passwords),
        Value::Array(items) => items.iter_mut().for_each(redact_url_passwords),
        Value::String(s) => redact_url_password(s),
        _ => {}
    }
}

fn redact_url_password(s: &mut String) {
    if s.contains("://") && s.contains('@') {
        if let std::borrow::Cow::Owned(r) = crate::secret::redact_url(s) {
            *s = r;
        }
    }
}

/// `--save-secret`, or a prompt on a terminal, stores the secret in the profile; otherwise a
/// hint says how.
fn offer_to_store(ctx: &Ctx, api: &Client, secret: &str, save: bool) -> Result<()> {
    if ctx.sandbox().is_some() {
        // Never printed twice: the command names the secret printed above.
        ctx.printer.hint(
            "it is shown only once: verify with it by `hookctl listen --secret <secret>` (the secret printed \
             above) or set HOOKCTL_SECRET",
        );
        return Ok(());
    }
    let profile = ctx
        .profile()
        .ok()
        .flatten()
        .map(|(n, _)| n.to_string())
        .or_else(|| ctx.requested_profile().map(str::to_string))
        .unwrap_or_else(|| "default".into());
    let ask = !save && stdin_is_tty() && stderr_is_tty() && !ctx.printer.is_json();
    let store = save
        || (ask
            && dialoguer::Confirm::new()
                .with_prompt(format!("Store the signing secret in profile '{profile}'?"))
                .default(true)
                .interact()
                .map_err(|e| Error::Internal(format!("prompt failed: {e}")))?);
    if !store {
        ctx.printer.hint(&format!(
            "it is shown only once: store it with `hookctl config set secret <secret> --profile {profile}` \
             (the secret printed above) or pass --save-secret next time"
        ));
        return Ok(());
    }
    let path = ctx.config_path()?;
    let mut file = ctx.config()?.clone();
    let entry = file
        .profiles
        .entry(profile.clone())
        .or_insert_with(|| Profile { provider: Some(api.preset().name.to_string()), ..Profile::default() });
    entry.set("secret", secret)?;
    if file.current.is_none() {
        file.current = Some(profile.clone());
    }
    file.save(&path)?;
    ctx.printer.success(&format!("signing secret stored in profile '{profile}' ({})", path.display()));
    Ok(())
}
