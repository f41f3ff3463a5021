//! content.xml: the title page, the table of contents and the blocks.

use std::fmt::Write as _;

use super::styles::NAMESPACES;
use super::table::Tables;
use super::text::{push, push_bold};
use crate::context::{Block, Document, Fact, ListItem};
use crate::design::{Align, Design};
use crate::render::docx::table::KEEP_ROWS;

/// The automatic paragraph, text and section styles the body uses besides
/// the styles of its tables.
const AUTOMATIC: &str = r#"<style:style style:name="Keep" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:keep-with-next="always"/></style:style><style:style style:name="PlaceholderKeep" style:family="paragraph" style:parent-style-name="Placeholder"><style:paragraph-properties fo:keep-with-next="always"/></style:style><style:style style:name="H1Page" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>"#;

/// The section style of the table of contents.
const CONTENTS_SECTION: &str = r#"<style:style style:name="Contents" style:family="section"><style:section-properties style:editable="false"><style:columns fo:column-count="1" fo:column-gap="0cm"/></style:section-properties></style:style>"#;

/// Writes content.xml of `doc`.
pub(super) fn content(doc: &Document) -> String {
    let mut body = String::with_capacity(64 * 1024);
    let mut tables = Tables::new(&doc.design);
    title_page(&mut body, doc);
    let long = !doc.meta.runs_on();
    if long {
        toc(&mut body, doc);
    }
    let keep = crate::render::docx::keep_with_next(&doc.blocks);
    let text_width_cm = doc.design.text_width_cm();
    let mut images = false;
    for (block, &keep) in doc.blocks.iter().zip(&keep) {
        let kept = |i: usize, n: usize| i + keep >= n;
        match block {
            Block::Heading { level, text, .. } => {
                let level = (*level).clamp(1, 4);
                let style = if long && level == 1 { "H1Page".to_string() } else { format!("Heading_20_{level}") };
                let _ = write!(body, r#"<text:h text:style-name="{style}" text:outline-level="{level}">"#);
                push(&mut body, text);
                body.push_str("</text:h>");
            }
            Block::Paragraph { text } => para(&mut body, self::body(kept(0, 1)), text),
            Block::Text { paragraphs } => {
                for (i, p) in paragraphs.iter().enumerate() {
                    para(&mut body, self::body(kept(i, paragraphs.len())), &p.join("\n"));
                }
            }
            Block::Placeholder { label, hint } => {
                let style = if kept(0, 1) { "PlaceholderKeep" } else { "Placeholder" };
                let _ = write!(body, r#"<text:p text:style-name="{style}">"#);
                push_bold(&mut body, &format!("{label}:"));
                push(&mut body, &format!(" {hint}"));
                body.push_str("</text:p>");
            }
            Block::Facts { items } => {
                for (i, f) in items.iter().enumerate() {
                    fact(&mut body, f, self::body(kept(i, items.len())));
                }
            }
            Block::List { items } => list(&mut body, items),
            Block::Table { columns, rows, profile, total_row } => {
                let keep = *profile || rows.len() <= KEEP_ROWS;
                tables.write(
                    &mut body,
                    columns,
                    rows,
                    super::table::Kind { profile: *profile, total_row: *total_row, roadmap: false, keep },
                );
            }
            Block::Roadmap { columns, rows, .. } => {
                let kind = super::table::Kind { roadmap: true, keep: rows.len() <= KEEP_ROWS, ..Default::default() };
                tables.write(&mut body, columns, rows, kind);
            }
            Block::Image { .. } => {
                images = true;
                super::image::image_paragraphs(&mut body, block, text_width_cm);
            }
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}><office:automatic-styles>{}{AUTOMATIC}{}{}{}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#,
        title_styles(&doc.design),
        if long { CONTENTS_SECTION } else { "" },
        if images { super::image::STYLES } else { "" },
        tables.styles()
    )
}

/// The automatic styles of the title page: the first paragraph starts the
/// page style without a footer; title, subtitle and facts are aligned as
/// the design says, and so is the logo.
fn title_styles(design: &Design) -> String {
    let align = design.title_page.title;
    let text_align = if align == Align::Left {
        String::new()
    } else {
        format!(r#"<style:paragraph-properties fo:text-align="{}"/>"#, align.odf())
    };
    let first = if design.logo.is_some() { "LogoFirst" } else { "TitleFirst" };
    let page = |name: &str| if name == first { r#" style:master-page-name="First_20_Page""# } else { "" };
    let mut out = String::new();
    for (name, parent) in [("TitleFirst", "Title"), ("SubtitleAligned", "Subtitle"), ("FactAligned", "Standard")] {
        let _ = write!(
            out,
            r#"<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="{parent}"{}>{text_align}</style:style>"#,
            page(name)
        );
    }
    if design.logo.is_some() {
        let _ = write!(
            out,
            r#"<style:style style:name="LogoFirst" style:family="paragraph" style:parent-style-name="Standard"{}><style:paragraph-properties fo:text-align="{}" fo:margin-bottom="0.423cm"/></style:style><style:style style:name="LogoFrame" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline"/></style:style>"#,
            page("LogoFirst"),
            design.title_page.logo.odf()
        );
    }
    out
}

/// The style of body text, kept with the next paragraph if `keep`.
fn body(keep: bool) -> &'static str {
    if keep { "Keep" } else { "Standard" }
}

/// A paragraph of `style` holding `text`.
fn para(out: &mut String, style: &str, text: &str) {
    let _ = write!(out, r#"<text:p text:style-name="{style}">"#);
    push(out, text);
    out.push_str("</text:p>");
}

/// A label in bold and its value, in a paragraph of `style`.
fn fact(out: &mut String, f: &Fact, style: &str) {
    let _ = write!(out, r#"<text:p text:style-name="{style}">"#);
    push_bold(out, &format!("{}:", f.label));
    push(out, &format!(" {}", f.value));
    out.push_str("</text:p>");
}

/// A bulleted list; deeper items are lists inside the item before them.
fn list(out: &mut String, items: &[ListItem]) {
    out.push_str(r#"<text:list text:style-name="Bullets">"#);
    // how many lists are open, and whether the innermost has an open item
    let mut depth = 1;
    let mut open = false;
    for item in items {
        let target = item.level.min(9) + 1;
        if open && depth >= target {
            out.push_str("</text:list-item>");
            while depth > target {
                out.push_str("</text:list></text:list-item>");
                depth -= 1;
            }
            open = false;
        }
        while depth < target {
            if !open {
                out.push_str("<text:list-item>");
            }
            out.push_str("<text:list>");
            depth += 1;
            open = false;
        }
        out.push_str(r#"<text:list-item><text:p text:style-name="List_20_Paragraph">"#);
        push(out, &item.text);
        out.push_str("</text:p>");
        open = true;
    }
    if open {
        out.push_str("</text:list-item>");
    }
    while depth > 1 {
        out.push_str("</text:list></text:list-item>");
        depth -= 1;
    }
    out.push_str("</text:list>");
}

fn title_page(out: &mut String, doc: &Document) {
    if let Some(logo) = &doc.design.logo {
        super::image::logo_paragraph(out, logo);
    }
    para(out, "TitleFirst", &doc.meta.title);
    if let Some(sub) = &doc.meta.subtitle {
        para(out, "SubtitleAligned", sub);
    }
    for f in &doc.meta.facts {
        fact(out, f, "FactAligned");
    }
}

/// The table of contents of headings 1 to 3: its entries are written
/// without page numbers, which only a layout knows; LibreOffice fills them
/// in when the index is updated (as `--format pdf` does), Word's users
/// update it by hand. The entries are not links: LibreOffice's links in a
/// contents break PDF/UA, and the PDF's bookmarks lead to the headings.
fn toc(out: &mut String, doc: &Document) {
    let title = &doc.labels.contents;
    let mut escaped = String::new();
    push(&mut escaped, title);
    let _ = write!(
        out,
        r#"<text:table-of-content text:style-name="Contents" text:protected="true" text:name="{escaped}"><text:table-of-content-source text:outline-level="3" text:use-index-marks="false"><text:index-title-template text:style-name="Contents_20_Heading">{escaped}</text:index-title-template>"#
    );
    for level in 1..=3 {
        let _ = write!(
            out,
            r#"<text:table-of-content-entry-template text:outline-level="{level}" text:style-name="Contents_20_{level}"><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/></text:table-of-content-entry-template>"#
        );
    }
    let _ = write!(
        out,
        r#"</text:table-of-content-source><text:index-body><text:index-title text:style-name="Contents" text:name="{escaped}_Head"><text:p text:style-name="Contents_20_Heading">{escaped}</text:p></text:index-title>"#
    );
    for block in &doc.blocks {
        if let Block::Heading { level, text, .. } = block
            && *level <= 3
        {
            let _ = write!(out, r#"<text:p text:style-name="Contents_20_{level}">"#);
            push(out, text);
            out.push_str("<text:tab/></text:p>");
        }
    }
    out.push_str("</text:index-body></text:table-of-content>");
}
