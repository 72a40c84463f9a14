//! Request headers as the verifiers read them.

/// The first header called `name` (ASCII case-insensitive), trimmed like HTTP does (its
/// whitespace is ASCII: `str::trim`'s Unicode scan was 5 % of the listener's instructions,
/// called for every header on every lookup).
pub(crate) fn header<'a, H: HeaderPair>(headers: &'a [H], name: &str) -> Option<&'a str> {
    headers.iter().find(|h| h.name().trim_ascii().eq_ignore_ascii_case(name)).map(|h| h.value().trim_ascii())
}

/// A request header as the verifiers read it: owned pairs from the command line and capture
/// files, borrowed ones from the listener (no copy per request).
pub trait HeaderPair {
    fn name(&self) -> &str;
    fn value(&self) -> &str;
    /// The exact value bytes (forwarding and replay send these): the text, unless the value
    /// was not UTF-8.
    fn bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        std::borrow::Cow::Borrowed(self.value().as_bytes())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderPair for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }
    fn value(&self) -> &str {
        self.1.as_ref()
    }
}
