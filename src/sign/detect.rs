//! Which scheme a request uses, from the headers present (names are case-insensitive). The
//! most specific flavour wins: `svix-*` before the unbranded `webhook-*` it may also carry.

use super::header::HeaderPair;
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
    // One pass over the headers (this runs for every request the listener verifies), noting
    // which scheme each known name belongs to; the most specific one found wins.
    const NAMES: [(&str, Scheme); 11] = [
        ("svix-signature", Scheme::Svix),
        ("svix-id", Scheme::Svix),
        ("svix-timestamp", Scheme::Svix),
        ("webhook-signature", Scheme::Standard),
        ("webhook-id", Scheme::Standard),
        ("webhook-timestamp", Scheme::Standard),
        (stripe::HEADER, Scheme::Stripe),
        (github::HEADER, Scheme::Github),
        (shopify::HEADER, Scheme::Shopify),
        (slack::SIGNATURE, Scheme::Slack),
        (slack::TIMESTAMP, Scheme::Slack),
    ];
    // NAMES is in detection order: the earliest entry found wins.
    headers
        .iter()
        .filter_map(|h| {
            let name = h.name().trim_ascii();
            NAMES.iter().position(|(n, _)| n.eq_ignore_ascii_case(name))
        })
        .min()
        .map(|i| NAMES[i].1)
}
