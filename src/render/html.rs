//! A self-contained HTML page from the templates under `templates/html/`.
//!
//! Every string is HTML-escaped by handlebars; the `lines` helper escapes and
//! keeps line breaks. The page loads nothing: the CSS is inline and a
//! Content-Security-Policy forbids every other source.

use anyhow::Result;

use super::templating::{PageTemplate, Registry, register_html, registry};
use super::{Input, Renderer, Settings};
use crate::templates::TemplateSet;

/// HTML-escapes `s` (`&`, `<`, `>`, `"`, `'`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // only ASCII characters are replaced: the bytes between them are copied in one piece
    let mut plain = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let replacement = match b {
            // a number and its unit stay on one line
            b' ' if super::glued_space(s, i) => "\u{a0}",
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        out.push_str(replacement);
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
    out
}

/// Renders documents to HTML.
pub struct Html {
    pub(super) reg: Registry,
    pub(super) page: PageTemplate,
}

impl Renderer for Html {
    /// Compiles the HTML templates of `templates`.
    fn new(templates: &TemplateSet, _: &Settings) -> Result<Self> {
        let mut reg = registry(templates, "html/", escape)?;
        register_html(&mut reg.hb);
        let page = PageTemplate::register(&mut reg, templates, "page", "html/page.html.hbs", "html/block.html.hbs")?;
        Ok(Html { reg, page })
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        Ok(self.page.render(&self.reg, input.prepared())?.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(super::escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
    }
}
