//! HTTP client for the provider APIs: auth, retries, error decoding.

pub mod client;
pub mod error;
pub mod retry;

pub use client::{list_items, Client, ClientConfig};
pub use error::ApiError;
