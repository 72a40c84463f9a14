//! Reads the body given by `--data TEXT|@FILE|-` or `--body-file FILE|-` (sign, verify, send).
//! Bytes are kept exactly as given: the signature covers them.

use std::io::Read;
use std::path::Path;

use crate::cli::body::BodyArgs;
use crate::sanitize::sanitize_line;
use crate::{Error, Result};

/// A body and where it came from (for messages: `--data`, `stdin`, a file name).
pub(crate) struct Body {
    pub bytes: Vec<u8>,
    pub from: String,
}

/// The body the flags name, or `None` when neither flag is given.
pub(crate) fn read(args: &BodyArgs) -> Result<Option<Body>> {
    if let Some(path) = &args.body_file {
        return file(path).map(Some);
    }
    let Some(data) = &args.data else { return Ok(None) };
    if data == "-" {
        return file(Path::new("-")).map(Some);
    }
    if let Some(path) = data.strip_prefix('@') {
        return file(Path::new(path)).map(Some);
    }
    Ok(Some(Body { bytes: data.as_bytes().to_vec(), from: "--data".into() }))
}

/// Like [`read`] for commands that cannot do without a body.
pub(crate) fn require(args: &BodyArgs) -> Result<Body> {
    read(args)?.ok_or_else(|| {
        Error::usage_hint(
            "no body given",
            "pass --body-file FILE, --data @FILE, --data 'TEXT', or - for stdin (--body-file -)",
        )
    })
}

/// A file's bytes, or stdin's for `-`.
fn file(path: &Path) -> Result<Body> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("cannot read the body from stdin", e))?;
        return Ok(Body { bytes, from: "stdin".into() });
    }
    let shown = sanitize_line(&path.display().to_string()).into_owned();
    let bytes =
        std::fs::read(path).map_err(|e| Error::usage(format!("cannot read body file {shown}: {e}")))?;
    Ok(Body { bytes, from: shown })
}
