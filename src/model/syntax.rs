//! Help for TOML syntax errors. The parser says what it expected
//! ("invalid float, expected nothing"); this module reads the line the error
//! is on and says what the author most likely meant: a German date
//! (`22.11.2026`), thousands separators (`1.250.000`), a decimal comma
//! (`12,5`), a unit after a number (`50000 €`), German yes/no, or text
//! without quotes. It also names the key path of that line, so the JSON
//! report of a syntax error has a `path` like the other errors.

use crate::model::Lang;
use std::collections::HashMap;

use crate::german;

/// What a syntax error on one line most likely means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The key path of the line, e.g. `document.date` or `goals[1].title`;
    /// empty when the line is no `key = value`.
    pub path: String,
    /// The fix, when the line shows what was meant.
    pub fix: Option<Fix>,
}

/// A likely fix for a line, with the key and the corrected value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// `22.11.2026` → `2026-11-22`.
    Date {
        /// The key of the line.
        key: String,
        /// The date as TOML writes it.
        date: String,
    },
    /// `1.250.000` → `1250000`, with the unit that was dropped, if any.
    Thousands {
        /// The key of the line.
        key: String,
        /// The number without separators.
        plain: String,
        /// The unit written after the number.
        unit: Option<String>,
    },
    /// `12,5` → `12.5`.
    DecimalComma {
        /// The key of the line.
        key: String,
        /// The number with a decimal point.
        point: String,
    },
    /// `50000 €` → `50000`.
    Unit {
        /// The key of the line.
        key: String,
        /// The number alone.
        number: String,
        /// The unit written after it.
        unit: String,
    },
    /// `ja` → `true`.
    Bool {
        /// The key of the line.
        key: String,
        /// What the German word means.
        value: bool,
    },
    /// `Teststadt` → `"Teststadt"` (already escaped for TOML).
    Quotes {
        /// The key of the line.
        key: String,
        /// The text, escaped for a TOML string.
        quoted: String,
    },
}

impl Fix {
    /// The help in `lang`, with the corrected line (the words are entries
    /// of `src/i18n/diagnostics.toml`).
    pub fn help(&self, lang: Lang) -> String {
        let w = crate::i18n::diagnostics::words();
        let fill = |entry: &crate::i18n::Entry, pairs: &[(&str, &str)]| entry.fill(lang, pairs);
        match self {
            Fix::Date { key, date } => fill(&w.syntax_date, &[("key", key), ("date", date)]),
            Fix::Thousands { key, plain, unit: None } => fill(&w.syntax_thousands, &[("key", key), ("plain", plain)]),
            Fix::Thousands { key, plain, unit: Some(unit) } => {
                fill(&w.syntax_thousands_unit, &[("key", key), ("plain", plain), ("unit", unit)])
            }
            Fix::DecimalComma { key, point } => fill(&w.syntax_decimal_comma, &[("key", key), ("point", point)]),
            Fix::Unit { key, number, unit } => {
                fill(&w.syntax_unit, &[("key", key), ("number", number), ("unit", unit)])
            }
            Fix::Bool { key, value } => fill(&w.syntax_bool, &[("key", key), ("value", &value.to_string())]),
            Fix::Quotes { key, quoted } => fill(&w.syntax_quotes, &[("key", key), ("quoted", quoted)]),
        }
    }
}

/// Explains a syntax error at byte `offset` of `source`.
pub fn explain(source: &str, offset: usize) -> Hint {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = source[start..].split('\n').next().unwrap_or_default().trim_end_matches('\r');
    let table = table_path(&source[..start]);
    let Some((key, value)) = key_value(line) else {
        return Hint { path: String::new(), fix: None };
    };
    let path = if table.is_empty() { key.to_string() } else { format!("{table}.{key}") };
    Hint { path, fix: fix(key, value) }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The path of the table the text before a line ends in: `[document]` gives
/// `document`, the second `[[goals]]` gives `goals[1]`, and an
/// `[[goals.indicators]]` under it `goals[1].indicators[0]`.
fn table_path(before: &str) -> String {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut header = String::new();
    for line in before.lines() {
        let line = line.trim();
        let (name, array) = if let Some(rest) = line.strip_prefix("[[") {
            (rest.split("]]").next().unwrap_or_default(), true)
        } else if let Some(rest) = line.strip_prefix('[') {
            (rest.split(']').next().unwrap_or_default(), false)
        } else {
            continue;
        };
        let name: String = name.split('.').map(str::trim).collect::<Vec<_>>().join(".");
        if array {
            *counts.entry(name.clone()).or_default() += 1;
            let nested = format!("{name}.");
            counts.retain(|k, _| !k.starts_with(&nested));
        }
        header = name;
    }
    let mut path = String::new();
    let mut prefix = String::new();
    for part in header.split('.').filter(|p| !p.is_empty()) {
        prefix = if prefix.is_empty() { part.to_string() } else { format!("{prefix}.{part}") };
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(part);
        if let Some(n) = counts.get(&prefix) {
            path.push_str(&format!("[{}]", n - 1));
        }
    }
    path
}

/// `key = value` of a line, without a trailing comment; `None` for other lines.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    if key.is_empty() || !key.chars().all(plain) {
        return None;
    }
    let value = value.split(" #").next().unwrap_or_default().trim();
    Some((key, value))
}

/// The fix for an unquoted value TOML cannot read.
fn fix(key: &str, value: &str) -> Option<Fix> {
    if value.is_empty() || value.starts_with(['"', '\'', '[', '{']) {
        return None;
    }
    let key = key.to_string();
    if let Some(date) = value.contains('.').then(|| german::date(value)).flatten() {
        return Some(Fix::Date { key, date: date.to_string() });
    }
    let (number, unit) = german::split_unit(value);
    if let Some(plain) = german::thousands(number) {
        let unit = (!unit.is_empty()).then(|| unit.to_string());
        return Some(Fix::Thousands { key, plain, unit });
    }
    if let Some(point) = german::decimal_comma(number) {
        return Some(Fix::DecimalComma { key, point });
    }
    if !unit.is_empty() && is_number(number) {
        return Some(Fix::Unit { key, number: number.to_string(), unit: unit.to_string() });
    }
    match value.to_lowercase().as_str() {
        "ja" | "wahr" | "yes" | "y" | "j" => return Some(Fix::Bool { key, value: true }),
        "nein" | "falsch" | "no" | "n" => return Some(Fix::Bool { key, value: false }),
        _ => {}
    }
    if value.starts_with(|c: char| c.is_alphabetic()) {
        let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
        return Some(Fix::Quotes { key, quoted });
    }
    None
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.trim_start_matches(['-', '+']).chars().all(|c| c.is_ascii_digit() || c == '.' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English help for an error at `needle`, empty without a fix.
    fn help_for(source: &str, needle: &str) -> Help {
        let hint = explain(source, source.find(needle).expect("needle"));
        Help { path: hint.path, help: hint.fix.map(|f| f.help(Lang::En)).unwrap_or_default() }
    }

    struct Help {
        path: String,
        help: String,
    }

    #[test]
    fn a_german_date_gets_the_toml_date() {
        let src = "[municipality]\nname = \"X\"\n[document]\ndate = 22.11.2026\n";
        let hint = help_for(src, "22.11");
        assert_eq!(hint.path, "document.date");
        assert_eq!(hint.help, "TOML writes a date as year-month-day, without quotes: date = 2026-11-22");
        assert_eq!(
            help_for("d = 1.2.2026", "1.2").help,
            "TOML writes a date as year-month-day, without quotes: d = 2026-02-01"
        );
        assert_eq!(help_for("d = 31.02.2026", "31").help, "", "no such day");
    }

    #[test]
    fn numbers_written_the_german_way_are_rewritten() {
        assert_eq!(
            help_for("[[measures]]\nbudget_eur = 1.250.000\n", "1.250").help,
            "write the number without thousands separators: budget_eur = 1250000"
        );
        assert_eq!(
            help_for("budget_eur = 1.250.000 €\n", "1.250").help,
            "write the number without thousands separators (without \"€\"): budget_eur = 1250000"
        );
        assert_eq!(help_for("baseline = 12,5\n", "12").help, "write the decimal point as in English: baseline = 12.5");
        assert_eq!(
            help_for("budget_eur = 50000 EUR\n", "5").help,
            "write the number without its unit \"EUR\": budget_eur = 50000"
        );
    }

    #[test]
    fn text_without_quotes_gets_quotes() {
        let hint = help_for("[municipality]\nname = Teststadt an der \"Au\"\n", "Test");
        assert_eq!(hint.path, "municipality.name");
        assert_eq!(hint.help, "text needs quotes: name = \"Teststadt an der \\\"Au\\\"\"");
        assert_eq!(help_for("quick_win = ja\n", "ja").help, "write true or false: quick_win = true");
        let fix = explain("quick_win = ja\n", 12).fix.expect("a fix");
        assert_eq!(fix.help(Lang::De), "schreiben Sie true (ja) oder false (nein): quick_win = true");
    }

    #[test]
    fn array_tables_are_counted_like_check_counts_them() {
        let src = "[[goals]]\nid = \"Z1\"\n[[goals.indicators]]\nname = \"a\"\n[[goals]]\nid = \"Z2\"\n[[goals.indicators]]\nbaseline = 12,5\n";
        assert_eq!(help_for(src, "12,5").path, "goals[1].indicators[0].baseline");
        assert_eq!(help_for("[document\n", "[").path, "");
        assert_eq!(help_for("[document\n", "[").help, "");
    }

    #[test]
    fn any_offset_is_safe() {
        let src = "name = Äpfelstadt\nü";
        for i in 0..=src.len() + 3 {
            let _ = explain(src, i);
        }
    }
}
