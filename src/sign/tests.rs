//! Published vectors (tests/fixtures/signature-vectors.json, each with its source), round-trip
//! properties and malformed-input fuzzing.

use base64::Engine;
use proptest::prelude::*;
use serde_json::Value;

use super::*;

const VECTORS: &str = include_str!("../../tests/fixtures/signature-vectors.json");

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn secrets(list: &[&str]) -> Vec<Secret> {
    list.iter().map(|s| Secret::new(*s)).collect()
}

#[test]
fn published_and_derived_vectors() {
    let doc: Value = serde_json::from_str(VECTORS).expect("fixture is JSON");
    let vectors = doc["vectors"].as_array().expect("vectors array");
    assert!(vectors.len() > 50);
    let mut failures = Vec::new();
    for v in vectors {
        let name = v["name"].as_str().unwrap_or("?");
        assert!(v["source"].as_str().is_some_and(|s| !s.is_empty()), "{name}: no source");
        let scheme = v["scheme"].as_str().map(|s| s.parse::<Scheme>().expect("scheme"));
        let secrets: Vec<Secret> =
            v["secrets"].as_array().unwrap().iter().map(|s| Secret::new(s.as_str().unwrap())).collect();
        let headers: Vec<(String, String)> = v["headers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
            .collect();
        let body = match (v["body"].as_str(), v["body_base64"].as_str()) {
            (Some(b), _) => b.as_bytes().to_vec(),
            (None, Some(b)) => base64::engine::general_purpose::STANDARD.decode(b).unwrap(),
            _ => panic!("{name}: no body"),
        };
        let opts = VerifyOptions::new(v["now"].as_i64().unwrap());
        let verdict = verify(scheme, &secrets, &headers, &body, opts);
        let want_valid = v["valid"].as_bool().unwrap();
        let mut ok = verdict.is_valid() == want_valid;
        if let Some(i) = v["secret_index"].as_u64() {
            ok &= verdict.secret_index() == Some(i as usize);
        }
        if let Some(r) = v["reason_contains"].as_str() {
            ok &= verdict.reason().is_some_and(|reason| reason.to_string().contains(r));
        }
        if let Some(s) = scheme {
            ok &= verdict.scheme() == Some(s);
        }
        if !ok {
            failures.push(format!("{name}: got {verdict:?}"));
        }
    }
    assert!(failures.is_empty(), "{} vectors disagree:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn scheme_names_round_trip() {
    for s in Scheme::ALL {
        assert_eq!(s.name().parse::<Scheme>(), Ok(s));
        assert_eq!(s.to_string(), s.name());
    }
    assert_eq!("GitHub".parse::<Scheme>(), Ok(Scheme::Github));
    assert!("auto".parse::<Scheme>().is_err());
}

#[test]
fn detection_from_headers() {
    assert_eq!(detect(&h(&[("Webhook-Signature", "v1,x")])), Some(Scheme::Standard));
    assert_eq!(detect(&h(&[("svix-id", "m"), ("webhook-id", "m")])), Some(Scheme::Svix));
    // The most specific scheme wins wherever its header is in the list.
    assert_eq!(detect(&h(&[("webhook-id", "m"), ("x-a", "b"), ("Svix-Timestamp", "1")])), Some(Scheme::Svix));
    assert_eq!(detect(&h(&[("x-slack-request-timestamp", "1")])), Some(Scheme::Slack));
    assert_eq!(detect(&h(&[(" webhook-timestamp ", "1")])), Some(Scheme::Standard), "names are trimmed");
    assert_eq!(detect(&h(&[("STRIPE-SIGNATURE", "t=1")])), Some(Scheme::Stripe));
    assert_eq!(detect(&h(&[("x-hub-signature-256", "sha256=")])), Some(Scheme::Github));
    assert_eq!(detect(&h(&[("x-shopify-hmac-sha256", "x")])), Some(Scheme::Shopify));
    assert_eq!(detect(&h(&[("X-Slack-Signature", "v0=")])), Some(Scheme::Slack));
    assert_eq!(detect(&h(&[("content-type", "application/json")])), None);
    assert_eq!(detect(&[] as &[(String, String)]), None);
}

#[test]
fn verdict_json_shape() {
    let v = Verdict::Valid { scheme: Scheme::Stripe, secret_index: 1 };
    assert_eq!(
        v.to_json(),
        serde_json::json!({"valid": true, "scheme": "stripe", "reason": null, "secret_index": 1})
    );
    let v = Verdict::Invalid { scheme: None, reason: "x".into() };
    assert_eq!(
        v.to_json(),
        serde_json::json!({"valid": false, "scheme": null, "reason": "x", "secret_index": null})
    );
}

#[test]
fn no_secret_is_invalid_not_a_panic() {
    let headers = h(&[("X-Hub-Signature-256", "sha256=00")]);
    let v = verify(None, &[], &headers, b"x", VerifyOptions::new(0));
    assert!(!v.is_valid());
    let v = verify(Some(Scheme::Github), &secrets(&[""]), &headers, b"x", VerifyOptions::new(0));
    assert_eq!(v.reason().map(ToString::to_string).as_deref(), Some("the secret is empty"));
}

#[test]
fn public_key_cannot_sign_and_empty_secret_is_refused() {
    let (_, public) = standard::generate_keypair();
    assert!(sign(Scheme::Standard, &Secret::new(public), "msg_1", 1, b"{}").is_err());
    assert!(sign(Scheme::Stripe, &Secret::new(""), "msg_1", 1, b"{}").is_err());
    assert!(sign(Scheme::Standard, &Secret::new("whsec_!!!"), "msg_1", 1, b"{}").is_err());
}

#[test]
fn generated_keypair_signs_v1a_that_its_public_key_verifies() {
    let (private, public) = standard::generate_keypair();
    let headers = sign(Scheme::Standard, &private, "msg_1", 1000, b"{}").unwrap();
    assert!(headers[2].1.starts_with("v1a,"));
    let v = verify(None, &[Secret::new(public)], &headers, b"{}", VerifyOptions::new(1000));
    assert_eq!(v, Verdict::Valid { scheme: Scheme::Standard, secret_index: 0 });
}

#[test]
fn message_ids_are_fresh_and_msg_prefixed() {
    let a = new_message_id();
    let b = new_message_id();
    assert!(a.starts_with("msg_") && a.len() == 31, "{a}");
    assert_ne!(a, b);
}

#[test]
fn sign_output_headers_per_scheme() {
    let s = Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    let names = |scheme| -> Vec<String> {
        sign(scheme, &s, "msg_1", 5, b"{}").unwrap().into_iter().map(|(k, _)| k).collect()
    };
    assert_eq!(names(Scheme::Standard), ["webhook-id", "webhook-timestamp", "webhook-signature"]);
    assert_eq!(names(Scheme::Svix), ["svix-id", "svix-timestamp", "svix-signature"]);
    assert_eq!(names(Scheme::Stripe), ["Stripe-Signature"]);
    assert_eq!(names(Scheme::Github), ["X-Hub-Signature-256"]);
    assert_eq!(names(Scheme::Shopify), ["X-Shopify-Hmac-Sha256"]);
    assert_eq!(names(Scheme::Slack), ["X-Slack-Request-Timestamp", "X-Slack-Signature"]);
}

fn scheme_strategy() -> impl Strategy<Value = Scheme> {
    prop::sample::select(Scheme::ALL.to_vec())
}

/// A secret every scheme accepts: whsec_ + base64 (Stripe & co. use it as bytes).
fn secret_strategy() -> impl Strategy<Value = Secret> {
    prop::collection::vec(any::<u8>(), 1..40)
        .prop_map(|b| Secret::new(format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(b))))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn sign_then_verify_is_valid(
        scheme in scheme_strategy(),
        secret in secret_strategy(),
        id in "[a-zA-Z0-9_]{1,30}",
        ts in 0i64..4_000_000_000,
        body in prop::collection::vec(any::<u8>(), 1..300),
        skew in -300i64..=300,
    ) {
        let headers = sign(scheme, &secret, &id, ts, &body).unwrap();
        let v = verify(None, std::slice::from_ref(&secret), &headers, &body, VerifyOptions::new(ts + skew));
        prop_assert_eq!(v, Verdict::Valid { scheme, secret_index: 0 });
    }

    #[test]
    fn flipping_any_signed_byte_is_invalid(
        scheme in scheme_strategy(),
        secret in secret_strategy(),
        id in "[a-zA-Z0-9_]{1,30}",
        ts in 1_000_000i64..4_000_000_000,
        body in prop::collection::vec(any::<u8>(), 1..300),
        pick in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let headers = sign(scheme, &secret, &id, ts, &body).unwrap();
        let opts = VerifyOptions::new(ts);
        let secrets = [secret];
        // Body byte.
        let mut tampered = body.clone();
        let i = pick.index(tampered.len());
        tampered[i] ^= 1 << bit;
        prop_assert!(!verify(Some(scheme), &secrets, &headers, &tampered, opts).is_valid());
        // Any byte of any header value (id, timestamp, signature): every byte is signed or is
        // the signature, so any change must be caught (or make the header malformed).
        for (n, (_, value)) in headers.iter().enumerate() {
            let mut changed = headers.clone();
            let mut bytes = value.clone().into_bytes();
            let j = pick.index(bytes.len());
            // Flip to another printable ASCII character so the header stays a string.
            bytes[j] = if bytes[j] == b'A' { b'B' } else { b'A' };
            changed[n].1 = String::from_utf8(bytes).unwrap();
            let v = verify(Some(scheme), &secrets, &changed, &body, opts);
            prop_assert!(!v.is_valid(), "changed header {} of {:?}: {:?}", n, changed, v);
        }
    }

    #[test]
    fn rotation_reports_the_matching_secret(
        scheme in scheme_strategy(),
        a in secret_strategy(),
        b in secret_strategy(),
        body in prop::collection::vec(any::<u8>(), 1..100),
    ) {
        prop_assume!(a != b);
        let headers = sign(scheme, &b, "msg_x", 1000, &body).unwrap();
        let v = verify(None, &[a, b], &headers, &body, VerifyOptions::new(1000));
        prop_assert_eq!(v, Verdict::Valid { scheme, secret_index: 1 });
    }

    #[test]
    fn arbitrary_headers_never_panic(
        scheme in prop::option::of(scheme_strategy()),
        headers in prop::collection::vec(
            (prop::sample::select(vec![
                "webhook-id", "webhook-timestamp", "webhook-signature", "svix-signature",
                "Stripe-Signature", "X-Hub-Signature-256", "X-Shopify-Hmac-Sha256",
                "X-Slack-Signature", "X-Slack-Request-Timestamp", "other",
            ]), "\\PC{0,60}"),
            0..6,
        ),
        secret in "\\PC{0,40}",
        now in any::<i64>(),
        body in prop::collection::vec(any::<u8>(), 0..50),
    ) {
        let headers: Vec<(String, String)> =
            headers.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let _ = verify(scheme, &[Secret::new(secret)], &headers, &body, VerifyOptions { now, tolerance: 300 });
    }
}

#[test]
fn decimal_matches_to_string() {
    for n in [0, 7, -7, 10, 1614265330, i64::MAX, i64::MIN, -1000] {
        assert_eq!(Decimal::new(n).as_bytes(), n.to_string().as_bytes());
    }
}

#[test]
fn constant_time_eq_is_plain_equality() {
    let a = b"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefXYZ";
    assert!(ct_eq(a, a));
    assert!(ct_eq(b"", b""));
    for i in 0..a.len() {
        let mut b = a.to_vec();
        b[i] ^= 0x20;
        assert!(!ct_eq(a, &b), "byte {i}");
    }
    assert!(!ct_eq(b"abc", b"abcd"));
}

#[test]
fn wrong_scheme_by_hand_names_the_one_the_headers_fit() {
    let headers = h(&[("Stripe-Signature", "t=1,v1=00")]);
    let v = verify(Some(Scheme::Github), &secrets(&["s"]), &headers, b"x", VerifyOptions::new(1));
    assert_eq!(
        v.reason(),
        Some(&Reason::Missing { headers: vec!["X-Hub-Signature-256"], looks_like: Some(Scheme::Stripe) })
    );
    assert_eq!(
        v.reason().map(ToString::to_string).as_deref(),
        Some("missing header X-Hub-Signature-256 (the headers look like stripe)")
    );
}
