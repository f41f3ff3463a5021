//! The input model: its types, how a file is read and checked, and what
//! `check` reports.

pub mod coverage;
pub mod diagnostic;
pub mod load;
pub mod messages;
pub mod schema;
mod types;
pub mod validate;
pub mod write;

use std::path::Path;

pub use diagnostic::{Diagnostic, Severity};
pub use types::*;
pub use validate::CheckOptions;

/// Drops warnings about keys that already have an error: when the structural
/// check rejected `priority = "hoch"`, the measure has no priority in the
/// model, but "has no `priority`" would only repeat the error.
fn suppress_follow_ups(diagnostics: &mut Vec<Diagnostic>) {
    let error_paths: Vec<String> =
        diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| d.path.clone()).collect();
    diagnostics.retain(|d| {
        d.severity == Severity::Error || !d.keys.iter().any(|k| error_paths.iter().any(|p| Diagnostic::covers(k, p)))
    });
}

/// An input file after `check`: its source, the model (when it could be
/// read) and every diagnostic, sorted by position.
#[derive(Debug)]
pub struct Checked {
    /// The name diagnostics use: the path as given, or `<stdin>`.
    pub name: String,
    /// The file's text.
    pub source: String,
    /// The model, `None` when the file could not be read into it.
    pub strategy: Option<Strategy>,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Reads and checks `source`.
    pub fn from_source(name: impl Into<String>, source: String, options: CheckOptions) -> Checked {
        let text = source.strip_prefix('\u{feff}').unwrap_or(&source);
        let (strategy, mut diagnostics, paths) = load::parse(text);
        if let Some(s) = &strategy {
            for mut d in validate::validate(s, options) {
                // the model may lack elements the structural check left out
                let path = paths.to_file(&d.path);
                if path != d.path {
                    d.set_path(path);
                }
                d.keys = d.keys.iter().map(|k| paths.to_file(k)).collect();
                diagnostics.push(d);
            }
        }
        suppress_follow_ups(&mut diagnostics);
        for d in &mut diagnostics {
            d.locate(text);
        }
        diagnostics.sort_by_key(|d| (d.severity, d.line == 0, d.line, d.column));
        let source = text.to_string();
        Checked { name: name.into(), source, strategy, diagnostics }
    }

    /// Reads and checks the file at `path` (`-` is stdin).
    pub fn from_path(path: &Path, options: CheckOptions) -> anyhow::Result<Checked> {
        use anyhow::Context as _;
        let (name, source) = if path.as_os_str() == "-" {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).context("cannot read standard input")?;
            ("<stdin>".to_string(), s)
        } else {
            let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            let s = String::from_utf8(bytes).map_err(|e| {
                anyhow::anyhow!(
                    "{} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
                    path.display(),
                    e.utf8_error().valid_up_to()
                )
            })?;
            (path.display().to_string(), s)
        };
        Ok(Checked::from_source(name, source, options))
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
        self.diagnostics.iter().map(|d| d.render(&self.name, &self.source, color) + "\n").collect()
    }
}
