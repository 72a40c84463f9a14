//! `hookctl probe`: does a webhook handler accept what it must and reject what it must? A
//! short, fixed series of signed, reformatted, forged, tampered, stale and replayed requests
//! ([`check`]), built before anything is sent ([`plan`]), sent to the one URL given one at a
//! time ([`run`]), judged and reported ([`report`], [`junit`]), or printed as `curl` commands
//! instead of being sent ([`curl`]).

pub(crate) mod body;
pub(crate) mod check;
pub(crate) mod curl;
pub(crate) mod junit;
pub(crate) mod plan;
pub(crate) mod report;
pub(crate) mod run;

#[cfg(test)]
mod tests;
