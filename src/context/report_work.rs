//! The progress report's measures and money: each measure's schedule with
//! a stacked bar per field of action, money planned against money spent by
//! year and by field, and the changes since the previous version.

use std::collections::BTreeSet;

use strum::VariantArray;

use crate::chart::{self, bars::Series};
use crate::i18n::{self, fill};
use crate::model::Measure;
use crate::monitoring::schedule::{
    Money, Schedule, Span, latest_progress, money_in, money_until, money_years, percent_in, schedule,
};

use super::Block;
use super::builder::{Builder, col, nonblank};

impl<'a> Builder<'a> {
    /// The word of a schedule ("verspätet").
    pub(super) fn schedule_label(&self, s: Schedule) -> &str {
        let l = self.labels;
        match s {
            Schedule::Done => &l.schedule_done,
            Schedule::OnSchedule => &l.schedule_on_schedule,
            Schedule::Late => &l.schedule_late,
            Schedule::NotStarted => &l.schedule_not_started,
            Schedule::Cancelled => &l.schedule_cancelled,
        }
    }

    /// "2 abgeschlossen, 5 im Plan, 1 verspätet …": the kinds that occur.
    pub(super) fn schedule_counts(&self, measures: Vec<&Measure>, year: u16) -> String {
        let schedules: Vec<Schedule> = measures.iter().map(|m| schedule(m, year)).collect();
        Schedule::VARIANTS
            .iter()
            .map(|&s| (s, schedules.iter().filter(|&&x| x == s).count()))
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{n} {}", self.schedule_label(s)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The measures: the rule, the chart by field, and one row per measure.
    pub(super) fn report_measures(&mut self, year: u16) {
        let l = self.labels;
        if self.strategy.measures.is_empty() {
            return;
        }
        self.heading(1, l.report_measures.clone(), "measures");
        self.para(fill(&l.report_schedule_rule, &[("year", &year.to_string())]));
        self.status_chart(year);
        let columns = vec![
            col(&l.id, false, 10),
            col(&l.measure, false, 30),
            col(&l.period, false, 12),
            col(&l.report_latest, false, 14),
            col(&l.report_percent_done, true, 10),
            col(&l.report_note, false, 24),
        ];
        let rows = self
            .measures()
            .map(|m| {
                let state = schedule(m, year);
                let percent =
                    percent_in(m, year).map_or_else(String::new, |p| format!("{} %", i18n::number(self.lang, p)));
                let note = match state {
                    Schedule::Cancelled => nonblank(&m.status_reason),
                    _ => latest_progress(m, year).and_then(|p| nonblank(&p.note)),
                };
                vec![
                    m.id.clone(),
                    self.measure_title(m),
                    self.period(m),
                    self.schedule_label(state).to_string(),
                    percent,
                    note.unwrap_or_default().to_string(),
                ]
            })
            .collect();
        self.table(columns, rows);
    }

    /// The stacked bars of the measures by schedule per field, and their table.
    fn status_chart(&mut self, year: u16) {
        let l = self.labels;
        let fields: Vec<(String, String)> = self.fields().map(|f| (f.id.clone(), self.field_title(f))).collect();
        let in_field = |id: &str| -> Vec<&'a Measure> { self.measures().filter(|m| m.field == id).collect() };
        let counts: Vec<Vec<usize>> = fields
            .iter()
            .map(|(id, _)| {
                let schedules: Vec<Schedule> = in_field(id).iter().map(|m| schedule(m, year)).collect();
                Schedule::VARIANTS.iter().map(|s| schedules.iter().filter(|x| *x == s).count()).collect()
            })
            .collect();
        if fields.is_empty() || counts.iter().flatten().all(|&n| n == 0) {
            return;
        }
        let colors = [
            chart::Rgb(0x2E, 0x7D, 0x32),
            self.palette.light,
            chart::Rgb(0xC6, 0x28, 0x28),
            chart::Rgb(0xBD, 0xBD, 0xBD),
            chart::Rgb(0x61, 0x61, 0x61),
        ];
        let series = Schedule::VARIANTS
            .iter()
            .enumerate()
            .map(|(k, &s)| Series {
                name: self.schedule_label(s),
                color: colors[k],
                values: counts.iter().map(|c| c[k] as f64).collect(),
            })
            .collect();
        let number = |v: f64| format!("{}", v.round() as i64);
        let data = chart::bars::Bars {
            // numbers, which the table's first column explains: ids and titles are too long for the axis
            categories: (1..=fields.len()).map(|n| n.to_string()).collect(),
            series,
            stacked: true,
            whole: true,
            number: &number,
        };
        let described: Vec<String> = fields
            .iter()
            .zip(&counts)
            .enumerate()
            .map(|(n, ((_, title), c))| {
                let parts: Vec<String> = Schedule::VARIANTS
                    .iter()
                    .zip(c)
                    .filter(|(_, n)| **n > 0)
                    .map(|(s, n)| format!("{n} {}", self.schedule_label(*s)))
                    .collect();
                format!("{} {title}: {}", n + 1, parts.join(", "))
            })
            .collect();
        let alt = fill(&l.report_chart_status_alt, &[("counts", &described.join("; "))]);
        let drawn = chart::bars::draw(&data, &self.palette, &alt);
        self.chart(drawn, alt, l.report_chart_status.clone());
        let mut columns = vec![col(&l.id, false, 6), col(&l.field, false, 24)];
        columns.extend(Schedule::VARIANTS.iter().map(|&s| col(self.schedule_label(s), true, 14)));
        let rows = fields
            .iter()
            .zip(&counts)
            .enumerate()
            .map(|(n, ((_, title), c))| {
                let mut row = vec![(n + 1).to_string(), title.clone()];
                row.extend(c.iter().map(|n| n.to_string()));
                row
            })
            .collect();
        self.table(columns, rows);
    }

    /// Money planned and spent in the years of `span`, of one field or all.
    pub(super) fn money_up_to(&self, span: Span, field: Option<&str>) -> (u64, u64) {
        let money: Money =
            self.measures().filter(|m| field.is_none_or(|f| m.field == f)).map(|m| money_until(m, span)).sum();
        (money.planned, money.spent)
    }

    /// The years of `span` with money planned or spent.
    fn money_years(&self, span: Span) -> Vec<u16> {
        let years: BTreeSet<u16> = self.measures().flat_map(|m| money_years(m, span)).collect();
        years.into_iter().collect()
    }

    /// The years of `span` as the report names them: "2024–2025", "2025", or "bis 2026" without spending.
    pub(super) fn span_text(&self, (first, last): Span) -> String {
        match first {
            0 => fill(&self.labels.report_up_to, &[("year", &last.to_string())]),
            f if f == last => last.to_string(),
            f => format!("{f}–{last}"),
        }
    }

    /// Money planned against spent: the rule, the chart and table by year, the table by field.
    pub(super) fn report_money(&mut self, span: Span) {
        let l = self.labels;
        let years = self.money_years(span);
        let by_year: Vec<(u16, u64, u64)> = years
            .iter()
            .map(|&y| {
                let money: Money = self.measures().map(|m| money_in(m, y)).sum();
                (y, money.planned, money.spent)
            })
            .collect();
        if by_year.iter().all(|&(_, p, s)| p == 0 && s == 0) {
            return;
        }
        self.heading(1, l.report_money.clone(), "money");
        let spent = self.measures().any(|m| m.progress.iter().any(|p| p.spent_eur.is_some()));
        let rule = if spent { &l.report_money_rule } else { &l.report_money_rule_unspent };
        self.para(fill(rule, &[("years", &self.span_text(span)), ("year", &span.1.to_string())]));
        self.heading(2, l.report_money_by_year.clone(), "money-by-year");
        self.money_chart(&by_year);
        let columns = vec![col(&l.year, false, 20), col(&l.report_planned, true, 30), col(&l.report_spent, true, 30)];
        let mut rows: Vec<Vec<String>> =
            by_year.iter().map(|&(y, p, s)| vec![y.to_string(), self.money(p), self.money(s)]).collect();
        let total: Money = by_year.iter().map(|&(_, planned, spent)| Money { planned, spent }).sum();
        let (p, s) = (total.planned, total.spent);
        rows.push(vec![l.total.clone(), self.money(p), self.money(s)]);
        self.table_with_total(columns, rows);
        self.heading(2, fill(&l.report_money_by_field, &[("years", &self.span_text(span))]), "money-by-field");
        let columns = vec![col(&l.field, false, 40), col(&l.report_planned, true, 30), col(&l.report_spent, true, 30)];
        let fields: Vec<(String, String)> = self.fields().map(|f| (f.id.clone(), self.field_title(f))).collect();
        let mut rows: Vec<Vec<String>> = fields
            .iter()
            .map(|(id, title)| {
                let (p, s) = self.money_up_to(span, Some(id));
                vec![title.clone(), self.money(p), self.money(s)]
            })
            .collect();
        rows.push(vec![l.total.clone(), self.money(p), self.money(s)]);
        self.table_with_total(columns, rows);
    }

    /// The bars of money planned and spent by year.
    fn money_chart(&mut self, by_year: &[(u16, u64, u64)]) {
        let l = self.labels;
        let lang = self.lang;
        let number = move |v: f64| i18n::money(lang, v.max(0.0).round() as u64);
        let series = vec![
            Series {
                name: &l.report_planned,
                color: self.palette.light,
                values: by_year.iter().map(|r| r.1 as f64).collect(),
            },
            Series {
                name: &l.report_spent,
                color: self.palette.strong,
                values: by_year.iter().map(|r| r.2 as f64).collect(),
            },
        ];
        let data = chart::bars::Bars {
            categories: by_year.iter().map(|r| r.0.to_string()).collect(),
            series,
            stacked: false,
            whole: false,
            number: &number,
        };
        let described: Vec<String> = by_year
            .iter()
            .map(|&(y, p, s)| {
                let (planned, spent) = (l.report_planned.to_lowercase(), l.report_spent.to_lowercase());
                format!("{y}: {planned} {}, {spent} {}", self.money(p), self.money(s))
            })
            .collect();
        let alt = fill(&l.report_chart_money_alt, &[("years", &described.join("; "))]);
        let drawn = chart::bars::draw(&data, &self.palette, &alt);
        self.chart(drawn, alt, l.report_chart_money.clone());
    }

    /// What changed since the version given with `--since`, as `diff` writes it.
    pub(super) fn report_changes(&mut self) {
        let Some((old, name)) = self.since else { return };
        let l = self.labels;
        self.heading(1, fill(&l.report_changes, &[("old", name)]), "changes");
        let versions = crate::diff::Versions { old, new: self.strategy, old_name: name, new_name: "" };
        let changes = crate::diff::document(versions, self.lang, l);
        for block in changes.blocks {
            match block {
                Block::Heading { text, anchor, .. } => {
                    self.blocks.push(Block::Heading { level: 2, text, anchor: format!("changes-{anchor}") })
                }
                other => self.blocks.push(other),
            }
        }
    }
}
