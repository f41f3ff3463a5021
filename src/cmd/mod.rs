//! One module per subcommand; [`run`] dispatches.

pub mod build;
pub mod check;
pub mod diff;
pub mod init;
pub mod interview;
pub mod outline;
pub mod templates;

use anyhow::Result;
use clap::CommandFactory as _;

use crate::cli::{Cli, ColorChoice, Command, SchemaFor};

/// The process exit codes (see `cli.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitCode {
    /// Success.
    Ok = 0,
    /// Warnings under `--deny-warnings`.
    Warnings = 2,
    /// Input or rendering error.
    Error = 1,
    /// Usage error.
    Usage = 64,
    /// The user pressed Ctrl-C in the interview (128 + SIGINT).
    Interrupted = 130,
}

impl ExitCode {
    /// The worse of two outcomes: errors outrank warnings.
    pub fn max(self, other: ExitCode) -> ExitCode {
        fn rank(c: ExitCode) -> u8 {
            match c {
                ExitCode::Ok => 0,
                ExitCode::Warnings => 1,
                ExitCode::Error => 2,
                ExitCode::Interrupted => 3,
                ExitCode::Usage => 4,
            }
        }
        if rank(other) > rank(self) { other } else { self }
    }
}

/// A usage error that clap cannot see (exit 64).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Writes `bytes` to standard output. A reader that went away early
/// (`strategiekit init - | head`) is no error: the rest is dropped quietly.
pub fn to_stdout(bytes: impl AsRef<[u8]>) -> Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes.as_ref()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Whether diagnostics on stderr get color.
fn use_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal as _;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let color = use_color(cli.color);
    match cli.command {
        Command::Build(args) => build::run(&args, color),
        Command::Check(args) => check::run(&args, color),
        Command::Diff(args) => diff::run(&args, color),
        Command::Init(args) => init::run(&args),
        Command::Interview(args) => interview::run(&args, color),
        Command::Outline(args) => outline::run(&args),
        Command::Schema { target } => {
            let schema = match target {
                SchemaFor::Input => crate::model::schema::input_schema().clone(),
                SchemaFor::Model => crate::render::json::schema(),
            };
            to_stdout(serde_json::to_string_pretty(&schema)? + "\n")?;
            Ok(ExitCode::Ok)
        }
        Command::Templates { action } => templates::run(&action),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "strategiekit", &mut script);
            to_stdout(script)?;
            Ok(ExitCode::Ok)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            to_stdout(page)?;
            Ok(ExitCode::Ok)
        }
    }
}
