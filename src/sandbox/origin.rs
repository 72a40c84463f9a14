//! Who may talk to the sandbox: on a loopback bind, `Host` must be a loopback name (a web
//! page rebound to 127.0.0.1 still carries its own name there), and a browser's `Origin` must
//! be the sandbox's own. A non-loopback bind has its own token, and accepts any `Host`.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::http::{Dialect, Problem};
use super::App;

/// In front of every route (the dialects, the admin routes and the fallback).
pub(crate) async fn guard(app: Arc<App>, req: Request, next: Next) -> Response {
    match check(&app, req.headers()) {
        Ok(()) => next.run(req).await,
        Err(why) => {
            let dialect = dialect_of(req.uri().path());
            dialect.respond(Problem::new(StatusCode::FORBIDDEN, "forbidden", why).title("Forbidden"))
        }
    }
}

/// Whose error shape a refusal is written in, from the first path segment.
fn dialect_of(path: &str) -> Dialect {
    match path.trim_start_matches('/').split('/').next().unwrap_or_default() {
        "partner" => Dialect::Partner,
        "closient" => Dialect::Closient,
        "xpath" => Dialect::Xpath,
        "personio" => Dialect::Personio,
        _ => Dialect::Admin,
    }
}

fn check(app: &App, headers: &HeaderMap) -> Result<(), &'static str> {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    // Two Host headers are not a request any browser sends; which one counts is ambiguous.
    if headers.get_all(header::HOST).iter().count() > 1 {
        return Err("a request with more than one Host header is refused");
    }
    let host = get(header::HOST.as_str()).unwrap_or_default().trim();
    if !app.exposed && !loopback_authority(host, &app.host) {
        return Err("this sandbox answers only to loopback names (127.0.0.1, localhost, [::1]) in Host");
    }
    if let Some(origin) = get(header::ORIGIN.as_str()) {
        // The sandbox serves no pages, so its own origin is the only one that is not another
        // site's; `null` (a sandboxed frame, a file) is foreign too.
        let own = origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .is_some_and(|o| o.eq_ignore_ascii_case(host));
        if !own {
            return Err("requests from web pages of other origins are refused");
        }
    }
    if get("sec-fetch-site") == Some("cross-site") {
        return Err("requests from web pages of other sites are refused");
    }
    Ok(())
}

/// `name[:port]` where name is a loopback address, `localhost`, or the address the sandbox is
/// bound to. Any port: a forwarded port (`ssh -L`) still names this machine.
fn loopback_authority(authority: &str, bound: &str) -> bool {
    let name = if let Some(rest) = authority.strip_prefix('[') {
        match rest.split_once(']') {
            Some((inner, tail)) if tail.is_empty() || port(tail) => inner,
            _ => return false,
        }
    } else {
        match authority.rsplit_once(':') {
            Some((name, p)) if port(&format!(":{p}")) => name,
            Some(_) => return false,
            None => authority,
        }
    };
    if name.is_empty() {
        return false;
    }
    let bound = bound.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name.eq_ignore_ascii_case(bound)
        || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn port(tail: &str) -> bool {
    tail.strip_prefix(':')
        .is_some_and(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::loopback_authority;

    #[test]
    fn loopback_names_with_or_without_a_port() {
        for ok in
            ["127.0.0.1:8788", "127.0.0.1", "localhost:1", "LOCALHOST", "[::1]:8788", "[::1]", "127.9.9.9:80"]
        {
            assert!(loopback_authority(ok, "127.0.0.1"), "{ok}");
        }
        assert!(loopback_authority("10.0.0.5:8788", "10.0.0.5"), "the bound address itself");
        for bad in [
            "",
            "evil.example:8788",
            "127.0.0.1.evil.example",
            "localhost.evil.example:8788",
            "[::2]:8788",
            "127.0.0.1:x",
            ":8788",
            "[::1]x",
            "0.0.0.0:8788",
        ] {
            assert!(!loopback_authority(bad, "127.0.0.1"), "{bad}");
        }
    }
}
