//! Which scheme a request uses, from the headers present (names are case-insensitive). The
//! most specific flavour wins: `svix-*` before the unbranded `webhook-*` it may also carry.

use super::header::{header, HeaderPair};
use super::scheme::Scheme;
use super::{github, shopify, slack, stripe};

/// The headers that identify a scheme, in detection order (for "no signature headers found").
pub(crate) const SIGNATURE_HEADERS: [&str; 6] = [
    "svix-signature",
    "webhook-signature",
    stripe::HEADER,
    github::HEADER,
    shopify::HEADER,
    slack::SIGNATURE,
];

pub fn detect(headers: &[impl HeaderPair]) -> Option<Scheme> {
    let has = |name: &str| header(headers, name).is_some();
    let any = |names: &[&str]| names.iter().any(|n| has(n));
    if any(&["svix-signature", "svix-id", "svix-timestamp"]) {
        Some(Scheme::Svix)
    } else if any(&["webhook-signature", "webhook-id", "webhook-timestamp"]) {
        Some(Scheme::Standard)
    } else if has(stripe::HEADER) {
        Some(Scheme::Stripe)
    } else if has(github::HEADER) {
        Some(Scheme::Github)
    } else if has(shopify::HEADER) {
        Some(Scheme::Shopify)
    } else if has(slack::SIGNATURE) || has(slack::TIMESTAMP) {
        Some(Scheme::Slack)
    } else {
        None
    }
}
