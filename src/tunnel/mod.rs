//! Makes `listen` reachable from outside for one run: a bore tunnel or the user's own public
//! URL, and a temporary registration at the provider that is deleted on every way out.

pub mod bore;
pub mod leftovers;
pub mod register;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use serde_json::json;
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

use crate::api::Client;
use crate::listen::{Exposed, Exposure, HookFuture};
use crate::output::Printer;
use crate::providers::RouteName;
use crate::sanitize::sanitize_line;
use crate::secret::redact_url;
use crate::secret::Secret;

/// What to set up, resolved by the command layer.
#[derive(Debug)]
pub struct Plan {
    pub tunnel: Option<TunnelPlan>,
    /// `--public-url`: the user's own tunnel or proxy.
    pub public_url: Option<String>,
    pub register: Option<RegisterPlan>,
}

#[derive(Debug)]
pub struct TunnelPlan {
    pub spec: bore::Spec,
    /// `--tunnel-secret`: the bore server's secret (not a signing secret).
    pub secret: Option<Secret>,
    /// No signing secret is configured and `--allow-unverified` was not given: the run relies
    /// on the registration's secret, so a create answer without one must stop it.
    pub needs_signing_secret: bool,
}

#[derive(Debug)]
pub struct RegisterPlan {
    pub api: Client,
    pub events: Vec<String>,
    pub reach: register::Reach,
}

/// The [`Exposure`] `listen` runs with.
#[derive(Debug)]
pub struct Expose {
    plan: Plan,
    printer: Printer,
    running: Mutex<Running>,
}

#[derive(Debug, Default)]
struct Running {
    tunnel: Option<bore::Tunnel>,
    registration: Option<register::Registration>,
    /// Moves the registration to the tunnel's new URL when the public port changes.
    follower: Option<JoinHandle<()>>,
}

impl Expose {
    pub fn new(plan: Plan, printer: Printer) -> Expose {
        Expose { plan, printer, running: Mutex::default() }
    }

    async fn open(&self, local: SocketAddr, local_url: &str) -> crate::Result<Exposed> {
        let path =
            reqwest::Url::parse(local_url).map(|u| u.path().to_string()).unwrap_or_else(|_| "/".into());
        let mut running = self.running.lock().await;
        let mut public = self.plan.public_url.clone();
        if let Some(t) = &self.plan.tunnel {
            let tunnel = bore::Tunnel::open(
                t.spec.clone(),
                t.secret.clone(),
                reachable(local),
                path.clone(),
                self.printer.clone(),
            )
            .await?;
            public = tunnel.base_url().map(|b| format!("{b}{path}"));
            running.tunnel = Some(tunnel);
        }
        // Shown (stderr, the ready line) with a password in a --public-url masked.
        let shown = public.as_deref().map(|p| redact_url(p).into_owned());
        let mut exposed = Exposed { public_url: shown, ..Exposed::default() };
        let Some(r) = &self.plan.register else { return Ok(exposed) };
        // Leftovers of killed runs go first, so they do not pile up.
        let noun = r.api.preset().endpoints.noun;
        match register::cleanup(&r.api, &self.printer).await {
            Ok(done) => done
                .deleted
                .iter()
                .for_each(|e| self.printer.success(&register::Cleanup::deleted_line(noun, e))),
            // Leftovers are a side job: this run's own registration still goes ahead.
            Err(e) => self.printer.warn(&format!("{e}; leftovers of earlier runs are not cleaned up")),
        }
        let target = public.unwrap_or_else(|| local_url.to_string());
        let reg = register::create(&r.api, &target, &r.events, &r.reach, &self.printer).await?;
        self.printer.always(&format!(
            "registered temporary {} {noun} {} → {target} (deleted when listen ends)",
            r.api.preset().name,
            sanitize_line(&reg.id),
            target = redact_url(&target)
        ));
        match reg.secret.clone() {
            Some(s) => exposed.secrets.push(s),
            None if self.plan.tunnel.as_ref().is_some_and(|t| t.needs_signing_secret) => {
                // Kept as running so that the stop after this error deletes it.
                running.registration = Some(reg);
                return Err(crate::Error::usage_hint(
                    format!(
                        "refusing to open a public tunnel to a listener without a signing secret: the {} \
                         answer carries none",
                        r.api.preset().name
                    ),
                    "pass --secret (the endpoint's secret, if you have it), or --allow-unverified to accept that",
                ));
            }
            None => self.printer.warn(&format!(
                "the {} answer carries no signing secret: verifying with the configured secrets only",
                r.api.preset().name
            )),
        }
        exposed.endpoint_id = Some(reg.id.clone());
        if let (Some(t), true) = (&running.tunnel, r.api.route(RouteName::EndpointsUpdate).is_ok()) {
            running.follower = Some(tokio::spawn(follow(
                t.watch(),
                t.spec().clone(),
                path,
                r.api.clone(),
                reg.id.clone(),
                self.printer.clone(),
            )));
        }
        running.registration = Some(reg);
        Ok(exposed)
    }

    async fn close(&self) -> crate::Result<()> {
        let mut running = self.running.lock().await;
        if let Some(f) = running.follower.take() {
            f.abort();
        }
        let result = match (running.registration.take(), &self.plan.register) {
            (Some(reg), Some(r)) => {
                let id = reg.id.clone();
                let done = reg.delete(&r.api).await;
                if done.is_ok() {
                    self.printer.info(&format!(
                        "deleted temporary {} {}",
                        r.api.preset().endpoints.noun,
                        sanitize_line(&id)
                    ));
                }
                done
            }
            _ => Ok(()),
        };
        if let Some(t) = running.tunnel.take() {
            t.close().await;
        }
        result
    }
}

impl Exposure for Expose {
    fn start<'a>(&'a self, local: SocketAddr, local_url: &'a str) -> HookFuture<'a, Exposed> {
        Box::pin(self.open(local, local_url))
    }

    fn stop(&self) -> HookFuture<'_, ()> {
        Box::pin(self.close())
    }
}

/// The address to dial for the listener: a wildcard bind is reached on loopback.
fn reachable(local: SocketAddr) -> SocketAddr {
    match local.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => SocketAddr::new(Ipv4Addr::LOCALHOST.into(), local.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => SocketAddr::new(Ipv6Addr::LOCALHOST.into(), local.port()),
        _ => local,
    }
}

/// When the tunnel comes back on another public port, points the endpoint at the new URL.
async fn follow(
    mut port: tokio::sync::watch::Receiver<Option<u16>>,
    spec: bore::Spec,
    path: String,
    api: Client,
    id: String,
    printer: Printer,
) {
    let mut last = *port.borrow_and_update();
    while port.changed().await.is_ok() {
        let now = *port.borrow_and_update();
        let Some(p) = now else { continue };
        if Some(p) == last {
            continue;
        }
        last = Some(p);
        let url = format!("{}{path}", spec.base_url(p));
        let body = json!({ api.preset().endpoints.url_field: url });
        match api.call(RouteName::EndpointsUpdate, &[("id", &id)], &[], Some(body)).await {
            Ok(_) => printer.info(&format!("temporary endpoint {} now points at {url}", sanitize_line(&id))),
            Err(e) => printer.warn(&format!(
                "could not point temporary endpoint {} at the new URL {url}: {e}",
                sanitize_line(&id)
            )),
        }
    }
}
