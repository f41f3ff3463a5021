//! Reading typed answers as people write them (`1.250.000 €`, `12,5`,
//! `24.11.2026`, lists with commas) and showing values so they read back.

use std::collections::BTreeMap;

use crate::german;
use crate::i18n::Entry;
use crate::i18n::interview::words;
use crate::model::{Date, Lang};

/// Why `answer` was not read: de `„viel“ ist keine ganze Zahl (z. B. 250.000)`,
/// en `` `many` is not a whole number (e.g. 250000) ``.
pub fn not_a(lang: Lang, answer: &str, what: &Entry, example: &Entry) -> String {
    words().not_a.fill(lang, &[("what", what.get(lang)), ("example", example.get(lang)), ("answer", answer)])
}

/// Parses a whole amount as people write it (`1.250.000`, `450.000,00 €`,
/// `1,5 Mio. €`, `450 T€`; see [`german::amount`]).
pub fn parse_count(s: &str, lang: Lang) -> std::result::Result<u64, String> {
    german::amount(s).ok_or_else(|| not_a(lang, s, &words().not_a_count, &words().count_example))
}

/// Parses a year such as 2027.
pub fn parse_year(s: &str, lang: Lang) -> std::result::Result<u16, String> {
    german::year(s).ok_or_else(|| not_a(lang, s, &words().not_a_year, &words().year_example))
}

/// Parses a number the German or the English way: `1.200` is 1200, `1,2` is
/// 1.2 (see [`german::number`]).
pub fn parse_number(s: &str, lang: Lang) -> std::result::Result<f64, String> {
    // `1,200` is 1.2 written the German way and 1200 the English way: asked back, never guessed
    let t = s.trim().trim_start_matches(['-', '+']);
    if let Some((whole, fraction)) = t.split_once(',') {
        let digits = |d: &str| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit());
        // `0,125` can only be a decimal
        if (1..=3).contains(&whole.len()) && whole != "0" && digits(whole) && fraction.len() == 3 && digits(fraction) {
            let short = fraction.trim_end_matches('0');
            let (point, group) = if lang == Lang::De { (",", ".") } else { (".", "") };
            // a suggestion that is not itself ambiguous: `1,2` for 1,200; `1,2340` for 1,234
            let decimal = match short.len() {
                0 => whole.to_string(),
                3 => format!("{whole}{point}{fraction}0"),
                _ => format!("{whole}{point}{short}"),
            };
            let grouped = format!("{whole}{group}{fraction}");
            let fill = [("answer", s.trim()), ("decimal", decimal.as_str()), ("grouped", grouped.as_str())];
            return Err(words().ambiguous_number.fill(lang, &fill));
        }
    }
    german::number(s).ok_or_else(|| not_a(lang, s, &words().not_a_number, &words().number_example))
}

/// Parses a date as `2026-11-24` or `24.11.2026`.
pub fn parse_date(s: &str, lang: Lang) -> std::result::Result<Date, String> {
    german::date(s).ok_or_else(|| not_a(lang, s, &words().not_a_date, &words().date_example))
}

/// Parses amounts by year as people type them: `2027: 120.000; 2028: 80.000`
/// (`2027 = 120.000` too; pairs apart by `;`, a line break or `, `).
pub fn parse_by_year(s: &str, lang: Lang) -> std::result::Result<BTreeMap<String, u64>, String> {
    let wrong = || not_a(lang, s.trim(), &words().not_amounts_by_year, &words().amounts_by_year_example);
    let mut out = BTreeMap::new();
    for (key, value) in pairs(s).ok_or_else(wrong)? {
        let (Some(year), Some(amount)) = (german::year(&key), german::amount(&value)) else { return Err(wrong()) };
        if out.insert(year.to_string(), amount).is_some() {
            return Err(words().year_given_twice.fill(lang, &[("year", &year.to_string())]));
        }
    }
    Ok(out)
}

/// Shows amounts by year the way [`parse_by_year`] reads them back.
pub fn show_by_year(by_year: &BTreeMap<String, u64>, lang: Lang) -> String {
    // German thousands points read back as such; English commas would read as decimals
    let amount = |euros: u64| if lang == Lang::De { crate::i18n::integer(lang, euros) } else { euros.to_string() };
    let shown: Vec<String> = by_year.iter().map(|(year, euros)| format!("{year}: {}", amount(*euros))).collect();
    shown.join("; ")
}

/// Parses members' shares in percent: `Kalletal: 45; Lemgo: 55` (`45 %`
/// too); `example` is shown when the answer cannot be read.
pub fn parse_shares(s: &str, lang: Lang, example: &str) -> std::result::Result<BTreeMap<String, f64>, String> {
    let mut out = BTreeMap::new();
    let wrong = || {
        let fill = [("what", words().not_shares.get(lang)), ("example", example), ("answer", s.trim())];
        words().not_a.fill(lang, &fill)
    };
    for (name, value) in pairs(&s.replace('%', "")).ok_or_else(wrong)? {
        out.insert(name, parse_number(&value, lang)?);
    }
    Ok(out)
}

/// Shows members' shares the way [`parse_shares`] reads them back.
pub fn show_shares(shares: &BTreeMap<String, f64>, lang: Lang) -> String {
    let shown: Vec<String> =
        shares.iter().map(|(name, share)| format!("{name}: {}", crate::i18n::number(lang, *share))).collect();
    shown.join("; ")
}

/// An amount in euros or a share in percent, as one answer reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AmountOrShare {
    /// Whole euros (`120.000`).
    Amount(u64),
    /// Percent (`65 %`).
    Share(f64),
}

/// Parses `120.000` (€) or `65 %`.
pub fn parse_amount_or_share(s: &str, lang: Lang) -> std::result::Result<AmountOrShare, String> {
    match s.trim().strip_suffix('%') {
        Some(share) => parse_number(share.trim(), lang).map(AmountOrShare::Share),
        None => german::amount(s)
            .map(AmountOrShare::Amount)
            .ok_or_else(|| not_a(lang, s.trim(), &words().not_an_amount_or_share, &words().amount_or_share_example)),
    }
}

/// `key: value` pairs typed on one line, apart by `;`, a line break or (with
/// no `;`) `, `; a key and its value apart by `:`, `=` or the last space.
/// `None` when a pair has no value.
fn pairs(s: &str) -> Option<Vec<(String, String)>> {
    let s = s.replace('\n', ";");
    let parts: Vec<&str> = if s.contains(';') { s.split(';').collect() } else { s.split(", ").collect() };
    let mut out = Vec::new();
    for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once([':', '=']).or_else(|| part.rsplit_once(' '))?;
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() || value.is_empty() {
            return None;
        }
        out.push((key.to_string(), value.to_string()));
    }
    Some(out)
}

/// Splits a list typed on one line: at `;` if there is one, else at `,`.
pub fn parse_list(s: &str) -> Vec<String> {
    let sep = if s.contains(';') { ';' } else { ',' };
    s.split(sep).map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect()
}

/// Shows a list the way [`parse_list`] reads it back.
pub fn show_list(items: &[String]) -> String {
    if items.iter().any(|i| i.contains(',')) { items.join("; ") } else { items.join(", ") }
}

/// An id for an own field of action from its title: `Kultur & Freizeit` → `kultur_freizeit`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.to_lowercase().chars() {
        let piece = match c {
            'ä' => "ae".to_string(),
            'ö' => "oe".to_string(),
            'ü' => "ue".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "_".to_string(),
        };
        out.push_str(&piece);
    }
    let parts: Vec<&str> = out.split('_').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() { "field".to_string() } else { parts.join("_") }
}

/// Text from the editor as paragraphs: single line breaks inside a
/// paragraph join with a space (an editor wraps lines; the document should
/// not break there), blank lines separate paragraphs. Lines of a list
/// (`- `, `* `, `1. `) keep their own line.
pub fn join_lines(text: &str) -> String {
    // list items, headings, table rows and quotes keep their own line
    let item = |line: &str| {
        let l = line.trim_start();
        l.starts_with("- ")
            || l.starts_with("* ")
            || l.starts_with(['#', '|', '>'])
            || l.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())
    };
    let text = text.replace("\r\n", "\n");
    // a line that is blank once trimmed separates paragraphs
    let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        match (line.trim().is_empty(), blocks.last_mut()) {
            (true, _) => blocks.push(Vec::new()),
            (false, Some(block)) => block.push(line.trim_end()),
            (false, None) => {}
        }
    }
    let mut paragraphs: Vec<String> = Vec::new();
    for block in blocks {
        let mut out = String::new();
        let mut previous = "";
        for line in block {
            if !out.is_empty() {
                // a heading or a table row is never continued by the next line
                let own_line = item(line) || previous.trim_start().starts_with(['#', '|']);
                out.push(if own_line { '\n' } else { ' ' });
            }
            previous = line;
            out.push_str(if item(line) { line } else { line.trim_start() });
        }
        if !out.is_empty() {
            paragraphs.push(out);
        }
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::join_lines;

    #[test]
    fn a_comma_before_three_digits_is_asked_back() {
        use crate::model::Lang;
        let asked = super::parse_number("1,200", Lang::De).expect_err("ambiguous");
        assert_eq!(asked, "„1,200“ ist mehrdeutig: als Dezimalzahl bitte „1,2“ schreiben, als ganze Zahl „1.200“");
        assert_eq!(super::parse_number("1,2", Lang::De), Ok(1.2));
        assert_eq!(super::parse_number("0,125", Lang::De), Ok(0.125));
        let asked = super::parse_number("1,234", Lang::En).expect_err("ambiguous");
        assert_eq!(
            asked,
            "\"1,234\" is ambiguous: write \"1.2340\" for the decimal number, \"1234\" for the whole number"
        );
        assert_eq!(super::parse_number("1.2340", Lang::En), Ok(1.234), "the suggestion reads as it says");
        assert_eq!(super::parse_number("1,2340", Lang::De), Ok(1.234));
        assert_eq!(super::parse_number("1.200", Lang::De), Ok(1200.0));
        assert_eq!(
            super::parse_number("12,250", Lang::En).expect_err("ambiguous"),
            "\"12,250\" is ambiguous: write \"12.25\" for the decimal number, \"12250\" for the whole number"
        );
    }

    #[test]
    fn editor_lines_join_and_blank_lines_make_paragraphs() {
        assert_eq!(join_lines("Erste Zeile\nzweite Zeile\n"), "Erste Zeile zweite Zeile");
        assert_eq!(join_lines("Absatz eins\nweiter\n\n\nAbsatz zwei\n"), "Absatz eins weiter\n\nAbsatz zwei");
        assert_eq!(
            join_lines("Bedarfe:\n- Mobilität\n- Bildung\n1. erstens"),
            "Bedarfe:\n- Mobilität\n- Bildung\n1. erstens"
        );
        assert_eq!(join_lines("a\r\nb"), "a b");
        assert_eq!(join_lines("a\n  \nb"), "a\n\nb", "a line of spaces separates paragraphs");
        assert_eq!(join_lines("# Titel\nText\n> Zitat"), "# Titel\nText\n> Zitat");
    }
}
