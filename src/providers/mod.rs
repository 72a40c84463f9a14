//! Provider presets as data: routes, auth style, error shape, id patterns, event catalogs.

/// Names `--provider` accepts.
pub const PRESET_NAMES: &[&str] = &["partner", "debitura", "closient", "xpath", "personio"];
