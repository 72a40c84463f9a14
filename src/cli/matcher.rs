//! `--match EXPR`, shared by `listen`, `events wait` and `replay --from`.

use crate::matcher::Matcher;

/// The grammar, for the long help of every command that takes `--match` (a macro so it can be
/// `concat!`ed after their examples).
macro_rules! match_help {
    () => {
        "\
--match EXPR (repeatable; all must hold):
  PATH=VALUE    the value at PATH is VALUE        data.caseId=case_1
  PATH!=VALUE   it is not (or PATH is missing)    data.status!=failed
  PATH~REGEX    the regex matches it (unanchored) data.caseId~^case_
  PATH          PATH exists (null too)            data.payment.id
  PATH is a dot path into the JSON body (a number indexes an array: items.0.id) or
  header.NAME (a request header, any case). Values compare as the JSON scalar's text:
  strings without quotes, 42, 1.5, true, null."
    };
}
pub(crate) use match_help;

/// clap's value parser: a malformed expression is a usage error (exit 2) naming the problem.
pub fn parse(text: &str) -> Result<Matcher, String> {
    Matcher::parse(text).map_err(|e| crate::sanitize::sanitize_line(&e).into_owned())
}
