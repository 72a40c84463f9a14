use crate::cli::events::EventsArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: EventsArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: events is not implemented yet".into()))
}
