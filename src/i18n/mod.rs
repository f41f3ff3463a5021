//! Every word a person reads, in German and English, and the number, money
//! and date formats of both languages.
//!
//! Words live in catalogues: one TOML table per word holding both languages
//! (`[title]` with `de = "Titel"` and `en = "Title"`). The document labels are
//! `templates/labels.toml` (exportable and overridable like the templates,
//! see [`labels`]); every key is a field of a struct, so a word the code uses
//! cannot be missing from a file that loads.

// the key lists of the catalogues, read from their files by build.rs
include!(concat!(env!("OUT_DIR"), "/catalogue_keys.rs"));

pub mod diagnostics;
pub mod entry;
pub mod interview;
pub mod labels;
pub mod synonyms;
pub mod words;

pub use entry::Entry;
pub use labels::{LabelSet, Labels};

use crate::model::{Date, Lang};

/// Fills `{key}` words in a text, in one pass: a value that itself holds
/// `{…}` stays as it is, and braces that name no given key are kept.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let name = &after[..close];
            pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (close, *v))
        });
        match found {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` made fit to stand inside the document language's quotation marks:
/// its own quotation marks become the inner ones (de „…“ → ‚…‘, en “…” → ‘…’,
/// straight "…" pairs likewise).
pub fn inner_quotes(lang: Lang, text: &str) -> String {
    let (open, close) = match lang {
        Lang::De => ('‚', '‘'),
        Lang::En => ('‘', '’'),
    };
    let mut straight_open = true;
    text.chars()
        .map(|c| match (lang, c) {
            (_, '„') => '‚',
            (Lang::De, '“') => '‘',
            (Lang::En, '“') => '‘',
            (_, '”') => '’',
            (_, '"') => {
                let q = if straight_open { open } else { close };
                straight_open = !straight_open;
                q
            }
            (_, c) => c,
        })
        .collect()
}

/// Groups the digits of `n` with `sep` every three places.
fn group_digits(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Whole euros: de `1.200.000 €`, en `€1,200,000`.
pub fn money(lang: Lang, euros: u64) -> String {
    match lang {
        Lang::De => format!("{} €", group_digits(euros, '.')),
        Lang::En => format!("€{}", group_digits(euros, ',')),
    }
}

/// A whole number: de `126.000`, en `126,000`.
pub fn integer(lang: Lang, n: u64) -> String {
    group_digits(n, if lang == Lang::De { '.' } else { ',' })
}

/// Significant digits kept of a measured value.
const SIGNIFICANT: usize = 6;

/// A measured value as the user typed it: the shortest decimal form of the
/// number (`0.125` stays `0,125`), trailing zeros dropped, at most six
/// significant digits after the leading zeros of a fraction and six decimal
/// places otherwise; de uses a decimal comma and a dot between thousands.
/// Very large or very small values are written with a power of ten
/// (`1 × 10³⁰`), never as a long run of digits.
pub fn number(lang: Lang, x: f64) -> String {
    if x.is_nan() {
        return "–".to_string();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-∞".to_string() } else { "∞".to_string() };
    }
    let decimal = if lang == Lang::De { ',' } else { '.' };
    let abs = x.abs();
    let body = if abs != 0.0 && !(1e-6..1e15).contains(&abs) {
        scientific(abs, decimal)
    } else {
        let shortest = format!("{abs}");
        let places = shortest.split_once('.').map_or(0, |(_, f)| f.len());
        let limit = if abs >= 1.0 || abs == 0.0 {
            SIGNIFICANT
        } else {
            // leading zeros after the point, then the significant digits
            (-abs.log10()).floor() as usize + SIGNIFICANT
        };
        let text = if places > limit { format!("{abs:.limit$}") } else { shortest };
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        let frac = frac.trim_end_matches('0');
        let mut out = integer(lang, whole.parse().unwrap_or(0));
        if !frac.is_empty() {
            out.push(decimal);
            out.push_str(frac);
        }
        out
    };
    if x < 0.0 && body.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("-{body}") } else { body }
}

/// A measured value with its unit, as the documents write it: de `48,5 %`,
/// `2.500 Beratungen pro Jahr`; en `48.5 %`. A blank unit is left out.
pub fn quantity(lang: Lang, x: f64, unit: Option<&str>) -> String {
    let n = number(lang, x);
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => format!("{n} {u}"),
        None => n,
    }
}

/// `1,5 × 10³⁰`: six significant digits at most.
fn scientific(abs: f64, decimal: char) -> String {
    let text = format!("{abs:.prec$e}", prec = SIGNIFICANT - 1);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.').replace('.', &decimal.to_string());
    let superscript: String = exponent
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        })
        .collect();
    format!("{mantissa} × 10{superscript}")
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date: de `30.09.2026`, en `30 September 2026`.
pub fn date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::De => format!("{:02}.{:02}.{}", d.day, d.month, d.year),
        Lang::En => {
            let month = MONTHS_EN.get(usize::from(d.month).saturating_sub(1)).copied().unwrap_or("?");
            format!("{} {month} {}", d.day, d.year)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_language() {
        assert_eq!(money(Lang::De, 1_200_000), "1.200.000 €");
        assert_eq!(money(Lang::En, 1_200_000), "€1,200,000");
        assert_eq!(money(Lang::En, 999), "€999");
        assert_eq!(number(Lang::De, 20.5), "20,5");
        assert_eq!(number(Lang::En, 1234.25), "1,234.25");
        assert_eq!(number(Lang::De, 80.0), "80");
        assert_eq!(number(Lang::De, -0.5), "-0,5");
        assert_eq!(quantity(Lang::De, 48.5, Some("%")), "48,5 %");
        assert_eq!(quantity(Lang::En, 2500.0, Some(" Beratungen pro Jahr ")), "2,500 Beratungen pro Jahr");
        assert_eq!(quantity(Lang::De, 12.0, Some(" ")), "12");
    }

    #[test]
    fn quotes_inside_quotes_are_the_inner_ones() {
        assert_eq!(inner_quotes(Lang::De, "Strategie „Digitales Dorf“ 2030"), "Strategie ‚Digitales Dorf‘ 2030");
        assert_eq!(inner_quotes(Lang::De, "Projekt \"Eifel\" digital"), "Projekt ‚Eifel‘ digital");
        assert_eq!(inner_quotes(Lang::En, "The “Smart Eifel” plan"), "The ‘Smart Eifel’ plan");
        assert_eq!(inner_quotes(Lang::En, "no quotes"), "no quotes");
    }

    #[test]
    fn numbers_keep_the_typed_precision() {
        assert_eq!(number(Lang::De, 0.125), "0,125");
        assert_eq!(number(Lang::En, 0.125), "0.125");
        assert_eq!(number(Lang::De, 12345.6789), "12.345,6789");
        assert_eq!(number(Lang::De, 0.000123456), "0,000123456");
        assert_eq!(number(Lang::De, 0.1234567891), "0,123457");
        assert_eq!(number(Lang::De, 2.5000001234), "2,5");
        assert_eq!(number(Lang::De, 0.0), "0");
        assert_eq!(number(Lang::De, -0.0), "0");
        assert_eq!(number(Lang::En, 999_999_999_999_999.0), "999,999,999,999,999");
        assert_eq!(number(Lang::En, 1e15), "1 × 10¹⁵");
        assert_eq!(number(Lang::De, 1e30), "1 × 10³⁰");
        assert_eq!(number(Lang::De, 1.5e30), "1,5 × 10³⁰");
        assert_eq!(number(Lang::En, -2.25e-9), "-2.25 × 10⁻⁹");
        assert_eq!(number(Lang::De, 123_456_789_012.5), "123.456.789.012,5");
        assert_eq!(number(Lang::De, f64::INFINITY), "∞");
        let d = Date { year: 2026, month: 9, day: 30 };
        assert_eq!(date(Lang::De, d), "30.09.2026");
        assert_eq!(date(Lang::En, d), "30 September 2026");
    }

    #[test]
    fn labels_for_different_things_read_differently() {
        let set = LabelSet::parse(include_str!("../../templates/labels.toml")).expect("labels.toml is valid");
        for lang in [Lang::De, Lang::En] {
            let l = set.get(lang);
            // facts on the title page and column headers that can stand in one document
            let labels = [&l.state, &l.status, &l.checklist_state, &l.kind, &l.municipality, &l.date, &l.period];
            for (i, a) in labels.iter().enumerate() {
                for b in &labels[i + 1..] {
                    assert_ne!(a, b, "{lang:?}: two labels read {a:?}");
                }
            }
        }
    }

    #[test]
    fn shipped_labels_load_in_both_languages() {
        let set = LabelSet::parse(include_str!("../../templates/labels.toml")).expect("labels.toml is valid");
        assert_eq!(set.get(Lang::De).placeholder, "Platzhalter");
        assert_eq!(set.get(Lang::En).placeholder, "Placeholder");
        assert_eq!(fill("{a} und {b}", &[("a", "x"), ("b", "y")]), "x und y");
        assert_eq!(fill("{a} { {b} }", &[("a", "{b}"), ("b", "y")]), "{b} { y }");
        assert_eq!(fill("{a} {c}", &[("a", "x")]), "x {c}");
    }

    #[test]
    fn the_embedded_catalogues_hold_every_entry_the_code_reads() {
        // each parses into a struct with one field per entry: an entry the code
        // reads that a file lacks, or one the code does not know, fails here
        assert_eq!(interview::words().add_a_goal.get(Lang::De), "Ein Ziel hinzufügen?");
        assert_eq!(diagnostics::words().top_level.get(Lang::En), "the top level");
        assert_eq!(words::words().language_de.get(Lang::De), "Deutsch");
    }

    #[test]
    fn every_catalogue_entry_has_both_languages_and_the_same_placeholders() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("templates/labels.toml")];
        for entry in std::fs::read_dir(root.join("src/i18n")).expect("src/i18n") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "toml") && !path.ends_with("synonyms.toml") {
                files.push(path);
            }
        }
        assert!(files.len() >= 2, "{files:?}");
        for path in files {
            let text = std::fs::read_to_string(&path).expect("readable");
            let problems = entry::problems(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
        }
    }
}
