//! Writes a [`Strategy`] back as an input file: readable TOML in the order of
//! the outline, with a short comment per section, so that a consultant can go
//! on by hand. Reading the text again gives the same model.
//!
//! Strings and keys are encoded by `toml_writer` (the encoder of the `toml`
//! crate), which picks the most readable TOML string form for each value.

use std::fmt::Write as _;

use serde::Serialize;
use toml_writer::{ToTomlKey as _, ToTomlValue as _};

use super::{Lang, Measure, Strategy};
use crate::catalogue::{Catalogue, section_ids};
use crate::i18n::Entry;
use crate::i18n::interview::words;

/// The text of an input file holding `s`, with comments in `lang`.
pub fn to_toml(s: &Strategy, lang: Lang) -> String {
    write(s, lang, None)
}

/// Like [`to_toml`], with commented-out slots for the values and progress
/// of `year` that `s` does not hold yet (`init --update`): uncommented and
/// filled in, each is an entry; left as it is, the file passes `check` as before.
pub fn to_toml_with_slots(s: &Strategy, lang: Lang, year: u16) -> String {
    write(s, lang, Some(year))
}

fn write(s: &Strategy, lang: Lang, slots: Option<u16>) -> String {
    let mut w = Writer { out: String::new(), lang, slots };
    w.header();
    w.municipality(s);
    w.document(s);
    w.texts(s);
    w.vision(s);
    w.goals(s);
    w.fields(s);
    w.measures(s);
    w.technical(s);
    w.actors(s);
    w.glossary(s);
    w.production(s);
    w.council(s);
    w.out
}

struct Writer {
    out: String,
    lang: Lang,
    /// The year to leave slots for, with `init --update`.
    slots: Option<u16>,
}

/// A string as a TOML value, in its most readable form.
fn string(v: &str) -> String {
    v.to_toml_value()
}

/// An enum's serde name as a TOML string.
fn variant<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => string(&s),
        _ => string(""),
    }
}

/// An image as an inline table: `{ file = "…", alt = "…", caption = "…" }`.
fn image(file: &str, alt: &Option<String>, caption: &Option<String>) -> String {
    let mut pairs = vec![format!("file = {}", string(file))];
    pairs.extend(alt.as_deref().map(|a| format!("alt = {}", string(a))));
    pairs.extend(caption.as_deref().map(|c| format!("caption = {}", string(c))));
    format!("{{ {} }}", pairs.join(", "))
}

fn strings<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|i| string(i.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

impl Writer {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn comment(&mut self, word: &Entry) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        let text = word.get(self.lang);
        self.line(&format!("# {text}"));
    }

    fn key(&mut self, key: &str, value: String) {
        let _ = writeln!(self.out, "{} = {value}", key.to_toml_key());
    }

    fn opt_str(&mut self, key: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.key(key, string(v));
        }
    }

    fn opt<T: std::fmt::Display>(&mut self, key: &str, value: Option<T>) {
        if let Some(v) = value {
            self.key(key, v.to_string());
        }
    }

    fn list<S: AsRef<str>>(&mut self, key: &str, items: &[S]) {
        if !items.is_empty() {
            self.key(key, strings(items));
        }
    }

    fn flag(&mut self, key: &str, value: bool) {
        if value {
            self.key(key, "true".into());
        }
    }

    fn header(&mut self) {
        self.line(words().draft_header.get(self.lang));
    }

    fn municipality(&mut self, s: &Strategy) {
        if let Some(v) = s.schema_version {
            self.line(&format!("schema_version = {v}"));
        }
        self.comment(&words().draft_municipality);
        self.line("[municipality]");
        let m = &s.municipality;
        self.key("name", string(&m.name));
        if let Some(kind) = &m.kind {
            self.key("kind", variant(kind));
        }
        if let Some(state) = &m.state {
            self.key("state", string(state));
        }
        self.opt("population", m.population);
        self.list("members", &m.members);
        if let Some(logo) = &m.logo {
            self.key("logo", image(&logo.file, &logo.alt, &None));
        }
    }

    fn document(&mut self, s: &Strategy) {
        self.comment(&words().draft_document);
        self.line("[document]");
        let d = &s.document;
        self.opt_str("title", &d.title);
        self.opt_str("subtitle", &d.subtitle);
        self.opt_str("version", &d.version);
        if let Some(status) = &d.status {
            self.key("status", variant(status));
        }
        self.opt("date", d.date.as_ref().map(|d| *d));
        self.opt("adopted_on", d.adopted_on);
        self.opt("review_months", d.review_months);
        self.key("language", variant(&d.language));
        self.list("authors", &d.authors);
        self.opt_str("contact", &d.contact);
    }

    fn texts(&mut self, s: &Strategy) {
        if s.text.is_empty() {
            return;
        }
        let catalogue = Catalogue::get();
        self.comment(&words().draft_outline_texts);
        self.line("[text]");
        for section in &catalogue.sections {
            let items: Vec<_> =
                catalogue.items_of(&section.id).filter_map(|i| s.text.get(&i.id).map(|t| (&i.id, t))).collect();
            if items.is_empty() {
                continue;
            }
            let title = section.title(self.lang).to_string();
            self.line(&format!("\n# {title}"));
            for (id, text) in items {
                self.key(id, string(text));
            }
        }
        let others: Vec<_> = s.text.iter().filter(|(k, _)| catalogue.item(k).is_none()).collect();
        for (id, text) in others {
            self.key(id, string(text));
        }
    }

    fn vision(&mut self, s: &Strategy) {
        let v = &s.vision;
        let empty = v.vision.is_none()
            && v.mission.is_none()
            && v.narrative.is_none()
            && v.keywords.is_empty()
            && v.guiding_principles.is_empty()
            && v.image.is_none();
        if empty {
            return;
        }
        self.comment(&words().draft_vision);
        self.line("[vision]");
        self.opt_str("vision", &v.vision);
        self.opt_str("mission", &v.mission);
        self.opt_str("narrative", &v.narrative);
        self.list("keywords", &v.keywords);
        self.list("guiding_principles", &v.guiding_principles);
        if let Some(p) = &v.image {
            self.key("image", image(&p.file, &p.alt, &p.caption));
        }
    }

    fn goals(&mut self, s: &Strategy) {
        if s.goals.is_empty() {
            return;
        }
        self.comment(&words().draft_goals);
        for g in &s.goals {
            self.line("\n[[goals]]");
            self.key("id", string(&g.id));
            self.opt_str("title", &g.title);
            self.opt_str("description", &g.description);
            if let Some(p) = &g.parent {
                self.key("parent", string(p));
            }
            self.opt_str("derived_from", &g.derived_from);
            self.flag("cross_sector", g.cross_sector);
            for i in &g.indicators {
                self.line("[[goals.indicators]]");
                self.key("name", string(&i.name));
                self.opt_str("unit", &i.unit);
                self.opt("baseline", i.baseline.map(|x| x.to_toml_value()));
                self.opt("baseline_year", i.baseline_year);
                self.opt("target", i.target.map(|x| x.to_toml_value()));
                self.opt("target_year", i.target_year.as_ref().map(|y| *y));
                self.opt_str("source", &i.source);
                for v in &i.values {
                    self.line("[[goals.indicators.values]]");
                    self.key("year", v.year.to_string());
                    self.opt("value", Some(v.value.to_toml_value()));
                    self.opt_str("note", &v.note);
                    self.opt_str("source", &v.source);
                }
                self.value_slot(i);
            }
        }
    }

    fn fields(&mut self, s: &Strategy) {
        if s.fields.is_empty() {
            return;
        }
        self.comment(&words().fields_of_action);
        for f in &s.fields {
            self.line("\n[[fields]]");
            self.key("id", string(&f.id));
            self.opt_str("title", &f.title);
            self.opt_str("description", &f.description);
            let goals: Vec<&str> = f.goals.iter().map(|g| g.as_str()).collect();
            self.list("goals", &goals);
            if let Some(p) = &f.image {
                self.key("image", image(&p.file, &p.alt, &p.caption));
            }
        }
    }

    fn measures(&mut self, s: &Strategy) {
        if s.measures.is_empty() {
            return;
        }
        self.comment(&words().draft_measures);
        for m in &s.measures {
            self.measure(m);
        }
    }

    fn measure(&mut self, m: &Measure) {
        self.line("\n[[measures]]");
        self.key("id", string(&m.id));
        self.opt_str("title", &m.title);
        self.key("field", string(&m.field));
        let goals: Vec<&str> = m.goals.iter().map(|g| g.as_str()).collect();
        self.list("goals", &goals);
        self.opt_str("description", &m.description);
        self.opt_str("needs", &m.needs);
        self.opt_str("benefit", &m.benefit);
        self.opt_str("lead", &m.lead);
        self.list("partners", &m.partners);
        if let Some(p) = &m.priority {
            self.key("priority", variant(p));
        }
        self.flag("quick_win", m.quick_win);
        if let Some(st) = &m.status {
            self.key("status", variant(st));
        }
        self.opt_str("status_reason", &m.status_reason);
        self.opt("start", m.start);
        self.opt("end", m.end.as_ref().map(|e| *e));
        self.opt("budget_eur", m.budget_eur);
        self.years("costs_eur", &m.costs_eur);
        self.opt_str("funding", &m.funding);
        self.years("follow_up_eur", &m.follow_up_eur);
        self.opt("staff_fte", m.staff_fte.map(|x| x.to_toml_value()));
        self.opt_str("budget_line", &m.budget_line);
        if !m.sdgs.is_empty() {
            let n: Vec<String> = m.sdgs.iter().map(u8::to_string).collect();
            self.key("sdgs", format!("[{}]", n.join(", ")));
        }
        self.opt_str("selection", &m.selection);
        self.opt_str("data_sovereignty", &m.data_sovereignty);
        for f in &m.financing {
            self.line("[[measures.financing]]");
            self.key("source", string(&f.source));
            self.key("kind", variant(&f.kind));
            self.opt("amount_eur", f.amount_eur);
            self.opt("share_percent", f.share_percent.map(|x| x.to_toml_value()));
        }
        for p in &m.progress {
            self.line("[[measures.progress]]");
            self.key("year", p.year.to_string());
            if let Some(st) = &p.status {
                self.key("status", variant(st));
            }
            self.opt("percent", p.percent.map(|x| x.to_toml_value()));
            self.opt("spent_eur", p.spent_eur);
            self.opt_str("note", &p.note);
        }
        self.progress_slot(m);
    }

    /// A commented-out value of the slot year for an indicator within its years that has none.
    fn value_slot(&mut self, i: &super::Indicator) {
        let Some(year) = self.slots else { return };
        if !i.measured_in(year) || i.values.iter().any(|v| v.year == year) {
            return;
        }
        let hint = words().slot_value.fill(self.lang, &[("year", &year.to_string())]);
        self.line(&format!("# [[goals.indicators.values]]   # {hint}\n# year = {year}\n# value = "));
    }

    /// A commented-out progress of the slot year for a measure that has begun and is not finished.
    fn progress_slot(&mut self, m: &Measure) {
        let Some(year) = self.slots else { return };
        if !m.reports_in(year) || m.progress.iter().any(|p| p.year == year) {
            return;
        }
        let hint = words().slot_progress.fill(self.lang, &[("year", &year.to_string())]);
        let status = m.status.map(|st| format!("\n# status = {}", variant(&st))).unwrap_or_default();
        self.line(&format!(
            "# [[measures.progress]]   # {hint}\n# year = {year}{status}\n# percent = \n# spent_eur = "
        ));
    }

    /// Amounts by year as an inline table: `{ 2027 = 120000, 2028 = 80000 }`.
    fn years(&mut self, key: &str, by_year: &std::collections::BTreeMap<String, u64>) {
        if !by_year.is_empty() {
            let pairs: Vec<String> =
                by_year.iter().map(|(y, a)| format!("{} = {a}", y.as_str().to_toml_key())).collect();
            self.key(key, format!("{{ {} }}", pairs.join(", ")));
        }
    }

    fn technical(&mut self, s: &Strategy) {
        if s.technical.topics.is_empty() {
            return;
        }
        self.comment(&words().draft_themes);
        self.line("[technical]");
        self.key("topics", strings(&s.technical.topics));
    }

    fn actors(&mut self, s: &Strategy) {
        if s.actors.is_empty() {
            return;
        }
        self.comment(&words().draft_actors);
        for a in &s.actors {
            self.line("\n[[actors]]");
            self.key("name", string(&a.name));
            if let Some(g) = &a.group {
                self.key("group", variant(g));
            }
            self.opt_str("role", &a.role);
            if let Some(i) = &a.involvement {
                self.key("involvement", variant(i));
            }
            self.flag("committee", a.committee);
        }
    }

    fn glossary(&mut self, s: &Strategy) {
        if s.glossary.is_empty() {
            return;
        }
        self.comment(&words().draft_glossary);
        for g in &s.glossary {
            self.line("\n[[glossary]]");
            self.key("term", string(&g.term));
            self.key("definition", string(&g.definition));
        }
    }

    fn council(&mut self, s: &Strategy) {
        let c = &s.council;
        let empty = c.number.is_none()
            && c.kind.is_none()
            && c.body.is_none()
            && c.lead_office.is_none()
            && c.involved.is_empty()
            && c.budget_year.is_none()
            && c.budget_line.is_none()
            && c.climate.is_none()
            && c.climate_reason.is_none()
            && c.sessions.is_empty()
            && c.attachments.is_empty()
            && c.shares.is_empty();
        if empty {
            return;
        }
        self.comment(&words().draft_council);
        self.line("[council]");
        self.opt_str("number", &c.number);
        if let Some(kind) = &c.kind {
            self.key("kind", variant(kind));
        }
        self.opt_str("body", &c.body);
        self.opt_str("lead_office", &c.lead_office);
        self.list("involved", &c.involved);
        self.opt("budget_year", c.budget_year);
        self.opt_str("budget_line", &c.budget_line);
        if let Some(climate) = &c.climate {
            self.key("climate", variant(climate));
        }
        self.opt_str("climate_reason", &c.climate_reason);
        self.list("attachments", &c.attachments);
        if !c.shares.is_empty() {
            let pairs: Vec<String> =
                c.shares.iter().map(|(m, p)| format!("{} = {}", m.as_str().to_toml_key(), p.to_toml_value())).collect();
            self.key("shares", format!("{{ {} }}", pairs.join(", ")));
        }
        for session in &c.sessions {
            self.line("\n[[council.sessions]]");
            self.key("body", string(&session.body));
            self.opt("date", session.date);
            if !session.public {
                self.key("public", "false".into());
            }
            if let Some(role) = &session.role {
                self.key("role", variant(role));
            }
            self.opt_str("member", &session.member);
        }
    }

    fn production(&mut self, s: &Strategy) {
        let p = &s.production;
        if p.done.is_empty() && p.notes.is_empty() {
            return;
        }
        self.comment(&words().draft_checklist);
        self.line("[production]");
        let catalogue = Catalogue::get();
        let order: Vec<&str> = catalogue.items_of(section_ids::PRODUCTION).map(|i| i.id.as_str()).collect();
        let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(usize::MAX);
        let mut done: Vec<_> = p.done.iter().collect();
        done.sort_by_key(|(k, _)| (rank(k), (*k).clone()));
        for (k, v) in done {
            self.key(k, v.to_string());
        }
        if !p.notes.is_empty() {
            self.line("\n[production.notes]");
            let mut notes: Vec<_> = p.notes.iter().collect();
            notes.sort_by_key(|(k, _)| (rank(k), (*k).clone()));
            for (k, v) in notes {
                self.key(k, string(v));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckOptions, Checked};

    fn model_json(source: &str) -> serde_json::Value {
        let checked = Checked::from_source("t.toml", source.to_string(), CheckOptions::default());
        assert_eq!(checked.errors(), 0, "{}", checked.render(false));
        serde_json::to_value(checked.strategy.expect("model")).expect("json")
    }

    #[test]
    fn every_example_reads_back_to_the_same_model() {
        for name in crate::cmd::init::names() {
            let source = crate::cmd::init::example(&name).expect("example");
            let before = model_json(&source);
            let s = Checked::from_source("t", source, CheckOptions::default()).strategy.expect("model");
            let written = to_toml(&s, Lang::De);
            assert_eq!(model_json(&written), before, "{name}:\n{written}");
            // and writing is stable
            let again = Checked::from_source("t", written.clone(), CheckOptions::default()).strategy.expect("model");
            assert_eq!(to_toml(&again, Lang::De), written, "{name}");
        }
    }

    #[test]
    fn hostile_strings_survive() {
        let source = "[municipality]\nname = \"A \\\"B\\\" '''C''' \\\"\\\"\\\" \\\\ \\t x\"\n\
                      [text]\nforeword = \"\"\"line 1\n\\\"\\\"\\\" and ''' \\\\n\n# not a comment\n[not a table]\"\"\"\n";
        let before = model_json(source);
        let s = Checked::from_source("t", source.to_string(), CheckOptions::default()).strategy.expect("model");
        let written = to_toml(&s, Lang::En);
        assert_eq!(model_json(&written), before, "{written}");
    }

    #[test]
    fn texts_follow_the_outline_with_section_comments() {
        let source = "[municipality]\nname = \"X\"\n[text]\nhistory = \"h\"\nforeword = \"f\"\n";
        let s = Checked::from_source("t", source.to_string(), CheckOptions::default()).strategy.expect("model");
        let written = to_toml(&s, Lang::De);
        let f = written.find("foreword = ").expect("foreword");
        let h = written.find("history = ").expect("history");
        assert!(f < h, "{written}");
        assert!(written.contains("# Einleitung und allgemeine Inhalte\nforeword"), "{written}");
        assert!(written.contains("# Anhang\nhistory"), "{written}");
    }
}
