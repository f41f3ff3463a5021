//! A [`Message`] in words: the texts are entries of
//! `src/i18n/diagnostics.toml`; this module picks the entry and supplies its
//! parameters, formatted for the language (German decimal comma and date).

use super::{
    Bound, Expected, Found, ImageProblem, KeyHint, List, MeasureKey, Message, MissingHelp, Subject, Suggestion, Target,
};
use super::{TypeHint, latin1};
use crate::i18n::Entry;
use crate::i18n::diagnostics::{DiagnosticWords, words};
use crate::i18n::money;
use crate::model::Date;
use crate::model::Lang;
use crate::model::syntax::Fix;

/// A message and its help.
type Text = (String, Option<String>);

/// Fills entries in one language, naming the key as the subject says.
struct Say {
    lang: Lang,
    w: &'static DiagnosticWords,
    /// The key: `` `measures[2].end` `` or the question's label in quotes.
    name: String,
    /// Whether the key is named by its path (`check`) rather than a label.
    paths: bool,
}

impl Say {
    fn new(lang: Lang, subject: Subject<'_>) -> Say {
        let w = words();
        let (name, paths) = match subject {
            Subject::Path(p) => (format!("`{p}`"), true),
            // a question without its hint in brackets: "Kosten je Jahr in Euro (z. B. …)"
            Subject::Label(l) => (w.subject_label.fill(lang, &[("label", l.split(" (").next().unwrap_or(l))]), false),
        };
        Say { lang, w, name, paths }
    }

    /// An entry with its placeholders filled; `{name}` is the subject.
    fn fill(&self, entry: &Entry, pairs: &[(&str, &str)]) -> String {
        let mut all = vec![("name", self.name.as_str())];
        all.extend_from_slice(pairs);
        entry.fill(self.lang, &all)
    }

    /// A message and its help, both filled with `pairs`.
    fn two(&self, message: &Entry, help: &Entry, pairs: &[(&str, &str)]) -> Text {
        (self.fill(message, pairs), Some(self.fill(help, pairs)))
    }

    /// A table by its path, or "the top level".
    fn table(&self, table: &str) -> String {
        if table.is_empty() { self.w.top_level.get(self.lang).to_string() } else { format!("`{table}`") }
    }

    /// "in `goals`" / "bei den Zielen".
    fn in_list(&self, list: List) -> &'static str {
        match list {
            List::Goals => &self.w.in_goals,
            List::Fields => &self.w.in_fields,
            List::Measures => &self.w.in_measures,
        }
        .get(self.lang)
    }

    /// Entry `index` (0-based) of a list: its path for `check`, else
    /// "entry 2 of `goals`" / "das 2. Ziel".
    fn entry_of(&self, list: List, index: usize) -> String {
        if self.paths {
            return format!("`{}[{index}]`", list.key());
        }
        let entry = match list {
            List::Goals => &self.w.entry_of_goals,
            List::Fields => &self.w.entry_of_fields,
            List::Measures => &self.w.entry_of_measures,
        };
        self.fill(entry, &[("n", &(index + 1).to_string())])
    }

    /// A number with the language's decimal mark.
    fn decimal(&self, text: String) -> String {
        if self.lang == Lang::De { text.replace('.', ",") } else { text }
    }
}

/// The message and help in `lang`, naming the key as `subject` says. The
/// match is exhaustive: a new variant needs its words here.
pub(super) fn render(m: &Message, lang: Lang, subject: Subject<'_>) -> Text {
    use Message as M;
    let say = Say::new(lang, subject);
    let w = say.w;
    let (message, help) = match m {
        M::TomlSyntax { detail, fix } => toml_syntax(&say, detail, fix.as_ref()),
        M::InvalidInput { detail } => (say.fill(&w.invalid_input, &[("detail", detail)]), None),
        M::Unreadable { detail } => (say.fill(&w.unreadable, &[("detail", detail)]), None),
        M::NotToml { file, kind } => {
            (say.fill(&w.not_toml, &[("file", file), ("kind", kind)]), Some(w.not_toml_help.get(say.lang).to_string()))
        }
        M::NotUtf8 { file, byte } => not_utf8(&say, file, *byte),
        M::WrongType { expected, found, hint } => wrong_type(&say, *expected, found, hint.as_ref()),
        M::Blank { key, municipality_name } => blank(&say, key, *municipality_name),
        M::NotAllowed { value, allowed, suggestion } => not_allowed(&say, value, allowed, suggestion.as_ref()),
        M::DateOutOfRange { date, min, max } => date_out_of_range(&say, date, *min, *max),
        M::IntegerOverflow { negative, found, bound } => {
            let message = if *negative { &w.integer_too_small } else { &w.integer_too_large };
            say.two(message, &w.integer_overflow_help, &[("found", found), ("bound", bound)])
        }
        M::IntegerOutOfRange { bound, found } => (out_of_range(&say, *bound, found), None),
        M::NotFinite { found } => say.two(&w.not_finite, &w.not_finite_help, &[("found", found)]),
        M::UnknownKey { key, table, hint } => unknown_key(&say, key, table, hint),
        M::MissingKey { key, table, help } => missing_key(&say, key, table, help),
        M::MeasurePeriod { id, start, end } => measure_period(&say, id, *start, *end),
        M::IndicatorPeriod { name, goal, baseline_year, target_year } => {
            indicator_period(&say, name, goal, *baseline_year, *target_year)
        }
        M::EmptyId { list } => say.two(&w.empty_id, &w.empty_id_help, &[("example", list.example())]),
        M::BadIdChars { value, list } => {
            say.two(&w.bad_id_chars, &w.bad_id_chars_help, &[("value", value), ("in_list", say.in_list(*list))])
        }
        M::DuplicateId { value, list, first } => duplicate_id(&say, value, *list, *first),
        M::IdCaseClash { value, other, list, first } => {
            let at = say.entry_of(*list, *first);
            say.two(&w.id_case_clash, &w.id_case_clash_help, &[("value", value), ("other", other), ("at", &at)])
        }
        M::UnresolvedReference { target, value, closest, known, known_total } => {
            unresolved(&say, *target, value, closest.as_deref(), known, *known_total)
        }
        M::GoalCycle { chain } => say.two(&w.goal_cycle, &w.goal_cycle_help, &[("chain", &chain.join(" → "))]),
        M::GoalWithoutIndicator { goal } => {
            say.two(&w.goal_without_indicator, &w.goal_without_indicator_help, &[("goal", goal)])
        }
        M::MeasureWithoutGoal { measure } => {
            say.two(&w.measure_without_goal, &w.measure_without_goal_help, &[("measure", measure)])
        }
        M::MeasureFieldMismatch { measure, field } => {
            let pairs = [("measure", measure.as_str()), ("field", field)];
            say.two(&w.measure_field_mismatch, &w.measure_field_mismatch_help, &pairs)
        }
        M::MeasureWithout { measure, missing } => measure_without(&say, measure, *missing),
        M::FieldWithoutMeasures { field } => {
            say.two(&w.field_without_measures, &w.field_without_measures_help, &[("field", field)])
        }
        M::NoQuickWin => say.two(&w.no_quick_win, &w.no_quick_win_help, &[]),
        M::NoVision => say.two(&w.no_vision, &w.no_vision_help, &[]),
        M::LongWord { length, start } => {
            let length = crate::i18n::number(say.lang, *length as f64);
            say.two(&w.long_word, &w.long_word_help, &[("length", &length), ("start", start)])
        }
        M::NoPoliticsActor => say.two(&w.no_politics_actor, &w.no_politics_actor_help, &[]),
        M::UnknownState { state, closest } => unknown_state(&say, state, closest.as_deref()),
        M::LowCoverage { percent, filled, total, min, missing } => {
            low_coverage(&say, *percent, *filled, *total, *min, missing)
        }
        M::NoReviewDate => say.two(&w.no_review_date, &w.no_review_date_help, &[]),
        M::ReviewDatePast { due, date } => review_date_past(&say, *due, *date),
        M::NoAltText => say.two(&w.no_alt_text, &w.no_alt_text_help, &[]),
        M::UnknownMember { name, members } => {
            let members = if members.is_empty() { "–".to_string() } else { members.join(", ") };
            say.two(&w.unknown_member, &w.unknown_member_help, &[("member", name), ("members", &members)])
        }
        M::ValueBeforeBaseline { indicator, year, baseline_year } => {
            let (year, baseline_year) = (year.to_string(), baseline_year.to_string());
            let pairs = [("indicator", indicator.as_str()), ("year", &year), ("baseline_year", &baseline_year)];
            say.two(&w.value_before_baseline, &w.value_before_baseline_help, &pairs)
        }
        M::ValueAfterTarget { indicator, year, target_year } => {
            let (year, target_year) = (year.to_string(), target_year.to_string());
            let pairs = [("indicator", indicator.as_str()), ("year", &year), ("target_year", &target_year)];
            say.two(&w.value_after_target, &w.value_after_target_help, &pairs)
        }
        M::DuplicateYear { year, first } => say.two(
            &w.duplicate_year,
            &w.duplicate_year_help,
            &[("year", &year.to_string()), ("first", &first.to_string())],
        ),
        M::ProgressBeforeStart { measure, year, start } => {
            let (year, start) = (year.to_string(), start.to_string());
            let pairs = [("measure", measure.as_str()), ("year", &year), ("start", &start)];
            say.two(&w.progress_before_start, &w.progress_before_start_help, &pairs)
        }
        M::MissingValue { indicator, years } => {
            let years: Vec<String> = years.iter().map(u16::to_string).collect();
            let pairs = [("indicator", indicator.as_str()), ("years", &years.join(", "))];
            say.two(&w.missing_value, &w.missing_value_help, &pairs)
        }
        M::SharesNot100 { sum } => {
            let sum = crate::i18n::number(say.lang, *sum);
            say.two(&w.shares_not_100, &w.shares_not_100_help, &[("sum", &sum)])
        }
        M::YearKey { key } => say.two(&w.year_key, &w.year_key_help, &[("key", key)]),
        M::CostsMismatch { measure, costs, budget } => {
            let (costs, budget) = (money(say.lang, *costs), money(say.lang, *budget));
            let pairs = [("measure", measure.as_str()), ("costs", &costs), ("budget", &budget)];
            say.two(&w.costs_mismatch, &w.costs_mismatch_help, &pairs)
        }
        M::YearOutsideMeasure { year, start, end } => {
            let (year, start, end) = (year.to_string(), start.to_string(), end.to_string());
            let pairs = [("year", year.as_str()), ("start", &start), ("end", &end)];
            say.two(&w.year_outside_measure, &w.year_outside_measure_help, &pairs)
        }
        M::FollowUpDuringMeasure { year, end } => {
            let (year, end) = (year.to_string(), end.to_string());
            say.two(&w.follow_up_during_measure, &w.follow_up_during_measure_help, &[("year", &year), ("end", &end)])
        }
        M::FundingAboveCosts { measure, funding, costs } => {
            let (funding, costs) = (money(say.lang, *funding), money(say.lang, *costs));
            let pairs = [("measure", measure.as_str()), ("funding", &funding), ("costs", &costs)];
            say.two(&w.funding_above_costs, &w.funding_above_costs_help, &pairs)
        }
        M::FinancingWithoutAmount { source } => {
            say.two(&w.financing_without_amount, &w.financing_without_amount_help, &[("source", source)])
        }
        M::ShareWithoutCosts { source } => {
            say.two(&w.share_without_costs, &w.share_without_costs_help, &[("source", source)])
        }
        M::AmountShareMismatch { amount, share, expected } => {
            let (amount, expected) = (money(say.lang, *amount), money(say.lang, *expected));
            let share = crate::i18n::number(say.lang, *share);
            let pairs = [("amount", amount.as_str()), ("share", &share), ("expected", &expected)];
            say.two(&w.amount_share_mismatch, &w.amount_share_mismatch_help, &pairs)
        }
        M::FundingUnstructured { measure } => {
            say.two(&w.funding_unstructured, &w.funding_unstructured_help, &[("measure", measure)])
        }
        M::CancelledWithoutReason { measure } => {
            say.two(&w.cancelled_without_reason, &w.cancelled_without_reason_help, &[("measure", measure)])
        }
        M::ImageUnreadable { file, detail } => {
            say.two(&w.image_unreadable, &w.image_unreadable_help, &[("file", file), ("detail", detail)])
        }
        M::ImageInvalid { file, problem } => {
            let message = match problem {
                ImageProblem::NotAFile => &w.image_not_a_file,
                ImageProblem::NotPngOrJpeg => &w.image_not_png_or_jpeg,
                ImageProblem::NoPixels => &w.image_no_pixels,
            };
            say.two(message, &w.image_invalid_help, &[("file", file)])
        }
    };
    (sentence(lang, message), help)
}

/// A German message is a sentence (its help follows in brackets or after
/// "help:"): it starts with a capital letter.
fn sentence(lang: Lang, message: String) -> String {
    if lang != Lang::De {
        return message;
    }
    let mut chars = message.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn toml_syntax(say: &Say, detail: &str, fix: Option<&Fix>) -> Text {
    let help = fix.map_or_else(|| say.w.toml_syntax_help.get(say.lang).to_string(), |fix| fix.help(say.lang));
    (say.fill(&say.w.toml_syntax, &[("detail", detail)]), Some(help))
}

fn not_utf8(say: &Say, file: &str, byte: u8) -> Text {
    let w = say.w;
    let guess = latin1(byte).map(|c| say.fill(&w.not_utf8_guess, &[("char", &c.to_string())])).unwrap_or_default();
    let byte = format!("{byte:02X}");
    (
        say.fill(&w.not_utf8, &[("file", file), ("byte", &byte), ("guess", &guess)]),
        Some(w.not_utf8_help.get(say.lang).to_string()),
    )
}

fn wrong_type(say: &Say, expected: Expected, found: &Found, hint: Option<&TypeHint>) -> Text {
    let w = say.w;
    let expected = match expected {
        Expected::Table => &w.expected_table,
        Expected::Array => &w.expected_array,
        Expected::String => &w.expected_string,
        Expected::Date => &w.expected_date,
        Expected::Integer => &w.expected_integer,
        Expected::Number => &w.expected_number,
        Expected::Bool => &w.expected_bool,
    };
    let found = match found {
        Found::String(v) => say.fill(&w.found_string, &[("value", v)]),
        Found::Integer(v) => say.fill(&w.found_integer, &[("value", v)]),
        Found::Float(v) => say.fill(&w.found_float, &[("value", v)]),
        Found::Bool(b) => say.fill(&w.found_bool, &[("value", &b.to_string())]),
        Found::Datetime(v) => say.fill(&w.found_datetime, &[("value", v)]),
        Found::Array => say.fill(&w.found_array, &[]),
        Found::Table => say.fill(&w.found_table, &[]),
    };
    let help = hint.map(|h| match h {
        TypeHint::DateWithoutQuotes { key, value } => {
            say.fill(&w.date_without_quotes, &[("key", key), ("value", value)])
        }
        TypeHint::NumberWithoutQuotes => say.fill(&w.number_without_quotes, &[]),
        TypeHint::Quote => say.fill(&w.quote, &[]),
        TypeHint::Brackets => say.fill(&w.brackets, &[]),
    });
    (say.fill(&w.wrong_type, &[("expected", expected.get(say.lang)), ("found", &found)]), help)
}

fn blank(say: &Say, key: &str, municipality_name: bool) -> Text {
    let w = say.w;
    let what = if municipality_name { &w.blank_municipality_name } else { &w.blank_value };
    (say.fill(&w.blank, &[]), Some(say.fill(&w.blank_help, &[("what", what.get(say.lang)), ("key", key)])))
}

fn not_allowed(say: &Say, value: &str, allowed: &[String], suggestion: Option<&Suggestion>) -> Text {
    let w = say.w;
    let list = say.fill(&w.allowed_values, &[("values", &allowed.join(", "))]);
    let help = match suggestion {
        Some(Suggestion::English(e)) => say.fill(&w.not_allowed_english, &[("value", e), ("list", &list)]),
        Some(Suggestion::Spelling(best)) => say.fill(&w.not_allowed_spelling, &[("value", best), ("list", &list)]),
        None => list,
    };
    (say.fill(&w.not_allowed, &[("value", value)]), Some(help))
}

fn date_out_of_range(say: &Say, date: &str, min: u16, max: u16) -> Text {
    let (min, max) = (min.to_string(), max.to_string());
    let pairs = [("min", min.as_str()), ("max", &max), ("date", date)];
    say.two(&say.w.date_out_of_range, &say.w.date_out_of_range_help, &pairs)
}

fn out_of_range(say: &Say, bound: Bound, found: &str) -> String {
    let w = say.w;
    let (entry, a, b) = match bound {
        Bound::Exactly(a) => (&w.bound_exactly, a, 0),
        Bound::Year(a, b) => (&w.bound_year, a, b),
        Bound::Between(a, b) => (&w.bound_between, a, b),
        Bound::NonNegative => (&w.bound_non_negative, 0, 0),
        Bound::AtLeast(a) => (&w.bound_at_least, a, 0),
        Bound::AtMost(b) => (&w.bound_at_most, 0, b),
        Bound::TooLarge => (&w.bound_too_large, 0, 0),
    };
    say.fill(entry, &[("a", &a.to_string()), ("b", &b.to_string()), ("found", found)])
}
fn unknown_key(say: &Say, key: &str, table: &str, hint: &KeyHint) -> Text {
    let w = say.w;
    let help = match hint {
        KeyHint::ToProduction => say.fill(&w.key_to_production, &[("key", key)]),
        KeyHint::ToText => say.fill(&w.key_to_text, &[("key", key)]),
        KeyHint::DidYouMean(best) => say.fill(&w.did_you_mean_key, &[("best", best)]),
        KeyHint::Allowed(keys) => say.fill(&w.allowed_keys, &[("keys", &keys.join(", "))]),
    };
    let message = if say.paths {
        say.fill(&w.unknown_key_in, &[("key", key), ("table", &say.table(table))])
    } else {
        say.fill(&w.unknown_key, &[("key", key)])
    };
    (message, Some(help))
}

fn missing_key(say: &Say, key: &str, table: &str, help: &MissingHelp) -> Text {
    let w = say.w;
    let message = if say.paths {
        say.fill(&w.missing_key_in, &[("key", key), ("table", &say.table(table))])
    } else {
        say.fill(&w.missing_key, &[("key", key)])
    };
    let help = match help {
        MissingHelp::Table { path, inner } => {
            let inner: Vec<String> = inner.iter().map(|k| format!("{k} = \"…\"")).collect();
            let with = if inner.is_empty() {
                String::new()
            } else {
                say.fill(&w.missing_table_with, &[("keys", &inner.join(", "))])
            };
            say.fill(&w.missing_table_help, &[("path", path), ("with", &with)])
        }
        MissingHelp::Key => say.fill(&w.missing_key_help, &[("key", key), ("table", &say.table(table))]),
    };
    (message, Some(help))
}

fn measure_period(say: &Say, id: &str, start: u16, end: u16) -> Text {
    let (start, end) = (start.to_string(), end.to_string());
    say.two(&say.w.measure_period, &say.w.measure_period_help, &[("id", id), ("start", &start), ("end", &end)])
}

fn indicator_period(say: &Say, name: &str, goal: &str, baseline_year: u16, target_year: u16) -> Text {
    let (baseline_year, target_year) = (baseline_year.to_string(), target_year.to_string());
    let pairs = [("indicator", name), ("goal", goal), ("baseline_year", &baseline_year), ("target_year", &target_year)];
    say.two(&say.w.indicator_period, &say.w.indicator_period_help, &pairs)
}

fn duplicate_id(say: &Say, value: &str, list: List, first: usize) -> Text {
    let other = say.entry_of(list, first);
    let pairs = [("value", value), ("in_list", say.in_list(list)), ("other", &other)];
    say.two(&say.w.duplicate_id, &say.w.duplicate_id_help, &pairs)
}

fn unresolved(say: &Say, target: Target, value: &str, closest: Option<&str>, known: &[String], total: usize) -> Text {
    let w = say.w;
    let (message, with_closest, with_known, none) = match target {
        Target::Goal => {
            (&w.unresolved_goal, &w.unresolved_goal_closest, &w.unresolved_goal_known, &w.unresolved_goal_none)
        }
        Target::Field => {
            (&w.unresolved_field, &w.unresolved_field_closest, &w.unresolved_field_known, &w.unresolved_field_none)
        }
    };
    let mut known_ids = known.join(", ");
    if total > known.len() {
        known_ids.push_str(&format!(", … (+{})", total - known.len()));
    }
    let pairs = [("value", value), ("known", known_ids.as_str()), ("best", closest.unwrap_or_default())];
    let help = match (closest, known.is_empty()) {
        (Some(_), _) => with_closest,
        (None, false) => with_known,
        (None, true) => none,
    };
    say.two(message, help, &pairs)
}

fn measure_without(say: &Say, measure: &str, missing: MeasureKey) -> Text {
    let w = say.w;
    let message = match missing {
        MeasureKey::Lead => &w.measure_without_lead,
        MeasureKey::Budget => &w.measure_without_budget,
        MeasureKey::Priority => &w.measure_without_priority,
    };
    say.two(message, &w.measure_without_help, &[("measure", measure), ("key", missing.key())])
}

fn unknown_state(say: &Say, state: &str, closest: Option<&str>) -> Text {
    let w = say.w;
    let help = match closest {
        Some(best) => say.fill(&w.unknown_state_closest, &[("best", best)]),
        None => say.fill(&w.unknown_state_help, &[]),
    };
    (say.fill(&w.unknown_state, &[("state", state)]), Some(help))
}

fn low_coverage(say: &Say, percent: f64, filled: usize, total: usize, min: f64, missing: &[String]) -> Text {
    let w = say.w;
    let (percent, min) = (say.decimal(format!("{percent:.1}")), say.decimal(min.to_string()));
    let (filled, total) = (filled.to_string(), total.to_string());
    let pairs = [("percent", percent.as_str()), ("filled", &filled), ("total", &total), ("min", &min)];
    (say.fill(&w.low_coverage, &pairs), Some(say.fill(&w.low_coverage_help, &[("missing", &missing.join(", "))])))
}

fn review_date_past(say: &Say, due: Date, date: Date) -> Text {
    let show = |d: Date| if say.lang == Lang::De { crate::i18n::date(Lang::De, d) } else { d.to_string() };
    say.two(&say.w.review_date_past, &say.w.review_date_past_help, &[("due", &show(due)), ("date", &show(date))])
}
