//! Financing: the budget total and the budget by field, by year and by
//! funding source.

use crate::i18n::fill;

use super::builder::{Builder, col};

impl Builder<'_> {
    /// Budget total and tables by field, by year and by funding source.
    pub(super) fn financing(&mut self) {
        let total = self.money(self.figures.budget_total);
        self.para(fill(&self.labels.budget_total, &[("amount", &total)]));
        self.budget_by_field(&total);
        self.budget_by_year(&total);
        if !self.figures.budget_by_funding.is_empty() {
            self.funding_sources(&total);
        }
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
        self.para(l.budget_by_year_note.clone());
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
