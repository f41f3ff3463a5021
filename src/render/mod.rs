//! Renderers: one per output format, all over the same [`Document`].
//!
//! A format is one module with a type that implements [`Renderer`], and one
//! line in the list below, which makes the [`Format`] enum (its variant,
//! renderer and file extension) and the set of [`Renderers`] of a build.

pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod odt;
pub mod pdf;
pub mod sheets;
mod templating;

/// Words longer than this get break opportunities in DOCX (a 100-character
/// word is longer than a line of the page; URLs rarely are), and `check`
/// warns about them.
pub const LONGEST_UNBROKEN: usize = 100;

use std::borrow::Cow;

use anyhow::Result;
use rayon::prelude::*;

use crate::catalogue::Profile;
use crate::context::{self, Document};
use crate::model::Strategy;
use crate::templates::TemplateSet;

/// What renderers are given besides the templates.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// LibreOffice's `soffice`, for the PDF; `None` looks it up on `PATH`.
    pub office: Option<std::path::PathBuf>,
    /// The corporate design (`--design`) every document of the build takes.
    pub design: std::sync::Arc<crate::design::Design>,
}

/// Whether the space at byte `i` of `text` stands between a number and its
/// unit, `€` or `%` ("1.450.000 €", "48 %"), where no line may break.
pub fn glued_space(text: &str, i: usize) -> bool {
    text[i..].starts_with(' ')
        && text[..i].ends_with(|d: char| d.is_ascii_digit())
        && text[i + 1..].starts_with(['€', '%'])
}

/// `text` with a non-breaking space between each number and its unit (see
/// [`glued_space`]), so amounts and shares stay on one line in every format.
pub fn glue_units(text: &str) -> Cow<'_, str> {
    if !text.contains(['€', '%']) {
        return Cow::Borrowed(text);
    }
    let glue: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).filter(|&i| glued_space(text, i)).collect();
    if glue.is_empty() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.char_indices().map(|(i, c)| if glue.contains(&i) { '\u{a0}' } else { c }).collect())
}

/// Whether `word` is an id such as `MOB-01`, `DAT-03` or `HEA-02b`: a few
/// letters, a hyphen and a number, which must not be split at the hyphen.
fn is_id(word: &str) -> bool {
    let Some((letters, number)) = word.split_once('-') else { return false };
    let number = number.trim_end_matches(|c: char| c.is_ascii_lowercase());
    (1..=8).contains(&letters.chars().count())
        && letters.chars().all(char::is_alphabetic)
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
}

/// `text` with a non-breaking hyphen (U+2011) where a line must not break:
/// inside ids (`MOB-01`) and after the hyphen that stands for a word left
/// out ("Mentorinnen und -mentoren"), so no line starts with "01" or
/// "mentoren" alone. Other compounds ("Smart-City-Strategie") may still
/// break at their hyphens, as German typesetting does.
pub fn no_break_hyphens(text: &str) -> Cow<'_, str> {
    // the word as the rule sees it: without the punctuation around it
    fn core(word: &str) -> &str {
        word.trim_end_matches([',', ';', '.', ':', ')', '“', '"']).trim_start_matches(['(', '„', '"'])
    }
    fn glued(word: &str) -> bool {
        let core = core(word);
        is_id(core) || (core.starts_with('-') && core[1..].starts_with(char::is_lowercase))
    }
    // most text has no such word: then nothing is copied
    if !text.contains('-') || !text.split_whitespace().any(glued) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        if glued(word) {
            out.push_str(&word.replacen('-', "\u{2011}", 1));
        } else {
            out.push_str(word);
        }
        let space = rest[end..].find(|c: char| !c.is_whitespace()).map_or(rest.len(), |n| end + n);
        out.push_str(&rest[end..space]);
        rest = &rest[space..];
    }
    Cow::Owned(out)
}

/// Writes one output format.
pub trait Renderer: Send + Sync {
    /// Compiles what the renderer needs from `templates`, once per build.
    fn new(templates: &TemplateSet, settings: &Settings) -> Result<Self>
    where
        Self: Sized;

    /// Renders one document.
    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>>;
}

/// Makes [`Format`] from the list of formats: each line names the variant
/// (its doc comment is the description `--help` shows), the type in its
/// module that renders it, and the file extension.
macro_rules! formats {
    ($($(#[doc = $doc:literal])+ $variant:ident => $renderer:ty, $extension:literal;)+) => {
        /// The output formats.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Format {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Format {
            /// Every format, in the order of the list.
            pub const ALL: &'static [Format] = &[$(Format::$variant,)+];

            /// The file extension, which is also the format's name on the command line.
            pub fn extension(self) -> &'static str {
                match self {
                    $(Format::$variant => $extension,)+
                }
            }

            /// The format whose extension `extension` is (`docx` → DOCX).
            pub fn from_extension(extension: &str) -> Option<Format> {
                Format::ALL.iter().copied().find(|f| f.extension().eq_ignore_ascii_case(extension))
            }

            /// One line on what the format is (its doc comment).
            pub fn description(self) -> &'static str {
                match self {
                    $(Format::$variant => concat!($($doc),+).trim(),)+
                }
            }

            /// The renderer of this format, compiled from `templates`.
            fn renderer(self, templates: &TemplateSet, settings: &Settings) -> Result<Box<dyn Renderer>> {
                Ok(match self {
                    $(Format::$variant => Box::new(<$renderer as Renderer>::new(templates, settings)?),)+
                })
            }
        }
    };
}

formats! {
    /// Markdown (CommonMark + GFM tables, pandoc-ready).
    Md => markdown::Markdown, "md";
    /// Word document.
    Docx => docx::Docx, "docx";
    /// OpenDocument text (LibreOffice, the ODF standard of German administration).
    Odt => odt::Odt, "odt";
    /// PDF with page numbers in its contents, tagged; made by LibreOffice (--soffice).
    Pdf => pdf::Pdf, "pdf";
    /// A self-contained HTML page.
    Html => html::Html, "html";
    /// The validated model with computed figures.
    Json => json::Json, "json";
    /// Spreadsheet (Excel): measures, cost and financing plan, indicators; sums as formulas.
    Xlsx => sheets::Xlsx, "xlsx";
    /// OpenDocument spreadsheet (LibreOffice Calc): the same sheets as the XLSX.
    Ods => sheets::Ods, "ods";
    /// The measures with their money by year and kind, for a double-click in German Excel.
    Csv => sheets::Csv, "csv";
}

impl Format {
    /// The formats strategiekit renders by itself: all but the PDF, which
    /// LibreOffice lays out.
    pub const BUILT_IN: &'static [Format] =
        &[Format::Md, Format::Docx, Format::Odt, Format::Html, Format::Json, Format::Xlsx, Format::Ods, Format::Csv];

    /// Whether the format's files are binary (zip packages, PDF), which a terminal cannot show.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx | Format::Odt | Format::Pdf | Format::Xlsx | Format::Ods)
    }
}

/// What a renderer reads: the document, the strategy it was built from, and
/// the document as the handlebars templates see it (made at most once, on
/// first use).
pub struct Input<'a> {
    /// The validated strategy the document shows; `None` for a document
    /// about several versions of one (the change log of `diff`).
    pub strategy: Option<&'a Strategy>,
    /// The document to render.
    pub document: &'a Document,
    prepared: templating::Prepared<'a>,
}

impl<'a> Input<'a> {
    /// The input for rendering `document`, built from `strategy` if it shows one.
    pub fn new(strategy: Option<&'a Strategy>, document: &'a Document) -> Self {
        Input { strategy, document, prepared: templating::Prepared::new(document) }
    }

    /// The document as JSON for handlebars, shared by the formats that use templates.
    fn prepared(&self) -> &templating::Prepared<'a> {
        &self.prepared
    }
}

/// The renderers of one build, compiled once and shared by all input files.
pub struct Renderers {
    templates: TemplateSet,
    design: std::sync::Arc<crate::design::Design>,
    /// One per format, in the order of [`Format::ALL`], which is the order of the variants.
    renderers: Vec<Box<dyn Renderer>>,
}

impl Renderers {
    /// Compiles the renderer of every format from `templates`, so that a
    /// broken template is reported before anything is built.
    pub fn new(templates: TemplateSet, settings: &Settings) -> Result<Self> {
        let renderers =
            Format::ALL.iter().map(|format| format.renderer(&templates, settings)).collect::<Result<_>>()?;
        Ok(Renderers { templates, design: settings.design.clone(), renderers })
    }

    /// The template set the renderers were compiled from.
    pub fn templates(&self) -> &TemplateSet {
        &self.templates
    }

    /// Renders `strategy` in `profile` into each of `formats`: the document is
    /// built once, and the formats are rendered in parallel (in the order of `formats`).
    pub fn render(&self, strategy: &Strategy, profile: Profile, formats: &[Format]) -> Result<Vec<(Format, Vec<u8>)>> {
        self.render_since(strategy, None, profile, formats)
    }

    /// Renders `strategy` as [`Renderers::render`] does; a progress report
    /// also lists what changed since `since`, a previous version and its name.
    pub fn render_since(
        &self,
        strategy: &Strategy,
        since: Option<(&Strategy, &str)>,
        profile: Profile,
        formats: &[Format],
    ) -> Result<Vec<(Format, Vec<u8>)>> {
        let labels = self.templates.labels().get(strategy.document.language);
        let design = self.design.or_logo(strategy.municipality.logo.as_ref());
        let options = context::Options { design: Some(&design), since };
        let mut document = context::build_with(strategy, profile, labels, options);
        document.design = design;
        self.render_input(&Input::new(Some(strategy), &document), formats)
    }

    /// Renders the council document of `member` of an inter-municipal
    /// strategy into each of `formats`.
    pub fn render_member(
        &self,
        strategy: &Strategy,
        member: &str,
        formats: &[Format],
    ) -> Result<Vec<(Format, Vec<u8>)>> {
        let labels = self.templates.labels().get(strategy.document.language);
        let mut document = context::build_member(strategy, labels, member);
        document.design = self.design.or_logo(strategy.municipality.logo.as_ref());
        self.render_input(&Input::new(Some(strategy), &document), formats)
    }

    /// Renders `input` into each of `formats`, in parallel (in the order of `formats`).
    pub fn render_input(&self, input: &Input<'_>, formats: &[Format]) -> Result<Vec<(Format, Vec<u8>)>> {
        formats.par_iter().map(|&format| Ok((format, self.renderers[format as usize].render(input)?))).collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{CheckOptions, Checked};

    /// Markup, control characters, empty and multi-line values, in every kind of block.
    const HOSTILE: &str = r##"
[municipality]
name = "<b>Nord|stadt</b> *x* {{y}} \\"
[document]
title = "# T\n- l"
language = "LANG"
[text]
foreword = """
- list
1. one

> quote
<div>html</div>\u0007"""
[[goals]]
id = "Z1"
title = "| a | b |"
[[fields]]
id = "f"
title = "{{#each x}}"
goals = ["Z1"]
[[measures]]
id = "M1"
title = "``code``"
field = "f"
goals = ["Z1"]
needs = "a\nb"
benefit = ""
start = 2026
end = 2041
budget_eur = 1
"##;

    fn strategies() -> Vec<(String, Checked)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut out: Vec<(String, Checked)> = std::fs::read_dir(&dir)
            .expect("examples")
            .map(|e| e.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .map(|path| {
                (path.display().to_string(), Checked::from_path(&path, CheckOptions::default()).expect("readable"))
            })
            .collect();
        for lang in ["de", "en"] {
            let source = HOSTILE.replace("LANG", lang);
            out.push((format!("hostile-{lang}"), Checked::from_source("hostile", source, CheckOptions::default())));
        }
        out
    }

    /// Fails at the first byte where `got` differs from `want`, showing both there.
    fn assert_same(got: &str, want: &str, what: &str) {
        if got == want {
            return;
        }
        let at = got.bytes().zip(want.bytes()).position(|(a, b)| a != b).unwrap_or(got.len().min(want.len()));
        let around = |s: &str| {
            let start = s.floor_char_boundary(at.saturating_sub(120));
            let end = s.floor_char_boundary((at + 120).min(s.len()));
            s[start..end].to_string()
        };
        panic!(
            "{what} differs at byte {at}:\nrendered in Rust: {:?}\nby the template:  {:?}",
            around(got),
            around(want)
        );
    }

    /// The split block loop, its blocks rendered in Rust (see `templating::native`),
    /// gives the same text as the templates rendered as written.
    #[test]
    fn split_block_loop_renders_like_the_templates_as_written() {
        let templates = TemplateSet::builtin();
        let md = markdown::Markdown::new(&templates, &Settings::default()).expect("compiles");
        let html = html::Html::new(&templates, &Settings::default()).expect("compiles");
        assert!(md.page.is_split() && html.page.is_split(), "the built-in templates take the split path");
        for (name, checked) in strategies() {
            let s = checked.valid().unwrap_or_else(|| panic!("{name}:\n{}", checked.render(false)));
            for &profile in <Profile as strum::VariantArray>::VARIANTS {
                let doc = context::build(s, profile, templates.labels().get(s.document.language));
                let prepared = templating::Prepared::new(&doc);
                let split = md.page.render(&md.reg, &prepared).expect("renders");
                let written = md.page.render_as_written(&md.reg, &prepared).expect("renders");
                assert_same(&split, &written, &format!("{name} {profile:?}: Markdown"));
                let split = html.page.render(&html.reg, &prepared).expect("renders");
                let written = html.page.render_as_written(&html.reg, &prepared).expect("renders");
                assert_same(&split, &written, &format!("{name} {profile:?}: HTML"));
            }
        }
    }

    #[test]
    fn a_number_keeps_its_unit_on_its_line() {
        assert_eq!(glue_units("1.450.000 € und 48 % (2022)"), "1.450.000\u{a0}€ und 48\u{a0}% (2022)");
        assert!(matches!(glue_units("ohne Einheit 48"), Cow::Borrowed(_)));
        assert_eq!(glue_units("Kosten: € 5 und % "), "Kosten: € 5 und % ", "only after a digit");
        assert_eq!(glue_units("5  €"), "5  €", "one space only");
        assert_eq!(html::escape("48 % <b>"), "48\u{a0}% &lt;b&gt;");
        assert_eq!(markdown::escape_inline("1 € | 2 %"), "1\u{a0}€ \\| 2\u{a0}%");
    }

    #[test]
    fn ids_and_left_out_words_keep_their_hyphen_on_the_line() {
        assert_eq!(no_break_hyphens("MOB-01 Vernetzte Plattform"), "MOB\u{2011}01 Vernetzte Plattform");
        assert_eq!(no_break_hyphens("(DAT-03, HEA-02b)"), "(DAT\u{2011}03, HEA\u{2011}02b)");
        assert_eq!(no_break_hyphens("Mentorinnen und -mentoren"), "Mentorinnen und \u{2011}mentoren");
        assert!(matches!(no_break_hyphens("Smart-City-Strategie 2026-2030"), Cow::Borrowed(_)));
        assert!(matches!(no_break_hyphens("Anteil - Wert"), Cow::Borrowed(_)));
        assert_eq!(no_break_hyphens("  a\tMOB-01\n"), "  a\tMOB\u{2011}01\n", "the spaces stay as they were");
    }

    #[test]
    fn changed_templates_are_rendered_as_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("markdown")).expect("dir");
        let block =
            TemplateSet::builtin().get("markdown/block.md.hbs").expect("built-in").replace("{{text}}", "!{{text}}");
        std::fs::write(dir.path().join("markdown/block.md.hbs"), block).expect("write");
        let templates = TemplateSet::with_overrides(dir.path()).expect("overrides");
        let md = markdown::Markdown::new(&templates, &Settings::default()).expect("compiles");
        let html = html::Html::new(&templates, &Settings::default()).expect("compiles");
        assert!(!md.page.is_split(), "a changed block template is rendered as written");
        assert!(html.page.is_split(), "the HTML templates are still the built-in ones");
    }
}
