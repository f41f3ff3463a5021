//! Measures across fields: the overview with traceability to goals, needs and
//! benefit, and the prioritisation with the quick wins.

use crate::model::{Measure, MeasureStatus, Priority};

use super::builder::{Builder, col, nonblank};
use super::{Block, ListItem};

impl Builder<'_> {
    /// The overview of all measures, their traceability to goals, and the roadmap.
    pub(super) fn measures_overview(&mut self) {
        self.measures_table();
        if !self.strategy.goals.is_empty() {
            self.traceability();
        }
        self.roadmap();
    }

    /// All measures with field, priority, status, period and budget.
    fn measures_table(&mut self) {
        let l = self.labels;
        let columns = vec![
            col(&l.id, false, 8),
            col(&l.measure, false, 30),
            col(&l.field, false, 18),
            col(&l.priority, false, 10),
            col(&l.status, false, 10),
            col(&l.period, false, 10),
            col(&l.budget, true, 14),
        ];
        let rows = self
            .measures()
            .map(|m| {
                vec![
                    m.id.clone(),
                    self.measure_title(m),
                    self.field_title_by_id(&m.field),
                    self.priority(m.priority),
                    self.status(m.status),
                    self.period(m),
                    self.or_none(m.budget_eur.map(|b| self.money(b))),
                ]
            })
            .collect();
        self.heading(self.item_level + 1, l.measures_overview.clone(), "measures-overview");
        self.table(columns, rows);
    }

    /// Which measures serve which goals: a measure × goal table with marks.
    fn traceability(&mut self) {
        let l = self.labels;
        self.heading(self.item_level + 1, l.traceability.clone(), "traceability");
        let goal_ids: Vec<String> = self.goals().map(|g| g.id.clone()).collect();
        let width = (60 / goal_ids.len().max(1)) as u32;
        let mut columns = vec![col(&l.measure, false, 100 - width * goal_ids.len() as u32)];
        columns.extend(goal_ids.iter().map(|g| col(g, false, width)));
        let rows = self
            .measures()
            .map(|m| {
                let mut row = vec![self.measure_label(m)];
                row.extend(goal_ids.iter().map(|g| {
                    if m.goals.iter().any(|mg| mg == g) { l.traceability_mark.clone() } else { String::new() }
                }));
                row
            })
            .collect();
        self.table(columns, rows);
    }

    /// Needs and benefit of each measure that states one.
    pub(super) fn project_profiles(&mut self) {
        let l = self.labels;
        let columns = vec![col(&l.measure, false, 30), col(&l.needs, false, 35), col(&l.benefit, false, 35)];
        let rows = self
            .measures()
            .filter(|m| nonblank(&m.needs).is_some() || nonblank(&m.benefit).is_some())
            .map(|m| vec![self.measure_label(m), self.or_none(m.needs.clone()), self.or_none(m.benefit.clone())])
            .collect();
        self.table(columns, rows);
    }

    /// The benefit of each measure that states one.
    pub(super) fn citizen_benefit(&mut self) {
        let l = self.labels;
        let columns = vec![col(&l.measure, false, 35), col(&l.benefit, false, 65)];
        let rows = self
            .measures()
            .filter_map(|m| nonblank(&m.benefit).map(|b| vec![self.measure_label(m), b.to_string()]))
            .collect();
        self.table(columns, rows);
    }

    /// Measures by priority and status, and the quick wins.
    pub(super) fn prioritisation(&mut self) {
        self.priority_status_table();
        self.quick_wins();
    }

    /// Number of measures per priority (rows) and status (columns), with totals.
    fn priority_status_table(&mut self) {
        let l = self.labels;
        let mut statuses = vec![
            Some(MeasureStatus::Idea),
            Some(MeasureStatus::Planned),
            Some(MeasureStatus::Running),
            Some(MeasureStatus::Done),
        ];
        // a column for stopped measures only where there are some
        if self.measures().any(|m| m.status == Some(MeasureStatus::Cancelled)) {
            statuses.push(Some(MeasureStatus::Cancelled));
        }
        statuses.push(None);
        let priorities = [Some(Priority::High), Some(Priority::Medium), Some(Priority::Low), None];
        self.heading(self.item_level + 1, l.by_priority_status.clone(), "priority-status");
        let mut columns = vec![col(&l.priority, false, 25)];
        columns.extend(statuses.iter().map(|st| col(&self.status(*st), true, 12)));
        columns.push(col(&l.total, true, 15));
        let mut rows = Vec::new();
        for p in priorities {
            let in_p: Vec<&Measure> = self.measures().filter(|m| m.priority == p).collect();
            if in_p.is_empty() && p.is_none() {
                continue;
            }
            let mut row = vec![self.priority(p)];
            row.extend(statuses.iter().map(|st| in_p.iter().filter(|m| m.status == *st).count().to_string()));
            row.push(in_p.len().to_string());
            rows.push(row);
        }
        let mut total = vec![l.total.clone()];
        total.extend(statuses.iter().map(|st| self.measures().filter(|m| m.status == *st).count().to_string()));
        total.push(self.strategy.measures.len().to_string());
        rows.push(total);
        self.table_with_total(columns, rows);
    }

    /// The quick wins with their field of action, or a sentence that there are none.
    fn quick_wins(&mut self) {
        let l = self.labels;
        self.heading(self.item_level + 1, l.quick_wins.clone(), "quick-wins");
        let items: Vec<ListItem> = self
            .measures()
            .filter(|m| m.quick_win)
            .map(|m| ListItem {
                text: format!("{} ({})", self.measure_label(m), self.field_title_by_id(&m.field)),
                level: 0,
            })
            .collect();
        if items.is_empty() {
            self.para(l.no_quick_wins.clone());
        } else {
            self.blocks.push(Block::List { items });
        }
    }
}
