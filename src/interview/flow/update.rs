//! The yearly update ("Aktualisierung"): with `--from`, the interview first
//! asks for this year's value of every indicator and the progress of every
//! measure that has begun and is not finished, each prefilled (Enter keeps
//! last year's status), then goes on to the overview for the rest.

use anyhow::Result;
use strum::VariantArray as _;

use super::fields::measure_mut;
use super::{Flow, tr};
use crate::i18n::interview::words;
use crate::interview::parse::{parse_count, parse_number};
use crate::interview::prompt::Prompter as _;
use crate::model::{IndicatorValue, MeasureStatus, Progress, Strategy};

impl Flow<'_> {
    /// Offers the update for `year` (yes by default) and asks it.
    pub(super) fn offer_update(&mut self, year: u16) -> Result<()> {
        let question = words().update_question.fill(self.lang, &[("year", &year.to_string())]);
        if !self.p.confirm(&question, true)? {
            return Ok(());
        }
        self.heading(&words().update_heading.fill(self.lang, &[("year", &year.to_string())]));
        for i in 0..self.s.goals.len() {
            for k in 0..self.s.goals[i].indicators.len() {
                self.indicator_value(i, k, year)?;
            }
        }
        for i in 0..self.s.measures.len() {
            let m = &self.s.measures[i];
            // a measure finished this year keeps its report of this year to change
            let reported = m.progress.iter().any(|p| p.year == year);
            if m.reports_in(year) || (reported && m.start.is_none_or(|s| s <= year)) {
                self.measure_progress(i, year)?;
            }
        }
        Ok(())
    }

    /// This year's value of indicator `k` of goal `i`, shown with the last one;
    /// not asked outside the indicator's years.
    fn indicator_value(&mut self, i: usize, k: usize, year: u16) -> Result<()> {
        let (lang, goal) = (self.lang, self.s.goals[i].id.clone());
        let ind = self.s.goals[i].indicators[k].clone();
        if !ind.measured_in(year) {
            return Ok(());
        }
        let last = ind.values.iter().filter(|v| v.year < year).max_by_key(|v| v.year);
        let last = match last {
            Some(v) => format!("{}: {}", v.year, crate::i18n::number(lang, v.value)),
            None => match (ind.baseline_year, ind.baseline) {
                (Some(y), Some(b)) => format!("{y}: {}", crate::i18n::number(lang, b)),
                _ => "–".to_string(),
            },
        };
        let unit = ind.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default();
        let fill = [
            ("goal", goal.as_str()),
            ("indicator", ind.name.as_str()),
            ("unit", &unit),
            ("year", &year.to_string()),
            ("last", &last),
        ];
        let label = words().value_in_year.fill(lang, &fill);
        let current = ind.values.iter().find(|v| v.year == year).map(|v| crate::i18n::number(lang, v.value));
        let path = format!("goals[{i}].indicators[{k}].values");
        self.ask_number(&label, &path, current, &|a| parse_number(a, lang), &|s, v| set_value(s, i, k, year, v), &|x| {
            crate::i18n::number(lang, *x)
        })
    }

    /// The status, share done and money spent of measure `i` in `year`;
    /// the status proposed is the one of the latest report.
    fn measure_progress(&mut self, i: usize, year: u16) -> Result<()> {
        let (t, lang) = (tr(self.lang), self.lang);
        let m = self.s.measures[i].clone();
        let this = m.progress.iter().find(|p| p.year == year).cloned();
        let latest = m.progress.iter().filter(|p| p.year <= year).max_by_key(|p| p.year);
        let proposed = latest.and_then(|p| p.status).or(m.status);
        let title = m.title.as_deref().unwrap_or("");
        let label = words().status_in_year.fill(lang, &[("id", &m.id), ("title", title), ("year", &year.to_string())]);
        let statuses: Vec<(MeasureStatus, String)> =
            MeasureStatus::VARIANTS.iter().map(|&st| (st, self.l.status(st).to_string())).collect();
        // Enter keeps the status and adds nothing; a changed one is this year's report
        if let Some(status) = self.choose(&label, &statuses, proposed)? {
            progress_mut(&mut self.s, i, year, proposed).status = status;
            measure_mut(&mut self.s, i).status = status;
            self.checkpoint()?;
        }
        let path = format!("measures[{i}].progress");
        let current = this.as_ref().and_then(|p| p.percent).map(|x| crate::i18n::number(lang, x));
        self.ask_number(
            t(&words().percent_done),
            &path,
            current,
            &|a| parse_number(a.trim_end_matches('%').trim(), lang),
            &|s, v| progress_mut(s, i, year, proposed).percent = v,
            &|x| format!("{} %", crate::i18n::number(lang, *x)),
        )?;
        let current = this.as_ref().and_then(|p| p.spent_eur).map(|e| e.to_string());
        let label = words().spent_in_year.fill(lang, &[("year", &year.to_string())]);
        self.ask_number(
            &label,
            &path,
            current,
            &|a| parse_count(a, lang),
            &|s, v| progress_mut(s, i, year, proposed).spent_eur = v,
            &|euros| crate::i18n::money(lang, *euros),
        )
    }
}

/// Puts (or with `None` removes) the value of `year`, keeping the values in year order.
fn set_value(s: &mut Strategy, i: usize, k: usize, year: u16, value: Option<f64>) {
    let values = &mut s.goals[i].indicators[k].values;
    match (values.iter_mut().find(|v| v.year == year), value) {
        (Some(v), Some(x)) => v.value = x,
        (Some(_), None) => values.retain(|v| v.year != year),
        (None, Some(value)) => {
            values.push(IndicatorValue { year, value, note: None, source: None });
            values.sort_by_key(|v| v.year);
        }
        (None, None) => {}
    }
}

/// The progress entry of measure `i` for `year`; one that is not there yet
/// is added in year order with the status `status`.
fn progress_mut(s: &mut Strategy, i: usize, year: u16, status: Option<MeasureStatus>) -> &mut Progress {
    let progress = &mut s.measures[i].progress;
    if !progress.iter().any(|p| p.year == year) {
        progress.push(Progress { year, status, percent: None, spent_eur: None, note: None });
        progress.sort_by_key(|p| p.year);
    }
    let at = progress.iter().position(|p| p.year == year).unwrap_or(0);
    &mut progress[at]
}
