//! Renderers: one per output format, all over the same [`crate::context::Document`].

mod blocks;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;

use anyhow::Result;
use rayon::prelude::*;

use crate::catalogue::Profile;
use crate::cli::Format;
use crate::context;
use crate::model::Strategy;
use crate::templates::TemplateSet;

/// The renderers of one build, compiled once and shared by all input files.
pub struct Renderers {
    templates: TemplateSet,
    markdown: markdown::MarkdownRenderer,
    html: html::HtmlRenderer,
}

impl Renderers {
    /// Compiles the templates of `templates`.
    pub fn new(templates: TemplateSet) -> Result<Self> {
        let markdown = markdown::MarkdownRenderer::new(&templates)?;
        let html = html::HtmlRenderer::new(&templates)?;
        Ok(Renderers { templates, markdown, html })
    }

    /// Renders `s` in `profile` into each of `formats`: the context is built once, and
    /// the formats are rendered in parallel (in the order of `formats`).
    pub fn render(&self, s: &Strategy, profile: Profile, formats: &[Format]) -> Result<Vec<(Format, Vec<u8>)>> {
        let labels = self.templates.labels().get(s.document.language);
        let doc = context::build(s, profile, labels);
        // the JSON the templates read is made once, for Markdown and HTML alike
        let prepared = blocks::Prepared::new(&doc);
        formats
            .par_iter()
            .map(|format| {
                let bytes = match format {
                    Format::Md => self.markdown.render_prepared(&prepared)?.into_bytes(),
                    Format::Json => json::render(s)?,
                    Format::Docx => docx::render(&doc)?,
                    Format::Html => self.html.render_prepared(&prepared)?.into_bytes(),
                };
                Ok((*format, bytes))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{CheckOptions, Checked};

    /// Markup, control characters, empty and multi-line values, in every kind of block.
    const HOSTILE: &str = r##"
[municipality]
name = "<b>Nord|stadt</b> *x* {{y}} \\"
[document]
title = "# T\n- l"
language = "LANG"
[text]
foreword = """
- list
1. one

> quote
<div>html</div>\u0007"""
[[goals]]
id = "Z1"
title = "| a | b |"
[[fields]]
id = "f"
title = "{{#each x}}"
goals = ["Z1"]
[[measures]]
id = "M1"
title = "``code``"
field = "f"
goals = ["Z1"]
needs = "a\nb"
benefit = ""
start = 2026
end = 2041
budget_eur = 1
"##;

    fn strategies() -> Vec<(String, Checked)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut out: Vec<(String, Checked)> = std::fs::read_dir(&dir)
            .expect("examples")
            .map(|e| {
                let path = e.expect("entry").path();
                (path.display().to_string(), Checked::from_path(&path, CheckOptions::default()).expect("readable"))
            })
            .collect();
        for lang in ["de", "en"] {
            let source = HOSTILE.replace("LANG", lang);
            out.push((format!("hostile-{lang}"), Checked::from_source("hostile", source, CheckOptions::default())));
        }
        out
    }

    /// The split block loop (see `blocks`) gives the same text as the templates rendered as written.
    #[test]
    fn split_block_loop_renders_like_the_templates_as_written() {
        let templates = TemplateSet::builtin();
        let md = markdown::MarkdownRenderer::new(&templates).expect("compiles");
        let html = html::HtmlRenderer::new(&templates).expect("compiles");
        assert!(md.page.is_split() && html.page.is_split(), "the built-in templates take the split path");
        for (name, checked) in strategies() {
            let s = checked.valid().unwrap_or_else(|| panic!("{name}:\n{}", checked.render(false)));
            for profile in [Profile::Full, Profile::Summary, Profile::Council] {
                let doc = context::build(s, profile, templates.labels().get(s.document.language));
                let prepared = blocks::Prepared::new(&doc);
                let split = md.page.render(&md.reg, &prepared).expect("renders");
                let written = md.page.render_as_written(&md.reg, &prepared).expect("renders");
                assert!(split == written, "{name} {profile:?}: Markdown differs");
                let split = html.page.render(&html.reg, &prepared).expect("renders");
                let written = html.page.render_as_written(&html.reg, &prepared).expect("renders");
                assert!(split == written, "{name} {profile:?}: HTML differs");
            }
        }
    }

    #[test]
    fn changed_templates_are_rendered_as_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("markdown")).expect("dir");
        let block =
            TemplateSet::builtin().get("markdown/block.md.hbs").expect("built-in").replace("{{text}}", "!{{text}}");
        std::fs::write(dir.path().join("markdown/block.md.hbs"), block).expect("write");
        let templates = TemplateSet::with_overrides(dir.path()).expect("overrides");
        let md = markdown::MarkdownRenderer::new(&templates).expect("compiles");
        let html = html::HtmlRenderer::new(&templates).expect("compiles");
        assert!(!md.page.is_split(), "a changed block template is rendered as written");
        assert!(html.page.is_split(), "the HTML templates are still the built-in ones");
    }
}
