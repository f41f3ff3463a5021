//! The JSON Schema of the input file: the Rust types, completed with the
//! catalogue's ids (keys of `[text]` and `[production]`, technical topics).
//!
//! `strategiekit schema` prints it for editors (Taplo reads a `#:schema`
//! comment), and the structural check in [`super::load`] walks it, so the
//! schema an editor sees and the rules `check` enforces cannot drift apart.

use std::sync::OnceLock;

use serde_json::{Map, Value, json};

use super::Strategy;
use crate::catalogue::{Catalogue, section_ids};

/// The complete schema, built once.
pub fn input_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(build)
}

fn build() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<Strategy>().to_value();
    let catalogue = Catalogue::get();
    schema["$id"] = json!("https://strategiekit.invalid/schema/input-v1.json");
    schema["description"] =
        json!("A Smart-City strategy for strategiekit. Only municipality.name is required; see input-format.md.");

    let text_props: Map<String, Value> = catalogue
        .items
        .iter()
        .filter(|i| i.section != section_ids::PRODUCTION)
        .map(|i| (i.id.clone(), json!({ "type": "string", "description": format!("{} — {}", i.de, i.hint_de) })))
        .collect();
    schema["properties"]["text"] = json!({
        "description": "Free text for outline items, keyed by the item's id.",
        "type": "object",
        "properties": text_props,
        "additionalProperties": false,
    });

    let production: Vec<_> = catalogue.items_of(section_ids::PRODUCTION).collect();
    let mut production_props: Map<String, Value> = production
        .iter()
        .map(|i| (i.id.clone(), json!({ "type": "boolean", "description": format!("{}: done?", i.de) })))
        .collect();
    let note_props: Map<String, Value> = production
        .iter()
        .map(|i| (i.id.clone(), json!({ "type": "string", "description": format!("Note on {}", i.de) })))
        .collect();
    production_props
        .insert("notes".into(), json!({ "type": "object", "properties": note_props, "additionalProperties": false }));
    let defs = if schema.get("definitions").is_some() { "definitions" } else { "$defs" };
    schema[defs]["Production"] = json!({
        "description": "The production checklist: item id = done?, with optional notes.",
        "type": "object",
        "properties": production_props,
        "additionalProperties": false,
    });

    let topics: Vec<&str> = catalogue.items_of(section_ids::TECHNICAL).map(|i| i.id.as_str()).collect();
    schema[defs]["Technical"]["properties"]["topics"]["items"] = json!({ "type": "string", "enum": topics });
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_knows_the_catalogue() {
        let s = input_schema();
        assert_eq!(s["properties"]["text"]["properties"].as_object().map(|m| m.len()), Some(79 - 8));
        assert_eq!(s["required"], json!(["municipality"]));
        let defs = &s["definitions"];
        assert_eq!(defs["Technical"]["properties"]["topics"]["items"]["enum"].as_array().map(Vec::len), Some(17));
        assert!(defs["Production"]["properties"]["notes"]["properties"]["graphics"].is_object());
        assert_eq!(defs["Measure"]["additionalProperties"], json!(false));
    }
}
