//! Markdown (CommonMark with GFM tables, pandoc-ready) from the handlebars
//! templates under `templates/markdown/`.
//!
//! User text is plain text here: every string a template prints is escaped
//! so that it cannot open a heading, list, table cell, link, HTML element or
//! pandoc extension. The escaping is the handlebars escape function plus a
//! few helpers for the contexts that need more (table cells, YAML, text
//! with paragraphs, Mermaid).

use anyhow::Result;

use super::templating::{PageTemplate, Registry, register_markdown, registry};
use super::{Input, Renderer, Settings};
use crate::templates::TemplateSet;

/// Characters escaped with a backslash wherever they appear. All are ASCII
/// punctuation, for which a backslash escape is valid CommonMark and pandoc.
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '#', '~', '^', '$', '@', '{', '}'];

/// Characters escaped at the start of a line (list, heading, definition markers).
const AT_START: &[char] = &['-', '+', '=', ':', '%'];

/// Whether each ASCII character is in [`ALWAYS`], by its code.
const ALWAYS_BY_CODE: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < ALWAYS.len() {
        table[ALWAYS[i] as usize] = true;
        i += 1;
    }
    table
};

/// Escapes one line of user text for a Markdown paragraph.
fn escape_line(line: &str, out: &mut String) {
    let line = line.trim();
    let delimiter = ordered_list_delimiter(line);
    let bytes = line.as_bytes();
    // pandoc's `smart` extension turns `--` and `---` into dashes (and `\---`
    // into "-–"): every hyphen of a run is escaped, so each stays a hyphen
    let in_run = |i: usize| bytes.get(i + 1) == Some(&b'-') || (i > 0 && bytes[i - 1] == b'-');
    out.reserve(line.len());
    // Only ASCII characters are escaped or replaced: the bytes between them
    // are copied in one piece, and a byte below 128 always starts a character.
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii() {
            continue;
        }
        let c = char::from(b);
        let needs = ALWAYS_BY_CODE[usize::from(b)]
            || (i == 0 && (AT_START.contains(&c) || c == '('))
            || Some(i) == delimiter
            || (c == '-' && in_run(i));
        // a number and its unit stay on one line
        let glued = c == ' ' && super::glued_space(line, i);
        if needs || glued {
            out.push_str(&line[plain..i]);
            if needs {
                out.push('\\');
                out.push(c);
            } else {
                out.push('\u{a0}');
            }
            plain = i + 1;
        }
    }
    out.push_str(&line[plain..]);
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
    if s.contains('\n') {
        let joined = s.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
        escape_line(&joined, &mut out);
    } else {
        escape_line(s, &mut out);
    }
    out
}

/// Escapes a table cell: like [`escape_inline`], but line breaks become
/// ` <br>`. A pipe table cannot hold a Markdown line break; GitHub and HTML
/// show `<br>` as one, and pandoc, which drops raw HTML when it writes DOCX,
/// keeps the space, so the lines never run together.
pub fn escape_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.split('\n').map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if i > 0 {
            out.push_str(" <br>");
        }
        escape_line(line, &mut out);
    }
    out
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

/// Renders documents to Markdown.
pub struct Markdown {
    pub(super) reg: Registry,
    pub(super) page: PageTemplate,
}

impl Renderer for Markdown {
    /// Compiles the Markdown templates of `templates`.
    fn new(templates: &TemplateSet, _: &Settings) -> Result<Self> {
        let mut reg = registry(templates, "markdown/", escape_inline)?;
        register_markdown(&mut reg.hb);
        let page = PageTemplate::register(
            &mut reg,
            templates,
            "document",
            "markdown/document.md.hbs",
            "markdown/block.md.hbs",
        )?;
        Ok(Markdown { reg, page })
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        Ok(tidy(&self.page.render(&self.reg, input.prepared())?).into_bytes())
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
