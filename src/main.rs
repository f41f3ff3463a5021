//! The `strategiekit` binary: parses the command line, runs it, maps the
//! outcome to an exit code (0, 1, 2, or 64 for usage errors).

use clap::Parser as _;
use strategiekit::cli::Cli;
use strategiekit::cmd::{self, ExitCode, UsageError};

fn main() -> std::process::ExitCode {
    strategiekit::signals::install();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { ExitCode::Usage } else { ExitCode::Ok };
            e.print().ok();
            return std::process::ExitCode::from(code as u8);
        }
    };
    let code = match cmd::run(cli) {
        Ok(code) => code,
        Err(e) if e.is::<UsageError>() => {
            eprintln!("error: {e}");
            ExitCode::Usage
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::Error
        }
    };
    std::process::ExitCode::from(code as u8)
}
