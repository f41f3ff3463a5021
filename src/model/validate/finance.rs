//! The rules on a measure's money: years as keys, costs that agree with the
//! budget and lie in the measure's years, sources with an amount that do not
//! give more than the costs; advice on free-text funding, follow-up costs
//! during the measure and stopped measures without a reason.

use super::{Rules, advice};
use crate::finance::{self, year_key};
use crate::model::messages::{Bound, Message};
use crate::model::{Measure, MeasureStatus};

impl Rules<'_, '_> {
    /// Members' shares name members and add up to 100 %.
    pub(super) fn shares(&mut self) {
        let shares = &self.strategy.council.shares;
        if shares.is_empty() {
            return;
        }
        let members = &self.strategy.municipality.members;
        for (name, share) in shares {
            let at = format!("council.shares.{name}");
            if !members.iter().any(|m| m.trim() == name.trim()) {
                let kind = Message::UnknownMember { name: name.clone(), members: members.clone() };
                self.error(&at, kind);
            }
            if !(0.0..=100.0).contains(share) {
                let kind = Message::IntegerOutOfRange { bound: Bound::Between(0, 100), found: number(*share) };
                self.error(&at, kind);
            }
        }
        for (i, session) in self.strategy.council.sessions.iter().enumerate() {
            if let Some(member) = session.member.as_deref()
                && !members.iter().any(|m| m.trim() == member.trim())
            {
                let kind = Message::UnknownMember { name: member.to_string(), members: members.clone() };
                self.error(&format!("council.sessions[{i}].member"), kind);
            }
        }
        let sum: f64 = shares.values().sum();
        if (sum - 100.0).abs() > 0.001 {
            self.error("council.shares", Message::SharesNot100 { sum });
        }
    }

    /// Every measure's finance rules.
    pub(super) fn finance(&mut self) {
        for (i, m) in self.strategy.measures.iter().enumerate() {
            let path = format!("measures[{i}]");
            self.year_keys(&path, m);
            self.costs(&path, m);
            self.sources(&path, m);
            self.finance_advice(&path, m);
        }
    }

    /// Keys of `costs_eur` and `follow_up_eur` are years; costs lie in the
    /// measure's years, follow-up costs after them.
    fn year_keys(&mut self, path: &str, m: &Measure) {
        for (table, map) in [("costs_eur", &m.costs_eur), ("follow_up_eur", &m.follow_up_eur)] {
            for key in map.keys() {
                // the raw key, as the key paths of the structural check write it
                let at = format!("{path}.{table}.{key}");
                let Some(year) = year_key(key) else {
                    self.error(&at, Message::YearKey { key: key.clone() });
                    continue;
                };
                // only the years the input gives: a measure without an end is open-ended
                let (start, end) = (m.start, m.end);
                if table == "costs_eur"
                    && let (Some(start), Some(end)) = (start, end)
                    && !(start..=end).contains(&year)
                {
                    self.error(&at, Message::YearOutsideMeasure { year, start, end });
                } else if table == "follow_up_eur"
                    && let Some(end) = end
                    && year <= end
                {
                    let kind = Message::FollowUpDuringMeasure { year, end };
                    self.out.push(self.warning(&at, &at, kind, advice::FOLLOW_UP));
                }
            }
        }
    }

    /// The costs by year add up to the budget, when both are given.
    fn costs(&mut self, path: &str, m: &Measure) {
        let Some(budget) = m.budget_eur.filter(|_| !m.costs_eur.is_empty()) else { return };
        let costs: u64 = m.costs_eur.values().sum();
        if costs != budget {
            let kind = Message::CostsMismatch { measure: m.id.clone(), costs, budget };
            self.error(&format!("{path}.budget_eur"), kind);
        }
    }

    /// Each source has an amount or a share (a share needs costs, and an
    /// amount given beside it must be that share); together the sources
    /// give no more than the costs.
    fn sources(&mut self, path: &str, m: &Measure) {
        let (costs, _) = finance::costs(m);
        let total: u64 = costs.values().sum();
        // fixed amounts in euros, shares exactly (not rounded one by one: two halves of
        // an odd sum are the whole, not a euro more)
        let (mut fixed, mut shares) = (0u64, 0.0f64);
        for (j, f) in m.financing.iter().enumerate() {
            let at = format!("{path}.financing[{j}]");
            let source = f.source.trim().to_string();
            if let Some(p) = f.share_percent.filter(|p| !(0.0..=100.0).contains(p)) {
                let kind = Message::IntegerOutOfRange { bound: Bound::Between(0, 100), found: number(p) };
                self.error(&format!("{at}.share_percent"), kind);
            }
            match (f.amount_eur, f.share_percent) {
                (None, None) => self.error(&at, Message::FinancingWithoutAmount { source }),
                (None, Some(_)) if total == 0 => self.error(&at, Message::ShareWithoutCosts { source }),
                (Some(amount), Some(share)) if total > 0 => {
                    let expected = finance::amount(&crate::model::Financing { amount_eur: None, ..f.clone() }, total);
                    if amount.abs_diff(expected) > 1 {
                        let kind = Message::AmountShareMismatch { amount, share, expected };
                        self.error(&format!("{at}.amount_eur"), kind);
                    }
                }
                _ => {}
            }
            match (f.amount_eur, f.share_percent) {
                (Some(a), _) => fixed = fixed.saturating_add(a),
                (None, Some(p)) => shares += p.clamp(0.0, 100.0),
                (None, None) => {}
            }
        }
        // an amount with no costs to pay is more than the costs, too
        let given = fixed as f64 + total as f64 * shares / 100.0;
        if given > total as f64 + 1e-6 {
            let funding = given.round() as u64;
            let kind = Message::FundingAboveCosts { measure: m.id.clone(), funding, costs: total };
            self.error(&format!("{path}.financing"), kind);
        }
        if let Some(fte) = m.staff_fte.filter(|f| !(0.0..=1000.0).contains(f)) {
            let kind = Message::IntegerOutOfRange { bound: Bound::Between(0, 1000), found: number(fte) };
            self.error(&format!("{path}.staff_fte"), kind);
        }
    }

    /// Advice: free-text funding that could be structured; a stopped measure without a reason.
    fn finance_advice(&mut self, path: &str, m: &Measure) {
        let at = format!("{path}.id");
        let text = m.funding.as_deref().is_some_and(|f| !f.trim().is_empty());
        let costs = m.budget_eur.is_some_and(|b| b > 0) || !m.costs_eur.is_empty();
        if text && costs && m.financing.is_empty() && m.status != Some(MeasureStatus::Cancelled) {
            let kind = Message::FundingUnstructured { measure: m.id.clone() };
            let warning = self.warning(&format!("{path}.funding"), &format!("{path}.funding"), kind, advice::FINANCING);
            self.out.push(warning.about([format!("{path}.financing")]));
        }
        let reason = m.status_reason.as_deref().is_some_and(|r| !r.trim().is_empty());
        if m.status == Some(MeasureStatus::Cancelled) && !reason {
            let kind = Message::CancelledWithoutReason { measure: m.id.clone() };
            self.out.push(self.warning(path, &at, kind, advice::CANCELLED).about([format!("{path}.status_reason")]));
        }
    }
}

/// A number as TOML writes it.
fn number(x: f64) -> String {
    format!("{x}")
}
