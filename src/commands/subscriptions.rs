use crate::cli::subscriptions::SubscriptionsArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: SubscriptionsArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: subscriptions is not implemented yet".into()))
}
