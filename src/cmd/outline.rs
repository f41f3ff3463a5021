//! `strategiekit outline`: the catalogue for people (or as JSON).

use std::fmt::Write as _;

use anyhow::Result;

use super::ExitCode;
use crate::catalogue::{Catalogue, section_ids};
use crate::cli::OutlineArgs;
use crate::model::Lang;

/// Runs `outline`.
pub fn run(args: &OutlineArgs) -> Result<ExitCode> {
    let catalogue = Catalogue::get();
    if args.json {
        super::to_stdout(serde_json::to_string_pretty(catalogue)? + "\n")?;
        return Ok(ExitCode::Ok);
    }
    super::to_stdout(render(catalogue, args.lang))?;
    Ok(ExitCode::Ok)
}

/// The outline as text: sections, then items with id, heading, profiles and hint.
pub fn render(catalogue: &Catalogue, lang: Lang) -> String {
    let w = crate::i18n::words::words();
    let (technical, production, generated) =
        (w.outline_technical_note.get(lang), w.outline_production_note.get(lang), w.outline_generated_note.get(lang));
    let mut out = String::new();
    for (n, section) in catalogue.sections.iter().enumerate() {
        let note = match section.id.as_str() {
            section_ids::TECHNICAL => technical,
            section_ids::PRODUCTION => production,
            _ => "",
        };
        let _ = writeln!(out, "{} {} [{}]{note}", n + 1, section.title(lang), section.id);
        for item in catalogue.items_of(&section.id) {
            let profiles: Vec<&str> = item.profiles.iter().map(|p| p.as_str()).collect();
            let source = item.generated.map(|_| generated).unwrap_or("");
            let _ = writeln!(out, "  {:<26} {}{source}  [{}]", item.id, item.title(lang), profiles.join(", "));
            let _ = writeln!(out, "  {:<26} {}", "", item.hint(lang));
        }
        out.push('\n');
    }
    out
}
