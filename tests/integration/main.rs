//! One integration crate (one link step): the real binary against real local servers.

mod support;

mod api_client;
mod api_endpoints;
mod api_test;
mod architecture;
mod ci_workflow;
mod cli;
mod closed_stdout;
mod config;
mod demo;
mod events;
mod fire;
mod generate;
mod install_action;
mod listen;
mod listen_trust;
mod matching;
mod new_user;
mod probe;
mod replay_local;
mod sandbox;
mod sandbox_conformance;
mod sandbox_delivery;
mod sandbox_durability;
mod sandbox_e2e;
mod sandbox_hostile;
mod sandbox_ops;
mod secrets;
mod send;
mod sign;
mod tunnel;
mod tunnel_sandbox;
mod ui;
mod ui_browser;
mod verify;
