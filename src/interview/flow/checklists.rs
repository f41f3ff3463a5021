//! The two checklists: technical topics and the production checklist.

use anyhow::Result;

use super::Flow;
use crate::catalogue::{Catalogue, Item, section_ids};
use crate::i18n::interview::words;
use crate::model::coverage::technical_selected;

impl Flow<'_> {
    pub(super) fn topics(&mut self) -> Result<()> {
        let catalogue = Catalogue::get();
        let items: Vec<&Item> = catalogue.items_of(section_ids::TECHNICAL).filter(|i| i.generated.is_none()).collect();
        let options: Vec<(String, String)> =
            items.iter().map(|i| (i.id.clone(), i.title(self.lang).to_string())).collect();
        let current: Vec<String> =
            items.iter().filter(|i| technical_selected(&self.s, i)).map(|i| i.id.clone()).collect();
        let label = self.t(&words().choose_themes);
        let Some(chosen) = self.choose_many(label, &options, &current)? else { return Ok(()) };
        for id in current.iter().filter(|id| !chosen.contains(id)) {
            let keep_text = self.s.text.contains_key(id.as_str()) && {
                let q = format!("{id}: {}", self.t(&words().delete_its_text));
                !self.confirm(&q)?
            };
            if !keep_text {
                self.s.text.remove(id.as_str());
                self.s.technical.topics.retain(|t| t != id);
            }
        }
        for id in chosen.iter().filter(|id| !current.contains(id)) {
            self.s.technical.topics.push(id.clone());
        }
        self.checkpoint()
    }

    pub(super) fn production(&mut self) -> Result<()> {
        let catalogue = Catalogue::get();
        let options: Vec<(String, String)> = catalogue
            .items_of(section_ids::PRODUCTION)
            .map(|i| (i.id.clone(), i.title(self.lang).to_string()))
            .collect();
        let done: Vec<String> = options
            .iter()
            .filter(|(id, _)| self.s.production.done.get(id).copied().unwrap_or(false))
            .map(|(id, _)| id.clone())
            .collect();
        let label = self.t(&words().checklist_question);
        if let Some(chosen) = self.choose_many(label, &options, &done)? {
            for (id, _) in &options {
                let now = chosen.contains(id);
                if now != done.contains(id) {
                    self.s.production.done.insert(id.clone(), now);
                }
            }
            self.checkpoint()?;
        }
        self.council()
    }
}
