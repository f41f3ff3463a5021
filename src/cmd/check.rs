//! `strategiekit check`: validate files, report for people or as JSON.

use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use super::ExitCode;
use crate::cli::{CheckArgs, ReportFormat};
use crate::model::coverage::{Coverage, coverage};
use crate::model::messages::Message;
use crate::model::{CheckOptions, Checked, Diagnostic, Lang, Severity};

/// The JSON report: one document per run, one entry per file.
#[derive(Serialize)]
pub struct Report {
    /// Format name and version of this document.
    pub format: &'static str,
    /// One entry per input file, in the order given.
    pub files: Vec<FileReport>,
    /// Every file's diagnostics in one list, each naming its `file`, for
    /// scripts that only want the findings (`jq '.diagnostics[]'`).
    pub diagnostics: Vec<serde_json::Value>,
    /// Errors in all files.
    pub errors: usize,
    /// Warnings in all files.
    pub warnings: usize,
    /// The exit code of the run.
    pub exit_code: i32,
}

/// The JSON report of one file.
#[derive(Serialize)]
pub struct FileReport {
    /// The path as given, or `<stdin>`.
    pub file: String,
    /// No errors (and no warnings under `--deny-warnings`).
    pub ok: bool,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Outline coverage, when the file could be read into the model.
    pub coverage: Option<Coverage>,
    /// Errors first, then warnings, each in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs `check`.
pub fn run(args: &CheckArgs, color: bool) -> Result<ExitCode> {
    let max_input = args.max_input_mib.map(|mib| mib * 1024 * 1024);
    let options = CheckOptions { min_coverage: args.min_coverage, max_input };
    // files are checked in parallel, and reported in the order given
    let checked: Vec<(ExitCode, FileReport, String)> =
        args.files.par_iter().map(|path| check_one(path, args, options, color)).collect();
    let mut code = ExitCode::Ok;
    let mut files = Vec::with_capacity(checked.len());
    for (file_code, report, shown) in checked {
        eprint!("{shown}");
        code = code.max(file_code);
        files.push(report);
    }
    if args.format == ReportFormat::Json {
        let mut diagnostics = Vec::new();
        for f in &files {
            for d in &f.diagnostics {
                let mut entry = serde_json::Map::new();
                entry.insert("file".to_string(), f.file.clone().into());
                if let serde_json::Value::Object(fields) = serde_json::to_value(d)? {
                    entry.extend(fields);
                }
                diagnostics.push(serde_json::Value::Object(entry));
            }
        }
        let report = Report {
            format: "strategiekit-check/1",
            diagnostics,
            errors: files.iter().map(|f| f.errors).sum(),
            warnings: files.iter().map(|f| f.warnings).sum(),
            exit_code: code as i32,
            files,
        };
        super::to_stdout(serde_json::to_string_pretty(&report)? + "\n")?;
    }
    Ok(code)
}

/// Checks one file: its exit code, its report, and what a person is shown
/// (empty for JSON).
fn check_one(path: &Path, args: &CheckArgs, options: CheckOptions, color: bool) -> (ExitCode, FileReport, String) {
    let human = args.format == ReportFormat::Human;
    match Checked::from_path(path, options) {
        Ok(checked) => {
            let file_code = if checked.errors() > 0 {
                ExitCode::Error
            } else if args.deny_warnings && checked.warnings() > 0 {
                ExitCode::Warnings
            } else if checked.diagnostics.iter().any(|d| matches!(d.kind, Message::LowCoverage { .. })) {
                // --min-coverage is a gate of its own, as a CI job expects
                ExitCode::Warnings
            } else {
                ExitCode::Ok
            };
            let shown = if human {
                format!("{}{}{}\n", checked.render(color), counts_by_code(&checked), summary_line(&checked))
            } else {
                String::new()
            };
            let report = FileReport {
                file: checked.name.clone(),
                ok: file_code == ExitCode::Ok,
                errors: checked.errors(),
                warnings: checked.warnings(),
                coverage: checked.strategy.as_ref().map(coverage),
                diagnostics: checked.diagnostics,
            };
            (file_code, report, shown)
        }
        Err(e) => {
            let shown = if human { format!("error: {e:#}\n") } else { String::new() };
            let diagnostic = Diagnostic::error("", None, Message::Unreadable { detail: format!("{e:#}") });
            let report = FileReport {
                file: path.display().to_string(),
                ok: false,
                errors: 1,
                warnings: 0,
                coverage: None,
                diagnostics: vec![diagnostic],
            };
            (ExitCode::Error, report, shown)
        }
    }
}

/// Findings of one file past which their count per code is added, so that
/// hundreds of one kind stay readable.
const COUNT_FROM: usize = 10;

/// `  1,496 × warning[measure-without-lead]`, one line per code, most first,
/// when a file has more than [`COUNT_FROM`] findings; empty otherwise.
fn counts_by_code(checked: &Checked) -> String {
    if checked.diagnostics.len() <= COUNT_FROM {
        return String::new();
    }
    let mut counts: Vec<((Severity, &str), usize)> = Vec::new();
    for d in &checked.diagnostics {
        match counts.iter_mut().find(|(key, _)| *key == (d.severity, d.code)) {
            Some((_, n)) => *n += 1,
            None => counts.push(((d.severity, d.code), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = format!("{} findings by kind:\n", checked.name);
    for ((severity, code), n) in counts {
        let severity = match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!("{:>7} × {severity}[{code}]\n", crate::i18n::integer(Lang::En, n as u64)));
    }
    out
}

fn summary_line(checked: &Checked) -> String {
    let verdict = if checked.errors() > 0 { "invalid" } else { "ok" };
    let coverage = checked
        .strategy
        .as_ref()
        .map(|s| {
            let c = coverage(s);
            format!(", outline coverage {:.1}% ({} of {} items)", c.percent, c.filled, c.total)
        })
        .unwrap_or_default();
    format!("{}: {verdict}: {} error(s), {} warning(s){coverage}", checked.name, checked.errors(), checked.warnings())
}
