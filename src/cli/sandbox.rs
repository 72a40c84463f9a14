//! Arguments of `hookctl sandbox`.

use std::path::PathBuf;

use clap::Args;

use crate::sandbox::Lag;

pub const SANDBOX_HELP: &str = "\
Examples:
  Serve the four APIs on 127.0.0.1:8788, seeded endpoints delivering to `hookctl listen`:
    hookctl sandbox
  For a test or CI job: a free port, a throw-away database, no event-log lag, fast retries:
    hookctl sandbox --port 0 --json --data-dir /tmp/sbx --lag 0 --retry-schedule 100ms,100ms
  Run your tests against a fresh, slow and flaky sandbox (free port, temporary database);
  the sandbox stops when they end and their exit code is hookctl's:
    hookctl sandbox --lag 5s..20s --fail-rate 0.3 -- ./integration-tests.sh
  Point any provider command at a running sandbox (URL default http://127.0.0.1:8788):
    hookctl endpoints list --provider xpath --sandbox

Routes (one port; the token as `Authorization: Bearer`, closient `X-API-Key`):
  /partner   POST /test/webhooks/fire, GET /webhooks/events?caseId=, GET /webhooks/events/{id}*,
             /webhooks[/{id}]* (subscriptions CRUD)
  /closient  /integrations/api/v1/webhooks/endpoints/[{id}/]* CRUD, POST …/endpoints/{id}/test/,
             GET …/deliveries/[{id}/]*, POST …/deliveries/{id}/replay/
  /xpath     /v2.3/webhooks/endpoints[/{id}] CRUD
  /personio  /v2/webhooks[/{id}]* CRUD, POST /v2/webhooks/{id}/test-event
  (* = inferred: the documents imply these routes without showing them)

Seed data (stable ids; seeded endpoints deliver to --seed-url, signed with the seed secret):
  partner   cases case_test_full (payments+chats), case_test_empty (→ 422), case_live (→ 400),
            case_other_partner (→ 404); subscriptions sub_test_all_events, sub_live,
            sub_other_partner
  closient  endpoint SandboxEndpoint2345678, dead_letter delivery SandboxDeadLetter23456
  xpath     endpoint wh_01J1C6ZGQ6FQTH2X6M2VS3P0XW
  personio  webhook 533e7206-f4a3-11ed-9c8b-436fad0b82d1; token hookctl-sandbox-readonly → 403
  secret    whsec_aG9va2N0bCBzYW5kYm94IHNlZWQgc2VjcmV0IDIwMjY=

Admin routes (same token):
  GET /_sandbox/                      seed ids, knobs, queue length
  POST /_sandbox/reset                delete everything and seed again
  GET|PATCH /_sandbox/knobs           {\"lag\":\"0\",\"fail_rate\":0.1,\"retry_schedule\":\"1s,2s\",
                                      \"attempt_timeout\":\"10s\"}
  POST|DELETE /_sandbox/faults        {\"url\":…,\"status\":500,\"delay_ms\":2000} per endpoint URL
  GET|POST /_sandbox/cases            {\"classification\":\"test\",\"payments\":1,\"chats\":1}
  PATCH /_sandbox/cases/{id}          {\"lifecycle\",\"closeCode\",\"closeComment\"}
  POST /_sandbox/cases/{id}/payments, /_sandbox/cases/{id}/chats
  POST /_sandbox/xpath/events         {\"event\":\"cases.created\",\"data\":{…}} to xpath endpoints
  GET /_sandbox/deliveries, /_sandbox/attempts, /_sandbox/events   every delivery and attempt
  (knobs and faults set here last until the sandbox stops; the flags set them at start)

With --json the first stdout line is {\"type\":\"ready\",\"url\",\"token\",\"providers\",\"seed\",…};
then one {\"type\":\"attempt\",…} line per delivery attempt.";

#[derive(Debug, Args)]
#[command(after_long_help = SANDBOX_HELP)]
pub struct SandboxArgs {
    /// Address to bind (0.0.0.0 exposes the sandbox to the network: a warning says so)
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to bind; 0 picks a free one [default: 8788; with -- CMD: a free one]
    #[arg(long, short = 'p')]
    pub port: Option<u16>,
    /// Directory of the database, used by one sandbox at a time [default: the user's data dir, e.g.
    /// ~/.local/share/hookctl/sandbox; with -- CMD: a fresh temporary one, removed at the end]
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// How long after its attempt a partner event-log row appears: a duration or MIN..MAX (30s,
    /// 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "D|MIN..MAX", default_value = "500ms..3s", value_parser = Lag::parse)]
    pub lag: Lag,
    /// Share of attempts (0 to 1) that fail as if the network dropped them
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = fail_rate)]
    pub fail_rate: f64,
    /// Pauses before each retry, comma-separated; when they are used up the delivery is dead_letter
    /// ("none": no retries) (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "LIST", default_value = "1s,2s,5s", value_parser = schedule)]
    pub retry_schedule: Schedule,
    /// The token clients must send [default: hookctl-sandbox]
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<crate::secret::Secret>,
    /// Where the seeded endpoints deliver [default: http://127.0.0.1:8787/, `hookctl listen`'s address]
    #[arg(long, value_name = "URL")]
    pub seed_url: Option<String>,
    /// Time a client has to send request headers; also closes idle keep-alive connections (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = super::duration::parse)]
    pub header_timeout: std::time::Duration,
    /// Time a client has to send the request body (slower: 408) (30s, 2m, 500ms; a bare number is seconds)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = super::duration::parse)]
    pub body_timeout: std::time::Duration,
    /// Run CMD against the sandbox, then stop it, and exit with CMD's code. CMD gets
    /// HOOKCTL_SANDBOX (the URL: provider commands use it, `--sandbox` needs no value),
    /// HOOKCTL_SANDBOX_TOKEN and HOOKCTL_SANDBOX_SECRET (the seeded endpoints' signing secret)
    #[arg(last = true, value_name = "CMD", num_args = 1.., value_parser = clap::value_parser!(std::ffi::OsString))]
    pub command: Vec<std::ffi::OsString>,
}

/// The parsed `--retry-schedule` (a newtype so clap does not read it as a repeated flag).
#[derive(Debug, Clone)]
pub struct Schedule(pub Vec<std::time::Duration>);

fn schedule(s: &str) -> Result<Schedule, String> {
    crate::sandbox::parse_schedule(s).map(Schedule)
}

fn fail_rate(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("'{s}' is not a probability from 0 to 1 (e.g. 0.2)")),
    }
}
