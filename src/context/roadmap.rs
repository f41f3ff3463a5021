//! The roadmap: dated measures by field of action and year, as a chart and a
//! table.

use crate::figures;
use crate::model::Measure;

use super::builder::{Builder, col};
use super::{Block, Column, RoadmapSection, RoadmapTask};

/// At most this many years are columns of the roadmap table; very long
/// periods would make it unreadable.
const MAX_YEARS: u16 = 16;

impl Builder<'_> {
    /// The roadmap: dated measures by field of action and year.
    pub(super) fn roadmap(&mut self) {
        let dated: Vec<(&Measure, (u16, u16))> =
            self.measures().filter_map(|m| figures::years(m).map(|y| (m, y))).collect();
        let (Some(first), Some(last)) =
            (dated.iter().map(|(_, (a, _))| *a).min(), dated.iter().map(|(_, (_, b))| *b).max())
        else {
            return;
        };
        let l = self.labels;
        let sections = self.roadmap_sections(&dated);
        let last_shown = last.min(first.saturating_add(MAX_YEARS - 1));
        let years: Vec<u16> = (first..=last_shown).collect();
        let (columns, rows) = self.roadmap_table(&sections, &years);
        self.heading(self.item_level + 1, l.roadmap.clone(), "roadmap");
        self.blocks.push(Block::Roadmap { title: l.roadmap.clone(), sections, columns, rows });
    }

    /// The dated measures grouped by field of action, fields in input order;
    /// fields without dated measures are left out.
    fn roadmap_sections(&self, dated: &[(&Measure, (u16, u16))]) -> Vec<RoadmapSection> {
        let mut sections = Vec::new();
        for f in self.fields() {
            let tasks: Vec<RoadmapTask> = dated
                .iter()
                .filter(|(m, _)| m.field == f.id)
                .map(|(m, (a, b))| RoadmapTask {
                    id: m.id.clone(),
                    title: self.measure_title(m),
                    start: *a,
                    end: *b,
                    end_exclusive: b.saturating_add(1),
                })
                .collect();
            if !tasks.is_empty() {
                sections.push(RoadmapSection { name: self.field_title(f), tasks });
            }
        }
        sections
    }

    /// The roadmap as a table: a row per measure, a column per year with a
    /// mark in the years it runs.
    fn roadmap_table(&self, sections: &[RoadmapSection], years: &[u16]) -> (Vec<Column>, Vec<Vec<String>>) {
        let year_width = (64 / years.len().max(1)) as u32;
        let mut columns = vec![col(&self.labels.measure, false, 100 - year_width * years.len() as u32)];
        columns.extend(years.iter().map(|y| col(&y.to_string(), false, year_width)));
        let rows = sections
            .iter()
            .flat_map(|s| s.tasks.iter())
            .map(|t| {
                let mut row = vec![format!("{} {}", t.id, t.title)];
                row.extend(
                    years.iter().map(|y| if (t.start..=t.end).contains(y) { "■".to_string() } else { String::new() }),
                );
                row
            })
            .collect();
        (columns, rows)
    }
}
