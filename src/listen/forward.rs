//! `--forward-to` / `--route`: pass a verified request on to the app and bring its answer back.
//! The target's status and body go back to the sender; a target that is down or slow becomes
//! 502/504, so the sender retries instead of believing the app handled it.

use std::time::Duration;

use bytes::Bytes;

use crate::sign::HeaderPair;

/// `PATTERN=URL`; `--forward-to URL` is the route `*=URL` after all `--route`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub pattern: String,
    pub url: String,
}

impl Route {
    /// Parses `'cases.*=http://…'`. The URL must be http(s) with a host.
    pub fn parse(spec: &str) -> Result<Route, String> {
        let (pattern, url) =
            spec.split_once('=').ok_or_else(|| format!("--route '{spec}' is not PATTERN=URL"))?;
        let pattern = pattern.trim();
        if pattern.is_empty() {
            return Err(format!("--route '{spec}' has an empty pattern (use '*' for everything)"));
        }
        Ok(Route { pattern: pattern.to_string(), url: check_url(url.trim())? })
    }
}

/// Validates a target URL early, so a typo is a usage error at start-up and not a 502 later.
pub fn check_url(url: &str) -> Result<String, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("'{url}' is not a valid URL: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(format!("'{url}' must be an http:// or https:// URL with a host"));
    }
    Ok(url.to_string())
}

/// The first route whose pattern matches the event type. Without an event type only `*`
/// routes match.
pub fn pick<'a>(routes: &'a [Route], event_type: Option<&str>) -> Option<&'a Route> {
    routes
        .iter()
        .find(|r| r.pattern == "*" || event_type.is_some_and(|t| crate::pattern::matches(&r.pattern, t)))
}

/// Target URL: the route's URL + the request path below `--path` + the request query.
pub fn target_url(base: &str, suffix: &str, query: Option<&str>) -> String {
    let (base_path, base_query) = match base.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (base, None),
    };
    let has_path = base_path.split_once("://").is_some_and(|(_, rest)| rest.contains('/'));
    let mut url = String::with_capacity(base.len() + suffix.len() + 16);
    url.push_str(base_path.trim_end_matches('/'));
    if suffix.is_empty() || suffix == "/" {
        // Keep the base as the user wrote it: `…/hooks/` stays, a bare host gets its `/`.
        if base_path.ends_with('/') || !has_path {
            url.push('/');
        }
    } else {
        url.push_str(suffix);
    }
    let queries: Vec<&str> = [base_query, query].into_iter().flatten().filter(|q| !q.is_empty()).collect();
    if !queries.is_empty() {
        url.push('?');
        url.push_str(&queries.join("&"));
    }
    url
}

/// Headers that describe one hop, not the message; never passed on.
pub fn is_hop_by_hop(name: &str) -> bool {
    const HOP: [&str; 10] = [
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
        "expect",
    ];
    let n = name.to_ascii_lowercase();
    HOP.contains(&n.as_str()) || n.starts_with("proxy-")
}

/// What the target answered, or why there is no answer.
#[derive(Debug)]
pub enum Forwarded {
    Answer { status: u16, content_type: Option<String>, body: Bytes },
    Unreachable(String),
    TimedOut,
}

#[derive(Clone)]
pub struct Forwarder {
    client: reqwest::Client,
}

impl Forwarder {
    pub fn new(timeout: Duration) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            // The app's redirect is its answer; the sender sees it as is.
            .redirect(reqwest::redirect::Policy::none())
            // Forwarding targets are usually localhost apps; a corporate HTTP_PROXY must not
            // swallow them.
            .no_proxy()
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Forwarder { client })
    }

    pub async fn send(&self, method: &str, url: &str, headers: &[impl HeaderPair], body: Bytes) -> Forwarded {
        let method = match reqwest::Method::from_bytes(method.as_bytes()) {
            Ok(m) => m,
            Err(_) => return Forwarded::Unreachable(format!("method '{method}' cannot be forwarded")),
        };
        let mut req = self.client.request(method, url).body(body);
        for h in headers {
            if !is_hop_by_hop(h.name()) {
                // The exact bytes, so a non-UTF-8 value passes through unchanged.
                match reqwest::header::HeaderValue::from_bytes(&h.bytes()) {
                    Ok(v) => req = req.header(h.name(), v),
                    Err(_) => {
                        return Forwarded::Unreachable(format!("header {} cannot be sent as is", h.name()))
                    }
                }
            }
        }
        let resp = match req.send().await {
            Ok(r) => r,
            Err(e) if e.is_timeout() => return Forwarded::TimedOut,
            Err(e) => return Forwarded::Unreachable(describe(&e)),
        };
        let status = resp.status().as_u16();
        let content_type =
            resp.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_string);
        match resp.bytes().await {
            Ok(body) => Forwarded::Answer { status, content_type, body },
            Err(e) if e.is_timeout() => Forwarded::TimedOut,
            Err(e) => Forwarded::Unreachable(describe(&e)),
        }
    }
}

/// reqwest's top-level message is "error sending request"; the cause says what happened.
fn describe(e: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut msg = String::new();
    let mut cur: Option<&dyn std::error::Error> = e.source();
    while let Some(c) = cur {
        msg = c.to_string();
        cur = c.source();
    }
    if msg.is_empty() {
        e.to_string()
    } else {
        msg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_parse_and_pick_in_order() {
        let routes = vec![Route::parse("cases.*=http://a/x").unwrap(), Route::parse("*=http://b/").unwrap()];
        assert_eq!(pick(&routes, Some("cases.updated")).unwrap().url, "http://a/x");
        assert_eq!(pick(&routes, Some("payment.created")).unwrap().url, "http://b/");
        assert_eq!(pick(&routes, None).unwrap().url, "http://b/");
        assert!(pick(&routes[..1], None).is_none());
        assert!(Route::parse("nope").is_err());
        assert!(Route::parse("=http://a").is_err());
        assert!(Route::parse("*=ftp://a").is_err());
        assert!(Route::parse("*=not a url").is_err());
    }

    #[test]
    fn target_url_appends_suffix_and_query() {
        assert_eq!(target_url("http://h:3000/webhooks", "", None), "http://h:3000/webhooks");
        assert_eq!(target_url("http://h:3000/webhooks", "/", None), "http://h:3000/webhooks");
        assert_eq!(
            target_url("http://h:3000/webhooks", "/stripe", Some("a=1")),
            "http://h:3000/webhooks/stripe?a=1"
        );
        assert_eq!(target_url("http://h:3000/webhooks/", "/x", None), "http://h:3000/webhooks/x");
        assert_eq!(target_url("http://h:3000", "/", None), "http://h:3000/");
        assert_eq!(target_url("http://h:3000", "/a/b", None), "http://h:3000/a/b");
        assert_eq!(target_url("http://h/w?k=v", "", Some("a=1")), "http://h/w?k=v&a=1");
    }

    #[test]
    fn hop_by_hop_headers_are_dropped() {
        for h in [
            "Connection",
            "keep-alive",
            "Proxy-Authorization",
            "TE",
            "Transfer-Encoding",
            "Host",
            "content-length",
        ] {
            assert!(is_hop_by_hop(h), "{h}");
        }
        for h in ["webhook-signature", "content-type", "user-agent"] {
            assert!(!is_hop_by_hop(h), "{h}");
        }
    }
}
