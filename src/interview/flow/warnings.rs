//! Before the file is written: what `check` would warn about, in the
//! interview's language and without key paths, line numbers or codes, each
//! with a way to jump to the questions that fix it.

use anyhow::Result;

use crate::interview::prompt::Prompter as _;
use console::style;

use super::{BASICS, Flow, steps};
use crate::catalogue::{Catalogue, Generated, section_ids};
use crate::i18n::interview::words;
use crate::model::{Diagnostic, Severity};

/// Where the questions that fix a warning are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fix {
    /// Write the file as it is.
    Write,
    /// The questions of goal `i`.
    Goal(usize),
    /// What to change in measure `i`, proposing the part its key is in.
    Measure(usize, &'static str),
    /// The questions of a whole step.
    Step(usize),
}

/// The warnings `check` gives for the model, in file order.
pub(super) fn warnings_of(s: &crate::model::Strategy) -> Vec<Diagnostic> {
    super::check_answers(s).diagnostics.into_iter().filter(|d| d.severity == Severity::Warning).collect()
}

/// The index in `path` after `prefix[`: `measures[3].budget_eur` → 3.
fn index_in(path: &str, prefix: &str) -> Option<usize> {
    let rest = path.strip_prefix(prefix)?.strip_prefix('[')?;
    rest.split(']').next()?.parse().ok()
}

/// The step that asks about `path`.
fn step_of(path: &str) -> usize {
    let all = steps();
    let at = |id: &str| all.iter().position(|s| *s == id).unwrap_or(0);
    let head = path.split(['.', '[']).next().unwrap_or("");
    let catalogue = Catalogue::get();
    let section_of = |generated: Generated| {
        catalogue.items.iter().find(|i| i.generated == Some(generated)).map_or(0, |i| at(&i.section))
    };
    match head {
        "municipality" | "document" | "" => at(BASICS),
        "vision" | "goals" => at(section_ids::GOALS),
        "fields" | "measures" => at(section_ids::FIELDS),
        "actors" => section_of(Generated::Partners),
        "glossary" => section_of(Generated::Glossary),
        "technical" => at(section_ids::TECHNICAL),
        "production" => at(section_ids::PRODUCTION),
        "text" => {
            let item = path.split('.').nth(1).unwrap_or("");
            catalogue.items.iter().find(|i| i.id == item).map_or(0, |i| at(&i.section))
        }
        _ => at(BASICS),
    }
}

/// Where to fix the finding `d`.
fn fix_of(d: &Diagnostic) -> Fix {
    if let Some(i) = index_in(&d.path, "measures") {
        // the measure's key the finding is about (`measures[3].follow_up_eur.2027`), or what it misses
        let key = d.path.split_once("].").and_then(|(_, rest)| rest.split(['.', '[']).next()).unwrap_or(d.code);
        return Fix::Measure(i, measure_part(key));
    }
    if let Some(i) = index_in(&d.path, "goals") {
        return Fix::Goal(i);
    }
    Fix::Step(step_of(&d.path))
}

/// Which part of a measure's questions a key or a finding's code is about
/// (the names [`Flow::edit_measure_at`] knows).
fn measure_part(key: &str) -> &'static str {
    const PARTS: [(&str, &str); 11] = [
        ("budget", "money"),
        ("funding", "money"),
        ("financing", "money"),
        ("costs", "money"),
        ("follow_up", "money"),
        ("staff", "money"),
        ("start", "money"),
        ("end", "money"),
        ("sdg", "sdgs"),
        ("status", "status"),
        ("cancelled", "status"),
    ];
    PARTS.iter().find(|(word, _)| key.contains(word)).map_or("content", |(_, part)| part)
}

impl Flow<'_> {
    /// Shows what `check` would warn about and offers to fix each, checking
    /// again after every fix; `true` when the file is to be written (Enter).
    pub(super) fn before_writing(&mut self) -> Result<bool> {
        loop {
            let warnings = warnings_of(&self.s);
            if warnings.is_empty() {
                return Ok(true);
            }
            let n = warnings.len().to_string();
            let heading =
                if warnings.len() == 1 { &words().warning_before_writing } else { &words().warnings_before_writing };
            self.heading(&heading.fill(self.lang, &[("n", &n)]));
            let mut choices = vec![(Fix::Write, format!("→ {}", self.t(&words().write_the_file_now)))];
            for d in &warnings {
                let (message, _) = d.text(self.lang, "");
                choices.push((fix_of(d), format!("  {} {message}", self.t(&words().fix))));
            }
            let items: Vec<String> = choices.iter().map(|(_, line)| line.clone()).collect();
            let chosen = self.p.select(self.t(&words().fix_or_write), &items, 0)?;
            match choices.get(chosen).map_or(Fix::Write, |(fix, _)| *fix) {
                Fix::Write => return Ok(true),
                Fix::Goal(i) if i < self.s.goals.len() => self.goal(i)?,
                Fix::Measure(i, part) if i < self.s.measures.len() => self.edit_measure_at(i, part)?,
                Fix::Step(step) => self.enter(step)?,
                Fix::Goal(_) | Fix::Measure(..) => {}
            }
            self.p.say(&format!("{}", style(self.t(&words().checked_again)).dim()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_leads_to_the_questions_that_fix_it() {
        let all = steps();
        let at = |id: &str| all.iter().position(|s| *s == id).expect("a step");
        assert_eq!(index_in("measures[12].budget_eur", "measures"), Some(12));
        assert_eq!(index_in("measures", "measures"), None);
        assert_eq!(step_of("municipality.state"), at(BASICS));
        assert_eq!(step_of("vision"), at(section_ids::GOALS));
        assert_eq!(step_of("text.foreword"), at("introduction"));
        assert_eq!(step_of("fields[0].goals"), at(section_ids::FIELDS));
        assert_eq!(step_of("production.done"), at(section_ids::PRODUCTION));
        assert_eq!(measure_part("budget_eur"), "money");
        assert_eq!(measure_part("measure-without-budget"), "money");
        assert_eq!(measure_part("follow_up_eur"), "money");
        assert_eq!(measure_part("cancelled-without-reason"), "status");
        assert_eq!(measure_part("lead"), "content");
    }
}
