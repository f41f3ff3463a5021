//! Actors: who leads and supports the measures, the partners, the committees
//! and the matrix of groups and involvement.

use std::collections::BTreeMap;

use crate::catalogue::Profile;
use crate::model::{Actor, Group, Involvement};

use super::Column;
use super::builder::{Builder, col, nonblank};

impl Builder<'_> {
    /// Who leads and who supports the measures.
    pub(super) fn responsibilities(&mut self) {
        if self.profile == Profile::Full && !self.strategy.fields.is_empty() {
            // each measure's lead and partners stand in its profile; here the
            // other way round: who is needed for which measures
            self.actors_needed();
            return;
        }
        let l = self.labels;
        let columns = vec![col(&l.measure, false, 40), col(&l.lead, false, 30), col(&l.partners, false, 30)];
        let rows = self
            .measures()
            .map(|m| {
                vec![self.measure_label(m), self.or_none(m.lead.clone()), self.or_none(Some(m.partners.join(", ")))]
            })
            .collect();
        self.table(columns, rows);
    }

    /// Leads and partners with the ids of the measures they lead or support.
    fn actors_needed(&mut self) {
        let l = self.labels;
        let mut by_name: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
        for m in self.measures() {
            let id = m.id.clone();
            if let Some(lead) = nonblank(&m.lead) {
                by_name.entry(lead.to_string()).or_default().0.push(id.clone());
            }
            for p in m.partners.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
                let entry = by_name.entry(p.to_string()).or_default();
                if !entry.1.contains(&id) {
                    entry.1.push(id.clone());
                }
            }
        }
        let columns = vec![col(&l.actor, false, 40), col(&l.lead_for, false, 30), col(&l.partner_in, false, 30)];
        let rows = by_name
            .into_iter()
            .map(|(name, (leads, partners))| vec![name, leads.join(", "), partners.join(", ")])
            .collect();
        self.table(columns, rows);
    }

    /// Rows of the actors that are (or are not) committees, sorted by group.
    fn actor_rows(&self, committees: bool) -> Vec<Vec<String>> {
        let mut actors: Vec<&Actor> = self.actors().filter(|a| a.committee == committees).collect();
        actors.sort_by_key(|a| a.group.map_or(9, |g| g as u8));
        actors
            .iter()
            .map(|a| {
                vec![a.name.clone(), self.group(a.group), self.or_none(a.role.clone()), self.involvement(a.involvement)]
            })
            .collect()
    }

    /// Columns of the actor tables.
    fn actor_columns(&self) -> Vec<Column> {
        let l = self.labels;
        vec![
            col(&l.actor, false, 30),
            col(&l.group, false, 18),
            col(&l.role, false, 32),
            col(&l.involvement, false, 20),
        ]
    }

    /// The partners (actors that are not committees).
    pub(super) fn partners(&mut self) {
        let rows = self.actor_rows(false);
        self.table(self.actor_columns(), rows);
    }

    /// The committees.
    pub(super) fn committees(&mut self) {
        let rows = self.actor_rows(true);
        self.table(self.actor_columns(), rows);
    }

    /// Actors by group and involvement.
    pub(super) fn actor_matrix(&mut self) {
        let l = self.labels;
        let involvements = [Some(Involvement::Inform), Some(Involvement::CoCreate), Some(Involvement::Consult), None];
        let groups = [
            Some(Group::Administration),
            Some(Group::Politics),
            Some(Group::Business),
            Some(Group::Science),
            Some(Group::CivilSociety),
            None,
        ];
        self.heading(self.item_level + 1, l.actors_by_group.clone(), "actors-by-group");
        let mut columns = vec![col(&l.group, false, 20)];
        columns.extend(involvements.iter().map(|i| col(&self.involvement(*i), false, 20)));
        let rows = groups
            .iter()
            .filter_map(|g| {
                let in_group: Vec<&Actor> = self.actors().filter(|a| a.group == *g).collect();
                (!in_group.is_empty()).then(|| {
                    let mut row = vec![self.group(*g)];
                    row.extend(involvements.iter().map(|i| {
                        let names: Vec<&str> =
                            in_group.iter().filter(|a| a.involvement == *i).map(|a| a.name.as_str()).collect();
                        names.join(", ")
                    }));
                    row
                })
            })
            .collect();
        self.table(columns, rows);
    }
}
