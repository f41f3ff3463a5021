//! The command line, as clap derives it. Completions and the man page are
//! generated from these definitions.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use strum::{EnumMessage as _, VariantArray as _};

use crate::catalogue::Profile;
use crate::model::Lang;
use crate::render::Format;

/// Smart-City strategies for German municipalities: from the KTS outline to
/// Markdown, DOCX, HTML and JSON.
#[derive(Debug, Parser)]
#[command(name = "strategiekit", version, about, long_about = None, propagate_version = true)]
#[command(
    after_help = "Exit codes: 0 success, 1 input or rendering error, 2 warnings under --deny-warnings, 64 usage error, 130 interview interrupted (Ctrl-C; the draft is kept)."
)]
pub struct Cli {
    /// When to color diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// Color choice for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Color when stderr is a terminal and NO_COLOR is unset.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render strategy files to Markdown, DOCX, HTML or JSON.
    Build(BuildArgs),
    /// Validate strategy files without writing anything.
    Check(CheckArgs),
    /// Answer the outline's questions in the terminal and get an input file.
    Interview(InterviewArgs),
    /// Write a commented starter file or a bundled example.
    Init(InitArgs),
    /// What changed between two versions of a strategy: the change log of a review, in any format.
    Diff(DiffArgs),
    /// Print the outline catalogue (sections, items, hints, profiles).
    Outline(OutlineArgs),
    /// Print a JSON Schema: of the input file (for Taplo / Even Better TOML) or of `build --format json`.
    Schema {
        /// Which document the schema describes.
        #[arg(long = "for", value_enum, default_value_t = SchemaFor::Input)]
        target: SchemaFor,
    },
    /// Work with the built-in templates.
    Templates {
        /// What to do.
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// Work with design files (a city's fonts, colours, margins, logo, header and footer).
    Design {
        /// What to do.
        #[command(subcommand)]
        action: DesignAction,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// Documents `schema` can describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFor {
    /// The TOML input file.
    Input,
    /// The JSON written by `build --format json`.
    Model,
}

/// `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Input files; `-` reads standard input and writes to standard output.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output formats, comma-separated [default: md, or the format --out FILE names].
    #[arg(short, long, value_parser = Spaced::<Format>::new(), value_delimiter = ',')]
    pub format: Vec<Format>,
    /// Which document to build.
    #[arg(short, long, value_enum, default_value_t = Profile::Full)]
    pub profile: Profile,
    /// Directory to write to (created if missing); a file such as `ulm.docx` for one input in its format;
    /// `-` writes one format of one file to standard output.
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Replace existing output files.
    #[arg(long)]
    pub force: bool,
    /// Use templates from this directory (see `templates export`).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Treat warnings as errors: exit 2 and write nothing for a file with warnings.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print only errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// The most an input file may have, in MiB [default: 32].
    #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_input_mib: Option<u64>,
    /// With --profile report or report_council: list what changed since this previous version of the file.
    #[arg(long, value_name = "OLD")]
    pub since: Option<PathBuf>,
    /// How the documents look, and what makes the PDF.
    #[command(flatten)]
    pub look: LookArgs,
}

/// The options of `build` and `diff` on how the documents look and what makes the PDF.
#[derive(Debug, Args)]
pub struct LookArgs {
    /// LibreOffice's soffice, which makes the PDF [default: soffice on PATH].
    #[arg(long, value_name = "PATH")]
    pub soffice: Option<PathBuf>,
    /// The city's corporate design: fonts, colours, margins, logo, header and footer (see `design export`).
    #[arg(long, value_name = "FILE")]
    pub design: Option<PathBuf>,
    /// A DOCX or ODT whose styles the DOCX or the ODT and PDF take, as with pandoc's --reference-doc.
    #[arg(long, value_name = "FILE")]
    pub reference_doc: Option<PathBuf>,
}

/// `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Input files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Report format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Exit with 2 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Warn, and exit with 2, when the outline coverage is below this percentage.
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
    pub min_coverage: Option<f64>,
    /// The most an input file may have, in MiB [default: 32].
    #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_input_mib: Option<u64>,
}

fn parse_percent(s: &str) -> Result<f64, String> {
    let value: f64 = s.trim_end_matches('%').parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=100.0).contains(&value) { Ok(value) } else { Err(format!("{value} is not between 0 and 100")) }
}

/// Report formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people: diagnostics with the source line.
    Human,
    /// One JSON document for CI.
    Json,
}

/// `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// File to write (`-` for standard output).
    #[arg(default_value = "strategy.toml", value_name = "FILE")]
    pub file: PathBuf,
    /// Write a bundled example instead of the starter.
    #[arg(short, long, value_name = "NAME", value_parser = crate::cmd::init::example_names())]
    pub example: Option<String>,
    /// Language of the starter's comments and document (default de); examples have their own.
    #[arg(short, long, value_enum, conflicts_with = "example")]
    pub lang: Option<Lang>,
    /// Write LAST.toml again with commented-out slots for this year's indicator values and
    /// measure progress, to fill in (the yearly update for consultants).
    #[arg(long, value_name = "LAST.toml", conflicts_with_all = ["example", "lang"])]
    pub update: Option<PathBuf>,
    /// The year of the slots with `--update` (default: this year).
    #[arg(long, value_name = "YEAR", requires = "update", value_parser = clap::value_parser!(u16).range(1990..=2100))]
    pub year: Option<u16>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

/// `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier version.
    #[arg(value_name = "OLD.toml")]
    pub old: PathBuf,
    /// The later version.
    #[arg(value_name = "NEW.toml")]
    pub new: PathBuf,
    /// Language of the change log; default: that of NEW.
    #[arg(short, long, value_enum)]
    pub lang: Option<Lang>,
    /// Output formats, comma-separated; without --out, one format goes to standard output.
    #[arg(short, long, value_parser = Spaced::<Format>::new(), value_delimiter = ',', default_value = "md")]
    pub format: Vec<Format>,
    /// Directory to write NEW.changes.FORMAT files into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Replace existing output files.
    #[arg(long)]
    pub force: bool,
    /// Take the documents' words from this template directory (see `templates export`).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// How the documents look, and what makes the PDF.
    #[command(flatten)]
    pub look: LookArgs,
}

/// `interview`.
#[derive(Debug, Args)]
pub struct InterviewArgs {
    /// The input file to write; a draft is kept beside it (`NAME.draft.toml`).
    #[arg(short, long, value_name = "FILE", default_value = "strategy.toml")]
    pub out: PathBuf,
    /// An earlier input file: every question defaults to its answer (the yearly review).
    #[arg(long, value_name = "OLD.toml")]
    pub from: Option<PathBuf>,
    /// Language of the questions; default: the language of --from, else German.
    #[arg(short, long, value_enum)]
    pub lang: Option<Lang>,
}

/// `outline`.
#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// Language of headings and hints.
    #[arg(short, long, value_enum, default_value_t = Lang::De)]
    pub lang: Lang,
    /// Print the catalogue as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `templates` actions.
#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// Write the built-in templates and labels into DIR, to edit and use with `build --templates DIR`.
    Export {
        /// Target directory.
        dir: PathBuf,
        /// Replace existing files.
        #[arg(long)]
        force: bool,
    },
    /// Print, as JSON, what the templates see when FILE is built: `meta`, `toc`,
    /// `labels` and `blocks` (each block template sees one block).
    Context {
        /// The strategy file (`-` for stdin).
        file: PathBuf,
        /// Which document's context.
        #[arg(short, long, value_enum, default_value_t = Profile::Full)]
        profile: Profile,
        /// Take the labels from this template directory.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
}

/// `design` actions.
#[derive(Debug, Subcommand)]
pub enum DesignAction {
    /// Write the built-in design, every key explained, to FILE (`-` or none: standard output),
    /// to edit and use with `build --design FILE`.
    Export {
        /// Target file.
        #[arg(default_value = "-")]
        file: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Check a design file (its values, the logo and its alternative text) without building.
    Check {
        /// The design file.
        file: PathBuf,
    },
}

/// Lets clap read one of the library's enums as a value: the names and the
/// help come from the enum, so the library needs no clap.
macro_rules! value_enum {
    ($type:ty, $variants:expr, $name:expr, $help:expr) => {
        impl ValueEnum for $type {
            fn value_variants<'a>() -> &'a [Self] {
                $variants
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(PossibleValue::new($name(*self)).help(help_line($help(*self))))
            }
        }
    };
}

value_enum!(Format, Format::ALL, Format::extension, Format::description);
value_enum!(Profile, Profile::VARIANTS, Profile::as_str, |p: Profile| p.get_documentation().unwrap_or_default());
value_enum!(Lang, Lang::VARIANTS, Lang::code, |l: Lang| l.get_documentation().unwrap_or_default());

/// A doc comment as clap's derive shows it: trimmed, without its final full stop.
fn help_line(doc: &str) -> &str {
    let doc = doc.trim();
    doc.strip_suffix('.').unwrap_or(doc)
}

/// Reads a value of `T` with the spaces around it ignored, so that
/// `--format "md, docx"` reads as `md,docx`; help and errors are clap's own.
#[derive(Clone)]
struct Spaced<T: ValueEnum + Clone + Send + Sync + 'static>(clap::builder::EnumValueParser<T>);

impl<T: ValueEnum + Clone + Send + Sync + 'static> Spaced<T> {
    fn new() -> Self {
        Spaced(clap::builder::EnumValueParser::new())
    }
}

impl<T: ValueEnum + Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Spaced<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        let trimmed = value.to_str().map(str::trim).map(std::ffi::OsStr::new).unwrap_or(value);
        self.0.parse_ref(cmd, arg, trimmed)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        self.0.possible_values()
    }
}
