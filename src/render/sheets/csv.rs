//! CSV of the measures sheet, made for a double-click in Excel or
//! LibreOffice: UTF-8 with a byte order mark (else Excel reads the Windows
//! code page), CRLF line ends, `"` around a field holding the separator,
//! `"` or a line break (doubled inside). A German document uses the German
//! list separator `;` and decimal commas, an English one `,` and points.
//! Text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@` at
//! its start) gets a leading `'`, so it stays text.

use anyhow::{Context as _, Result};

use super::{Value, decimal_comma, sheets};
use crate::render::{Input, Renderer, Settings};
use crate::templates::TemplateSet;

/// Renders the measures, with their money by year and kind, as CSV.
pub struct Csv;

impl Renderer for Csv {
    fn new(_: &TemplateSet, _: &Settings) -> Result<Self> {
        Ok(Csv)
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        let strategy = input.strategy.context("a spreadsheet shows one strategy; the change log has none")?;
        let german = decimal_comma(strategy.document.language);
        let separator = if german { ';' } else { ',' };
        let sheet = sheets(strategy, &input.document.labels).into_iter().next().context("the measures sheet")?;
        let mut out = String::from("\u{feff}");
        line(&mut out, sheet.columns.iter().map(|c| field(&c.title, separator)), separator);
        for row in &sheet.rows {
            line(&mut out, row.iter().map(|v| value(v, german, separator)), separator);
        }
        Ok(out.into_bytes())
    }
}

fn line(out: &mut String, fields: impl Iterator<Item = String>, separator: char) {
    out.push_str(&fields.collect::<Vec<_>>().join(&separator.to_string()));
    out.push_str("\r\n");
}

/// A text field: kept text if a spreadsheet would read a formula, quoted where it must be.
fn field(text: &str, separator: char) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if text.contains([separator, '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

/// A value: numbers without thousands separators, with a decimal comma in German.
fn value(v: &Value, comma: bool, separator: char) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Text(t) => field(t, separator),
        Value::Number(x) => {
            let s = format!("{x}");
            if comma { s.replace('.', ",") } else { s }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_where_needed_and_numbers_follow_the_language() {
        assert_eq!(field("Bürgerportal", ';'), "Bürgerportal");
        assert_eq!(field("a; b", ';'), "\"a; b\"");
        assert_eq!(field("a; b", ','), "a; b");
        assert_eq!(field("a, b", ','), "\"a, b\"");
        assert_eq!(field("er sagt \"ja\"", ';'), "\"er sagt \"\"ja\"\"\"");
        assert_eq!(field("zwei\nZeilen", ';'), "\"zwei\nZeilen\"");
        assert_eq!(value(&Value::Number(1.5), true, ';'), "1,5");
        assert_eq!(value(&Value::Number(1.5), false, ','), "1.5");
        assert_eq!(value(&Value::Number(1450000.0), true, ';'), "1450000");
    }

    #[test]
    fn text_a_spreadsheet_would_calculate_stays_text() {
        assert_eq!(field("=SUMME(A1:A9)", ';'), "'=SUMME(A1:A9)");
        assert_eq!(field("+49 731 161-0", ';'), "'+49 731 161-0");
        assert_eq!(field("- 20 Sensoren\n- Gateway", ';'), "\"'- 20 Sensoren\n- Gateway\"");
        assert_eq!(field("@Stadt", ';'), "'@Stadt");
        assert_eq!(field("Mobilität - vernetzt", ';'), "Mobilität - vernetzt");
    }
}
