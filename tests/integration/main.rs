//! One integration crate (one link step): the real binary against real local servers.

mod support;

mod cli;
mod config;
mod events;
mod fire;
mod generate;
