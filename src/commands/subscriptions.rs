//! `subscriptions list|types|add|remove`: which event types an endpoint receives. Adding and
//! removing read the endpoint, then PATCH the whole new list (xpath `events`), so repeating a
//! command lands in the same state.

use serde_json::{json, Value};

use crate::api::list_items;
use crate::cli::subscriptions::{SubscriptionsArgs, SubscriptionsCommand};
use crate::endpoint::{check_events, check_id, events_mutable, events_of, field_text};
use crate::providers::RouteName;
use crate::sanitize::sanitize_line;
use crate::{Ctx, Error, Outcome, Result};

pub async fn exec(args: SubscriptionsArgs, ctx: &Ctx) -> Result<Outcome> {
    match args.command {
        SubscriptionsCommand::List { endpoint } => list(ctx, endpoint.as_deref()).await,
        SubscriptionsCommand::Types => types(ctx),
        SubscriptionsCommand::Add { endpoint, events } => change(ctx, &endpoint, &events, true).await,
        SubscriptionsCommand::Remove { endpoint, events } => change(ctx, &endpoint, &events, false).await,
    }
}

fn types(ctx: &Ctx) -> Result<Outcome> {
    let preset = ctx.api_preset()?;
    let doc: Vec<Value> =
        preset.events.iter().map(|e| json!({"name": e.name, "description": e.description})).collect();
    ctx.printer.emit(&Value::Array(doc), |p| {
        if preset.events.is_empty() {
            p.info(&format!(
                "the {} document lists no event types; hookctl does not check them",
                preset.name
            ));
        } else if !preset.catalog_complete {
            p.info(&format!("{}: partial list (the document links to the full catalog)", preset.name));
        }
        let width = preset.events.iter().map(|e| e.name.len()).max().unwrap_or(0);
        for e in preset.events {
            p.line(&format!("{:width$}  {}", p.bold(e.name), p.dim(e.description), width = width));
        }
    });
    Ok(Outcome::Success)
}

async fn list(ctx: &Ctx, endpoint: Option<&str>) -> Result<Outcome> {
    let rows: Vec<Value> = match endpoint {
        Some(id) => {
            let preset = ctx.require_routes(&[RouteName::EndpointsGet])?;
            check_id(preset, id)?;
            let api = ctx.api()?;
            vec![api.unwrap(api.call(RouteName::EndpointsGet, &[("id", id)], &[], None).await?)]
        }
        None => {
            ctx.require_routes(&[RouteName::EndpointsList])?;
            let api = ctx.api()?;
            let body = api.unwrap(api.call(RouteName::EndpointsList, &[], &[], None).await?);
            list_items(&body).cloned().unwrap_or_default()
        }
    };
    let shape = ctx.api()?.preset().endpoints;
    let doc: Vec<Value> =
        rows.iter().map(|e| json!({"endpoint": e.get("id"), "events": events_of(&shape, e)})).collect();
    ctx.printer.emit(&Value::Array(doc), |p| {
        for e in &rows {
            p.line(&format!(
                "{}  {}",
                p.bold(&field_text(e, "id")),
                sanitize_line(&events_of(&shape, e).join(", "))
            ));
        }
    });
    Ok(Outcome::Success)
}

async fn change(ctx: &Ctx, id: &str, events: &[String], add: bool) -> Result<Outcome> {
    let preset = ctx.require_routes(&[RouteName::EndpointsGet, RouteName::EndpointsUpdate])?;
    check_id(preset, id)?;
    events_mutable(ctx.api().ok(), &ctx.command_context(), preset, id, None, |mut current| {
        if add {
            let new: Vec<String> = events.iter().filter(|e| !current.contains(e)).cloned().collect();
            current.extend(new);
        } else {
            current.retain(|e| !events.contains(e));
        }
        current
    })
    .await?;
    if add {
        check_events(&ctx.printer, preset, events)?;
    }
    let shape = preset.endpoints;
    let api = ctx.api()?;
    let current = api.unwrap(api.call(RouteName::EndpointsGet, &[("id", id)], &[], None).await?);
    let before = events_of(&shape, &current);
    let mut after = before.clone();
    if add {
        for e in events {
            if !after.contains(e) {
                after.push(e.clone());
            }
        }
    } else {
        for e in events.iter().filter(|e| !before.contains(e)) {
            ctx.printer.warn(&format!("{} is not subscribed to {e}", sanitize_line(id)));
        }
        after.retain(|e| !events.contains(e));
        if after.is_empty() {
            return Err(Error::usage_hint(
                format!(
                    "removing these would leave {} {} with no event types",
                    shape.noun,
                    sanitize_line(id)
                ),
                format!("delete it instead: `hookctl endpoints delete {id} --yes{}`", ctx.command_context()),
            ));
        }
    }
    let doc = |list: &[String]| json!({"endpoint": id, "events": list});
    if after == before {
        ctx.printer.emit(&doc(&after), |p| p.info("nothing to change"));
        return Ok(Outcome::Success);
    }
    let body = json!({ shape.events_field: after });
    let updated = api.unwrap(api.call(RouteName::EndpointsUpdate, &[("id", id)], &[], Some(body)).await?);
    // Trust the provider's answer when it echoes the object; otherwise what we sent.
    let now = if updated.get(shape.events_field).is_some() { events_of(&shape, &updated) } else { after };
    ctx.printer.emit(&doc(&now), |p| {
        p.success(&format!(
            "{} {} now receives: {}",
            shape.noun,
            sanitize_line(id),
            sanitize_line(&now.join(", "))
        ));
    });
    Ok(Outcome::Success)
}
