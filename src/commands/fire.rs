use crate::cli::fire::FireArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: FireArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: fire is not implemented yet".into()))
}
