//! What templates and renderers see: a [`Document`] built from the validated
//! model for one profile and language.
//!
//! All decisions about content live here — which items appear, what is a
//! placeholder, which tables are generated, how numbers read — so the
//! Markdown, HTML and DOCX renderers only lay out the same blocks. Strings in
//! a `Document` are plain text; each renderer escapes them for its format.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalogue::{Catalogue, Generated, Item, Profile, section_ids};
use crate::figures::{self, Figures};
use crate::i18n::{self, Labels, fill};
use crate::model::coverage::{has_data, has_text, is_filled, technical_selected};
use crate::model::{
    Actor, DocStatus, Field, Goal, Group, Involvement, Lang, Measure, MeasureStatus, Priority, Strategy,
};

/// A document ready to render.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Title page and metadata.
    pub meta: Meta,
    /// The level-1 and level-2 headings, for navigation.
    pub toc: Vec<TocEntry>,
    /// The content, in order.
    pub blocks: Vec<Block>,
    /// The labels of the document's language.
    pub labels: Labels,
}

/// Title page and metadata of a document.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Document title.
    pub title: String,
    /// Subtitle, if any.
    pub subtitle: Option<String>,
    /// Name of the municipality.
    pub municipality: String,
    /// Authors (the municipality when none are given).
    pub authors: Vec<String>,
    /// Date in the document's language, if set.
    pub date: Option<String>,
    /// Date as `YYYY-MM-DD`, if set.
    pub date_iso: Option<String>,
    /// `de` or `en`.
    pub lang: &'static str,
    /// `de-DE` or `en-GB`.
    pub lang_tag: &'static str,
    /// Version, if set.
    pub version: Option<String>,
    /// Status label, if set.
    pub status: Option<String>,
    /// `full`, `summary` or `council`.
    pub profile: &'static str,
    /// Facts for the title page (label, value).
    pub facts: Vec<Fact>,
}

/// An entry of the navigation.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// 1 or 2.
    pub level: u8,
    /// Heading text.
    pub text: String,
    /// Anchor id.
    pub anchor: String,
}

/// A label and its value.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// The label.
    pub label: String,
    /// The value.
    pub value: String,
}

/// A column of a table.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Header text.
    pub title: String,
    /// Right-aligned (numbers, money).
    pub numeric: bool,
    /// Relative width (the widths of a table add up to 100).
    pub width: u32,
}

/// An item of a (possibly nested) list.
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    /// Text.
    pub text: String,
    /// Nesting depth, 0 for top level.
    pub level: usize,
}

/// A section of the roadmap.
#[derive(Debug, Clone, Serialize)]
pub struct RoadmapSection {
    /// Field of action.
    pub name: String,
    /// Its measures with years.
    pub tasks: Vec<RoadmapTask>,
}

/// A measure on the roadmap.
#[derive(Debug, Clone, Serialize)]
pub struct RoadmapTask {
    /// Measure id.
    pub id: String,
    /// Measure title.
    pub title: String,
    /// First year.
    pub start: u16,
    /// Last year (inclusive).
    pub end: u16,
    /// The year after the last, for Gantt charts with exclusive ends.
    pub end_exclusive: u16,
}

/// One piece of content.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// A heading, level 1 to 4.
    Heading {
        /// 1..=4.
        level: u8,
        /// Text.
        text: String,
        /// Anchor id, unique in the document.
        anchor: String,
    },
    /// A generated sentence.
    Paragraph {
        /// Text.
        text: String,
    },
    /// The user's free text: paragraphs of lines.
    Text {
        /// Paragraphs, each a list of lines.
        paragraphs: Vec<Vec<String>>,
    },
    /// An open item with its guidance.
    Placeholder {
        /// "Placeholder" in the document language.
        label: String,
        /// The item's guidance hint.
        hint: String,
    },
    /// Labelled values.
    Facts {
        /// The facts.
        items: Vec<Fact>,
    },
    /// A bulleted list.
    List {
        /// Items with nesting levels.
        items: Vec<ListItem>,
    },
    /// A table.
    Table {
        /// Columns.
        columns: Vec<Column>,
        /// Rows of cells.
        rows: Vec<Vec<String>>,
        /// A two-column profile ("Steckbrief"): first column are labels.
        profile: bool,
        /// The last row is a total.
        total_row: bool,
    },
    /// The roadmap of measures by year (Gantt in Markdown, a table elsewhere).
    Roadmap {
        /// Chart title.
        title: String,
        /// Sections by field of action.
        sections: Vec<RoadmapSection>,
        /// The same as a table (measure × years).
        columns: Vec<Column>,
        /// Table rows.
        rows: Vec<Vec<String>>,
    },
}

/// Builds the document for `profile`.
pub fn build(strategy: &Strategy, profile: Profile, labels: &Labels) -> Document {
    let mut b = Builder {
        strategy,
        lang: strategy.document.language,
        labels,
        catalogue: Catalogue::get(),
        figures: Figures::of(strategy),
        profile,
        blocks: Vec::new(),
        item_level: 2,
    };
    match profile {
        Profile::Full | Profile::Summary => b.outline(),
        Profile::Council => b.council(),
    }
    let meta = b.meta();
    let toc = b
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, text, anchor } if *level <= 2 => {
                Some(TocEntry { level: *level, text: text.clone(), anchor: anchor.clone() })
            }
            _ => None,
        })
        .collect();
    Document { meta, toc, blocks: b.blocks, labels: labels.clone() }
}

struct Builder<'a> {
    strategy: &'a Strategy,
    lang: Lang,
    labels: &'a Labels,
    catalogue: &'a Catalogue,
    figures: Figures,
    profile: Profile,
    blocks: Vec<Block>,
    /// Level of the heading the current generated part stands under; its own
    /// headings go one level deeper, so no level is ever skipped.
    item_level: u8,
}

fn col(title: &str, numeric: bool, width: u32) -> Column {
    Column { title: title.to_string(), numeric, width }
}

fn nonblank(t: &Option<String>) -> Option<&str> {
    t.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// Splits free text into paragraphs (blank lines) of lines.
fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

impl<'a> Builder<'a> {
    // ----- small pieces -------------------------------------------------

    fn heading(&mut self, level: u8, text: impl Into<String>, anchor: impl Into<String>) {
        self.blocks.push(Block::Heading { level, text: text.into(), anchor: anchor.into() });
    }

    fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph { text: text.into() });
    }

    fn text(&mut self, text: &str) {
        let paragraphs = paragraphs(text);
        if !paragraphs.is_empty() {
            self.blocks.push(Block::Text { paragraphs });
        }
    }

    fn facts(&mut self, items: Vec<Fact>) {
        if !items.is_empty() {
            self.blocks.push(Block::Facts { items });
        }
    }

    fn table(&mut self, columns: Vec<Column>, rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            self.blocks.push(Block::Table { columns, rows, profile: false, total_row: false });
        }
    }

    fn table_with_total(&mut self, columns: Vec<Column>, rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            self.blocks.push(Block::Table { columns, rows, profile: false, total_row: true });
        }
    }

    fn fact(&self, label: &str, value: impl Into<String>) -> Fact {
        Fact { label: label.to_string(), value: value.into() }
    }

    fn money(&self, euros: u64) -> String {
        i18n::money(self.lang, euros)
    }

    fn or_none(&self, value: Option<String>) -> String {
        value.filter(|v| !v.trim().is_empty()).unwrap_or_else(|| self.labels.none.clone())
    }

    fn yes_no(&self, b: bool) -> String {
        if b { self.labels.yes.clone() } else { self.labels.no.clone() }
    }

    fn goals(&self) -> impl Iterator<Item = &'a Goal> + 'a {
        self.strategy.goals.iter().map(|g| g.get_ref())
    }

    fn fields(&self) -> impl Iterator<Item = &'a Field> + 'a {
        self.strategy.fields.iter().map(|f| f.get_ref())
    }

    fn measures(&self) -> impl Iterator<Item = &'a Measure> + 'a {
        self.strategy.measures.iter().map(|m| m.get_ref())
    }

    fn actors(&self) -> impl Iterator<Item = &'a Actor> + 'a {
        self.strategy.actors.iter().map(|a| a.get_ref())
    }

    fn goal_label(&self, id: &str) -> String {
        match self.goals().find(|g| g.id.get_ref() == id).and_then(|g| nonblank(&g.title)) {
            Some(title) => format!("{id} {title}"),
            None => id.to_string(),
        }
    }

    fn field_title(&self, f: &Field) -> String {
        nonblank(&f.title)
            .map(str::to_string)
            .or_else(|| self.catalogue.common_field(f.id.get_ref()).map(|c| c.title(self.lang).to_string()))
            .unwrap_or_else(|| f.id.get_ref().clone())
    }

    fn field_title_by_id(&self, id: &str) -> String {
        self.fields().find(|f| f.id.get_ref() == id).map_or_else(|| id.to_string(), |f| self.field_title(f))
    }

    fn measure_title(&self, m: &Measure) -> String {
        nonblank(&m.title).map_or_else(|| m.id.get_ref().clone(), str::to_string)
    }

    fn measure_label(&self, m: &Measure) -> String {
        match nonblank(&m.title) {
            Some(t) => format!("{} {t}", m.id.get_ref()),
            None => m.id.get_ref().clone(),
        }
    }

    fn priority(&self, p: Option<Priority>) -> String {
        p.map_or(self.labels.none.as_str(), |p| self.labels.priority(p)).to_string()
    }

    fn status(&self, st: Option<MeasureStatus>) -> String {
        st.map_or(self.labels.none.as_str(), |st| self.labels.status(st)).to_string()
    }

    fn group(&self, g: Option<Group>) -> String {
        g.map_or(self.labels.not_set.as_str(), |g| self.labels.group(g)).to_string()
    }

    fn involvement(&self, i: Option<Involvement>) -> String {
        i.map_or(self.labels.not_set.as_str(), |i| self.labels.involvement(i)).to_string()
    }

    fn period(&self, m: &Measure) -> String {
        match figures::years(m) {
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a}–{b}"),
            None => self.labels.none.clone(),
        }
    }

    fn sdg_list(&self, sdgs: &[u8]) -> String {
        let mut sorted = sdgs.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let names: Vec<String> = sorted
            .iter()
            .map(|n| match self.catalogue.sdg(*n) {
                Some(sdg) => format!("{n} {}", sdg.name(self.lang)),
                None => n.to_string(),
            })
            .collect();
        self.or_none(Some(names.join("; ")))
    }

    // ----- metadata -----------------------------------------------------

    fn title(&self) -> String {
        nonblank(&self.strategy.document.title)
            .map(str::to_string)
            .unwrap_or_else(|| self.labels.default_title(&self.strategy.municipality.name))
    }

    fn meta(&self) -> Meta {
        let (s, l, lang) = (self.strategy, self.labels, self.lang);
        let doc = &s.document;
        let base_title = self.title();
        let (title, subtitle) = match self.profile {
            Profile::Full => (base_title, nonblank(&doc.subtitle).map(str::to_string)),
            Profile::Summary => (base_title, Some(l.summary_subtitle.clone())),
            Profile::Council => (fill(&l.council_title, &[("title", &base_title)]), None),
        };
        let mut authors: Vec<String> =
            doc.authors.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
        if authors.is_empty() {
            authors.push(s.municipality.name.trim().to_string());
        }
        let date = doc.date.as_ref().map(|d| *d.get_ref());
        let status = doc.status.map(|st| l.doc_status(st).to_string());
        let m = &s.municipality;
        let mut facts = vec![self.fact(&l.municipality, m.name.trim())];
        if let Some(kind) = m.kind {
            facts.push(self.fact(&l.kind, l.kind(kind)));
        }
        if let Some(state) = &m.state {
            let name = self
                .catalogue
                .state(state.get_ref())
                .map_or(state.get_ref().as_str(), |st| crate::catalogue::pick(lang, &st.de, &st.en));
            facts.push(self.fact(&l.state, name));
        }
        if let Some(p) = m.population {
            facts.push(self.fact(&l.population, i18n::integer(lang, p)));
        }
        if !m.members.is_empty() {
            facts.push(self.fact(&l.members, m.members.join(", ")));
        }
        if self.profile != Profile::Summary {
            if let Some(v) = nonblank(&doc.version) {
                facts.push(self.fact(&l.version, v));
            }
            if let Some(st) = &status {
                facts.push(self.fact(&l.status, st.as_str()));
            }
        }
        if let Some(d) = date {
            facts.push(self.fact(&l.date, i18n::date(lang, d)));
        }
        if let Some(d) = doc.adopted_on {
            facts.push(self.fact(&l.adopted_on, i18n::date(lang, d)));
        }
        if let (Some(months), Some(base)) = (doc.review_months, doc.adopted_on.or(date)) {
            facts.push(self.fact(&l.next_review, i18n::date(lang, base.add_months(months))));
        }
        if let Some(c) = nonblank(&doc.contact) {
            facts.push(self.fact(&l.contact, c));
        }
        Meta {
            title,
            subtitle,
            municipality: m.name.trim().to_string(),
            authors,
            date: date.map(|d| i18n::date(lang, d)),
            date_iso: date.map(|d| d.to_string()),
            lang: lang.code(),
            lang_tag: lang.tag(),
            version: nonblank(&doc.version).map(str::to_string),
            status,
            profile: self.profile.as_str(),
            facts,
        }
    }

    // ----- full and summary: the outline in catalogue order ---------------

    fn outline(&mut self) {
        let catalogue = self.catalogue;
        for section in &catalogue.sections {
            if section.id == section_ids::PRODUCTION {
                if self.profile == Profile::Full {
                    self.production(section.title(self.lang), &section.id);
                }
                continue;
            }
            let items: Vec<&Item> = catalogue
                .items_of(&section.id)
                .filter(|item| match self.profile {
                    Profile::Full => section.id != section_ids::TECHNICAL || technical_selected(self.strategy, item),
                    _ => item.in_profile(self.profile) && is_filled(self.strategy, item),
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            let section_start = self.blocks.len();
            let title =
                if self.profile == Profile::Full { section.title(self.lang) } else { section.reader_title(self.lang) };
            self.heading(1, title, format!("section-{}", section.id));
            for item in items {
                let start = self.blocks.len();
                self.heading(2, self.item_title(item), item.id.clone());
                self.item_body(item);
                // summary and council: an item whose content is all left out loses its heading too
                if self.profile != Profile::Full && self.blocks.len() == start + 1 {
                    self.blocks.truncate(start);
                }
            }
            if self.blocks.len() == section_start + 1 {
                self.blocks.truncate(section_start);
            }
        }
    }

    /// The item's heading: the outline's wording in the full working document,
    /// the reader heading (where the catalogue has one) in the others.
    fn item_title(&self, item: &Item) -> String {
        match self.profile {
            Profile::Full => item.title(self.lang).to_string(),
            _ => item.reader_title(self.lang).to_string(),
        }
    }

    /// A sentence that points to the measure profiles in the field chapters.
    fn see_profiles(&mut self, label: &str) {
        let chapter = self.catalogue.item("field_chapters").map_or("", |i| i.title(self.lang)).to_string();
        let count = self.strategy.measures.len().to_string();
        self.para(fill(label, &[("chapter", &chapter), ("count", &count)]));
    }

    fn item_body(&mut self, item: &Item) {
        let mut filled = false;
        if has_text(self.strategy, &item.id) {
            let text = self.strategy.text.get(&item.id).cloned().unwrap_or_default();
            self.text(&text);
            filled = true;
        }
        if let Some(generated) = item.generated.filter(|g| has_data(self.strategy, *g)) {
            self.generated(generated);
            filled = true;
        }
        if !filled && self.profile == Profile::Full {
            self.blocks
                .push(Block::Placeholder { label: self.labels.placeholder.clone(), hint: item.hint(self.lang).to_string() });
        }
    }

    fn generated(&mut self, g: Generated) {
        let summary = self.profile == Profile::Summary;
        let council = self.profile == Profile::Council;
        let full_chapters = self.profile == Profile::Full && !self.strategy.fields.is_empty();
        match g {
            Generated::Vision => self.vision(),
            Generated::Mission => {
                if let Some(m) = nonblank(&self.strategy.vision.mission) {
                    self.text(m);
                }
            }
            Generated::GuidingPrinciples => {
                let items =
                    self.strategy.vision.guiding_principles.iter().map(|p| ListItem { text: p.clone(), level: 0 }).collect();
                self.blocks.push(Block::List { items });
            }
            Generated::GoalHierarchy => self.goal_hierarchy(),
            Generated::GoalIndicators if council => self.goal_indicator_table(),
            Generated::GoalIndicators => self.goal_indicators(),
            Generated::FieldChapters if council => self.field_overview(),
            Generated::FieldChapters if summary => self.field_summaries(),
            Generated::FieldChapters => self.field_chapters(),
            Generated::Measures => self.measures_overview(),
            // the full profile's measure profiles in the field chapters already
            // carry needs, benefit, lead and partners: say where, do not repeat them
            Generated::ProjectProfiles if full_chapters => self.see_profiles(&self.labels.see_profiles_needs),
            Generated::ProjectProfiles => self.project_profiles(),
            Generated::CitizenBenefit if full_chapters => self.see_profiles(&self.labels.see_profiles_benefit),
            // the summary shows each measure's benefit in its field of action
            Generated::CitizenBenefit if summary => {}
            Generated::MeasureDetails if full_chapters => self.see_profiles(&self.labels.see_profiles_details),
            Generated::MeasureDetails => {}
            Generated::Financing => self.financing(),
            Generated::Responsibilities => self.responsibilities(),
            Generated::Prioritisation => self.prioritisation(),
            Generated::CitizenBenefit => self.citizen_benefit(),
            Generated::Partners => self.partners(),
            Generated::Committees => self.committees(),
            Generated::TechnicalActors => self.actor_matrix(),
            Generated::Glossary => self.glossary(),
            Generated::Sdgs => self.sdg_coverage(),
            Generated::Production => {}
        }
    }

    fn vision(&mut self) {
        let v = &self.strategy.vision;
        if let Some(text) = nonblank(&v.vision) {
            self.text(text);
        }
        if let Some(narrative) = nonblank(&v.narrative) {
            self.heading(self.item_level + 1, self.labels.narrative.clone(), "narrative");
            self.text(narrative);
        }
        if !v.keywords.is_empty() {
            let f = self.fact(&self.labels.keywords, v.keywords.join(" · "));
            self.facts(vec![f]);
        }
    }

    fn goal_hierarchy(&mut self) {
        let ids: Vec<&str> = self.goals().map(|g| g.id.get_ref().as_str()).collect();
        let mut children: BTreeMap<&str, Vec<&Goal>> = BTreeMap::new();
        let mut roots = Vec::new();
        for g in self.goals() {
            match g.parent.as_ref().map(|p| p.get_ref().as_str()).filter(|p| ids.contains(p)) {
                Some(p) => children.entry(p).or_default().push(g),
                None => roots.push(g),
            }
        }
        let mut items = Vec::new();
        let mut stack: Vec<(&Goal, usize)> = roots.into_iter().rev().map(|g| (g, 0)).collect();
        while let Some((g, level)) = stack.pop() {
            items.push(ListItem { text: self.goal_label(g.id.get_ref()), level });
            if level < 8
                && let Some(kids) = children.get(g.id.get_ref().as_str())
            {
                stack.extend(kids.iter().rev().map(|k| (*k, level + 1)));
            }
        }
        self.blocks.push(Block::List { items });
    }

    fn indicator_rows(&self, g: &Goal, with_goal: bool) -> Vec<Vec<String>> {
        let value = |v: Option<f64>, year: Option<u16>, unit: &Option<String>| -> String {
            let Some(v) = v else { return self.labels.none.clone() };
            let mut s = i18n::quantity(self.lang, v, unit.as_deref());
            if let Some(y) = year {
                s = format!("{s} ({y})");
            }
            s
        };
        g.indicators
            .iter()
            .map(|i| {
                let mut row = Vec::new();
                if with_goal {
                    row.push(self.goal_label(g.id.get_ref()));
                }
                row.push(i.name.clone());
                row.push(value(i.baseline, i.baseline_year, &i.unit));
                row.push(value(i.target, i.target_year.as_ref().map(|y| *y.get_ref()), &i.unit));
                if !with_goal {
                    row.push(self.or_none(i.source.clone()));
                }
                row
            })
            .collect()
    }

    fn goal_indicators(&mut self) {
        let l = self.labels;
        for g in self.goals() {
            let id = g.id.get_ref();
            if self.profile != Profile::Full && nonblank(&g.description).is_none() && g.indicators.is_empty() {
                continue; // nothing to say about it beyond its title: no empty heading
            }
            let title = nonblank(&g.title).map_or_else(|| id.clone(), |t| format!("{id} {t}"));
            self.heading(self.item_level + 1, title, format!("goal-{id}"));
            if let Some(d) = nonblank(&g.description) {
                self.text(d);
            }
            if self.profile == Profile::Full {
                let mut facts = Vec::new();
                if let Some(p) = &g.parent {
                    facts.push(self.fact(&l.parent_goal, self.goal_label(p.get_ref())));
                }
                if let Some(d) = nonblank(&g.derived_from) {
                    facts.push(self.fact(&l.derived_from, d));
                }
                if g.cross_sector {
                    facts.push(self.fact(&l.cross_sector, l.yes.as_str()));
                }
                self.facts(facts);
            }
            if g.indicators.is_empty() {
                if self.profile == Profile::Full {
                    self.para(l.no_indicators.clone());
                }
                continue;
            }
            let columns = vec![
                col(&l.indicator, false, 34),
                col(&l.baseline, true, 20),
                col(&l.target, true, 20),
                col(&l.source, false, 26),
            ];
            let rows = self.indicator_rows(g, false);
            self.table(columns, rows);
        }
    }

    fn goal_indicator_table(&mut self) {
        let l = self.labels;
        let columns = vec![
            col(&l.goal, false, 30),
            col(&l.indicator, false, 30),
            col(&l.baseline, true, 20),
            col(&l.target, true, 20),
        ];
        let rows: Vec<Vec<String>> = self.goals().flat_map(|g| self.indicator_rows(g, true)).collect();
        if rows.is_empty() {
            let items = self.goals().map(|g| ListItem { text: self.goal_label(g.id.get_ref()), level: 0 }).collect();
            self.blocks.push(Block::List { items });
        } else {
            self.table(columns, rows);
        }
    }

    fn field_goals_fact(&self, f: &Field) -> Option<Fact> {
        (!f.goals.is_empty()).then(|| {
            let goals: Vec<String> = f.goals.iter().map(|g| self.goal_label(g.get_ref())).collect();
            self.fact(&self.labels.goals, goals.join("; "))
        })
    }

    fn measures_of(&self, f: &Field) -> Vec<&'a Measure> {
        self.measures().filter(|m| m.field.get_ref() == f.id.get_ref()).collect()
    }

    fn field_chapters(&mut self) {
        for f in self.fields() {
            self.heading(self.item_level + 1, self.field_title(f), format!("field-{}", f.id.get_ref()));
            if let Some(d) = nonblank(&f.description) {
                self.text(d);
            }
            let facts = self.field_goals_fact(f).into_iter().collect();
            self.facts(facts);
            let measures = self.measures_of(f);
            if measures.is_empty() {
                self.para(self.labels.no_measures.clone());
            }
            for m in measures {
                self.measure_profile(m);
            }
        }
    }

    fn measure_profile(&mut self, m: &Measure) {
        let l = self.labels;
        self.heading(self.item_level + 2, self.measure_label(m), format!("measure-{}", m.id.get_ref()));
        if let Some(d) = nonblank(&m.description) {
            self.text(d);
        }
        let goals: Vec<String> = m.goals.iter().map(|g| self.goal_label(g.get_ref())).collect();
        let mut rows = vec![
            vec![l.goals.clone(), self.or_none(Some(goals.join("; ")))],
            vec![l.lead.clone(), self.or_none(m.lead.clone())],
            vec![l.partners.clone(), self.or_none(Some(m.partners.join(", ")))],
            vec![l.priority.clone(), self.priority(m.priority)],
            vec![l.quick_win.clone(), self.yes_no(m.quick_win)],
            vec![l.status.clone(), self.status(m.status)],
            vec![l.period.clone(), self.period(m)],
            vec![l.budget.clone(), self.or_none(m.budget_eur.map(|b| self.money(b)))],
            vec![l.funding.clone(), self.or_none(m.funding.clone())],
            vec![l.sdgs.clone(), self.sdg_list(&m.sdgs)],
            vec![l.benefit.clone(), self.or_none(m.benefit.clone())],
        ];
        for (label, value) in
            [(&l.needs, &m.needs), (&l.selection, &m.selection), (&l.data_sovereignty, &m.data_sovereignty)]
        {
            if let Some(v) = nonblank(value) {
                rows.push(vec![label.clone(), v.to_string()]);
            }
        }
        let columns = vec![col(&l.measure, false, 30), col(&self.measure_title(m), false, 70)];
        self.blocks.push(Block::Table { columns, rows, profile: true, total_row: false });
    }

    fn field_summaries(&mut self) {
        for f in self.fields() {
            if nonblank(&f.description).is_none() && self.measures_of(f).is_empty() {
                continue; // no empty heading
            }
            self.heading(self.item_level + 1, self.field_title(f), format!("field-{}", f.id.get_ref()));
            if let Some(d) = nonblank(&f.description) {
                self.text(d);
            }
            let items: Vec<ListItem> = self
                .measures_of(f)
                .iter()
                .map(|m| {
                    let text = match nonblank(&m.benefit) {
                        Some(b) => format!("{} – {b}", self.measure_title(m)),
                        None => self.measure_title(m),
                    };
                    ListItem { text, level: 0 }
                })
                .collect();
            if !items.is_empty() {
                self.blocks.push(Block::List { items });
            }
        }
    }

    fn field_overview(&mut self) {
        let l = self.labels;
        let columns = vec![col(&l.field, false, 40), col(&l.measures, false, 40), col(&l.count, true, 20)];
        let rows = self
            .fields()
            .map(|f| {
                let titles: Vec<String> = self.measures_of(f).iter().map(|m| self.measure_title(m)).collect();
                vec![self.field_title(f), self.or_none(Some(titles.join("; "))), titles.len().to_string()]
            })
            .collect();
        self.table(columns, rows);
    }

    fn measures_overview(&mut self) {
        let l = self.labels;
        let columns = vec![
            col(&l.id, false, 8),
            col(&l.measure, false, 30),
            col(&l.field, false, 18),
            col(&l.priority, false, 10),
            col(&l.status, false, 10),
            col(&l.period, false, 10),
            col(&l.budget, true, 14),
        ];
        let rows = self
            .measures()
            .map(|m| {
                vec![
                    m.id.get_ref().clone(),
                    self.measure_title(m),
                    self.field_title_by_id(m.field.get_ref()),
                    self.priority(m.priority),
                    self.status(m.status),
                    self.period(m),
                    self.or_none(m.budget_eur.map(|b| self.money(b))),
                ]
            })
            .collect();
        self.heading(self.item_level + 1, l.measures_overview.clone(), "measures-overview");
        self.table(columns, rows);
        if !self.strategy.goals.is_empty() {
            self.heading(self.item_level + 1, l.traceability.clone(), "traceability");
            let goal_ids: Vec<String> = self.goals().map(|g| g.id.get_ref().clone()).collect();
            let width = (60 / goal_ids.len().max(1)) as u32;
            let mut columns = vec![col(&l.measure, false, 100 - width * goal_ids.len() as u32)];
            columns.extend(goal_ids.iter().map(|g| col(g, false, width)));
            let rows = self
                .measures()
                .map(|m| {
                    let mut row = vec![self.measure_label(m)];
                    row.extend(goal_ids.iter().map(|g| {
                        if m.goals.iter().any(|mg| mg.get_ref() == g) {
                            l.traceability_mark.clone()
                        } else {
                            String::new()
                        }
                    }));
                    row
                })
                .collect();
            self.table(columns, rows);
        }
        self.roadmap();
    }

    fn roadmap(&mut self) {
        let dated: Vec<(&Measure, (u16, u16))> =
            self.measures().filter_map(|m| figures::years(m).map(|y| (m, y))).collect();
        let (Some(first), Some(last)) =
            (dated.iter().map(|(_, (a, _))| *a).min(), dated.iter().map(|(_, (_, b))| *b).max())
        else {
            return;
        };
        let l = self.labels;
        let mut sections = Vec::new();
        for f in self.fields() {
            let tasks: Vec<RoadmapTask> = dated
                .iter()
                .filter(|(m, _)| m.field.get_ref() == f.id.get_ref())
                .map(|(m, (a, b))| RoadmapTask {
                    id: m.id.get_ref().clone(),
                    title: self.measure_title(m),
                    start: *a,
                    end: *b,
                    end_exclusive: b.saturating_add(1),
                })
                .collect();
            if !tasks.is_empty() {
                sections.push(RoadmapSection { name: self.field_title(f), tasks });
            }
        }
        // Very long periods would make the table unreadable; show at most 16 years.
        let last_shown = last.min(first.saturating_add(15));
        let years: Vec<u16> = (first..=last_shown).collect();
        let year_width = (64 / years.len().max(1)) as u32;
        let mut columns = vec![col(&l.measure, false, 100 - year_width * years.len() as u32)];
        columns.extend(years.iter().map(|y| col(&y.to_string(), false, year_width)));
        let rows = sections
            .iter()
            .flat_map(|s| s.tasks.iter())
            .map(|t| {
                let mut row = vec![format!("{} {}", t.id, t.title)];
                row.extend(
                    years.iter().map(|y| if (t.start..=t.end).contains(y) { "■".to_string() } else { String::new() }),
                );
                row
            })
            .collect();
        self.heading(self.item_level + 1, l.roadmap.clone(), "roadmap");
        self.blocks.push(Block::Roadmap { title: l.roadmap.clone(), sections, columns, rows });
    }

    fn project_profiles(&mut self) {
        let l = self.labels;
        let columns = vec![col(&l.measure, false, 30), col(&l.needs, false, 35), col(&l.benefit, false, 35)];
        let rows = self
            .measures()
            .filter(|m| nonblank(&m.needs).is_some() || nonblank(&m.benefit).is_some())
            .map(|m| vec![self.measure_label(m), self.or_none(m.needs.clone()), self.or_none(m.benefit.clone())])
            .collect();
        self.table(columns, rows);
    }

    fn financing(&mut self) {
        let l = self.labels;
        let total = self.money(self.figures.budget_total);
        self.para(fill(&l.budget_total, &[("amount", &total)]));

        self.heading(self.item_level + 1, l.budget_by_field.clone(), "budget-by-field");
        let columns = vec![col(&l.field, false, 60), col(&l.measures, true, 15), col(&l.budget, true, 25)];
        let mut rows: Vec<Vec<String>> = self
            .figures
            .budget_by_field
            .iter()
            .map(|b| vec![self.field_title_by_id(&b.field), b.measures.to_string(), self.money(b.budget_eur)])
            .collect();
        rows.push(vec![l.total.clone(), self.strategy.measures.len().to_string(), total.clone()]);
        self.table_with_total(columns, rows);

        self.heading(self.item_level + 1, l.budget_by_year.clone(), "budget-by-year");
        let columns = vec![col(&l.year, false, 60), col(&l.budget, true, 40)];
        let mut rows: Vec<Vec<String>> =
            self.figures.budget_by_year.iter().map(|y| vec![y.year.to_string(), self.money(y.budget_eur)]).collect();
        if self.figures.budget_without_period > 0 {
            rows.push(vec![l.no_period.clone(), self.money(self.figures.budget_without_period)]);
        }
        rows.push(vec![l.total.clone(), total.clone()]);
        self.table_with_total(columns, rows);
        self.para(l.budget_by_year_note.clone());

        if !self.figures.budget_by_funding.is_empty() {
            self.heading(self.item_level + 1, l.funding_sources.clone(), "funding-sources");
            let columns = vec![col(&l.funding, false, 60), col(&l.measures, true, 15), col(&l.budget, true, 25)];
            let mut rows: Vec<Vec<String>> = self
                .figures
                .budget_by_funding
                .iter()
                .map(|f| vec![f.funding.clone(), f.measures.to_string(), self.money(f.budget_eur)])
                .collect();
            let without = &self.figures.without_funding;
            if without.measures > 0 {
                rows.push(vec![l.not_set.clone(), without.measures.to_string(), self.money(without.budget_eur)]);
            }
            rows.push(vec![l.total.clone(), self.strategy.measures.len().to_string(), total]);
            self.table_with_total(columns, rows);
        }
    }

    fn responsibilities(&mut self) {
        if self.profile == Profile::Full && !self.strategy.fields.is_empty() {
            // each measure's lead and partners stand in its profile; here the
            // other way round: who is needed for which measures
            self.actors_needed();
            return;
        }
        let l = self.labels;
        let columns = vec![col(&l.measure, false, 40), col(&l.lead, false, 30), col(&l.partners, false, 30)];
        let rows = self
            .measures()
            .map(|m| {
                vec![self.measure_label(m), self.or_none(m.lead.clone()), self.or_none(Some(m.partners.join(", ")))]
            })
            .collect();
        self.table(columns, rows);
    }

    /// Leads and partners with the ids of the measures they lead or support.
    fn actors_needed(&mut self) {
        let l = self.labels;
        let mut by_name: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
        for m in self.measures() {
            let id = m.id.get_ref().clone();
            if let Some(lead) = nonblank(&m.lead) {
                by_name.entry(lead.to_string()).or_default().0.push(id.clone());
            }
            for p in m.partners.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
                let entry = by_name.entry(p.to_string()).or_default();
                if !entry.1.contains(&id) {
                    entry.1.push(id.clone());
                }
            }
        }
        let columns = vec![col(&l.actor, false, 40), col(&l.lead_for, false, 30), col(&l.partner_in, false, 30)];
        let rows = by_name
            .into_iter()
            .map(|(name, (leads, partners))| vec![name, leads.join(", "), partners.join(", ")])
            .collect();
        self.table(columns, rows);
    }

    fn prioritisation(&mut self) {
        let l = self.labels;
        let statuses = [
            Some(MeasureStatus::Idea),
            Some(MeasureStatus::Planned),
            Some(MeasureStatus::Running),
            Some(MeasureStatus::Done),
            None,
        ];
        let priorities = [Some(Priority::High), Some(Priority::Medium), Some(Priority::Low), None];
        self.heading(self.item_level + 1, l.by_priority_status.clone(), "priority-status");
        let mut columns = vec![col(&l.priority, false, 25)];
        columns.extend(statuses.iter().map(|st| col(&self.status(*st), true, 12)));
        columns.push(col(&l.total, true, 15));
        let mut rows = Vec::new();
        for p in priorities {
            let in_p: Vec<&Measure> = self.measures().filter(|m| m.priority == p).collect();
            if in_p.is_empty() && p.is_none() {
                continue;
            }
            let mut row = vec![self.priority(p)];
            row.extend(statuses.iter().map(|st| in_p.iter().filter(|m| m.status == *st).count().to_string()));
            row.push(in_p.len().to_string());
            rows.push(row);
        }
        let mut total = vec![l.total.clone()];
        total.extend(statuses.iter().map(|st| self.measures().filter(|m| m.status == *st).count().to_string()));
        total.push(self.strategy.measures.len().to_string());
        rows.push(total);
        self.table_with_total(columns, rows);

        self.heading(self.item_level + 1, l.quick_wins.clone(), "quick-wins");
        let items: Vec<ListItem> = self
            .measures()
            .filter(|m| m.quick_win)
            .map(|m| ListItem {
                text: format!("{} ({})", self.measure_label(m), self.field_title_by_id(m.field.get_ref())),
                level: 0,
            })
            .collect();
        if items.is_empty() {
            self.para(l.no_quick_wins.clone());
        } else {
            self.blocks.push(Block::List { items });
        }
    }

    fn citizen_benefit(&mut self) {
        let l = self.labels;
        let columns = vec![col(&l.measure, false, 35), col(&l.benefit, false, 65)];
        let rows = self
            .measures()
            .filter_map(|m| nonblank(&m.benefit).map(|b| vec![self.measure_label(m), b.to_string()]))
            .collect();
        self.table(columns, rows);
    }

    fn actor_rows(&self, committees: bool) -> Vec<Vec<String>> {
        let mut actors: Vec<&Actor> = self.actors().filter(|a| a.committee == committees).collect();
        actors.sort_by_key(|a| a.group.map_or(9, |g| g as u8));
        actors
            .iter()
            .map(|a| {
                vec![a.name.clone(), self.group(a.group), self.or_none(a.role.clone()), self.involvement(a.involvement)]
            })
            .collect()
    }

    fn actor_columns(&self) -> Vec<Column> {
        let l = self.labels;
        vec![
            col(&l.actor, false, 30),
            col(&l.group, false, 18),
            col(&l.role, false, 32),
            col(&l.involvement, false, 20),
        ]
    }

    fn partners(&mut self) {
        let rows = self.actor_rows(false);
        self.table(self.actor_columns(), rows);
    }

    fn committees(&mut self) {
        let rows = self.actor_rows(true);
        self.table(self.actor_columns(), rows);
    }

    fn actor_matrix(&mut self) {
        let l = self.labels;
        let involvements = [Some(Involvement::Inform), Some(Involvement::CoCreate), Some(Involvement::Consult), None];
        let groups = [
            Some(Group::Administration),
            Some(Group::Politics),
            Some(Group::Business),
            Some(Group::Science),
            Some(Group::CivilSociety),
            None,
        ];
        self.heading(self.item_level + 1, l.actors_by_group.clone(), "actors-by-group");
        let mut columns = vec![col(&l.group, false, 20)];
        columns.extend(involvements.iter().map(|i| col(&self.involvement(*i), false, 20)));
        let rows = groups
            .iter()
            .filter_map(|g| {
                let in_group: Vec<&Actor> = self.actors().filter(|a| a.group == *g).collect();
                (!in_group.is_empty()).then(|| {
                    let mut row = vec![self.group(*g)];
                    row.extend(involvements.iter().map(|i| {
                        let names: Vec<&str> =
                            in_group.iter().filter(|a| a.involvement == *i).map(|a| a.name.as_str()).collect();
                        names.join(", ")
                    }));
                    row
                })
            })
            .collect();
        self.table(columns, rows);
    }

    fn glossary(&mut self) {
        let l = self.labels;
        let mut entries: Vec<_> = self.strategy.glossary.iter().collect();
        entries.sort_by_cached_key(|e| e.term.to_lowercase());
        let rows = entries.iter().map(|e| vec![e.term.clone(), e.definition.clone()]).collect();
        self.table(vec![col(&l.term, false, 30), col(&l.definition, false, 70)], rows);
    }

    fn sdg_coverage(&mut self) {
        let l = self.labels;
        let count = self.figures.sdgs.len().to_string();
        self.para(fill(&l.sdg_coverage, &[("count", &count)]));
        let columns = vec![col(&l.sdg, false, 45), col(&l.measures, false, 40), col(&l.count, true, 15)];
        let rows = self
            .figures
            .sdgs
            .iter()
            .map(|c| {
                // ids are internal: the public summary names the measures
                let measures = if self.profile == Profile::Summary {
                    let titles: Vec<String> = c
                        .measures
                        .iter()
                        .filter_map(|id| self.measures().find(|m| m.id.get_ref() == id))
                        .map(|m| self.measure_title(m))
                        .collect();
                    titles.join("; ")
                } else {
                    c.measures.join(", ")
                };
                vec![self.sdg_list(&[c.sdg]), measures, c.measures.len().to_string()]
            })
            .collect();
        self.table(columns, rows);
    }

    fn production(&mut self, title: &str, section_id: &str) {
        let l = self.labels;
        self.heading(1, title, format!("section-{section_id}"));
        let p = &self.strategy.production;
        let rows = self
            .catalogue
            .items_of(section_id)
            .map(|item| {
                let done = p.done.get(&item.id).copied().unwrap_or(false);
                vec![
                    item.title(self.lang).to_string(),
                    if done { l.done.clone() } else { l.open.clone() },
                    p.notes.get(&item.id).cloned().unwrap_or_default(),
                ]
            })
            .collect();
        let columns = vec![
            col(&l.checklist_item, false, 35),
            col(&l.checklist_state, false, 15),
            col(&l.checklist_note, false, 50),
        ];
        self.table(columns, rows);
    }

    // ----- council: a draft council decision ------------------------------

    fn council(&mut self) {
        let l = self.labels;
        let title = self.title();
        self.heading(1, l.council_subject.clone(), "subject");
        self.para(title.clone());

        self.heading(1, l.council_proposal.clone(), "proposal");
        let version = match (nonblank(&self.strategy.document.version), &self.strategy.document.date) {
            (Some(v), Some(d)) => format!(" ({} {v}, {})", l.version, i18n::date(self.lang, *d.get_ref())),
            (Some(v), None) => format!(" ({} {v})", l.version),
            (None, Some(d)) => format!(" ({})", i18n::date(self.lang, *d.get_ref())),
            (None, None) => String::new(),
        };
        let months = self.strategy.document.review_months.unwrap_or(24).to_string();
        let quoted = i18n::inner_quotes(self.lang, &title);
        let resolution = if self.strategy.document.status == Some(DocStatus::Adopted) {
            // an adopted strategy is confirmed and carried forward, not adopted again
            let adopted = match self.strategy.document.adopted_on {
                Some(d) => fill(&l.council_adopted_on, &[("date", &i18n::date(self.lang, d))]),
                None => l.council_adopted.clone(),
            };
            fill(
                &l.council_resolution_adopted,
                &[("title", &quoted), ("adopted", &adopted), ("version", &version), ("months", &months)],
            )
        } else {
            fill(&l.council_resolution, &[("title", &quoted), ("version", &version), ("months", &months)])
        };
        self.para(resolution);

        let catalogue = self.catalogue;
        let finance_items = ["financing_proposal", "long_term_financing"];
        let facts: Vec<&Item> = catalogue
            .items
            .iter()
            .filter(|i| {
                i.in_profile(Profile::Council) && !finance_items.contains(&i.id.as_str()) && is_filled(self.strategy, i)
            })
            .collect();
        self.heading(1, l.council_facts.clone(), "facts");
        for item in facts {
            let start = self.blocks.len();
            self.heading(2, self.item_title(item), item.id.clone());
            self.item_body(item);
            if self.blocks.len() == start + 1 {
                self.blocks.truncate(start);
            }
        }

        self.heading(1, l.council_finance.clone(), "finance");
        if self.strategy.measures.iter().any(|m| m.get_ref().budget_eur.is_some()) {
            // the budget tables stand directly under the level-1 heading
            self.item_level = 1;
            self.financing();
            self.item_level = 2;
        } else {
            self.para(l.council_no_budget.clone());
        }
        for id in finance_items {
            if let Some(text) = self.strategy.text.get(id).filter(|t| !t.trim().is_empty()).cloned() {
                let heading = catalogue.item(id).map_or_else(|| id.to_string(), |i| self.item_title(i));
                self.heading(2, heading, id);
                self.text(&text);
            }
        }

        self.heading(1, l.council_attachments.clone(), "attachments");
        let mut items = vec![fill(&l.council_attachment_strategy, &[("title", &title)])];
        if !self.strategy.measures.is_empty() {
            items.push(fill(&l.council_attachment_profiles, &[("count", &self.strategy.measures.len().to_string())]));
        }
        if !self.strategy.goals.is_empty() {
            items.push(fill(&l.council_attachment_indicators, &[("count", &self.strategy.goals.len().to_string())]));
        }
        let items = items.into_iter().map(|text| ListItem { text, level: 0 }).collect();
        self.blocks.push(Block::List { items });
    }
}
