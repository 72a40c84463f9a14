//! `test ENDPOINT`: the provider's own test delivery. Closient sends a synthetic ping and
//! answers with the delivery's status; personio sends `event_name` + `payload_data` and
//! answers `is_delivered`. Both are synchronous, so the exit code says whether it arrived.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::cli::test::TestArgs;
use crate::endpoint::check_id;
use crate::providers::RouteName;
use crate::providers::{personio_required_fields, TestStyle};
use crate::sanitize::sanitize_line;
use crate::{Ctx, Error, Outcome, Result};

pub async fn exec(mut args: TestArgs, ctx: &Ctx) -> Result<Outcome> {
    if !args.old_data.is_empty() {
        ctx.printer.warn("test --data KEY=VALUE is now --field KEY=VALUE (--data means a body elsewhere)");
        args.fields.append(&mut args.old_data);
    }
    if args.wait.enabled && args.wait.timeout.is_zero() {
        return Err(Error::usage("--timeout must be longer than 0s: nothing could be waited for"));
    }
    let preset = ctx.require_routes(&[RouteName::Test])?;
    match preset.test {
        Some(TestStyle::Ping) => ping(args, ctx).await,
        Some(TestStyle::EventWithPayload) => test_event(args, ctx).await,
        // A profile gave this preset a `test` route: send it as a ping.
        None => ping(args, ctx).await,
    }
}

async fn ping(args: TestArgs, ctx: &Ctx) -> Result<Outcome> {
    let preset = ctx.api_preset()?;
    if args.event.is_some() || !args.fields.is_empty() {
        return Err(Error::usage_hint(
            format!("{}'s test sends a synthetic ping; --event and --field are not used", preset.name),
            "drop --event/--field (they are for personio)",
        ));
    }
    check_id(preset, &args.endpoint)?;
    let api = ctx.api()?;
    let body = api.call(RouteName::Test, &[("id", &args.endpoint)], &[], None).await?;
    let follow = crate::wait::Follow { api, printer: &ctx.printer, context: ctx.command_context() };
    crate::wait::delivery_result(&follow, &body, args.wait.enabled, args.wait.timeout).await
}

async fn test_event(args: TestArgs, ctx: &Ctx) -> Result<Outcome> {
    let preset = ctx.api_preset()?;
    let Some(event) = args.event.as_deref() else {
        let known: Vec<&str> = preset.events.iter().map(|e| e.name).collect();
        return Err(Error::usage_hint(
            format!("{} needs --event NAME: the event must be one enabled for the webhook", preset.name),
            format!("e.g. --event person.updated --field person.id=123 (known: {})", known.join(", ")),
        ));
    };
    if let Some(w) = preset.check_event(event).map_err(Error::usage)? {
        ctx.printer.warn(&w);
    }
    let data = parse_data(&args.fields)?;
    let missing: Vec<&str> =
        personio_required_fields(event).iter().copied().filter(|f| !data.contains_key(*f)).collect();
    if !missing.is_empty() {
        return Err(Error::usage_hint(
            format!("{event} needs payload_data {}", missing.join(" and ")),
            format!(
                "add --field {}",
                missing.iter().map(|f| format!("{f}=VALUE")).collect::<Vec<_>>().join(" --field ")
            ),
        ));
    }
    if args.wait.enabled {
        ctx.printer.debug("personio's test-event is synchronous: the answer already says whether it arrived");
    }
    let body = json!({"event_name": event, "payload_data": data});
    let api = ctx.api()?;
    let answer = api.call(RouteName::Test, &[("id", &args.endpoint)], &[], Some(body)).await?;
    let delivered = answer.get("is_delivered").and_then(Value::as_bool);
    let code = answer.get("status_code").and_then(Value::as_u64);
    let attempts = answer.get("attempts").and_then(Value::as_u64);
    let p = &ctx.printer;
    let detail = format!(
        "{}{}",
        code.map(|c| format!("HTTP {c}")).unwrap_or_else(|| "no response".into()),
        attempts.map(|a| format!(", {a} attempt{}", if a == 1 { "" } else { "s" })).unwrap_or_default()
    );
    let event_name = answer.get("event_name").and_then(Value::as_str).unwrap_or(event).to_string();
    match delivered {
        Some(true) => {
            p.emit(&answer, |p| p.line(&format!("{}  delivered  {detail}", sanitize_line(&event_name))));
            p.success("test event delivered");
            Ok(Outcome::Success)
        }
        Some(false) => {
            p.emit(&answer, |p| p.line(&format!("{}  not delivered  {detail}", sanitize_line(&event_name))));
            p.failed(&format!("delivery failed: {detail}"), &[], []);
            Ok(Outcome::NotDelivered)
        }
        None => Err(Error::Api(crate::api::ApiError::Network {
            message: "the test-event answer has no is_delivered field".into(),
            details: vec![crate::api::error::first_bytes(answer.to_string().as_bytes(), 256)],
            hint: None,
        })),
    }
}

/// `--field key=value` pairs → personio `payload_data`: dot-notation keys, string values,
/// exactly as the document describes (the provider expands the dots).
pub(crate) fn parse_data(pairs: &[String]) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for pair in pairs {
        let Some((k, v)) = pair.split_once('=') else {
            return Err(Error::usage_hint(
                format!("--field '{pair}' is not key=value"),
                "e.g. --field person.id=123",
            ));
        };
        let k = k.trim();
        if k.is_empty() || k.starts_with('.') || k.ends_with('.') || k.contains("..") {
            return Err(Error::usage(format!(
                "--field '{pair}': '{k}' is not a dot-notation key like person.id"
            )));
        }
        if out.insert(k.to_string(), v.to_string()).is_some() {
            return Err(Error::usage(format!("--field gives '{k}' twice")));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_pairs_are_dot_keys_with_string_values() {
        let d = parse_data(&["person.id=123".into(), "a.b.c= x=y ".into()]).unwrap();
        assert_eq!(d["person.id"], "123");
        assert_eq!(d["a.b.c"], " x=y ");
        assert!(parse_data(&["novalue".into()]).is_err());
        assert!(parse_data(&["=x".into()]).is_err());
        assert!(parse_data(&["a..b=x".into()]).is_err());
        assert!(parse_data(&[".a=x".into()]).is_err());
        assert!(parse_data(&["a=1".into(), "a=2".into()]).is_err());
        assert!(parse_data(&["a=".into()]).unwrap()["a"].is_empty());
    }
}
