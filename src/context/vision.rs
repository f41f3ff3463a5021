//! The vision: its text, narrative and keywords; the mission and the guiding
//! principles.

use super::builder::{Builder, nonblank};
use super::{Block, ListItem};

impl Builder<'_> {
    /// The vision, its narrative and its keywords.
    pub(super) fn vision(&mut self) {
        let v = &self.strategy.vision;
        if let Some(text) = nonblank(&v.vision) {
            self.text(text);
        }
        self.picture(&v.image);
        if let Some(narrative) = nonblank(&v.narrative) {
            self.heading(self.item_level + 1, self.labels.narrative.clone(), "narrative");
            self.text(narrative);
        }
        if !v.keywords.is_empty() {
            let f = self.fact(&self.labels.keywords, v.keywords.join(" · "));
            self.facts(vec![f]);
        }
    }

    /// The mission statement.
    pub(super) fn mission(&mut self) {
        if let Some(m) = nonblank(&self.strategy.vision.mission) {
            self.text(m);
        }
    }

    /// The guiding principles, as a list.
    pub(super) fn guiding_principles(&mut self) {
        let items =
            self.strategy.vision.guiding_principles.iter().map(|p| ListItem { text: p.clone(), level: 0 }).collect();
        self.blocks.push(Block::List { items });
    }
}
