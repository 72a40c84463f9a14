use std::process::ExitCode;

fn main() -> ExitCode {
    match hookctl::parse_args() {
        Ok(cli) => ExitCode::from(hookctl::run(cli)),
        Err(code) => ExitCode::from(code),
    }
}
