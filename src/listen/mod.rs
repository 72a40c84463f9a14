//! The local receiver of DESIGN §4: verifies, shows, captures without loss, forwards, and
//! lets CI assert delivery. `commands::listen` converts clap arguments into a [`Config`];
//! nothing here knows about clap.
//!
//! This file only declares the modules and re-exports what callers outside `listen` use: a
//! type the children share lives in a file of its own, so no child imports this file back.

mod body;
pub mod capture;
mod config;
pub mod display;
mod error;
mod exposure;
pub mod forward;
mod handler;
mod lanes;
pub(crate) mod record;
pub mod replay;
mod request;
mod run;
mod state;
mod stop;
mod swar;
pub(crate) mod ui;
mod verdict;

pub use config::{Config, DisplayMode};
pub(crate) use error::ListenError;
pub use exposure::{Exposed, Exposure, HookFuture};
pub use request::normalize_prefix;
pub(crate) use run::{start, start_on, Listening};
