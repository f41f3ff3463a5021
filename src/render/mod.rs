//! Renderers: one per output format, all over the same [`crate::context::Document`].

pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;

use anyhow::Result;

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

    /// Renders `s` in `profile` into each of `formats`: the context is built once.
    pub fn render(&self, s: &Strategy, profile: Profile, formats: &[Format]) -> Result<Vec<(Format, Vec<u8>)>> {
        let labels = self.templates.labels().get(s.document.language);
        let doc = context::build(s, profile, labels);
        formats
            .iter()
            .map(|format| {
                let bytes = match format {
                    Format::Md => self.markdown.render(&doc)?.into_bytes(),
                    Format::Json => json::render(s)?,
                    Format::Docx => docx::render(&doc)?,
                    Format::Html => self.html.render(&doc)?.into_bytes(),
                };
                Ok((*format, bytes))
            })
            .collect()
    }
}
