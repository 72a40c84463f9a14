//! Arguments of `hookctl fire`.

use clap::Args;

#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  Fire a partner event and wait until every delivery has settled:
    hookctl fire case.closed --case case_test_full --wait --provider partner --sandbox
  Fail the CI step when no test subscription received it:
    hookctl fire case.assigned --case case_test_full --wait --require-delivery --timeout 2m")]
pub struct FireArgs {
    /// Event type: case.assigned, case.updated, case.closed, payment.created, chat.created
    pub event: String,
    /// Test case id
    #[arg(long = "case", value_name = "ID")]
    pub case_id: String,
    /// Fire only to this test subscription
    #[arg(long, value_name = "ID")]
    pub subscription: Option<String>,
    #[command(flatten)]
    pub wait: super::wait::WaitOpts,
    /// Exit 6 when nothing was enqueued (no matching test subscription), with or without --wait
    #[arg(long)]
    pub require_delivery: bool,

    #[command(flatten)]
    pub provider: super::ProviderOpts,
}
