//! The HTML page, parsed by an HTML5 parser: self-contained, navigable,
//! and no element the user typed.

use crate::util::*;

use scraper::{Html, Selector};

fn build_html(toml: &str, args: &[&str]) -> String {
    let dir = dir_with(&[("s.toml", toml)]);
    let mut all = vec!["build", "-", "--format", "html"];
    all.extend_from_slice(args);
    let out = run_with_stdin(dir.path(), &all, toml);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).expect("selector")).collect()
}

/// The elements the templates write; anything else came from user text.
const OURS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "p",
    "dl",
    "div",
    "dt",
    "dd",
    "nav",
    "details",
    "summary",
    "ol",
    "li",
    "a",
    "main",
    "aside",
    "strong",
    "ul",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
    "figure",
    "img",
    "figcaption",
];

#[test]
fn the_page_loads_nothing_and_every_link_resolves() {
    for example in examples() {
        let html = build_html(&std::fs::read_to_string(&example).expect("example"), &[]);
        let doc = Html::parse_document(&html);
        for element in doc.root_element().descendent_elements() {
            let name = element.value().name();
            assert!(OURS.contains(&name), "{example:?}: unexpected <{name}>");
            if let Some(src) = element.value().attr("src") {
                // images are embedded, each with its alternative text
                assert!(name == "img" && src.starts_with("data:image/"), "{example:?}: <{name} src={src:.40}>");
                assert!(!element.value().attr("alt").unwrap_or_default().trim().is_empty(), "an image without alt");
            }
            if let Some(href) = element.value().attr("href") {
                let target = href.strip_prefix('#').unwrap_or_else(|| panic!("external link {href}"));
                assert_eq!(select(&doc, &format!("[id=\"{target}\"]")).len(), 1, "link target {target}");
            }
        }
        let csp = select(&doc, "meta[http-equiv=\"Content-Security-Policy\"]");
        let policy = if select(&doc, "img").is_empty() { "" } else { "; img-src data:" };
        let policy = format!("default-src 'none'; style-src 'unsafe-inline'{policy}");
        assert_eq!(csp[0].value().attr("content"), Some(policy.as_str()));
        // the contents twice: folded away on phones, open on wider screens
        assert_eq!(select(&doc, "nav.toc details.toc-narrow li").len(), select(&doc, "nav.toc .toc-wide li").len());
        // every wide table scrolls in a region the keyboard reaches and a screen reader names
        for table in select(&doc, "div.table") {
            assert_eq!((table.value().attr("role"), table.value().attr("tabindex")), (Some("region"), Some("0")));
            assert!(!table.value().attr("aria-label").unwrap_or_default().is_empty());
        }
        assert!(!select(&doc, "meta[name=viewport]").is_empty(), "readable on a phone");
        assert!(html.contains("@media print"), "a print stylesheet");
        assert!(html.contains("@media (max-width: 40rem)"), "a narrow-screen layout");
        let nav = select(&doc, "nav.toc .toc-wide li a");
        let (h2, h3, h4) = (select(&doc, "main h2"), select(&doc, "main h3"), select(&doc, "main h4"));
        assert_eq!(select(&doc, "nav.toc .toc-wide li.toc1").len(), h2.len(), "every chapter is in the navigation");
        assert_eq!(nav.len(), h2.len() + h3.len() + h4.len(), "three levels in the navigation");
    }
}

#[test]
fn ids_and_language_follow_the_input() {
    let html = build_html(CLEAN, &[]);
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("de-DE"));
    assert_eq!(select(&doc, "#foreword")[0].text().collect::<String>(), "Vorwort");
    assert_eq!(select(&doc, "#measure-M1")[0].value().name(), "h5");
    assert_eq!(select(&doc, "#field-administration")[0].text().collect::<String>(), "Verwaltung");
    assert_eq!(select(&doc, "aside.placeholder").len(), 44, "measure_details is filled by the measures");
    let en = build_html(&CLEAN.replace("review_months = 24", "review_months = 24\nlanguage = \"en\""), &[]);
    assert!(en.contains("<html lang=\"en-GB\">") && en.contains("<summary>Contents</summary>"));
}

#[test]
fn hostile_text_creates_no_element() {
    for profile in ["full", "summary", "council"] {
        let html = build_html(&hostile_strategy("de"), &["--profile", profile]);
        let doc = Html::parse_document(&html);
        for element in doc.root_element().descendent_elements() {
            let name = element.value().name();
            assert!(OURS.contains(&name), "{profile}: the user's text became <{name}>");
            assert!(
                name != "div"
                    || element.value().attr("class") == Some("table")
                    || element.value().attr("class") == Some("toc-wide")
                    || element.parent().is_some_and(|p| p.value().as_element().is_some_and(|e| e.name() == "dl")),
                "{profile}: a <div> the user typed"
            );
        }
        let texts: Vec<String> = select(&doc, "p, td, li, h3, h4, h5, h1").iter().map(|e| e.text().collect()).collect();
        assert!(texts.iter().filter(|t| t.contains(FIRST_LINE)).count() > 5, "{profile}: the text is shown as typed");
        assert!(!html.contains('\u{7}'));
    }
}
