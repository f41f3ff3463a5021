//! Images from the input — the municipality's logo and a Zielbild for the
//! vision or a field of action: `check` insists on a readable PNG or JPEG
//! and an alternative text, and every format embeds them with it.

use std::io::Read as _;

use crate::docx::{part, parts};
use crate::util::*;

/// A strategy with a Zielbild for its vision and one for its field, and the logo.
const WITH_IMAGES: &str = r#"[municipality]
name = "Bildstadt"
logo = { file = "bilder/wappen.png", alt = "Wappen von Bildstadt" }
[vision]
vision = "Bildstadt sieht klar."
image = { file = "bilder/zielbild.png", alt = "Schaubild der Vision", caption = "Die Vision auf einen Blick" }
[[fields]]
id = "mobility"
image = { file = "bilder/netz.jpeg", alt = "Liniennetz der Stadt" }
"#;

/// A folder with [`WITH_IMAGES`] as `s.toml` and its three images, from the examples.
fn folder() -> tempfile::TempDir {
    let dir = dir_with(&[("s.toml", WITH_IMAGES)]);
    let images = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/images");
    std::fs::create_dir_all(dir.path().join("bilder")).expect("folder");
    for (from, to) in [
        ("kalletal-lemgo-logo.png", "wappen.png"),
        ("ulm-zielbild.png", "zielbild.png"),
        ("ulm-mobilitaet.jpeg", "netz.jpeg"),
    ] {
        std::fs::copy(images.join(from), dir.path().join("bilder").join(to)).expect("copied");
    }
    dir
}

/// The bytes of the zip entry `name`.
fn entry(zip: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    let mut bytes = Vec::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("no {name}")).read_to_end(&mut bytes).expect("read");
    bytes
}

#[test]
fn check_names_a_missing_image_a_wrong_file_and_a_missing_alt_text_and_nothing_is_built() {
    let input = WITH_IMAGES
        .replace("bilder/zielbild.png", "bilder/fehlt.png")
        .replace(", alt = \"Liniennetz der Stadt\"", "")
        .replace("alt = \"Wappen von Bildstadt\"", "alt = \" \"")
        .replace("bilder/wappen.png", "s.toml");
    let dir = folder();
    std::fs::write(dir.path().join("s.toml"), &input).expect("write");
    let o = run_in(dir.path(), &["check", "s.toml"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let shown = stdout(&o) + &stderr(&o);
    for expected in [
        "error[invalid-image]: s.toml is not a PNG or JPEG image\n --> s.toml:3:17",
        "help: save the image as a PNG or JPEG of at most 8 MiB (e.g. in LibreOffice Draw or GIMP: Export as PNG)",
        "error[missing-alt-text]: `municipality.logo` has no alternative text\n --> s.toml:3:33",
        "help: say in a sentence what the image shows, for everyone who cannot see it (BITV 2.0), e.g. alt = \"Coat of arms of the city of Ulm\"",
        "error[missing-image]: cannot read the image bilder/fehlt.png: ",
        " --> s.toml:6:18",
        "help: name a PNG or JPEG file; a relative path starts in the input file's folder",
        "error[missing-alt-text]: `fields[0].image` has no alternative text\n --> s.toml:9:9",
    ] {
        assert!(shown.contains(expected), "{expected:?} not in:\n{shown}");
    }
    // as JSON, with the codes and places
    let o = run_in(dir.path(), &["check", "s.toml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let found: Vec<(String, String, u64)> = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["code"].as_str().unwrap().into(), d["path"].as_str().unwrap().into(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("invalid-image".into(), "municipality.logo.file".into(), 3),
            ("missing-alt-text".into(), "municipality.logo".into(), 3),
            ("missing-image".into(), "vision.image.file".into(), 6),
            ("missing-alt-text".into(), "fields[0].image".into(), 9),
        ]
    );
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md,docx", "--out", "out"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

#[test]
fn the_german_words_of_the_image_rules_read_as_german() {
    let input = WITH_IMAGES.replace("bilder/zielbild.png", "fehlt.png").replace(", alt = \"Liniennetz der Stadt\"", "");
    let dir = dir_with(&[("s.toml", &input)]);
    // the interview shows findings in the document's language; check's JSON carries the English
    let checked =
        strategiekit::model::Checked::from_path(&dir.path().join("s.toml"), Default::default()).expect("read");
    let german: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == strategiekit::model::Severity::Error)
        .map(|d| d.kind.render(strategiekit::model::Lang::De, strategiekit::model::messages::Subject::Label("Bild")).0)
        .collect();
    assert!(
        german.iter().any(|m| m.starts_with("Das Bild ") && m.contains("fehlt.png kann nicht gelesen werden")),
        "{german:?}"
    );
    assert!(german.contains(&"„Bild“ hat keinen Alternativtext".to_string()), "{german:?}");
}

#[test]
fn every_format_embeds_the_images_with_their_alternative_text() {
    let dir = folder();
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md,docx,odt,html,json", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = dir.path().join("out");
    let zielbild = std::fs::read(dir.path().join("bilder/zielbild.png")).expect("png");
    let netz = std::fs::read(dir.path().join("bilder/netz.jpeg")).expect("jpeg");
    let wappen = std::fs::read(dir.path().join("bilder/wappen.png")).expect("logo");

    // DOCX: the logo and both images as parts, related, typed, drawn with their alt text
    let docx = std::fs::read(out.join("s.docx")).expect("docx");
    assert_eq!(entry(&docx, "word/media/logo.png"), wappen);
    assert_eq!(entry(&docx, "word/media/image1.png"), zielbild);
    assert_eq!(entry(&docx, "word/media/image2.jpeg"), netz);
    let p = parts(&docx);
    let types = part(&p, "[Content_Types].xml");
    assert!(
        types.contains(
            r#"<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="png" ContentType="image/png"/>"#
        ),
        "{types}"
    );
    let rels = part(&p, "word/_rels/document.xml.rels");
    for (id, target) in
        [("rIdLogo", "media/logo.png"), ("rIdImage1", "media/image1.png"), ("rIdImage2", "media/image2.jpeg")]
    {
        assert!(rels.contains(&format!(r#"Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{target}""#)), "{id}");
    }
    let document = part(&p, "word/document.xml");
    assert!(document.contains(r#"<wp:docPr id="1" name="Logo" descr="Wappen von Bildstadt"/>"#));
    assert!(document.contains(r#"<wp:docPr id="2" name="Image 1" descr="Schaubild der Vision"/>"#));
    assert!(document.contains(r#"<wp:docPr id="3" name="Image 2" descr="Liniennetz der Stadt"/>"#));
    assert!(document.contains(r#"<w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">Abbildung 1: Die Vision auf einen Blick</w:t>"#));
    // 1600 × 1000 px are wider than the text (16 cm): shrunk to its width, in proportion
    assert!(document.contains(r#"<wp:extent cx="5760720" cy="3600450"/>"#), "16 × 10 cm");

    // ODT: the same pictures, in the manifest, framed with their titles
    let odt = std::fs::read(out.join("s.odt")).expect("odt");
    assert_eq!(entry(&odt, "Pictures/image1.png"), zielbild);
    assert_eq!(entry(&odt, "Pictures/image2.jpeg"), netz);
    assert_eq!(entry(&odt, "Pictures/logo.png"), wappen);
    let p = parts(&odt);
    let manifest = part(&p, "META-INF/manifest.xml");
    assert!(manifest.contains(r#"manifest:full-path="Pictures/image2.jpeg" manifest:media-type="image/jpeg""#));
    let content = part(&p, "content.xml");
    assert!(content.contains(r#"<draw:image xlink:href="Pictures/image1.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>Schaubild der Vision</svg:title>"#));
    assert!(content.contains(r#"<text:p text:style-name="Caption">Abbildung 1: Die Vision auf einen Blick</text:p>"#));

    // HTML: a figure with its alt text and caption, the data allowed by the page's policy
    let html = std::fs::read_to_string(out.join("s.html")).expect("html");
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(&zielbild);
    assert!(html.contains(&format!(
        r#"<figure class="image"><img src="data:image/png;base64,{data}" alt="Schaubild der Vision" width="1600" height="1000"><figcaption>Abbildung 1: Die Vision auf einen Blick</figcaption></figure>"#
    )));
    assert!(
        html.contains(r#"alt="Liniennetz der Stadt" width="1200" height="700"></figure>"#),
        "no caption, no figcaption"
    );
    assert!(html.contains("img-src data:"));

    // Markdown: the image by reference, its data at the end of the block
    let md = std::fs::read_to_string(out.join("s.md")).expect("md");
    assert!(md.contains("![Schaubild der Vision][image-1]\n\n*Abbildung 1: Die Vision auf einen Blick*\n\n[image-1]: data:image/png;base64,"));
    assert!(md.contains(&format!("[image-1]: data:image/png;base64,{data}\n")));

    // JSON: the model names the files; the document's blocks carry the images
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("s.json")).expect("json")).expect("valid");
    assert_eq!(
        json["strategy"]["vision"]["image"],
        serde_json::json!({"file": "bilder/zielbild.png", "alt": "Schaubild der Vision", "caption": "Die Vision auf einen Blick"})
    );
    let images: Vec<&serde_json::Value> =
        json["document"]["blocks"].as_array().expect("blocks").iter().filter_map(|b| b.get("image")).collect();
    assert_eq!(images.len(), 2);
    assert_eq!((images[1]["number"].as_u64(), images[1]["media_type"].as_str()), (Some(2), Some("image/jpeg")));
    assert_eq!(images[1]["caption"], serde_json::Value::Null);
    assert!(images[0]["src"].as_str().expect("src").starts_with("data:image/png;base64,iVBORw0KGgo"));
}

#[test]
fn images_are_found_from_the_input_s_folder_wherever_strategiekit_runs() {
    let dir = folder();
    let elsewhere = tempfile::tempdir().expect("dir");
    let input = dir.path().join("s.toml").to_string_lossy().into_owned();
    let o = run_in(elsewhere.path(), &["build", &input, "--format", "docx", "--out", "."]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // and the same input gives the same bytes
    let first = std::fs::read(elsewhere.path().join("s.docx")).expect("docx");
    let o = run_in(elsewhere.path(), &["build", &input, "--format", "docx", "--out", ".", "--force"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(std::fs::read(elsewhere.path().join("s.docx")).expect("docx"), first);
}

#[test]
fn a_design_s_logo_comes_before_the_input_s_logo() {
    let dir = folder();
    let design = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/design/ulm.design.toml");
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "docx", "--design", &design.to_string_lossy()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let docx = std::fs::read(dir.path().join("s.docx")).expect("docx");
    let logo = std::fs::read(design.parent().expect("folder").join("logo.png")).expect("logo");
    assert_eq!(entry(&docx, "word/media/logo.png"), logo);
    assert!(!part(&parts(&docx), "word/document.xml").contains("Wappen von Bildstadt"));
}

#[test]
fn init_writes_an_example_s_images_beside_it_once() {
    let dir = tempfile::tempdir().expect("dir");
    let o = run_in(dir.path(), &["init", "--example", "ulm", "neu/ulm.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("wrote neu/images/ulm-zielbild.png\nwrote neu/images/ulm-mobilitaet.jpeg\n"),
        "{}",
        stderr(&o)
    );
    let o = run_in(dir.path(), &["check", "neu/ulm.toml"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    // a second example beside it shares the same images
    let o = run_in(dir.path(), &["init", "--example", "ulm", "neu/zweite.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o).matches("wrote ").count(), 1, "{}", stderr(&o));
    // on standard output the images cannot come along, and it says so
    let o = run_in(dir.path(), &["init", "--example", "ulm", "-"]);
    assert!(stderr(&o).contains("strategiekit init --example ulm ulm.toml"), "{}", stderr(&o));
}
