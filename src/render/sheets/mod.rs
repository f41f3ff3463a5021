//! Spreadsheets for the Kämmerei: the measures with every field and their
//! money by year and kind, the cost and financing plan (sources × years),
//! and the indicators — as XLSX and ODS (with sums as formulas) and as CSV.
//!
//! The tables are built once here, from the validated model and the finance
//! plan the documents show ([`crate::finance`]), so a spreadsheet's sums are
//! the documents' sums; the writers only lay them out.

mod csv;
mod ods;
mod xlsx;

pub use self::csv::Csv;
pub use self::ods::Ods;
pub use self::xlsx::Xlsx;

use crate::finance::{Line, MeasureFinance, Plan};
use crate::i18n::Labels;
use crate::model::{Lang, Strategy};

/// One sheet: columns, rows, and which sums it has.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's name (at most 31 characters, as Excel allows).
    pub name: String,
    /// The columns.
    pub columns: Vec<SheetColumn>,
    /// The rows of values, as many as columns each.
    pub rows: Vec<Vec<Value>>,
    /// A last row with this label summing every money column.
    pub sum_row: Option<String>,
    /// A last column with this title summing, in each row, the columns from `sum_from` up to it.
    pub sum_column: Option<(String, usize)>,
}

/// A column of a sheet.
#[derive(Debug, Clone)]
pub struct SheetColumn {
    /// The header.
    pub title: String,
    /// What its values are.
    pub kind: Kind,
    /// Its width in characters.
    pub width: u16,
    /// Whether the sum row sums it (money columns but the budget as entered,
    /// which a cancelled measure keeps though it costs nothing).
    pub summed: bool,
}

/// What a column holds, which says how it is formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Text,
    /// A whole number (a year, a count).
    Int,
    /// Whole euros.
    Euro,
    /// A number with decimals (a measured value, staff).
    Decimal,
}

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number (whole euros, years and counts are whole numbers).
    Number(f64),
}

impl Sheet {
    /// The sum of `row` from the sum column's first column on, if the sheet has a sum column.
    pub fn row_total(&self, row: &[Value]) -> Option<f64> {
        let (_, from) = self.sum_column.as_ref()?;
        Some(row.get(*from..).unwrap_or_default().iter().filter_map(Value::number).sum())
    }

    /// The sum row's sums: for each column it sums (and the sum column, last,
    /// if there is one), its index and the sum of its values.
    pub fn column_totals(&self) -> Vec<(usize, f64)> {
        let mut totals: Vec<(usize, f64)> = self
            .columns
            .iter()
            .enumerate()
            .filter(|(_, col)| col.summed)
            .map(|(c, _)| (c, self.rows.iter().filter_map(|row| row.get(c).and_then(Value::number)).sum()))
            .collect();
        if self.sum_column.is_some() {
            let all = self.rows.iter().filter_map(|row| self.row_total(row)).sum();
            totals.push((self.columns.len(), all));
        }
        totals
    }
}

impl Value {
    /// The value as a number, if it is one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

fn text(s: impl Into<String>) -> Value {
    let s = s.into();
    if s.trim().is_empty() { Value::Empty } else { Value::Text(s) }
}

fn opt_text(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::Empty, text)
}

fn num<T: Into<f64>>(n: Option<T>) -> Value {
    n.map_or(Value::Empty, |n| Value::Number(n.into()))
}

fn euros(n: u64) -> Value {
    Value::Number(n as f64)
}

/// A column of `kind`, as wide as such values need: ids and years narrow,
/// names wider, running text widest (it wraps).
fn col(title: &str, kind: Kind) -> SheetColumn {
    let width = match kind {
        Kind::Text => 30,
        Kind::Int => 9,
        Kind::Euro => 14,
        Kind::Decimal => 11,
    };
    SheetColumn { title: title.to_string(), kind, width, summed: kind == Kind::Euro }
}

/// A column of text `width` characters wide.
fn text_col(title: &str, width: u16) -> SheetColumn {
    SheetColumn { title: title.to_string(), kind: Kind::Text, width, summed: false }
}

/// The sheets of `s` with the words of `l`.
pub fn sheets(s: &Strategy, l: &Labels) -> Vec<Sheet> {
    let plan = Plan::of(s);
    vec![measures(s, l, &plan), finance_plan(&plan, l), indicators(s, l)]
}

/// Every measure with every field, its costs by year and its money by kind.
fn measures(s: &Strategy, l: &Labels, plan: &Plan) -> Sheet {
    let mut columns = vec![
        text_col(&l.id, 10),
        text_col(&l.title, 36),
        text_col(&l.field, 16),
        text_col(&l.goals, 14),
        text_col(&l.description, 50),
        text_col(&l.needs, 40),
        text_col(&l.benefit, 40),
        col(&l.lead, Kind::Text),
        col(&l.partners, Kind::Text),
        col(&l.priority, Kind::Text),
        col(&l.quick_win, Kind::Text),
        col(&l.status, Kind::Text),
        col(&l.status_reason, Kind::Text),
        col(&l.start, Kind::Int),
        col(&l.end, Kind::Int),
        SheetColumn { summed: false, ..col(&l.budget, Kind::Euro) },
        col(&l.funding, Kind::Text),
    ];
    let years: Vec<Option<u16>> = plan.years.clone();
    for y in &years {
        let year = y.map_or_else(|| l.no_period.clone(), |y| y.to_string());
        columns.push(col(&format!("{} {year}", l.costs_by_year), Kind::Euro));
    }
    for title in [&l.funding_kind_grant, &l.funding_kind_third_party, &l.own_share, &l.not_broken_down, &l.follow_up] {
        columns.push(col(title, Kind::Euro));
    }
    columns.extend([
        col(&l.staff_fte, Kind::Decimal),
        col(&l.budget_line, Kind::Text),
        col(&l.sdgs, Kind::Text),
        col(&l.selection, Kind::Text),
        col(&l.data_sovereignty, Kind::Text),
    ]);
    let rows = s.measures.iter().map(|m| measure_row(m, l, &years)).collect();
    Sheet { name: l.measures.clone(), columns, rows, sum_row: Some(l.total.clone()), sum_column: None }
}

/// One measure's row of [`measures`].
fn measure_row(m: &crate::model::Measure, l: &Labels, years: &[Option<u16>]) -> Vec<Value> {
    let finance = MeasureFinance::of(m);
    let mut row = vec![
        text(&m.id),
        opt_text(&m.title),
        text(&m.field),
        text(m.goals.join(", ")),
        opt_text(&m.description),
        opt_text(&m.needs),
        opt_text(&m.benefit),
        opt_text(&m.lead),
        text(m.partners.join(", ")),
        m.priority.map_or(Value::Empty, |p| text(l.priority(p))),
        text(if m.quick_win { &l.yes } else { &l.no }),
        m.status.map_or(Value::Empty, |st| text(l.status(st))),
        opt_text(&m.status_reason),
        num(m.start),
        num(m.end),
        m.budget_eur.map_or(Value::Empty, euros),
        opt_text(&m.funding),
    ];
    for y in years {
        row.push(finance.as_ref().and_then(|f| f.costs.get(y)).map_or(Value::Empty, |a| euros(*a)));
    }
    let by = |keep: fn(&Line) -> bool| {
        let sum: u64 = finance
            .iter()
            .flat_map(|f| f.lines.iter())
            .filter(|(line, _)| keep(line))
            .flat_map(|(_, y)| y.values())
            .sum();
        if sum == 0 { Value::Empty } else { euros(sum) }
    };
    row.push(by(|x| matches!(x, Line::Source { kind: crate::model::FundingKind::Grant, .. })));
    row.push(by(|x| matches!(x, Line::Source { kind: crate::model::FundingKind::ThirdParty, .. })));
    row.push(by(|x| matches!(x, Line::Source { kind: crate::model::FundingKind::Own, .. } | Line::OwnShare)));
    row.push(by(|x| *x == Line::NotBrokenDown));
    let follow_up: u64 = if finance.is_some() { m.follow_up_eur.values().sum() } else { 0 };
    row.push(if follow_up == 0 { Value::Empty } else { euros(follow_up) });
    row.extend([
        num(m.staff_fte),
        opt_text(&m.budget_line),
        text(m.sdgs.iter().map(u8::to_string).collect::<Vec<_>>().join(", ")),
        opt_text(&m.selection),
        opt_text(&m.data_sovereignty),
    ]);
    row
}

/// The cost and financing plan: sources × years, with sums.
fn finance_plan(plan: &Plan, l: &Labels) -> Sheet {
    let mut columns = vec![text_col(&l.source, 40), text_col(&l.kind, 16)];
    for y in &plan.years {
        columns.push(col(&y.map_or_else(|| l.no_period.clone(), |y| y.to_string()), Kind::Euro));
    }
    let rows = plan
        .lines
        .iter()
        .map(|line| {
            let (source, kind) = match &line.line {
                Line::Source { kind, source } => (text(source), text(l.funding_kind(*kind))),
                Line::OwnShare => (text(&l.own_share), text(&l.funding_kind_own)),
                Line::NotBrokenDown => (text(&l.not_broken_down), Value::Empty),
            };
            let mut row = vec![source, kind];
            row.extend(line.by_year.iter().map(|a| euros(*a)));
            row
        })
        .collect();
    let name: String = l.finance_plan.chars().take(31).collect();
    Sheet { name, columns, rows, sum_row: Some(l.total_costs.clone()), sum_column: Some((l.total.clone(), 2)) }
}

/// Every indicator with its goal.
fn indicators(s: &Strategy, l: &Labels) -> Sheet {
    let columns = vec![
        text_col(&l.goal, 8),
        text_col(&l.title, 36),
        text_col(&l.indicator, 40),
        text_col(&l.unit, 14),
        col(&l.baseline, Kind::Decimal),
        col(&format!("{} ({})", l.baseline, l.year), Kind::Int),
        col(&l.target, Kind::Decimal),
        col(&format!("{} ({})", l.target, l.year), Kind::Int),
        col(&l.source, Kind::Text),
    ];
    let rows = s
        .goals
        .iter()
        .flat_map(|g| {
            g.indicators.iter().map(move |i| {
                vec![
                    text(&g.id),
                    opt_text(&g.title),
                    text(&i.name),
                    opt_text(&i.unit),
                    num(i.baseline),
                    num(i.baseline_year),
                    num(i.target),
                    num(i.target_year),
                    opt_text(&i.source),
                ]
            })
        })
        .collect();
    Sheet { name: l.indicators.clone(), columns, rows, sum_row: None, sum_column: None }
}

/// The language's number and date conventions for the CSV.
pub(crate) fn decimal_comma(lang: Lang) -> bool {
    lang == Lang::De
}
