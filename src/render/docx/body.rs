//! word/document.xml: title page, table of contents and the blocks.

use std::fmt::Write as _;

use super::parts::geometry::{PAGE_H, PAGE_W};
use super::table::{Kind, table};
use super::xml::{breakable, esc_into};
use crate::context::{Block, Document, Fact, ListItem};
use crate::design::Align;

/// A run of text; line breaks become `<w:br/>`, and a hyphen that must not
/// break (see [`crate::render::no_break_hyphens`]) `<w:noBreakHyphen/>`.
pub(super) fn run(out: &mut String, text: &str, bold: bool) {
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:br/></w:r>");
        }
        if line.is_empty() {
            continue;
        }
        let line = crate::render::glue_units(line);
        let line = crate::render::no_break_hyphens(&line);
        let line = breakable(&line);
        out.push_str("<w:r>");
        out.push_str(rpr);
        for (j, piece) in line.split('\u{2011}').enumerate() {
            if j > 0 {
                out.push_str("<w:noBreakHyphen/>");
            }
            if !piece.is_empty() {
                out.push_str(r#"<w:t xml:space="preserve">"#);
                esc_into(out, piece);
                out.push_str("</w:t>");
            }
        }
        out.push_str("</w:r>");
    }
}

/// `<w:keepNext/>` for a paragraph that keeps with the next one.
fn keep_next(keep: bool) -> &'static str {
    if keep { "<w:keepNext/>" } else { "" }
}

/// A paragraph of one style holding `text`; `ppr` are its other paragraph
/// properties (`<w:keepNext/>`, an alignment).
fn para(out: &mut String, style: &str, text: &str, ppr: &str) {
    let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>"#);
    run(out, text, false);
    out.push_str("</w:p>");
}

/// A label in bold and its value; `ppr` as for [`para`].
fn fact(out: &mut String, f: &Fact, ppr: &str) {
    if ppr.is_empty() {
        out.push_str("<w:p>");
    } else {
        let _ = write!(out, "<w:p><w:pPr>{ppr}</w:pPr>");
    }
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

/// Characters of a line of body text, about (11 pt Calibri across the text width).
const LINE_CHARS: usize = 90;
/// A paragraph of at most this many lines before a table introduces it.
const INTRO_LINES: usize = 5;
/// The paragraphs introducing a table have at most this many lines together.
const INTRO_RUN_LINES: usize = 10;

/// The lines of each paragraph a block writes, about; `None` for blocks
/// that do not introduce a table (headings, lists, tables).
fn paragraph_lines(block: &Block) -> Option<Vec<usize>> {
    let lines = |text: &str| text.split('\n').map(|l| l.chars().count().div_ceil(LINE_CHARS).max(1)).sum();
    match block {
        Block::Paragraph { text } => Some(vec![lines(text)]),
        Block::Text { paragraphs } => Some(paragraphs.iter().map(|p| lines(&p.join("\n"))).collect()),
        Block::Facts { items } => Some(items.iter().map(|f| lines(&format!("{}: {}", f.label, f.value))).collect()),
        Block::Placeholder { label, hint } => Some(vec![lines(&format!("{label}: {hint}"))]),
        Block::Heading { .. }
        | Block::List { .. }
        | Block::Table { .. }
        | Block::Roadmap { .. }
        | Block::Image { .. } => None,
    }
}

/// The paragraph after a table that ends the body: one point high, so it
/// never needs a page of its own.
const TAIL_PARAGRAPH: &str = r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>"#;

/// For each block, how many of its last paragraphs keep with the next
/// paragraph: the short paragraphs right before a table or a chart (a measure's
/// description, a goal's facts) go with it to the next page, back to the
/// heading, which keeps with the next by its style; and so do the few short
/// paragraphs between a heading and its first subheading (a field's
/// description and goals before its first measure).
pub(crate) fn keep_with_next(blocks: &[Block]) -> Vec<usize> {
    let mut keep = vec![0; blocks.len()];
    for (t, block) in blocks.iter().enumerate() {
        // a chart, like a table, takes the short paragraphs introducing it along
        if !matches!(block, Block::Table { .. } | Block::Roadmap { .. } | Block::Image { vector: Some(_), .. }) {
            continue;
        }
        let mut left = INTRO_RUN_LINES;
        'back: for i in (0..t).rev() {
            let Some(lines) = paragraph_lines(&blocks[i]) else { break };
            for n in lines.iter().rev() {
                if *n > INTRO_LINES || *n > left {
                    break 'back;
                }
                left -= n;
                keep[i] += 1;
            }
        }
    }
    for (h, block) in blocks.iter().enumerate() {
        let Block::Heading { level, .. } = block else { continue };
        let Some(next) = blocks[h + 1..].iter().position(|b| matches!(b, Block::Heading { .. })).map(|n| h + 1 + n)
        else {
            continue;
        };
        let Block::Heading { level: sub, .. } = &blocks[next] else { continue };
        // an image is too tall to keep with: what follows it keeps with the subheading
        let from =
            blocks[h + 1..next].iter().rposition(|b| matches!(b, Block::Image { .. })).map_or(h + 1, |i| h + 2 + i);
        let lines: Option<Vec<Vec<usize>>> = blocks[from..next].iter().map(paragraph_lines).collect();
        let Some(lines) = lines else { continue };
        let short = lines.iter().flatten().all(|n| *n <= INTRO_LINES);
        if sub > level && short && lines.iter().flatten().sum::<usize>() <= INTRO_RUN_LINES {
            for (i, l) in (from..next).zip(&lines) {
                keep[i] = l.len();
            }
        }
    }
    keep
}

/// Bookmark names for headings: `_Toc` and a running number (hidden in Word, unique).
fn bookmark(n: usize) -> String {
    format!("_Toc{n:08}")
}

/// The table of contents: a TOC field whose result already lists the headings,
/// so LibreOffice shows it as is and Word fills in the page numbers.
fn toc(out: &mut String, doc: &Document) {
    para(out, "TOCHeading", &doc.labels.contents, "");
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

/// The title page: the design's logo, then title, subtitle and facts, aligned as the design says.
fn title_page(out: &mut String, doc: &Document) {
    let design = &doc.design;
    if let Some(logo) = &design.logo {
        super::image::logo_paragraph(out, logo, design.title_page.logo);
    }
    let align = design.title_page.title;
    let jc = if align == Align::Left { String::new() } else { format!(r#"<w:jc w:val="{}"/>"#, align.css()) };
    para(out, "Title", &doc.meta.title, &jc);
    if let Some(sub) = &doc.meta.subtitle {
        para(out, "Subtitle", sub, &jc);
    }
    for f in &doc.meta.facts {
        fact(out, f, &jc);
    }
}

/// How much of `document.xml` is held before it is handed on: a document of
/// 2,000 measures has 30 MB of XML, which goes into the zip in such pieces.
const PIECE: usize = 256 * 1024;

/// Writes `document.xml` of `doc` in pieces of about [`PIECE`] bytes to `sink`.
pub fn write_document(doc: &Document, sink: &mut dyn FnMut(&str) -> std::io::Result<()>) -> std::io::Result<()> {
    let mut out = String::with_capacity(PIECE + 64 * 1024);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#);
    title_page(&mut out, doc);
    // the council draft is a short paper: no contents page, no page per chapter
    let long = !doc.meta.runs_on();
    if long {
        toc(&mut out, doc);
    }
    let keep = keep_with_next(&doc.blocks);
    let text_width_cm = doc.design.text_width_cm();
    let mut heading_no = 0;
    for (block, &keep) in doc.blocks.iter().zip(&keep) {
        // the last `keep` of the block's `n` paragraphs keep with the next
        let kept = |i: usize, n: usize| i + keep >= n;
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
            Block::Paragraph { text } => para(&mut out, "Normal", text, keep_next(kept(0, 1))),
            Block::Text { paragraphs } => {
                for (i, p) in paragraphs.iter().enumerate() {
                    para(&mut out, "Normal", &p.join("\n"), keep_next(kept(i, paragraphs.len())));
                }
            }
            Block::Placeholder { label, hint } => {
                let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="Placeholder"/>{}</w:pPr>"#, keep_next(kept(0, 1)));
                run(&mut out, &format!("{label}:"), true);
                run(&mut out, &format!(" {hint}"), false);
                out.push_str("</w:p>");
            }
            Block::Facts { items } => {
                for (i, f) in items.iter().enumerate() {
                    fact(&mut out, f, keep_next(kept(i, items.len())));
                }
            }
            Block::List { items } => list(&mut out, items),
            Block::Table { columns, rows, profile, total_row } => {
                let kind = Kind { profile: *profile, total_row: *total_row, roadmap: false };
                table(&mut out, columns, rows, kind, &doc.design)
            }
            Block::Roadmap { columns, rows, .. } => {
                table(&mut out, columns, rows, Kind { roadmap: true, ..Kind::default() }, &doc.design)
            }
            Block::Image { .. } => super::image::image_paragraphs(&mut out, block, text_width_cm),
        }
        // the last block stays, so that its end can still be changed below
        if out.len() >= PIECE && !std::ptr::eq(block, doc.blocks.last().unwrap_or(block)) {
            sink(&out)?;
            out.clear();
        }
    }
    // the paragraph after a table that ends the body, of the default size,
    // alone could fill a new, empty last page: it is made one point high
    if let Some(body) = out.strip_suffix(super::table::SPACER) {
        out.truncate(body.len());
        out.push_str(TAIL_PARAGRAPH);
    }
    let page = &doc.design.page;
    let (top, bottom) = (page.margin_top_cm.dxa(), page.margin_bottom_cm.dxa());
    let (left, right) = (page.margin_left_cm.dxa(), page.margin_right_cm.dxa());
    let header = if doc.design.header.is_some() {
        format!(r#"<w:headerReference w:type="default" r:id="{}"/>"#, super::parts::HEADER_RID)
    } else {
        String::new()
    };
    let _ = write!(
        out,
        r#"<w:sectPr>{header}<w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="708" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>"#
    );
    sink(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{Column, ListItem};

    fn heading(level: u8) -> Block {
        Block::Heading { level, text: "H".into(), anchor: "h".into() }
    }

    fn para(text: &str) -> Block {
        Block::Paragraph { text: text.into() }
    }

    fn table() -> Block {
        let columns = vec![Column { title: "A".into(), numeric: false, width: 1 }];
        Block::Table { columns, rows: vec![vec!["a".into()]], profile: true, total_row: false }
    }

    #[test]
    fn short_paragraphs_before_a_table_keep_with_it() {
        let facts = Block::Facts {
            items: vec![
                Fact { label: "Ziel".into(), value: "Z1".into() },
                Fact { label: "Herleitung".into(), value: "x".into() },
            ],
        };
        let blocks = [heading(3), para("Beschreibung"), facts, table()];
        assert_eq!(keep_with_next(&blocks), [0, 1, 2, 0]);
        // a long paragraph goes on by itself, and the chain stops there
        let long = "Wort ".repeat(120);
        let blocks = [para("kurz"), para(&long), para("kurz"), table()];
        assert_eq!(keep_with_next(&blocks), [0, 0, 1, 0]);
        // so does a list
        let list = Block::List { items: vec![ListItem { text: "a".into(), level: 0 }] };
        assert_eq!(keep_with_next(&[para("kurz"), list, table()]), [0, 0, 0]);
    }

    #[test]
    fn a_short_introduction_keeps_with_its_first_subheading_only() {
        // a field's description before its first measure
        let blocks = [heading(3), para("Beschreibung"), heading(4), para("Text")];
        assert_eq!(keep_with_next(&blocks), [0, 1, 0, 0]);
        // the end of a section does not keep with the next section
        let blocks = [heading(3), para("Ende"), heading(3), para("Text")];
        assert_eq!(keep_with_next(&blocks), [0, 0, 0, 0]);
    }
}
