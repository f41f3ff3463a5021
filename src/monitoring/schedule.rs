//! Where a measure stands in the year reported on, and which year that is.
//!
//! The year reported on is the latest year of any indicator value or measure
//! progress in the file; a file without any reports on the year before its
//! date. A measure's state in that year is its latest progress entry up to
//! it, else its own `status`; from that state and its years follows its
//! schedule:
//! - **done** (abgeschlossen) and **cancelled** (abgebrochen) as stated;
//! - **late** (verspätet): its end year has passed — it lies before the year
//!   reported on, or it is that year and the measure's progress for it is
//!   reported — and it is not done;
//! - **not started** (nicht begonnen): it begins after the year reported on;
//! - **on schedule** (im Plan): every other measure.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Serialize;

use crate::finance::{self, period};
use crate::model::{Measure, MeasureStatus, Progress, Strategy};

/// Where a measure stands in the year reported on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Schedule {
    /// Abgeschlossen.
    Done,
    /// Im Plan.
    OnSchedule,
    /// Verspätet: its end year has passed and it is not done.
    Late,
    /// Nicht begonnen: it begins after the year reported on.
    NotStarted,
    /// Abgebrochen.
    Cancelled,
}

impl Schedule {
    /// The stable name in JSON (`on_schedule` …).
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// The year a report of `s` reports on: the latest year of a value or a
/// progress entry, else the year before the document's date.
pub fn report_year(s: &Strategy) -> Option<u16> {
    let values = s.goals.iter().flat_map(|g| &g.indicators).flat_map(|i| i.values.iter().map(|v| v.year));
    let progress = s.measures.iter().flat_map(|m| m.progress.iter().map(|p| p.year));
    values.chain(progress).max().or_else(|| s.document.date.as_ref().map(|d| d.year.saturating_sub(1)))
}

/// The years whose money is compared: first and last year of the progress
/// entries with money spent. Before the first, spending was not reported
/// yet; after the last, not any more: such a year would read as money not
/// spent. Without any spending reported: every year up to the year
/// reported on (the first is then 0), where only plans are shown.
pub type Span = (u16, u16);

/// The [`Span`] of `s`, if it has a year to report on.
pub fn money_span(s: &Strategy) -> Option<Span> {
    let spent: Vec<u16> =
        s.measures.iter().flat_map(|m| m.progress.iter().filter(|p| p.spent_eur.is_some()).map(|p| p.year)).collect();
    match (spent.iter().min(), spent.iter().max()) {
        (Some(&first), Some(&last)) => Some((first, last)),
        _ => report_year(s).map(|y| (0, y)),
    }
}

/// The measure's latest progress entry up to `year`.
pub fn latest_progress(m: &Measure, year: u16) -> Option<&Progress> {
    m.progress.iter().filter(|p| p.year <= year).max_by_key(|p| p.year)
}

/// The measure's state in `year`: its latest progress with a status, else its own status.
pub fn status_in(m: &Measure, year: u16) -> Option<MeasureStatus> {
    let reported = m.progress.iter().filter(|p| p.year <= year && p.status.is_some()).max_by_key(|p| p.year);
    reported.and_then(|p| p.status).or(m.status)
}

/// Where the measure stands in `year` (see the module's rule).
pub fn schedule(m: &Measure, year: u16) -> Schedule {
    match status_in(m, year) {
        Some(MeasureStatus::Done) => return Schedule::Done,
        Some(MeasureStatus::Cancelled) => return Schedule::Cancelled,
        _ => {}
    }
    // the end year has passed: it lies before the year reported on, or it is
    // that year and the measure's progress at its end is reported
    let reported = m.progress.iter().any(|p| p.year == year);
    match period(m) {
        Some((_, end)) if end < year || (end == year && reported) => Schedule::Late,
        Some((start, _)) if start > year => Schedule::NotStarted,
        _ => Schedule::OnSchedule,
    }
}

/// The share of the measure done by `year`, in percent, as last reported.
pub fn percent_in(m: &Measure, year: u16) -> Option<f64> {
    m.progress.iter().filter(|p| p.year <= year && p.percent.is_some()).max_by_key(|p| p.year).and_then(|p| p.percent)
}

/// Money planned and spent in one year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Money {
    /// The costs planned for the year (the finance plan's, estimated where only a total is given).
    pub planned: u64,
    /// The money reported spent in the year.
    pub spent: u64,
}

/// The first year a cancelled measure plans nothing more: the year its
/// progress first reports it cancelled, else — cancelled by its `status` —
/// the year after its last progress, else (never reported on) its first
/// year: it plans nothing at all, as in the finance plan.
pub fn cancelled_from(m: &Measure) -> Option<u16> {
    let cancelled = |p: &&Progress| p.status == Some(MeasureStatus::Cancelled);
    if let Some(p) = m.progress.iter().filter(cancelled).min_by_key(|p| p.year) {
        return Some(p.year);
    }
    if m.status != Some(MeasureStatus::Cancelled) {
        return None;
    }
    Some(m.progress.iter().map(|p| p.year.saturating_add(1)).max().unwrap_or(u16::MIN))
}

impl std::ops::Add for Money {
    type Output = Money;

    /// Both sums, saturating (each amount is capped by `check`, their sums are not).
    fn add(self, other: Money) -> Money {
        Money { planned: self.planned.saturating_add(other.planned), spent: self.spent.saturating_add(other.spent) }
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::default(), |a, b| a + b)
    }
}

/// The measure's money planned and spent in `year`; a cancelled measure
/// plans nothing from the year it was stopped on, but may have spent.
pub fn money_in(m: &Measure, year: u16) -> Money {
    let planned = if cancelled_from(m).is_some_and(|from| year >= from) {
        0
    } else {
        finance::costs(m).0.get(&Some(year)).copied().unwrap_or(0)
    };
    let spent = m.progress.iter().filter(|p| p.year == year).filter_map(|p| p.spent_eur).sum();
    Money { planned, spent }
}

/// The years of `span` in which the measure plans or reports money.
pub fn money_years(m: &Measure, span: Span) -> BTreeSet<u16> {
    let planned = finance::costs(m).0.into_keys().flatten();
    let spent = m.progress.iter().filter(|p| p.spent_eur.is_some()).map(|p| p.year);
    planned.chain(spent).filter(|y| (span.0..=span.1).contains(y)).collect()
}

/// The measure's money planned and spent in the years of `span`.
pub fn money_until(m: &Measure, span: Span) -> Money {
    money_years(m, span).into_iter().map(|y| money_in(m, y)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(
        start: u16,
        end: u16,
        status: Option<MeasureStatus>,
        progress: &[(u16, Option<MeasureStatus>)],
    ) -> Measure {
        let mut m: Measure =
            toml::from_str(&format!("id = \"M1\"\nfield = \"f\"\nstart = {start}\nend = {end}")).expect("measure");
        m.status = status;
        m.progress = progress
            .iter()
            .map(|&(year, status)| Progress { year, status, percent: None, spent_eur: None, note: None })
            .collect();
        m
    }

    #[test]
    fn a_measure_is_late_once_its_end_year_is_reported_on_and_it_is_not_done() {
        let running = Some(MeasureStatus::Running);
        assert_eq!(schedule(&measure(2024, 2025, running, &[]), 2024), Schedule::OnSchedule);
        // its last year is not over until its progress at the end of it is reported
        assert_eq!(schedule(&measure(2024, 2025, running, &[]), 2025), Schedule::OnSchedule);
        assert_eq!(schedule(&measure(2024, 2025, running, &[(2025, None)]), 2025), Schedule::Late);
        assert_eq!(schedule(&measure(2024, 2025, running, &[]), 2026), Schedule::Late);
        // done in the progress of its last year: not late
        let done = [(2025, Some(MeasureStatus::Done))];
        assert_eq!(schedule(&measure(2024, 2025, running, &done), 2025), Schedule::Done);
        // a later report does not count for an earlier year
        let later = [(2025, None), (2026, Some(MeasureStatus::Done))];
        assert_eq!(schedule(&measure(2024, 2025, running, &later), 2025), Schedule::Late);
        assert_eq!(schedule(&measure(2024, 2025, running, &later), 2026), Schedule::Done);
    }

    #[test]
    fn measures_not_yet_begun_or_stopped_are_neither_late_nor_on_schedule() {
        assert_eq!(schedule(&measure(2027, 2028, Some(MeasureStatus::Planned), &[]), 2026), Schedule::NotStarted);
        let stopped = [(2025, Some(MeasureStatus::Cancelled))];
        assert_eq!(schedule(&measure(2024, 2025, Some(MeasureStatus::Running), &stopped), 2026), Schedule::Cancelled);
        assert_eq!(schedule(&measure(2024, 2030, None, &[(2025, None)]), 2026), Schedule::OnSchedule);
    }

    #[test]
    fn a_cancelled_measure_plans_nothing_from_the_year_it_was_stopped() {
        let mut m =
            measure(2025, 2027, Some(MeasureStatus::Running), &[(2025, None), (2026, Some(MeasureStatus::Cancelled))]);
        m.budget_eur = Some(300_000);
        assert_eq!(money_in(&m, 2025).planned, 100_000, "planned before it was stopped");
        assert_eq!((money_in(&m, 2026).planned, money_in(&m, 2027).planned), (0, 0));
        // cancelled by its status: from the year after its last progress
        m.progress.truncate(1);
        m.status = Some(MeasureStatus::Cancelled);
        assert_eq!((money_in(&m, 2025).planned, money_in(&m, 2026).planned), (100_000, 0));
        // never reported on: nothing at all, as in the finance plan
        m.progress.clear();
        assert_eq!(money_in(&m, 2025).planned, 0);
    }

    #[test]
    fn the_year_reported_on_is_the_latest_reported_else_the_year_before_the_date() {
        let mut s: Strategy = toml::from_str("[municipality]\nname = \"X\"\n[document]\ndate = 2026-03-01").expect("s");
        assert_eq!(report_year(&s), Some(2025));
        s.measures.push(measure(2024, 2027, None, &[(2024, None), (2026, None)]));
        assert_eq!(report_year(&s), Some(2026));
    }
}
