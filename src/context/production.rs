//! The production checklist (full profile only): each item of the section
//! with its state and note.

use super::builder::{Builder, col};

impl Builder<'_> {
    /// Full: the production checklist of a section, with state and note per item.
    pub(super) fn production(&mut self, title: &str, section_id: &str) {
        let l = self.labels;
        self.heading(1, title, format!("section-{section_id}"));
        let p = &self.strategy.production;
        let rows = self
            .catalogue
            .items_of(section_id)
            .map(|item| {
                let done = p.done.get(&item.id).copied().unwrap_or(false);
                vec![
                    item.title(self.lang).to_string(),
                    if done { l.done.clone() } else { l.open.clone() },
                    p.notes.get(&item.id).cloned().unwrap_or_default(),
                ]
            })
            .collect();
        let columns = vec![
            col(&l.checklist_item, false, 35),
            col(&l.checklist_state, false, 15),
            col(&l.checklist_note, false, 50),
        ];
        self.table(columns, rows);
    }
}
