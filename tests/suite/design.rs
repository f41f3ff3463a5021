//! Design files: the exported built-in design changes nothing, a design
//! changes fonts, colours, header, footer and the logo (with its alternative
//! text) in DOCX, ODT and HTML, and a broken one is refused before anything
//! is written. (The PDF with a design: interop.)

use crate::docx::{part, parts};
use crate::util::*;

fn read(dir: &std::path::Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_exported_design_gives_the_same_bytes_as_no_design() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_in(dir.path(), &["design", "export", "design.toml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let again = run_in(dir.path(), &["design", "export", "design.toml"]);
    assert_eq!(code(&again), 1);
    assert_eq!(stderr(&again), "error: design.toml exists; give --force to replace it\n");
    let stdout_export = run_in(dir.path(), &["design", "export"]);
    assert_eq!(stdout(&stdout_export).as_bytes(), read(dir.path(), "design.toml"));
    let ulm = examples_dir().join("ulm.toml").to_string_lossy().into_owned();
    for (out, design) in [("a", None), ("b", Some("design.toml"))] {
        let mut args = vec!["build", &ulm, "--format", "md,docx,odt,html", "--out", out];
        if let Some(d) = design {
            args.extend(["--design", d]);
        }
        let o = run_in(dir.path(), &args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    for name in ["ulm.md", "ulm.docx", "ulm.odt", "ulm.html"] {
        assert!(read(&dir.path().join("a"), name) == read(&dir.path().join("b"), name), "{name} differs");
    }
}

#[test]
fn a_design_changes_fonts_colours_header_footer_and_logo_in_every_format() {
    let dir = tempfile::tempdir().expect("dir");
    let ulm = examples_dir().join("ulm.toml").to_string_lossy().into_owned();
    let design = examples_dir().join("design/ulm.design.toml").to_string_lossy().into_owned();
    let o = run_in(dir.path(), &["build", &ulm, "--design", &design, "--format", "docx,odt,html", "--out", "."]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let logo = std::fs::read(examples_dir().join("design/logo.png")).expect("logo");
    let alt = "Emblem: ein Schild in Blau und Rot, daneben zwei Balken";

    let docx_bytes = read(dir.path(), "ulm.docx");
    let docx = parts(&docx_bytes);
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"<w:rFonts w:ascii="Liberation Sans" w:eastAsia="Liberation Sans""#), "body font");
    assert!(styles.contains(r#"<w:color w:val="004B87"/>"#) && !styles.contains("1F3864"), "heading colour");
    assert!(styles.contains(r#"<w:sz w:val="21"/>"#), "10.5 pt text");
    let document = part(&docx, "word/document.xml");
    assert!(document.contains(&format!(r#"<wp:docPr id="1" name="Logo" descr="{alt}"/>"#)), "logo with its alt text");
    assert!(document.contains(r#"<w:headerReference w:type="default" r:id="rId5"/>"#));
    assert!(document.contains(r#"<w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1134""#), "2 cm sides");
    assert!(part(&docx, "word/header1.xml").contains("Stadt Ulm · Smart-City-Strategie"));
    assert!(part(&docx, "word/footer1.xml").contains("Stadt Ulm – Abteilung Digitale Agenda"));
    assert!(part(&docx, "word/_rels/document.xml.rels").contains(r#"Target="media/logo.png""#));
    assert!(part(&docx, "[Content_Types].xml").contains(r#"<Default Extension="png" ContentType="image/png"/>"#));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx_bytes)).expect("zip");
    let mut media = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("word/media/logo.png").expect("logo part"), &mut media).expect("read");
    assert!(media == logo, "the logo's bytes");

    let odt_bytes = read(dir.path(), "ulm.odt");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&odt_bytes)).expect("zip");
    let text = |zip: &mut zip::ZipArchive<_>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut s).expect("read");
        s
    };
    let styles = text(&mut zip, "styles.xml");
    assert!(
        styles
            .contains(r#"<style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;""#)
    );
    assert!(styles.contains(r##"fo:color="#004b87""##) && !styles.contains("#1f3864"));
    assert!(styles.contains(
        r#"<style:header><text:p text:style-name="Header">Stadt Ulm · Smart-City-Strategie</text:p></style:header>"#
    ));
    let content = text(&mut zip, "content.xml");
    assert!(content.contains(&format!(r#"<draw:image xlink:href="Pictures/logo.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>{alt}</svg:title>"#)));
    assert!(
        text(&mut zip, "META-INF/manifest.xml")
            .contains(r#"manifest:full-path="Pictures/logo.png" manifest:media-type="image/png""#)
    );
    let mut media = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("Pictures/logo.png").expect("logo"), &mut media).expect("read");
    assert!(media == logo);

    let html = String::from_utf8(read(dir.path(), "ulm.html")).expect("UTF-8");
    assert!(html.contains("default-src 'none'; style-src 'unsafe-inline'; img-src data:"), "only data: images");
    assert!(html.contains(r#"<img src="data:image/png;base64,"#) && html.contains(&format!(r#"alt="{alt}""#)));
    assert!(html.contains("--accent: #004b87") && html.contains(r#"font-family: "Liberation Sans""#));
}

#[test]
fn a_broken_design_is_refused_with_its_place_and_nothing_is_written() {
    let dir = dir_with(&[("s.toml", &clean_with("", "")), ("d.toml", "[colors]\nheadings = \"blau\"\n")]);
    let o = run_in(dir.path(), &["build", "s.toml", "--design", "d.toml", "--format", "md,docx", "--out", "o"]);
    assert_eq!(code(&o), 1);
    assert_eq!(stderr(&o), "error: d.toml:2:12: `blau` is not a colour; write it as #RRGGBB, e.g. \"#1F3864\"\n");
    assert!(!dir.path().join("o").exists());
    std::fs::write(dir.path().join("d.toml"), "[logo]\nfile = \"logo.png\"\nalt = \"\"\n").expect("write");
    let o = run_in(dir.path(), &["design", "check", "d.toml"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "error: d.toml:3:7: the logo has no alternative text; say what it shows, e.g. alt = \"Wappen der Stadt Ulm\"\n"
    );
    let ok = run_in(&examples_dir().join("design"), &["design", "check", "ulm.design.toml"]);
    assert_eq!((code(&ok), stderr(&ok)), (0, "ulm.design.toml: ok\n".to_string()));
}

/// A copy of the package `bytes` with part `name` run through `edit`.
fn repackaged(bytes: &[u8], name: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let entry_name = entry.name().expect("name").into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        if entry_name == name {
            data = edit(&String::from_utf8(data).expect("UTF-8")).into_bytes();
        }
        let method =
            if entry_name == "mimetype" { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        out.start_file(entry_name.as_str(), zip::write::SimpleFileOptions::default().compression_method(method))
            .expect("start");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fn unzipped(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut text).expect("read");
    text
}

#[test]
fn a_reference_document_gives_its_styles_and_the_input_keeps_its_language() {
    let dir = tempfile::tempdir().expect("dir");
    let ulm = examples_dir().join("ulm.toml").to_string_lossy().into_owned();
    let o = run_in(dir.path(), &["build", &ulm, "--format", "docx,odt", "--out", "base"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // a Word template as a city's office has it: a serif, red Heading 1, English
    // defaults, a namespace of its own and a heading numbering of its own
    let docx = repackaged(&read(&dir.path().join("base"), "ulm.docx"), "word/styles.xml", |styles| {
        let start = styles.find(r#"<w:style w:type="paragraph" w:styleId="Heading1">"#).expect("Heading1");
        let end = start + styles[start..].find("</w:style>").expect("end") + "</w:style>".len();
        let heading = r#"<w:style w:type="paragraph" w:styleId="Heading1" w14:paraId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif"/><w:color w:val="C00000"/></w:rPr></w:style>"#;
        format!("{}{heading}{}", &styles[..start], &styles[end..])
            .replace(r#"<w:lang w:val="de-DE""#, r#"<w:lang w:val="en-US""#)
            .replace("<w:styles ", r#"<w:styles xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#)
    });
    std::fs::write(dir.path().join("vorlage.docx"), docx).expect("write");
    let odt = repackaged(&read(&dir.path().join("base"), "ulm.odt"), "styles.xml", |styles| {
        styles
            .replacen(r##"fo:color="#1f3864""##, r##"fo:color="#c00000""##, 1)
            .replace(r#"fo:language="de" fo:country="DE""#, r#"fo:language="en" fo:country="US""#)
            .replace("<office:font-face-decls>", r#"<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;"/>"#)
    });
    std::fs::write(dir.path().join("vorlage.odt"), odt).expect("write");

    let o =
        run_in(dir.path(), &["build", &ulm, "--reference-doc", "vorlage.docx", "--format", "docx", "--out", "r.docx"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let styles = unzipped(&read(dir.path(), "r.docx"), "word/styles.xml");
    assert!(styles.contains(r#"<w:style w:type="paragraph" w:styleId="Heading1" w14:paraId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Serif""#), "their Heading 1, without their numbering");
    assert!(styles.contains(r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#), "their namespace");
    assert!(styles.contains(r#"<w:lang w:val="de-DE"/>"#) && !styles.contains("en-US"), "the input's language");
    assert!(styles.contains(r#"w:styleId="Placeholder""#), "strategiekit's styles where theirs has none");

    let o = run_in(dir.path(), &["build", &ulm, "--reference-doc", "vorlage.odt", "--format", "odt", "--out", "r.odt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let styles = unzipped(&read(dir.path(), "r.odt"), "styles.xml");
    assert!(styles.contains(r##"fo:color="#c00000""##), "their colour");
    assert!(styles.contains(r#"<style:font-face style:name="Liberation Serif""#), "their typeface");
    assert!(styles.contains(r#"fo:language="de" fo:country="DE""#) && !styles.contains(r#"fo:country="US""#));

    for (file, message) in [
        ("none.docx", "error: cannot read the reference document none.docx: "),
        (
            "vorlage.toml",
            "error: the reference document vorlage.toml is neither .docx nor .odt; give a Word or OpenDocument text file\n",
        ),
    ] {
        std::fs::write(dir.path().join("vorlage.toml"), "x").expect("write");
        let o = run_in(dir.path(), &["build", &ulm, "--reference-doc", file, "--format", "docx", "--out", "bad"]);
        assert_eq!(code(&o), 1);
        assert!(stderr(&o).starts_with(message), "{}", stderr(&o));
        assert!(!dir.path().join("bad").exists());
    }
}

#[test]
fn the_change_log_of_diff_takes_the_design_too() {
    let dir = tempfile::tempdir().expect("dir");
    let ulm = examples_dir().join("ulm.toml");
    std::fs::copy(&ulm, dir.path().join("old.toml")).expect("copy");
    copy_example_images(dir.path());
    let new = std::fs::read_to_string(&ulm)
        .expect("read")
        .replacen("budget_eur = 1450000", "budget_eur = 1500000", 1)
        .replacen("2026 = 308000, 2027 = 308000 }", "2026 = 308000, 2027 = 358000 }", 1);
    std::fs::write(dir.path().join("new.toml"), new).expect("write");
    let design = examples_dir().join("design/ulm.design.toml").to_string_lossy().into_owned();
    let o = run_in(dir.path(), &["diff", "old.toml", "new.toml", "--design", &design, "--format", "html"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("--accent: #004b87") && stdout(&o).contains("1.500.000"), "{}", stdout(&o));
    let o = run_in(
        dir.path(),
        &["diff", "old.toml", "new.toml", "--reference-doc", "none.odt", "--format", "odt", "--out", "o"],
    );
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).starts_with("error: cannot read the reference document none.odt: "), "{}", stderr(&o));
}
