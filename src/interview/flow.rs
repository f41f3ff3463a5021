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

use std::collections::BTreeSet;

use anyhow::Result;
use console::style;
use toml::Spanned;

use super::prompt::Prompter;
use crate::catalogue::{Catalogue, Generated, Item, pick, section_ids};
use crate::model::coverage::technical_selected;
use crate::model::write::to_toml;
use crate::model::{
    Actor, CheckOptions, Checked, Date, DocStatus, Field, GlossaryEntry, Goal, Group, Indicator, Involvement, Kind,
    Lang, Measure, MeasureStatus, Priority, Severity, Strategy,
};

/// The first step: municipality and document.
pub const BASICS: &str = "basics";

/// The steps of an interview, in order: [`BASICS`], then the catalogue's
/// sections. A draft records the step to resume at.
pub fn steps() -> Vec<&'static str> {
    std::iter::once(BASICS).chain(Catalogue::get().sections.iter().map(|s| s.id.as_str())).collect()
}

/// Called after every answer and every step with the model and the step to
/// resume at: the interview keeps its draft with it.
pub type Saver<'a> = dyn FnMut(&Strategy, usize) -> Result<()> + 'a;

/// What to do with an entry that is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Keep,
    Edit,
    Remove,
}

/// An interview over one model.
pub struct Flow<'a> {
    p: &'a mut dyn Prompter,
    /// The model being written.
    pub s: Strategy,
    lang: Lang,
    save: &'a mut Saver<'a>,
    step: usize,
}

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

/// The diagnostics `check` gives for `s` at `prefix` (a key path).
fn errors_at(s: &Strategy, prefix: &str) -> Vec<String> {
    let checked = Checked::from_source("answer", to_toml(s, Lang::En), CheckOptions::default());
    let under = |path: &str| {
        path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    };
    checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && under(&d.path))
        .map(|d| match &d.help {
            Some(help) => format!("{} ({help})", d.message),
            None => d.message.clone(),
        })
        .collect()
}

/// The first error that `candidate` has at `prefix` and `current` has not.
fn new_error(current: &Strategy, candidate: &Strategy, prefix: &str) -> std::result::Result<(), String> {
    let before = errors_at(current, prefix);
    match errors_at(candidate, prefix).into_iter().find(|e| !before.contains(e)) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Parses a whole number, allowing the thousands separators people type
/// (`1.250.000`, `1 250 000`, `1'250'000`).
pub fn parse_count(s: &str) -> std::result::Result<u64, String> {
    let digits: String = s.chars().filter(|c| !matches!(c, '.' | ' ' | '\'' | '_' | '\u{a0}' | '\u{202f}')).collect();
    let digits = digits.strip_suffix('€').unwrap_or(&digits).trim();
    digits.parse::<u64>().map_err(|_| format!("`{s}` is not a whole number (e.g. 250000)"))
}

/// Parses a year such as 2027.
pub fn parse_year(s: &str) -> std::result::Result<u16, String> {
    s.parse::<u16>().map_err(|_| format!("`{s}` is not a year (e.g. 2027)"))
}

/// Parses a decimal number; a comma is the decimal separator as in German.
pub fn parse_number(s: &str) -> std::result::Result<f64, String> {
    let t = s.replace([' ', '\u{a0}'], "");
    let t = if t.contains(',') { t.replace('.', "").replace(',', ".") } else { t };
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("`{s}` is not a number (e.g. 12,5)")),
    }
}

/// Parses a date as `2026-11-24` or `24.11.2026`.
pub fn parse_date(s: &str) -> std::result::Result<Date, String> {
    let bad = || format!("`{s}` is not a date (e.g. 2026-11-24 or 24.11.2026)");
    let parts: Vec<&str> = if s.contains('.') { s.split('.').rev().collect() } else { s.split('-').collect() };
    let [y, m, d] = parts.as_slice() else { return Err(bad()) };
    let (year, month, day) = (y.parse::<u16>(), m.parse::<u8>(), d.parse::<u8>());
    match (year, month, day) {
        (Ok(year), Ok(month @ 1..=12), Ok(day @ 1..=31)) if year >= 1000 => {
            let date = Date { year, month, day };
            // the model's own calendar decides whether the day exists
            if date.add_months(0).day == day { Ok(date) } else { Err(bad()) }
        }
        _ => Err(bad()),
    }
}

/// Splits a list typed on one line: at `;` if there is one, else at `,`.
pub fn parse_list(s: &str) -> Vec<String> {
    let sep = if s.contains(';') { ';' } else { ',' };
    s.split(sep).map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect()
}

/// Shows a list the way [`parse_list`] reads it back.
pub fn show_list(items: &[String]) -> String {
    if items.iter().any(|i| i.contains(',')) { items.join("; ") } else { items.join(", ") }
}

/// The next free id `prefix1`, `prefix2`, … not in `taken`.
fn propose(prefix: &str, taken: &[String]) -> String {
    (taken.len() + 1..).map(|n| format!("{prefix}{n}")).find(|id| !taken.contains(id)).unwrap_or_default()
}

/// An id for an own field of action from its title: `Kultur & Freizeit` → `kultur_freizeit`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.to_lowercase().chars() {
        let piece = match c {
            'ä' => "ae".to_string(),
            'ö' => "oe".to_string(),
            'ü' => "ue".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "_".to_string(),
        };
        out.push_str(&piece);
    }
    let parts: Vec<&str> = out.split('_').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() { "field".to_string() } else { parts.join("_") }
}

/// Breaks `text` into lines of at most `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
        Flow { p, s, lang, save, step: 0 }
    }

    fn t(&self, de: &'static str, en: &'static str) -> &'static str {
        pick(self.lang, de, en)
    }

    /// Asks every step from `from` on, saving the draft after each answer and step.
    pub fn run(&mut self, from: usize) -> Result<()> {
        for step in from..steps().len() {
            self.step = step;
            self.run_step(step)?;
            (self.save)(&self.s, step + 1)?;
        }
        Ok(())
    }

    /// The step being asked (where a resumed interview starts again).
    pub fn current_step(&self) -> usize {
        self.step
    }

    fn checkpoint(&mut self) -> Result<()> {
        (self.save)(&self.s, self.step)
    }

    fn heading(&mut self, text: &str) {
        self.p.say(&format!("\n{}", style(text).bold().underlined()));
    }

    fn item_heading(&mut self, title: &str, hint: &str) {
        self.p.say(&format!("\n{}", style(title).bold()));
        for line in wrap(hint, 88) {
            self.p.say(&format!("{}", style(line).dim()));
        }
    }

    fn run_step(&mut self, step: usize) -> Result<()> {
        let all = steps();
        let id = all.get(step).copied().unwrap_or(BASICS);
        let total = all.len();
        if id == BASICS {
            self.heading(&format!("1/{total} {}", self.t("Kommune und Dokument", "Municipality and document")));
            let hint = self.t(
                "Enter übernimmt den Vorschlag in [Klammern] oder überspringt; Strg-C unterbricht, der Entwurf bleibt erhalten.",
                "Enter takes the suggestion in [brackets] or skips; Ctrl-C stops, the draft is kept.",
            );
            self.p.say(&format!("{}", style(hint).dim()));
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
        let shown = current.clone().unwrap_or_default();
        let label = match (&current, required) {
            (Some(_), false) => format!("{label} {}", style(self.t("(-: leeren)", "(-: clear)")).dim()),
            _ => label.to_string(),
        };
        let needed = self.t("Eine Angabe ist hier nötig.", "An answer is needed here.");
        let s = &self.s;
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
            new_error(s, &candidate, path)
        };
        let answer = self.p.text(&label, &shown, &validate)?;
        if answer == shown || answer.is_empty() {
            return Ok(());
        }
        let value = if answer == "-" { None } else { parse(&answer).ok() };
        apply(&mut self.s, value);
        self.checkpoint()
    }

    /// A text that may be long: typed on one line, or written in `$EDITOR` with `e`.
    /// Returns the new text, `Some(None)` to clear, `None` to keep.
    fn long(&mut self, title: &str, hint: &str, current: Option<&str>) -> Result<Option<Option<String>>> {
        self.item_heading(title, hint);
        let label = if let Some(text) = current {
            self.p.say(&format!("{} {}", self.t("Bisher:", "So far:"), preview(text)));
            self.t(
                "Antwort (Enter: behalten · e: im Editor bearbeiten · -: leeren)",
                "Answer (Enter: keep · e: edit in your editor · -: clear)",
            )
        } else {
            self.t(
                "Antwort (Enter: überspringen · e: im Editor schreiben)",
                "Answer (Enter: skip · e: write in your editor)",
            )
        };
        let answer = self.p.text(label, "", &|_| Ok(()))?;
        Ok(match answer.as_str() {
            "" => None,
            "-" if current.is_some() => Some(None),
            "e" | "E" => match self.p.editor(current.unwrap_or(""))? {
                Some(text) if !text.trim().is_empty() && Some(text.trim_end()) != current => {
                    Some(Some(text.trim_end().to_string()))
                }
                _ => None,
            },
            text => Some(Some(text.to_string())),
        })
    }

    /// One of `options` or none; `Some(choice)` when the user changed it.
    fn choose<T: Copy + PartialEq>(
        &mut self,
        label: &str,
        options: &[(T, &str)],
        current: Option<T>,
    ) -> Result<Option<Option<T>>> {
        let mut items = vec![self.t("– keine Angabe –", "– not specified –").to_string()];
        items.extend(options.iter().map(|(_, name)| (*name).to_string()));
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
        let chosen = self.p.multi_select(label, &names, &checked)?;
        let chosen: Vec<String> = chosen.into_iter().filter_map(|i| options.get(i).map(|(id, _)| id.clone())).collect();
        let same = chosen.iter().collect::<BTreeSet<_>>() == current.iter().collect::<BTreeSet<_>>();
        Ok(if same { None } else { Some(chosen) })
    }

    fn confirm(&mut self, label: &str) -> Result<bool> {
        self.p.confirm(label, false)
    }

    /// Goes through the entries already there (`(index, label)`, ascending):
    /// keep all at once, or keep, edit or remove each.
    fn review(
        &mut self,
        noun: &str,
        entries: Vec<(usize, String)>,
        edit: &dyn Fn(&mut Self, usize) -> Result<()>,
        remove: &dyn Fn(&mut Self, usize),
    ) -> Result<()> {
        let labels: Vec<String> = entries.iter().map(|(_, l)| l.trim_end().to_string()).collect();
        if self.keep_all(&labels)? {
            return Ok(());
        }
        let mut removed = 0;
        for ((index, _), label) in entries.into_iter().zip(labels) {
            let at = index - removed;
            match self.action(&format!("{noun} {label}"))? {
                Action::Keep => {}
                Action::Edit => edit(self, at)?,
                Action::Remove => {
                    remove(self, at);
                    removed += 1;
                    self.checkpoint()?;
                }
            }
        }
        Ok(())
    }

    /// Lists the entries already there and offers to keep them all, so a
    /// review goes quickly; `false` means: go through them one by one.
    fn keep_all(&mut self, labels: &[String]) -> Result<bool> {
        if labels.len() < 2 {
            return Ok(false);
        }
        for label in labels {
            self.p.say(&format!("  · {label}"));
        }
        let question = format!(
            "{} {} {}",
            self.t("Alle", "Keep all"),
            labels.len(),
            self.t("übernehmen? (Nein: einzeln bearbeiten oder entfernen)", "of them? (No: edit or remove one by one)")
        );
        self.p.confirm(&question, true)
    }

    fn action(&mut self, label: &str) -> Result<Action> {
        let items = [self.t("übernehmen", "keep"), self.t("bearbeiten", "edit"), self.t("entfernen", "remove")]
            .map(str::to_string);
        Ok(match self.p.select(label, &items, 0)? {
            1 => Action::Edit,
            2 => Action::Remove,
            _ => Action::Keep,
        })
    }

    // ---- municipality and document ------------------------------------------

    fn basics(&mut self) -> Result<()> {
        let t = tr(self.lang);
        let (name, kind, state, population, members) = (
            t("Name der Kommune", "Name of the municipality"),
            t("Art", "Kind"),
            t("Bundesland", "State"),
            t("Einwohnerzahl", "Population"),
            t("Mitgliedskommunen (durch Komma getrennt)", "Member towns (comma-separated)"),
        );
        let current = self.s.municipality.name.clone();
        let shown = (!current.is_empty()).then_some(current);
        self.ask(name, "municipality.name", shown, true, &|a| Ok(a.to_string()), &|s, v| {
            s.municipality.name = v.unwrap_or_default();
        })?;

        let kinds = [
            (Kind::City, t("Stadt", "City")),
            (Kind::Municipality, t("Gemeinde", "Municipality")),
            (Kind::District, t("Landkreis", "District")),
            (Kind::Association, t("Verbund mehrerer Kommunen", "Association of municipalities")),
        ];
        if let Some(k) = self.choose(kind, &kinds, self.s.municipality.kind)? {
            self.s.municipality.kind = k;
            self.checkpoint()?;
        }

        let catalogue = Catalogue::get();
        let current = self.s.municipality.state.as_ref().and_then(|st| catalogue.state(st.get_ref()));
        let states: Vec<(&str, &str)> =
            catalogue.states.iter().map(|st| (st.code.as_str(), pick(self.lang, &st.de, &st.en))).collect();
        if let Some(choice) = self.choose(state, &states, current.map(|c| c.code.as_str()))? {
            let name = choice.and_then(|code| states.iter().find(|(c, _)| *c == code)).map(|(_, n)| n.to_string());
            self.s.municipality.state = name.map(spanned);
            self.checkpoint()?;
        }

        let current = self.s.municipality.population.map(|p| p.to_string());
        self.ask(population, "municipality.population", current, false, &parse_count, &|s, v| {
            s.municipality.population = v;
        })?;

        let grouped = matches!(self.s.municipality.kind, Some(Kind::District | Kind::Association));
        if grouped || !self.s.municipality.members.is_empty() {
            let current = (!self.s.municipality.members.is_empty()).then(|| show_list(&self.s.municipality.members));
            self.ask(members, "municipality.members", current, false, &|a| Ok(parse_list(a)), &|s, v| {
                s.municipality.members = v.unwrap_or_default();
            })?;
        }

        let labels = crate::templates::TemplateSet::builtin().labels().get(self.s.document.language).clone();
        let derived = crate::i18n::fill(&labels.default_title, &[("name", &self.s.municipality.name)]);
        let current = self.s.document.title.clone().unwrap_or(derived);
        self.ask(
            t("Titel des Dokuments", "Title of the document"),
            "document.title",
            Some(current),
            false,
            &|a| Ok(a.to_string()),
            &|s, v| {
                s.document.title = v;
            },
        )?;
        let statuses = [(DocStatus::Draft, t("Entwurf", "draft")), (DocStatus::Adopted, t("beschlossen", "adopted"))];
        if let Some(st) = self.choose(t("Stand", "Status"), &statuses, self.s.document.status)? {
            self.s.document.status = st;
            self.checkpoint()?;
        }
        let current = self.s.document.date.as_ref().map(|d| d.get_ref().to_string());
        self.ask(t("Datum", "Date"), "document.date", current, false, &parse_date, &|s, v| {
            s.document.date = v.map(spanned);
        })?;
        let current = self.s.document.review_months.map(|m| m.to_string());
        let label = t("Fortschreibung alle … Monate", "Review every … months");
        self.ask(
            label,
            "document.review_months",
            current,
            false,
            &|a| a.parse::<u32>().map_err(|_| format!("`{a}` is not a whole number of months (e.g. 24)")),
            &|s, v| {
                s.document.review_months = v;
            },
        )?;
        let languages = [(Lang::De, "Deutsch"), (Lang::En, "English")];
        let items: Vec<String> = languages.iter().map(|(_, n)| (*n).to_string()).collect();
        let default = languages.iter().position(|(l, _)| *l == self.s.document.language).unwrap_or(0);
        let chosen = self.p.select(t("Sprache des Dokuments", "Language of the document"), &items, default)?;
        if chosen != default {
            self.s.document.language = languages.get(chosen).map_or(Lang::De, |(l, _)| *l);
            self.checkpoint()?;
        }
        Ok(())
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

    // ---- goals: vision, mission, guiding principles, goals -------------------

    fn vision(&mut self, item: &Item) -> Result<()> {
        let current = self.s.vision.vision.clone();
        if let Some(change) = self.long(item.title(self.lang), item.hint(self.lang), current.as_deref())? {
            self.s.vision.vision = change;
            self.checkpoint()?;
        }
        let current = (!self.s.vision.keywords.is_empty()).then(|| show_list(&self.s.vision.keywords));
        let label = self.t(
            "Drei Begriffe des Smart-City-Narrativs (durch Komma getrennt)",
            "Three terms of the smart-city narrative (comma-separated)",
        );
        self.ask(label, "vision.keywords", current, false, &|a| Ok(parse_list(a)), &|s, v| {
            s.vision.keywords = v.unwrap_or_default();
        })
    }

    fn mission(&mut self, item: &Item) -> Result<()> {
        let current = self.s.vision.mission.clone();
        if let Some(change) = self.long(item.title(self.lang), item.hint(self.lang), current.as_deref())? {
            self.s.vision.mission = change;
            self.checkpoint()?;
        }
        Ok(())
    }

    fn principles(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let mut i = 0;
        while i < self.s.vision.guiding_principles.len() {
            let current = self.s.vision.guiding_principles.get(i).cloned();
            let label = format!("{} {}", self.t("Leitbild", "Guiding principle"), i + 1);
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
            let label = self.t("Neues Leitbild (Enter: fertig)", "New guiding principle (Enter: done)");
            let answer = self.p.text(label, "", &|_| Ok(()))?;
            if answer.is_empty() {
                return Ok(());
            }
            self.s.vision.guiding_principles.push(answer);
            self.checkpoint()?;
        }
    }

    fn goals(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let entries: Vec<(usize, String)> =
            self.s.goals.iter().enumerate().map(|(i, g)| (i, goal_label(g.get_ref()))).collect();
        let noun = self.t("Ziel", "Goal");
        self.review(noun, entries, &|f, i| f.goal(i), &|f, i| f.remove_goal(i))?;
        while self.confirm(self.t("Ein Ziel hinzufügen?", "Add a goal?"))? {
            let taken: Vec<String> = self.s.goals.iter().map(|g| g.get_ref().id.get_ref().clone()).collect();
            let id = propose(self.t("Z", "G"), &taken);
            let goal = Goal {
                id: spanned(id),
                title: None,
                description: None,
                parent: None,
                derived_from: None,
                cross_sector: false,
                indicators: Vec::new(),
            };
            self.s.goals.push(spanned(goal));
            self.checkpoint()?;
            self.goal(self.s.goals.len() - 1)?;
        }
        Ok(())
    }

    /// Removes goal `i` and every reference to it.
    fn remove_goal(&mut self, i: usize) {
        let id = self.s.goals.remove(i).into_inner().id.into_inner();
        for g in &mut self.s.goals {
            let g = g.get_mut();
            if g.parent.as_ref().is_some_and(|p| p.get_ref() == &id) {
                g.parent = None;
            }
        }
        for f in &mut self.s.fields {
            f.get_mut().goals.retain(|g| g.get_ref() != &id);
        }
        for m in &mut self.s.measures {
            m.get_mut().goals.retain(|g| g.get_ref() != &id);
        }
    }

    fn goal(&mut self, i: usize) -> Result<()> {
        let path = format!("goals[{i}]");
        let g = self.s.goals[i].get_ref().clone();
        let old = g.id.get_ref().clone();
        self.ask("Id", &format!("{path}.id"), Some(old.clone()), true, &|a| Ok(a.to_string()), &|s, v| {
            rename_goal(s, i, &old, &v.unwrap_or_default());
        })?;
        self.ask(
            self.t("Titel", "Title"),
            &format!("{path}.title"),
            g.title.clone(),
            false,
            &|a| Ok(a.to_string()),
            &|s, v| {
                s.goals[i].get_mut().title = v;
            },
        )?;
        let id = self.s.goals[i].get_ref().id.get_ref().clone();
        let others: Vec<(String, String)> = self
            .s
            .goals
            .iter()
            .map(|g| g.get_ref())
            .filter(|g| g.id.get_ref() != &id)
            .map(|g| (g.id.get_ref().clone(), format!("{} {}", g.id.get_ref(), g.title.as_deref().unwrap_or(""))))
            .collect();
        if !others.is_empty() {
            let options: Vec<(&str, &str)> = others.iter().map(|(id, name)| (id.as_str(), name.as_str())).collect();
            let current = self.s.goals[i].get_ref().parent.as_ref().map(|p| p.get_ref().clone());
            let current = current.as_deref().and_then(|c| options.iter().find(|(id, _)| *id == c)).map(|(id, _)| *id);
            let label = self.t("Übergeordnetes Ziel", "Parent goal");
            if let Some(parent) = self.choose(label, &options, current)? {
                let mut candidate = self.s.clone();
                candidate.goals[i].get_mut().parent = parent.map(|p| spanned(p.to_string()));
                match new_error(&self.s, &candidate, &format!("{path}.parent")) {
                    Ok(()) => {
                        self.s = candidate;
                        self.checkpoint()?;
                    }
                    Err(e) => self.p.say(&format!("{} {e}", style("✗").red())),
                }
            }
        }
        let entries: Vec<(usize, String)> =
            self.s.goals[i].get_ref().indicators.iter().map(|x| x.name.clone()).enumerate().collect();
        let noun = self.t("Indikator", "Indicator");
        self.review(noun, entries, &|f, j| f.indicator(i, j), &|f, j| {
            drop(f.s.goals[i].get_mut().indicators.remove(j))
        })?;
        while self.confirm(self.t("Einen messbaren Indikator hinzufügen?", "Add a measurable indicator?"))? {
            let indicator = Indicator {
                name: String::new(),
                unit: None,
                baseline: None,
                baseline_year: None,
                target: None,
                target_year: None,
                source: None,
            };
            self.s.goals[i].get_mut().indicators.push(indicator);
            self.indicator(i, self.s.goals[i].get_ref().indicators.len() - 1)?;
        }
        Ok(())
    }

    fn indicator(&mut self, i: usize, j: usize) -> Result<()> {
        let path = format!("goals[{i}].indicators[{j}]");
        let ind = self.s.goals[i].get_ref().indicators[j].clone();
        let name = (!ind.name.is_empty()).then_some(ind.name.clone());
        self.ask(
            self.t("Messgröße (was wird gemessen)", "Measure (what is counted)"),
            &format!("{path}.name"),
            name,
            true,
            &|a| Ok(a.to_string()),
            &|s, v| {
                indicator_mut(s, i, j).name = v.unwrap_or_default();
            },
        )?;
        self.ask(
            self.t("Einheit (z. B. %, Stück, t CO₂)", "Unit (e.g. %, items, t CO₂)"),
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
        self.ask(
            self.t("Ausgangswert", "Baseline value"),
            &format!("{path}.baseline"),
            show(ind.baseline),
            false,
            &parse_number,
            &|s, v| {
                indicator_mut(s, i, j).baseline = v;
            },
        )?;
        self.ask(
            self.t("Jahr des Ausgangswerts", "Year of the baseline"),
            &format!("{path}.baseline_year"),
            ind.baseline_year.map(|y| y.to_string()),
            false,
            &parse_year,
            &|s, v| {
                indicator_mut(s, i, j).baseline_year = v;
            },
        )?;
        self.ask(
            self.t("Zielwert", "Target value"),
            &format!("{path}.target"),
            show(ind.target),
            false,
            &parse_number,
            &|s, v| {
                indicator_mut(s, i, j).target = v;
            },
        )?;
        self.ask(
            self.t("Zieljahr", "Target year"),
            &format!("{path}.target_year"),
            ind.target_year.map(|y| y.to_string()),
            false,
            &parse_year,
            &|s, v| {
                indicator_mut(s, i, j).target_year = v;
            },
        )
    }

    // ---- fields of action and measures ---------------------------------------

    fn fields(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let catalogue = Catalogue::get();
        let present: Vec<String> = self.s.fields.iter().map(|f| f.get_ref().id.get_ref().clone()).collect();
        let mut options: Vec<(String, String)> =
            catalogue.fields.iter().map(|f| (f.id.clone(), f.title(self.lang).to_string())).collect();
        for f in &self.s.fields {
            let f = f.get_ref();
            if catalogue.common_field(f.id.get_ref()).is_none() {
                options.push((f.id.get_ref().clone(), f.title.clone().unwrap_or_else(|| f.id.get_ref().clone())));
            }
        }
        let label = self.t(
            "Handlungsfelder (Leertaste wählt, Enter bestätigt)",
            "Fields of action (space selects, Enter confirms)",
        );
        if let Some(chosen) = self.choose_many(label, &options, &present)? {
            for id in present.iter().filter(|id| !chosen.contains(id)) {
                let n = self.s.measures.iter().filter(|m| m.get_ref().field.get_ref() == id).count();
                let question = format!(
                    "{id}: {n} {}",
                    self.t(
                        "Maßnahmen gehen mit dem Handlungsfeld verloren. Trotzdem entfernen?",
                        "measures go with the field. Remove it anyway?"
                    )
                );
                if n == 0 || self.confirm(&question)? {
                    self.s.fields.retain(|f| f.get_ref().id.get_ref() != id);
                    self.s.measures.retain(|m| m.get_ref().field.get_ref() != id);
                }
            }
            for id in chosen.iter().filter(|id| !present.contains(id)) {
                self.s.fields.push(spanned(Field {
                    id: spanned(id.clone()),
                    title: None,
                    description: None,
                    goals: Vec::new(),
                }));
            }
            self.checkpoint()?;
        }
        while self.confirm(self.t("Ein eigenes Handlungsfeld hinzufügen?", "Add a field of action of your own?"))? {
            let title = loop {
                let answer = self.p.text(self.t("Titel des Handlungsfelds", "Title of the field"), "", &|_| Ok(()))?;
                if !answer.is_empty() {
                    break answer;
                }
            };
            let i = self.s.fields.len();
            let field = Field { id: spanned(slug(&title)), title: Some(title), description: None, goals: Vec::new() };
            self.s.fields.push(spanned(field));
            let old = self.s.fields[i].get_ref().id.get_ref().clone();
            self.ask("Id", &format!("fields[{i}].id"), Some(old), true, &|a| Ok(a.to_string()), &|s, v| {
                s.fields[i].get_mut().id = spanned(v.unwrap_or_default());
            })?;
            self.checkpoint()?;
        }
        for i in 0..self.s.fields.len() {
            self.field(i)?;
        }
        Ok(())
    }

    fn goal_options(&self) -> Vec<(String, String)> {
        self.s
            .goals
            .iter()
            .map(|g| g.get_ref())
            .map(|g| (g.id.get_ref().clone(), format!("{} {}", g.id.get_ref(), g.title.as_deref().unwrap_or(""))))
            .collect()
    }

    fn field(&mut self, i: usize) -> Result<()> {
        let catalogue = Catalogue::get();
        let f = self.s.fields[i].get_ref().clone();
        let id = f.id.get_ref().clone();
        let title = f.title.clone().or_else(|| catalogue.common_field(&id).map(|c| c.title(self.lang).to_string()));
        let title = title.unwrap_or_else(|| id.clone());
        self.heading(&format!("{} {title}", self.t("Handlungsfeld", "Field of action")));
        let label = self.t("Beschreibung des Handlungsfelds", "Description of the field");
        if let Some(change) = self.long(label, "", f.description.as_deref())? {
            self.s.fields[i].get_mut().description = change;
            self.checkpoint()?;
        }
        let current: Vec<String> = f.goals.iter().map(|g| g.get_ref().clone()).collect();
        let options = self.goal_options();
        if let Some(goals) = self.choose_many(
            self.t("Ziele, denen das Handlungsfeld dient", "Goals the field serves"),
            &options,
            &current,
        )? {
            self.s.fields[i].get_mut().goals = goals.into_iter().map(spanned).collect();
            self.checkpoint()?;
        }
        let entries: Vec<(usize, String)> = (self.s.measures.iter().enumerate())
            .filter(|(_, m)| m.get_ref().field.get_ref() == &id)
            .map(|(i, m)| (i, format!("{} {}", m.get_ref().id.get_ref(), m.get_ref().title.as_deref().unwrap_or(""))))
            .collect();
        let noun = self.t("Maßnahme", "Measure");
        self.review(noun, entries, &|f, m| f.measure(m), &|f, m| drop(f.s.measures.remove(m)))?;
        let question =
            format!("{} „{title}“ {}", self.t("Eine Maßnahme in", "Add a measure in"), self.t("hinzufügen?", "?"));
        let question = question.replace(" ?", "?");
        while self.confirm(&question)? {
            let taken: Vec<String> = self.s.measures.iter().map(|m| m.get_ref().id.get_ref().clone()).collect();
            let measure = Measure {
                id: spanned(propose("M", &taken)),
                title: None,
                field: spanned(id.clone()),
                goals: Vec::new(),
                description: None,
                needs: None,
                benefit: None,
                lead: None,
                partners: Vec::new(),
                priority: None,
                quick_win: false,
                status: None,
                start: None,
                end: None,
                budget_eur: None,
                funding: None,
                sdgs: Vec::new(),
                selection: None,
                data_sovereignty: None,
            };
            self.s.measures.push(spanned(measure));
            self.checkpoint()?;
            self.measure(self.s.measures.len() - 1)?;
        }
        Ok(())
    }

    fn measure(&mut self, i: usize) -> Result<()> {
        let path = format!("measures[{i}]");
        let at = |key: &str| format!("{path}.{key}");
        let m = self.s.measures[i].get_ref().clone();
        let text = |a: &str| -> std::result::Result<String, String> { Ok(a.to_string()) };

        let old = m.id.get_ref().clone();
        self.ask("Id", &at("id"), Some(old), true, &text, &|s, v| {
            measure_mut(s, i).id = spanned(v.unwrap_or_default())
        })?;
        self.ask(self.t("Titel", "Title"), &at("title"), m.title.clone(), false, &text, &|s, v| {
            measure_mut(s, i).title = v
        })?;
        let label = self.t("Beschreibung", "Description");
        if let Some(change) = self.long(label, "", m.description.as_deref())? {
            measure_mut(&mut self.s, i).description = change;
            self.checkpoint()?;
        }
        let label = self.t("Nutzen für Bürgerinnen und Bürger", "Benefit for citizens");
        self.ask(label, &at("benefit"), m.benefit.clone(), false, &text, &|s, v| measure_mut(s, i).benefit = v)?;
        let current: Vec<String> = m.goals.iter().map(|g| g.get_ref().clone()).collect();
        let options = self.goal_options();
        if let Some(goals) =
            self.choose_many(self.t("Ziele der Maßnahme", "Goals of the measure"), &options, &current)?
        {
            measure_mut(&mut self.s, i).goals = goals.into_iter().map(spanned).collect();
            self.checkpoint()?;
        }
        let label = self.t("Verantwortlich (federführend)", "Responsible (lead)");
        self.ask(label, &at("lead"), m.lead.clone(), false, &text, &|s, v| measure_mut(s, i).lead = v)?;
        let current = (!m.partners.is_empty()).then(|| show_list(&m.partners));
        let label = self.t("Partner (durch Komma getrennt)", "Partners (comma-separated)");
        self.ask(label, &at("partners"), current, false, &|a| Ok(parse_list(a)), &|s, v| {
            measure_mut(s, i).partners = v.unwrap_or_default();
        })?;
        let t = tr(self.lang);
        let priorities = [
            (Priority::High, t("hoch", "high")),
            (Priority::Medium, t("mittel", "medium")),
            (Priority::Low, t("niedrig", "low")),
        ];
        if let Some(p) = self.choose(t("Priorität", "Priority"), &priorities, m.priority)? {
            measure_mut(&mut self.s, i).priority = p;
            self.checkpoint()?;
        }
        let quick = self
            .p
            .confirm(t("Quick Win (schnell sichtbarer Erfolg)?", "Quick win (a fast visible success)?"), m.quick_win)?;
        if quick != m.quick_win {
            measure_mut(&mut self.s, i).quick_win = quick;
            self.checkpoint()?;
        }
        let statuses = [
            (MeasureStatus::Idea, t("Idee", "idea")),
            (MeasureStatus::Planned, t("geplant", "planned")),
            (MeasureStatus::Running, t("laufend", "running")),
            (MeasureStatus::Done, t("abgeschlossen", "done")),
        ];
        if let Some(st) = self.choose(t("Stand der Umsetzung", "Status"), &statuses, m.status)? {
            measure_mut(&mut self.s, i).status = st;
            self.checkpoint()?;
        }
        self.ask(
            t("Beginn (Jahr)", "Start (year)"),
            &at("start"),
            m.start.map(|y| y.to_string()),
            false,
            &parse_year,
            &|s, v| {
                measure_mut(s, i).start = v;
            },
        )?;
        let current = m.end.as_ref().map(|e| e.get_ref().to_string());
        self.ask(t("Ende (Jahr)", "End (year)"), &at("end"), current, false, &parse_year, &|s, v| {
            measure_mut(s, i).end = v.map(spanned);
        })?;
        let current = m.budget_eur.map(|b| b.to_string());
        self.ask(t("Budget in Euro", "Budget in euros"), &at("budget_eur"), current, false, &parse_count, &|s, v| {
            measure_mut(s, i).budget_eur = v;
        })?;
        let label = t("Finanzierung (z. B. Förderprogramm, Haushalt)", "Funding (e.g. programme, budget)");
        self.ask(label, &at("funding"), m.funding.clone(), false, &text, &|s, v| measure_mut(s, i).funding = v)?;
        let catalogue = Catalogue::get();
        let options: Vec<(String, String)> = catalogue
            .sdgs
            .iter()
            .map(|g| (g.number.to_string(), format!("{:>2} {}", g.number, g.name(self.lang))))
            .collect();
        let current: Vec<String> = m.sdgs.iter().map(u8::to_string).collect();
        let label = t("Beitrag zu den Nachhaltigkeitszielen (SDGs)", "Contribution to the SDGs");
        if let Some(sdgs) = self.choose_many(label, &options, &current)? {
            measure_mut(&mut self.s, i).sdgs = sdgs.iter().filter_map(|n| n.parse().ok()).collect();
            self.checkpoint()?;
        }
        Ok(())
    }

    // ---- technical topics, actors, glossary, production ----------------------

    fn topics(&mut self) -> Result<()> {
        let catalogue = Catalogue::get();
        let items: Vec<&Item> = catalogue.items_of(section_ids::TECHNICAL).filter(|i| i.generated.is_none()).collect();
        let options: Vec<(String, String)> =
            items.iter().map(|i| (i.id.clone(), i.title(self.lang).to_string())).collect();
        let current: Vec<String> =
            items.iter().filter(|i| technical_selected(&self.s, i)).map(|i| i.id.clone()).collect();
        let label = self.t(
            "Welche technischen Querschnittsthemen braucht die Strategie?",
            "Which technical themes does the strategy need?",
        );
        let Some(chosen) = self.choose_many(label, &options, &current)? else { return Ok(()) };
        for id in current.iter().filter(|id| !chosen.contains(id)) {
            let keep_text = self.s.text.contains_key(id.as_str()) && {
                let q = format!("{id}: {}", self.t("Den Text dazu löschen?", "Delete its text?"));
                !self.confirm(&q)?
            };
            if !keep_text {
                self.s.text.remove(id.as_str());
                self.s.technical.topics.retain(|t| t != id);
            }
        }
        for id in chosen.iter().filter(|id| !current.contains(id)) {
            self.s.technical.topics.push(id.clone());
        }
        self.checkpoint()
    }

    fn actors(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let entries: Vec<(usize, String)> =
            self.s.actors.iter().map(|a| a.get_ref().name.clone()).enumerate().collect();
        let noun = self.t("Akteur", "Actor");
        self.review(noun, entries, &|f, i| f.actor(i), &|f, i| drop(f.s.actors.remove(i)))?;
        let question = self.t("Einen Akteur (Partner, Gremium) hinzufügen?", "Add an actor (partner, committee)?");
        while self.confirm(question)? {
            let actor = Actor { name: String::new(), group: None, role: None, involvement: None, committee: false };
            self.s.actors.push(spanned(actor));
            self.actor(self.s.actors.len() - 1)?;
        }
        Ok(())
    }

    fn actor(&mut self, i: usize) -> Result<()> {
        let path = format!("actors[{i}]");
        let a = self.s.actors[i].get_ref().clone();
        let name = (!a.name.is_empty()).then_some(a.name.clone());
        self.ask("Name", &format!("{path}.name"), name, true, &|a| Ok(a.to_string()), &|s, v| {
            actor_mut(s, i).name = v.unwrap_or_default();
        })?;
        let t = tr(self.lang);
        let groups = [
            (Group::Administration, t("Verwaltung", "administration")),
            (Group::Politics, t("Politik", "politics")),
            (Group::Business, t("Wirtschaft", "business")),
            (Group::Science, t("Wissenschaft", "science")),
            (Group::CivilSociety, t("Zivilgesellschaft", "civil society")),
        ];
        if let Some(g) = self.choose(t("Gruppe", "Group"), &groups, a.group)? {
            actor_mut(&mut self.s, i).group = g;
            self.checkpoint()?;
        }
        self.ask(
            t("Rolle", "Role"),
            &format!("{path}.role"),
            a.role.clone(),
            false,
            &|a| Ok(a.to_string()),
            &|s, v| {
                actor_mut(s, i).role = v;
            },
        )?;
        let involvements = [
            (Involvement::Inform, t("informieren & begeistern", "inform & inspire")),
            (Involvement::Consult, t("Input einholen", "consult")),
            (Involvement::CoCreate, t("mitgestalten", "co-create")),
        ];
        if let Some(v) = self.choose(t("Beteiligung", "Involvement"), &involvements, a.involvement)? {
            actor_mut(&mut self.s, i).involvement = v;
            self.checkpoint()?;
        }
        let committee = self.p.confirm(t("Ist es ein Gremium?", "Is it a committee?"), a.committee)?;
        if committee != a.committee {
            actor_mut(&mut self.s, i).committee = committee;
            self.checkpoint()?;
        }
        Ok(())
    }

    fn glossary(&mut self, item: &Item) -> Result<()> {
        self.item_heading(item.title(self.lang), item.hint(self.lang));
        let entries: Vec<(usize, String)> = self.s.glossary.iter().map(|g| g.term.clone()).enumerate().collect();
        let noun = self.t("Begriff", "Term");
        self.review(noun, entries, &|f, i| f.term(i), &|f, i| drop(f.s.glossary.remove(i)))?;
        while self.confirm(self.t("Einen Begriff erklären?", "Explain a term?"))? {
            self.s.glossary.push(GlossaryEntry { term: String::new(), definition: String::new() });
            self.term(self.s.glossary.len() - 1)?;
        }
        Ok(())
    }

    fn term(&mut self, i: usize) -> Result<()> {
        let e = self.s.glossary[i].clone();
        let path = format!("glossary[{i}]");
        let term = (!e.term.is_empty()).then_some(e.term.clone());
        self.ask(self.t("Begriff", "Term"), &format!("{path}.term"), term, true, &|a| Ok(a.to_string()), &|s, v| {
            s.glossary[i].term = v.unwrap_or_default();
        })?;
        let definition = (!e.definition.is_empty()).then_some(e.definition.clone());
        let label = self.t("Erklärung in einfacher Sprache", "Explanation in plain language");
        self.ask(label, &format!("{path}.definition"), definition, true, &|a| Ok(a.to_string()), &|s, v| {
            s.glossary[i].definition = v.unwrap_or_default();
        })
    }

    fn production(&mut self) -> Result<()> {
        let catalogue = Catalogue::get();
        let options: Vec<(String, String)> = catalogue
            .items_of(section_ids::PRODUCTION)
            .map(|i| (i.id.clone(), i.title(self.lang).to_string()))
            .collect();
        let done: Vec<String> = options
            .iter()
            .filter(|(id, _)| self.s.production.done.get(id).copied().unwrap_or(false))
            .map(|(id, _)| id.clone())
            .collect();
        let label = self.t("Was ist für die Produktion schon erledigt?", "What is already done for the production?");
        if let Some(chosen) = self.choose_many(label, &options, &done)? {
            for (id, _) in &options {
                let now = chosen.contains(id);
                if now != done.contains(id) {
                    self.s.production.done.insert(id.clone(), now);
                }
            }
            self.checkpoint()?;
        }
        Ok(())
    }
}

/// `Z1 Title`.
fn goal_label(g: &Goal) -> String {
    format!("{} {}", g.id.get_ref(), g.title.as_deref().unwrap_or("")).trim_end().to_string()
}

/// Picks German or English text for `lang`.
fn tr(lang: Lang) -> impl Fn(&'static str, &'static str) -> &'static str {
    move |de, en| pick(lang, de, en)
}

fn measure_mut(s: &mut Strategy, i: usize) -> &mut Measure {
    s.measures[i].get_mut()
}

fn indicator_mut(s: &mut Strategy, i: usize, j: usize) -> &mut Indicator {
    &mut s.goals[i].get_mut().indicators[j]
}

fn actor_mut(s: &mut Strategy, i: usize) -> &mut Actor {
    s.actors[i].get_mut()
}

/// Renames goal `i` from `old` to `new` and every reference with it.
fn rename_goal(s: &mut Strategy, i: usize, old: &str, new: &str) {
    s.goals[i].get_mut().id = spanned(new.to_string());
    let rename = |r: &mut Spanned<String>| {
        if r.get_ref() == old {
            *r = spanned(new.to_string());
        }
    };
    for g in &mut s.goals {
        if let Some(p) = g.get_mut().parent.as_mut() {
            rename(p);
        }
    }
    for f in &mut s.fields {
        f.get_mut().goals.iter_mut().for_each(rename);
    }
    for m in &mut s.measures {
        m.get_mut().goals.iter_mut().for_each(rename);
    }
}
