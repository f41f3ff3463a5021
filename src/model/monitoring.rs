//! The yearly cycle's input: what an indicator measured in each year, and
//! where a measure stood at the end of each year. Both are optional; a
//! strategy without them is a plan, one with them can be reported on.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Indicator, Measure, MeasureStatus};

/// `[[goals.indicators.values]]`: a value an indicator measured in one year.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    /// The year the value was measured in (or stands for).
    #[schemars(range(min = 1990, max = 2100))]
    pub year: u16,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// What a reader should know about it ("Umfrage mit neuer Methode").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the value comes from, if not from the indicator's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// `[[measures.progress]]`: where a measure stood at the end of one year.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The year reported on.
    #[schemars(range(min = 1990, max = 2100))]
    pub year: u16,
    /// The measure's state of implementation at the end of that year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MeasureStatus>,
    /// How much of the measure was done, in percent (0 to 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub percent: Option<f64>,
    /// Money spent in that year, in whole euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 1_000_000_000_000u64))]
    pub spent_eur: Option<u64>,
    /// What happened in that year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Indicator {
    /// Whether a value of `year` is due: after the baseline year and up to
    /// the target year (the yearly update asks for it, `init --update` leaves a slot).
    pub fn measured_in(&self, year: u16) -> bool {
        self.baseline_year.is_none_or(|b| b < year) && self.target_year.is_none_or(|t| t >= year)
    }
}

impl Measure {
    /// Whether progress in `year` is due: the measure has begun by then and
    /// is neither done nor cancelled.
    pub fn reports_in(&self, year: u16) -> bool {
        let finished = matches!(self.status, Some(MeasureStatus::Done | MeasureStatus::Cancelled));
        self.start.is_none_or(|s| s <= year) && !finished
    }
}
