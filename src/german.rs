//! Numbers, amounts and dates as people in Germany write them, read the same
//! way wherever strategiekit reads them: by `check`, which explains a TOML
//! value it cannot read (`budget_eur = 1.250.000 €`), and by the interview,
//! which takes typed answers.
//!
//! - a dot groups thousands when every group after it has three digits
//!   (`1.200` is 1200, `1.250.000` is 1250000); otherwise it is a decimal
//!   point (`1.5`, `12.50`), as TOML and English write it;
//! - a comma is the decimal separator (`1,2` is 1.2, `1.250,50` is 1250.5);
//! - spaces, no-break spaces and apostrophes also group thousands
//!   (`1 250 000`, `1'250'000`);
//! - amounts may end in a unit (`€`, `EUR`, `Euro`) and a multiplier
//!   (`T€`/`Tsd.`/`Tausend`, `Mio.`/`Millionen`, `Mrd.`/`Milliarden`):
//!   `450 T€`, `1,5 Mio. €`;
//! - dates are `24.11.2026`, `1.2.2026` or `2026-11-24`.
//!
//! The functions here say only whether and what they read; the words for a
//! refusal belong to whoever asked.

use crate::model::Date;

/// A number written the German or the English way, in TOML's notation
/// (`1.250.000` → `1250000`, `12,5` → `12.5`, `-3` → `-3`); the digits are
/// kept as written (`1.250,50` → `1250.50`).
pub fn plain_number(s: &str) -> Option<String> {
    let s = s.trim();
    let (sign, unsigned) = match s.strip_prefix(['-', '+']) {
        Some(rest) => (if s.starts_with('-') { "-" } else { "" }, rest),
        None => ("", s),
    };
    let unsigned: String = unsigned.chars().filter(|c| !is_group_space(*c)).collect();
    let plain = thousands(&unsigned).or_else(|| decimal_comma(&unsigned)).or_else(|| {
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((&unsigned, "0"));
        (digits(whole) && digits(fraction)).then(|| unsigned.clone())
    })?;
    Some(format!("{sign}{plain}"))
}

/// `1.250.000` (dots that group thousands, optionally with `,50`) as
/// `1250000` (`1250000.50`); `None` without such dots.
pub fn thousands(s: &str) -> Option<String> {
    let (whole, cents) = match s.split_once(',') {
        Some((w, c)) if digits(c) => (w, Some(c)),
        Some(_) => return None,
        None => (s, None),
    };
    let mut groups = whole.split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    if rest.is_empty()
        || !(1..=3).contains(&first.len())
        || !digits(first)
        || !rest.iter().all(|g| g.len() == 3 && digits(g))
    {
        return None;
    }
    let plain: String = std::iter::once(first).chain(rest).collect();
    Some(match cents {
        Some(c) => format!("{plain}.{c}"),
        None => plain,
    })
}

/// `12,5` as `12.5`; `None` without a decimal comma.
pub fn decimal_comma(s: &str) -> Option<String> {
    let (whole, fraction) = s.split_once(',')?;
    (digits(whole.trim_start_matches('-')) && digits(fraction)).then(|| format!("{whole}.{fraction}"))
}

/// A number (see [`plain_number`]) as a finite `f64`.
pub fn number(s: &str) -> Option<f64> {
    plain_number(s)?.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A whole amount, such as a budget in euros or a population: digits with
/// thousands separators, a unit and a multiplier as people write them
/// (`1.250.000 €`, `450.000,00 €`, `1,5 Mio. €`, `450 T€`, `12 500`). `None`
/// for anything that is not a whole number of units (`12,5 €`), negative, or
/// beyond `u64`.
pub fn amount(s: &str) -> Option<u64> {
    let (number, unit) = split_unit(s.trim());
    let factor = multiplier(unit)?;
    let plain = plain_number(number)?;
    if plain.starts_with('-') {
        return None;
    }
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    // exact: whole × factor + fraction × factor / 10^len, with no remainder
    let scale = 10u128.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    let fraction_value: u128 = if fraction.is_empty() { 0 } else { fraction.parse().ok()? };
    let whole_value: u128 = whole.parse().ok()?;
    let part = fraction_value.checked_mul(u128::from(factor))?;
    if part % scale != 0 {
        return None;
    }
    let total = whole_value.checked_mul(u128::from(factor))?.checked_add(part / scale)?;
    u64::try_from(total).ok()
}

/// A year such as `2027`: digits only, no separators (whether the year is
/// plausible is for `check` to say, naming the range).
pub fn year(s: &str) -> Option<u16> {
    let s = s.trim();
    digits(s).then(|| s.parse().ok()).flatten()
}

/// A date written `24.11.2026`, `1.2.2026` or `2026-11-24`, if that day exists.
pub fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    let parts: Vec<&str> = if s.contains('.') { s.split('.').rev().collect() } else { s.split('-').collect() };
    let [y, m, d] = parts.as_slice() else { return None };
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    if !(digits(y) && digits(m) && digits(d)) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A number followed by a unit: `50000 €` → (`50000`, `€`); `12,5 %` → (`12,5`, `%`).
pub fn split_unit(value: &str) -> (&str, &str) {
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | '_' | '\'') || is_group_space(c)))
        .unwrap_or(value.len());
    (value[..end].trim(), value[end..].trim())
}

/// What a unit after an amount multiplies it by: 1 for none or a currency,
/// 1,000 for `T€`/`Tsd.`, a million for `Mio.`, a billion for `Mrd.`.
fn multiplier(unit: &str) -> Option<u64> {
    let unit = unit.to_lowercase();
    let unit = unit.trim();
    let currency = ["€", "eur", "euro"];
    let rest = currency.iter().find_map(|c| unit.strip_suffix(c)).unwrap_or(unit).trim().trim_end_matches('.');
    match rest {
        "" => Some(1),
        "t" | "tsd" | "tausend" => Some(1_000),
        "mio" | "million" | "millionen" => Some(1_000_000),
        "mrd" | "milliarde" | "milliarden" => Some(1_000_000_000),
        _ => None,
    }
}

/// Spaces that group thousands: space, no-break space, narrow no-break space, apostrophe, underscore.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_')
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dot_before_three_digits_groups_thousands() {
        assert_eq!(number("1.200"), Some(1200.0));
        assert_eq!(number("1.250.000"), Some(1_250_000.0));
        assert_eq!(number("1.5"), Some(1.5));
        assert_eq!(number("12.50"), Some(12.5));
        assert_eq!(number("1.2345"), Some(1.2345));
        assert_eq!(number("1.25.000"), None);
        assert_eq!(number("1.250.00"), None);
    }

    #[test]
    fn a_comma_is_the_decimal_separator() {
        assert_eq!(number("1,2"), Some(1.2));
        assert_eq!(number("12,5"), Some(12.5));
        assert_eq!(number("1.250,50"), Some(1250.5));
        assert_eq!(number("-0,5"), Some(-0.5));
        assert_eq!(number("1,2,3"), None);
        assert_eq!(plain_number("1.250,50"), Some("1250.50".into()));
        assert_eq!(plain_number("1 250 000"), Some("1250000".into()));
        assert_eq!(number("viel"), None);
        assert_eq!(number(""), None);
    }

    #[test]
    fn amounts_take_units_and_multipliers() {
        assert_eq!(amount("1.200"), Some(1200));
        assert_eq!(amount("1.200.000"), Some(1_200_000));
        assert_eq!(amount("450.000,00 €"), Some(450_000));
        assert_eq!(amount("1,5 Mio"), Some(1_500_000));
        assert_eq!(amount("1,5 Mio. €"), Some(1_500_000));
        assert_eq!(amount("2 Mrd. Euro"), Some(2_000_000_000));
        assert_eq!(amount("450 T€"), Some(450_000));
        assert_eq!(amount("450 Tsd. EUR"), Some(450_000));
        assert_eq!(amount("12 500"), Some(12_500));
        assert_eq!(amount("1'250'000 €"), Some(1_250_000));
        assert_eq!(amount("12,5 €"), None, "cents are not whole euros");
        assert_eq!(amount("-5"), None);
        assert_eq!(amount("5 Äpfel"), None);
        assert_eq!(amount("99999999999999999999"), None);
        assert_eq!(amount("1,23456789 Mio"), None, "a fraction of a euro");
    }

    #[test]
    fn dates_and_years() {
        assert_eq!(date("24.11.2026"), Date::new(2026, 11, 24));
        assert_eq!(date("1.2.2026"), Date::new(2026, 2, 1));
        assert_eq!(date("2026-11-24"), Date::new(2026, 11, 24));
        assert_eq!(date("31.02.2026"), None);
        assert_eq!(date("24.11.26"), None);
        assert_eq!(year("2027"), Some(2027));
        assert_eq!(year("20300"), Some(20300), "check names the range");
        assert_eq!(year("2.027"), None);
    }

    #[test]
    fn units_are_split_off() {
        assert_eq!(split_unit("50000 €"), ("50000", "€"));
        assert_eq!(split_unit("12,5 %"), ("12,5", "%"));
        assert_eq!(split_unit("1.250.000 EUR"), ("1.250.000", "EUR"));
    }
}
