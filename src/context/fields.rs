//! Fields of action: the full profile's chapters with measure profiles, the
//! summary's short sections and the council's overview table.

use crate::model::{Field, Measure};

use super::builder::{Builder, col, nonblank};
use super::{Block, Fact, ListItem};

impl<'a> Builder<'a> {
    /// The goals a field of action serves, as a fact.
    fn field_goals_fact(&self, f: &Field) -> Option<Fact> {
        (!f.goals.is_empty()).then(|| {
            let goals: Vec<String> = f.goals.iter().map(|g| self.goal_label(g)).collect();
            self.fact(&self.labels.goals, goals.join("; "))
        })
    }

    /// The measures of a field of action.
    fn measures_of(&self, f: &Field) -> Vec<&'a Measure> {
        self.measures().filter(|m| m.field == f.id).collect()
    }

    /// Full: a chapter per field of action with its measure profiles.
    pub(super) fn field_chapters(&mut self) {
        for f in self.fields() {
            self.heading(self.item_level + 1, self.field_title(f), format!("field-{}", f.id));
            if let Some(d) = nonblank(&f.description) {
                self.text(d);
            }
            self.picture(&f.image);
            let facts = self.field_goals_fact(f).into_iter().collect();
            self.facts(facts);
            let measures = self.measures_of(f);
            if measures.is_empty() {
                self.para(self.labels.no_measures.clone());
            }
            for m in measures {
                self.measure_profile(m);
            }
        }
    }

    /// A measure profile ("Steckbrief"): heading, description and a two-column table.
    fn measure_profile(&mut self, m: &Measure) {
        let l = self.labels;
        self.heading(self.item_level + 2, self.measure_label(m), format!("measure-{}", m.id));
        if let Some(d) = nonblank(&m.description) {
            self.text(d);
        }
        let goals: Vec<String> = m.goals.iter().map(|g| self.goal_label(g)).collect();
        let mut rows = vec![
            vec![l.goals.clone(), self.or_none(Some(goals.join("; ")))],
            vec![l.lead.clone(), self.or_none(m.lead.clone())],
            vec![l.partners.clone(), self.or_none(Some(m.partners.join(", ")))],
            vec![l.priority.clone(), self.priority(m.priority)],
            vec![l.quick_win.clone(), self.yes_no(m.quick_win)],
            vec![l.status.clone(), self.status_with_reason(m)],
            vec![l.period.clone(), self.period(m)],
            vec![l.budget.clone(), self.or_none(self.measure_budget(m).map(|b| self.money(b)))],
            vec![l.funding.clone(), self.or_none(self.funding_text(m))],
            vec![l.sdgs.clone(), self.sdg_list(&m.sdgs)],
            vec![l.benefit.clone(), self.or_none(m.benefit.clone())],
        ];
        rows.extend(self.finance_rows(m));
        for (label, value) in
            [(&l.needs, &m.needs), (&l.selection, &m.selection), (&l.data_sovereignty, &m.data_sovereignty)]
        {
            if let Some(v) = nonblank(value) {
                rows.push(vec![label.clone(), v.to_string()]);
            }
        }
        let columns = vec![col(&l.measure, false, 30), col(&self.measure_title(m), false, 70)];
        self.blocks.push(Block::Table { columns, rows, profile: true, total_row: false });
    }

    /// Summary: each field of action with its measures and their benefit.
    pub(super) fn field_summaries(&mut self) {
        for f in self.fields() {
            if nonblank(&f.description).is_none() && self.measures_of(f).is_empty() {
                continue; // no empty heading
            }
            self.heading(self.item_level + 1, self.field_title(f), format!("field-{}", f.id));
            if let Some(d) = nonblank(&f.description) {
                self.text(d);
            }
            let items: Vec<ListItem> = self
                .measures_of(f)
                .iter()
                .map(|m| {
                    let text = match nonblank(&m.benefit) {
                        Some(b) => format!("{} – {b}", self.measure_title(m)),
                        None => self.measure_title(m),
                    };
                    ListItem { text, level: 0 }
                })
                .collect();
            if !items.is_empty() {
                self.blocks.push(Block::List { items });
            }
        }
    }

    /// Council: one table of the fields of action and their measures.
    pub(super) fn field_overview(&mut self) {
        let l = self.labels;
        let columns = vec![col(&l.field, false, 40), col(&l.measures, false, 40), col(&l.count, true, 20)];
        let rows = self
            .fields()
            .map(|f| {
                let titles: Vec<String> = self.measures_of(f).iter().map(|m| self.measure_title(m)).collect();
                vec![self.field_title(f), self.or_none(Some(titles.join("; "))), titles.len().to_string()]
            })
            .collect();
        self.table(columns, rows);
    }
}
