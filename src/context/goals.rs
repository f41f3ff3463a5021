//! Goals: the goal hierarchy and the indicators of each goal.

use std::collections::BTreeMap;

use crate::catalogue::Profile;
use crate::i18n;
use crate::model::Goal;

use super::builder::{Builder, col, nonblank};
use super::{Block, Fact, ListItem};

impl Builder<'_> {
    /// Goals as a nested list under their parents.
    pub(super) fn goal_hierarchy(&mut self) {
        let ids: Vec<&str> = self.goals().map(|g| g.id.as_str()).collect();
        let mut children: BTreeMap<&str, Vec<&Goal>> = BTreeMap::new();
        let mut roots = Vec::new();
        for g in self.goals() {
            match g.parent.as_deref().filter(|p| ids.contains(p)) {
                Some(p) => children.entry(p).or_default().push(g),
                None => roots.push(g),
            }
        }
        let mut items = Vec::new();
        let mut stack: Vec<(&Goal, usize)> = roots.into_iter().rev().map(|g| (g, 0)).collect();
        while let Some((g, level)) = stack.pop() {
            items.push(ListItem { text: self.goal_label(&g.id), level });
            if level < 8
                && let Some(kids) = children.get(g.id.as_str())
            {
                stack.extend(kids.iter().rev().map(|k| (*k, level + 1)));
            }
        }
        self.blocks.push(Block::List { items });
    }

    /// Rows of a goal's indicators: with the goal in front (overview) or with the source (per goal).
    fn indicator_rows(&self, g: &Goal, with_goal: bool) -> Vec<Vec<String>> {
        let value = |v: Option<f64>, year: Option<u16>, unit: &Option<String>| -> String {
            let Some(v) = v else { return self.labels.none.clone() };
            let mut s = i18n::quantity(self.lang, v, unit.as_deref());
            if let Some(y) = year {
                s = format!("{s} ({y})");
            }
            s
        };
        g.indicators
            .iter()
            .map(|i| {
                let mut row = Vec::new();
                if with_goal {
                    row.push(self.goal_label(&g.id));
                }
                row.push(i.name.clone());
                row.push(value(i.baseline, i.baseline_year, &i.unit));
                row.push(value(i.target, i.target_year.as_ref().map(|y| *y), &i.unit));
                if !with_goal {
                    row.push(self.or_none(i.source.clone()));
                }
                row
            })
            .collect()
    }

    /// Per goal: heading, description, (full) facts, and its indicators.
    pub(super) fn goal_indicators(&mut self) {
        let l = self.labels;
        for g in self.goals() {
            let id = &g.id;
            if self.profile != Profile::Full && nonblank(&g.description).is_none() && g.indicators.is_empty() {
                continue; // nothing to say about it beyond its title: no empty heading
            }
            let title = nonblank(&g.title).map_or_else(|| id.clone(), |t| format!("{id} {t}"));
            self.heading(self.item_level + 1, title, format!("goal-{id}"));
            if let Some(d) = nonblank(&g.description) {
                self.text(d);
            }
            if self.profile == Profile::Full {
                let facts = self.goal_facts(g);
                self.facts(facts);
            }
            if g.indicators.is_empty() {
                if self.profile == Profile::Full {
                    self.para(l.no_indicators.clone());
                }
                continue;
            }
            let columns = vec![
                col(&l.indicator, false, 34),
                col(&l.baseline, true, 20),
                col(&l.target, true, 20),
                col(&l.source, false, 26),
            ];
            let rows = self.indicator_rows(g, false);
            self.table(columns, rows);
        }
    }

    /// A goal's parent, origin and whether it is cross-sector, as facts.
    fn goal_facts(&self, g: &Goal) -> Vec<Fact> {
        let l = self.labels;
        let mut facts = Vec::new();
        if let Some(p) = &g.parent {
            facts.push(self.fact(&l.parent_goal, self.goal_label(p)));
        }
        if let Some(d) = nonblank(&g.derived_from) {
            facts.push(self.fact(&l.derived_from, d));
        }
        if g.cross_sector {
            facts.push(self.fact(&l.cross_sector, l.yes.as_str()));
        }
        facts
    }

    /// Council: all goals' indicators in one table (or a list of goals when none have any).
    pub(super) fn goal_indicator_table(&mut self) {
        let l = self.labels;
        let columns = vec![
            col(&l.goal, false, 30),
            col(&l.indicator, false, 30),
            col(&l.baseline, true, 20),
            col(&l.target, true, 20),
        ];
        let rows: Vec<Vec<String>> = self.goals().flat_map(|g| self.indicator_rows(g, true)).collect();
        if rows.is_empty() {
            let items = self.goals().map(|g| ListItem { text: self.goal_label(&g.id), level: 0 }).collect();
            self.blocks.push(Block::List { items });
        } else {
            self.table(columns, rows);
        }
    }
}
