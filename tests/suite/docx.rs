//! The DOCX, opened as a zip of XML parts: styles, headings in catalogue
//! order, TOC and PAGE fields, A4, language, core properties, repeated header
//! rows, well-formed XML with hostile input.

use crate::util::*;

use std::io::Read as _;

use quick_xml::Reader;
use quick_xml::events::Event;

/// The text parts of a DOCX (or ODT), in zip order; images are left out.
pub(crate) fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("entry");
        let stamp = file.last_modified().expect("a time");
        let name = file.name().expect("a name").into_owned();
        assert_eq!((stamp.year(), stamp.month(), stamp.day()), (1980, 1, 1), "{name} has a real timestamp");
        if name.ends_with(".png") || name.ends_with(".jpeg") {
            continue;
        }
        let mut text = String::new();
        file.read_to_string(&mut text).expect("UTF-8 part");
        out.push((name, text));
    }
    out
}

pub(crate) fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str()).unwrap_or_else(|| panic!("no part {name}"))
}

/// Parses the whole part; fails on malformed XML or characters XML 1.0 forbids.
pub(crate) fn assert_well_formed(name: &str, xml: &str) {
    assert!(
        !xml.chars().any(|c| (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'),
        "{name} has a forbidden character"
    );
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
}

/// Paragraphs of document.xml as (style, text).
pub(crate) fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut style, mut text, mut in_p, mut in_t) = (String::new(), String::new(), false, false);
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(e) if e.name().as_ref() == "w:p" => {
                in_p = true;
                style.clear();
                text.clear();
            }
            Event::Empty(e) | Event::Start(e) if e.name().as_ref() == "w:pStyle" && in_p => {
                let val = e.try_get_attribute("w:val").expect("attr").expect("w:val");
                style = val.value.to_string();
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::Empty(e) if e.name().as_ref() == "w:br" => text.push('\n'),
            // a hyphen that does not break reads as a hyphen
            Event::Empty(e) if e.name().as_ref() == "w:noBreakHyphen" && in_p => text.push('-'),
            Event::Text(t) if in_t => text.push_str(&t),
            Event::GeneralRef(r) if in_t => {
                text.push_str(match &*r {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                });
            }
            Event::End(e) if e.name().as_ref() == "w:p" => {
                in_p = false;
                out.push((style.clone(), text.clone()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn build_docx(toml: &str, args: &[&str]) -> Vec<u8> {
    let dir = dir_with(&[("s.toml", toml)]);
    let mut all = vec!["build", "s.toml", "--format", "docx"];
    all.extend_from_slice(args);
    let out = run_in(dir.path(), &all);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let name = files_in(dir.path()).into_iter().find(|n| n.ends_with(".docx")).expect("a docx");
    std::fs::read(dir.path().join(name)).expect("docx")
}

fn headings_of_markdown(toml: &str, args: &[&str]) -> Vec<(String, String)> {
    let dir = dir_with(&[("s.toml", toml)]);
    let mut all = vec!["build", "-", "--format", "md"];
    all.extend_from_slice(args);
    let out = run_with_stdin(dir.path(), &all, toml);
    stdout(&out)
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            let level = l.chars().take_while(|c| *c == '#').count();
            let text = l[level..].trim().replace('\\', "");
            (format!("Heading{level}"), text)
        })
        .collect()
}

#[test]
fn package_has_the_parts_in_a_fixed_order() {
    let docx = build_docx(CLEAN, &[]);
    let names: Vec<String> = parts(&docx).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "docProps/app.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/settings.xml",
            "word/numbering.xml",
            "word/footer1.xml",
            "word/fontTable.xml",
            "word/theme/theme1.xml"
        ]
    );
    // every part but the package's own is named in [Content_Types].xml and related from the document
    let p = parts(&docx);
    let (types, rels) = (part(&p, "[Content_Types].xml"), part(&p, "word/_rels/document.xml.rels"));
    for name in &names[6..] {
        assert!(types.contains(&format!(r#"PartName="/{name}""#)), "{name} has no content type");
        assert!(rels.contains(&format!(r#"Target="{}""#, name.trim_start_matches("word/"))), "{name} is not related");
    }
    for (name, xml) in parts(&docx) {
        assert_well_formed(&name, &xml);
    }
}

#[test]
fn styles_page_fields_and_properties() {
    let docx = build_docx(CLEAN, &[]);
    let p = parts(&docx);
    let styles = part(&p, "word/styles.xml");
    for level in 1..=4 {
        let id = format!(r#"w:styleId="Heading{level}"><w:name w:val="heading {level}"/>"#);
        assert!(styles.contains(&id), "Heading{level} style missing");
        let start = styles.find(&id).expect("style");
        let end = start + styles[start..].find("</w:style>").expect("end");
        assert!(
            styles[start..end].contains(&format!(r#"<w:outlineLvl w:val="{}"/>"#, level - 1)),
            "Heading{level} outline level"
        );
    }
    // grey on grey at 7:1 (7F7F7F was 3.6:1, below the 4.5:1 of WCAG AA)
    assert!(styles.contains(r#"w:styleId="Placeholder""#) && styles.contains("<w:i/><w:color w:val=\"595959\"/>"));
    assert!(styles.contains(r#"<w:rPrDefault><w:rPr><w:rFonts"#) && styles.contains(r#"<w:lang w:val="de-DE""#));
    let document = part(&p, "word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert!(
        document.contains(r#"<w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText>"#),
        "TOC field"
    );
    assert!(document.ends_with("</w:sectPr></w:body></w:document>"), "sectPr is last in the body");
    assert!(part(&p, "word/footer1.xml").contains(" PAGE "), "page numbers in the footer");
    let settings = part(&p, "word/settings.xml");
    assert!(settings.contains(r#"<w:updateFields w:val="true"/>"#));
    // the children of w:settings in the order CT_Settings (ECMA-376 §17.15.1.78) requires;
    // out of order, Word offers to repair the file
    let schema_order = [
        "defaultTabStop",
        "hyphenationZone",
        "characterSpacingControl",
        "updateFields",
        "compat",
        "themeFontLang",
        "decimalSymbol",
        "listSeparator",
    ];
    let at: Vec<usize> = schema_order
        .iter()
        .map(|name| settings.find(&format!("<w:{name} ")).or_else(|| settings.find(&format!("<w:{name}>"))))
        .map(|found| found.unwrap_or_else(|| panic!("{settings}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "settings.xml children out of schema order: {settings}");
    let core = part(&p, "docProps/core.xml");
    assert!(core.contains("<dc:title>Smart-City-Strategie Musterstadt</dc:title>"), "{core}");
    assert!(core.contains("<dc:creator>Musterstadt</dc:creator>"), "{core}");
    assert!(
        core.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T00:00:00Z</dcterms:created>"#),
        "{core}"
    );
    assert!(core.contains("<dc:language>de-DE</dc:language>"));

    let en = build_docx(&CLEAN.replace("review_months = 24", "review_months = 24\nlanguage = \"en\""), &[]);
    let p = parts(&en);
    assert!(part(&p, "word/styles.xml").contains(r#"<w:lang w:val="en-GB""#));
    assert!(part(&p, "word/footer1.xml").contains(">Page </w:t>"));
}

#[test]
fn headings_are_heading_paragraphs_in_catalogue_order() {
    for profile in ["full", "summary", "council"] {
        let docx = build_docx(CLEAN, &["--profile", profile]);
        let p = parts(&docx);
        let headings: Vec<(String, String)> =
            paragraphs(part(&p, "word/document.xml")).into_iter().filter(|(s, _)| s.starts_with("Heading")).collect();
        assert_eq!(headings, headings_of_markdown(CLEAN, &["--profile", profile]), "{profile}");
        assert!(headings.len() > 4, "{profile}");
    }
    let docx = build_docx(CLEAN, &[]);
    let paras = paragraphs(part(&parts(&docx), "word/document.xml"));
    assert_eq!(paras[0], ("Title".to_string(), "Smart-City-Strategie Musterstadt".to_string()));
    let placeholders = paras.iter().filter(|(s, _)| s == "Placeholder").count();
    assert_eq!(
        placeholders, 44,
        "one Placeholder paragraph per empty item (measure_details is filled by the measures)"
    );
    let toc: Vec<_> = paras.iter().filter(|(s, _)| s.starts_with("TOC") && s != "TOCHeading").collect();
    assert_eq!(toc[0].1, "Einleitung und allgemeine Inhalte", "pre-rendered TOC entries");
}

#[test]
fn tables_repeat_their_header_row_and_have_widths() {
    let docx = build_docx(&std::fs::read_to_string(examples()[3].clone()).expect("ulm"), &[]);
    let document = part(&parts(&docx), "word/document.xml").to_string();
    let tables: Vec<&str> =
        document.split("<w:tbl>").skip(1).map(|t| t.split("</w:tbl>").next().unwrap_or_default()).collect();
    assert!(tables.len() > 40, "{} tables", tables.len());
    for t in &tables {
        let first_row = t.split("<w:tr>").nth(1).expect("a row");
        assert!(first_row.starts_with("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"), "header row not repeated");
        assert_eq!(t.matches("<w:tblHeader/>").count(), 1, "only the leading row is a header");
        let columns = t.matches("<w:gridCol ").count();
        for row in t.split("<w:tr>").skip(1) {
            assert_eq!(row.matches("<w:tc>").count(), columns, "every row has a cell per grid column");
            assert_eq!(row.matches(r#"<w:tcW w:w=""#).count(), columns, "every cell has a width");
        }
        assert!(t.contains("<w:tblBorders><w:top w:val=\"single\""), "borders");
        let grid: u32 = t
            .split(r#"<w:gridCol w:w=""#)
            .skip(1)
            .map(|w| w.split('"').next().and_then(|n| n.parse::<u32>().ok()).expect("a width"))
            .sum();
        assert!(grid <= 9072, "the table is {grid} dxa wide, the text 9072");
    }
    // the measure overview's long words fit only in the compact size
    let overview = tables.iter().find(|t| t.contains(">Zeitraum<") && t.contains(">Handlungsfeld<")).expect("overview");
    assert!(overview.contains(r#"<w:pStyle w:val="TableHeadingCompact"/>"#), "compact header");
    assert!(overview.contains(r#"<w:pStyle w:val="TableTextCompact"/>"#), "compact cells");
    let profile = tables.iter().find(|t| t.contains(">Priorität<") && !t.contains(">Zeitraum<")).expect("a profile");
    assert!(!profile.contains("Compact"), "a measure profile keeps the normal size");
    let styles = part(&parts(&docx), "word/styles.xml").to_string();
    let compact = styles.split(r#"w:styleId="TableTextCompact""#).nth(1).expect("style TableTextCompact");
    assert!(compact.split("</w:style>").next().unwrap_or_default().contains(r#"<w:sz w:val="16"/>"#), "8 pt");
}

/// The tables of document.xml.
fn tables(document: &str) -> Vec<&str> {
    document.split("<w:tbl>").skip(1).map(|t| t.split("</w:tbl>").next().unwrap_or_default()).collect()
}

/// The XML of the paragraphs before the table that holds `text`, nearest first.
fn paragraphs_before<'a>(document: &'a str, text: &str) -> Vec<&'a str> {
    let at = document.find(text).expect("the text");
    let table = document[..at].rfind("<w:tbl>").expect("in a table");
    document[..table].rsplit("<w:p>").map(|p| p.split("</w:p>").next().unwrap_or_default()).collect()
}

#[test]
fn tables_and_the_paragraphs_introducing_them_keep_together() {
    let ulm = std::fs::read_to_string(examples()[3].clone()).expect("ulm");
    let docx = build_docx(&ulm, &[]);
    let document = part(&parts(&docx), "word/document.xml").to_string();
    // ADM-01: its description keeps with its profile, as the heading before it does by its style
    let before = paragraphs_before(&document, ">Digitales Bürgerservice-Portal<");
    assert!(
        before[0].contains("Bürgerkonto, Online-Bezahlung") && before[0].contains("<w:keepNext/>"),
        "{}",
        before[0]
    );
    assert!(before[1].contains(r#"<w:pStyle w:val="Heading4"/>"#), "{}", before[1]);
    // goal Z1.2: its description and facts keep with its indicator table
    let before = paragraphs_before(&document, ">Vollständig online nutzbare Verwaltungsleistungen<");
    assert!(before[0].contains("Herleitung:") && before[1].contains("Übergeordnetes Ziel:"), "{before:?}");
    assert!(before[..3].iter().all(|p| p.contains("<w:keepNext/>")), "{:?}", &before[..3]);
    assert!(before[3].contains(r#"w:val="Heading3""#), "{}", before[3]);
    // a field's description and goals keep with its first measure
    let before = paragraphs_before(&document, ">Digitales Bürgerservice-Portal<");
    let field = before.iter().position(|p| p.contains(">Verwaltung<")).expect("the field heading");
    assert!(before[..field].iter().all(|p| p.contains("<w:keepNext/>") || p.contains("Heading")), "{before:?}");
    // after a field's image, its goals keep with the first measure; the image keeps with its caption
    let before = paragraphs_before(&document, ">Vernetzte Mobilitätsplattform<");
    assert!(before[1].contains(r#"<w:pStyle w:val="Heading4"/>"#), "{}", before[1]);
    assert!(before[2].contains("Ziele:") && before[2].contains("<w:keepNext/>"), "{}", before[2]);
    assert!(
        before[3].contains(r#"<w:pStyle w:val="Caption"/>"#) && before[3].contains("Abbildung 2: "),
        "{}",
        before[3]
    );
    assert!(before[4].contains(r#"<w:pStyle w:val="PictureParagraph"/><w:keepNext/>"#), "{}", before[4]);

    for t in tables(&document) {
        let rows: Vec<&str> = t.split("<w:tr>").skip(2).collect();
        assert!(rows.iter().all(|r| r.starts_with("<w:trPr><w:cantSplit/>")), "rows do not break across pages");
        let kept: Vec<bool> = rows.iter().map(|r| r.contains("<w:keepNext/>")).collect();
        let (last, others) = kept.split_last().expect("a row");
        assert!(!last, "the last row keeps with what follows the table");
        let profile = t.contains(r#"<w:shd w:val="clear" w:color="auto" w:fill="DEEAF6"/>"#);
        if profile || rows.len() <= 15 {
            // every paragraph of every row but the last keeps with the next
            for r in &rows[..rows.len() - 1] {
                assert_eq!(r.matches("<w:keepNext/>").count(), r.matches("<w:p>").count(), "{r}");
            }
        } else {
            assert!(others.iter().all(|k| !k), "a long table may break between its rows");
        }
    }
    let long = tables(&document).into_iter().filter(|t| t.matches("<w:tr>").count() > 16).count();
    assert!(long >= 2, "ulm has long tables: {long}");
}

#[test]
fn a_matrix_too_wide_for_its_words_is_set_in_several_tables() {
    let docx = build_docx(&wide_strategy(), &[]);
    let document = part(&parts(&docx), "word/document.xml").to_string();
    let headers = |t: &str| -> Vec<String> {
        let header = t.split("<w:tr>").nth(1).expect("a header row");
        header
            .split("<w:t xml:space=\"preserve\">")
            .skip(1)
            .map(|c| c.split('<').next().unwrap_or_default().to_string())
            .collect()
    };
    let tables = tables(&document);
    let goal_ids: Vec<String> = (1..=20).map(|n| format!("Z{n}.{n}")).collect();
    let years: Vec<String> = (2020..=2035).map(|y| y.to_string()).collect();
    for columns in [goal_ids, years] {
        let split: Vec<&str> =
            tables.iter().copied().filter(|t| headers(t).iter().any(|h| columns.contains(h))).collect();
        assert_eq!(split.len(), 2, "set in two tables: {:?}", split.iter().map(|t| headers(t)).collect::<Vec<_>>());
        let mut seen = Vec::new();
        let mut first_widths = Vec::new();
        for t in &split {
            let h = headers(t);
            assert_eq!(h[0], "Maßnahme", "each part is led by the measure column");
            assert_eq!(t.matches(">MASSNAHME-LANG-").count(), 3, "each part has every measure");
            seen.extend(h[1..].iter().cloned());
            first_widths.push(t.split(r#"<w:gridCol w:w=""#).nth(1).and_then(|w| w.split('"').next()));
        }
        assert_eq!(seen, columns, "every column once, in order");
        assert_eq!(first_widths[0], first_widths[1], "the parts' rows line up");
    }
    // the sums keep their unit on their line
    assert!(document.contains("123.456.789.012\u{a0}€"), "no-break space before the unit");
    // the same input gives the same bytes
    assert_eq!(docx, build_docx(&wide_strategy(), &[]));
}

#[test]
fn hostile_text_is_escaped_text() {
    for profile in ["full", "council"] {
        let docx = build_docx(&hostile_strategy("de"), &["--profile", profile]);
        let p = parts(&docx);
        for (name, xml) in &p {
            assert_well_formed(name, xml);
        }
        let document = part(&p, "word/document.xml");
        assert!(!document.contains("<script") && !document.contains("<div>"), "raw markup in the XML");
        let paras = paragraphs(document);
        let intact = paras.iter().filter(|(_, t)| t.contains(FIRST_LINE)).count();
        assert!(intact > 10, "{profile}: the text did not survive ({intact})");
        assert!(
            paras.iter().any(|(_, t)| t.contains("end\n- list\n1. one\n> quote\n# heading\n<div>html</div>bell[31m"))
        );
        let core = part(&p, "docProps/core.xml");
        assert!(
            core.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; *a*") && !core.contains("<script"),
            "title escaped: {core}"
        );
    }
}

#[test]
fn chapters_start_a_page_in_the_long_profiles_only() {
    let ulm = std::fs::read_to_string(examples()[3].clone()).expect("ulm");
    let breaks = |profile: &str| {
        let p = parts(&build_docx(&ulm, &["--profile", profile]));
        let styles = part(&p, "word/styles.xml");
        let heading1 = &styles[styles.find(r#"w:styleId="Heading1""#).expect("Heading1")..];
        let heading1 = &heading1[..heading1.find("</w:style>").expect("end")];
        assert!(!heading1.contains("pageBreakBefore"), "{profile}: the style itself must not break pages");
        part(&p, "word/document.xml").matches("<w:pageBreakBefore/>").count()
    };
    assert_eq!(breaks("council"), 0, "a council draft runs on");
    assert!(breaks("full") >= 5, "each chapter of the full profile starts a page");
}

/// A strategy whose title and first measure's title are one word of 3,000 characters.
fn long_word_strategy() -> String {
    let word = "Smartcity".repeat(333) + "xxx";
    clean_with("[document]", &format!("[document]\ntitle = \"{word}\""))
        .replace("\"Bürgerportal\"", &format!("\"{word}\""))
}

#[test]
fn a_word_longer_than_a_line_gets_break_opportunities_and_loses_no_character() {
    let dir = dir_with(&[("s.toml", &long_word_strategy())]);
    let out = run_in(dir.path(), &["build", "s.toml", "--format", "docx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let parts = parts(&std::fs::read(dir.path().join("s.docx")).expect("docx"));
    let document = part(&parts, "word/document.xml");
    let word = "Smartcity".repeat(333) + "xxx";
    let broken: String = word.chars().enumerate().fold(String::new(), |mut s, (i, c)| {
        if i > 0 && i % 50 == 0 {
            s.push('\u{200B}');
        }
        s.push(c);
        s
    });
    assert!(document.contains(&broken), "the title is broken every 50 characters");
    assert!(!document.contains(&word[..101]), "no run of more than 100 characters stays whole");
    assert!(part(&parts, "word/footer1.xml").contains(&broken));
}
