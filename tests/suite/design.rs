//! Design files: the exported built-in design changes nothing, a design
//! changes fonts, colours, header, footer and the logo (with its alternative
//! text) in DOCX, ODT and HTML, and a broken one is refused before anything
//! is written. (The PDF with a design: interop.)

use crate::docx::{part, parts};
use crate::util::*;

fn examples_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

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
