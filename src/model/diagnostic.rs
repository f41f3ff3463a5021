//! Diagnostics: what `check` reports, with file, line, column and a fix.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use serde::Serialize;

use super::messages::{Message, Subject};
use super::{Lang, LineIndex};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input is invalid; nothing is written.
    Error,
    /// Advice from the seeds; output is written unless `--deny-warnings`.
    Warning,
}

/// One finding about an input file.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case code, e.g. `unknown-key`.
    pub code: &'static str,
    /// What is wrong, in one sentence (English, from [`Diagnostic::kind`]).
    pub message: String,
    /// The key path, e.g. `measures[2].field`; empty for the whole file.
    pub path: String,
    /// 1-based line, 0 if the finding has no place in the file.
    pub line: usize,
    /// 1-based column (in characters), 0 if none.
    pub column: usize,
    /// How to fix it (allowed values, "did you mean"; English, from [`Diagnostic::kind`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// For warnings: the seed advice the rule comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    /// Byte range in the source, for rendering.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// For warnings: the key paths the finding is about. A warning is dropped
    /// when an error was already reported at or below one of them (a value the
    /// structural check rejected and pruned is not also "missing").
    #[serde(skip)]
    pub keys: Vec<String>,
    /// The finding with its parameters: `code`, `message` and `help` are
    /// rendered from it, in English; [`Diagnostic::text`] renders it in German.
    #[serde(skip)]
    pub kind: Message,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(path: impl Into<String>, span: Option<Range<usize>>, kind: Message) -> Self {
        let path = path.into();
        let (message, help) = kind.render(Lang::En, Subject::Path(&path));
        Diagnostic {
            severity: Severity::Error,
            code: kind.code(),
            message,
            path,
            line: 0,
            column: 0,
            help,
            advice: None,
            span,
            keys: Vec::new(),
            kind,
        }
    }

    /// A warning at `span`, with the seed advice it comes from.
    pub fn warning(path: impl Into<String>, span: Option<Range<usize>>, kind: Message, advice: &str) -> Self {
        Diagnostic { severity: Severity::Warning, advice: Some(advice.to_string()), ..Self::error(path, span, kind) }
    }

    /// Moves the diagnostic to another key path (the file's indices for the
    /// model's), with the message rendered anew.
    pub fn set_path(&mut self, path: String) {
        let (message, help) = self.kind.render(Lang::En, Subject::Path(&path));
        (self.path, self.message, self.help) = (path, message, help);
    }

    /// The message and help in `lang` for someone who answers questions
    /// rather than reads the file (the interview): the key is named by
    /// `label`, the question that asks for it, never by its key path.
    pub fn text(&self, lang: Lang, label: &str) -> (String, Option<String>) {
        self.kind.render(lang, Subject::Label(label))
    }

    /// Names the key paths a warning is about (see [`Diagnostic::keys`]).
    pub fn about<S: Into<String>>(mut self, keys: impl IntoIterator<Item = S>) -> Self {
        self.keys = keys.into_iter().map(Into::into).collect();
        self
    }

    /// Fills `line` and `column` from the span.
    pub fn locate(&mut self, source: &str, lines: &LineIndex) {
        if let Some(span) = &self.span {
            let (line, column) = lines.line_col(source, span.start);
            self.line = line;
            self.column = column;
        }
    }

    /// Renders the diagnostic like rustc does: title, `--> file:line:col`, the
    /// source line with a marker, then help and advice.
    /// Only the lines the span touches are handed to the renderer, so that
    /// rendering takes the same time at the start and the end of a big file.
    pub fn render(&self, file: &str, source: &str, lines: &LineIndex, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str()).id(self.code);
        let mut footers = Vec::new();
        if let Some(help) = &self.help {
            footers.push(Level::HELP.message(help.as_str()));
        }
        if let Some(advice) = &self.advice {
            footers.push(Level::NOTE.message(advice.as_str()));
        }
        let group = match self.span.clone().filter(|s| s.end <= source.len()) {
            Some(span) => {
                let label = if self.path.is_empty() { String::new() } else { format!("at `{}`", self.path) };
                let (excerpt, first_line) = lines.lines_of(&span);
                let local = span.start - excerpt.start..span.end - excerpt.start;
                let snippet = Snippet::source(&source[excerpt])
                    .line_start(first_line)
                    .path(file)
                    .annotation(AnnotationKind::Primary.span(local).label(label));
                title.element(snippet).elements(footers)
            }
            None => title.element(annotate_snippets::Origin::path(file)).elements(footers),
        };
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        renderer.render(&[group])
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a
/// plausible typo (Jaro-Winkler similarity, as cargo and clap use).
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(did_you_mean("titel", ["title", "field", "goals"]), Some("title"));
        assert_eq!(did_you_mean("xyz", ["title", "field"]), None);
        assert_eq!(did_you_mean("Bugdet_eur", ["budget_eur", "benefit"]), Some("budget_eur"));
    }
}
