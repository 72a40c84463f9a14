use crate::cli::sign::SignArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: SignArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: sign is not implemented yet".into()))
}
