//! Tables in content.xml: the widths and type size of the DOCX (see
//! [`crate::render::docx::table::plan`]), borders, fills and a header row
//! that repeats on every page.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::text::{push, push_bold};
use crate::context::Column;
use crate::design::Design;
use crate::render::docx::table::{COMPACT_MARGIN, Plan, TOTAL_FILL, TableSize, plan};

/// What a table shows besides its cells.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Kind {
    /// A measure profile: labels in the first column.
    pub profile: bool,
    /// The last row is a total.
    pub total_row: bool,
    /// The roadmap: a marked cell after the first column is filled and names its year.
    pub roadmap: bool,
    /// Kept on one page.
    pub keep: bool,
}

/// The tables of one document: each gets its own table and column styles,
/// collected here for the automatic styles of content.xml.
pub(super) struct Tables<'a> {
    design: &'a Design,
    styles: String,
    count: usize,
    /// The cell styles the tables use: only these are declared.
    used: BTreeSet<String>,
}

/// dxa (twentieths of a point) as points.
fn pt(dxa: u32) -> String {
    format!("{}.{:02}pt", dxa / 20, dxa % 20 * 5)
}

impl<'a> Tables<'a> {
    /// The tables of a document in `design`.
    pub(super) fn new(design: &'a Design) -> Self {
        Tables { design, styles: String::new(), count: 0, used: BTreeSet::new() }
    }

    /// The automatic styles of the tables written so far, and of their cells.
    pub(super) fn styles(&self) -> String {
        let mut out = String::new();
        let colors = &self.design.colors;
        // the cell styles: (name, fill); each also in a compact variant (`…c`)
        let cells = [
            ("CellHead", Some(colors.table_header.css())),
            ("Cell", None),
            ("CellLabel", Some(colors.label_fill.css())),
            ("CellTotal", Some(format!("#{}", TOTAL_FILL.to_lowercase()))),
            ("CellMark", Some(colors.table_border.css())),
        ];
        let line = colors.table_border.css();
        for (name, fill) in cells {
            for (suffix, side) in [("", 108), ("c", COMPACT_MARGIN)] {
                if !self.used.contains(&format!("{name}{suffix}")) {
                    continue;
                }
                let background = fill.as_ref().map(|f| format!(r#" fo:background-color="{f}""#)).unwrap_or_default();
                let _ = write!(
                    out,
                    r#"<style:style style:name="{name}{suffix}" style:family="table-cell"><style:table-cell-properties{background} fo:padding-left="{0}" fo:padding-right="{0}" fo:padding-top="0.035cm" fo:padding-bottom="0.035cm" fo:border="0.5pt solid {line}"/></style:style>"#,
                    pt(side)
                );
            }
        }
        for (name, parent) in [
            ("Right", "Table_20_Contents"),
            ("RightCompact", "Table_20_Contents_20_Compact"),
            ("HeadRight", "Table_20_Heading"),
            ("HeadRightCompact", "Table_20_Heading_20_Compact"),
        ] {
            let _ = write!(
                out,
                r#"<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="{parent}"><style:paragraph-properties fo:text-align="end"/></style:style>"#
            );
        }
        out + &self.styles
    }

    /// Writes a table of `columns` and `rows` as [`plan`] sets it: one
    /// table per part of a split matrix.
    pub(super) fn write(&mut self, out: &mut String, columns: &[Column], rows: &[Vec<String>], kind: Kind) {
        let Plan { size, parts } = plan(columns, rows, self.design.text_width_dxa());
        for (group, widths) in &parts {
            self.count += 1;
            let name = format!("Table{}", self.count);
            let total: u32 = widths.iter().sum();
            let _ = write!(
                self.styles,
                r#"<style:style style:name="{name}" style:family="table"><style:table-properties style:width="{}" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm" style:may-break-between-rows="{}"/></style:style>"#,
                pt(total),
                !kind.keep
            );
            for (i, w) in widths.iter().enumerate() {
                let _ = write!(
                    self.styles,
                    r#"<style:style style:name="{name}.{i}" style:family="table-column"><style:table-column-properties style:column-width="{}"/></style:style>"#,
                    pt(*w)
                );
            }
            one_table(out, &Part { name: &name, group, size }, columns, rows, kind, &mut self.used);
        }
    }
}

/// One table of a plan: its name, the columns it shows and their type size.
struct Part<'a> {
    name: &'a str,
    group: &'a [usize],
    size: TableSize,
}

/// One table of the columns `part.group`, its header row repeated on every
/// page; the cell styles it uses go into `used`.
fn one_table(
    out: &mut String,
    part: &Part<'_>,
    columns: &[Column],
    rows: &[Vec<String>],
    kind: Kind,
    used: &mut BTreeSet<String>,
) {
    let Part { name, group, size } = *part;
    let compact = size == TableSize::Compact;
    let suffix = if compact { "c" } else { "" };
    let _ = write!(out, r#"<table:table table:name="{name}" table:style-name="{name}">"#);
    for i in 0..group.len() {
        let _ = write!(out, r#"<table:table-column table:style-name="{name}.{i}"/>"#);
    }
    out.push_str("<table:table-header-rows><table:table-row>");
    for c in group.iter().map(|&i| &columns[i]) {
        let para = match (c.numeric, compact) {
            (false, false) => "Table_20_Heading",
            (false, true) => "Table_20_Heading_20_Compact",
            (true, false) => "HeadRight",
            (true, true) => "HeadRightCompact",
        };
        let style = format!("CellHead{suffix}");
        cell(out, &style, para, &c.title, false);
        used.insert(style);
    }
    out.push_str("</table:table-row></table:table-header-rows>");
    for (r, row) in rows.iter().enumerate() {
        let is_total = kind.total_row && r + 1 == rows.len();
        out.push_str("<table:table-row>");
        for (i, &col) in group.iter().enumerate() {
            let c = &columns[col];
            let text = row.get(col).map_or("", String::as_str);
            let mark = kind.roadmap && i > 0 && !text.is_empty();
            let label = kind.profile && i == 0;
            let style = if mark {
                "CellMark"
            } else if is_total {
                "CellTotal"
            } else if label {
                "CellLabel"
            } else {
                "Cell"
            };
            let para = match (c.numeric, compact) {
                (false, false) => "Table_20_Contents",
                (false, true) => "Table_20_Contents_20_Compact",
                (true, false) => "Right",
                (true, true) => "RightCompact",
            };
            // a marked year of the roadmap names its year, for those who cannot see the fill
            let text = if mark { c.title.as_str() } else { text };
            let style = format!("{style}{suffix}");
            cell(out, &style, para, text, is_total || label);
            used.insert(style);
        }
        out.push_str("</table:table-row>");
    }
    out.push_str("</table:table>");
}

fn cell(out: &mut String, style: &str, para: &str, text: &str, bold: bool) {
    let _ = write!(
        out,
        r#"<table:table-cell table:style-name="{style}" office:value-type="string"><text:p text:style-name="{para}">"#
    );
    if bold {
        push_bold(out, text);
    } else {
        push(out, text);
    }
    out.push_str("</text:p></table:table-cell>");
}
