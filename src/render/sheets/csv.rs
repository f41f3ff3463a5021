//! CSV of the measures sheet, made for a double-click in a German Excel or
//! LibreOffice: UTF-8 with a byte order mark (else Excel reads the
//! Windows code page), `;` between fields (the German list separator),
//! decimal commas in German documents, CRLF line ends, and `"` around a
//! field holding `;`, `"` or a line break (doubled inside).

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
        let comma = decimal_comma(strategy.document.language);
        let sheet = sheets(strategy, &input.document.labels).into_iter().next().context("the measures sheet")?;
        let mut out = String::from("\u{feff}");
        line(&mut out, sheet.columns.iter().map(|c| field(&c.title)));
        for row in &sheet.rows {
            line(&mut out, row.iter().map(|v| value(v, comma)));
        }
        Ok(out.into_bytes())
    }
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    out.push_str(&fields.collect::<Vec<_>>().join(";"));
    out.push_str("\r\n");
}

/// A text field, quoted where it must be.
fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// A value: numbers without thousands separators, with a decimal comma in German.
fn value(v: &Value, comma: bool) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Text(t) => field(t),
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
        assert_eq!(field("Bürgerportal"), "Bürgerportal");
        assert_eq!(field("a; b"), "\"a; b\"");
        assert_eq!(field("er sagt \"ja\""), "\"er sagt \"\"ja\"\"\"");
        assert_eq!(field("zwei\nZeilen"), "\"zwei\nZeilen\"");
        assert_eq!(value(&Value::Number(1.5), true), "1,5");
        assert_eq!(value(&Value::Number(1.5), false), "1.5");
        assert_eq!(value(&Value::Number(1450000.0), true), "1450000");
    }
}
