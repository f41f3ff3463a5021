//! The rules on the yearly cycle: an indicator's values lie between its
//! baseline and target years, one per year; a measure reports progress
//! from its first year on, once per year; and an indicator that is being
//! measured has a value for every year since its last one.

use std::collections::BTreeMap;

use super::{Rules, advice};
use crate::model::messages::{Bound, Message};
use crate::model::{Indicator, Measure};

impl Rules<'_, '_> {
    /// Every indicator's values and every measure's progress.
    pub(super) fn monitoring(&mut self) {
        let s = self.strategy;
        for (i, goal) in s.goals.iter().enumerate() {
            for (k, indicator) in goal.indicators.iter().enumerate() {
                self.values(&format!("goals[{i}].indicators[{k}]"), indicator);
            }
        }
        for (i, m) in s.measures.iter().enumerate() {
            self.progress(&format!("measures[{i}]"), m);
        }
    }

    /// An indicator's values: within its years, one per year, none missing since the last.
    fn values(&mut self, path: &str, indicator: &Indicator) {
        let name = indicator.name.trim().to_string();
        let mut first: BTreeMap<u16, usize> = BTreeMap::new();
        for (j, v) in indicator.values.iter().enumerate() {
            let at = format!("{path}.values[{j}].year");
            if let Some(&earlier) = first.get(&v.year) {
                let kind = Message::DuplicateYear { year: v.year, first: earlier + 1 };
                self.error(&at, kind);
                continue;
            }
            first.insert(v.year, j);
            if let Some(baseline_year) = indicator.baseline_year.filter(|b| v.year < *b) {
                let kind = Message::ValueBeforeBaseline { indicator: name.clone(), year: v.year, baseline_year };
                self.error(&at, kind);
            }
            if let Some(target_year) = indicator.target_year.filter(|t| v.year > *t) {
                let kind = Message::ValueAfterTarget { indicator: name.clone(), year: v.year, target_year };
                self.error(&at, kind);
            }
        }
        let missing = self.missing_years(indicator, &first);
        if !missing.is_empty() {
            let at = format!("{path}.values");
            let kind = Message::MissingValue { indicator: name, years: missing };
            self.out.push(self.warning(&at, &at, kind, advice::MISSING_VALUE));
        }
    }

    /// The years since an indicator's last value (or baseline) that have
    /// passed by the document's date, up to its target year, without a
    /// value. Only for an indicator that is being measured (it has values).
    fn missing_years(&self, indicator: &Indicator, given: &BTreeMap<u16, usize>) -> Vec<u16> {
        let (Some(last), Some(date)) = (given.keys().next_back(), self.strategy.document.date) else {
            return Vec::new();
        };
        let passed = date.year.saturating_sub(1);
        let until = indicator.target_year.map_or(passed, |t| t.min(passed));
        (last + 1..=until).collect()
    }

    /// A measure's progress: from its first year on, one entry per year.
    fn progress(&mut self, path: &str, m: &Measure) {
        let mut first: BTreeMap<u16, usize> = BTreeMap::new();
        for (j, p) in m.progress.iter().enumerate() {
            let at = format!("{path}.progress[{j}].year");
            if let Some(&earlier) = first.get(&p.year) {
                self.error(&at, Message::DuplicateYear { year: p.year, first: earlier + 1 });
                continue;
            }
            first.insert(p.year, j);
            if let Some(percent) = p.percent.filter(|p| !(0.0..=100.0).contains(p)) {
                let kind = Message::IntegerOutOfRange { bound: Bound::Between(0, 100), found: format!("{percent}") };
                self.error(&format!("{path}.progress[{j}].percent"), kind);
            }
            if let Some(start) = m.start.filter(|s| p.year < *s) {
                self.error(&at, Message::ProgressBeforeStart { measure: m.id.clone(), year: p.year, start });
            }
        }
    }
}
