//! The Sustainable Development Goals: the coverage table and SDG lists.

use crate::catalogue::Profile;
use crate::i18n::fill;

use super::builder::{Builder, col};

impl Builder<'_> {
    /// Which SDGs the measures serve, and by which measures.
    pub(super) fn sdg_coverage(&mut self) {
        let l = self.labels;
        let count = self.figures.sdgs.len().to_string();
        self.para(fill(&l.sdg_coverage, &[("count", &count)]));
        let columns = vec![col(&l.sdg, false, 45), col(&l.measures, false, 40), col(&l.count, true, 15)];
        let rows = self
            .figures
            .sdgs
            .iter()
            .map(|c| {
                // ids are internal: the public summary names the measures
                let measures = if self.profile == Profile::Summary {
                    let titles: Vec<String> = c
                        .measures
                        .iter()
                        .filter_map(|id| self.measures().find(|m| m.id == *id))
                        .map(|m| self.measure_title(m))
                        .collect();
                    titles.join("; ")
                } else {
                    c.measures.join(", ")
                };
                vec![self.sdg_list(&[c.sdg]), measures, c.measures.len().to_string()]
            })
            .collect();
        self.table(columns, rows);
    }

    /// SDGs as "number name", sorted and deduplicated, or "none".
    pub(super) fn sdg_list(&self, sdgs: &[u8]) -> String {
        let mut sorted = sdgs.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let names: Vec<String> = sorted
            .iter()
            .map(|n| match self.catalogue.sdg(*n) {
                Some(sdg) => format!("{n} {}", sdg.name(self.lang)),
                None => n.to_string(),
            })
            .collect();
        self.or_none(Some(names.join("; ")))
    }
}
