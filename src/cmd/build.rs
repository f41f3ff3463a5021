//! `strategiekit build`: maps the arguments onto a [`Build`], runs it and
//! prints each input's outcome.

use std::io::Write as _;

use anyhow::Result;

use super::{ExitCode, UsageError};
use crate::build::{self, Build, Failure, Made, Outcome, ReportStyle};
use crate::cli::BuildArgs;
use crate::render::{Format, Renderers};
use crate::templates::TemplateSet;

/// Runs `build`.
pub fn run(args: &BuildArgs, color: bool) -> Result<ExitCode> {
    let settings = Build {
        inputs: args.files.clone(),
        formats: formats(args),
        profile: args.profile,
        out: args.out.clone(),
        force: args.force,
        deny_warnings: args.deny_warnings,
        style: ReportStyle { quiet: args.quiet, color },
    };
    if to_terminal(args) {
        return Err(UsageError(
            "a DOCX is binary and would garble the terminal; redirect it: strategiekit build - --format docx > FILE.docx"
                .into(),
        )
        .into());
    }
    let plan = settings.plan().map_err(|e| UsageError(e.0))?;
    let templates = match &args.templates {
        Some(dir) => TemplateSet::with_overrides(dir)?,
        None => TemplateSet::builtin(),
    };
    if !args.quiet {
        templates.notes().iter().for_each(|note| eprintln!("{note}"));
    }
    let outcomes = plan.run(&Renderers::new(templates)?);
    let mut code = ExitCode::Ok;
    for mut outcome in outcomes {
        write_stdout(&mut outcome);
        write!(std::io::stderr().lock(), "{}", build::report(&outcome, args.quiet)).ok();
        code = code.max(exit_code(&outcome));
    }
    Ok(code)
}

/// The formats asked for; without `--format`, the one `--out FILE` names, else Markdown.
fn formats(args: &BuildArgs) -> Vec<Format> {
    if !args.format.is_empty() {
        return args.format.clone();
    }
    let named = args.out.extension().and_then(|e| e.to_str()).and_then(Format::from_extension);
    vec![named.filter(|_| !args.out.is_dir()).unwrap_or(Format::Md)]
}

/// Whether a DOCX would go to standard output while that is a terminal.
fn to_terminal(args: &BuildArgs) -> bool {
    use std::io::IsTerminal as _;
    args.files.iter().any(|f| f.as_os_str() == "-")
        && args.format.contains(&Format::Docx)
        && std::io::stdout().is_terminal()
}

/// Writes the bytes an input from `-` made to standard output; a failure
/// becomes the outcome.
fn write_stdout(outcome: &mut Outcome) {
    if let Ok(Made::Stdout(bytes)) = &outcome.result {
        if let Err(e) = super::to_stdout(bytes) {
            let e = anyhow::anyhow!("cannot write to standard output: {e}");
            outcome.result = Err(Failure::Write(e));
        }
    }
}

/// The exit code for one input: 2 for warnings under `--deny-warnings`, 1 for any other failure.
fn exit_code(outcome: &Outcome) -> ExitCode {
    match &outcome.result {
        Ok(_) => ExitCode::Ok,
        Err(Failure::DeniedWarnings { .. }) => ExitCode::Warnings,
        Err(_) => ExitCode::Error,
    }
}
