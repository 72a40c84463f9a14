//! Svix: the Standard Webhooks algorithm under `svix-id`, `svix-timestamp`, `svix-signature`.
//! Like the svix libraries, each `svix-*` header falls back to its unbranded `webhook-*` twin.

use super::header::HeaderPair;
use super::scheme::Scheme;
use super::standard::{self, Names, STANDARD};
use super::verdict::{Verdict, VerifyOptions};
use crate::secret::Secret;

pub(crate) const SVIX: &Names = &Names {
    scheme: Scheme::Svix,
    id: "svix-id",
    timestamp: "svix-timestamp",
    signature: "svix-signature",
    fallback: Some(STANDARD),
};

pub(crate) fn verify(
    secrets: &[Secret],
    headers: &[impl HeaderPair],
    body: &[u8],
    opts: VerifyOptions,
) -> Verdict {
    standard::verify(SVIX, secrets, headers, body, opts)
}
