//! Which outline items an input fills, and the outline coverage in percent.

use schemars::JsonSchema;
use serde::Serialize;

use super::Strategy;
use crate::catalogue::{Catalogue, Generated, Item, section_ids};

/// How much of the outline an input fills.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Coverage {
    /// Items with text or generated content.
    pub filled: usize,
    /// Items that count: all of sections 1–3 and 5, plus selected or filled technical items.
    pub total: usize,
    /// `filled / total` in percent, rounded down to one decimal.
    pub percent: f64,
    /// Ids of the counted items that are still empty, in catalogue order.
    pub missing: Vec<String>,
}

/// True when the user wrote non-blank text for `id`.
pub fn has_text(s: &Strategy, id: &str) -> bool {
    s.text.get(id).is_some_and(|t| !t.trim().is_empty())
}

fn some_text(t: &Option<String>) -> bool {
    t.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// True when the structured input feeds `generated`.
pub fn has_data(s: &Strategy, generated: Generated) -> bool {
    let measures = || s.measures.iter();
    match generated {
        Generated::Vision => {
            some_text(&s.vision.vision) || some_text(&s.vision.narrative) || !s.vision.keywords.is_empty()
        }
        Generated::Mission => some_text(&s.vision.mission),
        Generated::GuidingPrinciples => !s.vision.guiding_principles.is_empty(),
        Generated::GoalHierarchy | Generated::GoalIndicators => !s.goals.is_empty(),
        Generated::FieldChapters => !s.fields.is_empty(),
        Generated::Measures | Generated::MeasureDetails => !s.measures.is_empty(),
        Generated::ProjectProfiles => measures().any(|m| some_text(&m.needs) || some_text(&m.benefit)),
        Generated::Financing => measures().any(|m| m.budget_eur.is_some() || some_text(&m.funding)),
        Generated::Responsibilities => measures().any(|m| some_text(&m.lead) || !m.partners.is_empty()),
        Generated::Prioritisation => measures().any(|m| m.priority.is_some() || m.status.is_some() || m.quick_win),
        Generated::CitizenBenefit => measures().any(|m| some_text(&m.benefit)),
        Generated::Partners => s.actors.iter().any(|a| !a.committee),
        Generated::Committees => s.actors.iter().any(|a| a.committee),
        Generated::TechnicalActors => !s.actors.is_empty(),
        Generated::Glossary => !s.glossary.is_empty(),
        Generated::Sdgs => measures().any(|m| !m.sdgs.is_empty()),
        Generated::Production => !s.production.done.is_empty() || !s.production.notes.is_empty(),
    }
}

/// True when `item` has text or generated content.
pub fn is_filled(s: &Strategy, item: &Item) -> bool {
    has_text(s, &item.id) || item.generated.is_some_and(|g| has_data(s, g))
}

/// True when a technical item is to be shown: selected in `[technical].topics`
/// or given text. Structured data alone (actors for `technical_actors`) does not
/// select a "bei Bedarf" item.
pub fn technical_selected(s: &Strategy, item: &Item) -> bool {
    s.technical.topics.iter().any(|t| t == &item.id) || has_text(s, &item.id)
}

/// The outline coverage of `s`.
pub fn coverage(s: &Strategy) -> Coverage {
    let catalogue = Catalogue::get();
    let counted = catalogue.items.iter().filter(|i| match i.section.as_str() {
        section_ids::PRODUCTION => false,
        section_ids::TECHNICAL => technical_selected(s, i),
        _ => true,
    });
    let (mut filled, mut total, mut missing) = (0, 0, Vec::new());
    for item in counted {
        total += 1;
        if is_filled(s, item) {
            filled += 1;
        } else {
            missing.push(item.id.clone());
        }
    }
    let percent = if total == 0 { 0.0 } else { (filled as f64 * 1000.0 / total as f64).floor() / 10.0 };
    Coverage { filled, total, percent, missing }
}
