//! Building documents, as a library: a [`Build`] names the inputs, formats,
//! profile and output place; [`Build::plan`] fixes every target up front
//! (refusing settings that do not fit together and inputs whose files would
//! clash); [`Plan::run`] checks, renders and writes the inputs in parallel
//! and returns one [`Outcome`] per input. Nothing here prints: the command
//! line and the interview show the outcomes with [`report`].

mod plan;
mod report;

use std::path::{Path, PathBuf};

use crate::catalogue::Profile;
use crate::model::{CheckOptions, Checked, Diagnostic};
use crate::output::OutputFile;
use crate::render::{Format, Renderers};

pub use plan::{Plan, out_directory};
pub use report::report;

/// What to build: the settings of one `strategiekit build`.
#[derive(Debug, Clone)]
pub struct Build {
    /// Input files; `-` reads standard input and writes to standard output.
    pub inputs: Vec<PathBuf>,
    /// Output formats (repeats and order do not matter); none: Markdown, or
    /// the format a file name given as `out` says (`ulm.docx`).
    pub formats: Vec<Format>,
    /// Which document to build.
    pub profile: Profile,
    /// Directory to write into (created if missing); `.` for the current one.
    pub out: PathBuf,
    /// Replace existing output files.
    pub force: bool,
    /// Write nothing for an input with warnings.
    pub deny_warnings: bool,
    /// How each input's diagnostics are shown in its [`Outcome::shown`].
    pub style: ReportStyle,
    /// How inputs are read and checked (the most bytes an input may have).
    pub check: CheckOptions,
    /// The previous version whose changes the progress report lists (`--since`).
    pub since: Option<std::sync::Arc<Since>>,
}

/// A previous version of a strategy, checked, for the progress report's
/// list of changes (`build --profile report --since OLD.toml`).
#[derive(Debug)]
pub struct Since {
    /// The previous version, valid.
    pub strategy: crate::model::Strategy,
    /// Its name as the report shows it (the file's).
    pub name: String,
}

/// How diagnostics are rendered for a person.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportStyle {
    /// Errors only (`--quiet`); and no `wrote FILE` lines.
    pub quiet: bool,
    /// With terminal colors.
    pub color: bool,
}

/// Settings that do not fit together, found before any input is read (the
/// command line reports them as usage errors).
#[derive(Debug)]
pub struct SettingsError(pub String);

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingsError {}

/// What happened to one input. It keeps the input's diagnostics, already
/// rendered, but not its text or model, so that a batch of thousands of
/// files holds only what will be shown.
#[derive(Debug)]
pub struct Outcome {
    /// The input as given (`-` for standard input).
    pub input: PathBuf,
    /// The name diagnostics use: the path as given, or `<stdin>`.
    pub name: String,
    /// What `check` found.
    pub diagnostics: Vec<Diagnostic>,
    /// The diagnostics rendered as [`Build::style`] asks (errors only when quiet).
    pub shown: String,
    /// What was made of it.
    pub result: Result<Made, Failure>,
}

/// What a successful build of one input made.
#[derive(Debug)]
pub enum Made {
    /// These files, written.
    Files(Vec<PathBuf>),
    /// The bytes for standard output (an input read from `-`); the caller writes them.
    Stdout(Vec<u8>),
}

/// Why nothing was written for one input.
#[derive(Debug)]
pub enum Failure {
    /// Several inputs would write `path`. The first of `inputs` reports it
    /// (`first`); the others fail quietly.
    Clash {
        /// The file they would all write.
        path: PathBuf,
        /// The inputs that would write it, in the order given.
        inputs: Vec<PathBuf>,
        /// Whether this outcome is the one that reports the clash.
        first: bool,
    },
    /// The input could not be read.
    Unreadable(anyhow::Error),
    /// `check` found this many errors.
    Invalid {
        /// How many.
        errors: usize,
    },
    /// `check` found this many warnings and [`Build::deny_warnings`] is set.
    DeniedWarnings {
        /// How many.
        warnings: usize,
    },
    /// A renderer failed (a template error, typically).
    Render(anyhow::Error),
    /// A file could not be written, or exists and [`Build::force`] is off.
    Write(anyhow::Error),
}

impl Outcome {
    /// The outcome of an input that was not checked.
    fn failed(input: &Path, failure: Failure) -> Outcome {
        let name = input.display().to_string();
        Outcome {
            input: input.to_path_buf(),
            name,
            diagnostics: Vec::new(),
            shown: String::new(),
            result: Err(failure),
        }
    }
}

/// Checks and renders one input; `targets` is `None` for standard output.
/// The files it made are returned beside the outcome for [`finish`] to
/// write, so that a batch renders the next input while these reach the disk.
fn build_one(
    input: &Path,
    targets: Option<&[(Format, PathBuf)]>,
    settings: &Build,
    formats: &[Format],
    renderers: &Renderers,
) -> (Outcome, Option<Vec<OutputFile>>) {
    let checked = match Checked::from_path(input, settings.check) {
        Ok(checked) => checked,
        Err(e) => return (Outcome::failed(input, Failure::Unreadable(e)), None),
    };
    let (result, files) = match make(&checked, targets, settings, formats, renderers) {
        Ok(Rendered::Stdout(bytes)) => (Ok(Made::Stdout(bytes)), None),
        // the paths, until `finish` says whether they were written
        Ok(Rendered::Files(files)) => (Ok(Made::Files(Vec::new())), Some(files)),
        Err(failure) => (Err(failure), None),
    };
    let style = settings.style;
    // quiet shows errors only, but never hides the warnings that stopped the build
    let denied = matches!(result, Err(Failure::DeniedWarnings { .. }));
    let shown = if style.quiet && !denied { checked.render_errors(style.color) } else { checked.render(style.color) };
    let outcome =
        Outcome { input: input.to_path_buf(), name: checked.name, diagnostics: checked.diagnostics, shown, result };
    (outcome, files)
}

/// Records in the outcome of one input what writing its files (all or
/// none, see [`crate::output::write_all`]) gave: their paths, or why nothing
/// was written.
fn finish(outcome: &mut Outcome, paths: Vec<PathBuf>, written: anyhow::Result<()>) {
    outcome.result = match written {
        Ok(()) => Ok(Made::Files(paths)),
        Err(e) => Err(Failure::Write(e.context(format!("while building {}", outcome.name)))),
    };
}

/// What rendering one input made, before anything is written.
enum Rendered {
    /// Bytes for standard output.
    Stdout(Vec<u8>),
    /// Files to write, all or none.
    Files(Vec<OutputFile>),
}

/// The council documents of the members of an inter-municipal strategy
/// (`council.shares`), each beside the main one: `kl.council.docx` gives
/// `kl.council.kalletal.docx` for the member Kalletal. Written with the
/// main files, all or none.
fn member_files(
    strategy: &crate::model::Strategy,
    targets: &[(Format, PathBuf)],
    formats: &[Format],
    renderers: &Renderers,
) -> anyhow::Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    // the spreadsheets show the whole strategy, the same for every member
    let documents: Vec<Format> =
        formats.iter().copied().filter(|f| !matches!(f, Format::Xlsx | Format::Ods | Format::Csv)).collect();
    for member in strategy.council.shares.keys() {
        let slug = crate::interview::parse::slug(member).replace('_', "-");
        for (format, bytes) in renderers.render_member(strategy, member, &documents)? {
            let Some((_, main)) = targets.iter().find(|(f, _)| *f == format) else { continue };
            let path = main.with_extension(format!("{slug}.{}", format.extension()));
            files.push(OutputFile { path, bytes });
        }
    }
    Ok(files)
}

/// The open data of the yearly cycle beside the measures' CSV: `ulm.csv`
/// gives `ulm.indicators.csv` and `ulm.progress.csv` (see
/// [`crate::monitoring::open_data`]). Written with the main files, all or none.
fn open_data_files(strategy: &crate::model::Strategy, targets: &[(Format, PathBuf)]) -> Vec<OutputFile> {
    use crate::monitoring::open_data::{indicators_csv, progress_csv};
    let Some((_, main)) = targets.iter().find(|(f, _)| *f == Format::Csv) else { return Vec::new() };
    [("indicators.csv", indicators_csv(strategy)), ("progress.csv", progress_csv(strategy))]
        .into_iter()
        .map(|(extension, text)| OutputFile { path: main.with_extension(extension), bytes: text.into_bytes() })
        .collect()
}

/// Renders a checked input into the bytes of each of its files.
fn make(
    checked: &Checked,
    targets: Option<&[(Format, PathBuf)]>,
    settings: &Build,
    formats: &[Format],
    renderers: &Renderers,
) -> Result<Rendered, Failure> {
    let Some(strategy) = checked.valid() else {
        return Err(Failure::Invalid { errors: checked.errors() });
    };
    if settings.deny_warnings && checked.warnings() > 0 {
        return Err(Failure::DeniedWarnings { warnings: checked.warnings() });
    }
    let since = settings.since.as_deref().map(|s| (&s.strategy, s.name.as_str()));
    let rendered = renderers.render_since(strategy, since, settings.profile, formats).map_err(Failure::Render)?;
    let Some(targets) = targets else {
        return Ok(Rendered::Stdout(rendered.into_iter().next().map(|(_, bytes)| bytes).unwrap_or_default()));
    };
    let mut files: Vec<OutputFile> = rendered
        .into_iter()
        .filter_map(|(format, bytes)| {
            targets.iter().find(|(f, _)| *f == format).map(|(_, path)| OutputFile { path: path.clone(), bytes })
        })
        .collect();
    if settings.profile == Profile::Council {
        files.extend(member_files(strategy, targets, formats, renderers).map_err(Failure::Render)?);
    }
    files.extend(open_data_files(strategy, targets));
    Ok(Rendered::Files(files))
}
