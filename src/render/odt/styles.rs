//! The fixed parts of the ODT package: styles.xml (fonts, paragraph styles
//! with outline levels, the page with its footer), meta.xml and the manifest.

use std::fmt::Write as _;

use super::text;
use crate::context::Meta;
use crate::render::docx::xml::esc;

/// The namespaces every ODF part here declares.
pub(super) const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3""#;

/// Width of the text area: A4 less 2.5 cm on either side, as in the DOCX.
pub(super) const TEXT_WIDTH_CM: &str = "16cm";

/// META-INF/manifest.xml.
pub(super) const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// meta.xml: title, subject, authors, language and the document's date
/// (none when the input has none, so the same input gives the same bytes).
pub(super) fn meta(meta: &Meta) -> String {
    let authors = esc(&meta.authors.join("; ")).into_owned();
    let date = meta
        .date_iso
        .as_ref()
        .map(|d| format!("<meta:creation-date>{d}T00:00:00</meta:creation-date><dc:date>{d}T00:00:00</dc:date>"))
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NAMESPACES}><office:meta><meta:generator>strategiekit/{}</meta:generator><dc:title>{}</dc:title><dc:subject>{}</dc:subject><meta:keyword>Smart City</meta:keyword><meta:initial-creator>{authors}</meta:initial-creator><dc:creator>{authors}</dc:creator>{date}<dc:language>{}</dc:language></office:meta></office:document-meta>"#,
        env!("CARGO_PKG_VERSION"),
        esc(&meta.title),
        esc(&meta.municipality),
        meta.lang_tag
    )
}

/// A paragraph style: name (with `_20_` for spaces), parent, default outline
/// level, and the attributes of its paragraph and text properties.
fn pstyle(name: &str, parent: &str, outline: Option<u8>, ppr: &str, tpr: &str) -> String {
    styled(name, parent, outline, &format!("<style:paragraph-properties {ppr}/>"), tpr)
}

/// A paragraph style with a right tab stop at `position` (dotted leader or
/// none) in its paragraph properties.
fn tabbed(name: &str, ppr: &str, position: &str, dotted: bool, tpr: &str) -> String {
    let leader = if dotted { r#" style:leader-style="dotted" style:leader-text=".""# } else { "" };
    let ppr = format!(
        r#"<style:paragraph-properties {ppr}><style:tab-stops><style:tab-stop style:position="{position}" style:type="right"{leader}/></style:tab-stops></style:paragraph-properties>"#
    );
    styled(name, "Standard", None, &ppr, tpr)
}

fn styled(name: &str, parent: &str, outline: Option<u8>, ppr: &str, tpr: &str) -> String {
    let display = name.replace("_20_", " ");
    let parent = if parent.is_empty() { String::new() } else { format!(r#" style:parent-style-name="{parent}""#) };
    let outline = outline.map(|l| format!(r#" style:default-outline-level="{l}""#)).unwrap_or_default();
    format!(
        r#"<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph"{parent}{outline} style:class="text">{ppr}<style:text-properties {tpr}/></style:style>"#
    )
}

/// Text properties of a font size in points, in every script.
fn size(pt: f32) -> String {
    format!(r#"fo:font-size="{pt}pt" style:font-size-asian="{pt}pt" style:font-size-complex="{pt}pt""#)
}

const BOLD: &str = r#"fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold""#;

/// styles.xml for a document in `lang_tag` (`de-DE`), whose footer shows
/// `title` and "`page_label` N".
pub(super) fn styles(lang_tag: &str, title: &str, page_label: &str) -> String {
    let (language, country) = lang_tag.split_once('-').unwrap_or((lang_tag, ""));
    let heading = |level: u8, pt: f32, before: &str| {
        pstyle(
            &format!("Heading_20_{level}"),
            "Heading",
            Some(level),
            &format!(r#"fo:margin-top="{before}" fo:margin-bottom="0.212cm""#),
            &format!(r##"{} {BOLD} fo:color="#1f3864""##, size(pt)),
        )
    };
    let contents = |level: u8| {
        let indent = f32::from(level - 1) * 0.42;
        tabbed(
            &format!("Contents_20_{level}"),
            &format!(r#"fo:margin-left="{indent:.2}cm" fo:margin-top="0cm" fo:margin-bottom="0.106cm""#),
            // the stop is measured from the indent: the page number ends at the margin
            &format!("{:.2}cm", 16.0 - indent),
            true,
            "",
        )
    };
    let table_text = |name: &str, parent: &str, pt: f32, heading: bool| {
        let tpr = if heading { format!(r##"{} {BOLD} fo:color="#ffffff""##, size(pt)) } else { size(pt) };
        let keep = if heading { r#" fo:keep-with-next="always""# } else { "" };
        pstyle(
            name,
            parent,
            None,
            &format!(r#"fo:margin-top="0.035cm" fo:margin-bottom="0.035cm" fo:line-height="100%"{keep}"#),
            &tpr,
        )
    };
    let styles = [
        pstyle("Standard", "", None, r#"fo:margin-top="0cm" fo:margin-bottom="0.212cm" fo:line-height="115%""#, ""),
        pstyle("Heading", "Standard", None, r#"fo:keep-with-next="always" fo:keep-together="always""#, ""),
        pstyle(
            "Title",
            "Standard",
            None,
            r#"fo:margin-top="4.23cm" fo:margin-bottom="0.423cm""#,
            &format!(r##"{} {BOLD} fo:color="#1f3864""##, size(28.0)),
        ),
        pstyle(
            "Subtitle",
            "Standard",
            None,
            r#"fo:margin-bottom="0.847cm""#,
            &format!(r##"{} fo:color="#2f5496""##, size(16.0)),
        ),
        heading(1, 18.0, "0cm"),
        heading(2, 14.0, "0.635cm"),
        heading(3, 12.0, "0.423cm"),
        heading(4, 11.0, "0.423cm"),
        pstyle(
            "Contents_20_Heading",
            "Heading",
            None,
            r#"fo:break-before="page" fo:margin-bottom="0.423cm""#,
            &format!(r##"{} {BOLD} fo:color="#1f3864""##, size(18.0)),
        ),
        contents(1),
        contents(2),
        contents(3),
        pstyle(
            "Placeholder",
            "Standard",
            None,
            r##"fo:margin-left="0.3cm" fo:padding-left="0.3cm" fo:border-left="1.5pt solid #a6a6a6" fo:border-right="none" fo:border-top="none" fo:border-bottom="none" fo:background-color="#f2f2f2""##,
            r##"fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic" fo:color="#595959""##,
        ),
        pstyle("List_20_Paragraph", "Standard", None, r#"fo:margin-bottom="0.106cm""#, ""),
        table_text("Table_20_Contents", "Standard", 10.0, false),
        table_text("Table_20_Heading", "Table_20_Contents", 10.0, true),
        table_text("Table_20_Contents_20_Compact", "Table_20_Contents", 8.0, false),
        table_text("Table_20_Heading_20_Compact", "Table_20_Heading", 8.0, true),
        tabbed(
            "Footer",
            r#"fo:margin-bottom="0cm""#,
            TEXT_WIDTH_CM,
            false,
            &format!(r##"{} fo:color="#595959""##, size(9.0)),
        ),
        format!(
            r#"<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties {BOLD}/></style:style>"#
        ),
    ];
    let outline: String =
        (1..=10).map(|l| format!(r#"<text:outline-level-style text:level="{l}" style:num-format=""/>"#)).collect();
    let bullets: String = (1..=10)
        .map(|l| {
            let bullet = ["•", "–", "▪"][(l - 1) % 3];
            format!(
                r#"<text:list-level-style-bullet text:level="{l}" text:bullet-char="{bullet}"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{0:.2}cm" fo:text-indent="-0.635cm" fo:margin-left="{0:.2}cm"/></style:list-level-properties></text:list-level-style-bullet>"#,
                0.635 * l as f32
            )
        })
        .collect();
    let mut footer = String::new();
    text::push(&mut footer, title);
    let _ = write!(
        footer,
        r#"<text:tab/>{} <text:page-number text:select-page="current">1</text:page-number>"#,
        esc(page_label)
    );
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}><office:font-face-decls><style:font-face style:name="Calibri" svg:font-family="Calibri" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls><office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/><style:text-properties style:font-name="Calibri" {} fo:language="{language}" fo:country="{country}" style:language-asian="none" style:country-asian="none" fo:hyphenate="false"/></style:default-style>{}<text:outline-style style:name="Outline">{outline}</text:outline-style><text:list-style style:name="Bullets">{bullets}</text:list-style></office:styles><office:automatic-styles><style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="1cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout><style:page-layout style:name="TitlePage"><style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page"><style:footer><text:p text:style-name="Footer">{footer}</text:p></style:footer></style:master-page><style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="TitlePage" style:next-style-name="Standard"/></office:master-styles></office:document-styles>"##,
        size(11.0),
        styles.concat()
    )
}
