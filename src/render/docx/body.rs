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

/// Approximate width of one character of table text, in dxa (twentieths of a point).
const CHAR_W: u32 = 105;
/// Left and right cell margins together, in dxa.
const CELL_PAD: u32 = 230;

/// Column widths in dxa: the context's relative widths, but a column too
/// narrow for its longest word (header or cell) is widened, so no word is
/// broken inside ("Prioritä/t"). The room comes from the columns that have
/// more than they need, in proportion to what they can spare; when that is
/// not enough, every column gets the same share of what it lacks.
fn widths(columns: &[Column], rows: &[Vec<String>]) -> Vec<u32> {
    let longest_word = |text: &str| text.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
    let total: u32 = columns.iter().map(|c| c.width.max(1)).sum::<u32>().max(1);
    let shares: Vec<u32> = columns.iter().map(|c| TEXT_W * c.width.max(1) / total).collect();
    let least: Vec<u32> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = rows.iter().filter_map(|r| r.get(i)).map(|t| longest_word(t));
            let chars = cells.chain(std::iter::once(longest_word(&c.title))).max().unwrap_or(0);
            let chars = u32::try_from(chars).unwrap_or(u32::MAX).min(40);
            (chars * CHAR_W + CELL_PAD).min(TEXT_W / 2)
        })
        .collect();
    let lack: u64 = shares.iter().zip(&least).map(|(s, l)| u64::from(l.saturating_sub(*s))).sum();
    let spare: u64 = shares.iter().zip(&least).map(|(s, l)| u64::from(s.saturating_sub(*l))).sum();
    if lack == 0 {
        return shares;
    }
    let moved = lack.min(spare);
    let part = |amount: u32, of: u64| u32::try_from(u64::from(amount) * moved / of.max(1)).unwrap_or(0);
    shares.iter().zip(&least).map(|(s, l)| if l > s { s + part(l - s, lack) } else { s - part(s - l, spare) }).collect()
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
    let widths = widths(columns, rows);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn col(title: &str, width: u32) -> Column {
        Column { title: title.to_string(), numeric: false, width }
    }

    #[test]
    fn columns_are_wide_enough_for_their_longest_word() {
        let columns = [col("Id", 5), col("Maßnahme", 75), col("Priorität", 10), col("Status", 10)];
        let rows =
            vec![vec!["HEA-01".into(), "Telemedizin im ländlichen Raum".into(), "hoch".into(), "abgeschlossen".into()]];
        let w = widths(&columns, &rows);
        assert_eq!(w.len(), 4);
        assert!(w[0] >= 6 * CHAR_W + CELL_PAD, "{w:?}");
        assert!(w[2] >= 9 * CHAR_W + CELL_PAD, "{w:?}");
        assert!(w[3] >= 13 * CHAR_W + CELL_PAD, "{w:?}");
        assert!(w[1] > w[3], "the wide column keeps the most room: {w:?}");
        assert!(w.iter().sum::<u32>() <= TEXT_W, "{w:?}");
    }

    #[test]
    fn too_many_long_words_fall_back_to_the_proportions() {
        let columns: Vec<Column> = (0..12).map(|_| col("Donaudampfschifffahrtsgesellschaft", 1)).collect();
        let w = widths(&columns, &[]);
        assert!(w.iter().all(|x| *x == TEXT_W / 12), "{w:?}");
    }

    #[test]
    fn a_crowded_table_takes_room_from_its_wide_columns() {
        let columns = [
            col("Id", 6),
            col("Maßnahme", 46),
            col("Priorität", 8),
            col("Status", 8),
            col("Zeitraum", 8),
            col("Budget", 12),
            col("Ziele", 12),
        ];
        let rows = vec![vec![
            "MOB-03".into(),
            "Mobilitätsstationen mit Sharing".into(),
            "niedrig".into(),
            "abgeschlossen".into(),
            "2023–2027".into(),
            "1.450.000 €".into(),
            "Z2.1, Z3".into(),
        ]];
        let w = widths(&columns, &rows);
        assert!(w[2] >= 9 * CHAR_W + CELL_PAD && w[3] >= 13 * CHAR_W + CELL_PAD, "{w:?}");
        assert!(w[1] >= 19 * CHAR_W + CELL_PAD, "the wide column keeps room for its own longest word: {w:?}");
        assert!(w.iter().sum::<u32>() <= TEXT_W, "{w:?}");
    }
}
