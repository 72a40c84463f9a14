//! HTTP client for the provider APIs: auth, retries, error decoding.

pub mod client;
pub mod error;

pub use client::Client;
pub use error::ApiError;
