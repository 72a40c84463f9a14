//! The probe never calls a correct handler wrong: for every scheme, every request a safe
//! handler must reject fails hookctl's own verifier, and every request it must accept passes.

use proptest::prelude::*;

use super::check::{Check, Expect};
use super::plan::{self, Probe, Setup};
use crate::samples::EVENT_TYPES;
use crate::secret::Secret;
use crate::sign::{self, Scheme, VerifyOptions};

fn probes(scheme: Scheme, secret: &Secret, event: &str, tolerance: u64, now: i64) -> Vec<Probe> {
    let other = plan::other_secret(scheme);
    let mut n = 0;
    let mut new_id = || {
        n += 1;
        format!("msg_{n}")
    };
    plan::plan(&mut Setup {
        scheme,
        secret,
        other_secret: &other,
        event,
        tolerance,
        now,
        extra_headers: &[],
        new_id: &mut new_id,
    })
    .unwrap()
}

/// A secret of the kind the scheme takes: base64 key material for Standard/Svix (with or
/// without `whsec_`), any text for the others.
fn secret_for(scheme: Scheme, bytes: &[u8], text: &str, prefixed: bool) -> Secret {
    use base64::Engine;
    match scheme {
        Scheme::Standard | Scheme::Svix => {
            let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
            Secret::new(if prefixed { format!("whsec_{b64}") } else { b64 })
        }
        _ => Secret::new(text),
    }
}

fn check_all(scheme: Scheme, secret: &Secret, event: &str, tolerance: u64, now: i64) {
    let all = probes(scheme, secret, event, tolerance, now);
    assert_eq!(all.iter().map(|p| p.check).collect::<Vec<_>>(), Check::for_scheme(scheme));
    let opts = VerifyOptions { now, tolerance };
    for p in &all {
        let verdict = sign::verify(
            Some(scheme),
            std::slice::from_ref(secret),
            &p.request.headers,
            &p.request.body,
            opts,
        );
        // A verifier has no memory: the replay is a valid request, judged by the handler's state.
        let must_pass = matches!(p.check.expect(), Expect::Accept | Expect::RejectPreferred);
        assert_eq!(
            verdict.is_valid(),
            must_pass,
            "{scheme} {}: {verdict:?}\n{:?}\n{}",
            p.check.name(),
            p.request.headers,
            String::from_utf8_lossy(&p.request.body)
        );
        // Detected from the headers, the verdict is the same (the probe sends one scheme).
        if p.check != Check::Sha1Only && p.check != Check::MissingSignature {
            let auto =
                sign::verify(None, std::slice::from_ref(secret), &p.request.headers, &p.request.body, opts);
            assert_eq!(auto.is_valid(), must_pass, "{scheme} {} (auto)", p.check.name());
        }
    }
}

fn scheme() -> impl Strategy<Value = Scheme> {
    prop::sample::select(Scheme::ALL.to_vec())
}

fn event() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(EVENT_TYPES.iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>()),
        "[a-z]{1,8}\\.[a-z]{1,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn must_reject_fails_our_verifier_and_must_accept_passes(
        scheme in scheme(),
        key in prop::collection::vec(any::<u8>(), 1..64),
        text in "[ -~]{1,40}".prop_filter("not only whitespace", |s| !s.trim().is_empty()),
        prefixed in any::<bool>(),
        event in event(),
        tolerance in 1u64..=86_400,
        now in 1_000_000_000i64..4_000_000_000,
    ) {
        let secret = secret_for(scheme, &key, &text, prefixed);
        check_all(scheme, &secret, &event, tolerance, now);
    }
}

#[test]
fn an_ed25519_key_signs_standard_and_svix_probes_too() {
    let (secret, public) = crate::sign::standard::generate_keypair();
    for scheme in [Scheme::Standard, Scheme::Svix] {
        check_all(scheme, &secret, "ping", 300, 1_700_000_000);
        // The handler holds the public key.
        let all = probes(scheme, &secret, "ping", 300, 1_700_000_000);
        let opts = VerifyOptions { now: 1_700_000_000, tolerance: 300 };
        for p in &all {
            let v = sign::verify(
                Some(scheme),
                &[Secret::new(public.clone())],
                &p.request.headers,
                &p.request.body,
                opts,
            );
            assert_eq!(v.is_valid(), p.check.expect() != Expect::Reject, "{}", p.check.name());
        }
    }
}

#[test]
fn each_check_has_its_own_id_except_the_replay() {
    for scheme in Scheme::ALL {
        let all = probes(
            scheme,
            &Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            "case.assigned",
            300,
            1_700_000_000,
        );
        let bodies: Vec<_> =
            all.iter().filter(|p| p.check != Check::ReplayedDelivery).map(|p| &p.request.body).collect();
        for (i, b) in bodies.iter().enumerate() {
            assert!(!bodies[..i].contains(b), "{scheme}: a body twice");
        }
        let replay = all.iter().find(|p| p.check == Check::ReplayedDelivery).unwrap();
        assert_eq!(replay.request, all[0].request);
    }
}

#[test]
fn the_help_states_the_largest_number_of_requests() {
    use clap::CommandFactory;
    let most = Scheme::ALL.iter().map(|s| Check::for_scheme(*s).len()).max().unwrap();
    let cmd = crate::cli::Cli::command();
    let probe = cmd.find_subcommand("probe").unwrap();
    let about = probe.get_long_about().unwrap().to_string();
    assert!(about.contains(&format!("at most {most} requests")), "{about}");
}
