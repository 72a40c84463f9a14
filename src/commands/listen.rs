use crate::cli::listen::ListenArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: ListenArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: listen is not implemented yet".into()))
}
