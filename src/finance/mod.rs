//! The finance plan (Kosten- und Finanzierungsplan): each measure's costs
//! by year — as given, or its budget spread over its years as an estimate —
//! split over its sources of money, its own share and the part whose
//! financing is not broken down; and the follow-up costs and staff.
//!
//! Everything is whole euros, and every split is made so that each row
//! (a source's amount) and each column (a year's costs) adds up exactly:
//! the document's tables, the JSON and the spreadsheets show the same sums,
//! and no table shows a total that its cells do not give.
//!
//! Cancelled measures spend nothing: they are left out of the plan.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{FundingKind, Measure, MeasureStatus, Strategy};

/// A row of the plan: where a part of the costs comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "line")]
pub enum Line {
    /// A named source of one kind (grants first, then third parties, then own funds).
    Source {
        /// Grant, third party or own funds.
        #[schemars(with = "String")]
        kind: FundingKind,
        /// The source's name as written.
        source: String,
    },
    /// What the named sources leave of a measure's costs: the municipality pays it.
    OwnShare,
    /// The costs of measures that name no sources with amounts.
    NotBrokenDown,
}

/// A column of the plan: a year, or none for costs without a period.
pub type Year = Option<u16>;

/// One measure's part of the plan.
#[derive(Debug, Clone)]
pub struct MeasureFinance {
    /// The measure's costs by year.
    pub costs: BTreeMap<Year, u64>,
    /// Whether the costs by year are the budget spread evenly (no `costs_eur`).
    pub estimated: bool,
    /// Each line's amount by year; the years of each add up to the line's
    /// amount, the lines of each year to the year's costs.
    pub lines: BTreeMap<Line, BTreeMap<Year, u64>>,
}

impl MeasureFinance {
    /// The measure's costs in all.
    pub fn total(&self) -> u64 {
        self.costs.values().sum()
    }
}

/// The years of a measure: `start..=end`, one of them, or none.
pub fn period(m: &Measure) -> Option<(u16, u16)> {
    match (m.start, m.end) {
        (Some(s), Some(e)) if e >= s => Some((s, e)),
        (Some(s), _) => Some((s, s)),
        (None, Some(e)) => Some((e, e)),
        (None, None) => None,
    }
}

/// A year key of `costs_eur` or `follow_up_eur` (`"2027"`), if it is one.
pub fn year_key(key: &str) -> Option<u16> {
    key.trim().parse().ok().filter(|y| (1990..=2100).contains(y))
}

/// The measure's costs by year: `costs_eur` where given, else `budget_eur`
/// spread over its years (estimated), else nothing.
pub fn costs(m: &Measure) -> (BTreeMap<Year, u64>, bool) {
    if !m.costs_eur.is_empty() {
        let mut by_year = BTreeMap::new();
        for (key, amount) in &m.costs_eur {
            *by_year.entry(year_key(key)).or_insert(0) += amount;
        }
        return (by_year, false);
    }
    let Some(budget) = m.budget_eur.filter(|b| *b > 0) else { return (BTreeMap::new(), false) };
    match period(m) {
        Some((start, end)) => (spread(budget, start, end), true),
        None => (BTreeMap::from([(None, budget)]), false),
    }
}

/// `total` spread evenly over `start..=end` in round amounts (hundreds where
/// the total allows), the rest in the first year, so the years add up exactly.
fn spread(total: u64, start: u16, end: u16) -> BTreeMap<Year, u64> {
    let n = u64::from(end - start) + 1;
    let unit = if total >= 100 * n { 100 } else { 1 };
    let each = total / n / unit * unit;
    let first = total - each * (n - 1);
    (start..=end).map(|y| (Some(y), if y == start { first } else { each })).collect()
}

/// The amount of one financing entry of a measure costing `total`: its
/// `amount_eur`, or its share of the costs, rounded to the euro.
pub fn amount(f: &crate::model::Financing, total: u64) -> u64 {
    match (f.amount_eur, f.share_percent) {
        (Some(a), _) => a,
        (None, Some(p)) => (total as f64 * p.clamp(0.0, 100.0) / 100.0).round() as u64,
        (None, None) => 0,
    }
}

/// The order the lines take a measure's costs in: grants, third parties, own funds.
fn kind_rank(kind: FundingKind) -> u8 {
    match kind {
        FundingKind::Grant => 0,
        FundingKind::ThirdParty => 1,
        FundingKind::Own => 2,
    }
}

/// Splits `amount` over the years in proportion to what each year has
/// `left`, in whole euros, never more than a year has left; takes it from
/// `left`. An `amount` above the sum of `left` is cut to it.
fn take(amount: u64, left: &mut BTreeMap<Year, u64>) -> BTreeMap<Year, u64> {
    let room: u64 = left.values().sum();
    let weights: Vec<(Year, u64)> = left.iter().map(|(y, l)| (*y, *l)).collect();
    let mut out = BTreeMap::new();
    for (year, part) in split(amount.min(room), &weights) {
        if part > 0 {
            if let Some(l) = left.get_mut(&year) {
                *l -= part;
            }
            out.insert(year, part);
        }
    }
    out
}

/// Splits `amount` in proportion to `weights`, in whole euros, so that the
/// parts add up to `amount` exactly: each part is rounded down and the
/// largest remainders get a euro more (on a tie the earlier entry). With
/// no weight at all, every part is zero.
pub fn split<K: Clone>(amount: u64, weights: &[(K, u64)]) -> Vec<(K, u64)> {
    let total: u128 = weights.iter().map(|(_, w)| u128::from(*w)).sum();
    if total == 0 {
        return weights.iter().map(|(k, _)| (k.clone(), 0)).collect();
    }
    // exact parts amount × weight / total, as whole part and remainder (u128: no overflow)
    let mut parts: Vec<(K, u64, u128)> = weights
        .iter()
        .map(|(k, w)| {
            let exact = u128::from(amount) * u128::from(*w);
            (k.clone(), (exact / total) as u64, exact % total)
        })
        .collect();
    let missing = amount - parts.iter().map(|p| p.1).sum::<u64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|a, b| parts[*b].2.cmp(&parts[*a].2).then(a.cmp(b)));
    // the remainders add up to `missing` whole euros, one per part at most
    for i in order.into_iter().take(missing as usize) {
        parts[i].1 += 1;
    }
    parts.into_iter().map(|(k, part, _)| (k, part)).collect()
}

impl MeasureFinance {
    /// The plan of measure `m`; `None` for a cancelled measure.
    pub fn of(m: &Measure) -> Option<MeasureFinance> {
        if m.status == Some(MeasureStatus::Cancelled) {
            return None;
        }
        let (costs, estimated) = costs(m);
        let total: u64 = costs.values().sum();
        let mut left = costs.clone();
        let mut lines: BTreeMap<Line, BTreeMap<Year, u64>> = BTreeMap::new();
        let mut sources: Vec<&crate::model::Financing> = m.financing.iter().collect();
        sources.sort_by_key(|f| kind_rank(f.kind));
        for f in &sources {
            let line = Line::Source { kind: f.kind, source: f.source.trim().to_string() };
            for (year, share) in take(amount(f, total), &mut left) {
                *lines.entry(line.clone()).or_default().entry(year).or_insert(0) += share;
            }
        }
        let rest: BTreeMap<Year, u64> = left.into_iter().filter(|(_, l)| *l > 0).collect();
        if !rest.is_empty() {
            let line = if sources.is_empty() { Line::NotBrokenDown } else { Line::OwnShare };
            lines.insert(line, rest);
        }
        Some(MeasureFinance { costs, estimated, lines })
    }
}

/// The plan of a whole strategy.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Plan {
    /// The columns: the years with costs, ascending, then `null` for costs without a year.
    #[schemars(with = "Vec<Option<u16>>")]
    pub years: Vec<Year>,
    /// The rows, in order: grants, third parties, own funds by name, the own
    /// share, the part not broken down.
    pub lines: Vec<PlanLine>,
    /// The costs by year (the columns' sums), in the order of `years`.
    pub costs_by_year: Vec<u64>,
    /// All costs.
    pub total: u64,
    /// Ids of the measures whose costs by year are estimated from their budget.
    pub estimated: Vec<String>,
    /// The grants in all.
    pub grants: u64,
    /// Third-party funds in all.
    pub third_party: u64,
    /// The municipality's own share: own funds by name and the own share.
    pub own: u64,
    /// Follow-up costs by year, ascending.
    pub follow_up_by_year: Vec<(u16, u64)>,
    /// Follow-up costs in all.
    pub follow_up_total: u64,
    /// Staff in full-time equivalents, all measures.
    pub staff_fte: f64,
}

/// A row of the plan with its amount per year and in all.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PlanLine {
    /// What the row is.
    #[serde(flatten)]
    pub line: Line,
    /// The amount in each year, in the order of [`Plan::years`].
    pub by_year: Vec<u64>,
    /// The row's sum.
    pub total: u64,
    /// How many measures it pays for.
    pub measures: usize,
}

impl Plan {
    /// The plan of `s`: every measure that is not cancelled.
    pub fn of(s: &Strategy) -> Plan {
        let mut cells: BTreeMap<Line, (BTreeMap<Year, u64>, usize)> = BTreeMap::new();
        let mut estimated = Vec::new();
        let mut follow_up: BTreeMap<u16, u64> = BTreeMap::new();
        let mut staff_fte = 0.0;
        for m in &s.measures {
            let Some(f) = MeasureFinance::of(m) else { continue };
            if f.estimated {
                estimated.push(m.id.clone());
            }
            for (line, by_year) in f.lines {
                let slot = cells.entry(line).or_default();
                slot.1 += 1;
                for (year, amount) in by_year {
                    *slot.0.entry(year).or_insert(0) += amount;
                }
            }
            for (key, amount) in &m.follow_up_eur {
                if let Some(year) = year_key(key) {
                    *follow_up.entry(year).or_insert(0) += amount;
                }
            }
            staff_fte += m.staff_fte.unwrap_or(0.0);
        }
        // years ascending, costs without a year last
        let mut years: Vec<Year> = cells.values().flat_map(|(y, _)| y.keys().copied()).collect();
        years.sort_by_key(|y| (y.is_none(), *y));
        years.dedup();
        let lines: Vec<PlanLine> = cells
            .into_iter()
            .map(|(line, (by_year, measures))| {
                let row: Vec<u64> = years.iter().map(|y| by_year.get(y).copied().unwrap_or(0)).collect();
                PlanLine { total: row.iter().sum(), by_year: row, line, measures }
            })
            .collect();
        let costs_by_year: Vec<u64> = (0..years.len()).map(|i| lines.iter().map(|l| l.by_year[i]).sum()).collect();
        let sum_of = |keep: fn(&Line) -> bool| lines.iter().filter(|l| keep(&l.line)).map(|l| l.total).sum();
        Plan {
            grants: sum_of(|l| matches!(l, Line::Source { kind: FundingKind::Grant, .. })),
            third_party: sum_of(|l| matches!(l, Line::Source { kind: FundingKind::ThirdParty, .. })),
            own: sum_of(|l| matches!(l, Line::Source { kind: FundingKind::Own, .. } | Line::OwnShare)),
            total: costs_by_year.iter().sum(),
            follow_up_total: follow_up.values().sum(),
            follow_up_by_year: follow_up.into_iter().collect(),
            years,
            lines,
            costs_by_year,
            estimated,
            staff_fte,
        }
    }
}

#[cfg(test)]
mod properties;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Financing, FundingKind};

    fn measure(budget: Option<u64>, start: Option<u16>, end: Option<u16>) -> Measure {
        Measure { id: "M1".into(), field: "f".into(), budget_eur: budget, start, end, ..Measure::default() }
    }

    fn source(kind: FundingKind, name: &str, amount: Option<u64>, share: Option<f64>) -> Financing {
        Financing { source: name.into(), kind, amount_eur: amount, share_percent: share }
    }

    #[test]
    fn a_budget_is_spread_in_round_amounts_and_adds_up() {
        let (by_year, estimated) = costs(&measure(Some(1_000_000), Some(2027), Some(2029)));
        assert!(estimated);
        assert_eq!(by_year.values().copied().collect::<Vec<_>>(), [333_400, 333_300, 333_300]);
        // too small for hundreds: euros
        let (by_year, _) = costs(&measure(Some(250), Some(2027), Some(2029)));
        assert_eq!(by_year.values().copied().collect::<Vec<_>>(), [84, 83, 83]);
        // no years: one column without a year
        let (by_year, estimated) = costs(&measure(Some(5), None, None));
        assert_eq!((by_year, estimated), (BTreeMap::from([(None, 5)]), false));
    }

    #[test]
    fn sources_take_their_share_of_every_year_and_the_rest_is_the_own_share() {
        let mut m = measure(None, Some(2027), Some(2028));
        m.costs_eur = BTreeMap::from([("2027".into(), 1), ("2028".into(), 1)]);
        // two grants of one euro each: a year can give no more than it costs
        m.financing =
            vec![source(FundingKind::Grant, "A", Some(1), None), source(FundingKind::Grant, "B", Some(1), None)];
        let f = MeasureFinance::of(&m).expect("not cancelled");
        let a = &f.lines[&Line::Source { kind: FundingKind::Grant, source: "A".into() }];
        let b = &f.lines[&Line::Source { kind: FundingKind::Grant, source: "B".into() }];
        assert_eq!((a.values().sum::<u64>(), b.values().sum::<u64>()), (1, 1));
        assert_eq!(a.get(&Some(2027)).unwrap_or(&0) + b.get(&Some(2027)).unwrap_or(&0), 1);
        assert!(!f.lines.contains_key(&Line::OwnShare));
        // 65 % of 1,000,001 €: 650,001 € (rounded), the rest own share, both spread like the costs
        let mut m = measure(Some(1_000_001), Some(2027), Some(2027));
        m.financing = vec![source(FundingKind::Grant, "MPSC", None, Some(65.0))];
        let f = MeasureFinance::of(&m).expect("plan");
        assert_eq!(f.lines[&Line::OwnShare][&Some(2027)], 350_000);
    }

    #[test]
    fn a_cancelled_measure_costs_nothing_and_one_without_sources_is_not_broken_down() {
        let mut m = measure(Some(100), Some(2027), Some(2027));
        assert!(MeasureFinance::of(&m).expect("plan").lines.contains_key(&Line::NotBrokenDown));
        m.status = Some(MeasureStatus::Cancelled);
        assert!(MeasureFinance::of(&m).is_none());
    }
}
