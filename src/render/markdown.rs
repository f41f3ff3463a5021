//! Markdown (CommonMark with GFM tables, pandoc-ready) from the handlebars
//! templates under `templates/markdown/`.
//!
//! User text is plain text here: every string a template prints is escaped
//! so that it cannot open a heading, list, table cell, link, HTML element or
//! pandoc extension. The escaping is the handlebars escape function plus a
//! few helpers for the contexts that need more (table cells, YAML, text
//! with paragraphs, Mermaid).

use std::collections::HashMap;

use anyhow::{Result, anyhow};
use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError, RenderErrorReason};
use serde_json::Value;

use super::blocks::{PageTemplate, Prepared};
use crate::context::Document;
use crate::templates::TemplateSet;

/// Characters escaped with a backslash wherever they appear. All are ASCII
/// punctuation, for which a backslash escape is valid CommonMark and pandoc.
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '#', '~', '^', '$', '@', '{', '}'];

/// Characters escaped at the start of a line (list, heading, definition markers).
const AT_START: &[char] = &['-', '+', '=', ':', '%'];

/// Escapes one line of user text for a Markdown paragraph.
fn escape_line(line: &str, out: &mut String) {
    let line = line.trim();
    let delimiter = ordered_list_delimiter(line);
    let bytes = line.as_bytes();
    // pandoc's `smart` extension turns `--` and `---` into dashes (and `\---`
    // into "-–"): every hyphen of a run is escaped, so each stays a hyphen
    let in_run = |i: usize| bytes.get(i + 1) == Some(&b'-') || (i > 0 && bytes[i - 1] == b'-');
    for (i, c) in line.char_indices() {
        let needs = ALWAYS.contains(&c)
            || (i == 0 && (AT_START.contains(&c) || c == '('))
            || Some(i) == delimiter
            || (c == '-' && in_run(i));
        if needs {
            out.push('\\');
        }
        out.push(c);
    }
}

/// The byte index of `.` or `)` in a line that starts like an ordered list
/// item (`1.`, `a)`, `iv.`, `(2)`), which pandoc's fancy lists would read.
fn ordered_list_delimiter(line: &str) -> Option<usize> {
    let offset = usize::from(line.starts_with('('));
    let rest = &line[offset..];
    let run = rest.chars().take_while(char::is_ascii_alphanumeric).count();
    let after = rest[run..].chars().next()?;
    let following = rest[run + after.len_utf8()..].chars().next();
    ((1..=9).contains(&run) && matches!(after, '.' | ')') && following.is_none_or(char::is_whitespace))
        .then_some(offset + run)
}

/// Escapes a single-line string (headings, list items, facts): line breaks
/// become spaces.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let joined = s.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    escape_line(&joined, &mut out);
    out
}

/// Escapes a table cell: like [`escape_inline`], but line breaks become
/// ` <br>`. A pipe table cannot hold a Markdown line break; GitHub and HTML
/// show `<br>` as one, and pandoc, which drops raw HTML when it writes DOCX,
/// keeps the space, so the lines never run together.
pub fn escape_cell(s: &str) -> String {
    s.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut out = String::new();
            escape_line(l, &mut out);
            out
        })
        .collect::<Vec<_>>()
        .join(" <br>")
}

/// Free text: paragraphs separated by blank lines, lines within a paragraph
/// kept with hard breaks (a backslash at the end of the line).
pub fn escape_text(paragraphs: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (p, lines) in paragraphs.iter().enumerate() {
        if p > 0 {
            out.push_str("\n\n");
        }
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                out.push_str("\\\n");
            }
            escape_line(line, &mut out);
        }
    }
    out
}

/// A YAML double-quoted scalar whose content pandoc reads as Markdown.
pub fn yaml_string(s: &str) -> String {
    let md = escape_inline(s);
    format!("\"{}\"", md.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Text safe inside a Mermaid Gantt line.
pub fn gantt_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ':' | ';' | '#' | '`' | '"' | '\n' | '\t' => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first parameter of a helper; in strict mode a misspelled variable is
/// an error naming it, as it is for a plain `{{variable}}`.
fn param_str<'a>(
    h: &'a Helper<'_>,
    hb: &Handlebars<'_>,
    name: &'static str,
) -> std::result::Result<&'a Value, RenderErrorReason> {
    let param = h.param(0).ok_or(RenderErrorReason::ParamNotFoundForIndex(name, 0))?;
    if hb.strict_mode() && param.is_value_missing() {
        return Err(RenderErrorReason::MissingVariable(param.relative_path().cloned()));
    }
    Ok(param.value())
}

fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Registers a helper that maps its first parameter through `f` and writes the result as is.
pub(crate) fn register_string_helper(hb: &mut Handlebars<'_>, name: &'static str, f: fn(&Value) -> String) {
    hb.register_helper(
        name,
        Box::new(
            move |h: &Helper<'_>,
                  hb: &Handlebars<'_>,
                  _: &Context,
                  _: &mut RenderContext<'_, '_>,
                  out: &mut dyn Output|
                  -> HelperResult {
                let v = param_str(h, hb, name)?;
                out.write(&f(v))?;
                Ok(())
            },
        ),
    );
}

/// Strict handlebars templates that remember which file each came from, so
/// an error names `markdown/block.md.hbs`, not the registry's `block`.
pub struct Registry {
    /// The compiled templates and helpers.
    pub hb: Handlebars<'static>,
    /// Template name → file path in the template set.
    paths: HashMap<String, String>,
}

impl Registry {
    /// Renders template `name`, turning an error into one sentence with the
    /// file, line and column.
    pub fn render<T: serde::Serialize>(&self, name: &str, data: &T) -> Result<String> {
        self.hb.render(name, data).map_err(|e| self.describe(&e, name))
    }

    /// One sentence for a render error: the template's file, line and column, and what is wrong.
    pub fn describe(&self, e: &RenderError, name: &str) -> anyhow::Error {
        let template = e.template_name.as_deref().unwrap_or(name);
        let path = self.paths.get(template).map_or(template, String::as_str);
        let place = match (e.line_no, e.column_no) {
            (Some(line), Some(column)) => format!("template {path}, line {line}, column {column}"),
            _ => format!("template {path}"),
        };
        let what = match e.reason() {
            RenderErrorReason::MissingVariable(Some(variable)) => format!(
                "there is no variable `{variable}` here (templates are strict; `strategiekit templates context FILE` prints what they see)"
            ),
            RenderErrorReason::MissingVariable(None) => {
                "a variable used here does not exist (templates are strict)".to_string()
            }
            other => other.to_string(),
        };
        anyhow!("{place}: {what}")
    }

    /// Registers `text` as template `name`, read from `path` (named in errors).
    pub fn add(&mut self, name: &str, text: &str, path: &str) -> Result<()> {
        self.hb.register_template_string(name, text).map_err(|e| {
            let place = match e.pos() {
                Some((line, column)) => format!("template {path}, line {line}, column {column}"),
                None => format!("template {path}"),
            };
            anyhow!("{place}: {}", e.reason())
        })?;
        self.paths.insert(name.to_string(), path.to_string());
        Ok(())
    }
}

/// Builds a strict handlebars registry from the files under `prefix`, with
/// `escape` as the escape function; file `prefix/x.ext.hbs` becomes template `x`.
pub fn registry(templates: &TemplateSet, prefix: &str, escape: fn(&str) -> String) -> Result<Registry> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(escape);
    let mut reg = Registry { hb, paths: HashMap::new() };
    for (path, text) in templates.files_under(prefix) {
        let name = path.trim_start_matches(prefix).split('.').next().unwrap_or_default().to_string();
        reg.add(&name, text, path)?;
    }
    Ok(reg)
}

/// Renders documents to Markdown.
pub struct MarkdownRenderer {
    pub(super) reg: Registry,
    pub(super) page: PageTemplate,
}

impl MarkdownRenderer {
    /// Compiles the Markdown templates of `templates`.
    pub fn new(templates: &TemplateSet) -> Result<Self> {
        let mut reg = registry(templates, "markdown/", escape_inline)?;
        let hb = &mut reg.hb;
        register_string_helper(hb, "cell", |v| escape_cell(&as_text(v)));
        register_string_helper(hb, "yaml", |v| yaml_string(&as_text(v)));
        register_string_helper(hb, "gantt", |v| gantt_text(&as_text(v)));
        register_string_helper(hb, "hashes", |v| "#".repeat(v.as_u64().unwrap_or(1).clamp(1, 6) as usize));
        register_string_helper(hb, "indent", |v| "    ".repeat(v.as_u64().unwrap_or(0).min(8) as usize));
        register_string_helper(hb, "align", |v| if v.as_bool() == Some(true) { "---:".into() } else { "---".into() });
        register_string_helper(hb, "md_text", |v| {
            let paragraphs: Vec<Vec<String>> = serde_json::from_value(v.clone()).unwrap_or_default();
            escape_text(&paragraphs)
        });
        let page = PageTemplate::register(
            &mut reg,
            templates,
            "document",
            "markdown/document.md.hbs",
            "markdown/block.md.hbs",
        )?;
        Ok(MarkdownRenderer { reg, page })
    }

    /// Renders `doc`.
    pub fn render(&self, doc: &Document) -> Result<String> {
        self.render_prepared(&Prepared::new(doc))
    }

    /// Renders a prepared document.
    pub fn render_prepared(&self, doc: &Prepared<'_>) -> Result<String> {
        Ok(tidy(&self.page.render(&self.reg, doc)?))
    }
}

/// Collapses runs of blank lines the templates leave and ends with one newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut in_fence = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_fence = !in_fence;
        }
        if line.trim().is_empty() && !in_fence {
            blank += 1;
            if blank > 1 {
                continue;
            }
            out.push('\n');
            continue;
        }
        blank = 0;
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let trimmed = out.trim_matches('\n');
    format!("{trimmed}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_markup_and_leading_markers() {
        assert_eq!(escape_inline("# Titel"), "\\# Titel");
        assert_eq!(escape_inline("- item"), "\\- item");
        assert_eq!(escape_inline("1. first"), "1\\. first");
        assert_eq!(escape_inline("(a) first"), "\\(a\\) first");
        assert_eq!(escape_inline("Dr. Müller"), "Dr\\. Müller");
        assert_eq!(escape_inline("2026 and 1.5"), "2026 and 1.5");
        assert_eq!(escape_inline("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(escape_inline("a | b & c"), "a \\| b \\& c");
        assert_eq!(escape_inline("line\nbreak"), "line break");
        assert_eq!(escape_inline("    code"), "code");
        assert_eq!(escape_inline("Persönlich"), "Persönlich");
        assert_eq!(escape_inline("1ä. x"), "1ä. x");
    }

    #[test]
    fn cells_keep_line_breaks_as_br() {
        assert_eq!(escape_cell("a|b\nc"), "a\\|b <br>c");
    }

    #[test]
    fn runs_of_hyphens_stay_hyphens() {
        assert_eq!(escape_inline("---"), "\\-\\-\\-");
        assert_eq!(escape_inline("A -- B"), "A \\-\\- B");
        assert_eq!(escape_inline("Open-Data-Portal"), "Open-Data-Portal");
        assert_eq!(escape_inline("- item"), "\\- item");
        assert_eq!(escape_inline("a - b"), "a - b");
    }

    #[test]
    fn text_keeps_paragraphs_and_lines() {
        let p = vec![vec!["- a".to_string(), "- b".to_string()], vec!["> quote".to_string()]];
        assert_eq!(escape_text(&p), "\\- a\\\n\\- b\n\n\\> quote");
    }

    #[test]
    fn yaml_is_quoted_and_escaped() {
        assert_eq!(yaml_string("Say \"hi\" *now*"), "\"Say \\\"hi\\\" \\\\*now\\\\*\"");
    }

    #[test]
    fn gantt_text_has_no_syntax() {
        assert_eq!(gantt_text("A: b; #c"), "A b c");
    }
}
