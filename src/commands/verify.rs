use crate::cli::verify::VerifyArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: VerifyArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: verify is not implemented yet".into()))
}
