//! The entries of a loop (goals, indicators, fields of action, measures,
//! actors, terms) managed from one list: open an entry to change, move or
//! remove it, add a new one, or go on. Enter at the list goes on and keeps
//! every entry as it is, so a review of an unchanged strategy stays quick.

use anyhow::Result;

use crate::interview::prompt::Prompter as _;

use super::Flow;
use crate::i18n::interview::words;

/// How one kind of entry is listed, opened, added, removed and moved; `F`
/// is the flow (the closures get it to ask their questions).
pub(super) struct Entries<'e, F> {
    /// The entry's noun ("Ziel"), in front of its label in questions.
    pub noun: &'e str,
    /// Asked while there is no entry ("Ein Ziel hinzufügen?").
    pub first: &'e str,
    /// The list's line for a new entry ("Neues Ziel").
    pub add: &'e str,
    /// The entries in the order shown: their index in the model and a label.
    pub list: &'e dyn Fn(&F) -> Vec<(usize, String)>,
    /// Asks the questions of the entry at a model index.
    pub edit: &'e dyn Fn(&mut F, usize) -> Result<()>,
    /// Adds an entry and asks its questions; `false` when it was left empty
    /// and so not added.
    pub add_new: &'e dyn Fn(&mut F) -> Result<bool>,
    /// Removes the entry at a model index (and what refers to it).
    pub remove: &'e dyn Fn(&mut F, usize),
    /// Swaps the entries at two model indices.
    pub swap: &'e dyn Fn(&mut F, usize, usize),
    /// Enter opens each entry in turn before it goes on (the fields of
    /// action, whose measures are asked inside them).
    pub walk: bool,
}

/// What to do with an opened entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Edit,
    Up,
    Down,
    Remove,
    Back,
}

impl<'a> Flow<'a> {
    /// Manages the entries of `e` until the user goes on.
    pub(super) fn manage(&mut self, e: &Entries<'_, Flow<'a>>) -> Result<()> {
        // per position in the list: opened by the walk already (moved and removed with its entry)
        let mut visited: Vec<bool> = Vec::new();
        let mut proposed: Option<usize> = None;
        loop {
            let list = (e.list)(self);
            let n = list.len();
            if n == 0 {
                if !self.confirm(e.first)? {
                    return Ok(());
                }
                if !(e.add_new)(self)? {
                    self.p.say(self.t(&words().entry_left_empty));
                    return Ok(());
                }
                continue;
            }
            let mut items: Vec<String> = list.iter().map(|(_, label)| format!("  {}", label.trim_end())).collect();
            items.push(format!("+ {}", e.add));
            items.push(format!("→ {}", self.t(&words().entries_go_on)));
            visited.resize(n, false);
            let next_unvisited = visited.iter().position(|v| !v).filter(|_| e.walk);
            let default = proposed.take().or(next_unvisited).unwrap_or(n + 1);
            let label = words().entries_question.fill(self.lang, &[("noun", e.noun)]);
            let chosen = self.p.select(&label, &items, default.min(n + 1))?;
            if chosen == n + 1 {
                return Ok(());
            }
            if chosen == n {
                if !(e.add_new)(self)? {
                    self.p.say(self.t(&words().entry_left_empty));
                }
                continue;
            }
            let (index, name) = (list[chosen].0, list[chosen].1.trim_end().to_string());
            if next_unvisited == Some(chosen) {
                visited[chosen] = true;
                (e.edit)(self, index)?;
                continue;
            }
            match self.entry_action(&format!("{} {name}", e.noun), chosen, n)? {
                Action::Edit => (e.edit)(self, index)?,
                Action::Up => {
                    (e.swap)(self, index, list[chosen - 1].0);
                    visited.swap(chosen, chosen - 1);
                    self.checkpoint()?;
                }
                Action::Down => {
                    (e.swap)(self, index, list[chosen + 1].0);
                    visited.swap(chosen, chosen + 1);
                    self.checkpoint()?;
                }
                Action::Remove => {
                    let question = words().remove_entry.fill(self.lang, &[("entry", &format!("{} {name}", e.noun))]);
                    if self.confirm(&question)? {
                        (e.remove)(self, index);
                        visited.remove(chosen);
                        self.checkpoint()?;
                    }
                }
                Action::Back => proposed = Some(chosen),
            }
        }
    }

    /// The label of an entry's first question; for a new entry it says that
    /// an empty answer adds nothing.
    pub(super) fn new_entry_label(&self, label: &str, new: bool) -> String {
        if new {
            format!("{label} {}", console::style(self.t(&words().empty_adds_nothing)).dim())
        } else {
            label.to_string()
        }
    }

    /// Whether the last entry of a list is kept: one left `empty` (an
    /// accidental "add") is removed again.
    pub(super) fn kept_unless_empty<T>(
        &mut self,
        entries: impl Fn(&mut crate::model::Strategy) -> &mut Vec<T>,
        empty: impl Fn(&T) -> bool,
    ) -> bool {
        let list = entries(&mut self.s);
        if list.last().is_some_and(&empty) {
            list.pop();
            return false;
        }
        true
    }

    /// Asks what to do with the entry at `position` of `n`.
    fn entry_action(&mut self, label: &str, position: usize, n: usize) -> Result<Action> {
        let w = words();
        let mut actions = vec![(Action::Edit, w.edit.get(self.lang))];
        if position > 0 {
            actions.push((Action::Up, w.move_up.get(self.lang)));
        }
        if position + 1 < n {
            actions.push((Action::Down, w.move_down.get(self.lang)));
        }
        actions.push((Action::Remove, w.remove.get(self.lang)));
        actions.push((Action::Back, w.back_to_the_list.get(self.lang)));
        let items: Vec<String> = actions.iter().map(|(_, name)| name.to_string()).collect();
        let chosen = self.p.select(label, &items, 0)?;
        Ok(actions.get(chosen).map_or(Action::Back, |(a, _)| *a))
    }
}
