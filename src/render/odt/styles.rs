//! The fixed parts of the ODT package: styles.xml (fonts, paragraph styles
//! with outline levels, the page with its footer), meta.xml and the manifest.

use std::fmt::Write as _;

use super::text;
use crate::context::Meta;
use crate::design::Design;
use crate::render::docx::xml::esc;

/// The namespaces every ODF part here declares.
pub(super) const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3""#;

/// META-INF/manifest.xml, listing each picture of `media` with its media type.
pub(super) fn manifest(media: &[super::image::Media<'_>]) -> String {
    let entries: String = media
        .iter()
        .map(|m| {
            format!(
                r#"<manifest:file-entry manifest:full-path="{}" manifest:media-type="{}"/>"#,
                m.path,
                m.image.kind.media_type()
            )
        })
        .collect();
    MANIFEST.replace("</manifest:manifest>", &format!("{entries}</manifest:manifest>"))
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// meta.xml: title, subject, authors, language and the document's date
/// (none when the input has none, so the same input gives the same bytes).
pub(crate) fn meta(meta: &Meta) -> String {
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

/// A `style:font-face` for `name`; a family name with spaces is quoted, as ODF has it.
fn font_face(name: &str) -> String {
    let family = if name.contains(' ') { format!("&apos;{name}&apos;") } else { name.to_string() };
    format!(
        r#"<style:font-face style:name="{name}" svg:font-family="{family}" style:font-family-generic="swiss" style:font-pitch="variable"/>"#
    )
}

/// styles.xml for a document in `lang_tag` (`de-DE`) and `design`, whose
/// footer shows `footer` and "`page_label` N".
pub(super) fn styles(lang_tag: &str, footer: &str, page_label: &str, design: &Design) -> String {
    let (language, country) = lang_tag.split_once('-').unwrap_or((lang_tag, ""));
    let (head_font, body_font) = (design.fonts.headings.as_str(), design.fonts.body.as_str());
    let ink = design.colors.headings.css();
    let accent = design.colors.accent.css();
    // sizes for a text of 11 pt follow the design's text size
    let scaled = |pt: f32| (pt * design.fonts.size_pt.pt() / 11.0 * 2.0).round() / 2.0;
    let text_w = f32::from(u16::try_from(design.text_width_dxa()).unwrap_or(u16::MAX)) / 1440.0 * 2.54;
    let text_width = format!("{text_w:.3}cm");
    let head = format!(r#"style:font-name="{head_font}" "#);
    let heading = |level: u8, pt: f32, before: &str| {
        pstyle(
            &format!("Heading_20_{level}"),
            "Heading",
            Some(level),
            &format!(r#"fo:margin-top="{before}" fo:margin-bottom="0.212cm""#),
            &format!(r#"{head}{} {BOLD} fo:color="{ink}""#, size(scaled(pt))),
        )
    };
    let contents = |level: u8| {
        let indent = f32::from(level - 1) * 0.42;
        tabbed(
            &format!("Contents_20_{level}"),
            &format!(r#"fo:margin-left="{indent:.2}cm" fo:margin-top="0cm" fo:margin-bottom="0.106cm""#),
            // the stop is measured from the indent: the page number ends at the margin
            &format!("{:.3}cm", text_w - indent),
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
            &format!(r#"{head}{} {BOLD} fo:color="{ink}""#, size(scaled(28.0))),
        ),
        pstyle(
            "Subtitle",
            "Standard",
            None,
            r#"fo:margin-bottom="0.847cm""#,
            &format!(r#"{} fo:color="{accent}""#, size(scaled(16.0))),
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
            &format!(r#"{head}{} {BOLD} fo:color="{ink}""#, size(scaled(18.0))),
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
        // not "Figure": LibreOffice tags a paragraph by its style's name, and a
        // Figure without alternative text breaks PDF/UA
        pstyle(
            "Picture_20_Paragraph",
            "Standard",
            None,
            r#"fo:text-align="center" fo:margin-top="0.212cm" fo:margin-bottom="0.212cm""#,
            "",
        ),
        pstyle(
            "Caption",
            "Standard",
            None,
            r#"fo:text-align="center" fo:margin-bottom="0.423cm""#,
            &format!(
                r##"{} fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic" fo:color="#595959""##,
                size(9.0)
            ),
        ),
        pstyle("List_20_Paragraph", "Standard", None, r#"fo:margin-bottom="0.106cm""#, ""),
        table_text("Table_20_Contents", "Standard", 10.0, false),
        table_text("Table_20_Heading", "Table_20_Contents", 10.0, true),
        table_text("Table_20_Contents_20_Compact", "Table_20_Contents", 8.0, false),
        table_text("Table_20_Heading_20_Compact", "Table_20_Heading", 8.0, true),
        tabbed(
            "Footer",
            r#"fo:margin-bottom="0cm""#,
            &text_width,
            false,
            &format!(r##"{} fo:color="#595959""##, size(9.0)),
        ),
        pstyle(
            "Header",
            "Standard",
            None,
            r#"fo:margin-bottom="0cm" fo:text-align="end""#,
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
    let mut footer_p = String::new();
    text::push(&mut footer_p, footer);
    let _ = write!(
        footer_p,
        r#"<text:tab/>{} <text:page-number text:select-page="current">1</text:page-number>"#,
        esc(page_label)
    );
    let header = design
        .header
        .as_ref()
        .map(|h| {
            let mut p = String::from(r#"<style:header><text:p text:style-name="Header">"#);
            text::push(&mut p, h);
            p + "</text:p></style:header>"
        })
        .unwrap_or_default();
    let page_layouts = page_layouts(design);
    let mut faces = font_face(body_font);
    if head_font != body_font {
        faces.push_str(&font_face(head_font));
    }
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}><office:font-face-decls>{faces}</office:font-face-decls><office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/><style:text-properties style:font-name="{body_font}" {} fo:language="{language}" fo:country="{country}" style:language-asian="none" style:country-asian="none" fo:hyphenate="false"/></style:default-style><style:default-style style:family="graphic"/><style:default-style style:family="table"/><style:default-style style:family="table-cell"/>{}<text:outline-style style:name="Outline">{outline}</text:outline-style><text:list-style style:name="Bullets">{bullets}</text:list-style></office:styles><office:automatic-styles>{page_layouts}</office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page">{header}<style:footer><text:p text:style-name="Footer">{footer_p}</text:p></style:footer></style:master-page><style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="TitlePage" style:next-style-name="Standard"/></office:master-styles></office:document-styles>"##,
        size(design.fonts.size_pt.pt()),
        styles.concat()
    )
}

/// The page layouts: the pages after the title page (with the footer, and
/// the header when the design has one) and the title page, in the design's margins.
fn page_layouts(design: &Design) -> String {
    let page = &design.page;
    let (top, bottom, left, right) =
        (page.margin_top_cm.cm(), page.margin_bottom_cm.cm(), page.margin_left_cm.cm(), page.margin_right_cm.cm());
    // the footer (and the header) stand inside the margin: 1 cm of it is theirs
    let body_top = if design.header.is_some() { (top - 1.0).max(0.5) } else { top };
    let header_style = if design.header.is_some() {
        r#"<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>"#
    } else {
        ""
    };
    let a4 = r#"fo:page-width="21.001cm" fo:page-height="29.7cm" style:print-orientation="portrait""#;
    let sides = format!(r#"fo:margin-left="{left}cm" fo:margin-right="{right}cm""#);
    format!(
        r#"<style:page-layout style:name="Page"><style:page-layout-properties {a4} fo:margin-top="{body_top}cm" fo:margin-bottom="{}cm" {sides}/>{header_style}<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout><style:page-layout style:name="TitlePage"><style:page-layout-properties {a4} fo:margin-top="{top}cm" fo:margin-bottom="{bottom}cm" {sides}/></style:page-layout>"#,
        (bottom - 1.0).max(0.5)
    )
}
