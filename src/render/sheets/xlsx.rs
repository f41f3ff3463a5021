//! XLSX through rust_xlsxwriter: one worksheet per [`Sheet`], the header
//! row frozen, euros as numbers shown `1.450.000 €` in a German Excel,
//! sums as formulas that carry their result (so viewers that do not
//! calculate show it too), and fixed document dates so the same input
//! gives the same bytes.

use anyhow::{Context as _, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet};

use super::{Kind, Sheet, Value, sheets};
use crate::render::{Input, Renderer, Settings};
use crate::templates::TemplateSet;

/// Renders the spreadsheets as an XLSX workbook.
pub struct Xlsx;

impl Renderer for Xlsx {
    fn new(_: &TemplateSet, _: &Settings) -> Result<Self> {
        Ok(Xlsx)
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        let strategy = input.strategy.context("a spreadsheet shows one strategy; the change log has none")?;
        let doc = input.document;
        let mut book = Workbook::new();
        // the document's date, or a fixed one: never the time of the build
        let date = strategy.document.date.map_or((2000, 1, 1), |d| (d.year, d.month, d.day));
        let created = ExcelDateTime::from_ymd(date.0, date.1, date.2).context("the document's date")?;
        let properties = DocProperties::new()
            .set_title(&doc.meta.title)
            .set_author(doc.meta.authors.join("; "))
            .set_creation_datetime(&created);
        book.set_properties(&properties);
        for sheet in sheets(strategy, &doc.labels) {
            let ws = book.add_worksheet();
            write_sheet(ws, &sheet).with_context(|| format!("cannot write the sheet {}", sheet.name))?;
        }
        book.save_to_buffer().context("cannot write the XLSX")
    }
}

/// The column letters of column `c` (0 = A).
pub(super) fn letters(c: usize) -> String {
    let mut c = c + 1;
    let mut out = Vec::new();
    while c > 0 {
        let r = (c - 1) % 26;
        out.push(b'A' + r as u8);
        c = (c - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The cell format of a kind.
fn look(kind: Kind) -> Format {
    match kind {
        Kind::Text => Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top),
        Kind::Int => Format::new().set_num_format("0").set_align(rust_xlsxwriter::FormatAlign::Top),
        Kind::Euro => Format::new().set_num_format("#,##0 \"€\"").set_align(rust_xlsxwriter::FormatAlign::Top),
        Kind::Decimal => Format::new().set_num_format("General").set_align(rust_xlsxwriter::FormatAlign::Top),
    }
}

/// A formula with its result, so that a reader which does not calculate shows the sum.
fn sum(range: &str, result: f64) -> Formula {
    Formula::new(format!("=SUM({range})")).set_result(format!("{result}"))
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<()> {
    ws.set_name(&sheet.name)?;
    let header = Format::new().set_bold().set_text_wrap().set_background_color("#DEEAF6");
    let bold = Format::new().set_bold();
    let looks: Vec<Format> = sheet.columns.iter().map(|c| look(c.kind)).collect();
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, &column.title, &header)?;
        ws.set_column_width(c, f64::from(column.width))?;
    }
    // on paper: landscape A4, one page wide, the header row on every page
    ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0).set_repeat_rows(0, 0)?;
    let n = sheet.rows.len();
    let sums_from = sheet.sum_column.as_ref().map(|(_, from)| *from);
    let total_col = sheet.columns.len();
    if let Some((title, _)) = &sheet.sum_column {
        ws.write_string_with_format(0, total_col as u16, title, &header)?;
        ws.set_column_width(total_col as u16, 15.0)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let xr = r as u32 + 1;
        // a row as high as its longest wrapped text needs, about (readers do not measure it)
        let lines = row
            .iter()
            .zip(&sheet.columns)
            .filter_map(|(v, c)| match v {
                Value::Text(t) => Some(t.chars().count().div_ceil(usize::from(c.width.max(1)))),
                _ => None,
            })
            .max()
            .unwrap_or(1)
            .clamp(1, 30);
        if lines > 1 {
            ws.set_row_height(xr, 15.0 * lines as f64)?;
        }
        for (c, value) in row.iter().enumerate() {
            let format = &looks[c];
            match value {
                Value::Empty => {}
                Value::Text(t) => {
                    ws.write_string_with_format(xr, c as u16, t, format)?;
                }
                Value::Number(x) => {
                    ws.write_number_with_format(xr, c as u16, *x, format)?;
                }
            }
        }
        if let (Some(from), Some(total)) = (sums_from, sheet.row_total(row)) {
            let range = format!("{}{}:{}{}", letters(from), xr + 1, letters(total_col - 1), xr + 1);
            ws.write_formula_with_format(xr, total_col as u16, sum(&range, total), &look(Kind::Euro))?;
        }
    }
    if let Some(label) = &sheet.sum_row {
        let xr = n as u32 + 1;
        ws.write_string_with_format(xr, 0, label, &bold)?;
        for (c, total) in sheet.column_totals() {
            let format = look(Kind::Euro).set_bold();
            if n == 0 {
                // no rows to sum: a formula would sum itself
                ws.write_number_with_format(xr, c as u16, 0.0, &format)?;
                continue;
            }
            let range = format!("{0}2:{0}{1}", letters(c), n + 1);
            ws.write_formula_with_format(xr, c as u16, sum(&range, total), &format)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_named_by_letters_as_excel_does() {
        let names: Vec<String> = [0, 25, 26, 27, 51, 52, 701, 702].iter().map(|c| super::letters(*c)).collect();
        assert_eq!(names, ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }
}
