//! The checks of `hookctl probe`: their names, what a safe handler does with each request, and
//! the one line to change when it does not. Names are stable: people search for them, and CI
//! systems show them as test cases.

use crate::sign::Scheme;

/// What a safe handler does with a check's request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// Answers 2xx.
    Accept,
    /// Answers anything but 2xx.
    Reject,
    /// Should not process it again; a 2xx is a warning (a failure with `--strict`), because
    /// the schemes recommend idempotency but do not require it.
    RejectPreferred,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    ValidSignature,
    ReformattedJson,
    HeaderNameCase,
    RotatedKeyList,
    ReplayedDelivery,
    MissingSignature,
    WrongSecret,
    TamperedBody,
    ExpiredTimestamp,
    FutureTimestamp,
    SwappedMessageId,
    SwappedTimestamp,
    EmptySignature,
    TruncatedSignature,
    WrongVersion,
    Sha1Only,
}

impl Check {
    /// Every check, in the order they are sent: the correctly signed delivery first (nothing
    /// else means much if it is refused), then what must be accepted, the replay of the first
    /// delivery while it is still fresh, then what must be rejected.
    pub(crate) const ALL: [Check; 16] = [
        Check::ValidSignature,
        Check::ReformattedJson,
        Check::HeaderNameCase,
        Check::RotatedKeyList,
        Check::ReplayedDelivery,
        Check::MissingSignature,
        Check::WrongSecret,
        Check::TamperedBody,
        Check::ExpiredTimestamp,
        Check::FutureTimestamp,
        Check::SwappedMessageId,
        Check::SwappedTimestamp,
        Check::EmptySignature,
        Check::TruncatedSignature,
        Check::WrongVersion,
        Check::Sha1Only,
    ];

    /// The checks that mean something for `scheme`, in sending order.
    pub(crate) fn for_scheme(scheme: Scheme) -> Vec<Check> {
        Check::ALL.into_iter().filter(|c| c.applies(scheme)).collect()
    }

    /// Whether the scheme has what the check tampers with: a signature list, a timestamp, a
    /// message id, a version prefix.
    pub(crate) fn applies(self, scheme: Scheme) -> bool {
        use Scheme::*;
        match self {
            Check::RotatedKeyList => matches!(scheme, Standard | Svix | Stripe),
            Check::ExpiredTimestamp | Check::SwappedTimestamp => {
                matches!(scheme, Standard | Svix | Stripe | Slack)
            }
            // Stripe's libraries accept timestamps from the future: a handler built on them
            // is right to accept one.
            Check::FutureTimestamp => matches!(scheme, Standard | Svix | Slack),
            Check::SwappedMessageId => matches!(scheme, Standard | Svix),
            // A Shopify signature is bare base64: there is no version to get wrong.
            Check::WrongVersion => scheme != Shopify,
            Check::Sha1Only => scheme == Github,
            _ => true,
        }
    }

    /// The check's name: what a safe handler does, in words to search for.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Check::ValidSignature => "accepts-valid-signature",
            Check::ReformattedJson => "accepts-reformatted-json",
            Check::HeaderNameCase => "accepts-any-header-name-case",
            Check::RotatedKeyList => "accepts-rotated-signature-list",
            Check::ReplayedDelivery => "rejects-replayed-delivery",
            Check::MissingSignature => "rejects-missing-signature",
            Check::WrongSecret => "rejects-wrong-secret",
            Check::TamperedBody => "rejects-tampered-body",
            Check::ExpiredTimestamp => "rejects-expired-timestamp",
            Check::FutureTimestamp => "rejects-future-timestamp",
            Check::SwappedMessageId => "rejects-swapped-message-id",
            Check::SwappedTimestamp => "rejects-swapped-timestamp",
            Check::EmptySignature => "rejects-empty-signature",
            Check::TruncatedSignature => "rejects-truncated-signature",
            Check::WrongVersion => "rejects-wrong-signature-version",
            Check::Sha1Only => "rejects-sha1-signature-alone",
        }
    }

    pub(crate) fn expect(self) -> Expect {
        match self {
            Check::ValidSignature
            | Check::ReformattedJson
            | Check::HeaderNameCase
            | Check::RotatedKeyList => Expect::Accept,
            Check::ReplayedDelivery => Expect::RejectPreferred,
            _ => Expect::Reject,
        }
    }

    /// What to change in the handler when the check fails: one line.
    pub(crate) fn remediation(self, scheme: Scheme, tolerance: &str) -> String {
        let text = match self {
            Check::ValidSignature => {
                "check the secret, the scheme and the URL; compute the HMAC over the raw request body"
            }
            Check::ReformattedJson => "verify the raw request bytes, not re-serialised JSON",
            Check::HeaderNameCase => {
                "look headers up case-insensitively: HTTP header names have no case"
            }
            Check::RotatedKeyList => {
                "accept the request when any signature in the list matches (that is how keys are rotated)"
            }
            Check::ReplayedDelivery => {
                "remember the ids of processed deliveries (at least for the tolerance window) and do not process one twice"
            }
            Check::MissingSignature => {
                "reject requests without a signature header; never skip verification when it is absent"
            }
            Check::WrongSecret => {
                "compute the HMAC with your secret and compare it (constant-time) with the header; a well-formed header proves nothing"
            }
            Check::TamperedBody => "compute the signature over the exact body bytes received",
            Check::ExpiredTimestamp | Check::FutureTimestamp => {
                return format!("reject requests whose timestamp is more than {tolerance} away from now");
            }
            Check::SwappedMessageId => {
                "verify the signature over the id and timestamp headers as received (id.timestamp.body)"
            }
            Check::SwappedTimestamp => match scheme {
                Scheme::Stripe => "verify the signature over t= as received (t.body), not only its age",
                Scheme::Slack => {
                    "verify the signature over X-Slack-Request-Timestamp as received (v0:ts:body), not only its age"
                }
                _ => "verify the signature over the timestamp header as received (id.timestamp.body), not only its age",
            },
            Check::EmptySignature => "treat an empty signature like a missing one: reject the request",
            Check::TruncatedSignature => {
                "compare the whole signature with the whole expected value; a prefix is not a match"
            }
            Check::WrongVersion => match scheme {
                Scheme::Github => "require the sha256= prefix; ignore other algorithms",
                Scheme::Slack => "require the v0= prefix; ignore other versions",
                Scheme::Stripe => "count only v1= signatures (v0= are test-mode signatures with another key)",
                _ => "count only signatures of your key's version (v1, or v1a for ed25519); skip the others",
            },
            Check::Sha1Only => {
                "require X-Hub-Signature-256; the SHA-1 X-Hub-Signature alone is not enough"
            }
        };
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_searchable() {
        let names: Vec<_> = Check::ALL.iter().map(|c| c.name()).collect();
        for (i, n) in names.iter().enumerate() {
            assert!(!names[..i].contains(n), "{n} twice");
            assert!(n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()), "{n}");
            let expect = Check::ALL[i].expect();
            assert_eq!(n.starts_with("accepts-"), expect == Expect::Accept, "{n}");
        }
    }

    #[test]
    fn the_valid_delivery_is_first_for_every_scheme() {
        for scheme in Scheme::ALL {
            let checks = Check::for_scheme(scheme);
            assert_eq!(checks[0], Check::ValidSignature);
            assert!(checks.len() >= 9, "{scheme}: {checks:?}");
        }
        assert_eq!(Check::for_scheme(Scheme::Standard).len(), 15);
        assert_eq!(Check::for_scheme(Scheme::Stripe).len(), 13);
        assert_eq!(Check::for_scheme(Scheme::Github).len(), 11);
        assert_eq!(Check::for_scheme(Scheme::Shopify).len(), 9);
        assert_eq!(Check::for_scheme(Scheme::Slack).len(), 13);
    }
}
