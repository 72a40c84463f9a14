//! Everything that reaches the terminal goes through here: one [`Printer`] and the colour
//! policy. Escaping untrusted text ([`crate::sanitize`]) and redacting secrets
//! ([`crate::secret`]) are foundations the printer and the library share.

pub(crate) mod color;
pub(crate) mod printer;

pub(crate) use color::ColorChoice;
pub(crate) use printer::{Format, Printer};

/// `1 request`, `2 requests`, `0 polls`: counts in messages read as English.
pub(crate) fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
