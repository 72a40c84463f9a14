//! Arguments of `hookctl listen`.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::endpoints::EventName;
use super::verify::SchemeArg;

#[derive(Debug, Args)]
#[command(after_long_help = concat!("Examples:
  Receive, verify and show webhooks on port 8787:
    hookctl listen --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
  Forward valid requests to your handler and keep a capture for replay:
    hookctl listen --forward-to http://127.0.0.1:3000/hooks --capture capture.jsonl
  In CI: exit 0 after two valid case.closed deliveries, 6 after 2 minutes:
    hookctl listen --port 0 --expect 2 --type case.closed --timeout 2m
  Count only the deliveries of one case:
    hookctl listen --port 0 --expect 1 --match data.caseId=case_1 --timeout 60s

On a timeout the error lists the near misses: what arrived but did not count, and why.

", super::matcher::match_help!()))]
pub struct ListenArgs {
    /// Address to bind
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to bind; 0 picks a free one
    #[arg(long, short = 'p', default_value_t = 8787)]
    pub port: u16,
    /// Only accept requests under this path prefix (default: any path)
    #[arg(long, value_name = "PREFIX")]
    pub path: Option<String>,
    /// Signing secret; repeat for rotation [env: HOOKCTL_SECRET]
    #[arg(long = "secret", value_name = "SECRET")]
    pub secrets: Vec<crate::secret::Secret>,
    /// Signature scheme
    #[arg(long, value_enum, default_value_t)]
    pub scheme: SchemeArg,
    /// Pass each valid request on to this URL (+ the path below --path and the query) and
    /// answer with its response; target down → 502, too slow → 504
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// How long a forward target may take to answer (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = super::duration::parse)]
    pub forward_timeout: Duration,
    /// Route by event type: 'PATTERN=URL' (e.g. 'cases.*=http://…', '*=http://…'); repeatable
    #[arg(long = "route", value_name = "PATTERN=URL")]
    pub routes: Vec<String>,
    /// Append one JSON line per request to this file
    #[arg(long, value_name = "FILE")]
    pub capture: Option<PathBuf>,
    /// Exit 0 after N valid deliveries
    #[arg(long, value_name = "N")]
    pub expect: Option<u64>,
    /// Only count deliveries of this event type toward --expect ('*' wildcards allowed); the
    /// same name as `events --type` (--filter is its old spelling)
    #[arg(long = "type", visible_alias = "filter", value_name = "EVENT_TYPE", requires = "expect")]
    pub filter: Option<String>,
    /// Only count deliveries whose content matches toward --expect: PATH=VALUE, PATH!=VALUE,
    /// PATH~REGEX or PATH (a dot path into the JSON body, or header.NAME); repeatable, all must hold
    #[arg(long = "match", value_name = "EXPR", requires = "expect", value_parser = super::matcher::parse)]
    pub matches: Vec<crate::matcher::Matcher>,
    /// Do not fail --expect when an invalid signature arrives
    #[arg(long, requires = "expect")]
    pub allow_invalid: bool,
    /// How long to wait for the outcome: with --expect exit 6 after it (default 60s there), without
    /// it stop and exit 0 (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", value_parser = super::duration::parse)]
    pub timeout: Option<Duration>,
    /// Largest accepted body (larger: 413): bytes, or with a unit (512KiB, 10MB, 1MiB)
    #[arg(long, value_name = "SIZE", default_value = "1MiB", value_parser = super::size::parse_body)]
    pub max_body: usize,
    /// Do not print requests (capture and forward still work)
    #[arg(long)]
    pub no_display: bool,
    /// Time a client has to send request headers; also closes idle keep-alive connections (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = super::duration::parse)]
    pub header_timeout: Duration,
    /// Time a client has to send the request body (slower: 408) (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = super::duration::parse)]
    pub body_timeout: Duration,
    /// Serve a web inspector of received requests on 127.0.0.1 (port 4040-4049, the first free)
    #[arg(long)]
    pub ui: bool,
    /// Port of the inspector (with --ui); 0 picks any free port
    #[arg(long, value_name = "PORT", requires = "ui")]
    pub ui_port: Option<u16>,
    /// Open the inspector in the default browser (with --ui, when there is a display)
    #[arg(long, requires = "ui")]
    pub open: bool,
    /// Expose the listener through a bore server (bore:HOST[:PORT]; PORT = the public port to
    /// ask for, any by default); prints the public URL and reconnects when the tunnel drops
    #[arg(long, value_name = "bore:HOST[:PORT]", conflicts_with = "public_url")]
    pub tunnel: Option<String>,
    /// Secret of the bore server (bore server --secret) [env: HOOKCTL_TUNNEL_SECRET]
    #[arg(long, value_name = "SECRET", requires = "tunnel")]
    pub tunnel_secret: Option<crate::secret::Secret>,
    /// The listener's public address through your own tunnel or proxy (used by --register)
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Register a temporary endpoint at the provider for this run (verifying with the secret it
    /// returns) and delete it on exit
    #[arg(long)]
    pub register: bool,
    /// Event type the temporary endpoint subscribes to; repeatable (default: all the provider's)
    #[arg(long = "event", value_name = "EVENT", requires = "register", value_parser = EventName, hide_possible_values = true)]
    pub events: Vec<String>,
    /// Allow a public listener (--tunnel, --public-url, a non-loopback --host) without a signing
    /// secret (anyone who finds the URL reaches your app)
    #[arg(long)]
    pub allow_unverified: bool,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
    /// Run CMD once listening, with HOOKCTL_LISTEN_URL, HOOKCTL_PUBLIC_URL and HOOKCTL_ENDPOINT_ID
    /// (when they exist); exit with CMD's code if it failed, else the verdict; without --expect,
    /// stop when CMD ends
    #[arg(last = true, value_name = "CMD", num_args = 1.., value_parser = clap::value_parser!(std::ffi::OsString))]
    pub command: Vec<std::ffi::OsString>,
}
