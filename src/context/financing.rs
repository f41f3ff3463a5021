//! Financing: the budget total and the budget by field and by year; the
//! cost and financing plan (years × sources) with the financing by kind
//! where measures name their sources with amounts, else the budget by the
//! funding text; the follow-up costs and the staff.

use crate::finance::{Line, Plan};
use crate::i18n::{self, fill};

use super::Column;
use super::builder::{Builder, col};

impl Builder<'_> {
    /// Budget total and tables by field, by year and by source; follow-up costs and staff.
    pub(super) fn financing(&mut self) {
        let total = self.money(self.figures.budget_total);
        self.para(fill(&self.labels.budget_total, &[("amount", &total)]));
        self.budget_by_field(&total);
        self.budget_by_year(&total);
        let structured = self.strategy.measures.iter().any(|m| !m.financing.is_empty());
        if structured {
            self.finance_plan();
            self.funding_by_kind();
        } else if !self.figures.budget_by_funding.is_empty() {
            self.funding_sources(&total);
        }
        self.follow_up_costs();
        self.staff();
    }

    /// What a measure costs: its costs by year, or its budget.
    pub(super) fn measure_budget(&self, m: &crate::model::Measure) -> Option<u64> {
        if m.costs_eur.is_empty() { m.budget_eur } else { Some(m.costs_eur.values().sum()) }
    }

    /// The status, and why, if the input says.
    pub(super) fn status_with_reason(&self, m: &crate::model::Measure) -> String {
        let status = self.status(m.status);
        match m.status_reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(reason) => format!("{status} – {reason}"),
            None => status,
        }
    }

    /// How a measure is financed: its sources with amounts and shares and the
    /// own share, where it names them; else the funding as written.
    pub(super) fn funding_text(&self, m: &crate::model::Measure) -> Option<String> {
        let f = crate::finance::MeasureFinance::of(m).filter(|f| !m.financing.is_empty() && !f.lines.is_empty());
        let Some(f) = f else { return m.funding.clone() };
        let total = f.total();
        let parts: Vec<String> = f
            .lines
            .iter()
            .map(|(line, years)| {
                let amount: u64 = years.values().sum();
                let share = if total > 0 { amount as f64 * 100.0 / total as f64 } else { 0.0 };
                let share = i18n::number(self.lang, (share * 10.0).round() / 10.0);
                format!("{}: {} ({share} %)", self.line_label(line), self.money(amount))
            })
            .collect();
        Some(parts.join("; "))
    }

    /// A measure profile's further rows on money, where the input has them:
    /// costs by year, follow-up costs, staff, budget line.
    pub(super) fn finance_rows(&self, m: &crate::model::Measure) -> Vec<Vec<String>> {
        let l = self.labels;
        let by_year = |map: &std::collections::BTreeMap<String, u64>| {
            map.iter().map(|(y, a)| format!("{y}: {}", self.money(*a))).collect::<Vec<_>>().join("; ")
        };
        let mut rows = Vec::new();
        if !m.costs_eur.is_empty() {
            rows.push(vec![l.costs_by_year.clone(), by_year(&m.costs_eur)]);
        }
        if !m.follow_up_eur.is_empty() {
            rows.push(vec![l.follow_up.clone(), by_year(&m.follow_up_eur)]);
        }
        if let Some(fte) = m.staff_fte {
            rows.push(vec![l.staff_fte.clone(), i18n::number(self.lang, fte)]);
        }
        if let Some(line) = m.budget_line.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            rows.push(vec![l.budget_line.clone(), line.to_string()]);
        }
        rows
    }

    /// A whole number of euros as a table shows it under "in euros": `1.450.000`.
    fn euros(&self, amount: u64) -> String {
        i18n::number(self.lang, amount as f64)
    }

    /// The plan's columns: what a row is, the years (and none), the total.
    fn plan_columns(&self, first: &str, plan: &Plan) -> Vec<Column> {
        let years = plan.years.iter().map(|year| year.map_or_else(|| self.labels.no_period.clone(), |y| y.to_string()));
        self.year_columns(first, years.collect())
    }

    /// A first column, one narrow column per year and the total, sharing the page's width.
    fn year_columns(&self, first: &str, years: Vec<String>) -> Vec<Column> {
        let n = years.len() as u32 + 1;
        let width = (60 / n).max(6);
        let mut columns = vec![col(first, false, 100u32.saturating_sub(width * n).max(20))];
        columns.extend(years.iter().map(|year| col(year, true, width)));
        columns.push(col(&self.labels.total, true, width));
        columns
    }

    /// The name of a row of the plan.
    fn line_label(&self, line: &Line) -> String {
        match line {
            Line::Source { kind, source } => format!("{source} ({})", self.labels.funding_kind(*kind)),
            Line::OwnShare => self.labels.own_share.clone(),
            Line::NotBrokenDown => self.labels.not_broken_down.clone(),
        }
    }

    /// Years × sources, with the costs by year as the total row; and which measures' years are estimated.
    fn finance_plan(&mut self) {
        let l = self.labels;
        let plan = &self.figures.finance;
        let columns = self.plan_columns(&l.source, plan);
        let mut rows: Vec<Vec<String>> = plan
            .lines
            .iter()
            .map(|line| {
                let mut row = vec![self.line_label(&line.line)];
                row.extend(line.by_year.iter().map(|a| self.euros(*a)));
                row.push(self.euros(line.total));
                row
            })
            .collect();
        let mut total = vec![l.total_costs.clone()];
        total.extend(plan.costs_by_year.iter().map(|a| self.euros(*a)));
        total.push(self.euros(plan.total));
        rows.push(total);
        let estimated = plan.estimated.join(", ");
        let note = if plan.estimated.len() == 1 { &l.estimate_note_one } else { &l.estimate_note };
        let count = plan.estimated.len().to_string();
        self.heading(self.item_level + 1, l.finance_plan.clone(), "finance-plan");
        self.para(l.finance_plan_intro.clone());
        self.table_with_total(columns, rows);
        if !estimated.is_empty() {
            self.para(fill(note, &[("count", &count), ("ids", &estimated)]));
        }
    }

    /// Grants, third-party funds, own share and what is not broken down, with their shares of the costs.
    fn funding_by_kind(&mut self) {
        let l = self.labels;
        let plan = &self.figures.finance;
        let not_broken_down = plan.lines.iter().filter(|x| x.line == Line::NotBrokenDown).map(|x| x.total).sum();
        let kinds = [
            (l.funding_kind(crate::model::FundingKind::Grant).to_string(), plan.grants),
            (l.funding_kind(crate::model::FundingKind::ThirdParty).to_string(), plan.third_party),
            (l.own_share.clone(), plan.own),
            (l.not_broken_down.clone(), not_broken_down),
        ];
        let share = |a: u64| match plan.total {
            0 => "–".to_string(),
            all => format!("{} %", i18n::number(self.lang, (a as f64 * 1000.0 / all as f64).round() / 10.0)),
        };
        let mut rows: Vec<Vec<String>> =
            kinds.iter().filter(|(_, a)| *a > 0).map(|(k, a)| vec![k.clone(), self.money(*a), share(*a)]).collect();
        rows.push(vec![l.total_costs.clone(), self.money(plan.total), share(plan.total)]);
        self.heading(self.item_level + 1, l.funding_by_kind.clone(), "funding-by-kind");
        self.table_with_total(vec![col(&l.kind, false, 50), col(&l.amount, true, 30), col(&l.share, true, 20)], rows);
    }

    /// Follow-up costs per measure and year, with totals.
    fn follow_up_costs(&mut self) {
        let l = self.labels;
        let plan = &self.figures.finance;
        if plan.follow_up_by_year.is_empty() {
            return;
        }
        let years: Vec<u16> = plan.follow_up_by_year.iter().map(|(y, _)| *y).collect();
        let columns = self.year_columns(&l.measure, years.iter().map(u16::to_string).collect());
        let mut rows = Vec::new();
        // a cancelled measure leaves no follow-up costs (the plan leaves it out)
        let cancelled = |m: &&crate::model::Measure| m.status == Some(crate::model::MeasureStatus::Cancelled);
        for m in self.measures().filter(|m| !m.follow_up_eur.is_empty() && !cancelled(m)) {
            let by_year: Vec<u64> = years
                .iter()
                .map(|y| {
                    m.follow_up_eur
                        .iter()
                        .filter(|(k, _)| crate::finance::year_key(k) == Some(*y))
                        .map(|(_, a)| a)
                        .sum()
                })
                .collect();
            let mut row = vec![self.measure_label(m)];
            row.extend(by_year.iter().map(|a| self.euros(*a)));
            row.push(self.euros(by_year.iter().sum()));
            rows.push(row);
        }
        let mut total = vec![l.total.clone()];
        total.extend(plan.follow_up_by_year.iter().map(|(_, a)| self.euros(*a)));
        total.push(self.euros(plan.follow_up_total));
        rows.push(total);
        self.heading(self.item_level + 1, l.follow_up_costs.clone(), "follow-up-costs");
        self.para(l.follow_up_note.clone());
        self.table_with_total(columns, rows);
    }

    /// Staff per measure in full-time equivalents, with the total.
    fn staff(&mut self) {
        let l = self.labels;
        let with_staff: Vec<_> = self
            .measures()
            .filter(|m| {
                m.staff_fte.is_some_and(|f| f > 0.0) && m.status != Some(crate::model::MeasureStatus::Cancelled)
            })
            .collect();
        if with_staff.is_empty() {
            return;
        }
        let mut rows: Vec<Vec<String>> = with_staff
            .iter()
            .map(|m| {
                let fte = i18n::number(self.lang, m.staff_fte.unwrap_or(0.0));
                vec![self.measure_label(m), self.or_none(m.lead.clone()), fte]
            })
            .collect();
        let total: f64 = with_staff.iter().filter_map(|m| m.staff_fte).sum();
        rows.push(vec![l.total.clone(), String::new(), i18n::number(self.lang, (total * 100.0).round() / 100.0)]);
        self.heading(self.item_level + 1, l.staff.clone(), "staff");
        let columns = vec![col(&l.measure, false, 50), col(&l.lead, false, 30), col(&l.staff_fte, true, 20)];
        self.table_with_total(columns, rows);
    }

    /// Measures and budget per field of action, with the total.
    fn budget_by_field(&mut self, total: &str) {
        let l = self.labels;
        self.heading(self.item_level + 1, l.budget_by_field.clone(), "budget-by-field");
        let columns = vec![col(&l.field, false, 60), col(&l.measures, true, 15), col(&l.budget, true, 25)];
        let mut rows: Vec<Vec<String>> = self
            .figures
            .budget_by_field
            .iter()
            .map(|b| vec![self.field_title_by_id(&b.field), b.measures.to_string(), self.money(b.budget_eur)])
            .collect();
        rows.push(vec![l.total.clone(), self.strategy.measures.len().to_string(), total.to_string()]);
        self.table_with_total(columns, rows);
    }

    /// Budget per year (and without a period), with the total and a note on how it is spread.
    fn budget_by_year(&mut self, total: &str) {
        let l = self.labels;
        self.heading(self.item_level + 1, l.budget_by_year.clone(), "budget-by-year");
        let columns = vec![col(&l.year, false, 60), col(&l.budget, true, 40)];
        let mut rows: Vec<Vec<String>> =
            self.figures.budget_by_year.iter().map(|y| vec![y.year.to_string(), self.money(y.budget_eur)]).collect();
        if self.figures.budget_without_period > 0 {
            rows.push(vec![l.no_period.clone(), self.money(self.figures.budget_without_period)]);
        }
        rows.push(vec![l.total.clone(), total.to_string()]);
        self.table_with_total(columns, rows);
        if !self.figures.finance.estimated.is_empty() {
            self.para(l.budget_by_year_note.clone());
        }
    }

    /// Measures and budget per funding source (and without one), with the total.
    fn funding_sources(&mut self, total: &str) {
        let l = self.labels;
        self.heading(self.item_level + 1, l.funding_sources.clone(), "funding-sources");
        let columns = vec![col(&l.funding, false, 60), col(&l.measures, true, 15), col(&l.budget, true, 25)];
        let mut rows: Vec<Vec<String>> = self
            .figures
            .budget_by_funding
            .iter()
            .map(|f| vec![f.funding.clone(), f.measures.to_string(), self.money(f.budget_eur)])
            .collect();
        let without = &self.figures.without_funding;
        if without.measures > 0 {
            rows.push(vec![l.not_set.clone(), without.measures.to_string(), self.money(without.budget_eur)]);
        }
        rows.push(vec![l.total.clone(), self.strategy.measures.len().to_string(), total.to_string()]);
        self.table_with_total(columns, rows);
    }
}
