//! The `hookctl` binary: everything runs in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(hookctl::main())
}
