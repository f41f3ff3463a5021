//! What each diagnostic says, in English and German.
//!
//! A [`Message`] is a finding with its parameters (ids, years, the value
//! found), not yet words. It names its `code` and renders its message and
//! help in either language from the entries of `src/i18n/diagnostics.toml`
//! (`render.rs` picks the entry and supplies its parameters). `check` prints
//! and serialises the English rendering (its text and JSON are stable); the
//! interview shows the rendering in its own language, naming the key by the
//! question's label instead of a key path such as
//! `goals[0].indicators[0].target_year`.
//!
//! Every variant must be rendered (the match in `render.rs` is exhaustive),
//! every entry holds both languages, and the tests check that each variant
//! the model code uses has an example whose German text is not the English
//! one.

mod render;

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

/// What is wrong with a file given as an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageProblem {
    /// A directory or another thing that is not a file, or larger than 8 MiB.
    NotAFile,
    /// Its bytes are not PNG or JPEG.
    NotPngOrJpeg,
    /// Its size cannot be read, or it has no pixels.
    NoPixels,
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
    /// not-toml
    NotToml {
        /// The file's name as given.
        file: String,
        /// What its name says it is: `Markdown`, `DOCX` …
        kind: String,
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
        /// The known ids, the first [`crate::model::validate::SHOWN_IDS`] of them.
        known: Vec<String>,
        /// How many ids are known in all.
        known_total: usize,
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
    /// long-word
    LongWord {
        /// How many characters the word has.
        length: usize,
        /// Its first characters.
        start: String,
    },
    /// no-review-date
    NoReviewDate,
    /// invalid-year: a key of `costs_eur` or `follow_up_eur` that is not a year.
    YearKey {
        /// The key as written.
        key: String,
    },
    /// costs-mismatch
    CostsMismatch {
        /// The measure's id.
        measure: String,
        /// What its costs by year add up to.
        costs: u64,
        /// Its `budget_eur`.
        budget: u64,
    },
    /// year-outside-measure
    YearOutsideMeasure {
        /// The year of the costs.
        year: u16,
        /// The measure's first year.
        start: u16,
        /// Its last year.
        end: u16,
    },
    /// follow-up-during-measure
    FollowUpDuringMeasure {
        /// The year of the follow-up costs.
        year: u16,
        /// The measure's last year.
        end: u16,
    },
    /// funding-above-costs
    FundingAboveCosts {
        /// The measure's id.
        measure: String,
        /// What its sources give.
        funding: u64,
        /// What it costs.
        costs: u64,
    },
    /// financing-without-amount
    FinancingWithoutAmount {
        /// The source's name.
        source: String,
    },
    /// share-without-costs
    ShareWithoutCosts {
        /// The source's name.
        source: String,
    },
    /// financing-mismatch: an amount that is not the share given beside it.
    AmountShareMismatch {
        /// `amount_eur`.
        amount: u64,
        /// `share_percent`.
        share: f64,
        /// The share of the costs in euros.
        expected: u64,
    },
    /// funding-unstructured
    FundingUnstructured {
        /// The measure's id.
        measure: String,
    },
    /// cancelled-without-reason
    CancelledWithoutReason {
        /// The measure's id.
        measure: String,
    },
    /// unknown-member: a share for a municipality that is not a member.
    UnknownMember {
        /// The name as written.
        name: String,
        /// The members, as `municipality.members` names them.
        members: Vec<String>,
    },
    /// shares-not-100
    SharesNot100 {
        /// What the shares add up to.
        sum: f64,
    },
    /// value-before-baseline: an indicator's value from before its baseline year.
    ValueBeforeBaseline {
        /// The indicator's name.
        indicator: String,
        /// The value's year.
        year: u16,
        /// The baseline year.
        baseline_year: u16,
    },
    /// value-after-target: an indicator's value from after its target year.
    ValueAfterTarget {
        /// The indicator's name.
        indicator: String,
        /// The value's year.
        year: u16,
        /// The target year.
        target_year: u16,
    },
    /// duplicate-year: a year given twice among an indicator's values or a measure's progress.
    DuplicateYear {
        /// The year.
        year: u16,
        /// The entry that gives it first, counted from 1.
        first: usize,
    },
    /// progress-before-start: progress reported for a year before the measure starts.
    ProgressBeforeStart {
        /// The measure's id.
        measure: String,
        /// The year reported on.
        year: u16,
        /// The measure's first year.
        start: u16,
    },
    /// missing-value: years that have passed since an indicator's last value without one.
    MissingValue {
        /// The indicator's name.
        indicator: String,
        /// The years without a value.
        years: Vec<u16>,
    },
    /// missing-alt-text
    NoAltText,
    /// missing-image
    ImageUnreadable {
        /// The file as strategiekit looked for it (relative paths from the input's folder).
        file: String,
        /// Why (English, from the operating system).
        detail: String,
    },
    /// invalid-image
    ImageInvalid {
        /// The file as strategiekit looked for it.
        file: String,
        /// What is wrong with it.
        problem: ImageProblem,
    },
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

impl Message {
    /// The stable, kebab-case code (`check --format json` reports it).
    pub fn code(&self) -> &'static str {
        use Message::*;
        match self {
            TomlSyntax { .. } => "toml-syntax",
            InvalidInput { .. } => "invalid-input",
            Unreadable { .. } => "unreadable-file",
            NotToml { .. } => "not-toml",
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
            LongWord { .. } => "long-word",
            ReviewDatePast { .. } => "review-date-past",
            NoAltText => "missing-alt-text",
            ValueBeforeBaseline { .. } => "value-before-baseline",
            ValueAfterTarget { .. } => "value-after-target",
            DuplicateYear { .. } => "duplicate-year",
            ProgressBeforeStart { .. } => "progress-before-start",
            MissingValue { .. } => "missing-value",
            UnknownMember { .. } => "unknown-member",
            SharesNot100 { .. } => "shares-not-100",
            YearKey { .. } => "invalid-year",
            CostsMismatch { .. } => "costs-mismatch",
            YearOutsideMeasure { .. } => "year-outside-measure",
            FollowUpDuringMeasure { .. } => "follow-up-during-measure",
            FundingAboveCosts { .. } => "funding-above-costs",
            FinancingWithoutAmount { .. } => "financing-without-amount",
            ShareWithoutCosts { .. } => "share-without-costs",
            AmountShareMismatch { .. } => "financing-mismatch",
            FundingUnstructured { .. } => "funding-unstructured",
            CancelledWithoutReason { .. } => "cancelled-without-reason",
            ImageUnreadable { .. } => "missing-image",
            ImageInvalid { .. } => "invalid-image",
        }
    }

    /// The message and help in `lang`, naming the key as `subject` says.
    pub fn render(&self, lang: Lang, subject: Subject<'_>) -> (String, Option<String>) {
        render::render(self, lang, subject)
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
            NotToml { file: s("ulm.md"), kind: s("Markdown") },
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
            UnresolvedReference {
                target: Target::Goal,
                value: s("Z9"),
                closest: Some(s("Z1")),
                known: vec![s("Z1")],
                known_total: 1,
            },
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
            LongWord { length: 3000, start: s("xxxxxxxxxxxxxxxxxxxx") },
            ReviewDatePast {
                due: Date { year: 2024, month: 1, day: 31 },
                date: Date { year: 2026, month: 11, day: 22 },
            },
            NoAltText,
            ValueBeforeBaseline { indicator: s("Online-Dienste"), year: 2021, baseline_year: 2022 },
            ValueAfterTarget { indicator: s("Online-Dienste"), year: 2031, target_year: 2030 },
            DuplicateYear { year: 2025, first: 1 },
            ProgressBeforeStart { measure: s("M1"), year: 2025, start: 2026 },
            MissingValue { indicator: s("Online-Dienste"), years: vec![2024, 2025] },
            UnknownMember { name: s("Kaltal"), members: vec![s("Kalletal"), s("Lemgo")] },
            SharesNot100 { sum: 90.0 },
            YearKey { key: s("zweitausendsiebenundzwanzig") },
            CostsMismatch { measure: s("M1"), costs: 240_000, budget: 250_000 },
            YearOutsideMeasure { year: 2030, start: 2027, end: 2028 },
            FollowUpDuringMeasure { year: 2028, end: 2028 },
            FundingAboveCosts { measure: s("M1"), funding: 300_000, costs: 250_000 },
            FinancingWithoutAmount { source: s("MPSC") },
            ShareWithoutCosts { source: s("MPSC") },
            AmountShareMismatch { amount: 150_000, share: 65.0, expected: 162_500 },
            FundingUnstructured { measure: s("M1") },
            CancelledWithoutReason { measure: s("M1") },
            ImageUnreadable { file: s("bilder/zielbild.png"), detail: s("No such file or directory (os error 2)") },
            ImageInvalid { file: s("zielbild.svg"), problem: ImageProblem::NotAFile },
            ImageInvalid { file: s("zielbild.svg"), problem: ImageProblem::NotPngOrJpeg },
            ImageInvalid { file: s("zielbild.png"), problem: ImageProblem::NoPixels },
        ]
    }
}

#[cfg(test)]
mod tests;
