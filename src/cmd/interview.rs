//! `strategiekit interview`: the outline as questions, written to an input file.

use anyhow::Result;

use super::{ExitCode, UsageError};
use crate::cli::InterviewArgs;
use crate::interview::{self, Ending, Options};

/// Runs `interview`; refuses at once without a terminal.
pub fn run(args: &InterviewArgs, color: bool) -> Result<ExitCode> {
    if args.out.is_dir() {
        let shown = args.out.display();
        return Err(UsageError(format!(
            "{shown} is a directory; name the file to write, e.g. -o {shown}/strategy.toml"
        ))
        .into());
    }
    if !interview::has_terminal() {
        eprintln!("error: {}", interview::no_terminal_message());
        return Ok(ExitCode::Error);
    }
    let options = Options { out: args.out.clone(), from: args.from.clone(), lang: args.lang };
    Ok(match interview::run(&options, color)? {
        Ending::Written => ExitCode::Ok,
        Ending::Declined => ExitCode::Error,
        Ending::Interrupted => ExitCode::Interrupted,
    })
}
