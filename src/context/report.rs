//! The progress report (Umsetzungsbericht): where the strategy stood at the
//! end of the year reported on — each indicator against its path with a
//! traffic light whose rule the report states, the measures by schedule,
//! money planned against money spent, and what changed since the last
//! version. Its council variant is an Informationsvorlage that carries the
//! report as its Sachverhalt.

use crate::chart;
use crate::i18n::{self, fill};
use crate::model::{Goal, Indicator};
use crate::monitoring::course::{self, Course, course_of, expected, latest, latest_value};
use crate::monitoring::schedule::{Span, money_span, report_year};

use super::builder::{Builder, col, nonblank};
use super::{Block, Fact, ListItem};

impl Builder<'_> {
    /// The progress report: overview, indicators, measures, money, changes.
    pub(super) fn report(&mut self) {
        let l = self.labels;
        let year = report_year(self.strategy);
        self.heading(1, l.report_overview.clone(), "overview");
        match year {
            Some(y) => self.para(fill(&l.report_intro, &[("year", &y.to_string())])),
            None => self.para(l.report_no_year.clone()),
        }
        // without a year there is no schedule to measure against, and no money to compare
        let years = year.zip(money_span(self.strategy));
        let facts = self.report_facts(years);
        self.facts(facts);
        self.report_indicators();
        if let Some((year, span)) = years {
            self.report_measures(year);
            self.report_money(span);
        }
        self.report_changes();
    }

    /// The council variant: an Informationsvorlage with the report as its Sachverhalt.
    pub(super) fn report_council(&mut self) {
        let l = self.labels;
        let subject = self.report_title();
        let c = &self.strategy.council;
        let mut facts = vec![self.fact(&l.council_kind, l.council_kind_information.clone())];
        facts.push(self.fact(&l.council_body, self.council_body()));
        if let Some(o) = nonblank(&c.lead_office) {
            facts.push(self.fact(&l.council_lead_office, o));
        }
        self.facts(facts);
        let title = self.title();
        self.heading(1, l.council_subject.clone(), "subject");
        self.para(subject);
        self.heading(1, l.council_proposal.clone(), "proposal");
        let quoted = i18n::inner_quotes(self.lang, &title);
        let body = self.council_body_subject();
        self.para(self.with_year(&l.report_council_resolution, &[("body", &body), ("title", &quoted)]));
        self.heading(1, l.council_facts.clone(), "facts");
        let start = self.blocks.len();
        self.report();
        // the report's chapters stand under the Sachverhalt
        for block in &mut self.blocks[start..] {
            if let Block::Heading { level, .. } = block {
                *level = (*level + 1).min(4);
            }
        }
        self.heading(1, l.council_attachments.clone(), "attachments");
        let attachment = self.with_year(&l.report_council_attachment, &[]);
        self.blocks.push(Block::List { items: vec![ListItem { text: attachment, level: 0 }] });
    }

    /// "Umsetzungsbericht 2026: Smart-City-Strategie Ulm" (without a year when there is none).
    pub(super) fn report_title(&self) -> String {
        self.with_year(&self.labels.report_title, &[("title", &self.title())])
    }

    /// `template` filled with the year reported on and `pairs`; without a
    /// year, its word " {year}" is left out of the template (not of the text filled in).
    pub(super) fn with_year(&self, template: &str, pairs: &[(&str, &str)]) -> String {
        let year = report_year(self.strategy).map(|y| y.to_string());
        let template = if year.is_none() { template.replace(" {year}", "") } else { template.to_string() };
        let mut all = vec![("year", year.as_deref().unwrap_or_default())];
        all.extend_from_slice(pairs);
        fill(&template, &all)
    }

    /// The overview's facts: indicators by course, measures by schedule, money.
    fn report_facts(&self, years: Option<(u16, Span)>) -> Vec<Fact> {
        let l = self.labels;
        let indicators: Vec<&Indicator> = self.goals().flat_map(|g| &g.indicators).collect();
        let mut facts = Vec::new();
        if !indicators.is_empty() {
            let courses: Vec<Course> = indicators.iter().map(|i| latest(i).0).collect();
            let counts = [Course::OnTrack, Course::AtRisk, Course::OffTrack, Course::NoData]
                .map(|c| format!("{} {}", courses.iter().filter(|&&x| x == c).count(), self.course_label(c)));
            facts.push(self.fact(&l.indicators, counts.join(", ")));
        }
        let Some((year, span)) = years else { return facts };
        if !self.strategy.measures.is_empty() {
            facts.push(self.fact(&l.measures, self.schedule_counts(self.strategy.measures.iter().collect(), year)));
        }
        let (planned, spent) = self.money_up_to(span, None);
        if planned > 0 || spent > 0 {
            let value =
                fill(&l.report_money_value, &[("planned", &self.money(planned)), ("spent", &self.money(spent))]);
            facts.push(self.fact(&fill(&l.report_money_fact, &[("years", &self.span_text(span))]), value));
        }
        facts
    }

    /// The word of a course ("auf Kurs").
    pub(super) fn course_label(&self, c: Course) -> &str {
        let l = self.labels;
        match c {
            Course::OnTrack => &l.course_on_track,
            Course::AtRisk => &l.course_at_risk,
            Course::OffTrack => &l.course_off_track,
            Course::NoData => &l.course_no_data,
        }
    }

    /// The indicators: the rule, an overview table, then per goal each
    /// indicator's status, chart and values.
    fn report_indicators(&mut self) {
        let l = self.labels;
        let goals: Vec<&Goal> = self.goals().filter(|g| !g.indicators.is_empty()).collect();
        if goals.is_empty() {
            return;
        }
        self.heading(1, l.report_indicators.clone(), "indicators");
        let percent = |share: f64| i18n::number(self.lang, (share * 100.0).round());
        let pairs = [
            ("on_track", percent(course::ON_TRACK)),
            ("at_risk", percent(course::AT_RISK)),
            ("hold", percent(course::HOLD_TOLERANCE)),
        ];
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.para(fill(&l.report_course_rule, &pairs));
        let columns = vec![
            col(&l.goal, false, 14),
            col(&l.indicator, false, 30),
            col(&l.report_latest, false, 20),
            col(&l.report_path, true, 18),
            col(&l.report_course, false, 18),
        ];
        let rows = goals.iter().flat_map(|g| g.indicators.iter().map(|i| self.indicator_overview_row(g, i))).collect();
        self.table(columns, rows);
        for goal in goals {
            self.heading(2, self.goal_label(&goal.id), format!("report-{}", goal.id));
            for (k, indicator) in goal.indicators.iter().enumerate() {
                self.report_indicator(goal, k, indicator);
            }
        }
    }

    /// An indicator's row of the overview: goal, name, latest value, path, course.
    fn indicator_overview_row(&self, g: &Goal, i: &Indicator) -> Vec<String> {
        let (course, year) = latest(i);
        let latest = latest_value(i).map(|v| v.value);
        let value = match (latest, year) {
            (Some(v), Some(y)) => format!("{} ({y})", self.quantity(v, i)),
            _ => self.labels.none.clone(),
        };
        let path =
            year.and_then(|y| expected(i, y)).map_or_else(|| self.labels.none.clone(), |p| self.path_quantity(p, i));
        vec![g.id.clone(), i.name.trim().to_string(), value, path, self.course_label(course).to_string()]
    }

    /// A value in the indicator's unit ("48 %").
    pub(super) fn quantity(&self, v: f64, i: &Indicator) -> String {
        i18n::quantity(self.lang, v, i.unit.as_deref())
    }

    /// A value of the path in the indicator's unit, to one more decimal
    /// than its measured values have (a path of thirds reads 71,7 %, not 71,666667 %).
    pub(super) fn path_quantity(&self, v: f64, i: &Indicator) -> String {
        let decimals = |x: f64| i18n::number(crate::model::Lang::En, x).split_once('.').map_or(0, |(_, f)| f.len());
        let given = i.values.iter().map(|v| v.value).chain(i.baseline).chain(i.target).map(decimals).max().unwrap_or(0);
        let places = i32::try_from(given + 1).unwrap_or(6).min(6);
        let scale = 10f64.powi(places);
        self.quantity((v * scale).round() / scale, i)
    }

    /// One indicator: its status sentence, its chart and its values by year.
    fn report_indicator(&mut self, goal: &Goal, k: usize, i: &Indicator) {
        let l = self.labels;
        let anchor = crate::monitoring::open_data::indicator_id(&goal.id, k);
        self.heading(3, i.name.trim().to_string(), format!("report-{}", anchor.replace('.', "-")));
        let (course, year) = latest(i);
        let Some(year) = year else {
            self.para(l.report_no_values.clone());
            return;
        };
        let value = latest_value(i).map(|v| v.value).unwrap_or_default();
        let none = || l.none.clone();
        let target = i.target.map_or_else(none, |t| self.quantity(t, i));
        let pairs = [
            ("year", year.to_string()),
            ("value", self.quantity(value, i)),
            ("course", self.course_label(course).to_string()),
            ("expected", expected(i, year).map_or_else(none, |e| self.path_quantity(e, i))),
            ("target", target),
            ("target_year", i.target_year.map_or_else(none, |y| y.to_string())),
        ];
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.para(fill(&l.report_indicator_status, &pairs));
        self.indicator_chart(i, course);
        let columns = vec![
            col(&l.year, false, 12),
            col(&l.report_value, true, 18),
            col(&l.report_path, true, 18),
            col(&l.report_course, false, 18),
            col(&l.report_note, false, 34),
        ];
        let mut values: Vec<_> = i.values.iter().collect();
        values.sort_by_key(|v| v.year);
        // the chart's points: the baseline, the measured values, the target
        let mut rows = Vec::new();
        if let (Some(y), Some(b)) = (i.baseline_year, i.baseline) {
            rows.push(vec![y.to_string(), self.quantity(b, i), self.quantity(b, i), String::new(), l.baseline.clone()]);
        }
        rows.extend(values.iter().filter(|v| Some(v.year) != i.baseline_year).map(|v| {
            let path = expected(i, v.year).map_or_else(none, |e| self.path_quantity(e, i));
            let course = self.course_label(course_of(i, v.year, v.value)).to_string();
            let note = nonblank(&v.note).unwrap_or_default().to_string();
            vec![v.year.to_string(), self.quantity(v.value, i), path, course, note]
        }));
        if let (Some(y), Some(t)) = (i.target_year, i.target) {
            rows.push(vec![y.to_string(), String::new(), self.quantity(t, i), String::new(), l.target.clone()]);
        }
        self.table(columns, rows);
    }

    /// The indicator's line chart: values, path and target.
    fn indicator_chart(&mut self, i: &Indicator, course: Course) {
        let l = self.labels;
        let lang = self.lang;
        let number = move |v: f64| i18n::number(lang, v);
        let mut values: Vec<(u16, f64)> = i.values.iter().map(|v| (v.year, v.value)).collect();
        if let (Some(y), Some(b)) = (i.baseline_year, i.baseline) {
            values.push((y, b));
        }
        values.sort_by_key(|v| v.0);
        values.dedup_by_key(|v| v.0);
        let path = match (i.baseline_year, i.baseline, i.target_year, i.target) {
            (Some(by), Some(b), Some(ty), Some(t)) => Some(((by, b), (ty, t))),
            _ => None,
        };
        let measured = values.iter().filter(|v| Some(v.0) != i.baseline_year);
        let listed: Vec<String> = measured.map(|&(y, v)| format!("{y}: {}", self.quantity(v, i))).collect();
        let ends = |year: Option<u16>, v: Option<f64>| match (year, v) {
            (Some(y), Some(v)) => format!("{} ({y})", self.quantity(v, i)),
            _ => l.none.clone(),
        };
        let name = i.name.trim();
        let pairs = [
            ("name", name.to_string()),
            ("values", listed.join(", ")),
            ("baseline", ends(i.baseline_year, i.baseline)),
            ("target", ends(i.target_year, i.target)),
            ("course", self.course_label(course).to_string()),
        ];
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let alt = fill(&l.report_chart_course_alt, &pairs);
        let legend = [l.report_value.as_str(), l.report_path.as_str(), l.target.as_str()];
        let data = chart::line::Course { values, path, legend, number: &number };
        let drawn = chart::line::draw(&data, &self.palette, &alt);
        self.chart(drawn, alt, fill(&l.report_chart_course, &[("name", name)]));
    }
}
