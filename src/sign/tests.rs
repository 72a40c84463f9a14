use super::*;

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn standard_reference_vector() {
    let headers = h(&[
        ("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
        ("webhook-timestamp", "1614265330"),
        ("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
    ]);
    let v = verify(
        None,
        &[Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")],
        &headers,
        br#"{"test": 2432232314}"#,
        VerifyOptions::new(1614265330),
    );
    assert_eq!(v, Verdict::Valid { scheme: Scheme::Standard, secret_index: 0 });
}
