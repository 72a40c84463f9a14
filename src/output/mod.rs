//! Everything that reaches the terminal goes through here: one [`Printer`], the colour policy,
//! sanitising of untrusted text, and the redacting [`Secret`] type.

pub(crate) mod color;
pub(crate) mod printer;
pub(crate) mod sanitize;
pub mod secret;

pub(crate) use color::ColorChoice;
pub(crate) use printer::{Format, Printer};
pub(crate) use sanitize::sanitize;
pub use secret::Secret;
