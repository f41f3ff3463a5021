//! One module per subcommand; [`run`] dispatches.

pub mod build;
pub mod check;
pub mod design;
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
        Command::Design { action } => design::run(&action),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "strategiekit", &mut script);
            to_stdout(script)?;
            Ok(ExitCode::Ok)
        }
        Command::Man => {
            to_stdout(man_page()?)?;
            Ok(ExitCode::Ok)
        }
    }
}

/// One man page for the whole tool: the top level, then a section per
/// subcommand (and sub-subcommand) with its synopsis, description and
/// options (clap_mangen alone would point to `strategiekit-build(1)` pages
/// nobody installs), then the exit codes.
fn man_page() -> Result<Vec<u8>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let top = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    top.render_options_section(&mut page)?;
    man_sections(&mut page, &cmd, "strategiekit")?;
    top.render_extra_section(&mut page)?;
    top.render_version_section(&mut page)?;
    Ok(page)
}

/// A section for each subcommand of `cmd`, whose full name starts with `prefix`.
fn man_sections(page: &mut Vec<u8>, cmd: &clap::Command, prefix: &str) -> Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{prefix} {}", sub.get_name());
        // the global options and --version stand once, at the top
        let named = sub
            .clone()
            .name(name.clone())
            .bin_name(name.clone())
            .mut_args(|a| if a.is_global_set() || a.get_id() == "version" { a.hide(true) } else { a });
        let man = clap_mangen::Man::new(named);
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        man.render_options_section(&mut part)?;
        page.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        // the subcommand's own sections become subsections
        for line in String::from_utf8_lossy(&part).lines() {
            let line = line.strip_prefix(".SH ").map_or_else(|| line.to_string(), |rest| format!(".SS {rest}"));
            page.extend_from_slice(line.as_bytes());
            page.push(b'\n');
        }
        man_sections(page, sub, &name)?;
    }
    Ok(())
}
