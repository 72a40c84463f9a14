//! Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256(secret, body)>`, the app's secret used
//! as bytes. Mirrors shopify-api's HMAC check (`validateHmacString` with base64 format): the
//! header is compared as a string with the padded standard base64 of the digest, and an
//! empty body is refused (`MissingBody` in `webhooks.validate`). Only the HMAC is judged here:
//! the topic/domain/api-version/webhook-id headers that `webhooks.validate` also insists on
//! carry no signature, so a request without them is not reported as forged. No timestamp.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::header::{header, HeaderPair};
use super::mac::{ct_eq, hmac_sha256};
use super::scheme::Scheme;
use super::verdict::{first_matching_secret, Verdict};
use crate::secret::Secret;

pub(crate) const HEADER: &str = "X-Shopify-Hmac-Sha256";

pub(crate) fn verify(secrets: &[Secret], headers: &[impl HeaderPair], body: &[u8]) -> Verdict {
    let Some(sig) = header(headers, HEADER).filter(|v| !v.is_empty()) else {
        return Verdict::missing(Scheme::Shopify, vec![HEADER]);
    };
    if body.is_empty() {
        return Verdict::invalid(Scheme::Shopify, "empty body (shopify-api refuses it: MissingBody)");
    }
    first_matching_secret(Scheme::Shopify, secrets, |key| {
        let mut expected = [0u8; 44];
        let n = STANDARD.encode_slice(hmac_sha256(key, &[body]), &mut expected).unwrap_or(0);
        ct_eq(sig.as_bytes(), &expected[..n])
    })
}

pub(crate) fn sign(secret: &Secret, body: &[u8]) -> Vec<(String, String)> {
    vec![(HEADER.to_string(), STANDARD.encode(hmac_sha256(secret.expose().as_bytes(), &[body])))]
}
