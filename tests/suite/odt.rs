//! The ODT, opened as a zip of XML parts: the package (mimetype first and
//! stored), headings with outline levels, the contents, tables with repeated
//! header rows, page, footer, language and metadata; deterministic bytes and
//! well-formed XML with hostile input. The schema and LibreOffice check it in
//! the interop tests.

use crate::docx::{assert_well_formed, paragraphs, part, parts};
use crate::util::*;

use strategiekit::render::odt::MIMETYPE;

/// Builds `toml` in `formats` (with `args`) and returns the files by extension.
fn build(toml: &str, formats: &str, args: &[&str]) -> Vec<(String, Vec<u8>)> {
    let dir = dir_with(&[("s.toml", toml)]);
    let mut all = vec!["build", "s.toml", "--format", formats, "--out", "o"];
    all.extend_from_slice(args);
    let out = run_in(dir.path(), &all);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    files_in(&dir.path().join("o"))
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.path().join("o").join(&name)).expect("read");
            (name.rsplit('.').next().unwrap_or_default().to_string(), bytes)
        })
        .collect()
}

fn file<'a>(files: &'a [(String, Vec<u8>)], ext: &str) -> &'a [u8] {
    files.iter().find(|(e, _)| e == ext).map(|(_, b)| b.as_slice()).unwrap_or_else(|| panic!("no {ext}"))
}

fn example(name: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name))
        .expect("example")
}

/// The values of attribute `attr` on every `<element …>` of `xml`, in order.
fn attributes(xml: &str, element: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let open = format!("<{element} ");
    for piece in xml.split(open.as_str()).skip(1) {
        let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
        let key = format!("{attr}=\"");
        if let Some(start) = tag.find(&key) {
            let rest = &tag[start + key.len()..];
            out.push(rest[..rest.find('"').unwrap_or(rest.len())].to_string());
        }
    }
    out
}

/// The text of each `<text:h>` as (outline level, text), entities decoded.
fn headings(content: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    for piece in content.split("<text:h ").skip(1) {
        let level = piece.split("text:outline-level=\"").nth(1).and_then(|r| r[..1].parse().ok()).expect("a level");
        let inner = &piece[piece.find('>').expect("tag end") + 1..piece.find("</text:h>").expect("closed")];
        out.push((level, plain(inner)));
    }
    out
}

/// The text of ODF paragraph content: tags dropped, entities decoded.
fn plain(xml: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace('\u{2011}', "-")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn the_package_starts_with_its_stored_mimetype_and_lists_its_parts() {
    let files = build(&example("ulm.toml"), "odt", &[]);
    let odt = file(&files, "odt");
    // a reader sniffs the media type at byte 38: local header (30) + "mimetype" (8)
    assert_eq!(&odt[30..38], b"mimetype");
    assert_eq!(&odt[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(odt)).expect("a zip");
    assert_eq!(zip.by_index(0).expect("first").compression(), zip::CompressionMethod::Stored);
    let parts = parts(odt);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]);
    let manifest = part(&parts, "META-INF/manifest.xml");
    for name in &names[1..4] {
        assert!(manifest.contains(&format!("manifest:full-path=\"{name}\"")), "{manifest}");
    }
    assert!(
        manifest
            .contains(&format!(r#"manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE}""#))
    );
    for (name, xml) in &parts[1..] {
        assert_well_formed(name, xml);
    }
}

#[test]
fn headings_have_outline_levels_as_in_the_docx_and_the_contents_lists_three_levels() {
    for name in ["ulm.toml", "bitburg-pruem-en.toml"] {
        let files = build(&example(name), "odt,docx", &[]);
        let odt = parts(file(&files, "odt"));
        let content = part(&odt, "content.xml");
        let docx = parts(file(&files, "docx"));
        let want: Vec<(u8, String)> = paragraphs(part(&docx, "word/document.xml"))
            .into_iter()
            .filter_map(|(style, text)| Some((style.strip_prefix("Heading")?.parse().ok()?, text)))
            .collect();
        let got = headings(content);
        assert!(got.len() > 50, "{name}: {}", got.len());
        assert_eq!(got, want.iter().map(|(l, t)| (*l, t.replace('\u{200B}', ""))).collect::<Vec<_>>(), "{name}");
        // the styles name the level too, so the outline is kept when a heading is re-styled
        assert_eq!(attributes(content, "text:h", "text:style-name")[0], "H1Page", "a chapter starts a page");
        let styles = part(&odt, "styles.xml");
        for level in 1..=4 {
            let style = format!(r#"style:name="Heading_20_{level}""#);
            let at = styles.find(&style).unwrap_or_else(|| panic!("no {style}"));
            assert!(styles[at..].starts_with(&format!(r#"{style} style:display-name="Heading {level}" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="{level}""#)));
        }
        let toc = &content
            [content.find("<text:index-body>").expect("a contents")..content.find("</text:index-body>").expect("end")];
        let entries = attributes(toc, "text:p", "text:style-name");
        let levels: Vec<String> =
            got.iter().filter(|(l, _)| *l <= 3).map(|(l, _)| format!("Contents_20_{l}")).collect();
        assert_eq!(entries[0], "Contents_20_Heading");
        assert_eq!(entries[1..], levels[..], "{name}: one entry per heading of levels 1 to 3");
        assert!(content.contains(r#"<text:table-of-content-source text:outline-level="3""#));
    }
}

#[test]
fn tables_repeat_their_header_row_in_the_docx_widths() {
    let files = build(&example("ulm.toml"), "odt,docx", &[]);
    let odt = parts(file(&files, "odt"));
    let content = part(&odt, "content.xml");
    let docx = parts(file(&files, "docx"));
    let document = part(&docx, "word/document.xml");
    let tables = content.matches("<table:table ").count();
    assert_eq!(tables, document.matches("<w:tbl>").count(), "the same tables as the DOCX, split matrices too");
    assert_eq!(content.matches("<table:table-header-rows><table:table-row>").count(), tables);
    // the first table's columns are as wide as the DOCX's grid columns (dxa = pt/20)
    let grid: Vec<u32> = attributes(document, "w:gridCol", "w:w").iter().map(|w| w.parse().expect("dxa")).collect();
    let first_widths: Vec<String> = attributes(content, "style:table-column-properties", "style:column-width");
    let as_pt = |dxa: u32| format!("{}.{:02}pt", dxa / 20, dxa % 20 * 5);
    assert_eq!(first_widths[..3], grid[..3].iter().map(|w| as_pt(*w)).collect::<Vec<_>>()[..]);
}

#[test]
fn page_footer_language_and_metadata() {
    for (name, language, country) in [("ulm.toml", "de", "DE"), ("bitburg-pruem-en.toml", "en", "GB")] {
        let files = build(&example(name), "odt", &[]);
        let odt = parts(file(&files, "odt"));
        let styles = part(&odt, "styles.xml");
        assert!(styles.contains(&format!(r#"fo:language="{language}" fo:country="{country}""#)), "{name}");
        assert!(styles.contains(r#"fo:page-width="21.001cm" fo:page-height="29.7cm""#), "A4");
        let page = if language == "de" { "Seite" } else { "Page" };
        assert!(
            styles.contains(&format!(
                r#"<text:tab/>{page} <text:page-number text:select-page="current">1</text:page-number>"#
            )),
            "{name}: the footer numbers the pages"
        );
        // the title page has no footer; the pages after it have
        assert!(styles.contains(r#"<style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="TitlePage" style:next-style-name="Standard"/>"#));
        let content = part(&odt, "content.xml");
        assert!(content.contains(r#"<office:text><text:p text:style-name="TitleFirst">"#));
        let meta = part(&odt, "meta.xml");
        let start = content.find("TitleFirst\">").expect("title") + 12;
        let title = plain(content[start..].split("</text:p>").next().expect("p"));
        assert!(meta.contains(&format!("<dc:title>{}</dc:title>", title.replace('&', "&amp;"))), "{meta}");
        assert!(meta.contains(&format!("<dc:language>{language}-{country}</dc:language>")), "{meta}");
    }
}

#[test]
fn the_council_draft_runs_on_without_contents_or_page_breaks() {
    let files = build(&example("ulm.toml"), "odt", &["--profile", "council"]);
    let content = part(&parts(file(&files, "odt")), "content.xml").to_string();
    assert!(!content.contains("<text:table-of-content "));
    assert!(!content.contains(r#"text:style-name="H1Page""#));
    assert!(content.contains(r#"<text:h text:style-name="Heading_20_1" text:outline-level="1">"#));
}

#[test]
fn hostile_text_is_escaped_text_and_reruns_are_byte_identical() {
    for lang in ["de", "en"] {
        let toml = hostile_strategy(lang);
        let a = build(&toml, "odt", &[]);
        let b = build(&toml, "odt", &[]);
        assert!(file(&a, "odt") == file(&b, "odt"), "two builds differ");
        let odt = parts(file(&a, "odt"));
        for (name, xml) in &odt[1..] {
            assert_well_formed(name, xml);
        }
        let content = part(&odt, "content.xml");
        assert!(!content.contains("<script") && !content.contains("<div>"), "raw markup in the XML");
        let paragraphs: Vec<String> = content
            .split("<text:p ")
            .skip(1)
            .map(|p| {
                plain(
                    &p[p.find('>').expect("tag") + 1..p.find("</text:p>").unwrap_or(p.len())]
                        .replace("<text:line-break/>", "\n"),
                )
            })
            .collect();
        let intact = paragraphs.iter().filter(|t| t.contains(FIRST_LINE)).count();
        assert!(intact > 10, "the text did not survive ({intact})");
        assert!(
            paragraphs.iter().any(|t| t.contains("end\n- list\n1. one\n> quote\n# heading\n<div>html</div>bell[31m"))
        );
    }
}

#[test]
fn a_pdf_without_libreoffice_names_what_to_install_and_writes_nothing() {
    let dir = dir_with(&[("s.toml", &example("myk10.toml"))]);
    let out = bin()
        .current_dir(dir.path())
        .args(["build", "s.toml", "--format", "md,pdf", "--out", "o"])
        .env("PATH", "")
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot make a PDF: LibreOffice (soffice) is not on PATH; install LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui python3-uno; other systems: libreoffice.org) or name its soffice with --soffice PATH\n"
    );
    assert!(!dir.path().join("o").exists(), "nothing is written");
    let out =
        run_in(dir.path(), &["build", "s.toml", "--format", "pdf", "--soffice", "/no/such/soffice", "--out", "o"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with(
            "error: cannot make a PDF: --soffice /no/such/soffice is not a program that can be run; install LibreOffice"
        ),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("o").exists(), "nothing is written");
}
