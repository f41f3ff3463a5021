//! Property tests (proptest): whatever a user types into a title or a text
//! survives into every format as text, and never changes the structure of
//! the document (its headings).

use std::io::Read as _;

use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use strategiekit::catalogue::Profile;
use strategiekit::model::{CheckOptions, Checked};
use strategiekit::render::{Format, Renderers, Settings};
use strategiekit::templates::TemplateSet;

use crate::util::*;

/// Whitespace folded to single spaces, zero-width spaces (DOCX's break
/// opportunities) removed.
fn fold(s: &str) -> String {
    s.replace('\u{200B}', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text and the number of headings of each format.
struct Rendered {
    md: (String, usize),
    html: (String, usize),
    docx: (String, usize),
    json: serde_json::Value,
}

fn render(title: &str, foreword: &str) -> Option<(Rendered, String, String)> {
    let input = clean_with("title = \"Bürgerportal\"", &format!("title = {}", toml_str(title))).replacen(
        "[vision]",
        &format!("[text]\nforeword = {}\n\n[vision]", toml_str(foreword)),
        1,
    );
    let checked = Checked::from_source("p.toml", input, CheckOptions::default());
    let strategy = checked.valid()?;
    let (title, foreword) = (strategy.measures[0].title.clone()?, strategy.text.get("foreword").cloned()?);
    let renderers = Renderers::new(TemplateSet::builtin(), &Settings::default()).expect("templates");
    let outputs = renderers.render(strategy, Profile::Full, Format::BUILT_IN).expect("a valid input renders");
    let get = |f: Format| outputs.iter().find(|(g, _)| *g == f).map(|(_, b)| b.clone()).expect("format");
    let md = String::from_utf8(get(Format::Md)).expect("UTF-8");
    let html = String::from_utf8(get(Format::Html)).expect("UTF-8");
    let rendered = Rendered {
        md: markdown(&md),
        html: html_text(&html),
        docx: docx_text(&get(Format::Docx)),
        json: serde_json::from_slice(&get(Format::Json)).expect("JSON"),
    };
    Some((rendered, title, foreword))
}

fn markdown(md: &str) -> (String, usize) {
    let (mut text, mut headings) = (String::new(), 0);
    for event in Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::TableCell) => text.push(' '),
            Event::Start(Tag::Heading { .. }) => headings += 1,
            _ => {}
        }
    }
    (fold(&text), headings)
}

fn html_text(html: &str) -> (String, usize) {
    let doc = scraper::Html::parse_document(html);
    let main = scraper::Selector::parse("main").expect("selector");
    let headings = scraper::Selector::parse("main h1, main h2, main h3, main h4, main h5, main h6").expect("selector");
    let text = doc.select(&main).flat_map(|m| m.text()).collect::<Vec<_>>().join(" ");
    (fold(&text), doc.select(&headings).count())
}

fn docx_text(bytes: &[u8]) -> (String, usize) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document.xml").read_to_string(&mut xml).expect("UTF-8");
    let paragraphs = crate::docx::paragraphs(&xml);
    let text = paragraphs.iter().map(|(_, text)| text.as_str()).collect::<Vec<_>>().join(" ");
    (fold(&text), paragraphs.iter().filter(|(style, _)| style.starts_with("Heading")).count())
}

/// Text as people paste it: letters, umlauts, markup of every format, entities.
const TEXT: &str = "[a-zA-Z0-9äöüÄÖÜß€ <>&;*_#|`~^$@!?.,:()\\[\\]{}\"'/\\\\=+-]{1,40}";

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn typed_text_survives_into_every_format_and_keeps_the_structure(
        title in TEXT,
        first in TEXT,
        second in TEXT,
    ) {
        let foreword = format!("{first}\n\n{second}");
        let Some((got, title, foreword)) = render(&title, &foreword) else { return Ok(()) };
        let (baseline, _, _) = render("Portal", "Ein Vorwort.").expect("the baseline renders");
        prop_assert_eq!(got.json["strategy"]["measures"][0]["title"].as_str(), Some(title.as_str()));
        prop_assert_eq!(got.json["strategy"]["text"]["foreword"].as_str(), Some(foreword.as_str()));
        for (format, (text, headings), base) in [
            ("md", &got.md, baseline.md.1),
            ("html", &got.html, baseline.html.1),
            ("docx", &got.docx, baseline.docx.1),
        ] {
            prop_assert!(text.contains(&fold(&title)), "{}: title {:?} not in the text", format, title);
            for paragraph in foreword.split("\n\n") {
                prop_assert!(text.contains(&fold(paragraph)), "{}: {:?} not in the text", format, paragraph);
            }
            prop_assert_eq!(*headings, base, "{}: the headings changed", format);
        }
    }
}
