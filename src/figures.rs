//! Figures computed from the model: budgets by field, year and funding
//! source, counts by priority and status, SDG coverage.
//!
//! Both the document context and the JSON output use these, so a total in the
//! DOCX and one in the JSON cannot disagree.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::finance::{MeasureFinance, Plan};
use crate::model::{Measure, MeasureStatus, Priority, Strategy};

/// All computed figures of a strategy.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Figures {
    /// Sum of all measures' `budget_eur`.
    pub budget_total: u64,
    /// Per field of action, in input order of the fields.
    pub budget_by_field: Vec<FieldBudget>,
    /// Per year; a measure's budget is spread evenly over `start..=end`.
    pub budget_by_year: Vec<YearBudget>,
    /// Budget of measures without any year.
    pub budget_without_period: u64,
    /// Per funding source, sorted by name; measures without one are in `without_funding`.
    pub budget_by_funding: Vec<FundingBudget>,
    /// Measures without a funding source and their budget; with
    /// `budget_by_funding` this adds up to `budget_total`.
    pub without_funding: Unattributed,
    /// Number of measures per priority (`none` for unset).
    pub by_priority: BTreeMap<String, usize>,
    /// Number of measures per status (`none` for unset).
    pub by_status: BTreeMap<String, usize>,
    /// Ids of the measures marked as quick wins.
    pub quick_wins: Vec<String>,
    /// SDGs named by measures, ascending, with the measures naming them.
    pub sdgs: Vec<SdgCoverage>,
    /// The finance plan: costs by year and source, own share, follow-up costs, staff.
    pub finance: Plan,
}

/// Budget of one field of action.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FieldBudget {
    /// The field's id.
    pub field: String,
    /// Number of measures in the field.
    pub measures: usize,
    /// Sum of their budgets.
    pub budget_eur: u64,
}

/// Budget share of one year.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct YearBudget {
    /// The year.
    pub year: u16,
    /// Euros attributed to it.
    pub budget_eur: u64,
}

/// Budget from one funding source.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FundingBudget {
    /// The funding source as written.
    pub funding: String,
    /// Number of measures using it.
    pub measures: usize,
    /// Sum of their budgets.
    pub budget_eur: u64,
}

/// Measures without an attribute (here: a funding source) and their budget.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Unattributed {
    /// Number of measures.
    pub measures: usize,
    /// Sum of their budgets.
    pub budget_eur: u64,
}

/// One SDG and the measures that name it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SdgCoverage {
    /// 1..=17.
    pub sdg: u8,
    /// Measure ids.
    pub measures: Vec<String>,
}

/// Stable name of a priority, as in the input (`none` for none).
pub fn priority_key(p: Option<Priority>) -> &'static str {
    p.map_or("none", Into::into)
}

/// Stable name of a status, as in the input (`none` for none).
pub fn status_key(s: Option<MeasureStatus>) -> &'static str {
    s.map_or("none", Into::into)
}

/// The years of a measure, if it has any.
pub use crate::finance::period as years;

impl Figures {
    /// Computes the figures of `s`.
    pub fn of(s: &Strategy) -> Figures {
        let measures: Vec<&Measure> = s.measures.iter().collect();
        // what each measure costs: its costs by year or its budget; a cancelled one nothing
        let cost = |m: &Measure| MeasureFinance::of(m).map_or(0, |f| f.total());
        let finance = Plan::of(s);
        let budget_total = finance.total;
        let budget_by_field = s
            .fields
            .iter()
            .map(|f| {
                let id = &f.id;
                let in_field: Vec<_> = measures.iter().filter(|m| m.field == *id).collect();
                FieldBudget {
                    field: id.clone(),
                    measures: in_field.len(),
                    budget_eur: in_field.iter().map(|m| cost(m)).sum(),
                }
            })
            .collect();
        let mut budget_by_year = Vec::new();
        let mut budget_without_period = 0;
        for (year, budget_eur) in finance.years.iter().zip(&finance.costs_by_year) {
            match year {
                Some(year) => budget_by_year.push(YearBudget { year: *year, budget_eur: *budget_eur }),
                None => budget_without_period = *budget_eur,
            }
        }

        let mut funding: BTreeMap<&str, (usize, u64)> = BTreeMap::new();
        let mut without_funding = Unattributed::default();
        for m in &measures {
            let budget = cost(m);
            if let Some(f) = m.funding.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
                let slot = funding.entry(f).or_default();
                slot.0 += 1;
                slot.1 += budget;
            } else {
                without_funding.measures += 1;
                without_funding.budget_eur += budget;
            }
        }
        let budget_by_funding = funding
            .into_iter()
            .map(|(f, (n, b))| FundingBudget { funding: f.to_string(), measures: n, budget_eur: b })
            .collect();

        let mut by_priority = BTreeMap::new();
        let mut by_status = BTreeMap::new();
        for m in &measures {
            *by_priority.entry(priority_key(m.priority).to_string()).or_insert(0) += 1;
            *by_status.entry(status_key(m.status).to_string()).or_insert(0) += 1;
        }
        let quick_wins = measures.iter().filter(|m| m.quick_win).map(|m| m.id.clone()).collect();
        let sdgs = (1..=17u8)
            .filter_map(|n| {
                let ids: Vec<String> = measures.iter().filter(|m| m.sdgs.contains(&n)).map(|m| m.id.clone()).collect();
                (!ids.is_empty()).then_some(SdgCoverage { sdg: n, measures: ids })
            })
            .collect();
        Figures {
            budget_total,
            budget_by_field,
            budget_by_year,
            budget_without_period,
            budget_by_funding,
            without_funding,
            by_priority,
            by_status,
            quick_wins,
            sdgs,
            finance,
        }
    }
}
