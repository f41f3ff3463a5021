//! Text in ODF: escaping, kept spaces, tabs and line breaks.

use std::fmt::Write as _;

use crate::render::docx::xml::{breakable, esc};

/// Appends `text` as ODF paragraph content: line breaks become
/// `<text:line-break/>`, tabs `<text:tab/>`, and runs of spaces (which ODF
/// would collapse) `<text:s text:c="n"/>`; long words get break
/// opportunities as in the DOCX.
pub(crate) fn push(out: &mut String, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<text:line-break/>");
        }
        let line = crate::render::glue_units(line);
        let line = crate::render::no_break_hyphens(&line);
        let line = breakable(&line);
        let escaped = esc(&line);
        if !escaped.contains(['\t', ' ']) {
            out.push_str(&escaped);
            continue;
        }
        let mut spaces = 0usize;
        let mut at_start = true;
        for c in escaped.chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            flush_spaces(out, spaces, at_start);
            spaces = 0;
            at_start = false;
            if c == '\t' {
                out.push_str("<text:tab/>");
            } else {
                out.push(c);
            }
        }
        flush_spaces(out, spaces, at_start);
    }
}

/// Writes `n` spaces: the first as a space (unless it starts the line,
/// where ODF drops it), the others as `<text:s/>`.
fn flush_spaces(out: &mut String, n: usize, at_start: bool) {
    let (plain, kept) = match (n, at_start) {
        (0, _) => return,
        (n, true) => (0, n),
        (n, false) => (1, n - 1),
    };
    if plain == 1 {
        out.push(' ');
    }
    match kept {
        0 => {}
        1 => out.push_str("<text:s/>"),
        n => {
            let _ = write!(out, r#"<text:s text:c="{n}"/>"#);
        }
    }
}

/// `text` in a span of the text style `Strong Emphasis` (bold).
pub(super) fn push_bold(out: &mut String, text: &str) {
    out.push_str(r#"<text:span text:style-name="Strong_20_Emphasis">"#);
    push(out, text);
    out.push_str("</text:span>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odf(text: &str) -> String {
        let mut out = String::new();
        push(&mut out, text);
        out
    }

    #[test]
    fn spaces_tabs_and_breaks_are_kept() {
        assert_eq!(odf("a b"), "a b");
        assert_eq!(odf("a   b"), r#"a <text:s text:c="2"/>b"#);
        assert_eq!(odf("  a\tb "), r#"<text:s text:c="2"/>a<text:tab/>b "#);
        assert_eq!(odf("a  b"), "a <text:s/>b");
        assert_eq!(odf("x\ny<&>"), "x<text:line-break/>y&lt;&amp;&gt;");
        assert_eq!(odf("bell\u{7}"), "bell");
    }
}
