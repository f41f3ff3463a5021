//! The glossary.

use super::builder::{Builder, col};

impl Builder<'_> {
    /// The glossary, sorted by term.
    pub(super) fn glossary(&mut self) {
        let l = self.labels;
        let mut entries: Vec<_> = self.strategy.glossary.iter().collect();
        entries.sort_by_cached_key(|e| e.term.to_lowercase());
        let rows = entries.iter().map(|e| vec![e.term.clone(), e.definition.clone()]).collect();
        self.table(vec![col(&l.term, false, 30), col(&l.definition, false, 70)], rows);
    }
}
