//! Where every indicator and measure stands in the year reported on, as the
//! JSON's `monitoring` gives it to dashboards: the same traffic lights and
//! schedules the progress report shows, under the ids of the open data.

use schemars::JsonSchema;
use serde::Serialize;

use super::course::{Course, expected, latest, latest_value};
use super::open_data::indicator_id;
use super::schedule::{Schedule, money_span, money_until, percent_in, report_year, schedule};
use crate::model::Strategy;

/// The state of the strategy in the year reported on.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Monitoring {
    /// The year reported on: the latest year of a value or progress entry, else the year before the document's date.
    pub year: Option<u16>,
    /// Every indicator, in input order.
    pub indicators: Vec<IndicatorState>,
    /// Every measure, in input order.
    pub measures: Vec<MeasureState>,
}

/// Where an indicator stands.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndicatorState {
    /// `Z1.I1`: the goal's id and the indicator's place in it, as in the open data.
    pub id: String,
    /// The goal's id.
    pub goal_id: String,
    /// The indicator's name.
    pub name: String,
    /// The year of its latest value, if it has one.
    pub year: Option<u16>,
    /// Its latest value.
    pub value: Option<f64>,
    /// The value the straight path from baseline to target gives for that year.
    pub expected: Option<f64>,
    /// The traffic light.
    pub course: Course,
}

/// Where a measure stands.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MeasureState {
    /// The measure's id.
    pub id: String,
    /// Its field of action's id.
    pub field_id: String,
    /// Done, on schedule, late, not started or cancelled; `None` without a year to report on.
    pub schedule: Option<Schedule>,
    /// The share done, in percent, as last reported.
    pub percent: Option<f64>,
    /// Money planned in the years with spending reported (from the first to the last such year), in euros.
    pub planned_eur: u64,
    /// Money reported spent in those years, in euros.
    pub spent_eur: u64,
}

/// The state of `s` in the year reported on.
pub fn monitoring(s: &Strategy) -> Monitoring {
    let year = report_year(s);
    let indicators = s
        .goals
        .iter()
        .flat_map(|g| g.indicators.iter().enumerate().map(move |(k, i)| (g, k, i)))
        .map(|(g, k, i)| {
            let (course, at) = latest(i);
            let value = latest_value(i).map(|v| v.value);
            IndicatorState {
                id: indicator_id(&g.id, k),
                goal_id: g.id.clone(),
                name: i.name.clone(),
                year: at,
                value,
                expected: at.and_then(|y| expected(i, y)),
                course,
            }
        })
        .collect();
    let until = year.unwrap_or(0);
    let span = money_span(s).unwrap_or((0, 0));
    let measures = s
        .measures
        .iter()
        .map(|m| {
            let money = money_until(m, span);
            MeasureState {
                id: m.id.clone(),
                field_id: m.field.clone(),
                schedule: year.map(|y| schedule(m, y)),
                percent: percent_in(m, until),
                planned_eur: money.planned,
                spent_eur: money.spent,
            }
        })
        .collect();
    Monitoring { year, indicators, measures }
}
