//! The traffic light of an indicator: its latest value against the straight
//! path from the baseline to the target.
//!
//! The rule, as the report states it: the path gives, for every year, the
//! value the indicator should have reached if it moved evenly from its
//! baseline to its target. The latest value has achieved a share of the
//! change planned up to its year:
//! - **on track** (auf Kurs): at least 90 % of the planned change;
//! - **at risk** (gefährdet): at least 50 %;
//! - **off track** (nicht auf Kurs): less than 50 %, or a change the wrong way;
//! - **no data** (keine Daten): no value yet, a value from the baseline year
//!   only, or no baseline or target to measure against.
//!
//! Where the target equals the baseline (the level is to be held), a value
//! within 5 % of the baseline is on track and any other value at risk.

use serde::Serialize;

use crate::model::Indicator;

/// At least this share of the planned change is on track.
pub const ON_TRACK: f64 = 0.9;
/// At least this share of the planned change is at risk; less is off track.
pub const AT_RISK: f64 = 0.5;
/// How far a value may lie from a baseline that is to be held.
pub const HOLD_TOLERANCE: f64 = 0.05;

/// Where an indicator stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Course {
    /// Auf Kurs.
    OnTrack,
    /// Gefährdet.
    AtRisk,
    /// Nicht auf Kurs.
    OffTrack,
    /// Keine Daten.
    NoData,
}

impl Course {
    /// The stable name in open data and JSON (`on_track` …).
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// An indicator's value in `year` on the straight path from its baseline to
/// its target; `None` without both, or outside their years.
pub fn expected(indicator: &Indicator, year: u16) -> Option<f64> {
    let (b, by, t, ty) = (indicator.baseline?, indicator.baseline_year?, indicator.target?, indicator.target_year?);
    if ty <= by || !(by..=ty).contains(&year) {
        return (ty == by && year == by).then_some(t);
    }
    Some(b + (t - b) * f64::from(year - by) / f64::from(ty - by))
}

/// Where the value `value` of `year` stands (see the module's rule).
pub fn course_of(indicator: &Indicator, year: u16, value: f64) -> Course {
    let (Some(b), Some(t), Some(path)) = (indicator.baseline, indicator.target, expected(indicator, year)) else {
        return Course::NoData;
    };
    // a value of the baseline year says nothing about the way to the target
    if indicator.baseline_year == Some(year) {
        return Course::NoData;
    }
    if t == b {
        let tolerance = HOLD_TOLERANCE * b.abs().max(f64::MIN_POSITIVE);
        return if (value - b).abs() <= tolerance { Course::OnTrack } else { Course::AtRisk };
    }
    let planned = path - b;
    // a hair's breadth for decimals that do not divide evenly (45 / 50 is 0.9)
    let achieved = (value - b) / planned + 1e-9;
    if achieved >= ON_TRACK {
        Course::OnTrack
    } else if achieved >= AT_RISK {
        Course::AtRisk
    } else {
        Course::OffTrack
    }
}

/// An indicator's latest value (of the latest year).
pub fn latest_value(indicator: &Indicator) -> Option<&crate::model::IndicatorValue> {
    indicator.values.iter().max_by_key(|v| v.year)
}

/// The course of an indicator's latest value, with that value's year.
pub fn latest(indicator: &Indicator) -> (Course, Option<u16>) {
    match latest_value(indicator) {
        Some(v) => (course_of(indicator, v.year, v.value), Some(v.year)),
        None => (Course::NoData, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IndicatorValue;

    fn indicator(baseline: f64, target: f64, values: &[(u16, f64)]) -> Indicator {
        Indicator {
            name: "Online-Dienste".into(),
            unit: Some("%".into()),
            baseline: Some(baseline),
            baseline_year: Some(2020),
            target: Some(target),
            target_year: Some(2030),
            source: None,
            values: values
                .iter()
                .map(|&(year, value)| IndicatorValue { year, value, note: None, source: None })
                .collect(),
        }
    }

    #[test]
    fn the_path_runs_straight_from_baseline_to_target() {
        let i = indicator(20.0, 70.0, &[]);
        assert_eq!(expected(&i, 2020), Some(20.0));
        assert_eq!(expected(&i, 2025), Some(45.0));
        assert_eq!(expected(&i, 2030), Some(70.0));
        assert_eq!(expected(&i, 2031), None);
        assert_eq!(expected(&i, 2019), None);
    }

    #[test]
    fn ninety_and_fifty_percent_of_the_planned_change_are_the_edges() {
        // by 2025 the path plans +50: 45 is 90 %, 25 is 50 %
        let i = indicator(0.0, 100.0, &[]);
        assert_eq!(course_of(&i, 2025, 45.0), Course::OnTrack);
        assert_eq!(course_of(&i, 2025, 44.99), Course::AtRisk);
        assert_eq!(course_of(&i, 2025, 25.0), Course::AtRisk);
        assert_eq!(course_of(&i, 2025, 24.99), Course::OffTrack);
        assert_eq!(course_of(&i, 2025, 80.0), Course::OnTrack, "ahead of the path");
        assert_eq!(course_of(&i, 2025, -5.0), Course::OffTrack, "the wrong way");
    }

    #[test]
    fn a_falling_target_is_judged_the_same_way() {
        // energy use from 62 down to 50: by 2025 the path plans -6
        let i = indicator(62.0, 50.0, &[]);
        assert_eq!(course_of(&i, 2025, 56.6), Course::OnTrack);
        assert_eq!(course_of(&i, 2025, 59.0), Course::AtRisk);
        assert_eq!(course_of(&i, 2025, 63.0), Course::OffTrack);
    }

    #[test]
    fn no_value_a_value_of_the_baseline_year_or_no_target_is_no_data() {
        assert_eq!(latest(&indicator(0.0, 100.0, &[])), (Course::NoData, None));
        assert_eq!(latest(&indicator(0.0, 100.0, &[(2020, 3.0)])), (Course::NoData, Some(2020)));
        let mut i = indicator(0.0, 100.0, &[(2025, 50.0)]);
        i.target = None;
        assert_eq!(latest(&i), (Course::NoData, Some(2025)));
    }

    #[test]
    fn the_latest_value_counts_whatever_the_order_in_the_file() {
        let i = indicator(0.0, 100.0, &[(2026, 10.0), (2024, 40.0)]);
        assert_eq!(latest(&i), (Course::OffTrack, Some(2026)));
    }

    #[test]
    fn a_level_to_be_held_is_on_track_within_five_percent() {
        let i = indicator(80.0, 80.0, &[]);
        assert_eq!(course_of(&i, 2025, 84.0), Course::OnTrack);
        assert_eq!(course_of(&i, 2025, 84.5), Course::AtRisk);
        assert_eq!(course_of(&i, 2020, 80.0), Course::NoData, "the baseline year");
        assert_eq!(Course::AtRisk.key(), "at_risk");
    }
}
