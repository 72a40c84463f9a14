use crate::cli::test::TestArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: TestArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: test is not implemented yet".into()))
}
