//! `--dry-run`: each request as a `curl` command a person can read, check and run. Nothing in
//! them is the signing secret (only signatures made with it); a password in the URL and the
//! values of credential headers the user added are shown as `***`.

use super::plan::Request;
use crate::sanitize::sanitize_line;

/// Header names whose values are credentials of the user's app, not of the webhook.
const CREDENTIALS: [&str; 5] =
    ["authorization", "proxy-authorization", "cookie", "x-api-key", "x-auth-token"];

/// Whether a header's value is masked in the commands.
pub(crate) fn is_credential(name: &str) -> bool {
    CREDENTIALS.iter().any(|c| c.eq_ignore_ascii_case(name))
}

/// `curl … --data-binary '…'` for `request`, continued over lines with ` \`.
pub(crate) fn command(url: &str, request: &Request) -> String {
    let mut parts = vec![format!("curl -sS -i -X POST {}", quote(url))];
    if request.title_case {
        // Header-name case only exists in HTTP/1.1.
        parts.push("--http1.1".into());
    }
    for (name, value) in &request.headers {
        let value = if is_credential(name) { "***".to_string() } else { sanitize_line(value).into_owned() };
        // curl drops a header given as `Name:`; `Name;` sends it empty.
        let header = if value.is_empty() { format!("{name};") } else { format!("{name}: {value}") };
        parts.push(format!("-H {}", quote(&header)));
    }
    parts.push(format!("--data-binary {}", quote(&String::from_utf8_lossy(&request.body))));
    parts.join(" \\\n  ")
}

/// A single-quoted shell word: `'` becomes `'\''`.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_empty_and_masked_headers() {
        let r = Request {
            headers: vec![
                ("webhook-signature".into(), "".into()),
                ("x-note".into(), "it's".into()),
                ("Authorization".into(), "Bearer tok".into()),
            ],
            body: b"{\"a\":\"b'c\"}".to_vec(),
            title_case: true,
        };
        let c = command("http://127.0.0.1:1/h", &r);
        assert_eq!(
            c,
            "curl -sS -i -X POST 'http://127.0.0.1:1/h' \\\n  --http1.1 \\\n  -H 'webhook-signature;' \\\n  \
             -H 'x-note: it'\\''s' \\\n  -H 'Authorization: ***' \\\n  --data-binary '{\"a\":\"b'\\''c\"}'"
        );
    }
}
