//! Open data of the yearly cycle: two CSV files that a city can publish and
//! a dashboard can read, written beside the measures' CSV:
//! `NAME.indicators.csv` (every indicator's baseline, measured values and
//! target, with the path and the course) and `NAME.progress.csv` (every
//! measure's progress by year, with the money planned for that year).
//!
//! One fixed dialect whatever the document's language, so that a program
//! reads every city's files alike: UTF-8 without a byte order mark, comma
//! separators, `"` quoting where needed (RFC 4180), CRLF line ends, decimal
//! points and no thousands separators; text is never altered. The columns
//! are documented in `docs/spec/open-data.md`; the ids are the input's.

use crate::finance;
use crate::model::{Indicator, Measure, Strategy};

use super::course::{course_of, expected};
use super::schedule::money_in;

/// The columns of `NAME.indicators.csv`.
pub const INDICATOR_COLUMNS: [&str; 11] =
    ["goal_id", "indicator_id", "indicator", "unit", "year", "kind", "value", "expected", "course", "note", "source"];

/// The columns of `NAME.progress.csv`.
pub const PROGRESS_COLUMNS: [&str; 9] =
    ["measure_id", "measure", "field_id", "year", "status", "percent", "spent_eur", "planned_eur", "note"];

/// Every indicator's baseline, values (by year) and target, one row each.
pub fn indicators_csv(s: &Strategy) -> String {
    let mut out = String::new();
    line(&mut out, INDICATOR_COLUMNS.iter().map(|c| c.to_string()));
    for goal in &s.goals {
        for (k, indicator) in goal.indicators.iter().enumerate() {
            let id = indicator_id(&goal.id, k);
            for row in indicator_rows(indicator) {
                let mut fields = vec![goal.id.clone(), id.clone(), indicator.name.clone()];
                fields.push(indicator.unit.clone().unwrap_or_default());
                fields.extend(row);
                line(&mut out, fields.into_iter());
            }
        }
    }
    out
}

/// The id of a goal's `k`-th indicator (from 0): `Z1.I1`, `Z1.I2` … — stable
/// as long as the goal's indicators keep their order.
pub fn indicator_id(goal: &str, k: usize) -> String {
    format!("{goal}.I{}", k + 1)
}

/// An indicator's rows from `year` on: baseline, each measured value, target.
fn indicator_rows(i: &Indicator) -> Vec<Vec<String>> {
    let source = i.source.clone().unwrap_or_default();
    let mut rows = Vec::new();
    if let (Some(year), Some(value)) = (i.baseline_year, i.baseline) {
        rows.push(row(year, "baseline", value, Some(value), "", "", &source));
    }
    let mut values: Vec<_> = i.values.iter().collect();
    values.sort_by_key(|v| v.year);
    for v in values {
        let course = course_of(i, v.year, v.value).key();
        let note = v.note.as_deref().unwrap_or("");
        let source = v.source.as_deref().unwrap_or(&source);
        rows.push(row(v.year, "measured", v.value, expected(i, v.year), course, note, source));
    }
    if let (Some(year), Some(value)) = (i.target_year, i.target) {
        rows.push(row(year, "target", value, Some(value), "", "", &source));
    }
    rows
}

fn row(year: u16, kind: &str, value: f64, path: Option<f64>, course: &str, note: &str, source: &str) -> Vec<String> {
    let path = path.map(|x| number((x * 1000.0).round() / 1000.0)).unwrap_or_default();
    [year.to_string(), kind.into(), number(value), path, course.into(), note.into(), source.into()].into()
}

/// Every measure's progress, one row per measure and year.
pub fn progress_csv(s: &Strategy) -> String {
    let mut out = String::new();
    line(&mut out, PROGRESS_COLUMNS.iter().map(|c| c.to_string()));
    for m in &s.measures {
        let (planned, _) = finance::costs(m);
        let mut progress: Vec<_> = m.progress.iter().collect();
        progress.sort_by_key(|p| p.year);
        for p in progress {
            let status: Option<&'static str> = p.status.map(Into::into);
            let fields = [
                m.id.clone(),
                title(m),
                m.field.clone(),
                p.year.to_string(),
                status.unwrap_or("").to_string(),
                p.percent.map(number).unwrap_or_default(),
                p.spent_eur.map(|e| e.to_string()).unwrap_or_default(),
                // as the progress report counts it: nothing from the year a measure was stopped
                planned.get(&Some(p.year)).map(|_| money_in(m, p.year).planned.to_string()).unwrap_or_default(),
                p.note.clone().unwrap_or_default(),
            ];
            line(&mut out, fields.into_iter());
        }
    }
    out
}

fn title(m: &Measure) -> String {
    m.title.clone().unwrap_or_default()
}

/// A number as a program reads it: `55.6`, `1163`, never `1.163,0`.
fn number(x: f64) -> String {
    format!("{x}")
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    let quoted: Vec<String> = fields.map(|f| quote(&f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// A field, in quotes where it holds a comma, a quote or a line break (RFC 4180).
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulm_s_indicators_and_progress_read_as_open_data() {
        let text = crate::cmd::init::example("ulm").expect("example");
        let s = crate::model::Checked::from_source("ulm.toml", text, crate::model::CheckOptions::default())
            .strategy
            .expect("model");
        let indicators = indicators_csv(&s);
        let mut lines = indicators.split("\r\n");
        assert_eq!(
            lines.next(),
            Some("goal_id,indicator_id,indicator,unit,year,kind,value,expected,course,note,source")
        );
        assert_eq!(
            lines.next(),
            Some(
                "Z1,Z1.I1,\"Anteil der Befragten, die digitale Angebote der Stadt als hilfreich bewerten\",%,2022,baseline,48,48,,,Bürgerumfrage der Stadt Ulm"
            )
        );
        assert_eq!(
            lines.next(),
            Some(
                "Z1,Z1.I1,\"Anteil der Befragten, die digitale Angebote der Stadt als hilfreich bewerten\",%,2024,measured,55.6,54.75,on_track,,Bürgerumfrage der Stadt Ulm"
            )
        );
        assert!(!indicators.starts_with('\u{feff}'), "no byte order mark");
        let progress = progress_csv(&s);
        let mut lines = progress.split("\r\n");
        assert_eq!(lines.next(), Some("measure_id,measure,field_id,year,status,percent,spent_eur,planned_eur,note"));
        assert_eq!(lines.next(), Some("MOB-01,Vernetzte Mobilitätsplattform,mobility,2024,running,36,298800,308000,"));
    }

    #[test]
    fn quotes_and_line_breaks_stay_in_one_field() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("sagte \"ja\""), "\"sagte \"\"ja\"\"\"");
        assert_eq!(quote("=1+1"), "=1+1", "open data is never altered");
    }
}
