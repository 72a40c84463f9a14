//! One integration crate (one link step): the real binary against real local servers.

mod support;

mod cli;
mod config;
mod generate;
mod listen;
mod replay_local;
mod send;
mod sign;
mod verify;
