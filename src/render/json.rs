//! JSON: the validated, normalised model with computed figures and coverage.

use anyhow::Result;
use schemars::JsonSchema;
use serde::Serialize;

use super::{Input, Renderer};
use crate::figures::Figures;
use crate::model::Strategy;
use crate::model::coverage::{Coverage, coverage};
use crate::templates::TemplateSet;

/// Renders the validated model as JSON (the document's words are not in it).
pub struct Json;

impl Renderer for Json {
    fn new(_: &TemplateSet) -> Result<Self> {
        Ok(Json)
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        render(input.strategy)
    }
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
}

/// Renders `s` as pretty-printed JSON with a final newline.
pub fn render(s: &Strategy) -> Result<Vec<u8>> {
    let doc = JsonModel { format: "strategiekit-model/1", strategy: s, figures: Figures::of(s), coverage: coverage(s) };
    let mut bytes = serde_json::to_vec_pretty(&doc)?;
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
