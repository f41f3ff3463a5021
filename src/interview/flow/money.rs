//! A measure's money: its years, costs by year (or one total), the sources
//! that pay for it with their amounts, follow-up costs, staff and budget line.
//!
//! Every question is checked against the whole measure, not only its own
//! key: a later end year can put costs outside the measure, lower costs can
//! leave the sources giving more than the costs.

use anyhow::Result;
use strum::VariantArray as _;

use super::entries::Entries;
use super::fields::measure_mut;
use super::{Flow, tr};
use crate::i18n::interview::words;
use crate::interview::parse::{
    AmountOrShare, parse_amount_or_share, parse_by_year, parse_count, parse_number, parse_year, show_by_year,
};
use crate::interview::prompt::Prompter as _;
use crate::model::{Financing, FundingKind};

impl Flow<'_> {
    /// Years, costs, sources, follow-up costs, staff and budget line of measure `i`.
    pub(super) fn measure_money(&mut self, i: usize) -> Result<()> {
        self.measure_years(i)?;
        self.measure_costs(i)?;
        self.financing(i)?;
        self.free_text_funding(i)?;
        self.measure_running_costs(i)
    }

    /// Start and end year of measure `i`.
    fn measure_years(&mut self, i: usize) -> Result<()> {
        let whole = format!("measures[{i}]");
        let (t, lang) = (tr(self.lang), self.lang);
        let m = self.s.measures[i].clone();
        let current = m.start.map(|y| y.to_string());
        self.ask(t(&words().start_year), &whole, current, false, &|a| parse_year(a, lang), &|s, v| {
            measure_mut(s, i).start = v;
        })?;
        let current = m.end.map(|y| y.to_string());
        self.ask(t(&words().end_year), &whole, current, false, &|a| parse_year(a, lang), &|s, v| {
            measure_mut(s, i).end = v;
        })
    }

    /// Costs by year; without them, one total (the budget). With costs by
    /// year the budget is their sum, so the two never disagree.
    fn measure_costs(&mut self, i: usize) -> Result<()> {
        let whole = format!("measures[{i}]");
        let (t, lang) = (tr(self.lang), self.lang);
        let m = self.s.measures[i].clone();
        let current = (!m.costs_eur.is_empty()).then(|| show_by_year(&m.costs_eur, lang));
        self.ask_number(
            t(&words().costs_by_year),
            &whole,
            current,
            &|a| parse_by_year(a, lang),
            &|s, v| {
                let m = measure_mut(s, i);
                m.costs_eur = v.unwrap_or_default();
                if !m.costs_eur.is_empty() {
                    m.budget_eur = Some(m.costs_eur.values().sum());
                }
            },
            &|by_year| show_by_year(by_year, lang),
        )?;
        let m = &self.s.measures[i];
        if let (false, Some(sum)) = (m.costs_eur.is_empty(), m.budget_eur) {
            let amount = crate::i18n::money(lang, sum);
            self.p.say(&words().budget_is_the_sum.fill(lang, &[("amount", &amount)]));
            return Ok(());
        }
        let current = m.budget_eur.map(|b| b.to_string());
        self.ask_number(
            t(&words().budget_in_euros),
            &whole,
            current,
            &|a| parse_count(a, lang),
            &|s, v| measure_mut(s, i).budget_eur = v,
            &|euros| crate::i18n::money(lang, *euros),
        )
    }

    /// The sources of measure `i`, each with its kind and amount or share.
    fn financing(&mut self, i: usize) -> Result<()> {
        let lang = self.lang;
        self.manage(&Entries {
            noun: self.t(&words().financing_source),
            first: self.t(&words().add_a_financing_source),
            add: self.t(&words().new_financing_source),
            list: &|f| {
                let sources = &f.s.measures[i].financing;
                let line = |x: &Financing| {
                    let amount = match (x.amount_eur, x.share_percent) {
                        (Some(euros), _) => crate::i18n::money(lang, euros),
                        (None, Some(share)) => format!("{} %", crate::i18n::number(lang, share)),
                        (None, None) => String::new(),
                    };
                    format!("{} · {} · {amount}", x.source, f.l.funding_kind(x.kind))
                };
                sources.iter().enumerate().map(|(j, x)| (j, line(x))).collect()
            },
            edit: &|f, j| f.financing_source(i, j, false),
            add_new: &|f| f.new_financing_source(i),
            remove: &|f, j| drop(measure_mut(&mut f.s, i).financing.remove(j)),
            swap: &|f, a, b| measure_mut(&mut f.s, i).financing.swap(a, b),
            walk: false,
        })
    }

    /// Adds a source to measure `i`; one left without a name is not kept.
    fn new_financing_source(&mut self, i: usize) -> Result<bool> {
        let source =
            Financing { source: String::new(), kind: FundingKind::Grant, amount_eur: None, share_percent: None };
        measure_mut(&mut self.s, i).financing.push(source);
        let j = self.s.measures[i].financing.len() - 1;
        if let Err(e) = self.financing_source(i, j, true) {
            // cut short (`<`, Esc, Ctrl-C): a half-entered source is not kept
            measure_mut(&mut self.s, i).financing.truncate(j);
            return Err(e);
        }
        let kept = self.kept_unless_empty(|s| &mut s.measures[i].financing, |f| f.source.trim().is_empty());
        if !kept {
            self.checkpoint()?;
        }
        Ok(kept)
    }

    /// The name, kind and amount (or share) of source `j` of measure `i`.
    fn financing_source(&mut self, i: usize, j: usize, new: bool) -> Result<()> {
        let lang = self.lang;
        let f = self.s.measures[i].financing[j].clone();
        let label = self.new_entry_label(self.t(&words().financing_source_name), new);
        let current = (!f.source.is_empty()).then(|| f.source.clone());
        let at = format!("measures[{i}].financing");
        self.ask(&label, &format!("{at}[{j}].source"), current, !new, &|a| Ok(a.to_string()), &|s, v| {
            measure_mut(s, i).financing[j].source = v.unwrap_or_default();
        })?;
        if self.s.measures[i].financing[j].source.trim().is_empty() {
            return Ok(());
        }
        let items: Vec<String> = FundingKind::VARIANTS.iter().map(|&k| self.l.funding_kind(k).to_string()).collect();
        let default = FundingKind::VARIANTS.iter().position(|&k| k == f.kind).unwrap_or(0);
        let chosen = self.p.select(self.t(&words().financing_kind), &items, default)?;
        if let (true, Some(&kind)) = (chosen != default, FundingKind::VARIANTS.get(chosen)) {
            measure_mut(&mut self.s, i).financing[j].kind = kind;
            self.checkpoint()?;
        }
        let current = match (f.amount_eur, f.share_percent) {
            (Some(euros), _) => Some(euros.to_string()),
            (None, Some(share)) => Some(format!("{} %", crate::i18n::number(lang, share))),
            (None, None) => None,
        };
        let show: &dyn Fn(&AmountOrShare) -> String = &|v| match v {
            AmountOrShare::Amount(euros) => crate::i18n::money(lang, *euros),
            AmountOrShare::Share(share) => format!("{} %", crate::i18n::number(lang, *share)),
        };
        // a source without an amount or share is an error: the answer is needed
        self.ask_echoed(
            self.t(&words().amount_or_share),
            &at,
            current,
            true,
            &|a| parse_amount_or_share(a, lang),
            &|s, v| {
                let source = &mut measure_mut(s, i).financing[j];
                (source.amount_eur, source.share_percent) = match v {
                    Some(AmountOrShare::Amount(euros)) => (Some(euros), None),
                    Some(AmountOrShare::Share(share)) => (None, Some(share)),
                    None => (None, None),
                };
            },
            Some(show),
        )
    }

    /// A free-text funding from an earlier file: kept, changed or cleared
    /// (`-`) once its sources are entered with amounts. New measures are
    /// not asked: their sources have amounts.
    fn free_text_funding(&mut self, i: usize) -> Result<()> {
        let Some(current) = self.s.measures[i].funding.clone() else { return Ok(()) };
        let label = self.t(&words().funding_as_text);
        let at = format!("measures[{i}].funding");
        self.ask(label, &at, Some(current), false, &|a| Ok(a.to_string()), &|s, v| measure_mut(s, i).funding = v)
    }

    /// Follow-up costs by year, staff and budget line of measure `i`.
    fn measure_running_costs(&mut self, i: usize) -> Result<()> {
        let whole = format!("measures[{i}]");
        let (t, lang) = (tr(self.lang), self.lang);
        let m = self.s.measures[i].clone();
        let current = (!m.follow_up_eur.is_empty()).then(|| show_by_year(&m.follow_up_eur, lang));
        self.ask_number(
            t(&words().follow_up_by_year),
            &whole,
            current,
            &|a| parse_by_year(a, lang),
            &|s, v| measure_mut(s, i).follow_up_eur = v.unwrap_or_default(),
            &|by_year| show_by_year(by_year, lang),
        )?;
        let current = m.staff_fte.map(|fte| crate::i18n::number(lang, fte));
        self.ask_number(
            t(&words().staff_in_fte),
            &format!("{whole}.staff_fte"),
            current,
            &|a| parse_number(a, lang),
            &|s, v| measure_mut(s, i).staff_fte = v,
            &|fte| crate::i18n::number(lang, *fte),
        )?;
        let label = t(&words().budget_line_question);
        let at = format!("{whole}.budget_line");
        self.ask(label, &at, m.budget_line.clone(), false, &|a| Ok(a.to_string()), &|s, v| {
            measure_mut(s, i).budget_line = v;
        })
    }
}
