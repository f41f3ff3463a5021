//! Vision, mission, guiding principles, goals and their indicators.

use anyhow::Result;

use crate::interview::prompt::Prompter as _;
use console::style;

use super::entries::Entries;
use super::{Flow, errors_at, new_error, propose};
use crate::catalogue::Item;
use crate::i18n::interview::words;
use crate::interview::parse::{parse_list, parse_number, parse_year, show_list};
use crate::model::{Goal, Indicator, Strategy};

impl Flow<'_> {
    pub(super) fn vision(&mut self, item: &Item) -> Result<()> {
        let current = self.s.vision.vision.clone();
        if let Some(change) = self.long(item.title(self.lang), item.hint(self.lang), current.as_deref())? {
            self.s.vision.vision = change;
            self.checkpoint()?;
        }
        let current = self.s.vision.narrative.clone();
        let (title, hint) = (self.t(&words().narrative), self.t(&words().narrative_hint));
        if let Some(change) = self.long(title, hint, current.as_deref())? {
            self.s.vision.narrative = change;
            self.checkpoint()?;
        }
        let current = (!self.s.vision.keywords.is_empty()).then(|| show_list(&self.s.vision.keywords));
        let label = self.t(&words().narrative_terms);
        self.ask(label, "vision.keywords", current, false, &|a| Ok(parse_list(a)), &|s, v| {
            s.vision.keywords = v.unwrap_or_default();
        })
    }

    pub(super) fn mission(&mut self, item: &Item) -> Result<()> {
        let current = self.s.vision.mission.clone();
        if let Some(change) = self.long(item.title(self.lang), item.hint(self.lang), current.as_deref())? {
            self.s.vision.mission = change;
            self.checkpoint()?;
        }
        Ok(())
    }

    pub(super) fn principles(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let mut i = 0;
        while i < self.s.vision.guiding_principles.len() {
            let current = self.s.vision.guiding_principles.get(i).cloned();
            let label = format!("{} {}", self.t(&words().guiding_principle), i + 1);
            let before = self.s.vision.guiding_principles.len();
            self.ask(&label, "vision.guiding_principles", current, false, &|a| Ok(a.to_string()), &|s, v| match v {
                Some(v) => s.vision.guiding_principles[i] = v,
                None => drop(s.vision.guiding_principles.remove(i)),
            })?;
            if self.s.vision.guiding_principles.len() == before {
                i += 1;
            }
        }
        loop {
            let label = self.t(&words().new_guiding_principle_enter_done);
            let answer = self.p.text(label, "", &|_| Ok(()))?;
            if answer.is_empty() {
                return Ok(());
            }
            self.s.vision.guiding_principles.push(answer);
            self.checkpoint()?;
        }
    }

    pub(super) fn goals(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let (noun, first, add) = (self.t(&words().goal), self.t(&words().add_a_goal), self.t(&words().new_goal));
        self.manage(&Entries {
            noun,
            first,
            add,
            list: &|f| f.s.goals.iter().enumerate().map(|(i, g)| (i, goal_label(g))).collect(),
            edit: &|f, i| f.goal(i),
            add_new: &|f| f.new_goal(),
            remove: &|f, i| f.remove_goal(i),
            swap: &|f, i, j| f.s.goals.swap(i, j),
            walk: false,
        })
    }

    /// Adds a goal and asks its questions; a goal left empty (no title, no
    /// indicator, no parent) is not kept.
    fn new_goal(&mut self) -> Result<bool> {
        let taken: Vec<String> = self.s.goals.iter().map(|g| g.id.clone()).collect();
        let id = propose(self.t(&words().goal_id_prefix), &taken);
        let goal = Goal {
            id,
            title: None,
            description: None,
            parent: None,
            derived_from: None,
            cross_sector: false,
            indicators: Vec::new(),
        };
        self.s.goals.push(goal);
        let i = self.s.goals.len() - 1;
        self.goal(i)?;
        let g = &self.s.goals[i];
        if g.title.as_deref().is_none_or(|t| t.trim().is_empty()) && g.indicators.is_empty() && g.parent.is_none() {
            self.remove_goal(i);
            self.checkpoint()?;
            return Ok(false);
        }
        Ok(true)
    }

    /// Removes goal `i` and every reference to it.
    pub(super) fn remove_goal(&mut self, i: usize) {
        let id = self.s.goals.remove(i).id;
        for g in &mut self.s.goals {
            if g.parent.as_ref().is_some_and(|p| p == &id) {
                g.parent = None;
            }
        }
        for f in &mut self.s.fields {
            f.goals.retain(|g| g != &id);
        }
        for m in &mut self.s.measures {
            m.goals.retain(|g| g != &id);
        }
    }

    pub(super) fn goal(&mut self, i: usize) -> Result<()> {
        let path = format!("goals[{i}]");
        let g = self.s.goals[i].clone();
        let old = g.id.clone();
        self.ask(
            self.t(&words().short_id),
            &format!("{path}.id"),
            Some(old.clone()),
            true,
            &|a| Ok(a.to_string()),
            &|s, v| {
                rename_goal(s, i, &old, &v.unwrap_or_default());
            },
        )?;
        self.ask(
            self.t(&words().title),
            &format!("{path}.title"),
            g.title.clone(),
            false,
            &|a| Ok(a.to_string()),
            &|s, v| {
                s.goals[i].title = v;
            },
        )?;
        let current = self.s.goals[i].description.clone();
        let (label, hint) = (self.t(&words().goal_description), self.t(&words().goal_description_hint));
        if let Some(change) = self.long(label, hint, current.as_deref())? {
            self.s.goals[i].description = change;
            self.checkpoint()?;
        }
        let id = self.s.goals[i].id.clone();
        let others: Vec<(String, String)> = self
            .s
            .goals
            .iter()
            .filter(|g| g.id != id)
            .map(|g| (g.id.clone(), format!("{} {}", g.id, g.title.as_deref().unwrap_or(""))))
            .collect();
        if !others.is_empty() {
            let options: Vec<(&str, &str)> = others.iter().map(|(id, name)| (id.as_str(), name.as_str())).collect();
            let current = self.s.goals[i].parent.clone();
            let current = current.as_deref().and_then(|c| options.iter().find(|(id, _)| *id == c)).map(|(id, _)| *id);
            let label = self.t(&words().parent_goal);
            if let Some(parent) = self.choose(label, &options, current)? {
                let mut candidate = self.s.clone();
                candidate.goals[i].parent = parent.map(|p| p.to_string());
                let at = format!("{path}.parent");
                let before = errors_at(&self.s, &at, self.lang, label);
                match new_error(&before, &candidate, &at, self.lang, label) {
                    Ok(()) => {
                        self.s = candidate;
                        self.checkpoint()?;
                    }
                    Err(e) => self.p.say(&format!("{} {e}", style("✗").red())),
                }
            }
        }
        let (noun, first) = (self.t(&words().indicator), self.t(&words().add_a_measurable_indicator));
        self.manage(&Entries {
            noun,
            first,
            add: self.t(&words().new_indicator),
            list: &|f| f.s.goals[i].indicators.iter().map(|x| x.name.clone()).enumerate().collect(),
            edit: &|f, j| f.indicator(i, j),
            add_new: &|f| {
                let indicator = Indicator {
                    name: String::new(),
                    unit: None,
                    baseline: None,
                    baseline_year: None,
                    target: None,
                    target_year: None,
                    source: None,
                    values: Vec::new(),
                };
                f.s.goals[i].indicators.push(indicator);
                let j = f.s.goals[i].indicators.len() - 1;
                f.indicator(i, j)?;
                if f.s.goals[i].indicators[j].name.trim().is_empty() {
                    f.s.goals[i].indicators.remove(j);
                    return Ok(false);
                }
                Ok(true)
            },
            remove: &|f, j| drop(f.s.goals[i].indicators.remove(j)),
            swap: &|f, a, b| f.s.goals[i].indicators.swap(a, b),
            walk: false,
        })
    }

    pub(super) fn indicator(&mut self, i: usize, j: usize) -> Result<()> {
        let path = format!("goals[{i}].indicators[{j}]");
        let ind = self.s.goals[i].indicators[j].clone();
        let name = (!ind.name.is_empty()).then_some(ind.name.clone());
        // a new indicator may be left empty: it is then not added
        let label = self.new_entry_label(self.t(&words().measure_what_is_counted), name.is_none());
        self.ask(&label, &format!("{path}.name"), name.clone(), name.is_some(), &|a| Ok(a.to_string()), &|s, v| {
            indicator_mut(s, i, j).name = v.unwrap_or_default();
        })?;
        if self.s.goals[i].indicators[j].name.is_empty() {
            return Ok(());
        }
        self.ask(
            self.t(&words().unit_question),
            &format!("{path}.unit"),
            ind.unit.clone(),
            false,
            &|a| Ok(a.to_string()),
            &|s, v| {
                indicator_mut(s, i, j).unit = v;
            },
        )?;
        let lang = self.lang;
        let show = move |x: Option<f64>| x.map(|x| crate::i18n::number(lang, x));
        self.ask_number(
            self.t(&words().baseline_value),
            &format!("{path}.baseline"),
            show(ind.baseline),
            &|a| parse_number(a, lang),
            &|s, v| {
                indicator_mut(s, i, j).baseline = v;
            },
            &|x| crate::i18n::number(lang, *x),
        )?;
        self.ask(
            self.t(&words().year_of_the_baseline),
            // checked against the whole indicator: its values must stay within its years
            &path,
            ind.baseline_year.map(|y| y.to_string()),
            false,
            &|a| parse_year(a, lang),
            &|s, v| {
                indicator_mut(s, i, j).baseline_year = v;
            },
        )?;
        self.ask_number(
            self.t(&words().target_value),
            &format!("{path}.target"),
            show(ind.target),
            &|a| parse_number(a, lang),
            &|s, v| {
                indicator_mut(s, i, j).target = v;
            },
            &|x| crate::i18n::number(lang, *x),
        )?;
        self.ask(
            self.t(&words().target_year),
            &path,
            ind.target_year.as_ref().map(|y| y.to_string()),
            false,
            &|a| parse_year(a, lang),
            &|s, v| {
                indicator_mut(s, i, j).target_year = v;
            },
        )?;
        let label = self.t(&words().data_source);
        self.ask(label, &format!("{path}.source"), ind.source.clone(), false, &|a| Ok(a.to_string()), &|s, v| {
            indicator_mut(s, i, j).source = v;
        })
    }
}

/// `Z1 Title`.
fn goal_label(g: &Goal) -> String {
    format!("{} {}", g.id, g.title.as_deref().unwrap_or("")).trim_end().to_string()
}

fn indicator_mut(s: &mut Strategy, i: usize, j: usize) -> &mut Indicator {
    &mut s.goals[i].indicators[j]
}

/// Renames goal `i` from `old` to `new` and every reference with it.
fn rename_goal(s: &mut Strategy, i: usize, old: &str, new: &str) {
    s.goals[i].id = new.to_string();
    let rename = |r: &mut String| {
        if r == old {
            *r = new.to_string();
        }
    };
    for g in &mut s.goals {
        if let Some(p) = g.parent.as_mut() {
            rename(p);
        }
    }
    for f in &mut s.fields {
        f.goals.iter_mut().for_each(rename);
    }
    for m in &mut s.measures {
        m.goals.iter_mut().for_each(rename);
    }
}
