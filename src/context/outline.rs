//! Full and summary profiles: the catalogue's sections and items in order,
//! each item's body, and which generated part an item shows.

use crate::catalogue::{Generated, Item, Profile, section_ids};
use crate::i18n::fill;
use crate::model::coverage::{has_data, has_text, is_filled, technical_selected};

use super::Block;
use super::builder::Builder;

impl Builder<'_> {
    /// Full and summary: the outline in catalogue order, section by section.
    pub(super) fn outline(&mut self) {
        let catalogue = self.catalogue;
        for section in &catalogue.sections {
            if section.id == section_ids::PRODUCTION {
                if self.profile == Profile::Full {
                    self.production(section.title(self.lang), &section.id);
                }
                continue;
            }
            let items: Vec<&Item> = catalogue
                .items_of(&section.id)
                .filter(|item| match self.profile {
                    Profile::Full => section.id != section_ids::TECHNICAL || technical_selected(self.strategy, item),
                    _ => item.in_profile(self.profile) && is_filled(self.strategy, item),
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            let section_start = self.blocks.len();
            let title =
                if self.profile == Profile::Full { section.title(self.lang) } else { section.reader_title(self.lang) };
            self.heading(1, title, format!("section-{}", section.id));
            for item in items {
                let start = self.blocks.len();
                self.heading(2, self.item_title(item), item.id.clone());
                self.item_body(item);
                // summary: an item whose content is all left out loses its heading too
                if self.profile != Profile::Full && self.blocks.len() == start + 1 {
                    self.blocks.truncate(start);
                }
            }
            if self.blocks.len() == section_start + 1 {
                self.blocks.truncate(section_start);
            }
        }
    }

    /// The item's heading: the outline's wording in the full working document,
    /// the reader heading (where the catalogue has one) in the others.
    pub(super) fn item_title(&self, item: &Item) -> String {
        match self.profile {
            Profile::Full => item.title(self.lang).to_string(),
            _ => item.reader_title(self.lang).to_string(),
        }
    }

    /// A sentence that points to the measure profiles in the field chapters.
    fn see_profiles(&mut self, label: &str) {
        let chapter = self.catalogue.item("field_chapters").map_or("", |i| i.title(self.lang)).to_string();
        let count = self.strategy.measures.len().to_string();
        self.para(fill(label, &[("chapter", &chapter), ("count", &count)]));
    }

    /// An item's free text and generated content; in the full profile a placeholder when it has neither.
    pub(super) fn item_body(&mut self, item: &Item) {
        let mut filled = false;
        if has_text(self.strategy, &item.id) {
            let text = self.strategy.text.get(&item.id).cloned().unwrap_or_default();
            self.text(&text);
            filled = true;
        }
        if let Some(generated) = item.generated.filter(|g| has_data(self.strategy, *g)) {
            self.generated(generated);
            filled = true;
        }
        if !filled && self.profile == Profile::Full {
            self.blocks.push(Block::Placeholder {
                label: self.labels.placeholder.clone(),
                hint: item.hint(self.lang).to_string(),
            });
        }
    }

    /// Generated content of an item: what each [`Generated`] part shows in this profile.
    fn generated(&mut self, g: Generated) {
        let summary = self.profile == Profile::Summary;
        let council = self.profile == Profile::Council;
        let full_chapters = self.profile == Profile::Full && !self.strategy.fields.is_empty();
        match g {
            Generated::Vision => self.vision(),
            Generated::Mission => self.mission(),
            Generated::GuidingPrinciples => self.guiding_principles(),
            Generated::GoalHierarchy => self.goal_hierarchy(),
            Generated::GoalIndicators if council => self.goal_indicator_table(),
            Generated::GoalIndicators => self.goal_indicators(),
            Generated::FieldChapters if council => self.field_overview(),
            Generated::FieldChapters if summary => self.field_summaries(),
            Generated::FieldChapters => self.field_chapters(),
            Generated::Measures => self.measures_overview(),
            // the full profile's measure profiles in the field chapters already
            // carry needs, benefit, lead and partners: say where, do not repeat them
            Generated::ProjectProfiles if full_chapters => self.see_profiles(&self.labels.see_profiles_needs),
            Generated::ProjectProfiles => self.project_profiles(),
            Generated::CitizenBenefit if full_chapters => self.see_profiles(&self.labels.see_profiles_benefit),
            // the summary shows each measure's benefit in its field of action
            Generated::CitizenBenefit if summary => {}
            Generated::MeasureDetails if full_chapters => self.see_profiles(&self.labels.see_profiles_details),
            Generated::MeasureDetails => {}
            Generated::Financing => self.financing(),
            Generated::Responsibilities => self.responsibilities(),
            Generated::Prioritisation => self.prioritisation(),
            Generated::CitizenBenefit => self.citizen_benefit(),
            Generated::Partners => self.partners(),
            Generated::Committees => self.committees(),
            Generated::TechnicalActors => self.actor_matrix(),
            Generated::Glossary => self.glossary(),
            Generated::Sdgs => self.sdg_coverage(),
            Generated::Production => {}
        }
    }
}
