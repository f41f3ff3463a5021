//! The question flow: municipality and document first, then the outline's
//! sections in catalogue order. Each item without structured input is a free
//! text; items fed by structured input ask for it (goals, fields and
//! measures, actors, glossary, production checklist).
//!
//! The flow edits one [`Strategy`] in place and changes a value only when the
//! user changes it, so Enter at every prompt keeps what was there: a fresh
//! interview stays minimal, a `--from` review reproduces the old model.
//! Answers are checked with the same rules as `check` (the candidate model is
//! written to TOML and checked; an error that the answer introduces is shown
//! and the question asked again).

mod actors;
mod basics;
mod checklists;
mod council;
mod entries;
mod fields;
mod goals;
mod money;
mod overview;
mod update;
mod warnings;

use std::collections::BTreeSet;

use anyhow::Result;
use console::style;

use super::parse::join_lines;
use super::prompt::{Back, Prompter};
use super::replay::Recorder;
use crate::catalogue::{Catalogue, Generated, Item, section_ids};
use crate::i18n::Entry;
use crate::i18n::Labels;
use crate::i18n::interview::words;
use crate::model::coverage::technical_selected;
use crate::model::write::to_toml;
use crate::model::{CheckOptions, Checked, Lang, Severity, Strategy};
use crate::templates::TemplateSet;
/// The first step: municipality and document.
pub const BASICS: &str = "basics";

/// The steps of an interview, in order: [`BASICS`], then the catalogue's
/// sections. A draft records the step to resume at.
pub fn steps() -> Vec<&'static str> {
    std::iter::once(BASICS).chain(Catalogue::get().sections.iter().map(|s| s.id.as_str())).collect()
}

/// The title of step `step` as the interview shows it: "Kommune und
/// Dokument", then the catalogue's section titles; past the last step, the end.
pub fn step_title(step: usize, lang: Lang) -> String {
    let all = steps();
    match all.get(step).copied() {
        Some(BASICS) => words().municipality_and_document.get(lang).to_string(),
        Some(id) => Catalogue::get().sections.iter().find(|s| s.id == id).map_or(id, |s| s.title(lang)).to_string(),
        None => words().the_end.get(lang).to_string(),
    }
}

/// The codes of the warnings the interview shows before writing `s`.
pub fn warnings_before_writing(s: &Strategy) -> Vec<&'static str> {
    warnings::warnings_of(s).iter().map(|d| d.code).collect()
}

/// Called after every answer and every step with the model and the step to
/// resume at: the interview keeps its draft with it.
pub type Saver<'a> = dyn FnMut(&Strategy, usize, usize) -> Result<()> + 'a;

/// An interview over one model.
pub struct Flow<'a> {
    /// Asks the questions, recording the answers of the section being asked (to go back).
    p: Recorder<'a>,
    /// The model being written.
    pub s: Strategy,
    lang: Lang,
    /// The words for kinds, statuses, priorities, groups … in the interview's language.
    l: Labels,
    save: &'a mut Saver<'a>,
    step: usize,
    /// The steps entered so far (a resumed draft: every step before the one it resumes at).
    entered: BTreeSet<usize>,
    /// A section is being asked (its answers are counted for resuming);
    /// false at the overview and what it opens directly.
    in_section: bool,
}

/// What `check` says of the answers so far: the model written as an input
/// file and checked by the same rules.
fn check_answers(s: &Strategy) -> Checked {
    Checked::from_source("answers", to_toml(s, Lang::En), CheckOptions::default())
}

/// The errors `check` gives for `s` at `prefix` (a key path), in `lang`,
/// naming the key by `label` (the question), never by its key path.
fn errors_at(s: &Strategy, prefix: &str, lang: Lang, label: &str) -> Vec<String> {
    let checked = check_answers(s);
    // an empty prefix: anywhere in the model
    let under = |path: &str| {
        prefix.is_empty()
            || path == prefix
            || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    };
    checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && under(&d.path))
        .map(|d| match d.text(lang, label) {
            (message, Some(help)) => format!("{message} ({help})"),
            (message, None) => message,
        })
        .collect()
}

/// The first error that `candidate` has at `prefix` and is not among the
/// errors `before` (those of the model without the answer).
fn new_error(
    before: &[String],
    candidate: &Strategy,
    prefix: &str,
    lang: Lang,
    label: &str,
) -> std::result::Result<(), String> {
    match errors_at(candidate, prefix, lang, label).into_iter().find(|e| !before.contains(e)) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The next free id `prefix1`, `prefix2`, … not in `taken`.
fn propose(prefix: &str, taken: &[String]) -> String {
    (taken.len() + 1..).map(|n| format!("{prefix}{n}")).find(|id| !taken.contains(id)).unwrap_or_default()
}

/// Breaks `text` into lines at most `width` terminal columns wide, at
/// spaces, measuring by display width (wide characters count twice); a word
/// longer than a line stays whole.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let options = textwrap::Options::new(width.max(1)).break_words(false);
    textwrap::wrap(&words, options).into_iter().map(|line| line.into_owned()).collect()
}

/// The first line of a text, shortened for a preview.
fn preview(text: &str) -> String {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    let lines = text.lines().count();
    let mut short: String = first.chars().take(70).collect();
    if first.chars().count() > 70 || lines > 1 {
        short.push('…');
    }
    short
}

impl<'a> Flow<'a> {
    /// An interview over `s`, asking through `p` in `lang`.
    pub fn new(p: &'a mut dyn Prompter, s: Strategy, lang: Lang, save: &'a mut Saver<'a>) -> Flow<'a> {
        let l = TemplateSet::builtin().labels().get(lang).clone();
        Flow { p: Recorder::new(p), s, lang, l, save, step: 0, entered: BTreeSet::new(), in_section: false }
    }

    /// A word of the interview in the interview's language.
    fn t(&self, word: &'static Entry) -> &'static str {
        word.get(self.lang)
    }

    /// Asks step `from` first (the municipality for a new interview, the
    /// section a draft stopped in; `None`: straight to the overview, for a
    /// review with `--from`), then comes back to the overview until
    /// "Fertig"; saves the draft after each answer and step.
    /// A draft resumes at question `question` of step `from`.
    pub fn run(&mut self, from: Option<usize>, question: usize) -> Result<()> {
        let n = steps().len();
        let mut next = 0;
        if from.is_none() {
            // a review of an earlier file starts with the year's figures; Ctrl-C there resumes at the overview
            self.step = n;
            match self.offer_update(super::today().year) {
                // `<` or Esc in the update goes on to the overview, with what was answered
                Err(e) if e.is::<Back>() => {}
                other => other?,
            }
        }
        if let Some(from) = from {
            self.entered.extend(0..from.min(n));
            if from < n {
                self.enter_at(from, question)?;
            }
            next = self.proposed(from + 1);
        }
        loop {
            // Esc or `<` outside a section comes back to the overview
            let went = match self.overview(next) {
                Ok(overview::Choice::Finish) => self.before_writing(),
                Ok(overview::Choice::Step(step)) => {
                    let entered = self.enter(step);
                    // after entering: the step itself now counts as entered
                    next = self.proposed(step + 1);
                    entered.map(|()| false)
                }
                Ok(overview::Choice::Measure) => self.open_measure().map(|()| false),
                Err(e) => Err(e),
            };
            match went {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                Err(e) if e.is::<Back>() => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Asks one step and saves the draft to resume at the step Enter would propose next.
    fn enter(&mut self, step: usize) -> Result<()> {
        self.enter_at(step, 0)
    }

    /// Asks step `step` from its question `question` on (the ones before
    /// take what they propose, which is what the model holds).
    fn enter_at(&mut self, step: usize, question: usize) -> Result<()> {
        self.step = step;
        self.entered.insert(step);
        let at_start = self.s.clone();
        self.p.start();
        self.p.skip(question);
        self.in_section = true;
        // on Ctrl-C the position in the section stays, for the draft
        self.ask_section(step, &at_start)?;
        // what the section recorded (and any replay left) ends with it
        self.in_section = false;
        self.p.start();
        let next = self.proposed(step + 1);
        self.step = next;
        self.save_at(next, 0);
        Ok(())
    }

    /// Asks step `step`; `<` goes back one question (see [`Recorder`]).
    fn ask_section(&mut self, step: usize, at_start: &Strategy) -> Result<()> {
        loop {
            match self.run_step(step) {
                Ok(()) => break,
                Err(e) if e.is::<Back>() => {
                    let answered = self.p.answered();
                    if answered == 0 {
                        // back from the first question: to the overview
                        break;
                    }
                    self.p.say(&format!("{}", style(self.t(&words().going_back)).dim()));
                    self.s = at_start.clone();
                    self.p.rewind(answered - 1);
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Saves the draft; when that fails (a full disk) says so and goes on:
    /// the answers are still here, and the next save tries again.
    fn save_at(&mut self, step: usize, question: usize) {
        if let Err(e) = (self.save)(&self.s, step, question) {
            let error = format!("{e:#}");
            self.p.say(&words().draft_save_failed.fill(self.lang, &[("error", &error)]));
        }
    }

    /// The step being asked (where a resumed interview starts again).
    pub fn current_step(&self) -> usize {
        self.step
    }

    /// The questions of the current step answered so far (a resumed
    /// interview goes on at the next one).
    pub fn current_question(&self) -> usize {
        if self.in_section { self.p.position() } else { 0 }
    }

    fn checkpoint(&mut self) -> Result<()> {
        let question = if self.in_section { self.p.position() } else { 0 };
        self.save_at(self.step, question);
        Ok(())
    }

    fn heading(&mut self, text: &str) {
        self.p.say(&format!("\n{}", style(text).bold().underlined()));
    }

    fn item_heading(&mut self, title: &str, hint: &str) {
        self.p.say(&format!("\n{}", style(title).bold()));
        for line in wrap(hint, self.p.width()) {
            self.p.say(&format!("{}", style(line).dim()));
        }
    }

    fn run_step(&mut self, step: usize) -> Result<()> {
        let all = steps();
        let id = all.get(step).copied().unwrap_or(BASICS);
        let total = all.len();
        if id == BASICS {
            self.heading(&format!("1/{total} {}", step_title(step, self.lang)));
            let hint = self.t(&words().intro_hint);
            for line in wrap(hint, self.p.width()) {
                self.p.say(&format!("{}", style(line).dim()));
            }
            return self.basics();
        }
        let catalogue = Catalogue::get();
        let Some(section) = catalogue.sections.iter().find(|s| s.id == id) else { return Ok(()) };
        let title = section.title(self.lang).to_string();
        self.heading(&format!("{}/{total} {title}", step + 1));
        if id == section_ids::TECHNICAL {
            self.topics()?;
        }
        if id == section_ids::PRODUCTION {
            return self.production();
        }
        for item in catalogue.items_of(id) {
            match item.generated {
                None if id == section_ids::TECHNICAL && !technical_selected(&self.s, item) => {}
                None => self.text_item(item)?,
                Some(generated) => self.generated(generated, item)?,
            }
        }
        Ok(())
    }

    fn generated(&mut self, generated: Generated, item: &Item) -> Result<()> {
        match generated {
            Generated::Vision => self.vision(item),
            Generated::Mission => self.mission(item),
            Generated::GuidingPrinciples => self.principles(item),
            Generated::GoalHierarchy => self.goals(item),
            Generated::FieldChapters => self.fields(item),
            Generated::Partners => self.actors(item),
            Generated::Glossary => self.glossary(item),
            // fed by the goals, measures and actors asked at the items above
            _ => Ok(()),
        }
    }

    // ---- the kinds of question ------------------------------------------------

    /// A one-line value. Enter keeps `current`; `-` clears it (unless
    /// `required`). `parse` turns the answer into a value, `apply` puts it
    /// into a model, and the result must not add an error at `path`.
    fn ask<T>(
        &mut self,
        label: &str,
        path: &str,
        current: Option<String>,
        required: bool,
        parse: &dyn Fn(&str) -> std::result::Result<T, String>,
        apply: &dyn Fn(&mut Strategy, Option<T>),
    ) -> Result<()> {
        self.ask_echoed(label, path, current, required, parse, apply, None)
    }

    /// [`Flow::ask`] for a number: the echo shows the value as it is stored
    /// (`1,5 Mio` → `1.500.000`), not as it was typed.
    fn ask_number<T>(
        &mut self,
        label: &str,
        path: &str,
        current: Option<String>,
        parse: &dyn Fn(&str) -> std::result::Result<T, String>,
        apply: &dyn Fn(&mut Strategy, Option<T>),
        show: &dyn Fn(&T) -> String,
    ) -> Result<()> {
        self.ask_echoed(label, path, current, false, parse, apply, Some(show))
    }

    #[allow(clippy::too_many_arguments)]
    fn ask_echoed<T>(
        &mut self,
        label: &str,
        path: &str,
        current: Option<String>,
        required: bool,
        parse: &dyn Fn(&str) -> std::result::Result<T, String>,
        apply: &dyn Fn(&mut Strategy, Option<T>),
        show: Option<&dyn Fn(&T) -> String>,
    ) -> Result<()> {
        let shown = current.clone().unwrap_or_default();
        let (lang, question) = (self.lang, label);
        let label = match (&current, required) {
            (Some(_), false) => format!("{label} {}", style(self.t(&words().clear_hint)).dim()),
            _ => label.to_string(),
        };
        let needed = self.t(&words().an_answer_is_needed_here);
        let s = &self.s;
        let before = std::cell::OnceCell::new();
        let validate = |a: &str| -> std::result::Result<(), String> {
            if a == shown && !(required && a.is_empty()) {
                return Ok(());
            }
            let value = match a {
                "" | "-" if required => return Err(needed.to_string()),
                "" => return Ok(()),
                "-" => None,
                a => Some(parse(a)?),
            };
            let mut candidate = s.clone();
            apply(&mut candidate, value);
            // the model without the answer is checked once per question, however often it is asked again
            new_error(before.get_or_init(|| errors_at(s, path, lang, question)), &candidate, path, lang, question)
        };
        let answer = self.p.text(&label, &shown, &validate)?;
        if answer.is_empty() {
            // nothing there and nothing typed: say so instead of an empty echo
            self.p.restate(&label, self.t(&words().skipped));
            return Ok(());
        }
        if answer == shown {
            return Ok(());
        }
        let value = if answer == "-" { None } else { parse(&answer).ok() };
        if let (Some(show), Some(v)) = (show, &value) {
            let stored = show(v);
            if stored != answer {
                self.p.restate(&label, &stored);
            }
        }
        apply(&mut self.s, value);
        self.checkpoint()
    }

    /// A text that may be long: typed on one line, or written in `$EDITOR` with `e`.
    /// Returns the new text, `Some(None)` to clear, `None` to keep.
    fn long(&mut self, title: &str, hint: &str, current: Option<&str>) -> Result<Option<Option<String>>> {
        self.item_heading(title, hint);
        let label = if let Some(text) = current {
            self.p.say(&format!("{} {}", self.t(&words().so_far), preview(text)));
            self.t(&words().answer_keep_edit_clear)
        } else {
            self.t(&words().answer_skip_write)
        };
        let answer = self.p.text(label, "", &|_| Ok(()))?;
        Ok(match answer.as_str() {
            "" => {
                let word = if current.is_some() { &words().unchanged } else { &words().skipped };
                self.p.restate(label, self.t(word));
                None
            }
            "-" if current.is_some() => Some(None),
            "e" | "E" => match self.p.editor(current.unwrap_or(""))?.map(|text| join_lines(&text)) {
                // an old text with its own line breaks that comes back unchanged stays as it was
                Some(text) if !text.trim().is_empty() && Some(text.clone()) != current.map(join_lines) => {
                    self.p.restate(label, &preview(&text));
                    Some(Some(text))
                }
                _ => {
                    let unchanged = if current.is_some() {
                        self.t(&words().not_changed_in_the_editor)
                    } else {
                        self.t(&words().nothing_written_in_the_editor)
                    };
                    self.p.restate(label, unchanged);
                    None
                }
            },
            text => Some(Some(text.to_string())),
        })
    }

    /// One of `options` or none; `Some(choice)` when the user changed it.
    fn choose<T: Copy + PartialEq, S: AsRef<str>>(
        &mut self,
        label: &str,
        options: &[(T, S)],
        current: Option<T>,
    ) -> Result<Option<Option<T>>> {
        let mut items = vec![self.t(&words().not_specified).to_string()];
        items.extend(options.iter().map(|(_, name)| name.as_ref().to_string()));
        let default = current.and_then(|c| options.iter().position(|(v, _)| *v == c)).map_or(0, |i| i + 1);
        let chosen = self.p.select(label, &items, default)?;
        if chosen == default {
            return Ok(None);
        }
        Ok(Some(chosen.checked_sub(1).and_then(|i| options.get(i)).map(|(v, _)| *v)))
    }

    /// Several of `options` (ids with names); `Some(ids)` when the user changed the set.
    fn choose_many(
        &mut self,
        label: &str,
        options: &[(String, String)],
        current: &[String],
    ) -> Result<Option<Vec<String>>> {
        if options.is_empty() {
            return Ok(None);
        }
        let names: Vec<String> = options.iter().map(|(_, n)| n.clone()).collect();
        let checked: Vec<bool> = options.iter().map(|(id, _)| current.contains(id)).collect();
        let chosen = loop {
            let chosen = self.p.multi_select(label, &names, &checked)?;
            // ↓ ↓ Enter chooses nothing: asked, never taken silently
            if !chosen.is_empty() || self.p.confirm(self.t(&words().nothing_chosen_accept), true)? {
                break chosen;
            }
        };
        let chosen: Vec<String> = chosen.into_iter().filter_map(|i| options.get(i).map(|(id, _)| id.clone())).collect();
        let same = chosen.iter().collect::<BTreeSet<_>>() == current.iter().collect::<BTreeSet<_>>();
        Ok(if same { None } else { Some(chosen) })
    }

    fn confirm(&mut self, label: &str) -> Result<bool> {
        self.p.confirm(label, false)
    }

    // ---- free texts ----------------------------------------------------------

    fn text_item(&mut self, item: &Item) -> Result<()> {
        let current = self.s.text.get(&item.id).cloned();
        if let Some(change) = self.long(item.title(self.lang), item.hint(self.lang), current.as_deref())? {
            match change {
                Some(text) => self.s.text.insert(item.id.clone(), text),
                None => self.s.text.remove(&item.id),
            };
            self.checkpoint()?;
        }
        Ok(())
    }
}

/// Picks German or English text for `lang`.
fn tr(lang: Lang) -> impl Fn(&'static Entry) -> &'static str {
    move |word| word.get(lang)
}
