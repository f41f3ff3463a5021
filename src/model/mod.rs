//! The input model: its types, how a file is read and checked, and what
//! `check` reports.

pub mod coverage;
mod date;
pub mod diagnostic;
pub mod images;
mod known_ids;
mod line_index;
pub mod load;
pub mod messages;
mod monitoring;
pub mod schema;
mod shape;
pub mod source_map;
pub mod syntax;
mod types;
pub mod validate;
pub mod write;

use std::collections::HashSet;
use std::path::Path;

pub use date::Date;
pub use diagnostic::{Diagnostic, Severity};
pub use line_index::LineIndex;
pub use monitoring::{IndicatorValue, Progress};
pub use types::*;
pub use validate::CheckOptions;

/// Drops warnings about keys that already have an error: when the structural
/// check rejected `priority = "hoch"`, the measure has no priority in the
/// model, but "has no `priority`" would only repeat the error.
fn suppress_follow_ups(diagnostics: &mut Vec<Diagnostic>) {
    let errors = || diagnostics.iter().filter(|d| d.severity == Severity::Error);
    // every error path with each of its ancestors: a key is covered by an
    // error when it is one of them (one set, so the check stays linear)
    let covered: HashSet<&str> = errors().flat_map(|d| ancestors(&d.path)).collect();
    // an entry whose id is wrong gets no advice until the id is mended
    // (a warning about goal "" would only repeat the error)
    let bad_entries: HashSet<&str> = errors().filter_map(|d| d.path.strip_suffix(".id")).collect();
    let keep: Vec<bool> = diagnostics
        .iter()
        .map(|d| {
            d.severity == Severity::Error
                || !(ancestors(&d.path).any(|a| bad_entries.contains(a))
                    || d.keys.iter().any(|k| covered.contains(k.as_str())))
        })
        .collect();
    let mut keep = keep.into_iter();
    diagnostics.retain(|_| keep.next().unwrap_or(true));
}

/// `path` and the paths above it: `measures[2].goals` gives `measures`,
/// `measures[2]` and `measures[2].goals`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices(['.', '[']).map(|(i, _)| &path[..i]).chain(std::iter::once(path))
}

/// Reads at most `limit` bytes of `reader`; more is an error naming `name`
/// and the way to raise the limit (so `build - < /dev/zero` stops at once).
fn read_limited(reader: impl std::io::Read, limit: u64, name: &str) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(reader, limit.saturating_add(1)), &mut bytes)
        .map_err(|e| anyhow::anyhow!("cannot read {name}: {e}"))?;
    if bytes.len() as u64 > limit {
        let mib = limit.div_ceil(1024 * 1024);
        anyhow::bail!(
            "{name} is larger than {mib} MiB, the most an input may have; a strategy is far smaller, so check that this is the right file, or raise the limit with --max-input-mib"
        );
    }
    Ok(bytes)
}

/// An input file after `check`: its source, the model (when it could be
/// read) and every diagnostic, sorted by position.
#[derive(Debug)]
pub struct Checked {
    /// The name diagnostics use: the path as given, or `<stdin>`.
    pub name: String,
    /// The file's text.
    pub source: String,
    /// Where the text's lines start, for locating and showing diagnostics.
    pub lines: LineIndex,
    /// The model, `None` when the file could not be read into it.
    pub strategy: Option<Strategy>,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Reads and checks `source`; its images are not read (see [`Checked::from_path`]).
    pub fn from_source(name: impl Into<String>, source: String, options: CheckOptions) -> Checked {
        Checked::from_source_in(name, source, options, None)
    }

    /// Reads and checks `source`, and reads its images from the folder `base`, if given.
    pub fn from_source_in(
        name: impl Into<String>,
        source: String,
        options: CheckOptions,
        base: Option<&Path>,
    ) -> Checked {
        let text = source.strip_prefix('\u{feff}').unwrap_or(&source);
        let (mut strategy, mut diagnostics, sources) = load::parse(text);
        if let Some(s) = &mut strategy {
            let mut found = validate::validate(s, &sources, options);
            if let Some(base) = base {
                found.extend(images::read(s, base, &sources));
            }
            for mut d in found {
                // the model may lack elements the structural check left out
                let path = sources.to_file(&d.path);
                if path != d.path {
                    d.set_path(path);
                }
                d.keys = d.keys.iter().map(|k| sources.to_file(k)).collect();
                diagnostics.push(d);
            }
        }
        suppress_follow_ups(&mut diagnostics);
        let lines = LineIndex::new(text);
        for d in &mut diagnostics {
            d.locate(text, &lines);
        }
        diagnostics.sort_by_key(|d| (d.severity, d.line == 0, d.line, d.column));
        let source = text.to_string();
        Checked { name: name.into(), source, lines, strategy, diagnostics }
    }

    /// Reads and checks the file at `path` (`-` is stdin) and reads its
    /// images, relative to the file's folder (stdin: the current folder).
    pub fn from_path(path: &Path, options: CheckOptions) -> anyhow::Result<Checked> {
        use anyhow::Context as _;
        let limit = options.max_input();
        let base = match path.parent() {
            Some(dir) if path.as_os_str() != "-" => dir.to_path_buf(),
            _ => std::path::PathBuf::new(),
        };
        let (name, bytes) = if path.as_os_str() == "-" {
            let bytes = read_limited(std::io::stdin(), limit, "standard input")?;
            ("<stdin>".to_string(), bytes)
        } else {
            if let Some(checked) = Checked::not_toml(path) {
                return Ok(checked);
            }
            let name = path.display().to_string();
            let file = std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?;
            let bytes = read_limited(file, limit, &name)?;
            (name, bytes)
        };
        Ok(match String::from_utf8(bytes) {
            Ok(source) => Checked::from_source_in(name, source, options, Some(&base)),
            Err(e) => Checked::not_utf8(name, e),
        })
    }

    /// A file whose name says it is a document, not a TOML input (`ulm.md`,
    /// `ulm.docx`): one error, instead of a syntax error for every line.
    fn not_toml(path: &Path) -> Option<Checked> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        let kind = match extension.as_str() {
            "md" | "markdown" => "Markdown",
            "docx" | "doc" => "DOCX",
            "odt" => "ODT",
            "html" | "htm" => "HTML",
            "json" => "JSON",
            "pdf" => "PDF",
            "xlsx" => "XLSX",
            "ods" => "ODS",
            "csv" => "CSV",
            _ => return None,
        };
        let name = path.display().to_string();
        let kind = messages::Message::NotToml { file: name.clone(), kind: kind.to_string() };
        let diagnostic = Diagnostic::error("", None, kind);
        Some(Checked {
            name,
            source: String::new(),
            lines: LineIndex::new(""),
            strategy: None,
            diagnostics: vec![diagnostic],
        })
    }

    /// A file that is not UTF-8: one error at the first byte that cannot be
    /// read, shown in a copy of the text with that byte replaced.
    fn not_utf8(name: String, e: std::string::FromUtf8Error) -> Checked {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let byte = bytes.get(at).copied().unwrap_or_default();
        let source = String::from_utf8_lossy(&bytes).into_owned();
        // the replacement character U+FFFD takes 3 bytes
        let span = at..(at + 3).min(source.len());
        let mut d = Diagnostic::error("", Some(span), messages::Message::NotUtf8 { file: name.clone(), byte });
        let lines = LineIndex::new(&source);
        d.locate(&source, &lines);
        Checked { name, source, lines, strategy: None, diagnostics: vec![d] }
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// The model, if the file has no errors.
    pub fn valid(&self) -> Option<&Strategy> {
        self.strategy.as_ref().filter(|_| self.errors() == 0)
    }

    /// All diagnostics rendered for a terminal.
    pub fn render(&self, color: bool) -> String {
        self.diagnostics.iter().map(|d| d.render(&self.name, &self.source, &self.lines, color) + "\n").collect()
    }

    /// The errors only, as [`Checked::render`] shows them.
    pub fn render_errors(&self, color: bool) -> String {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.render(&self.name, &self.source, &self.lines, color) + "\n")
            .collect()
    }
}
