//! Actors (partners and committees) and the glossary.

use anyhow::Result;

use strum::VariantArray as _;

use super::{Flow, tr};
use crate::catalogue::Item;
use crate::i18n::interview::words;
use crate::model::{Actor, GlossaryEntry, Group, Involvement, Strategy};

impl Flow<'_> {
    pub(super) fn actors(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let entries: Vec<(usize, String)> = self.s.actors.iter().map(|a| a.name.clone()).enumerate().collect();
        let noun = self.t(&words().actor);
        self.review(noun, entries, &|f, i| f.actor(i), &|f, i| drop(f.s.actors.remove(i)))?;
        let first = self.t(&words().add_an_actor);
        let more = self.t(&words().another_actor);
        while self.add_one(!self.s.actors.is_empty(), first, more)? {
            let actor = Actor { name: String::new(), group: None, role: None, involvement: None, committee: false };
            self.s.actors.push(actor);
            self.actor(self.s.actors.len() - 1)?;
        }
        Ok(())
    }

    pub(super) fn actor(&mut self, i: usize) -> Result<()> {
        let path = format!("actors[{i}]");
        let a = self.s.actors[i].clone();
        let name = (!a.name.is_empty()).then_some(a.name.clone());
        self.ask("Name", &format!("{path}.name"), name, true, &|a| Ok(a.to_string()), &|s, v| {
            actor_mut(s, i).name = v.unwrap_or_default();
        })?;
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
        let entries: Vec<(usize, String)> = self.s.glossary.iter().map(|g| g.term.clone()).enumerate().collect();
        let noun = self.t(&words().term);
        self.review(noun, entries, &|f, i| f.term(i), &|f, i| drop(f.s.glossary.remove(i)))?;
        let (first, more) = (self.t(&words().explain_a_term), self.t(&words().another_term));
        while self.add_one(!self.s.glossary.is_empty(), first, more)? {
            self.s.glossary.push(GlossaryEntry { term: String::new(), definition: String::new() });
            self.term(self.s.glossary.len() - 1)?;
        }
        Ok(())
    }

    pub(super) fn term(&mut self, i: usize) -> Result<()> {
        let e = self.s.glossary[i].clone();
        let path = format!("glossary[{i}]");
        let term = (!e.term.is_empty()).then_some(e.term.clone());
        self.ask(self.t(&words().term), &format!("{path}.term"), term, true, &|a| Ok(a.to_string()), &|s, v| {
            s.glossary[i].term = v.unwrap_or_default();
        })?;
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
