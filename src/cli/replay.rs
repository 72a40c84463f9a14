//! Arguments of `hookctl replay`.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::verify::SchemeArg;

/// The two modes of `replay`, shown as its usage and repeated when neither is given.
pub const USAGE: &str = "hookctl replay DELIVERY_ID [--wait] [--timeout DURATION]   (provider replay)
       hookctl replay --from CAPTURE.jsonl --to URL (--id ID | --last N | --all | --match EXPR) [--resign]   (captured requests)";

#[derive(Debug, Args)]
#[command(override_usage = USAGE, after_long_help = concat!("Examples:
  Replay a dead-lettered provider delivery and wait for the outcome:
    hookctl replay dl_123 --wait
  Re-send the last captured request to a local handler:
    hookctl replay --from capture.jsonl --to http://127.0.0.1:3000/hooks --last 1
  Re-send every capture, re-signed with a fresh timestamp:
    hookctl replay --from capture.jsonl --to http://127.0.0.1:3000/hooks --all --resign
  Re-send only the captures of one case (all of them, unless --last/--id narrows further):
    hookctl replay --from capture.jsonl --to http://127.0.0.1:3000/hooks --match data.caseId=case_1

", super::matcher::match_help!()))]
pub struct ReplayArgs {
    /// Provider delivery to replay (closient: dead_letter deliveries only)
    #[arg(conflicts_with = "from")]
    pub delivery_id: Option<String>,
    /// Wait until the replayed delivery is terminal
    #[arg(long, conflicts_with = "from")]
    pub wait: bool,
    /// With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds) [default: 30s]
    #[arg(long, value_name = "DURATION", value_parser = super::duration::parse)]
    pub timeout: Option<Duration>,

    /// Re-send requests captured by `listen --capture` from this file
    #[arg(long, value_name = "CAPTURE.jsonl", requires = "to")]
    pub from: Option<PathBuf>,
    /// Target URL for a local replay
    #[arg(long, value_name = "URL", requires = "from")]
    pub to: Option<String>,
    /// Replay the record with this id
    #[arg(long, requires = "from", conflicts_with_all = ["all", "last"])]
    pub id: Option<String>,
    /// Replay every record
    #[arg(long, requires = "from", conflicts_with = "last")]
    pub all: bool,
    /// Replay the last N records
    #[arg(long, value_name = "N", requires = "from")]
    pub last: Option<usize>,
    /// Only records whose content matches: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot
    /// path into the JSON body, or header.NAME); repeatable, all must hold; alone, replays
    /// every matching record
    #[arg(long = "match", value_name = "EXPR", requires = "from", value_parser = super::matcher::parse)]
    pub matches: Vec<crate::matcher::Matcher>,
    /// Re-sign with a fresh id and timestamp (old timestamps fail the 5-minute tolerance)
    #[arg(long, requires = "from")]
    pub resign: bool,
    /// Secret for --resign [env: HOOKCTL_SECRET]
    #[arg(long, value_name = "SECRET", requires = "resign")]
    pub secret: Option<crate::secret::Secret>,
    /// Scheme for --resign (default: the one recorded in the capture)
    #[arg(long, value_enum, default_value_t, requires = "resign")]
    pub scheme: SchemeArg,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}
