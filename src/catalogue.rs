//! The outline catalogue: `seeds/outline.toml`, embedded in the binary.
//!
//! This is the one place the KTS outline lives. The templates, `check`, the
//! JSON Schema and the interview all read it through [`Catalogue::get`].

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// The catalogue file as shipped in the binary.
pub const OUTLINE_TOML: &str = include_str!("../seeds/outline.toml");

/// The whole catalogue: sections, items and the reference lists.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Version of the catalogue format.
    pub schema_version: u32,
    /// The six sections, in document order.
    pub sections: Vec<Section>,
    /// The outline items, in document order.
    pub items: Vec<Item>,
    /// Common fields of action a municipality can pick from.
    pub fields: Vec<CommonField>,
    /// The 16 German states.
    pub states: Vec<State>,
    /// The 17 UN Sustainable Development Goals.
    pub sdgs: Vec<Sdg>,
}

/// One section of the outline (rendered as a level-1 heading).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, e.g. `introduction`.
    pub id: String,
    /// German heading.
    pub de: String,
    /// English heading.
    pub en: String,
    /// What the section is for, German.
    pub hint_de: String,
    /// What the section is for, English.
    pub hint_en: String,
    /// German heading for readers of the summary and council profiles, where
    /// the outline's checklist wording would read oddly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader_de: Option<String>,
    /// English heading for readers of the summary and council profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader_en: Option<String>,
}

/// Profiles a document can be rendered in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Deserialize,
    Serialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Profile {
    /// The internal working document with every item and placeholders.
    Full,
    /// A public summary in plain language.
    Summary,
    /// A draft council decision (Beschlussvorlage).
    Council,
    /// The progress report (Umsetzungsbericht): indicators against their path, measures, money, charts.
    Report,
    /// The progress report as an Informationsvorlage for the council.
    ReportCouncil,
}

impl Profile {
    /// The profile's name as used on the command line and in file names.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Where a generated part of an item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Generated {
    /// `[vision].vision`, narrative and keywords.
    Vision,
    /// `[vision].mission`.
    Mission,
    /// `[vision].guiding_principles`.
    GuidingPrinciples,
    /// The tree of `[[goals]]` by `parent`.
    GoalHierarchy,
    /// Goals with their indicators.
    GoalIndicators,
    /// One chapter per field of action with its measures' profiles.
    FieldChapters,
    /// Overview of measures, traceability matrix and roadmap.
    Measures,
    /// Needs and added value per measure.
    ProjectProfiles,
    /// Budget by field and year, funding sources.
    Financing,
    /// Lead and partners per measure.
    Responsibilities,
    /// Measures by priority and status, quick wins.
    Prioritisation,
    /// Benefit for citizens per measure.
    CitizenBenefit,
    /// Actors that are not committees.
    Partners,
    /// Actors marked as committees.
    Committees,
    /// Actors by group and involvement.
    TechnicalActors,
    /// `[[glossary]]`.
    Glossary,
    /// SDG coverage from the measures.
    Sdgs,
    /// The measure profiles ("Steckbriefe"), which stand in the field chapters.
    MeasureDetails,
    /// The production checklist from `[production]`.
    Production,
}

/// One outline item: a heading of the strategy.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id; the key of `[text]`.
    pub id: String,
    /// Id of the section the item belongs to.
    pub section: String,
    /// German heading.
    pub de: String,
    /// English heading.
    pub en: String,
    /// Guidance, German.
    pub hint_de: String,
    /// Guidance, English.
    pub hint_en: String,
    /// Profiles that show the item.
    pub profiles: Vec<Profile>,
    /// The structured input that feeds the item, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Generated>,
    /// German heading for readers of the summary and council profiles, where
    /// the outline's checklist wording ("Kapitel pro Handlungsfeld") would read oddly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader_de: Option<String>,
    /// English heading for readers of the summary and council profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader_en: Option<String>,
}

/// A common field of action.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CommonField {
    /// Suggested id, e.g. `mobility`.
    pub id: String,
    /// German title.
    pub de: String,
    /// English title.
    pub en: String,
}

/// A German state (Bundesland).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// Two-letter code, e.g. `BW`.
    pub code: String,
    /// German name, the canonical value of `municipality.state`.
    pub de: String,
    /// English name.
    pub en: String,
    /// What a city's council is called there (Gemeinderat, Stadtrat, Rat …).
    pub council_city: String,
    /// What a municipality's council is called there.
    pub council_municipality: String,
}

/// A UN Sustainable Development Goal.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sdg {
    /// 1..=17.
    pub number: u8,
    /// German short name.
    pub de: String,
    /// English short name.
    pub en: String,
}

/// Picks the German or English variant of a pair of strings.
pub fn pick<'a>(lang: Lang, de: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

impl Section {
    /// The heading in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        pick(lang, &self.de, &self.en)
    }
    /// The heading in `lang` for readers: the reader heading where there is one.
    pub fn reader_title(&self, lang: Lang) -> &str {
        reader(lang, &self.reader_de, &self.reader_en).unwrap_or_else(|| self.title(lang))
    }
}

fn reader<'a>(lang: Lang, de: &'a Option<String>, en: &'a Option<String>) -> Option<&'a str> {
    match lang {
        Lang::De => de.as_deref(),
        Lang::En => en.as_deref(),
    }
}

impl Item {
    /// The heading in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        pick(lang, &self.de, &self.en)
    }
    /// The heading in `lang` for readers: the reader heading where there is one.
    pub fn reader_title(&self, lang: Lang) -> &str {
        reader(lang, &self.reader_de, &self.reader_en).unwrap_or_else(|| self.title(lang))
    }
    /// The guidance hint in `lang`.
    pub fn hint(&self, lang: Lang) -> &str {
        pick(lang, &self.hint_de, &self.hint_en)
    }
    /// Whether `profile` shows this item.
    pub fn in_profile(&self, profile: Profile) -> bool {
        self.profiles.contains(&profile)
    }
}

impl CommonField {
    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        pick(lang, &self.de, &self.en)
    }
}

impl Sdg {
    /// The short name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        pick(lang, &self.de, &self.en)
    }
}

/// Section ids with a special role.
pub mod section_ids {
    /// Goals: vision, mission, narrative, principles and the goal hierarchy.
    pub const GOALS: &str = "goals";
    /// Fields of action with their measures.
    pub const FIELDS: &str = "fields";
    /// Technical cross-cutting themes, shown only when selected.
    pub const TECHNICAL: &str = "technical";
    /// The production checklist.
    pub const PRODUCTION: &str = "production";
}

impl Catalogue {
    /// The embedded catalogue, parsed once.
    ///
    /// The catalogue is part of the binary and covered by tests, so a parse
    /// failure is a build defect, not a user error.
    pub fn get() -> &'static Catalogue {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| {
            toml::from_str(OUTLINE_TOML).unwrap_or_else(|e| panic!("embedded seeds/outline.toml is invalid: {e}"))
        })
    }

    /// Looks up an item by id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The items of one section, in order.
    pub fn items_of<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.section == section)
    }

    /// The item a German or English heading word names, for "did you mean":
    /// `vorwort` names `foreword`, `KI` names `ai`, `Personas` names
    /// `personas`. A word names an item when it is the item's whole heading
    /// or one word of it; only an answer that fits one item is given.
    pub fn item_named(&self, word: &str) -> Option<&Item> {
        let fold = |s: &str| -> Vec<String> {
            s.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let wanted = fold(word).concat();
        if wanted.len() < 2 {
            return None;
        }
        let headings = |i: &'_ Item| -> Vec<Vec<String>> {
            [Some(&i.de), Some(&i.en), i.reader_de.as_ref(), i.reader_en.as_ref()]
                .into_iter()
                .flatten()
                .map(|h| fold(h))
                .collect()
        };
        let whole: Vec<&Item> =
            self.items.iter().filter(|i| headings(i).iter().any(|h| h.concat() == wanted)).collect();
        if let [only] = whole.as_slice() {
            return Some(only);
        }
        let part: Vec<&Item> = self.items.iter().filter(|i| headings(i).iter().any(|h| h.contains(&wanted))).collect();
        match part.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }

    /// Looks up a common field of action by id.
    pub fn common_field(&self, id: &str) -> Option<&CommonField> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// Looks up an SDG by number.
    pub fn sdg(&self, number: u8) -> Option<&Sdg> {
        self.sdgs.iter().find(|s| s.number == number)
    }

    /// Finds a state by German or English name or by its code (case-insensitive).
    pub fn state(&self, name: &str) -> Option<&State> {
        let n = name.trim();
        self.states
            .iter()
            .find(|s| s.de.eq_ignore_ascii_case(n) || s.en.eq_ignore_ascii_case(n) || s.code.eq_ignore_ascii_case(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_their_items() {
        let c = Catalogue::get();
        let id = |w: &str| c.item_named(w).map(|i| i.id.as_str());
        assert_eq!(id("vorwort"), Some("foreword"));
        assert_eq!(id("Vorwort"), Some("foreword"));
        assert_eq!(id("ki"), Some("ai"));
        assert_eq!(id("status quo"), Some("status_quo"));
        assert_eq!(id("ziele"), None, "many headings have the word");
        assert_eq!(id("x"), None);
    }

    #[test]
    fn catalogue_has_the_whole_outline() {
        let c = Catalogue::get();
        assert_eq!(c.sections.len(), 6);
        assert_eq!(c.items.len(), 79);
        assert_eq!(c.fields.len(), 13);
        assert_eq!(c.states.len(), 16);
        assert_eq!(c.sdgs.len(), 17);
        let ids: Vec<_> = c.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["introduction", "goals", "fields", "technical", "appendix", "production"]);
        let counts: Vec<_> = ids.iter().map(|s| c.items_of(s).count()).collect();
        assert_eq!(counts, [22, 9, 13, 17, 10, 8]);
    }

    #[test]
    fn items_are_unique_grouped_and_complete() {
        let c = Catalogue::get();
        let mut seen = std::collections::HashSet::new();
        let mut last_section = 0;
        for item in &c.items {
            assert!(seen.insert(&item.id), "duplicate item {}", item.id);
            let pos = c.sections.iter().position(|s| s.id == item.section).expect("known section");
            assert!(pos >= last_section, "{} is out of section order", item.id);
            last_section = pos;
            assert!(item.in_profile(Profile::Full), "{} misses the full profile", item.id);
            assert!(!item.hint_de.trim().is_empty() && !item.hint_en.trim().is_empty(), "{}", item.id);
            if item.section == section_ids::PRODUCTION {
                assert_eq!(item.generated, Some(Generated::Production), "{}", item.id);
            }
        }
        assert!((1..=17).all(|n| c.sdg(n).is_some()));
    }

    #[test]
    fn states_resolve_by_name_and_code() {
        let c = Catalogue::get();
        assert_eq!(c.state("nrw").map(|s| s.code.as_str()), None);
        assert_eq!(c.state("NW").map(|s| s.de.as_str()), Some("Nordrhein-Westfalen"));
        assert_eq!(c.state("Bavaria").map(|s| s.de.as_str()), Some("Bayern"));
    }
}
