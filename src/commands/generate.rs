//! `hookctl completions SHELL` and `hookctl man [--out DIR]`: render the generated artefacts.

use std::io::Write;

use crate::cli::generate::{CompletionsArgs, ManArgs};
use crate::sanitize::sanitize_line;
use crate::{generate, Ctx, Error, Outcome, Result};

pub fn completions(args: CompletionsArgs, _ctx: &Ctx) -> Result<Outcome> {
    write_stdout(&generate::completions(args.shell))?;
    Ok(Outcome::Success)
}

pub fn man(args: ManArgs, ctx: &Ctx) -> Result<Outcome> {
    let pages = generate::man_pages().map_err(|e| Error::io("rendering man pages", e))?;
    match args.out {
        None => {
            let (_, main_page) =
                pages.first().ok_or_else(|| Error::Internal("no man page rendered".into()))?;
            write_stdout(main_page)?;
        }
        Some(dir) => {
            // A --out directory that cannot be written is the user's to fix: exit 2, not 1.
            std::fs::create_dir_all(&dir)
                .map_err(|e| Error::usage(format!("cannot create {}: {e}", dir.display())))?;
            for (name, page) in &pages {
                let path = dir.join(name);
                std::fs::write(&path, page)
                    .map_err(|e| Error::usage(format!("cannot write {}: {e}", path.display())))?;
            }
            ctx.printer.info(&format!(
                "wrote {} man pages to {}",
                pages.len(),
                sanitize_line(&dir.display().to_string())
            ));
        }
    }
    Ok(Outcome::Success)
}

fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("writing to stdout", e)),
        _ => Ok(()),
    }
}
