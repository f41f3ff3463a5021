//! Fields of action and their measures.

use anyhow::Result;

use crate::interview::prompt::Prompter as _;

use strum::VariantArray as _;

use super::entries::Entries;
use super::{Flow, propose, tr};
use crate::catalogue::{Catalogue, Item};
use crate::i18n::Entry;
use crate::i18n::interview::words;
use crate::interview::parse::{parse_list, show_list, slug};
use crate::model::{Field, Measure, MeasureStatus, Priority, Strategy};

impl Flow<'_> {
    pub(super) fn fields(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let catalogue = Catalogue::get();
        let present: Vec<String> = self.s.fields.iter().map(|f| f.id.clone()).collect();
        let mut options: Vec<(String, String)> =
            catalogue.fields.iter().map(|f| (f.id.clone(), f.title(self.lang).to_string())).collect();
        for f in &self.s.fields {
            if catalogue.common_field(&f.id).is_none() {
                options.push((f.id.clone(), f.title.clone().unwrap_or_else(|| f.id.clone())));
            }
        }
        let label = self.t(&words().choose_fields);
        if let Some(chosen) = self.choose_many(label, &options, &present)? {
            for id in present.iter().filter(|id| !chosen.contains(id)) {
                let n = self.s.measures.iter().filter(|m| m.field == *id).count();
                let question = format!("{id}: {n} {}", self.t(&words().remove_field_with_measures));
                if n == 0 || self.confirm(&question)? {
                    self.s.fields.retain(|f| f.id != *id);
                    self.s.measures.retain(|m| m.field != *id);
                }
            }
            for id in chosen.iter().filter(|id| !present.contains(id)) {
                self.s.fields.push(Field {
                    id: id.clone(),
                    title: None,
                    description: None,
                    goals: Vec::new(),
                    image: None,
                });
            }
            self.checkpoint()?;
        }
        // Enter walks through every field of action (its description, goals
        // and measures), then goes on
        self.manage(&Entries {
            noun: self.t(&words().field_of_action),
            first: self.t(&words().add_own_field),
            add: self.t(&words().new_field),
            list: &|f| f.s.fields.iter().enumerate().map(|(i, x)| (i, f.field_title(x))).collect(),
            edit: &|f, i| f.field(i),
            add_new: &|f| f.new_field(),
            remove: &|f, i| {
                let id = f.s.fields.remove(i).id;
                f.s.measures.retain(|m| m.field != id);
            },
            swap: &|f, i, j| f.s.fields.swap(i, j),
            walk: true,
        })
    }

    /// The title a field of action is shown with: its own, the catalogue's, or its id.
    fn field_title(&self, f: &Field) -> String {
        let common = Catalogue::get().common_field(&f.id).map(|c| c.title(self.lang).to_string());
        f.title.clone().or(common).unwrap_or_else(|| f.id.clone())
    }

    /// Adds an own field of action: its title, then its short id.
    fn new_field(&mut self) -> Result<bool> {
        let label = self.new_entry_label(self.t(&words().title_of_the_field), true);
        let title = self.p.text(&label, "", &|_| Ok(()))?;
        if title.is_empty() {
            return Ok(false);
        }
        let i = self.s.fields.len();
        let field = Field { id: slug(&title), title: Some(title), description: None, goals: Vec::new(), image: None };
        self.s.fields.push(field);
        let old = self.s.fields[i].id.clone();
        let label = self.t(&words().short_id);
        self.ask(label, &format!("fields[{i}].id"), Some(old), true, &|a| Ok(a.to_string()), &|s, v| {
            s.fields[i].id = v.unwrap_or_default();
        })?;
        self.checkpoint()?;
        self.field(i)?;
        Ok(true)
    }

    pub(super) fn goal_options(&self) -> Vec<(String, String)> {
        self.s.goals.iter().map(|g| (g.id.clone(), format!("{} {}", g.id, g.title.as_deref().unwrap_or("")))).collect()
    }

    pub(super) fn field(&mut self, i: usize) -> Result<()> {
        let f = self.s.fields[i].clone();
        let id = f.id.clone();
        let title = self.field_title(&f);
        self.heading(&format!("{} {title}", self.t(&words().field_of_action)));
        let label = self.t(&words().description_of_the_field);
        if let Some(change) = self.long(label, "", f.description.as_deref())? {
            self.s.fields[i].description = change;
            self.checkpoint()?;
        }
        let current: Vec<String> = f.goals.to_vec();
        let options = self.goal_options();
        if let Some(goals) = self.choose_many(self.t(&words().goals_the_field_serves), &options, &current)? {
            self.s.fields[i].goals = goals.into_iter().collect();
            self.checkpoint()?;
        }
        let first = words().add_measure_in.fill(self.lang, &[("title", &title)]);
        self.manage(&Entries {
            noun: self.t(&words().measure),
            first: &first,
            add: self.t(&words().new_measure),
            list: &|f| {
                (f.s.measures.iter().enumerate())
                    .filter(|(_, m)| m.field == id)
                    .map(|(i, m)| (i, format!("{} {}", m.id, m.title.as_deref().unwrap_or(""))))
                    .collect()
            },
            edit: &|f, m| f.edit_measure(m),
            add_new: &|f| f.new_measure(&id),
            remove: &|f, m| drop(f.s.measures.remove(m)),
            swap: &|f, a, b| f.s.measures.swap(a, b),
            walk: false,
        })
    }

    /// Adds a measure to field `field` and asks its questions; one left
    /// empty (no title, description, goal, lead, years or budget) is not kept.
    fn new_measure(&mut self, field: &str) -> Result<bool> {
        let taken: Vec<String> = self.s.measures.iter().map(|m| m.id.clone()).collect();
        let measure = Measure { id: propose("M", &taken), field: field.to_string(), ..Measure::default() };
        self.s.measures.push(measure);
        let i = self.s.measures.len() - 1;
        self.measure(i)?;
        let m = &self.s.measures[i];
        let blank = |t: &Option<String>| t.as_deref().is_none_or(|t| t.trim().is_empty());
        let empty = blank(&m.title) && blank(&m.description) && blank(&m.lead) && m.goals.is_empty();
        let no_money = m.budget_eur.is_none() && m.costs_eur.is_empty() && m.financing.is_empty();
        if empty && m.start.is_none() && m.end.is_none() && no_money {
            self.s.measures.remove(i);
            self.checkpoint()?;
            return Ok(false);
        }
        Ok(true)
    }

    /// Every question about measure `i`: what it is, then how it is planned.
    pub(super) fn measure(&mut self, i: usize) -> Result<()> {
        self.measure_content(i)?;
        self.measure_plan(i)
    }

    /// Id, title, description, benefit, goals, lead and partners of measure `i`.
    fn measure_content(&mut self, i: usize) -> Result<()> {
        let path = format!("measures[{i}]");
        let at = |key: &str| format!("{path}.{key}");
        let m = self.s.measures[i].clone();
        let text = |a: &str| -> std::result::Result<String, String> { Ok(a.to_string()) };

        let old = m.id.clone();
        let label = self.t(&words().short_id);
        self.ask(label, &at("id"), Some(old), true, &text, &|s, v| measure_mut(s, i).id = v.unwrap_or_default())?;
        self.ask(self.t(&words().title), &at("title"), m.title.clone(), false, &text, &|s, v| {
            measure_mut(s, i).title = v
        })?;
        let label = self.t(&words().description);
        if let Some(change) = self.long(label, "", m.description.as_deref())? {
            measure_mut(&mut self.s, i).description = change;
            self.checkpoint()?;
        }
        let label = self.t(&words().benefit_for_citizens);
        self.ask(label, &at("benefit"), m.benefit.clone(), false, &text, &|s, v| measure_mut(s, i).benefit = v)?;
        let current: Vec<String> = m.goals.to_vec();
        let options = self.goal_options();
        if let Some(goals) = self.choose_many(self.t(&words().goals_of_the_measure), &options, &current)? {
            measure_mut(&mut self.s, i).goals = goals.into_iter().collect();
            self.checkpoint()?;
        }
        let label = self.t(&words().responsible_lead);
        self.ask(label, &at("lead"), m.lead.clone(), false, &text, &|s, v| measure_mut(s, i).lead = v)?;
        self.partners(i)
    }

    /// The partners of measure `i`: chosen from the actors entered, then any
    /// further ones typed; without actors, typed as a list.
    fn partners(&mut self, i: usize) -> Result<()> {
        let at = format!("measures[{i}].partners");
        let current = self.s.measures[i].partners.clone();
        if self.s.actors.is_empty() {
            let shown = (!current.is_empty()).then(|| show_list(&current));
            let label = self.t(&words().partners_comma_separated);
            return self.ask(label, &at, shown, false, &|a| Ok(parse_list(a)), &|s, v| {
                measure_mut(s, i).partners = v.unwrap_or_default();
            });
        }
        let actors: Vec<String> = self.s.actors.iter().map(|a| a.name.clone()).collect();
        let mut options: Vec<(String, String)> = actors.iter().map(|n| (n.clone(), n.clone())).collect();
        // partners typed earlier that are no actor stay choosable
        options.extend(current.iter().filter(|p| !actors.contains(p)).map(|p| (p.clone(), p.clone())));
        if let Some(chosen) = self.choose_many(self.t(&words().partners_from_actors), &options, &current)? {
            // in the order the list shows
            let keep: Vec<String> = options.iter().map(|(id, _)| id.clone()).filter(|id| chosen.contains(id)).collect();
            measure_mut(&mut self.s, i).partners = keep;
            self.checkpoint()?;
        }
        let label = self.t(&words().further_partners);
        self.ask(label, &at, None, false, &|a| Ok(parse_list(a)), &|s, v| {
            let partners = &mut measure_mut(s, i).partners;
            for p in v.unwrap_or_default() {
                if !partners.contains(&p) {
                    partners.push(p);
                }
            }
        })
    }

    /// Priority, quick win, status, years, budget, funding and SDGs of measure `i`.
    fn measure_plan(&mut self, i: usize) -> Result<()> {
        self.measure_priority(i)?;
        self.measure_status(i)?;
        self.measure_money(i)?;
        self.measure_sdgs(i)
    }

    /// Finds one measure by its short id or title and asks what to change.
    pub(super) fn open_measure(&mut self) -> Result<()> {
        let items: Vec<String> = (self.s.measures.iter())
            .map(|m| format!("{} {}", m.id, m.title.as_deref().unwrap_or("")).trim_end().to_string())
            .collect();
        if items.is_empty() {
            return Ok(());
        }
        let i = self.p.select(self.t(&words().which_measure), &items, 0)?;
        self.edit_measure(i)
    }

    /// Asks which part of measure `i` to change (its status first: what a
    /// yearly review changes most), then those questions.
    pub(super) fn edit_measure(&mut self, i: usize) -> Result<()> {
        self.edit_measure_at(i, "status")
    }

    /// Like [`Flow::edit_measure`], proposing the part named `proposed`
    /// (`status`, `all`, `content`, `priority`, `money`, `sdgs`).
    pub(super) fn edit_measure_at(&mut self, i: usize, proposed: &str) -> Result<()> {
        let w = words();
        let parts: [(&str, &Entry, Part<'_>); 6] = [
            ("status", &w.change_status, Self::measure_status),
            ("all", &w.change_everything, Self::measure),
            ("content", &w.change_content, Self::measure_content),
            ("priority", &w.change_priority, Self::measure_priority),
            ("money", &w.change_money, Self::measure_money),
            ("sdgs", &w.change_sdgs, Self::measure_sdgs),
        ];
        let items: Vec<String> = parts.iter().map(|(_, word, _)| word.get(self.lang).to_string()).collect();
        let m = &self.s.measures[i];
        let title = m.title.as_deref().unwrap_or("");
        let label = format!("{} {} {title}: {}", self.t(&w.measure), m.id, self.t(&w.what_to_change));
        let default = parts.iter().position(|(name, _, _)| *name == proposed).unwrap_or(0);
        let chosen = self.p.select(&label, &items, default)?;
        match parts.get(chosen) {
            Some((_, _, ask)) => ask(self, i),
            None => Ok(()),
        }
    }

    /// Priority and quick win of measure `i`.
    fn measure_priority(&mut self, i: usize) -> Result<()> {
        let m = self.s.measures[i].clone();
        let t = tr(self.lang);
        let priorities = Priority::VARIANTS.iter().map(|&p| (p, self.l.priority(p).to_string())).collect::<Vec<_>>();
        if let Some(p) = self.choose(t(&words().priority), &priorities, m.priority)? {
            measure_mut(&mut self.s, i).priority = p;
            self.checkpoint()?;
        }
        let quick = self.p.confirm(t(&words().quick_win_question), m.quick_win)?;
        if quick != m.quick_win {
            measure_mut(&mut self.s, i).quick_win = quick;
            self.checkpoint()?;
        }
        Ok(())
    }

    /// The status of measure `i`.
    fn measure_status(&mut self, i: usize) -> Result<()> {
        let current = self.s.measures[i].status;
        let statuses =
            MeasureStatus::VARIANTS.iter().map(|&st| (st, self.l.status(st).to_string())).collect::<Vec<_>>();
        if let Some(st) = self.choose(self.t(&words().measure_status), &statuses, current)? {
            measure_mut(&mut self.s, i).status = st;
            self.checkpoint()?;
        }
        // a stopped measure says why; a reason given earlier can be changed
        let m = &self.s.measures[i];
        let cancelled = m.status == Some(MeasureStatus::Cancelled);
        if cancelled || m.status_reason.is_some() {
            let label = if cancelled { &words().reason_for_cancelling } else { &words().reason_for_status };
            let (label, current) = (self.t(label), m.status_reason.clone());
            let text = |a: &str| -> std::result::Result<String, String> { Ok(a.to_string()) };
            let at = format!("measures[{i}].status_reason");
            self.ask(label, &at, current, false, &text, &|s, v| measure_mut(s, i).status_reason = v)?;
        }
        Ok(())
    }

    /// The SDGs measure `i` contributes to.
    fn measure_sdgs(&mut self, i: usize) -> Result<()> {
        let m = self.s.measures[i].clone();
        let t = tr(self.lang);
        let catalogue = Catalogue::get();
        let options: Vec<(String, String)> = catalogue
            .sdgs
            .iter()
            .map(|g| (g.number.to_string(), format!("{:>2} {}", g.number, g.name(self.lang))))
            .collect();
        let current: Vec<String> = m.sdgs.iter().map(u8::to_string).collect();
        let label = t(&words().contribution_to_the_sdgs);
        if let Some(sdgs) = self.choose_many(label, &options, &current)? {
            measure_mut(&mut self.s, i).sdgs = sdgs.iter().filter_map(|n| n.parse().ok()).collect();
            self.checkpoint()?;
        }
        Ok(())
    }
}

/// The questions about one part of a measure.
type Part<'f> = fn(&mut Flow<'f>, usize) -> Result<()>;

pub(super) fn measure_mut(s: &mut Strategy, i: usize) -> &mut Measure {
    &mut s.measures[i]
}
