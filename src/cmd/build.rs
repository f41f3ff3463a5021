//! `strategiekit build`: maps the arguments onto a [`Build`], runs it and
//! prints each input's outcome.

use std::io::{IsTerminal as _, Write as _};

use std::sync::Arc;

use anyhow::Result;

use super::{ExitCode, UsageError};
use crate::build::{self, Build, Failure, Made, Outcome, ReportStyle, Since};
use crate::catalogue::Profile;
use crate::cli::BuildArgs;
use crate::design;
use crate::model::{CheckOptions, Checked};
use crate::render::{Format, Renderers, Settings, pdf};
use crate::templates::TemplateSet;

/// Runs `build`.
pub fn run(args: &BuildArgs, color: bool) -> Result<ExitCode> {
    let settings = Build {
        inputs: args.files.clone(),
        formats: args.format.clone(),
        profile: args.profile,
        out: args.out.clone(),
        force: args.force,
        deny_warnings: args.deny_warnings,
        style: ReportStyle { quiet: args.quiet, color },
        check: CheckOptions { max_input: args.max_input_mib.map(|mib| mib * 1024 * 1024), ..CheckOptions::default() },
        since: None,
    };
    let since = match &args.since {
        Some(old) => match since(old, &settings, color)? {
            Some(since) => Some(Arc::new(since)),
            None => return Ok(ExitCode::Error),
        },
        None => None,
    };
    let settings = Build { since, ..settings };
    let plan = settings.plan().map_err(|e| UsageError(e.0))?;
    let docx = plan.formats().contains(&Format::Docx);
    if let Some(binary) = plan.formats().iter().find(|f| f.is_binary())
        && plan.to_stdout()
        && std::io::stdout().is_terminal()
    {
        let (name, ext) = (binary.extension().to_uppercase(), binary.extension());
        let e = format!(
            "a {name} is binary and would garble the terminal; redirect it: strategiekit build FILE --format {ext} -o - > FILE.{ext}"
        );
        return Err(UsageError(e).into());
    }
    if plan.formats().contains(&Format::Pdf) {
        // once, before anything is built, rather than once per input
        pdf::office(args.look.soffice.as_deref())?;
    }
    let design = design::for_build(args.look.design.as_deref(), args.look.reference_doc.as_deref())?;
    let templates = TemplateSet::load(args.templates.as_deref())?;
    if !args.quiet {
        templates.notes().iter().for_each(|note| eprintln!("{note}"));
        if docx && args.templates.is_some() {
            eprintln!("note: the DOCX takes only the words of labels.toml from --templates; its layout is built in");
        }
    }
    let mut code = ExitCode::Ok;
    for mut outcome in
        plan.run(&Renderers::new(templates, &Settings { office: args.look.soffice.clone(), design: Arc::new(design) })?)
    {
        write_stdout(&mut outcome);
        write!(std::io::stderr().lock(), "{}", build::report(&outcome, args.quiet)).ok();
        code = code.max(exit_code(&outcome));
    }
    Ok(code)
}

/// Writes the bytes an input from `-` made to standard output; a failure
/// becomes the outcome.
fn write_stdout(outcome: &mut Outcome) {
    if let Ok(Made::Stdout(bytes)) = &outcome.result
        && let Err(e) = super::to_stdout(bytes)
    {
        let e = anyhow::anyhow!("cannot write to standard output: {e}");
        outcome.result = Err(Failure::Write(e));
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

/// The previous version `--since` names, checked; `None` (its errors
/// printed) when it does not pass `check`.
fn since(old: &std::path::Path, settings: &Build, color: bool) -> Result<Option<Since>> {
    if !matches!(settings.profile, Profile::Report | Profile::ReportCouncil) {
        return Err(UsageError(format!(
            "--since lists the changes in the progress report; add --profile report (or report_council), or compare with: strategiekit diff {} FILE",
            old.display()
        ))
        .into());
    }
    if old.as_os_str() == "-" || settings.inputs.len() != 1 {
        return Err(UsageError(
            "--since compares one file with its previous version; give one FILE and the path of OLD (not -)".into(),
        )
        .into());
    }
    let checked = Checked::from_path(old, settings.check)?;
    let Some(strategy) = checked.valid() else {
        eprint!("{}", checked.render(color));
        eprintln!(
            "error: {} has errors; fix them before reporting the changes since it (strategiekit check {})",
            checked.name, checked.name
        );
        return Ok(None);
    };
    Ok(Some(Since { strategy: strategy.clone(), name: checked.name.clone() }))
}
