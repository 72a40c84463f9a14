//! The event-log poller of DESIGN §3 (filled in by the provider-API issue).
