//! The roadmap: dated measures by field of action and year, as a chart and a
//! table.

use crate::figures;
use crate::model::Measure;

use super::builder::{Builder, col};
use super::{Block, RoadmapSection, RoadmapTask};

impl<'a> Builder<'a> {
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
        let mut sections = Vec::new();
        for f in self.fields() {
            let tasks: Vec<RoadmapTask> = dated
                .iter()
                .filter(|(m, _)| m.field.get_ref() == f.id.get_ref())
                .map(|(m, (a, b))| RoadmapTask {
                    id: m.id.get_ref().clone(),
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
        // Very long periods would make the table unreadable; show at most 16 years.
        let last_shown = last.min(first.saturating_add(15));
        let years: Vec<u16> = (first..=last_shown).collect();
        let year_width = (64 / years.len().max(1)) as u32;
        let mut columns = vec![col(&l.measure, false, 100 - year_width * years.len() as u32)];
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
        self.heading(self.item_level + 1, l.roadmap.clone(), "roadmap");
        self.blocks.push(Block::Roadmap { title: l.roadmap.clone(), sections, columns, rows });
    }
}
