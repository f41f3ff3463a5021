//! word/document.xml: title page, table of contents and the blocks.

use std::fmt::Write as _;

use super::parts::geometry::{MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W};
use super::table::table;
use super::xml::esc;
use crate::context::{Block, Document, Fact, ListItem};

/// A run of text; line breaks become `<w:br/>`.
pub(super) fn run(out: &mut String, text: &str, bold: bool) {
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:br/></w:r>");
        }
        if !line.is_empty() {
            let _ = write!(out, r#"<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r>"#, esc(line));
        }
    }
}

/// A paragraph of one style holding `text`.
fn para(out: &mut String, style: &str, text: &str) {
    let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#);
    run(out, text, false);
    out.push_str("</w:p>");
}

fn fact(out: &mut String, f: &Fact) {
    out.push_str("<w:p>");
    run(out, &format!("{}:", f.label), true);
    run(out, &format!(" {}", f.value), false);
    out.push_str("</w:p>");
}

fn list(out: &mut String, items: &[ListItem]) {
    for item in items {
        let _ = write!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{}"/><w:numId w:val="1"/></w:numPr></w:pPr>"#,
            item.level.min(8)
        );
        run(out, &item.text, false);
        out.push_str("</w:p>");
    }
}

/// Bookmark names for headings: `_Toc` and a running number (hidden in Word, unique).
fn bookmark(n: usize) -> String {
    format!("_Toc{n:08}")
}

/// The table of contents: a TOC field whose result already lists the headings,
/// so LibreOffice shows it as is and Word fills in the page numbers.
fn toc(out: &mut String, doc: &Document) {
    para(out, "TOCHeading", &doc.labels.contents);
    let headings: Vec<(usize, u8, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text, .. } => Some((*level, text.as_str())),
            _ => None,
        })
        .enumerate()
        .filter(|(_, (level, _))| *level <= 3)
        .map(|(n, (level, text))| (n + 1, level, text))
        .collect();
    let begin = r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#;
    if headings.is_empty() {
        let _ = write!(out, "<w:p>{begin}</w:p>");
    }
    for (i, (n, level, text)) in headings.iter().enumerate() {
        let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr>"#);
        if i == 0 {
            out.push_str(begin);
        }
        let _ = write!(out, r#"<w:hyperlink w:anchor="{}" w:history="1">"#, bookmark(*n));
        run(out, text, false);
        out.push_str("</w:hyperlink></w:p>");
    }
    out.push_str(r#"<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#);
}

fn title_page(out: &mut String, doc: &Document) {
    para(out, "Title", &doc.meta.title);
    if let Some(sub) = &doc.meta.subtitle {
        para(out, "Subtitle", sub);
    }
    for f in &doc.meta.facts {
        fact(out, f);
    }
}

/// The whole word/document.xml.
pub fn document(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#);
    title_page(&mut out, doc);
    // the council draft is a short paper: no contents page, no page per chapter
    let long = doc.meta.profile != "council";
    if long {
        toc(&mut out, doc);
    }
    let mut heading_no = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text, .. } => {
                heading_no += 1;
                let page_break = if long && *level == 1 { "<w:pageBreakBefore/>" } else { "" };
                let _ = write!(
                    out,
                    r#"<w:p><w:pPr><w:pStyle w:val="Heading{}"/>{page_break}</w:pPr><w:bookmarkStart w:id="{heading_no}" w:name="{}"/>"#,
                    level.clamp(&1, &4),
                    bookmark(heading_no)
                );
                run(&mut out, text, false);
                let _ = write!(out, r#"<w:bookmarkEnd w:id="{heading_no}"/></w:p>"#);
            }
            Block::Paragraph { text } => para(&mut out, "Normal", text),
            Block::Text { paragraphs } => {
                for p in paragraphs {
                    para(&mut out, "Normal", &p.join("\n"));
                }
            }
            Block::Placeholder { label, hint } => {
                out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="Placeholder"/></w:pPr>"#);
                run(&mut out, &format!("{label}:"), true);
                run(&mut out, &format!(" {hint}"), false);
                out.push_str("</w:p>");
            }
            Block::Facts { items } => items.iter().for_each(|f| fact(&mut out, f)),
            Block::List { items } => list(&mut out, items),
            Block::Table { columns, rows, profile, total_row } => {
                table(&mut out, columns, rows, *profile, *total_row, false)
            }
            Block::Roadmap { columns, rows, .. } => table(&mut out, columns, rows, false, false, true),
        }
    }
    let _ = write!(
        out,
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_X}" w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_X}" w:header="708" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>"#
    );
    out
}
