//! Actors (partners and committees) and the glossary.

use anyhow::Result;

use crate::interview::prompt::Prompter as _;

use strum::VariantArray as _;

use super::entries::Entries;
use super::{Flow, tr};
use crate::catalogue::Item;
use crate::i18n::interview::words;
use crate::model::{Actor, GlossaryEntry, Group, Involvement, Strategy};

impl Flow<'_> {
    pub(super) fn actors(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let (noun, first, add) = (self.t(&words().actor), self.t(&words().add_an_actor), self.t(&words().new_actor));
        self.manage(&Entries {
            noun,
            first,
            add,
            list: &|f| f.s.actors.iter().map(|a| a.name.clone()).enumerate().collect(),
            edit: &|f, i| f.actor(i),
            add_new: &|f| {
                let actor = Actor { name: String::new(), group: None, role: None, involvement: None, committee: false };
                f.s.actors.push(actor);
                let i = f.s.actors.len() - 1;
                f.actor(i)?;
                Ok(f.kept_unless_empty(|s| &mut s.actors, |a| a.name.is_empty()))
            },
            remove: &|f, i| drop(f.s.actors.remove(i)),
            swap: &|f, i, j| f.s.actors.swap(i, j),
            walk: false,
        })
    }

    pub(super) fn actor(&mut self, i: usize) -> Result<()> {
        let path = format!("actors[{i}]");
        let a = self.s.actors[i].clone();
        let name = (!a.name.is_empty()).then_some(a.name.clone());
        let label = self.new_entry_label("Name", name.is_none());
        self.ask(&label, &format!("{path}.name"), name.clone(), name.is_some(), &|a| Ok(a.to_string()), &|s, v| {
            actor_mut(s, i).name = v.unwrap_or_default();
        })?;
        if self.s.actors[i].name.is_empty() {
            return Ok(());
        }
        let t = tr(self.lang);
        let groups = Group::VARIANTS.iter().map(|&g| (g, self.l.group(g).to_string())).collect::<Vec<_>>();
        if let Some(g) = self.choose(t(&words().group), &groups, a.group)? {
            actor_mut(&mut self.s, i).group = g;
            self.checkpoint()?;
        }
        self.ask(t(&words().role), &format!("{path}.role"), a.role.clone(), false, &|a| Ok(a.to_string()), &|s, v| {
            actor_mut(s, i).role = v;
        })?;
        let involvements =
            Involvement::VARIANTS.iter().map(|&i| (i, self.l.involvement(i).to_string())).collect::<Vec<_>>();
        if let Some(v) = self.choose(t(&words().involvement), &involvements, a.involvement)? {
            actor_mut(&mut self.s, i).involvement = v;
            self.checkpoint()?;
        }
        let committee = self.p.confirm(t(&words().is_it_a_committee), a.committee)?;
        if committee != a.committee {
            actor_mut(&mut self.s, i).committee = committee;
            self.checkpoint()?;
        }
        Ok(())
    }

    pub(super) fn glossary(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let (noun, first, add) = (self.t(&words().term), self.t(&words().explain_a_term), self.t(&words().new_term));
        self.manage(&Entries {
            noun,
            first,
            add,
            list: &|f| f.s.glossary.iter().map(|g| g.term.clone()).enumerate().collect(),
            edit: &|f, i| f.term(i),
            add_new: &|f| {
                f.s.glossary.push(GlossaryEntry { term: String::new(), definition: String::new() });
                f.term(f.s.glossary.len() - 1)?;
                Ok(f.kept_unless_empty(|s| &mut s.glossary, |g| g.term.is_empty()))
            },
            remove: &|f, i| drop(f.s.glossary.remove(i)),
            swap: &|f, i, j| f.s.glossary.swap(i, j),
            walk: false,
        })
    }

    pub(super) fn term(&mut self, i: usize) -> Result<()> {
        let e = self.s.glossary[i].clone();
        let path = format!("glossary[{i}]");
        let term = (!e.term.is_empty()).then_some(e.term.clone());
        let label = self.new_entry_label(self.t(&words().term), term.is_none());
        self.ask(&label, &format!("{path}.term"), term.clone(), term.is_some(), &|a| Ok(a.to_string()), &|s, v| {
            s.glossary[i].term = v.unwrap_or_default();
        })?;
        if self.s.glossary[i].term.is_empty() {
            return Ok(());
        }
        let definition = (!e.definition.is_empty()).then_some(e.definition.clone());
        let label = self.t(&words().explanation_in_plain_language);
        self.ask(label, &format!("{path}.definition"), definition, true, &|a| Ok(a.to_string()), &|s, v| {
            s.glossary[i].definition = v.unwrap_or_default();
        })
    }
}

fn actor_mut(s: &mut Strategy, i: usize) -> &mut Actor {
    &mut s.actors[i]
}
