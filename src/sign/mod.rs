//! Webhook signature schemes (filled in by the foundation issue).
