//! ODS (OpenDocument spreadsheet), written natively like the ODT: the same
//! sheets as the XLSX, each a table with its header row repeated on every
//! printed page and frozen on screen, euros as currency cells, sums as
//! OpenFormula `SUM`s carrying their value, and the value as German or
//! English text beside it for readers that do not calculate. The package
//! has fixed entry order and dates, so the same input gives the same bytes.

use anyhow::{Context as _, Result};
use std::fmt::Write as _;

use super::{Kind, Sheet, Value, sheets};
use crate::i18n;
use crate::model::Lang;
use crate::render::docx::xml::esc;
use crate::render::{Input, Renderer, Settings};
use crate::templates::TemplateSet;

/// The media type of an ODF spreadsheet, the package's first entry.
pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3""#;

/// Number styles and the cell and column styles that use them.
const STYLES: &str = r##"<number:number-style style:name="NInt"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style><number:currency-style style:name="NEur"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol>€</number:currency-symbol></number:currency-style><style:style style:name="Head" style:family="table-cell"><style:table-cell-properties fo:background-color="#deeaf6" fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="Text" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style><style:style style:name="Int" style:family="table-cell" style:data-style-name="NInt"/><style:style style:name="Eur" style:family="table-cell" style:data-style-name="NEur"/><style:style style:name="EurSum" style:family="table-cell" style:data-style-name="NEur"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="Sum" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="Dec" style:family="table-cell"/><style:style style:name="ColText" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style><style:style style:name="ColNum" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>"##;

/// Renders the spreadsheets as an ODS package.
pub struct Ods;

impl Renderer for Ods {
    fn new(_: &TemplateSet, _: &Settings) -> Result<Self> {
        Ok(Ods)
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        let strategy = input.strategy.context("a spreadsheet shows one strategy; the change log has none")?;
        let sheets = sheets(strategy, &input.document.labels);
        let lang = strategy.document.language;
        let mut body = String::new();
        for sheet in &sheets {
            table(&mut body, sheet, lang);
        }
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}><office:automatic-styles>{STYLES}</office:automatic-styles><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
        );
        let files = [
            ("content.xml", content),
            ("meta.xml", crate::render::odt::styles::meta(&input.document.meta)),
            ("settings.xml", settings(&sheets)),
            ("META-INF/manifest.xml", MANIFEST.to_string()),
        ];
        let files: Vec<(&str, &[u8])> = files.iter().map(|(name, text)| (*name, text.as_bytes())).collect();
        crate::render::odt::package(MIMETYPE, "ODS", &files)
    }
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// settings.xml: each sheet's first row frozen.
fn settings(sheets: &[Sheet]) -> String {
    let item = |name: &str, kind: &str, value: &str| {
        format!(r#"<config:config-item config:name="{name}" config:type="{kind}">{value}</config:config-item>"#)
    };
    let tables: String = sheets
        .iter()
        .map(|s| {
            format!(
                r#"<config:config-item-map-entry config:name="{}">{}</config:config-item-map-entry>"#,
                esc(&s.name),
                [
                    item("HorizontalSplitMode", "short", "0"),
                    item("VerticalSplitMode", "short", "2"),
                    item("HorizontalSplitPosition", "int", "0"),
                    item("VerticalSplitPosition", "int", "1"),
                    item("ActiveSplitRange", "short", "2"),
                    item("PositionLeft", "int", "0"),
                    item("PositionRight", "int", "0"),
                    item("PositionTop", "int", "0"),
                    item("PositionBottom", "int", "1"),
                ]
                .concat()
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-settings {NAMESPACES}><office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>{}<config:config-item-map-named config:name="Tables">{tables}</config:config-item-map-named></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>"#,
        item("ViewId", "string", "view1")
    )
}

/// The column letters of column `c` (0 = A).
fn letters(c: usize) -> String {
    super::xlsx::letters(c)
}

/// A value's text as a reader that does not calculate shows it.
fn shown(x: f64, kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::Euro => i18n::money(lang, x.max(0.0) as u64),
        Kind::Int => format!("{x}"),
        _ => i18n::number(lang, x),
    }
}

/// A number cell of `kind` (euros as currency), with `formula` if it is a sum.
fn number_cell(out: &mut String, x: f64, kind: Kind, style: &str, formula: Option<&str>, lang: Lang) {
    let formula = formula.map(|f| format!(r#" table:formula="of:={f}""#)).unwrap_or_default();
    let value = if kind == Kind::Euro {
        format!(r#"office:value-type="currency" office:currency="EUR" office:value="{x}""#)
    } else {
        format!(r#"office:value-type="float" office:value="{x}""#)
    };
    let _ = write!(
        out,
        r#"<table:table-cell table:style-name="{style}"{formula} {value}><text:p>{}</text:p></table:table-cell>"#,
        esc(&shown(x, kind, lang))
    );
}

/// A text cell; each line of `text` is a paragraph, so line breaks and runs of spaces stay.
fn text_cell(out: &mut String, text: &str, style: &str) {
    let _ = write!(out, r#"<table:table-cell table:style-name="{style}" office:value-type="string">"#);
    for line in text.split('\n') {
        out.push_str("<text:p>");
        crate::render::odt::text::push(out, line);
        out.push_str("</text:p>");
    }
    out.push_str("</table:table-cell>");
}

/// One sheet as a table: columns, the header row, the rows, the sums.
fn table(out: &mut String, sheet: &Sheet, lang: Lang) {
    let _ = write!(out, r#"<table:table table:name="{}">"#, esc(&sheet.name));
    for c in &sheet.columns {
        let style = if c.kind == Kind::Text { "ColText" } else { "ColNum" };
        let _ = write!(out, r#"<table:table-column table:style-name="{style}"/>"#);
    }
    let sums_from = sheet.sum_column.as_ref().map(|(_, from)| *from);
    let total_col = sheet.columns.len();
    if sums_from.is_some() {
        out.push_str(r#"<table:table-column table:style-name="ColNum"/>"#);
    }
    out.push_str("<table:table-header-rows><table:table-row>");
    for c in &sheet.columns {
        text_cell(out, &c.title, "Head");
    }
    if let Some((title, _)) = &sheet.sum_column {
        text_cell(out, title, "Head");
    }
    out.push_str("</table:table-row></table:table-header-rows>");
    for (r, row) in sheet.rows.iter().enumerate() {
        out.push_str("<table:table-row>");
        for (value, column) in row.iter().zip(&sheet.columns) {
            match value {
                Value::Empty => out.push_str("<table:table-cell/>"),
                Value::Text(t) => text_cell(out, t, "Text"),
                Value::Number(x) => {
                    let style = match column.kind {
                        Kind::Euro => "Eur",
                        Kind::Int => "Int",
                        _ => "Dec",
                    };
                    number_cell(out, *x, column.kind, style, None, lang);
                }
            }
        }
        if let (Some(from), Some(total)) = (sums_from, sheet.row_total(row)) {
            let range = format!("SUM([.{}{}:.{}{}])", letters(from), r + 2, letters(total_col - 1), r + 2);
            number_cell(out, total, Kind::Euro, "Eur", Some(&range), lang);
        }
        out.push_str("</table:table-row>");
    }
    if let Some(label) = &sheet.sum_row {
        sum_row(out, sheet, label, lang);
    }
    out.push_str("</table:table>");
}

/// The last row: the label, and a `SUM` under each money column.
fn sum_row(out: &mut String, sheet: &Sheet, label: &str, lang: Lang) {
    let n = sheet.rows.len();
    out.push_str("<table:table-row>");
    text_cell(out, label, "Sum");
    // the label stands in the first column; an empty cell under each column it does not sum
    let mut next = 1;
    for (c, total) in sheet.column_totals().into_iter().filter(|(c, _)| *c > 0) {
        (next..c).for_each(|_| out.push_str("<table:table-cell/>"));
        next = c + 1;
        // no rows to sum: a formula would sum itself
        let range = (n > 0).then(|| format!("SUM([.{0}2:.{0}{1}])", letters(c), n + 1));
        number_cell(out, total, Kind::Euro, "EurSum", range.as_deref(), lang);
    }
    let width = sheet.columns.len() + usize::from(sheet.sum_column.is_some());
    (next..width).for_each(|_| out.push_str("<table:table-cell/>"));
    out.push_str("</table:table-row>");
}
