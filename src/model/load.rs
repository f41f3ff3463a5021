//! Reading an input file: TOML syntax, then the structure (keys, types,
//! allowed values, ranges) against [`super::schema`], then serde.
//!
//! The structural walk collects every problem of a file instead of stopping at
//! the first, and prunes what it rejects so that the semantic rules in
//! [`super::validate`] can still run on the rest.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use serde_json::Value;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::Strategy;
use super::diagnostic::{Diagnostic, did_you_mean};
use super::messages::{Bound, Expected, Found, KeyHint, Message, MissingHelp, Suggestion, TypeHint};
use super::schema::input_schema;
use super::shape::{self, Shape};
use super::source_map::SourceMap;
use super::validate::advice;
use crate::catalogue::{Catalogue, section_ids};

/// Parses `source` into a model, with all structural errors found.
///
/// The model is `None` when the file could not be read into the model at
/// all (syntax errors, or a required key missing at the top).
pub fn parse(source: &str) -> (Option<Strategy>, Vec<Diagnostic>, SourceMap<'_>) {
    let (root, syntax_errors) = DeTable::parse_recoverable(source);
    if !syntax_errors.is_empty() {
        let diagnostics = syntax_errors
            .into_iter()
            .map(|e| {
                let hint = super::syntax::explain(source, e.span().map_or(0, |s| s.start));
                let detail = e.message().trim_end().to_string();
                Diagnostic::error(hint.path, e.span(), Message::TomlSyntax { detail, fix: hint.fix })
            })
            .collect();
        return (None, diagnostics, SourceMap::default());
    }
    let schema = input_schema();
    let span = root.span();
    let mut walker =
        Walker { diagnostics: Vec::new(), long_words: Vec::new(), kept: HashMap::new(), path: String::new() };
    let mut tree = Spanned::new(span.clone(), DeValue::Table(root.into_inner()));
    let complete = walker.value(&mut tree, schema);
    let mut diagnostics = walker.diagnostics;
    let map = SourceMap::new(source, walker.kept);
    let (true, DeValue::Table(table)) = (complete, tree.into_inner()) else {
        return (None, diagnostics, map);
    };
    match Strategy::deserialize(toml::de::Deserializer::from(Spanned::new(span, table))) {
        Ok(strategy) => {
            // like the semantic rules, only for a file that made a model
            diagnostics.extend(walker.long_words);
            (Some(strategy), diagnostics, map)
        }
        Err(e) => {
            // Only reached where the structural walk already reported the cause
            // (a required key missing); keep serde's words as a fallback.
            if diagnostics.is_empty() {
                diagnostics.push(Diagnostic::error(
                    "",
                    e.span(),
                    Message::InvalidInput { detail: e.message().to_string() },
                ));
            }
            (None, diagnostics, map)
        }
    }
}

/// The years a date may have: the same range the schema gives every year
/// (`start`, `end`, `baseline_year`, `target_year`).
const YEAR_MIN: u16 = 1990;
const YEAR_MAX: u16 = 2100;
const YEAR_MIN_I64: i64 = YEAR_MIN as i64;
const YEAR_MAX_I64: i64 = YEAR_MAX as i64;

struct Walker {
    diagnostics: Vec<Diagnostic>,
    /// Warnings about words too long for a line (`long-word`), found while
    /// the strings are cleaned.
    long_words: Vec<Diagnostic>,
    /// For arrays that lost elements: the file indices of the kept ones.
    kept: HashMap<String, Vec<usize>>,
    /// The key path of the value being checked (`measures[2].field`), grown
    /// and cut back as the walk goes down and up, so that no value costs an
    /// allocation for its path.
    path: String,
}

impl Walker {
    /// Runs `f` with `.key` (or `key` at the top) appended to the path, then cuts the path back.
    fn at_key<R>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let at = self.path.len();
        if at > 0 {
            self.path.push('.');
        }
        self.path.push_str(key);
        let result = f(self);
        self.path.truncate(at);
        result
    }

    /// Runs `f` with `[i]` appended to the path, then cuts the path back.
    fn at_index<R>(&mut self, i: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        use std::fmt::Write as _;
        let at = self.path.len();
        let _ = write!(self.path, "[{i}]");
        let result = f(self);
        self.path.truncate(at);
        result
    }

    fn error(&mut self, span: Range<usize>, kind: Message) {
        self.diagnostics.push(Diagnostic::error(self.path.clone(), Some(span), kind));
    }

    fn type_error(&mut self, value: &Spanned<DeValue<'_>>, expected: Expected) {
        let found = describe(value.get_ref());
        let hint = match (expected, value.get_ref()) {
            (Expected::Date, DeValue::String(text)) => {
                let key = self.path.rsplit('.').next().unwrap_or("date");
                let looks_like_a_date = text.len() == 10
                    && text.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
                let value = if looks_like_a_date { text.as_ref() } else { "2026-11-22" };
                Some(TypeHint::DateWithoutQuotes { key: key.to_string(), value: value.to_string() })
            }
            (Expected::Integer | Expected::Number, DeValue::String(_)) => Some(TypeHint::NumberWithoutQuotes),
            (Expected::String, DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_)) => Some(TypeHint::Quote),
            (Expected::Array, _) => Some(TypeHint::Brackets),
            _ => None,
        };
        self.error(value.span(), Message::WrongType { expected, found, hint });
    }

    /// Checks one value at the current path, cleaning its strings in place;
    /// `false` where it is rejected and must be left out.
    fn value(&mut self, value: &mut Spanned<DeValue<'_>>, schema: &'static Value) -> bool {
        let span = value.span();
        let shape = shape::of(schema);
        let expected = match (&*shape, value.get_mut()) {
            (Shape::Any, _) => return true,
            (Shape::Table(node), DeValue::Table(table)) => return self.table(table, node, span),
            (Shape::Array(node), DeValue::Array(array)) => {
                self.array(array, node);
                return true;
            }
            (Shape::Str { allowed, nonblank }, DeValue::String(s)) => {
                return self.string(s, allowed.as_deref(), *nonblank, &span);
            }
            (Shape::Date, DeValue::Datetime(dt)) if dt.date.is_some() && dt.time.is_none() => {
                return self.date(dt, &span);
            }
            (Shape::Integer { min, max }, DeValue::Integer(int)) => return self.integer(int, *min, *max, &span),
            (Shape::Number, DeValue::Float(f))
                if ["nan", "inf"].contains(&f.as_str().trim_start_matches(['+', '-'])) =>
            {
                let found = f.as_str().to_string();
                self.error(span, Message::NotFinite { found });
                return false;
            }
            (Shape::Number, DeValue::Integer(_) | DeValue::Float(_)) | (Shape::Bool, DeValue::Boolean(_)) => {
                return true;
            }
            (Shape::Table(_), _) => Expected::Table,
            (Shape::Array(_), _) => Expected::Array,
            (Shape::Str { .. }, _) => Expected::String,
            (Shape::Date, _) => Expected::Date,
            (Shape::Integer { .. }, _) => Expected::Integer,
            (Shape::Number, _) => Expected::Number,
            (Shape::Bool, _) => Expected::Bool,
        };
        self.type_error(value, expected);
        false
    }

    /// Keeps the elements of an array that pass, and remembers the file
    /// indices of the kept ones where some were left out.
    fn array<'i>(&mut self, array: &mut DeArray<'i>, node: &'static Value) {
        let items = node.get("items").unwrap_or(&Value::Null);
        let mut kept = Vec::with_capacity(array.len());
        for (i, item) in array.iter_mut().enumerate() {
            if self.at_index(i, |w| w.value(item, items)) {
                kept.push(i);
            }
        }
        if kept.len() < array.len() {
            let mut out = DeArray::new();
            let mut keep = kept.iter().copied().peekable();
            for (i, item) in std::mem::replace(array, DeArray::new()).into_iter().enumerate() {
                if keep.next_if_eq(&i).is_some() {
                    out.push(item);
                }
            }
            *array = out;
            self.kept.insert(self.path.clone(), kept);
        }
    }

    /// Cleans a string in place; `false` when it is not one of the allowed values.
    fn string(
        &mut self,
        s: &mut Cow<'_, str>,
        allowed: Option<&[&'static str]>,
        nonblank: bool,
        span: &Range<usize>,
    ) -> bool {
        if let Cow::Owned(cleaned) = clean_text(s) {
            *s = Cow::Owned(cleaned);
        }
        if nonblank && s.trim().is_empty() {
            // reported, but kept: the rest of the file can still be checked
            let key = self.path.rsplit('.').next().unwrap_or_default().to_string();
            let municipality_name = self.path == "municipality.name";
            self.error(span.clone(), Message::Blank { key, municipality_name });
            return true;
        }
        if let Some(allowed) = allowed.filter(|a| !a.contains(&s.as_ref())) {
            let suggestion = match crate::i18n::synonyms::german_synonym(s, allowed) {
                Some(english) => Some(Suggestion::English(english.to_string())),
                None => named_item(s, allowed)
                    .or_else(|| did_you_mean(s, allowed.iter().copied()))
                    .map(|b| Suggestion::Spelling(b.to_string())),
            };
            let allowed = allowed.iter().map(|a| a.to_string()).collect();
            self.error(span.clone(), Message::NotAllowed { value: s.to_string(), allowed, suggestion });
            return false;
        }
        self.long_word(s, span);
        true
    }

    /// Warns about the longest word of `text` when it is longer than a line
    /// can hold ([`crate::render::LONGEST_UNBROKEN`] characters).
    fn long_word(&mut self, text: &str, span: &Range<usize>) {
        const LONGEST: usize = crate::render::LONGEST_UNBROKEN;
        // a word of more characters has more bytes: most texts end here
        if text.len() <= LONGEST {
            return;
        }
        let longest = text.split(char::is_whitespace).max_by_key(|w| w.len()).unwrap_or_default();
        let length = longest.chars().count();
        if length > LONGEST {
            let start = longest.chars().take(20).collect();
            let kind = Message::LongWord { length, start };
            let warning = Diagnostic::warning(self.path.clone(), Some(span.clone()), kind, advice::LONG_WORD);
            self.long_words.push(warning);
        }
    }

    /// Whether a date's year is in the range every year has.
    fn date(&mut self, dt: &toml::value::Datetime, span: &Range<usize>) -> bool {
        match dt.date {
            Some(date) if !(YEAR_MIN..=YEAR_MAX).contains(&date.year) => {
                let date = date.to_string();
                self.error(span.clone(), Message::DateOutOfRange { date, min: YEAR_MIN, max: YEAR_MAX });
                false
            }
            _ => true,
        }
    }

    /// Whether an integer fits in 64 bits and in the schema's bounds.
    fn integer(
        &mut self,
        int: &toml::de::DeInteger<'_>,
        min: Option<i64>,
        max: Option<i64>,
        span: &Range<usize>,
    ) -> bool {
        let digits = int.as_str();
        let parsed = if digits.contains('_') {
            i64::from_str_radix(&digits.replace('_', ""), int.radix()).ok()
        } else {
            i64::from_str_radix(digits, int.radix()).ok()
        };
        if parsed.is_some_and(|n| min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m)) {
            return true;
        }
        if parsed.is_none() {
            // beyond what a TOML integer can hold (64 bits)
            let negative = int.as_str().starts_with('-');
            let bound = if negative { i64::MIN } else { max.unwrap_or(i64::MAX) }.to_string();
            let found = int.as_str().to_string();
            self.error(span.clone(), Message::IntegerOverflow { negative, found, bound });
            return false;
        }
        let negative = parsed.is_some_and(|n| n < 0);
        let bound = match (min, max) {
            (Some(a), Some(b)) if a == b => Bound::Exactly(a),
            (Some(YEAR_MIN_I64), Some(YEAR_MAX_I64)) => Bound::Year(YEAR_MIN_I64, YEAR_MAX_I64),
            // an amount: "not negative", or "at most" its ceiling
            (Some(0), _) if negative => Bound::NonNegative,
            (Some(0), Some(b)) => Bound::AtMost(b),
            (Some(a), Some(b)) => Bound::Between(a, b),
            (Some(0), None) => Bound::NonNegative,
            (Some(a), None) => Bound::AtLeast(a),
            (None, Some(b)) => Bound::AtMost(b),
            (None, None) => Bound::TooLarge,
        };
        self.error(span.clone(), Message::IntegerOutOfRange { bound, found: int.as_str().to_string() });
        false
    }

    /// Checks a table's keys and values in place, leaving out what is
    /// rejected; `false` for an element of an array that lacks a required
    /// key, which is then left out so that the rest of the file can still be
    /// checked.
    fn table(&mut self, table: &mut DeTable<'_>, node: &'static Value, span: Range<usize>) -> bool {
        let properties = node.get("properties").and_then(Value::as_object);
        let extra = node.get("additionalProperties");
        let mut rejected: Vec<String> = Vec::new();
        for (key, value) in table.iter_mut() {
            let name = key.get_ref().as_ref();
            let schema = match (properties.and_then(|p| p.get(name)), extra) {
                (Some(s), _) => s,
                (None, Some(Value::Bool(false))) => {
                    self.unknown_key(name, key.span(), properties);
                    rejected.push(name.to_string());
                    continue;
                }
                (None, Some(s)) if s.is_object() => s,
                (None, _) => &Value::Null,
            };
            if !self.at_key(name, |w| w.value(value, schema)) {
                rejected.push(name.to_string());
            }
        }
        let mut complete = true;
        for required in node.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !table.contains_key(required) {
                self.missing_key(required, properties, span.clone());
                complete = false;
            }
        }
        for name in &rejected {
            table.remove(name.as_str());
        }
        complete || !self.path.ends_with(']')
    }

    /// Reports a key the table does not know, with the likeliest meant one.
    fn unknown_key(
        &mut self,
        name: &str,
        span: Range<usize>,
        properties: Option<&'static serde_json::Map<String, Value>>,
    ) {
        let known: Vec<&str> = properties.map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
        let guess = named_item(name, &known).or_else(|| did_you_mean(name, known.iter().copied()));
        let hint = match (misplaced(&self.path, name), guess) {
            (Some(hint), _) => hint,
            (None, Some(best)) => KeyHint::DidYouMean(best.to_string()),
            (None, None) => KeyHint::Allowed(known.iter().map(|k| k.to_string()).collect()),
        };
        let kind = Message::UnknownKey { key: name.to_string(), table: self.path.clone(), hint };
        self.at_key(name, |w| w.error(span, kind));
    }

    /// Reports a required key that is missing, with the keys a missing table needs.
    fn missing_key(
        &mut self,
        required: &str,
        properties: Option<&'static serde_json::Map<String, Value>>,
        span: Range<usize>,
    ) {
        let child = properties.and_then(|p| p.get(required)).map(shape::of);
        let table = self.path.clone();
        self.at_key(required, |w| {
            let help = match child.as_deref() {
                Some(Shape::Table(node)) => {
                    let inner = node
                        .get("required")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect();
                    MissingHelp::Table { path: w.path.clone(), inner }
                }
                _ => MissingHelp::Key,
            };
            let kind = Message::MissingKey { key: required.to_string(), table, help };
            w.error(span, kind);
        });
    }
}

/// A hint for a key that belongs to the other one of `[text]` and `[production]`.
fn misplaced(table: &str, key: &str) -> Option<KeyHint> {
    let catalogue = Catalogue::get();
    let item = catalogue.items.iter().find(|i| i.id == key)?;
    let production = item.section == section_ids::PRODUCTION;
    match table {
        "text" if production => Some(KeyHint::ToProduction),
        "production" | "production.notes" if !production => Some(KeyHint::ToText),
        _ => None,
    }
}

/// The English value among `allowed` that the German `word` stands for.
/// The outline item id among `known` whose heading the word is
/// (`vorwort` → `foreword`, `KI` → `ai`).
fn named_item<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let item = crate::catalogue::Catalogue::get().item_named(word)?;
    known.iter().copied().find(|k| *k == item.id)
}

/// Removes control characters other than tab and newline (and characters
/// XML 1.0 forbids), and turns CRLF and a lone CR (old Mac line ends) into LF.
pub fn clean_text<'a>(s: &Cow<'a, str>) -> Cow<'a, str> {
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}';
    if s.chars().any(bad) {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| !bad(*c)).collect())
    } else {
        s.clone()
    }
}

fn describe(value: &DeValue<'_>) -> Found {
    match value {
        DeValue::String(s) => Found::String(s.to_string()),
        DeValue::Integer(i) => Found::Integer(i.as_str().to_string()),
        DeValue::Float(f) => Found::Float(f.as_str().to_string()),
        DeValue::Boolean(b) => Found::Bool(*b),
        DeValue::Datetime(d) => Found::Datetime(d.to_string()),
        DeValue::Array(_) => Found::Array,
        DeValue::Table(_) => Found::Table,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_keeps_line_ends_and_drops_controls() {
        let clean = |s: &str| clean_text(&Cow::Borrowed(s)).into_owned();
        assert_eq!(clean("a\r\nb"), "a\nb");
        assert_eq!(clean("a\rb\rc"), "a\nb\nc");
        assert_eq!(clean("a\u{7}b\u{1b}[1m\tc"), "ab[1m\tc");
        assert_eq!(clean("plain"), "plain");
    }
}
