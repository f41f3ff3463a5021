//! What templates and renderers see: a [`Document`] built from the validated
//! model for one profile and language.
//!
//! All decisions about content live here — which items appear, what is a
//! placeholder, which tables are generated, how numbers read — so the
//! Markdown, HTML and DOCX renderers only lay out the same blocks. Strings in
//! a `Document` are plain text; each renderer escapes them for its format.
//!
//! The builder is split into rooms by what they build:
//! - `builder`: its state and the small pieces (appending blocks, looking up
//!   goals, fields and measures, values as text);
//! - `meta`: the title page; `outline`: the walk through the catalogue (full
//!   and summary); `council`: the draft council decision;
//! - `vision`, `goals`, `fields`, `measures`, `roadmap`, `financing`,
//!   `actors`, `sdgs`, `glossary`, `production`: one kind of content each.

mod actors;
mod builder;
mod council;
mod council_facts;
mod fields;
mod financing;
mod glossary;
mod goals;
mod measures;
mod meta;
mod outline;
mod production;
mod report;
mod report_work;
mod roadmap;
mod sdgs;
mod vision;

use serde::Serialize;

use crate::catalogue::Profile;
use crate::i18n::Labels;
use crate::model::Strategy;

use builder::Builder;
pub use council_facts::default_body as default_council_body;

/// A document ready to render.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Title page and metadata.
    pub meta: Meta,
    /// The headings of levels 1 to 3, for navigation.
    pub toc: Vec<TocEntry>,
    /// The content, in order.
    pub blocks: Vec<Block>,
    /// The labels of the document's language.
    pub labels: Labels,
    /// How the document looks (`--design`); the built-in design unless one is given.
    #[serde(skip)]
    pub design: std::sync::Arc<crate::design::Design>,
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
    /// 1, 2 or 3.
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
    /// An image from the input with its alternative text, and its caption if it has one.
    Image {
        /// The image's number in the document, from 1 (it names the image's part in DOCX and ODT).
        number: usize,
        /// What it shows, for those who cannot see it.
        alt: String,
        /// "Abbildung 1: …", when the input gives a caption (numbered among the captioned images).
        caption: Option<String>,
        /// `image/png` or `image/jpeg`.
        media_type: &'static str,
        /// Width and height in pixels (a chart's in CSS pixels; its PNG has more).
        pixels: (u32, u32),
        /// A chart's SVG as its `data:` URI, which HTML shows instead of the PNG.
        #[serde(rename = "vector_src", skip_serializing_if = "Option::is_none")]
        vector: Option<String>,
        /// The image, shown to templates and in JSON as its `data:` URI (`src`).
        #[serde(rename = "src", serialize_with = "data_uri")]
        image: std::sync::Arc<crate::image::Image>,
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

/// An image as its `data:` URI.
fn data_uri<S: serde::Serializer>(image: &std::sync::Arc<crate::image::Image>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&image.data_uri())
}

/// What a document is built with besides the strategy and its profile.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The design, whose colours the charts take (the built-in one if `None`).
    pub design: Option<&'a crate::design::Design>,
    /// The previous version of the strategy and its name, whose changes the
    /// progress report lists (`--since`).
    pub since: Option<(&'a Strategy, &'a str)>,
}

/// Builds the document for `profile`.
pub fn build(strategy: &Strategy, profile: Profile, labels: &Labels) -> Document {
    build_with(strategy, profile, labels, Options::default())
}

/// Builds the document for `profile` with `options`.
pub fn build_with(strategy: &Strategy, profile: Profile, labels: &Labels, options: Options<'_>) -> Document {
    let mut builder = Builder::new(strategy, profile, labels);
    if let Some(design) = options.design {
        builder.palette = crate::chart::Palette::of(design);
    }
    builder.since = options.since;
    match profile {
        Profile::Full | Profile::Summary => builder.outline(),
        Profile::Council => builder.council(),
        Profile::Report => builder.report(),
        Profile::ReportCouncil => builder.report_council(),
    }
    let meta = builder.meta();
    Document::new(meta, builder.blocks, labels)
}

/// The council document for `member` of an inter-municipal strategy, with
/// its share of the costs (`council.shares`).
pub fn build_member(strategy: &Strategy, labels: &Labels, member: &str) -> Document {
    let mut builder = Builder::new(strategy, Profile::Council, labels);
    let share = strategy.council.shares.get(member).copied().unwrap_or(0.0);
    builder.member = Some((member, share));
    builder.council();
    let meta = builder.meta();
    Document::new(meta, builder.blocks, labels)
}

impl Meta {
    /// Whether the document is short and runs on without a new page per
    /// chapter: the council draft and the change log of `diff`.
    pub fn runs_on(&self) -> bool {
        matches!(self.profile, "council" | "report_council" | "changes")
    }
}

impl Document {
    /// A document of `blocks` with the words of `labels`; its contents are
    /// the headings of levels 1 to 3.
    pub fn new(meta: Meta, blocks: Vec<Block>, labels: &Labels) -> Document {
        let toc = blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { level, text, anchor } if *level <= 3 => {
                    Some(TocEntry { level: *level, text: text.clone(), anchor: anchor.clone() })
                }
                _ => None,
            })
            .collect();
        Document { meta, toc, blocks, labels: labels.clone(), design: Default::default() }
    }
}
