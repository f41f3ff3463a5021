//! The overview the interview comes back to after the municipality and after
//! every section: each section with its state, the outline coverage, and
//! "Fertig". Any section can be entered again, in any order; Enter goes on
//! with the next section not yet entered, and after the last one to the end.

use anyhow::Result;

use crate::interview::prompt::Prompter as _;
use console::style;

use super::{BASICS, Flow, step_title, steps};
use crate::catalogue::{Catalogue, section_ids};
use crate::i18n::interview::words;
use crate::model::coverage::{coverage, is_filled, technical_selected};

/// What the overview was left with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Choice {
    /// Enter this step.
    Step(usize),
    /// "Fertig": to the summary and the file.
    Finish,
    /// Find one measure and change it.
    Measure,
}

impl Flow<'_> {
    /// Shows the overview and asks where to go; `next` is proposed (Enter).
    pub(super) fn overview(&mut self, next: usize) -> Result<Choice> {
        let all = steps();
        let cov = coverage(&self.s);
        let percent = crate::i18n::number(self.lang, cov.percent);
        let (filled, total) = (cov.filled.to_string(), cov.total.to_string());
        let heading =
            words().overview_heading.fill(self.lang, &[("percent", &percent), ("filled", &filled), ("total", &total)]);
        self.heading(&heading);
        let mut choices: Vec<(Choice, String)> =
            (0..all.len()).map(|step| (Choice::Step(step), self.overview_line(step))).collect();
        if !self.s.measures.is_empty() {
            // just above "Fertig", so ↑ ↑ from the first line reaches it
            choices.push((Choice::Measure, format!("→ {}", self.t(&words().overview_open_measure))));
        }
        choices.push((Choice::Finish, format!("→ {}", self.t(&words().overview_finish))));
        let default = choices.iter().position(|(c, _)| *c == Choice::Step(next)).unwrap_or(choices.len() - 1);
        let items: Vec<String> = choices.iter().map(|(_, line)| line.clone()).collect();
        let label = self.t(&words().overview_question);
        let chosen = self.p.select(label, &items, default)?;
        Ok(choices.get(chosen).map_or(Choice::Finish, |(c, _)| *c))
    }

    /// The step Enter proposes after `after`: the next one not yet entered,
    /// else the first one not yet entered, else the end.
    pub(super) fn proposed(&self, after: usize) -> usize {
        let n = steps().len();
        (after..n).chain(0..after).find(|&s| !self.entered.contains(&s)).unwrap_or(n)
    }

    /// "✔ 3. Handlungsfelder und Maßnahmen · 5 Handlungsfelder, 23 Maßnahmen".
    fn overview_line(&self, step: usize) -> String {
        let mark = if self.entered.contains(&step) { "✔" } else { "○" };
        format!("{mark} {}. {} · {}", step + 1, step_title(step, self.lang), self.state_of(step))
    }

    /// What a step holds, in a few words.
    fn state_of(&self, step: usize) -> String {
        let (s, lang) = (&self.s, self.lang);
        let count = |word: &'static crate::i18n::Entry, n: usize| word.fill(lang, &[("n", &n.to_string())]);
        let all = steps();
        let id = all.get(step).copied().unwrap_or(BASICS);
        match id {
            BASICS => match s.municipality.name.trim() {
                "" => self.t(&words().overview_open).to_string(),
                name => name.to_string(),
            },
            section_ids::GOALS => {
                let filled = self.filled_in(id);
                format!("{}, {}", count(&words().overview_goals, s.goals.len()), filled)
            }
            section_ids::FIELDS => format!(
                "{}, {}",
                count(&words().overview_fields, s.fields.len()),
                count(&words().overview_measures, s.measures.len())
            ),
            section_ids::PRODUCTION => {
                let checked = count(&words().overview_checked, s.production.done.len());
                match s.council.is_empty() {
                    true => checked,
                    false => format!("{checked}, {}", count(&words().overview_council, s.council.sessions.len())),
                }
            }
            _ => self.filled_in(id),
        }
    }

    /// "4 von 9 Punkten ausgefüllt" for the items of section `id` that count.
    fn filled_in(&self, id: &str) -> String {
        let catalogue = Catalogue::get();
        let counted: Vec<_> =
            catalogue.items_of(id).filter(|i| id != section_ids::TECHNICAL || technical_selected(&self.s, i)).collect();
        let filled = counted.iter().filter(|i| is_filled(&self.s, i)).count();
        if id == section_ids::TECHNICAL && counted.is_empty() {
            return format!("{}", style(self.t(&words().overview_no_topics)).dim());
        }
        words()
            .overview_filled
            .fill(self.lang, &[("filled", &filled.to_string()), ("total", &counted.len().to_string())])
    }
}
