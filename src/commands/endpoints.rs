use crate::cli::endpoints::EndpointsArgs;
use crate::{Ctx, Error, Outcome, Result};

pub fn exec(_args: EndpointsArgs, _ctx: &Ctx) -> Result<Outcome> {
    Err(Error::Internal("TODO: endpoints is not implemented yet".into()))
}
