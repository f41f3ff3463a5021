//! The builder core: what a document is built from, the blocks built so far,
//! and the small pieces every part uses — appending blocks, looking up goals,
//! fields and measures, and writing values (money, priorities, periods …) as
//! text in the document's language.

use crate::catalogue::{Catalogue, Profile};
use crate::figures::{self, Figures};
use crate::i18n::{self, Labels};
use crate::model::{Actor, Field, Goal, Group, Involvement, Lang, Measure, MeasureStatus, Priority, Strategy};

use super::{Block, Column, Fact};

/// Builds the blocks of one document for one profile.
pub(super) struct Builder<'a> {
    /// The validated input.
    pub(super) strategy: &'a Strategy,
    /// The document's language.
    pub(super) lang: Lang,
    /// The labels of that language.
    pub(super) labels: &'a Labels,
    /// The KTS outline: sections, items, SDGs, states.
    pub(super) catalogue: &'a Catalogue,
    /// Figures computed from the measures (budgets, SDG coverage).
    pub(super) figures: Figures,
    /// Which document is built.
    pub(super) profile: Profile,
    /// The content built so far.
    pub(super) blocks: Vec<Block>,
    /// Level of the heading the current generated part stands under; its own
    /// headings go one level deeper, so no level is ever skipped.
    pub(super) item_level: u8,
    /// For the council document of one member of an inter-municipal
    /// strategy: the member's name and its share of the costs in percent.
    pub(super) member: Option<(&'a str, f64)>,
    /// The colours of the charts, from the design.
    pub(super) palette: crate::chart::Palette,
    /// The previous version and its name, for the progress report's changes (`--since`).
    pub(super) since: Option<(&'a Strategy, &'a str)>,
}

/// A table column.
pub(super) fn col(title: &str, numeric: bool, width: u32) -> Column {
    Column { title: title.to_string(), numeric, width }
}

/// The text, trimmed, unless it is missing or blank.
pub(super) fn nonblank(t: &Option<String>) -> Option<&str> {
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
    /// A builder with no blocks yet, for `profile` in the strategy's language.
    pub(super) fn new(strategy: &'a Strategy, profile: Profile, labels: &'a Labels) -> Self {
        Builder {
            strategy,
            lang: strategy.document.language,
            labels,
            catalogue: Catalogue::get(),
            figures: Figures::of(strategy),
            profile,
            blocks: Vec::new(),
            item_level: 2,
            member: None,
            palette: crate::chart::Palette::of(&crate::design::Design::default()),
            since: None,
        }
    }

    /// Appends a heading.
    pub(super) fn heading(&mut self, level: u8, text: impl Into<String>, anchor: impl Into<String>) {
        self.blocks.push(Block::Heading { level, text: text.into(), anchor: anchor.into() });
    }

    /// Appends a generated sentence.
    pub(super) fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph { text: text.into() });
    }

    /// Appends the user's free text, unless it is blank.
    pub(super) fn text(&mut self, text: &str) {
        let paragraphs = paragraphs(text);
        if !paragraphs.is_empty() {
            self.blocks.push(Block::Text { paragraphs });
        }
    }

    /// Appends an image of the input, once it has been read (a model checked
    /// without its folder has none, and shows none).
    pub(super) fn picture(&mut self, picture: &Option<crate::model::Picture>) {
        let Some(p) = picture else { return };
        let Some(image) = &p.image else { return };
        let images = self.blocks.iter().filter(|b| matches!(b, Block::Image { .. }));
        let (number, captioned) = images.fold((1, 1), |(n, c), b| match b {
            Block::Image { caption, .. } => (n + 1, c + usize::from(caption.is_some())),
            _ => (n, c),
        });
        let caption = nonblank(&p.caption).map(|c| format!("{} {captioned}: {c}", self.labels.figure));
        self.blocks.push(Block::Image {
            number,
            alt: p.alt.as_deref().unwrap_or_default().trim().to_string(),
            caption,
            media_type: image.kind.media_type(),
            pixels: image.pixels,
            vector: None,
            image: image.clone(),
        });
    }

    /// Appends a drawn chart as an image (its SVG for HTML, its PNG
    /// elsewhere) with `alt` and `caption`. A chart that could not be drawn
    /// is left out; the table of its data, which follows it, stays.
    pub(super) fn chart(&mut self, drawn: anyhow::Result<crate::chart::Chart>, alt: String, caption: String) {
        let Ok(chart) = drawn else { return };
        let images = self.blocks.iter().filter(|b| matches!(b, Block::Image { .. }));
        let (number, captioned) = images.fold((1, 1), |(n, c), b| match b {
            Block::Image { caption, .. } => (n + 1, c + usize::from(caption.is_some())),
            _ => (n, c),
        });
        self.blocks.push(Block::Image {
            number,
            alt,
            caption: Some(format!("{} {captioned}: {caption}", self.labels.figure)),
            media_type: chart.png.kind.media_type(),
            pixels: crate::chart::SIZE,
            vector: Some(crate::chart::svg_data_uri(&chart.svg)),
            image: std::sync::Arc::new(chart.png),
        });
    }

    /// Appends labelled values, unless there are none.
    pub(super) fn facts(&mut self, items: Vec<Fact>) {
        if !items.is_empty() {
            self.blocks.push(Block::Facts { items });
        }
    }

    /// Appends a table, unless it has no rows.
    pub(super) fn table(&mut self, columns: Vec<Column>, rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            self.blocks.push(Block::Table { columns, rows, profile: false, total_row: false });
        }
    }

    /// Appends a table whose last row is a total, unless it has no rows.
    pub(super) fn table_with_total(&mut self, columns: Vec<Column>, rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            self.blocks.push(Block::Table { columns, rows, profile: false, total_row: true });
        }
    }

    /// A label and its value.
    pub(super) fn fact(&self, label: &str, value: impl Into<String>) -> Fact {
        Fact { label: label.to_string(), value: value.into() }
    }

    /// An amount in euros, written in the document's language.
    pub(super) fn money(&self, euros: u64) -> String {
        i18n::money(self.lang, euros)
    }

    /// The value, or "none" when it is missing or blank.
    pub(super) fn or_none(&self, value: Option<String>) -> String {
        value.filter(|v| !v.trim().is_empty()).unwrap_or_else(|| self.labels.none.clone())
    }

    /// "yes" or "no".
    pub(super) fn yes_no(&self, b: bool) -> String {
        if b { self.labels.yes.clone() } else { self.labels.no.clone() }
    }

    /// The goals, in input order.
    pub(super) fn goals(&self) -> impl Iterator<Item = &'a Goal> + 'a {
        self.strategy.goals.iter()
    }

    /// The fields of action, in input order.
    pub(super) fn fields(&self) -> impl Iterator<Item = &'a Field> + 'a {
        self.strategy.fields.iter()
    }

    /// The measures, in input order.
    pub(super) fn measures(&self) -> impl Iterator<Item = &'a Measure> + 'a {
        self.strategy.measures.iter()
    }

    /// The actors, in input order.
    pub(super) fn actors(&self) -> impl Iterator<Item = &'a Actor> + 'a {
        self.strategy.actors.iter()
    }

    /// A goal as "id title", or its id when it has no title (or is unknown).
    pub(super) fn goal_label(&self, id: &str) -> String {
        match self.goals().find(|g| g.id == id).and_then(|g| nonblank(&g.title)) {
            Some(title) => format!("{id} {title}"),
            None => id.to_string(),
        }
    }

    /// A field's title, else the catalogue's title of a common field, else its id.
    pub(super) fn field_title(&self, f: &Field) -> String {
        nonblank(&f.title)
            .map(str::to_string)
            .or_else(|| self.catalogue.common_field(&f.id).map(|c| c.title(self.lang).to_string()))
            .unwrap_or_else(|| f.id.clone())
    }

    /// The title of the field with `id`, or the id when there is no such field.
    pub(super) fn field_title_by_id(&self, id: &str) -> String {
        self.fields().find(|f| f.id == id).map_or_else(|| id.to_string(), |f| self.field_title(f))
    }

    /// A measure's title, or its id when it has none.
    pub(super) fn measure_title(&self, m: &Measure) -> String {
        nonblank(&m.title).map_or_else(|| m.id.clone(), str::to_string)
    }

    /// A measure as "id title", or its id when it has no title.
    pub(super) fn measure_label(&self, m: &Measure) -> String {
        match nonblank(&m.title) {
            Some(t) => format!("{} {t}", m.id),
            None => m.id.clone(),
        }
    }

    /// The label of a priority, or "none".
    pub(super) fn priority(&self, p: Option<Priority>) -> String {
        p.map_or(self.labels.none.as_str(), |p| self.labels.priority(p)).to_string()
    }

    /// The label of a measure status, or "none".
    pub(super) fn status(&self, st: Option<MeasureStatus>) -> String {
        st.map_or(self.labels.none.as_str(), |st| self.labels.status(st)).to_string()
    }

    /// The label of an actor group, or "not set".
    pub(super) fn group(&self, g: Option<Group>) -> String {
        g.map_or(self.labels.not_set.as_str(), |g| self.labels.group(g)).to_string()
    }

    /// The label of an involvement, or "not set".
    pub(super) fn involvement(&self, i: Option<Involvement>) -> String {
        i.map_or(self.labels.not_set.as_str(), |i| self.labels.involvement(i)).to_string()
    }

    /// The years of a measure ("2026" or "2026–2028"), or "none".
    pub(super) fn period(&self, m: &Measure) -> String {
        match figures::years(m) {
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a}–{b}"),
            None => self.labels.none.clone(),
        }
    }
}
