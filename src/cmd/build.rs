//! `strategiekit build`: check each input, render it, write the outputs.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use super::{ExitCode, UsageError};
use crate::catalogue::Profile;
use crate::cli::{BuildArgs, Format};
use crate::model::{CheckOptions, Checked};
use crate::output::{OutputFile, ensure_free, write_atomic};
use crate::render::Renderers;
use crate::templates::TemplateSet;

/// What happened to one input file.
struct Outcome {
    /// Diagnostics and messages for stderr, in order.
    report: String,
    /// Files written.
    written: Vec<PathBuf>,
    /// 0, 1 or 2 (see [`ExitCode`]).
    code: ExitCode,
}

/// Runs `build`.
pub fn run(args: &BuildArgs, color: bool) -> Result<ExitCode> {
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    let files = dedup(&args.files);
    let stdin = files.iter().any(|f| f.as_os_str() == "-");
    if stdin && (files.len() != 1 || formats.len() != 1) {
        return Err(UsageError("`-` reads one file from standard input and writes one format to standard output; give only `-` and one --format".into()).into());
    }
    if stdin && args.out != Path::new(".") {
        return Err(UsageError(format!(
            "`-` writes to standard output, so --out {} has nothing to do; leave out --out and redirect instead: strategiekit build - --format {} > FILE",
            args.out.display(),
            formats[0].extension()
        ))
        .into());
    }
    if args.out.exists() && !args.out.is_dir() {
        return Err(UsageError(format!(
            "--out {} is a file, not a directory; give the directory to write into (it is created if missing)",
            args.out.display()
        ))
        .into());
    }
    let templates = match &args.templates {
        Some(dir) => TemplateSet::with_overrides(dir)?,
        None => TemplateSet::builtin(),
    };
    if !args.quiet {
        templates.notes().iter().for_each(|note| eprintln!("{note}"));
    }
    let renderers = Renderers::new(templates)?;

    if stdin {
        let checked = Checked::from_path(Path::new("-"), CheckOptions::default())?;
        let outcome = render_checked(&checked, args, &formats, &renderers, None, color);
        eprint!("{}", outcome.report);
        return Ok(outcome.code);
    }

    // Targets are fixed up front, so two inputs cannot write the same file;
    // inputs whose outputs clash are not built at all, none of them.
    let mut claimed: HashMap<PathBuf, Vec<&Path>> = HashMap::new();
    let mut plans = Vec::new();
    for file in &files {
        let targets: Vec<(Format, PathBuf)> =
            formats.iter().map(|f| (*f, target(&args.out, file, args.profile, *f))).collect();
        for (_, t) in &targets {
            claimed.entry(t.clone()).or_default().push(file);
        }
        plans.push((file, targets));
    }
    let clash_of = |targets: &[(Format, PathBuf)]| -> Option<(PathBuf, Vec<&Path>)> {
        targets
            .iter()
            .find_map(|(_, t)| claimed.get(t).filter(|owners| owners.len() > 1).map(|o| (t.clone(), o.clone())))
    };

    let outcomes: Vec<Outcome> = plans
        .par_iter()
        .map(|(file, targets)| {
            if let Some((path, owners)) = clash_of(targets) {
                // reported once, with the first of the clashing inputs
                if owners.first() != Some(&file.as_path()) {
                    return Outcome { report: String::new(), written: Vec::new(), code: ExitCode::Error };
                }
                let names: Vec<String> = owners.iter().map(|o| o.display().to_string()).collect();
                let (all, them) = if names.len() == 2 { ("both", "either") } else { ("all", "any of them") };
                return failure(format!(
                    "error: {} would {all} write {}; nothing was written for {them}; build them into different --out directories",
                    names.join(" and "),
                    path.display()
                ));
            }
            match Checked::from_path(file, CheckOptions::default()) {
                Ok(checked) => render_checked(&checked, args, &formats, &renderers, Some(targets), color),
                Err(e) => failure(format!("error: {e:#}")),
            }
        })
        .collect();

    let mut code = ExitCode::Ok;
    let mut stderr = std::io::stderr().lock();
    for outcome in &outcomes {
        write!(stderr, "{}", outcome.report).ok();
        if !args.quiet {
            for path in &outcome.written {
                writeln!(stderr, "wrote {}", path.display()).ok();
            }
        }
        code = code.max(outcome.code);
    }
    Ok(code)
}

/// The inputs without repeats: the same file named twice (`a.toml ./a.toml`)
/// is built once.
fn dedup(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    files
        .iter()
        .filter(|f| {
            let key = if f.as_os_str() == "-" {
                f.to_path_buf()
            } else {
                f.canonicalize().unwrap_or_else(|_| f.to_path_buf())
            };
            seen.insert(key)
        })
        .cloned()
        .collect()
}

fn failure(report: String) -> Outcome {
    Outcome { report: report + "\n", written: Vec::new(), code: ExitCode::Error }
}

/// `OUT/stem.ext` for the full profile, `OUT/stem.PROFILE.ext` for the others.
fn target(out: &Path, input: &Path, profile: Profile, format: Format) -> PathBuf {
    let stem = input.file_stem().map_or_else(|| "strategy".into(), |s| s.to_string_lossy().into_owned());
    let name = match profile {
        Profile::Full => format!("{stem}.{}", format.extension()),
        other => format!("{stem}.{}.{}", other.as_str(), format.extension()),
    };
    if out == Path::new(".") { PathBuf::from(name) } else { out.join(name) }
}

/// Renders and writes one checked file; `targets` is `None` for standard output.
fn render_checked(
    checked: &Checked,
    args: &BuildArgs,
    formats: &[Format],
    renderers: &Renderers,
    targets: Option<&Vec<(Format, PathBuf)>>,
    color: bool,
) -> Outcome {
    // --quiet: errors only
    let mut report = if args.quiet { checked.render_errors(color) } else { checked.render(color) };
    let Some(strategy) = checked.valid() else {
        report.push_str(&format!(
            "error: {} has {} error(s); nothing was written for it\n",
            checked.name,
            checked.errors()
        ));
        return Outcome { report, written: Vec::new(), code: ExitCode::Error };
    };
    if args.deny_warnings && checked.warnings() > 0 {
        report.push_str(&format!(
            "error: {} has {} warning(s) and --deny-warnings is set; nothing was written for it\n",
            checked.name,
            checked.warnings()
        ));
        return Outcome { report, written: Vec::new(), code: ExitCode::Warnings };
    }
    let rendered = match renderers.render(strategy, args.profile, formats) {
        Ok(r) => r,
        Err(e) => {
            report.push_str(&format!("error: cannot render {}: {e:#}\n", checked.name));
            return Outcome { report, written: Vec::new(), code: ExitCode::Error };
        }
    };
    let Some(targets) = targets else {
        let bytes = rendered.into_iter().next().map(|(_, b)| b).unwrap_or_default();
        if let Err(e) = super::to_stdout(bytes) {
            report.push_str(&format!("error: cannot write to standard output: {e}\n"));
            return Outcome { report, written: Vec::new(), code: ExitCode::Error };
        }
        return Outcome { report, written: Vec::new(), code: ExitCode::Ok };
    };
    let files: Vec<OutputFile> = rendered
        .into_iter()
        .filter_map(|(format, bytes)| {
            targets.iter().find(|(f, _)| *f == format).map(|(_, path)| OutputFile { path: path.clone(), bytes })
        })
        .collect();
    let paths: Vec<&Path> = files.iter().map(|f| f.path.as_path()).collect();
    let result = ensure_free(&paths, args.force).and_then(|()| {
        let mut written = Vec::new();
        for file in &files {
            write_atomic(file, args.force).with_context(|| format!("while building {}", checked.name))?;
            written.push(file.path.clone());
        }
        Ok(written)
    });
    match result {
        Ok(written) => Outcome { report, written, code: ExitCode::Ok },
        Err(e) => {
            report.push_str(&format!("error: {e:#}\n"));
            Outcome { report, written: Vec::new(), code: ExitCode::Error }
        }
    }
}
