//! GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>`, the secret used as
//! bytes. Mirrors @octokit/webhooks-methods `verify`: the whole header string is compared
//! with `sha256=` + lower-case hex (so upper-case hex or a bare digest does not match), and
//! an empty body or empty secret is refused. No timestamp: GitHub signs none.

use super::header::{header, HeaderPair};
use super::mac::{ct_eq, hex32, hmac_sha256};
use super::scheme::Scheme;
use super::verdict::{first_matching_secret, Verdict};
use crate::secret::Secret;

pub(crate) const HEADER: &str = "X-Hub-Signature-256";

pub(crate) fn verify(secrets: &[Secret], headers: &[impl HeaderPair], body: &[u8]) -> Verdict {
    let Some(sig) = header(headers, HEADER).filter(|v| !v.is_empty()) else {
        return Verdict::missing(Scheme::Github, vec![HEADER]);
    };
    if body.is_empty() {
        return Verdict::invalid(
            Scheme::Github,
            "empty body (GitHub signs a payload; octokit refuses empty ones)",
        );
    }
    if !sig.starts_with("sha256=") {
        return Verdict::invalid(Scheme::Github, format!("{HEADER} does not start with sha256="));
    }
    first_matching_secret(Scheme::Github, secrets, |key| {
        let mut expected = [0u8; 71];
        expected[..7].copy_from_slice(b"sha256=");
        expected[7..].copy_from_slice(&hex32(&hmac_sha256(key, &[body])));
        ct_eq(sig.as_bytes(), &expected)
    })
}

/// GitHub's legacy header, `X-Hub-Signature: sha1=<hex HMAC-SHA1>`. Only `probe` sends it,
/// alone, to show that a handler does not take it instead of the SHA-256 one.
pub(crate) const SHA1_HEADER: &str = "X-Hub-Signature";

pub(crate) fn sign_sha1(secret: &Secret, body: &[u8]) -> (String, String) {
    use hmac::{Hmac, Mac};
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<sha1::Sha1> as Mac>::new_from_slice(secret.expose().as_bytes())
        .expect("HMAC takes any key length");
    mac.update(body);
    (SHA1_HEADER.to_string(), format!("sha1={}", hex::encode(mac.finalize().into_bytes())))
}

pub(crate) fn sign(secret: &Secret, body: &[u8]) -> Vec<(String, String)> {
    let hex = hex32(&hmac_sha256(secret.expose().as_bytes(), &[body]));
    vec![(HEADER.to_string(), format!("sha256={}", String::from_utf8_lossy(&hex)))]
}
