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
use super::source_map::SourceMap;
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
    let mut walker = Walker { root: schema, diagnostics: Vec::new(), kept: HashMap::new() };
    let pruned = walker.value(&Spanned::new(span.clone(), DeValue::Table(root.into_inner())), schema, &Path::root());
    let mut diagnostics = walker.diagnostics;
    let map = SourceMap::new(source, walker.kept);
    let Some(DeValue::Table(table)) = pruned.map(Spanned::into_inner) else {
        return (None, diagnostics, map);
    };
    match Strategy::deserialize(toml::de::Deserializer::from(Spanned::new(span, table))) {
        Ok(strategy) => (Some(strategy), diagnostics, map),
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

/// A key path such as `measures[2].field`, also rendered as a TOML table name.
#[derive(Clone)]
struct Path(String);

impl Path {
    fn root() -> Self {
        Path(String::new())
    }
    fn key(&self, key: &str) -> Self {
        if self.0.is_empty() { Path(key.to_string()) } else { Path(format!("{}.{key}", self.0)) }
    }
    fn index(&self, i: usize) -> Self {
        Path(format!("{}[{i}]", self.0))
    }
}

/// The years a date may have: the same range the schema gives every year
/// (`start`, `end`, `baseline_year`, `target_year`).
const YEAR_MIN: u16 = 1990;
const YEAR_MAX: u16 = 2100;
const YEAR_MIN_I64: i64 = YEAR_MIN as i64;
const YEAR_MAX_I64: i64 = YEAR_MAX as i64;

/// The shape a schema node asks for, after `$ref`, `anyOf` and `null` are resolved.
enum Shape<'s> {
    Table(&'s Value),
    Array(&'s Value),
    Str { allowed: Option<Vec<&'s str>>, nonblank: bool },
    Date,
    Integer { min: Option<i64>, max: Option<i64> },
    Number,
    Bool,
    Any,
}

struct Walker<'s> {
    root: &'s Value,
    diagnostics: Vec<Diagnostic>,
    /// For arrays that lost elements: the file indices of the kept ones.
    kept: HashMap<String, Vec<usize>>,
}

impl<'s> Walker<'s> {
    fn resolve(&self, mut node: &'s Value) -> &'s Value {
        // draft-07 output wraps a described reference as `allOf: [{"$ref": …}]`
        while let Some([only]) = node.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
            node = only;
        }
        while let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap_or_default();
            let defs = self.root.get("definitions").or_else(|| self.root.get("$defs"));
            match defs.and_then(|d| d.get(name)) {
                Some(target) => node = target,
                None => break,
            }
        }
        node
    }

    fn shape(&self, node: &'s Value) -> Shape<'s> {
        let node = self.resolve(node);
        if let Some(alternatives) = node.get("anyOf").or_else(|| node.get("oneOf")).and_then(Value::as_array) {
            let non_null: Vec<&Value> = alternatives
                .iter()
                .map(|a| self.resolve(a))
                .filter(|a| a.get("type") != Some(&Value::from("null")))
                .collect();
            if !non_null.is_empty() && non_null.iter().all(|a| a.get("const").is_some()) {
                let allowed = non_null.iter().filter_map(|a| a["const"].as_str()).collect();
                return Shape::Str { allowed: Some(allowed), nonblank: false };
            }
            return match non_null.first() {
                Some(first) => self.shape(first),
                None => Shape::Any,
            };
        }
        if let Some(values) = node.get("enum").and_then(Value::as_array) {
            return Shape::Str { allowed: Some(values.iter().filter_map(Value::as_str).collect()), nonblank: false };
        }
        let ty = match node.get("type") {
            Some(Value::String(t)) => t.as_str(),
            Some(Value::Array(types)) => {
                types.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("null")
            }
            _ => return Shape::Any,
        };
        match ty {
            "object" => Shape::Table(node),
            "array" => Shape::Array(node),
            "string" if node.get("format").and_then(Value::as_str) == Some("date") => Shape::Date,
            "string" => Shape::Str {
                allowed: None,
                nonblank: node.get("minLength").and_then(Value::as_u64).is_some_and(|n| n > 0),
            },
            "integer" => Shape::Integer {
                min: node.get("minimum").and_then(Value::as_i64),
                max: node.get("maximum").and_then(Value::as_i64),
            },
            "number" => Shape::Number,
            "boolean" => Shape::Bool,
            _ => Shape::Any,
        }
    }

    fn error(&mut self, path: &Path, span: Range<usize>, kind: Message) {
        self.diagnostics.push(Diagnostic::error(path.0.clone(), Some(span), kind));
    }

    fn type_error(&mut self, path: &Path, value: &Spanned<DeValue<'_>>, expected: Expected) {
        let found = describe(value.get_ref());
        let hint = match (expected, value.get_ref()) {
            (Expected::Date, DeValue::String(text)) => {
                let key = path.0.rsplit('.').next().unwrap_or("date");
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
        self.error(path, value.span(), Message::WrongType { expected, found, hint });
    }

    /// Checks one value; returns it (strings cleaned) or `None` where it is rejected.
    fn value<'i>(
        &mut self,
        value: &Spanned<DeValue<'i>>,
        schema: &'s Value,
        path: &Path,
    ) -> Option<Spanned<DeValue<'i>>> {
        let span = value.span();
        let keep = |v: DeValue<'i>| Some(Spanned::new(span.clone(), v));
        let (shape, found) = (self.shape(schema), value.get_ref());
        let expected = match (shape, found) {
            (Shape::Any, v) => return keep(v.clone()),
            (Shape::Table(node), DeValue::Table(table)) => {
                return self.table(table, node, path, span.clone()).map(|t| Spanned::new(span, DeValue::Table(t)));
            }
            (Shape::Array(node), DeValue::Array(array)) => return keep(self.array(array, node, path)),
            (Shape::Str { allowed, nonblank }, DeValue::String(s)) => {
                return self.string(s, allowed, nonblank, path, &span).and_then(keep);
            }
            (Shape::Date, DeValue::Datetime(dt)) if dt.date.is_some() && dt.time.is_none() => {
                return self.date(dt, path, &span).then(|| found.clone()).and_then(keep);
            }
            (Shape::Integer { min, max }, DeValue::Integer(int)) => {
                return self.integer(int, min, max, path, &span).then(|| found.clone()).and_then(keep);
            }
            (Shape::Number, DeValue::Float(f))
                if ["nan", "inf"].contains(&f.as_str().trim_start_matches(['+', '-'])) =>
            {
                self.error(path, span, Message::NotFinite { found: f.as_str().to_string() });
                return None;
            }
            (Shape::Number, DeValue::Integer(_) | DeValue::Float(_)) | (Shape::Bool, DeValue::Boolean(_)) => {
                return keep(found.clone());
            }
            (Shape::Table(_), _) => Expected::Table,
            (Shape::Array(_), _) => Expected::Array,
            (Shape::Str { .. }, _) => Expected::String,
            (Shape::Date, _) => Expected::Date,
            (Shape::Integer { .. }, _) => Expected::Integer,
            (Shape::Number, _) => Expected::Number,
            (Shape::Bool, _) => Expected::Bool,
        };
        self.type_error(path, value, expected);
        None
    }

    /// The elements of an array that pass, with the file indices of the kept ones remembered.
    fn array<'i>(&mut self, array: &DeArray<'i>, node: &'s Value, path: &Path) -> DeValue<'i> {
        let items = node.get("items").unwrap_or(&Value::Null);
        let mut out = DeArray::new();
        let mut kept = Vec::new();
        for (i, item) in array.iter().enumerate() {
            if let Some(v) = self.value(item, items, &path.index(i)) {
                out.push(v);
                kept.push(i);
            }
        }
        if kept.len() < array.len() {
            self.kept.insert(path.0.clone(), kept);
        }
        DeValue::Array(out)
    }

    /// A string, cleaned; `None` when it is not one of the allowed values.
    fn string<'i>(
        &mut self,
        s: &Cow<'i, str>,
        allowed: Option<Vec<&'s str>>,
        nonblank: bool,
        path: &Path,
        span: &Range<usize>,
    ) -> Option<DeValue<'i>> {
        let cleaned = clean_text(s);
        if nonblank && cleaned.trim().is_empty() {
            // reported, but kept: the rest of the file can still be checked
            let key = path.0.rsplit('.').next().unwrap_or_default().to_string();
            let municipality_name = path.0 == "municipality.name";
            self.error(path, span.clone(), Message::Blank { key, municipality_name });
            return Some(DeValue::String(cleaned));
        }
        if let Some(allowed) = allowed.filter(|a| !a.contains(&cleaned.as_ref())) {
            let suggestion = match crate::i18n::synonyms::german_synonym(&cleaned, &allowed) {
                Some(english) => Some(Suggestion::English(english.to_string())),
                None => named_item(&cleaned, &allowed)
                    .or_else(|| did_you_mean(&cleaned, allowed.iter().copied()))
                    .map(|b| Suggestion::Spelling(b.to_string())),
            };
            let allowed = allowed.iter().map(|a| a.to_string()).collect();
            self.error(path, span.clone(), Message::NotAllowed { value: cleaned.to_string(), allowed, suggestion });
            return None;
        }
        Some(DeValue::String(cleaned))
    }

    /// Whether a date's year is in the range every year has.
    fn date(&mut self, dt: &toml::value::Datetime, path: &Path, span: &Range<usize>) -> bool {
        match dt.date {
            Some(date) if !(YEAR_MIN..=YEAR_MAX).contains(&date.year) => {
                let date = date.to_string();
                self.error(path, span.clone(), Message::DateOutOfRange { date, min: YEAR_MIN, max: YEAR_MAX });
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
        path: &Path,
        span: &Range<usize>,
    ) -> bool {
        let parsed = i64::from_str_radix(&int.as_str().replace('_', ""), int.radix()).ok();
        if parsed.is_some_and(|n| min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m)) {
            return true;
        }
        if parsed.is_none() {
            // beyond what a TOML integer can hold (64 bits)
            let negative = int.as_str().starts_with('-');
            let bound = if negative { i64::MIN } else { max.unwrap_or(i64::MAX) }.to_string();
            let found = int.as_str().to_string();
            self.error(path, span.clone(), Message::IntegerOverflow { negative, found, bound });
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
        self.error(path, span.clone(), Message::IntegerOutOfRange { bound, found: int.as_str().to_string() });
        false
    }

    fn table<'i>(
        &mut self,
        table: &DeTable<'i>,
        node: &'s Value,
        path: &Path,
        span: Range<usize>,
    ) -> Option<DeTable<'i>> {
        let properties = node.get("properties").and_then(Value::as_object);
        let extra = node.get("additionalProperties");
        let mut out = DeTable::new();
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let child = path.key(name);
            let schema = match (properties.and_then(|p| p.get(name)), extra) {
                (Some(s), _) => s,
                (None, Some(Value::Bool(false))) => {
                    let known: Vec<&str> =
                        properties.map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
                    let guess = named_item(name, &known).or_else(|| did_you_mean(name, known.iter().copied()));
                    let hint = match (misplaced(&path.0, name), guess) {
                        (Some(hint), _) => hint,
                        (None, Some(best)) => KeyHint::DidYouMean(best.to_string()),
                        (None, None) => KeyHint::Allowed(known.iter().map(|k| k.to_string()).collect()),
                    };
                    let kind = Message::UnknownKey { key: name.to_string(), table: path.0.clone(), hint };
                    self.error(&child, key.span(), kind);
                    continue;
                }
                (None, Some(s)) if s.is_object() => s,
                (None, _) => &Value::Null,
            };
            if let Some(v) = self.value(value, schema, &child) {
                out.insert(key.clone(), v);
            }
        }
        let mut complete = true;
        for required in node.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !table.iter().any(|(k, _)| k.get_ref() == required) {
                let child = properties.and_then(|p| p.get(required)).map(|c| self.shape(c));
                let help = match child {
                    Some(Shape::Table(node)) => {
                        let inner = node
                            .get("required")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect();
                        MissingHelp::Table { path: path.key(required).0, inner }
                    }
                    _ => MissingHelp::Key,
                };
                let kind = Message::MissingKey { key: required.to_string(), table: path.0.clone(), help };
                self.error(&path.key(required), span.clone(), kind);
                complete = false;
            }
        }
        // An element of an array that lacks a required key is left out, so
        // that the rest of the file can still be checked.
        (complete || !path.0.ends_with(']')).then_some(out)
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
