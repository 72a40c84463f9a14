use crate::cli::send::SendArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: SendArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: send is not implemented yet".into()))
}
