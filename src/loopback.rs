//! Whether an HTTP destination is this machine. Loopback destinations never go through a
//! proxy (`HTTP_PROXY` is for the outside world; a corporate proxy cannot reach our
//! 127.0.0.1 anyway): the sandbox's delivery worker and `send` (the listener's forwarder
//! uses none at all).

/// `localhost` (and `*.localhost`), `127.0.0.0/8`, `::1`.
pub(crate) fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else { return false };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => {
            let d = host.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn loopback_names_and_addresses() {
        for u in [
            "http://127.0.0.1:8787/",
            "http://127.1.2.3/",
            "http://localhost/",
            "http://LOCALHOST.:1/",
            "http://[::1]:9/",
            "http://app.localhost/",
        ] {
            assert!(is_loopback(&u.parse().unwrap()), "{u}");
        }
        for u in
            ["http://10.0.0.1/", "https://example.com/", "http://localhost.example.com/", "http://[::2]/"]
        {
            assert!(!is_loopback(&u.parse().unwrap()), "{u}");
        }
    }
}
