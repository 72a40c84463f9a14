//! Everything that reaches the terminal goes through here: one [`Printer`], the colour policy,
//! sanitising of untrusted text, and the redacting [`Secret`] type.

pub mod color;
pub mod printer;
pub mod sanitize;
pub mod secret;

pub use color::ColorChoice;
pub use printer::{Format, Printer};
pub use sanitize::sanitize;
pub use secret::Secret;
