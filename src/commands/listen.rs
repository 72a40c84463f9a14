//! `hookctl listen`: turns the flags into a [`listen::Config`], starts the receiver and waits
//! for its verdict.

use std::sync::Arc;
use std::time::Duration;

use crate::cli::listen::ListenArgs;
use crate::listen::{self, forward::Route, Config, DisplayMode, Exposure};
use crate::providers::RouteName;
use crate::secret::Secret;
use crate::sign::{self, KeyUse, Scheme};
use crate::tunnel::{bore, Expose, Plan, RegisterPlan, TunnelPlan};
use crate::{Ctx, Error, Outcome, Result};

/// How long `--expect` waits when no `--timeout` is given: CI must never hang forever.
const DEFAULT_EXPECT_TIMEOUT: Duration = Duration::from_secs(60);

pub async fn exec(mut args: ListenArgs, ctx: &Ctx) -> Result<Outcome> {
    let command = std::mem::take(&mut args.command);
    let expect = args.expect.is_some();
    let cfg = config(args, ctx)?;
    let listening = listen::start(cfg, &ctx.printer).await?;
    if command.is_empty() {
        return listening.finish().await?.outcome();
    }
    with_command(listening, &command, expect).await
}

/// `listen -- CMD`: CMD runs once the listener is ready (registered, tunnelled); a CMD that
/// fails decides (the trigger broke), else the listener's verdict does. When the listener
/// stops first (`--expect` met, `--timeout`, a bad signature) CMD is still waited for.
async fn with_command(
    listening: listen::Listening,
    argv: &[std::ffi::OsString],
    expect: bool,
) -> Result<Outcome> {
    let mut env = vec![("HOOKCTL_LISTEN_URL", listening.local_url().to_string())];
    if let Some(url) = listening.public_url() {
        env.push(("HOOKCTL_PUBLIC_URL", url.to_string()));
    }
    if let Some(id) = listening.endpoint_id() {
        env.push(("HOOKCTL_ENDPOINT_ID", id.to_string()));
    }
    let ran = match crate::child::spawn(argv, &env) {
        Ok(mut child) => child.wait().await,
        Err(e) => Err(e),
    };
    match ran {
        Ok(0) => {
            if !expect {
                listening.stop();
            }
            listening.finish().await?.outcome()
        }
        Ok(code) => {
            listening.stop();
            let _ = listening.finish().await;
            Ok(Outcome::Command(code))
        }
        Err(e) => {
            // The registered endpoint is deleted and the capture flushed on this way out too.
            listening.stop();
            let _ = listening.finish().await;
            Err(e)
        }
    }
}

fn config(args: ListenArgs, ctx: &Ctx) -> Result<Config> {
    let mut routes = Vec::new();
    for spec in &args.routes {
        routes.push(Route::parse(spec).map_err(Error::usage)?);
    }
    if let Some(url) = &args.forward_to {
        // --forward-to is the catch-all after the specific routes.
        let url = listen::forward::check_url(url).map_err(|e| Error::usage(format!("--forward-to {e}")))?;
        routes.push(Route { pattern: "*".into(), url });
    }
    let display = if args.no_display {
        DisplayMode::Off
    } else if ctx.printer.is_json() || !ctx.printer.stdout_is_tty() {
        DisplayMode::Json
    } else {
        DisplayMode::Human
    };
    if args.expect == Some(0) {
        return Err(Error::usage("--expect must be at least 1 (0 would pass before anything arrived)"));
    }
    let timeout = args.timeout.or(args.expect.map(|_| DEFAULT_EXPECT_TIMEOUT));
    if timeout == Some(Duration::ZERO) {
        return Err(Error::usage("--timeout must be longer than 0s"));
    }
    let secrets = {
        let scheme = args.scheme.0;
        let secrets = super::secret::resolve(ctx, &args.secrets, scheme, KeyUse::Verify)?;
        if scheme.is_none() {
            warn_unusable_for_standard(ctx, &secrets);
        }
        secrets
    };
    let exposure = exposure(&args, ctx, &secrets)?;
    Ok(Config {
        host: args.host,
        port: args.port,
        path: args.path.as_deref().and_then(listen::normalize_prefix),
        secrets,
        scheme: args.scheme.0,
        routes,
        forward_timeout: args.forward_timeout,
        capture: args.capture,
        expect: args.expect,
        filter: args.filter,
        content: crate::matcher::Matchers::new(args.matches),
        allow_invalid: args.allow_invalid,
        timeout,
        max_body: args.max_body,
        display,
        json_status: ctx.printer.is_json() || !ctx.printer.stdout_is_tty(),
        header_timeout: args.header_timeout,
        body_timeout: args.body_timeout,
        ui: args.ui.then_some(listen::ui::UiConfig { port: args.ui_port, open: args.open }),
        exposure,
        stop_on_signal: true,
    })
}

/// `--tunnel`, `--public-url`, `--register` → what `listen` sets up once its port is bound.
fn exposure(args: &ListenArgs, ctx: &Ctx, secrets: &[Secret]) -> Result<Option<Arc<dyn Exposure>>> {
    let tunnel = match &args.tunnel {
        Some(t) => Some(TunnelPlan {
            spec: bore::Spec::parse(t).map_err(Error::usage)?,
            secret: args
                .tunnel_secret
                .clone()
                .or_else(|| ctx.settings.tunnel_secret.clone())
                .filter(|s| !s.expose().is_empty()),
            needs_signing_secret: secrets.is_empty() && !args.allow_unverified,
        }),
        None => None,
    };
    let public_url = match &args.public_url {
        Some(u) => Some(check_public_url(u)?),
        None => None,
    };
    let public = if tunnel.is_some() {
        Some("open a public tunnel to")
    } else if args.public_url.is_some() {
        Some("announce a public URL (--public-url) for")
    } else if !is_loopback_host(&args.host) {
        Some("listen on a non-loopback address (--host) with")
    } else {
        None
    };
    match public {
        Some(what) if secrets.is_empty() && !args.register && !args.allow_unverified => {
            return Err(Error::usage_hint(
                format!(
                    "refusing to {what} a listener without a signing secret: anyone who \
                     finds the URL could send requests to it (and through --forward-to to your app)"
                ),
                "pass --secret (or set HOOKCTL_SECRET), --register (the provider's secret is used), \
                 or --allow-unverified to accept that",
            ));
        }
        None if args.allow_unverified => {
            return Err(Error::usage(
                "--allow-unverified only applies to a public listener (--tunnel, --public-url, or a \
                 non-loopback --host)",
            ));
        }
        _ => {}
    }
    let register = if args.register {
        Some(register_plan(args, ctx, tunnel.is_some(), public_url.as_deref())?)
    } else {
        None
    };
    if tunnel.is_none() && public_url.is_none() && register.is_none() {
        return Ok(None);
    }
    let plan = Plan { tunnel, public_url, register };
    Ok(Some(Arc::new(Expose::new(plan, ctx.printer.clone()))))
}

/// `127.0.0.1`, `::1`, `localhost`: reachable from this machine only.
fn is_loopback_host(host: &str) -> bool {
    let h = host.trim().trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost") || h.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn check_public_url(u: &str) -> Result<String> {
    match reqwest::Url::parse(u) {
        Ok(p) if matches!(p.scheme(), "http" | "https") && p.host_str().is_some() => Ok(u.to_string()),
        _ => Err(Error::usage_hint(
            format!("--public-url '{u}' is not an http(s) URL"),
            "give the address your tunnel or proxy serves, e.g. https://abc.ngrok.app/hooks",
        )),
    }
}

/// The provider, its events and where the endpoint can point: a provider on the internet
/// cannot reach 127.0.0.1, so without a tunnel or public URL only a local API (the sandbox)
/// may be registered against.
fn register_plan(
    args: &ListenArgs,
    ctx: &Ctx,
    tunnel: bool,
    public_url: Option<&str>,
) -> Result<RegisterPlan> {
    let preset = ctx.require_routes(&[RouteName::EndpointsCreate, RouteName::EndpointsDelete])?;
    let events: Vec<String> = match (args.events.is_empty(), preset.events.is_empty()) {
        (false, _) => args.events.clone(),
        (true, false) => preset.events.iter().map(|e| e.name.to_string()).collect(),
        // No catalog to subscribe to (closient): everything.
        (true, true) => vec!["*".to_string()],
    };
    crate::endpoint::check_events(&ctx.printer, preset, &events)?;
    let api = ctx.api()?.clone();
    let local_api = api.is_local();
    if !tunnel && public_url.is_none() && !local_api {
        return Err(Error::usage_hint(
            format!("{} cannot reach a listener on this machine", preset.name),
            "add --tunnel bore:HOST or --public-url URL (your own tunnel) so the provider can deliver",
        ));
    }
    let https_only = preset.endpoints.https_only;
    if https_only && (tunnel || public_url.is_some_and(|u| !u.starts_with("https:"))) {
        return Err(Error::usage_hint(
            format!("{} accepts HTTPS endpoint URLs only, and the public URL would be http", preset.name),
            "put an HTTPS tunnel in front (ngrok, cloudflared…) and pass --public-url https://…",
        ));
    }
    let reach = crate::tunnel::register::Reach {
        profile: ctx.requested_profile().map(str::to_string),
        sandbox: ctx.sandbox().map(str::to_string),
    };
    Ok(RegisterPlan { api, events, reach })
}

/// With `--scheme auto` a `whsec_` secret cannot be refused at start (Stripe uses it as plain
/// bytes), but one that Standard Webhooks cannot decode will fail every such request: say so.
fn warn_unusable_for_standard(ctx: &Ctx, secrets: &[crate::secret::Secret]) {
    // Only whsec_ secrets: GitHub, Shopify and Slack secrets are not base64 and need not be.
    for (i, secret) in secrets.iter().enumerate().filter(|(_, s)| s.expose().starts_with("whsec_")) {
        if let Err(sign::SignError::BadSecret(problem)) =
            sign::check_secret(Some(Scheme::Standard), KeyUse::Verify, secret)
        {
            ctx.printer.warn(&format!(
                "secret #{} cannot verify standard or svix requests ({problem}); pass --scheme to refuse it at start",
                i + 1
            ));
        }
    }
}
