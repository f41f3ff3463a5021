//! JSON: the validated, normalised model with computed figures and coverage,
//! and the document of the profile built.

use anyhow::Result;
use schemars::JsonSchema;
use serde::Serialize;

use super::{Input, Renderer, Settings};
use crate::context::{Block, Document, Meta};
use crate::figures::Figures;
use crate::model::Strategy;
use crate::model::coverage::{Coverage, coverage};
use crate::templates::TemplateSet;

/// Renders the validated model as JSON (the document's words are not in
/// it); a document that shows no one strategy (the change log) as the
/// document itself.
pub struct Json;

impl Renderer for Json {
    fn new(_: &TemplateSet, _: &Settings) -> Result<Self> {
        Ok(Json)
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        match input.strategy {
            Some(strategy) => render(strategy, input.document),
            None => render_document(input.document),
        }
    }
}

/// A document as JSON: its title page, contents and blocks.
#[derive(Serialize)]
pub struct DocumentBody<'a> {
    /// Title page and metadata.
    pub meta: &'a Meta,
    /// The headings of levels 1 to 3.
    pub toc: &'a [crate::context::TocEntry],
    /// The content, in order.
    pub blocks: &'a [Block],
}

/// The JSON of a document that shows no one strategy: its title page and blocks.
#[derive(Serialize)]
struct JsonDocument<'a> {
    /// Format of this document: `strategiekit-document/1`.
    format: &'static str,
    meta: &'a Meta,
    blocks: &'a [Block],
}

/// Renders `doc` as pretty-printed JSON with a final newline.
fn render_document(doc: &Document) -> Result<Vec<u8>> {
    let json = JsonDocument { format: "strategiekit-document/1", meta: &doc.meta, blocks: &doc.blocks };
    let mut bytes = serde_json::to_vec_pretty(&json)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The JSON document `build --format json` writes.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "strategiekit model (build --format json)")]
pub struct JsonModel<'a> {
    /// Format of this document: `strategiekit-model/1`.
    pub format: &'static str,
    /// The input as validated.
    pub strategy: &'a Strategy,
    /// Computed budgets and counts.
    pub figures: Figures,
    /// Outline coverage.
    pub coverage: Coverage,
    /// Where each indicator and measure stands in the year reported on (traffic lights, schedules).
    pub monitoring: crate::monitoring::summary::Monitoring,
    /// The document of the profile built (`full`, `summary` or `council`):
    /// title page, contents and blocks, as the other formats show them.
    #[schemars(with = "serde_json::Value")]
    pub document: DocumentBody<'a>,
}

/// Renders `s` with `document`, the profile's document built from it, as
/// pretty-printed JSON with a final newline.
pub fn render(s: &Strategy, document: &Document) -> Result<Vec<u8>> {
    let document = DocumentBody { meta: &document.meta, toc: &document.toc, blocks: &document.blocks };
    let model = JsonModel {
        format: "strategiekit-model/1",
        strategy: s,
        figures: Figures::of(s),
        coverage: coverage(s),
        monitoring: crate::monitoring::summary::monitoring(s),
        document,
    };
    let mut bytes = serde_json::to_vec_pretty(&model)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The JSON Schema of what [`render`] writes.
pub fn schema() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<JsonModel<'static>>()
        .to_value()
}
