//! What each diagnostic says, in English and German, from one place.
//!
//! A [`Message`] is a finding with its parameters (ids, years, the value
//! found), not yet words. It names its `code` and renders its message and
//! help in either language. `check` prints and serialises the English
//! rendering (its text and JSON are stable); the interview shows the
//! rendering in its own language, naming the key by the question's label
//! instead of a key path such as `goals[0].indicators[0].target_year`.
//!
//! Every variant must be rendered in both languages (the matches are
//! exhaustive), and the tests below check that each variant the model code
//! uses has an example whose German text is not the English one.

use crate::model::{Date, Lang};

/// How a message names the key it is about.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// By its key path in the file, `` `measures[2].end` `` (what `check` prints).
    Path(&'a str),
    /// By the label of the question that asks for it (what the interview shows).
    Label(&'a str),
}

/// The kinds of entry that have ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// `goals`
    Goals,
    /// `fields`
    Fields,
    /// `measures`
    Measures,
}

impl List {
    /// The list's key in the file.
    pub fn key(self) -> &'static str {
        match self {
            List::Goals => "goals",
            List::Fields => "fields",
            List::Measures => "measures",
        }
    }

    /// An example id, for the help.
    fn example(self) -> &'static str {
        match self {
            List::Goals => "\"Z1\"",
            List::Fields => "\"mobility\"",
            List::Measures => "\"M1\"",
        }
    }

    /// German: "das 2. Ziel", "die 3. Maßnahme" (entry `index`, 0-based).
    fn de_entry(self, index: usize) -> String {
        let n = index + 1;
        match self {
            List::Goals => format!("das {n}. Ziel"),
            List::Fields => format!("das {n}. Handlungsfeld"),
            List::Measures => format!("die {n}. Maßnahme"),
        }
    }

    /// German, dative plural: "bei den Zielen".
    fn de_among(self) -> &'static str {
        match self {
            List::Goals => "bei den Zielen",
            List::Fields => "bei den Handlungsfeldern",
            List::Measures => "bei den Maßnahmen",
        }
    }
}

/// What a reference points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A goal id.
    Goal,
    /// A field id.
    Field,
}

/// The kind of value a key must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A TOML table.
    Table,
    /// An array.
    Array,
    /// A string.
    String,
    /// A date (without time).
    Date,
    /// An integer.
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Bool,
}

/// The value that was found instead (TOML's own spelling of it).
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A string.
    String(String),
    /// An integer.
    Integer(String),
    /// A float.
    Float(String),
    /// A boolean.
    Bool(bool),
    /// A date and/or time.
    Datetime(String),
    /// An array.
    Array,
    /// A table.
    Table,
}

/// How to fix a value of the wrong type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeHint {
    /// A date written in quotes: `key = value` without them.
    DateWithoutQuotes {
        /// The key.
        key: String,
        /// The date to write.
        value: String,
    },
    /// A number written in quotes.
    NumberWithoutQuotes,
    /// A number or boolean where a string belongs.
    Quote,
    /// Anything where an array belongs.
    Brackets,
}

/// What an enumeration value that is not allowed may have meant.
#[derive(Debug, Clone, PartialEq)]
pub enum Suggestion {
    /// A German word for an English value ("hoch" for `high`).
    English(String),
    /// A close spelling.
    Spelling(String),
}

/// The range an integer must lie in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Exactly this value.
    Exactly(i64),
    /// A year in this range.
    Year(i64, i64),
    /// Between the two, inclusive.
    Between(i64, i64),
    /// Zero or more.
    NonNegative,
    /// At least this.
    AtLeast(i64),
    /// At most this.
    AtMost(i64),
    /// No bound given, still out of range.
    TooLarge,
}

/// How to fix an unknown key.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyHint {
    /// A production step written in `[text]`.
    ToProduction,
    /// An outline item written in `[production]`.
    ToText,
    /// A close spelling.
    DidYouMean(String),
    /// The keys the table allows.
    Allowed(Vec<String>),
}

/// How to add a missing key.
#[derive(Debug, Clone, PartialEq)]
pub enum MissingHelp {
    /// A table `[path]` with these required keys.
    Table {
        /// The table's path.
        path: String,
        /// Its own required keys.
        inner: Vec<String>,
    },
    /// A plain key.
    Key,
}

/// What a measure lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureKey {
    /// `lead`
    Lead,
    /// `budget_eur`
    Budget,
    /// `priority`
    Priority,
}

impl MeasureKey {
    /// The key in the file.
    pub fn key(self) -> &'static str {
        match self {
            MeasureKey::Lead => "lead",
            MeasureKey::Budget => "budget_eur",
            MeasureKey::Priority => "priority",
        }
    }
}

/// One finding, with its parameters; see the module docs.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// toml-syntax
    TomlSyntax {
        /// The TOML parser's words (English).
        detail: String,
        /// What the line most likely meant, if it shows.
        fix: Option<super::syntax::Fix>,
    },
    /// invalid-input: serde's words, where the structural check found nothing.
    InvalidInput {
        /// serde's message (English).
        detail: String,
    },
    /// unreadable-file
    Unreadable {
        /// Why (English, from the operating system).
        detail: String,
    },
    /// not-utf8
    NotUtf8 {
        /// The file's name as given.
        file: String,
        /// The first byte that is not UTF-8.
        byte: u8,
    },
    /// invalid-type
    WrongType {
        /// What the key must be.
        expected: Expected,
        /// What it is.
        found: Found,
        /// How to fix it.
        hint: Option<TypeHint>,
    },
    /// invalid-value: a string that must not be blank.
    Blank {
        /// The key (last segment of the path).
        key: String,
        /// Whether it is the municipality's name.
        municipality_name: bool,
    },
    /// invalid-value: not one of the allowed values.
    NotAllowed {
        /// The value found.
        value: String,
        /// The values allowed.
        allowed: Vec<String>,
        /// What may have been meant.
        suggestion: Option<Suggestion>,
    },
    /// out-of-range: a date outside the years allowed.
    DateOutOfRange {
        /// The date found.
        date: String,
        /// First year allowed.
        min: u16,
        /// Last year allowed.
        max: u16,
    },
    /// out-of-range: beyond 64 bits.
    IntegerOverflow {
        /// Below `i64::MIN` rather than above the limit.
        negative: bool,
        /// The integer as written.
        found: String,
        /// The limit.
        bound: String,
    },
    /// out-of-range: an integer outside its range.
    IntegerOutOfRange {
        /// The range.
        bound: Bound,
        /// The integer as written.
        found: String,
    },
    /// out-of-range: `nan` or `inf`.
    NotFinite {
        /// As written.
        found: String,
    },
    /// unknown-key
    UnknownKey {
        /// The key.
        key: String,
        /// The path of the table it is in ("" for the top level).
        table: String,
        /// How to fix it.
        hint: KeyHint,
    },
    /// missing-key
    MissingKey {
        /// The key.
        key: String,
        /// The path of the table it is missing in ("" for the top level).
        table: String,
        /// How to add it.
        help: MissingHelp,
    },
    /// invalid-period: a measure that ends before it starts.
    MeasurePeriod {
        /// The measure's id.
        id: String,
        /// Its start year.
        start: u16,
        /// Its end year.
        end: u16,
    },
    /// invalid-period: an indicator's target year before its baseline year.
    IndicatorPeriod {
        /// The indicator's name.
        name: String,
        /// The goal's id.
        goal: String,
        /// The baseline year.
        baseline_year: u16,
        /// The target year.
        target_year: u16,
    },
    /// invalid-id: empty.
    EmptyId {
        /// Which list.
        list: List,
    },
    /// invalid-id: characters ids cannot have.
    BadIdChars {
        /// The id.
        value: String,
        /// Which list.
        list: List,
    },
    /// duplicate-id
    DuplicateId {
        /// The id.
        value: String,
        /// Which list.
        list: List,
        /// The index of the entry that has it first.
        first: usize,
    },
    /// id-case-clash
    IdCaseClash {
        /// The id.
        value: String,
        /// The other id it differs from only in case.
        other: String,
        /// Which list.
        list: List,
        /// The index of the other.
        first: usize,
    },
    /// unresolved-reference
    UnresolvedReference {
        /// What is referred to.
        target: Target,
        /// The id referred to.
        value: String,
        /// The closest known id.
        closest: Option<String>,
        /// All known ids.
        known: Vec<String>,
    },
    /// goal-cycle
    GoalCycle {
        /// The ids around the cycle, the first repeated at the end.
        chain: Vec<String>,
    },
    /// goal-without-indicator
    GoalWithoutIndicator {
        /// The goal's id.
        goal: String,
    },
    /// measure-without-goal
    MeasureWithoutGoal {
        /// The measure's id.
        measure: String,
    },
    /// measure-field-mismatch
    MeasureFieldMismatch {
        /// The measure's id.
        measure: String,
        /// Its field's id.
        field: String,
    },
    /// measure-without-lead, measure-without-budget, measure-without-priority
    MeasureWithout {
        /// The measure's id.
        measure: String,
        /// What it lacks.
        missing: MeasureKey,
    },
    /// field-without-measures
    FieldWithoutMeasures {
        /// The field's id.
        field: String,
    },
    /// no-quick-win
    NoQuickWin,
    /// no-vision
    NoVision,
    /// no-politics-actor
    NoPoliticsActor,
    /// unknown-state
    UnknownState {
        /// The state as written.
        state: String,
        /// The closest state's name.
        closest: Option<String>,
    },
    /// low-coverage
    LowCoverage {
        /// The coverage in percent.
        percent: f64,
        /// Items filled.
        filled: usize,
        /// Items in all.
        total: usize,
        /// The percentage required.
        min: f64,
        /// Some items still missing.
        missing: Vec<String>,
    },
    /// no-review-date
    NoReviewDate,
    /// review-date-past
    ReviewDatePast {
        /// When the review was due.
        due: Date,
        /// The document's date.
        date: Date,
    },
}

/// What a byte reads as in Latin-1 (Windows-1252 agrees from 0xA0 up).
fn latin1(byte: u8) -> Option<char> {
    (byte >= 0xA0).then(|| char::from(byte))
}

/// German decimal comma.
fn de_decimal(s: String) -> String {
    s.replace('.', ",")
}

impl Message {
    /// The stable, kebab-case code (`check --format json` reports it).
    pub fn code(&self) -> &'static str {
        use Message::*;
        match self {
            TomlSyntax { .. } => "toml-syntax",
            InvalidInput { .. } => "invalid-input",
            Unreadable { .. } => "unreadable-file",
            NotUtf8 { .. } => "not-utf8",
            WrongType { .. } => "invalid-type",
            Blank { .. } | NotAllowed { .. } => "invalid-value",
            DateOutOfRange { .. } | IntegerOverflow { .. } | IntegerOutOfRange { .. } | NotFinite { .. } => {
                "out-of-range"
            }
            UnknownKey { .. } => "unknown-key",
            MissingKey { .. } => "missing-key",
            MeasurePeriod { .. } | IndicatorPeriod { .. } => "invalid-period",
            EmptyId { .. } | BadIdChars { .. } => "invalid-id",
            DuplicateId { .. } => "duplicate-id",
            IdCaseClash { .. } => "id-case-clash",
            UnresolvedReference { .. } => "unresolved-reference",
            GoalCycle { .. } => "goal-cycle",
            GoalWithoutIndicator { .. } => "goal-without-indicator",
            MeasureWithoutGoal { .. } => "measure-without-goal",
            MeasureFieldMismatch { .. } => "measure-field-mismatch",
            MeasureWithout { missing: MeasureKey::Lead, .. } => "measure-without-lead",
            MeasureWithout { missing: MeasureKey::Budget, .. } => "measure-without-budget",
            MeasureWithout { missing: MeasureKey::Priority, .. } => "measure-without-priority",
            FieldWithoutMeasures { .. } => "field-without-measures",
            NoQuickWin => "no-quick-win",
            NoVision => "no-vision",
            NoPoliticsActor => "no-politics-actor",
            UnknownState { .. } => "unknown-state",
            LowCoverage { .. } => "low-coverage",
            NoReviewDate => "no-review-date",
            ReviewDatePast { .. } => "review-date-past",
        }
    }

    /// The message and help in `lang`, naming the key as `subject` says.
    pub fn render(&self, lang: Lang, subject: Subject<'_>) -> (String, Option<String>) {
        match lang {
            Lang::En => self.en(subject),
            Lang::De => self.de(subject),
        }
    }

    fn en(&self, subject: Subject<'_>) -> (String, Option<String>) {
        use Message::*;
        let (name, paths) = match subject {
            Subject::Path(p) => (format!("`{p}`"), true),
            Subject::Label(l) => (format!("\"{l}\""), false),
        };
        let table_name = |table: &str| {
            if table.is_empty() { "the top level".to_string() } else { format!("`{table}`") }
        };
        let (message, help): (String, Option<String>) = match self {
            TomlSyntax { detail, fix } => (
                format!("invalid TOML: {detail}"),
                Some(fix.as_ref().map_or_else(
                    || "see https://toml.io for the syntax; strings need quotes, tables a [header]".into(),
                    super::syntax::Fix::english,
                )),
            ),
            InvalidInput { detail } | Unreadable { detail } => (detail.clone(), None),
            NotUtf8 { file, byte } => {
                let guess = latin1(*byte).map(|c| format!(" (in Latin-1 or Windows-1252 it is \"{c}\")")).unwrap_or_default();
                (
                    format!("{file} is not UTF-8 text: byte 0x{byte:02X} cannot stand here{guess}"),
                    Some("save the file as UTF-8 (in most editors: \"Save as\", encoding \"UTF-8\"), or convert it: iconv -f WINDOWS-1252 -t UTF-8".into()),
                )
            }
            WrongType { expected, found, hint } => {
                let expected = match expected {
                    Expected::Table => "a table",
                    Expected::Array => "an array",
                    Expected::String => "a string",
                    Expected::Date => "a date like 2026-11-22",
                    Expected::Integer => "an integer",
                    Expected::Number => "a number",
                    Expected::Bool => "true or false",
                };
                let found = match found {
                    Found::String(s) => format!("the string \"{s}\""),
                    Found::Integer(i) => format!("the integer {i}"),
                    Found::Float(f) => format!("the number {f}"),
                    Found::Bool(b) => format!("`{b}`"),
                    Found::Datetime(d) => format!("the date/time {d}"),
                    Found::Array => "an array".into(),
                    Found::Table => "a table".into(),
                };
                let help = hint.as_ref().map(|h| match h {
                    TypeHint::DateWithoutQuotes { key, value } => {
                        format!("write the date without quotes: {key} = {value}")
                    }
                    TypeHint::NumberWithoutQuotes => "write the number without quotes".into(),
                    TypeHint::Quote => "put the value in quotes".into(),
                    TypeHint::Brackets => "use square brackets, e.g. [\"a\", \"b\"]".into(),
                });
                (format!("{name} must be {expected}, found {found}"), help)
            }
            Blank { key, municipality_name } => {
                let what =
                    if *municipality_name { "name of the municipality, district or association" } else { "value" };
                (format!("{name} is blank"), Some(format!("write the {what} in the quotes, e.g. {key} = \"Musterstadt\"")))
            }
            NotAllowed { value, allowed, suggestion } => {
                let list = format!("allowed values: {}", allowed.join(", "));
                let help = match suggestion {
                    Some(Suggestion::English(e)) => {
                        format!("did you mean `{e}`? the values are English words; {list}")
                    }
                    Some(Suggestion::Spelling(best)) => format!("did you mean `{best}`? {list}"),
                    None => list,
                };
                (format!("{name} cannot be \"{value}\""), Some(help))
            }
            DateOutOfRange { date, min, max } => (
                format!("{name} must be a date in the years {min} to {max}, found {date}"),
                Some(format!("a year before {min} or after {max} is a typing error; check the year")),
            ),
            IntegerOverflow { negative, found, bound } => (
                format!("{name} is too {}, found {found}", if *negative { "small" } else { "large" }),
                Some(format!("TOML integers are 64-bit; the limit here is {bound}")),
            ),
            IntegerOutOfRange { bound, found } => {
                let expected = match bound {
                    Bound::Exactly(a) => format!("must be {a}"),
                    Bound::Year(a, b) => format!("must be a year between {a} and {b}"),
                    Bound::Between(a, b) => format!("must be between {a} and {b}"),
                    Bound::NonNegative => "must not be negative".into(),
                    Bound::AtLeast(a) => format!("must be at least {a}"),
                    Bound::AtMost(b) => format!("must be at most {b}"),
                    Bound::TooLarge => "is too large".into(),
                };
                (format!("{name} {expected}, found {found}"), None)
            }
            NotFinite { found } => (
                format!("{name} must be a finite number, found {found}"),
                Some("write the measured value, e.g. 42 or 0.5".into()),
            ),
            UnknownKey { key, table, hint } => {
                let help = match hint {
                    KeyHint::ToProduction => format!(
                        "`{key}` is an item of the production checklist, not a text: set it in [production] as {key} = true (done) or false, with a note in [production] notes = {{ {key} = \"…\" }}"
                    ),
                    KeyHint::ToText => format!(
                        "`{key}` is an outline item, not a production step: write its text in [text] as {key} = \"…\""
                    ),
                    KeyHint::DidYouMean(best) => format!("did you mean `{best}`?"),
                    KeyHint::Allowed(keys) => format!("allowed keys: {}", keys.join(", ")),
                };
                let message = if paths {
                    format!("unknown key `{key}` in {}", table_name(table))
                } else {
                    format!("unknown key `{key}`")
                };
                (message, Some(help))
            }
            MissingKey { key, table, help } => {
                let message = if paths {
                    format!("missing required key `{key}` in {}", table_name(table))
                } else {
                    format!("missing required key `{key}`")
                };
                let help = match help {
                    MissingHelp::Table { path, inner } => {
                        let inner: Vec<String> = inner.iter().map(|k| format!("{k} = \"…\"")).collect();
                        let with = if inner.is_empty() { String::new() } else { format!(" with {}", inner.join(", ")) };
                        format!("add a [{path}] table{with}")
                    }
                    MissingHelp::Key => format!("add `{key} = …` to {}", table_name(table)),
                };
                (message, Some(help))
            }
            MeasurePeriod { id, start, end } => (
                format!("measure `{id}` ends in {end} before it starts in {start}"),
                Some("`end` must be the same year as `start` or later".into()),
            ),
            IndicatorPeriod { name, goal, baseline_year, target_year } => (
                format!(
                    "indicator \"{name}\" of goal `{goal}` is to reach its target in {target_year}, before its baseline year {baseline_year}"
                ),
                Some("`target_year` must be the same year as `baseline_year` or later".into()),
            ),
            EmptyId { list } => (
                format!("{name} is empty"),
                Some(format!(
                    "give the entry an id of ASCII letters, digits, '-', '_' or '.', e.g. id = {}",
                    list.example()
                )),
            ),
            BadIdChars { value, list } => (
                format!("id \"{value}\" in `{}` has characters ids cannot have", list.key()),
                Some("ids use ASCII letters, digits, '-', '_' and '.' only (they become anchors and bookmarks), e.g. \"M1\" or \"mobility\"".into()),
            ),
            DuplicateId { value, list, first } => {
                let other = if paths {
                    format!("`{}[{first}]`", list.key())
                } else {
                    format!("entry {} of `{}`", first + 1, list.key())
                };
                (
                    format!("id \"{value}\" is used twice in `{}`", list.key()),
                    Some(format!("{other} already has this id; give each entry its own id")),
                )
            }
            IdCaseClash { value, other, list, first } => {
                let at = if paths {
                    format!("`{}[{first}]`", list.key())
                } else {
                    format!("entry {} of `{}`", first + 1, list.key())
                };
                (
                    format!("id \"{value}\" differs from \"{other}\" ({at}) only in case"),
                    Some("ids are case-sensitive, but ids that differ only in case are easily mixed up in references; rename one".into()),
                )
            }
            UnresolvedReference { target, value, closest, known } => {
                let what = match target {
                    Target::Goal => "goal",
                    Target::Field => "field",
                };
                let help = match (closest, known.is_empty()) {
                    (Some(best), _) => format!("did you mean \"{best}\"? known {what} ids: {}", known.join(", ")),
                    (None, false) => {
                        format!("known {what} ids: {}; add a [[{what}s]] entry with id = \"{value}\"", known.join(", "))
                    }
                    (None, true) => format!("there are no {what}s yet; add a [[{what}s]] entry with id = \"{value}\""),
                };
                (format!("{name} refers to {what} \"{value}\", which does not exist"), Some(help))
            }
            GoalCycle { chain } => (
                format!("the goal hierarchy has a cycle: {}", chain.join(" → ")),
                Some("a goal cannot be its own ancestor; remove one `parent` in the cycle".into()),
            ),
            GoalWithoutIndicator { goal } => (
                format!("goal \"{goal}\" has no measurable indicator"),
                Some("add [[goals.indicators]] with name, baseline, target and target_year".into()),
            ),
            MeasureWithoutGoal { measure } => (
                format!("measure \"{measure}\" pays into no goal"),
                Some("add goals = [\"…\"] with the ids of the goals it serves".into()),
            ),
            MeasureFieldMismatch { measure, field } => (
                format!("the field \"{field}\" of measure \"{measure}\" serves none of the measure's goals"),
                Some("add one of the measure's goals to the field's `goals`, or move the measure to a field that serves them".into()),
            ),
            MeasureWithout { measure, missing } => {
                let key = missing.key();
                (format!("measure \"{measure}\" has no `{key}`"), Some(format!("add `{key} = …` to the measure")))
            }
            FieldWithoutMeasures { field } => (
                format!("field of action \"{field}\" has no measures"),
                Some(format!("add a [[measures]] entry with field = \"{field}\"")),
            ),
            NoQuickWin => (
                "no measure is marked as a quick win".into(),
                Some("set quick_win = true on a measure that shows results early".into()),
            ),
            NoVision => ("the strategy has no vision".into(), Some("add [vision] with vision = \"…\"".into())),
            NoPoliticsActor => (
                "no actor from politics is involved".into(),
                Some("add an [[actors]] entry with group = \"politics\", e.g. the council's digital committee".into()),
            ),
            UnknownState { state, closest } => (
                format!("\"{state}\" is not one of the 16 German states"),
                Some(match closest {
                    Some(best) => format!("did you mean \"{best}\"?"),
                    None => "use the German name of the state, e.g. \"Nordrhein-Westfalen\"".into(),
                }),
            ),
            LowCoverage { percent, filled, total, min, missing } => (
                format!("outline coverage is {percent:.1}% ({filled} of {total} items), below the required {min}%"),
                Some(format!("fill more items, e.g. {}", missing.join(", "))),
            ),
            NoReviewDate => {
                ("the strategy has no review cycle".into(), Some("add review_months = 24 to [document]".into()))
            }
            ReviewDatePast { due, date } => (
                format!("the review was due on {due}, before the document's date {date}"),
                Some("review the strategy now and update `adopted_on` and `date`".into()),
            ),
        };
        (message, help)
    }

    fn de(&self, subject: Subject<'_>) -> (String, Option<String>) {
        use Message::*;
        let (name, paths) = match subject {
            Subject::Path(p) => (format!("`{p}`"), true),
            Subject::Label(l) => (format!("„{l}“"), false),
        };
        let table_name = |table: &str| {
            if table.is_empty() { "der obersten Ebene".to_string() } else { format!("`{table}`") }
        };
        let (message, help): (String, Option<String>) = match self {
            TomlSyntax { detail, fix } => (
                format!("ungültiges TOML: {detail}"),
                Some(fix.as_ref().map_or_else(
                    || "zur Syntax siehe https://toml.io; Texte brauchen Anführungszeichen, Tabellen eine [Überschrift]".into(),
                    super::syntax::Fix::german,
                )),
            ),
            InvalidInput { detail } => (format!("Die Datei passt nicht zum Eingabeformat: {detail}"), None),
            Unreadable { detail } => (format!("Die Datei kann nicht gelesen werden: {detail}"), None),
            NotUtf8 { file, byte } => {
                let guess = latin1(*byte).map(|c| format!(" (in Latin-1 oder Windows-1252 wäre es „{c}“)")).unwrap_or_default();
                (
                    format!("{file} ist kein UTF-8-Text: das Byte 0x{byte:02X} kann hier nicht stehen{guess}"),
                    Some("speichern Sie die Datei als UTF-8 (in den meisten Editoren: „Speichern unter“, Kodierung „UTF-8“) oder wandeln Sie sie um: iconv -f WINDOWS-1252 -t UTF-8".into()),
                )
            }
            WrongType { expected, found, hint } => {
                let expected = match expected {
                    Expected::Table => "eine Tabelle",
                    Expected::Array => "eine Liste in eckigen Klammern",
                    Expected::String => "ein Text in Anführungszeichen",
                    Expected::Date => "ein Datum wie 2026-11-22",
                    Expected::Integer => "eine ganze Zahl",
                    Expected::Number => "eine Zahl",
                    Expected::Bool => "true oder false",
                };
                let found = match found {
                    Found::String(s) => format!("den Text „{s}“"),
                    Found::Integer(i) => format!("die ganze Zahl {i}"),
                    Found::Float(f) => format!("die Zahl {f}"),
                    Found::Bool(b) => format!("`{b}`"),
                    Found::Datetime(d) => format!("Datum/Uhrzeit {d}"),
                    Found::Array => "eine Liste".into(),
                    Found::Table => "eine Tabelle".into(),
                };
                let help = hint.as_ref().map(|h| match h {
                    TypeHint::DateWithoutQuotes { key, value } => {
                        format!("schreiben Sie das Datum ohne Anführungszeichen: {key} = {value}")
                    }
                    TypeHint::NumberWithoutQuotes => "schreiben Sie die Zahl ohne Anführungszeichen".into(),
                    TypeHint::Quote => "setzen Sie den Wert in Anführungszeichen".into(),
                    TypeHint::Brackets => "verwenden Sie eckige Klammern, z. B. [\"a\", \"b\"]".into(),
                });
                (format!("{name} muss {expected} sein, gefunden: {found}"), help)
            }
            Blank { key, municipality_name } => {
                let what = if *municipality_name {
                    "den Namen der Kommune, des Kreises oder des Verbunds"
                } else {
                    "den Wert"
                };
                (
                    format!("{name} ist leer"),
                    Some(format!("schreiben Sie {what} in die Anführungszeichen, z. B. {key} = \"Musterstadt\"")),
                )
            }
            NotAllowed { value, allowed, suggestion } => {
                let list = format!("erlaubte Werte: {}", allowed.join(", "));
                let help = match suggestion {
                    Some(Suggestion::English(e)) => {
                        format!("meinten Sie `{e}`? Die Werte sind englische Wörter; {list}")
                    }
                    Some(Suggestion::Spelling(best)) => format!("meinten Sie `{best}`? {list}"),
                    None => list,
                };
                (format!("{name} kann nicht „{value}“ sein"), Some(help))
            }
            DateOutOfRange { date, min, max } => (
                format!("{name} muss ein Datum in den Jahren {min} bis {max} sein, nicht {date}"),
                Some(format!("ein Jahr vor {min} oder nach {max} ist ein Tippfehler; prüfen Sie das Jahr")),
            ),
            IntegerOverflow { negative, found, bound } => (
                format!("{name} ist zu {}: {found}", if *negative { "klein" } else { "groß" }),
                Some(format!("ganze Zahlen in TOML haben 64 Bit; die Grenze ist hier {bound}")),
            ),
            IntegerOutOfRange { bound, found } => {
                let message = match bound {
                    Bound::Exactly(a) => format!("{name} muss {a} sein, nicht {found}"),
                    Bound::Year(a, b) => format!("{name} muss ein Jahr zwischen {a} und {b} sein, nicht {found}"),
                    Bound::Between(a, b) => format!("{name} muss zwischen {a} und {b} liegen, nicht bei {found}"),
                    Bound::NonNegative => format!("{name} darf nicht negativ sein, nicht {found}"),
                    Bound::AtLeast(a) => format!("{name} muss mindestens {a} sein, nicht {found}"),
                    Bound::AtMost(b) => format!("{name} darf höchstens {b} sein, nicht {found}"),
                    Bound::TooLarge => format!("{name} ist zu groß: {found}"),
                };
                (message, None)
            }
            NotFinite { found } => (
                format!("{name} muss eine endliche Zahl sein, nicht {found}"),
                Some("schreiben Sie den gemessenen Wert, z. B. 42 oder 0.5".into()),
            ),
            UnknownKey { key, table, hint } => {
                let help = match hint {
                    KeyHint::ToProduction => format!(
                        "`{key}` ist ein Punkt der Produktions-Checkliste, kein Text: setzen Sie in [production] {key} = true (erledigt) oder false, mit einer Notiz in [production] notes = {{ {key} = \"…\" }}"
                    ),
                    KeyHint::ToText => format!(
                        "`{key}` ist ein Punkt der Gliederung, kein Produktionsschritt: schreiben Sie seinen Text in [text] als {key} = \"…\""
                    ),
                    KeyHint::DidYouMean(best) => format!("meinten Sie `{best}`?"),
                    KeyHint::Allowed(keys) => format!("erlaubte Schlüssel: {}", keys.join(", ")),
                };
                let message = if paths {
                    format!("unbekannter Schlüssel `{key}` in {}", table_name(table))
                } else {
                    format!("unbekannter Schlüssel `{key}`")
                };
                (message, Some(help))
            }
            MissingKey { key, table, help } => {
                let message = if paths {
                    format!("der nötige Schlüssel `{key}` fehlt in {}", table_name(table))
                } else {
                    format!("der nötige Schlüssel `{key}` fehlt")
                };
                let help = match help {
                    MissingHelp::Table { path, inner } => {
                        let inner: Vec<String> = inner.iter().map(|k| format!("{k} = \"…\"")).collect();
                        let with = if inner.is_empty() { String::new() } else { format!(" mit {}", inner.join(", ")) };
                        format!("legen Sie eine Tabelle [{path}]{with} an")
                    }
                    MissingHelp::Key => format!("ergänzen Sie `{key} = …` in {}", table_name(table)),
                };
                (message, Some(help))
            }
            MeasurePeriod { id, start, end } => (
                format!("Maßnahme „{id}“ endet {end}, bevor sie {start} beginnt"),
                Some("das Ende muss im Jahr des Beginns oder später liegen".into()),
            ),
            IndicatorPeriod { name, goal, baseline_year, target_year } => (
                format!(
                    "Indikator „{name}“ des Ziels „{goal}“ soll seinen Zielwert {target_year} erreichen, vor dem Jahr seines Ausgangswerts {baseline_year}"
                ),
                Some("das Zieljahr muss im Jahr des Ausgangswerts oder später liegen".into()),
            ),
            EmptyId { list } => (
                format!("{name} ist leer"),
                Some(format!(
                    "geben Sie dem Eintrag eine Id aus ASCII-Buchstaben, Ziffern, '-', '_' oder '.', z. B. id = {}",
                    list.example()
                )),
            ),
            BadIdChars { value, list } => (
                format!("die Id „{value}“ {} enthält Zeichen, die eine Id nicht haben kann", list.de_among()),
                Some("Ids bestehen nur aus ASCII-Buchstaben, Ziffern, '-', '_' und '.' (sie werden zu Ankern und Textmarken), z. B. „M1“ oder „mobility“".into()),
            ),
            DuplicateId { value, list, first } => {
                let other = if paths { format!("`{}[{first}]`", list.key()) } else { list.de_entry(*first) };
                (
                    format!("die Id „{value}“ kommt {} zweimal vor", list.de_among()),
                    Some(format!("{other} hat diese Id schon; jeder Eintrag braucht eine eigene Id")),
                )
            }
            IdCaseClash { value, other, list, first } => {
                let at = if paths { format!("`{}[{first}]`", list.key()) } else { list.de_entry(*first) };
                (
                    format!("die Id „{value}“ unterscheidet sich von „{other}“ ({at}) nur in Groß- und Kleinschreibung"),
                    Some("Ids unterscheiden Groß- und Kleinschreibung, aber solche Ids werden in Verweisen leicht verwechselt; benennen Sie eine um".into()),
                )
            }
            UnresolvedReference { target, value, closest, known } => {
                let (what, plural, table) = match target {
                    Target::Goal => ("das Ziel", "Ziele", "goals"),
                    Target::Field => ("das Handlungsfeld", "Handlungsfelder", "fields"),
                };
                let help = match (closest, known.is_empty()) {
                    (Some(best), _) => format!("meinten Sie „{best}“? Vorhandene {plural}: {}", known.join(", ")),
                    (None, false) => format!(
                        "vorhandene {plural}: {}; legen Sie einen [[{table}]]-Eintrag mit id = \"{value}\" an",
                        known.join(", ")
                    ),
                    (None, true) => format!("es gibt noch keine {plural}; legen Sie einen [[{table}]]-Eintrag mit id = \"{value}\" an"),
                };
                (format!("{name} verweist auf {what} „{value}“, das es nicht gibt"), Some(help))
            }
            GoalCycle { chain } => (
                format!("die Zielhierarchie enthält einen Kreis: {}", chain.join(" → ")),
                Some("ein Ziel kann nicht über sich selbst stehen; entfernen Sie ein übergeordnetes Ziel im Kreis".into()),
            ),
            GoalWithoutIndicator { goal } => (
                format!("Ziel „{goal}“ hat keinen messbaren Indikator"),
                Some("ergänzen Sie [[goals.indicators]] mit name, baseline, target und target_year".into()),
            ),
            MeasureWithoutGoal { measure } => (
                format!("Maßnahme „{measure}“ zahlt auf kein Ziel ein"),
                Some("ergänzen Sie goals = [\"…\"] mit den Ids der Ziele, denen sie dient".into()),
            ),
            MeasureFieldMismatch { measure, field } => (
                format!("das Handlungsfeld „{field}“ der Maßnahme „{measure}“ dient keinem ihrer Ziele"),
                Some("ordnen Sie dem Handlungsfeld eines der Ziele der Maßnahme zu, oder verschieben Sie die Maßnahme in ein Handlungsfeld, das ihnen dient".into()),
            ),
            MeasureWithout { measure, missing } => {
                let what = match missing {
                    MeasureKey::Lead => "keine Verantwortlichen (Federführung)",
                    MeasureKey::Budget => "kein Budget",
                    MeasureKey::Priority => "keine Priorität",
                };
                (
                    format!("Maßnahme „{measure}“ hat {what}"),
                    Some(format!("ergänzen Sie `{} = …` bei der Maßnahme", missing.key())),
                )
            }
            FieldWithoutMeasures { field } => (
                format!("Handlungsfeld „{field}“ hat keine Maßnahmen"),
                Some(format!("legen Sie einen [[measures]]-Eintrag mit field = \"{field}\" an")),
            ),
            NoQuickWin => (
                "keine Maßnahme ist als Quick Win markiert".into(),
                Some("setzen Sie quick_win = true bei einer Maßnahme, die früh Ergebnisse zeigt".into()),
            ),
            NoVision => ("die Strategie hat keine Vision".into(), Some("ergänzen Sie [vision] mit vision = \"…\"".into())),
            NoPoliticsActor => (
                "kein Akteur aus der Politik ist beteiligt".into(),
                Some("legen Sie einen [[actors]]-Eintrag mit group = \"politics\" an, z. B. den Digitalausschuss des Rats".into()),
            ),
            UnknownState { state, closest } => (
                format!("„{state}“ ist keines der 16 Bundesländer"),
                Some(match closest {
                    Some(best) => format!("meinten Sie „{best}“?"),
                    None => "verwenden Sie den deutschen Namen des Landes, z. B. „Nordrhein-Westfalen“".into(),
                }),
            ),
            LowCoverage { percent, filled, total, min, missing } => (
                format!(
                    "die Abdeckung der Gliederung ist {} % ({filled} von {total} Punkten), unter den geforderten {} %",
                    de_decimal(format!("{percent:.1}")),
                    de_decimal(min.to_string())
                ),
                Some(format!("füllen Sie weitere Punkte, z. B. {}", missing.join(", "))),
            ),
            NoReviewDate => (
                "die Strategie hat keinen Fortschreibungszyklus".into(),
                Some("ergänzen Sie review_months = 24 in [document]".into()),
            ),
            ReviewDatePast { due, date } => (
                format!(
                    "die Fortschreibung war am {} fällig, vor dem Datum des Dokuments ({})",
                    crate::i18n::date(Lang::De, *due),
                    crate::i18n::date(Lang::De, *date)
                ),
                Some("schreiben Sie die Strategie jetzt fort und aktualisieren Sie `adopted_on` und `date`".into()),
            ),
        };
        // a German message is a sentence; its help follows in brackets or after "help:"
        let mut chars = message.chars();
        let message = chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect());
        (message, help)
    }

    /// One example of every variant, for the tests.
    #[cfg(test)]
    pub fn examples() -> Vec<Message> {
        use Message::*;
        let s = |x: &str| x.to_string();
        vec![
            TomlSyntax { detail: s("expected a value"), fix: None },
            TomlSyntax {
                detail: s("invalid float"),
                fix: Some(super::syntax::Fix::Date { key: s("date"), date: s("2026-11-22") }),
            },
            InvalidInput { detail: s("missing field `name`") },
            Unreadable { detail: s("cannot read x.toml: No such file or directory") },
            NotUtf8 { file: s("latin1.toml"), byte: 0xFC },
            WrongType {
                expected: Expected::Date,
                found: Found::String(s("2026-11-22")),
                hint: Some(TypeHint::DateWithoutQuotes { key: s("date"), value: s("2026-11-22") }),
            },
            Blank { key: s("name"), municipality_name: true },
            NotAllowed {
                value: s("hoch"),
                allowed: vec![s("high"), s("medium"), s("low")],
                suggestion: Some(Suggestion::English(s("high"))),
            },
            DateOutOfRange { date: s("3026-11-22"), min: 1990, max: 2100 },
            IntegerOverflow { negative: false, found: s("99999999999999999999"), bound: i64::MAX.to_string() },
            IntegerOutOfRange { bound: Bound::Year(1990, 2100), found: s("20300") },
            NotFinite { found: s("nan") },
            UnknownKey { key: s("titel"), table: s("measures[0]"), hint: KeyHint::DidYouMean(s("title")) },
            MissingKey { key: s("name"), table: s("municipality"), help: MissingHelp::Key },
            MeasurePeriod { id: s("M1"), start: 2028, end: 2026 },
            IndicatorPeriod { name: s("CO₂"), goal: s("Z1"), baseline_year: 2022, target_year: 2020 },
            EmptyId { list: List::Measures },
            BadIdChars { value: s("M 1"), list: List::Measures },
            DuplicateId { value: s("Z1"), list: List::Goals, first: 0 },
            IdCaseClash { value: s("z1"), other: s("Z1"), list: List::Goals, first: 0 },
            UnresolvedReference { target: Target::Goal, value: s("Z9"), closest: Some(s("Z1")), known: vec![s("Z1")] },
            GoalCycle { chain: vec![s("Z1"), s("Z2"), s("Z1")] },
            GoalWithoutIndicator { goal: s("Z1") },
            MeasureWithoutGoal { measure: s("M1") },
            MeasureFieldMismatch { measure: s("M1"), field: s("mobility") },
            MeasureWithout { measure: s("M1"), missing: MeasureKey::Lead },
            MeasureWithout { measure: s("M1"), missing: MeasureKey::Budget },
            MeasureWithout { measure: s("M1"), missing: MeasureKey::Priority },
            FieldWithoutMeasures { field: s("health") },
            NoQuickWin,
            NoVision,
            NoPoliticsActor,
            UnknownState { state: s("Atlantis"), closest: None },
            LowCoverage { percent: 18.5, filled: 10, total: 54, min: 60.0, missing: vec![s("foreword")] },
            NoReviewDate,
            ReviewDatePast {
                due: Date { year: 2024, month: 1, day: 31 },
                date: Date { year: 2026, month: 11, day: 22 },
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The variant's name, from its Debug form (`MeasurePeriod { .. }` → `MeasurePeriod`).
    fn variant(m: &Message) -> String {
        format!("{m:?}").split([' ', '{', '(']).next().unwrap_or_default().to_string()
    }

    /// `Message::Name` as the model code writes it, in each file that creates diagnostics.
    fn used_variants() -> BTreeSet<String> {
        let sources = [include_str!("validate.rs"), include_str!("load.rs"), include_str!("../cmd/check.rs")];
        let mut out = BTreeSet::new();
        for source in sources {
            for (at, _) in source.match_indices("Message::") {
                let name: String =
                    source[at + "Message::".len()..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    out.insert(name);
                }
            }
        }
        out
    }

    #[test]
    fn every_diagnostic_the_model_creates_has_a_german_text() {
        let examples = Message::examples();
        let have: BTreeSet<String> = examples.iter().map(variant).collect();
        let used = used_variants();
        assert!(used.len() >= 25, "the scan finds the variants in use: {used:?}");
        let missing: Vec<&String> = used.difference(&have).collect();
        assert!(missing.is_empty(), "no example (and so no checked German text) for {missing:?}");
        for m in &examples {
            for subject in [Subject::Path("goals[0].indicators[0].target_year"), Subject::Label("Zieljahr")] {
                let (en, en_help) = m.render(Lang::En, subject);
                let (de, de_help) = m.render(Lang::De, subject);
                assert!(!de.trim().is_empty(), "{}: empty German message", m.code());
                assert_ne!(de, en, "{}: the German message is the English one", m.code());
                assert_eq!(de_help.is_some(), en_help.is_some(), "{}: help in one language only", m.code());
                if let (Some(de), Some(en)) = (&de_help, &en_help) {
                    assert_ne!(de, en, "{}: the German help is the English one", m.code());
                }
                if let Subject::Label(_) = subject {
                    for text in [Some(&de), Some(&en), de_help.as_ref(), en_help.as_ref()].into_iter().flatten() {
                        assert!(!text.contains("[0]"), "{}: a key path in the interview's words: {text}", m.code());
                    }
                }
            }
        }
    }

    #[test]
    fn every_code_has_an_example() {
        let codes: BTreeSet<&str> = Message::examples().iter().map(Message::code).collect();
        for code in [
            "toml-syntax",
            "invalid-input",
            "unreadable-file",
            "invalid-type",
            "invalid-value",
            "out-of-range",
            "unknown-key",
            "missing-key",
            "invalid-period",
            "invalid-id",
            "duplicate-id",
            "id-case-clash",
            "unresolved-reference",
            "goal-cycle",
            "goal-without-indicator",
            "measure-without-goal",
            "measure-field-mismatch",
            "measure-without-lead",
            "measure-without-budget",
            "measure-without-priority",
            "field-without-measures",
            "no-quick-win",
            "no-vision",
            "no-politics-actor",
            "unknown-state",
            "low-coverage",
            "no-review-date",
            "review-date-past",
        ] {
            assert!(codes.contains(code), "{code}");
        }
    }

    #[test]
    fn german_words_for_the_interview() {
        let (m, h) = Message::MeasurePeriod { id: "M1".into(), start: 2028, end: 2026 }
            .render(Lang::De, Subject::Label("Ende (Jahr)"));
        assert_eq!(m, "Maßnahme „M1“ endet 2026, bevor sie 2028 beginnt");
        assert_eq!(h.as_deref(), Some("das Ende muss im Jahr des Beginns oder später liegen"));
        let year = Message::IntegerOutOfRange { bound: Bound::Year(1990, 2100), found: "20300".into() };
        assert_eq!(
            year.render(Lang::De, Subject::Label("Zieljahr")).0,
            "„Zieljahr“ muss ein Jahr zwischen 1990 und 2100 sein, nicht 20300"
        );
        assert_eq!(
            year.render(Lang::En, Subject::Path("goals[0].indicators[0].target_year")).0,
            "`goals[0].indicators[0].target_year` must be a year between 1990 and 2100, found 20300"
        );
        assert_eq!(
            year.render(Lang::En, Subject::Label("Target year")).0,
            "\"Target year\" must be a year between 1990 and 2100, found 20300"
        );
    }
}
