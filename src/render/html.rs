//! A self-contained HTML page from the templates under `templates/html/`.
//!
//! Every string is HTML-escaped by handlebars; the `lines` helper escapes and
//! keeps line breaks. The page loads nothing: the CSS is inline and a
//! Content-Security-Policy forbids every other source.

use anyhow::Result;
use serde_json::Value;

use super::blocks::{PageTemplate, Prepared};
use super::markdown::{Registry, register_string_helper, registry};
use crate::context::Document;
use crate::templates::TemplateSet;

/// HTML-escapes `s` (`&`, `<`, `>`, `"`, `'`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders documents to HTML.
pub struct HtmlRenderer {
    pub(super) reg: Registry,
    pub(super) page: PageTemplate,
}

impl HtmlRenderer {
    /// Compiles the HTML templates of `templates`.
    pub fn new(templates: &TemplateSet) -> Result<Self> {
        let mut reg = registry(templates, "html/", escape)?;
        let hb = &mut reg.hb;
        register_string_helper(hb, "lines", |v| match v {
            Value::Array(lines) => {
                lines.iter().map(|l| escape(l.as_str().unwrap_or_default())).collect::<Vec<_>>().join("<br>\n")
            }
            Value::String(s) => s.split('\n').map(escape).collect::<Vec<_>>().join("<br>\n"),
            _ => String::new(),
        });
        // the page title is <h1>, so document levels 1..4 become <h2>..<h5>
        register_string_helper(hb, "html_level", |v| (v.as_u64().unwrap_or(1).clamp(1, 4) + 1).to_string());
        let page = PageTemplate::register(&mut reg, templates, "page", "html/page.html.hbs", "html/block.html.hbs")?;
        Ok(HtmlRenderer { reg, page })
    }

    /// Renders `doc`.
    pub fn render(&self, doc: &Document) -> Result<String> {
        self.render_prepared(&Prepared::new(doc))
    }

    /// Renders a prepared document.
    pub fn render_prepared(&self, doc: &Prepared<'_>) -> Result<String> {
        self.page.render(&self.reg, doc)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(super::escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
    }
}
