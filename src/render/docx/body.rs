//! word/document.xml: title page, table of contents and the blocks.

use std::fmt::Write as _;

use super::parts::geometry::{MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W, TEXT_W};
use super::xml::esc;
use crate::context::{Block, Column, Document, Fact, ListItem};

const HEADER_FILL: &str = "2F5496";
const LABEL_FILL: &str = "DEEAF6";
const TOTAL_FILL: &str = "F2F2F2";
const ROADMAP_FILL: &str = "8EAADB";

/// A run of text; line breaks become `<w:br/>`.
fn run(out: &mut String, text: &str, bold: bool) {
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

/// Column widths in dxa, proportional to the context's relative widths.
fn widths(columns: &[Column]) -> Vec<u32> {
    let total: u32 = columns.iter().map(|c| c.width.max(1)).sum();
    columns.iter().map(|c| TEXT_W * c.width.max(1) / total.max(1)).collect()
}

struct CellStyle<'a> {
    fill: Option<&'a str>,
    bold: bool,
    right: bool,
    heading: bool,
}

fn cell(out: &mut String, width: u32, text: &str, style: &CellStyle<'_>) {
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
    if let Some(fill) = style.fill {
        let _ = write!(out, r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#);
    }
    let pstyle = if style.heading { "TableHeading" } else { "TableText" };
    let _ = write!(out, r#"</w:tcPr><w:p><w:pPr><w:pStyle w:val="{pstyle}"/>"#);
    if style.right {
        out.push_str(r#"<w:jc w:val="right"/>"#);
    }
    out.push_str("</w:pPr>");
    run(out, text, style.bold);
    out.push_str("</w:p></w:tc>");
}

/// A table with borders, fixed column widths and a header row repeated on every page.
fn table(out: &mut String, columns: &[Column], rows: &[Vec<String>], profile: bool, total_row: bool, roadmap: bool) {
    let widths = widths(columns);
    let border = |side: &str| format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>"#);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"].iter().map(|s| border(s)).collect();
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{TEXT_W}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
    );
    for w in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str(r#"</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"#);
    for (c, w) in columns.iter().zip(&widths) {
        cell(out, *w, &c.title, &CellStyle { fill: Some(HEADER_FILL), bold: false, right: c.numeric, heading: true });
    }
    out.push_str("</w:tr>");
    for (r, row) in rows.iter().enumerate() {
        let is_total = total_row && r + 1 == rows.len();
        out.push_str(r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>"#);
        for (i, (c, w)) in columns.iter().zip(&widths).enumerate() {
            let text = row.get(i).map_or("", String::as_str);
            let mark = roadmap && i > 0 && !text.is_empty();
            let fill = if mark {
                Some(ROADMAP_FILL)
            } else if is_total {
                Some(TOTAL_FILL)
            } else if profile && i == 0 {
                Some(LABEL_FILL)
            } else {
                None
            };
            let style = CellStyle { fill, bold: is_total || (profile && i == 0), right: c.numeric, heading: false };
            cell(out, *w, if mark { "" } else { text }, &style);
        }
        out.push_str("</w:tr>");
    }
    // an empty paragraph keeps two tables in a row apart
    out.push_str(r#"</w:tbl><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>"#);
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
