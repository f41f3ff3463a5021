//! Property tests over generated measures: whatever costs, years and
//! sources a measure has — also ones `check` would refuse — every row and
//! every column of the plan adds up to the euro, and nothing is negative.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::{Line, MeasureFinance, Plan};
use crate::figures::Figures;
use crate::model::{Field, Financing, FundingKind, Measure, MeasureStatus};

fn kind() -> impl proptest::strategy::Strategy<Value = FundingKind> {
    prop_oneof![Just(FundingKind::Grant), Just(FundingKind::Own), Just(FundingKind::ThirdParty)]
}

fn financing() -> impl proptest::strategy::Strategy<Value = Financing> {
    (kind(), 0..4u8, prop::option::of(0..2_000_000u64), prop::option::of(0.0..100.0f64)).prop_map(
        |(kind, name, amount_eur, share_percent)| Financing {
            source: format!("Quelle {name}"),
            kind,
            amount_eur,
            share_percent,
        },
    )
}

prop_compose! {
    fn measure()(
        id in 0..1000u32,
        budget in prop::option::of(0..5_000_000u64),
        start in prop::option::of(2020..2030u16),
        years in 0..6u16,
        by_year in prop::option::of(prop::collection::vec(0..900_000u64, 1..7)),
        sources in prop::collection::vec(financing(), 0..4),
        follow_up in prop::collection::btree_map(2020..2040u16, 0..100_000u64, 0..3),
        cancelled in prop::bool::weighted(0.1),
    ) -> Measure {
        let end = start.map(|s| s + years);
        let costs_eur: BTreeMap<String, u64> = match (by_year, start) {
            (Some(amounts), Some(s)) => amounts.into_iter().enumerate().map(|(i, a)| ((s + i as u16).to_string(), a)).collect(),
            _ => BTreeMap::new(),
        };
        Measure {
            id: format!("M{id}"),
            field: "f".into(),
            budget_eur: budget,
            start,
            end,
            costs_eur,
            financing: sources,
            follow_up_eur: follow_up.into_iter().map(|(y, a)| (y.to_string(), a)).collect(),
            status: cancelled.then_some(MeasureStatus::Cancelled),
            ..Measure::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_measure_s_lines_add_up_to_its_costs_year_by_year(m in measure()) {
        let Some(f) = MeasureFinance::of(&m) else {
            prop_assert_eq!(m.status, Some(MeasureStatus::Cancelled));
            return Ok(());
        };
        for (year, cost) in &f.costs {
            let lines: u64 = f.lines.values().map(|y| y.get(year).copied().unwrap_or(0)).sum();
            prop_assert_eq!(lines, *cost, "year {:?}", year);
        }
        let total: u64 = f.lines.values().flat_map(|y| y.values()).sum();
        prop_assert_eq!(total, f.total());
        // a source gives what it says, as far as the costs reach
        let mut left = f.total();
        let mut sources = m.financing.clone();
        sources.sort_by_key(|s| super::kind_rank(s.kind));
        let mut given: BTreeMap<Line, u64> = BTreeMap::new();
        for s in &sources {
            let take = super::amount(s, f.total()).min(left);
            left -= take;
            *given.entry(Line::Source { kind: s.kind, source: s.source.clone() }).or_insert(0) += take;
        }
        for (line, amount) in given.into_iter().filter(|(_, a)| *a > 0) {
            prop_assert_eq!(f.lines[&line].values().sum::<u64>(), amount);
        }
    }

    #[test]
    fn every_row_and_column_of_the_plan_and_the_figures_adds_up(ms in prop::collection::vec(measure(), 0..8)) {
        let s = crate::model::Strategy {
            fields: vec![Field { id: "f".into(), title: None, description: None, goals: vec![], image: None }],
            measures: ms,
            ..crate::model::Strategy::default()
        };
        let plan = Plan::of(&s);
        for line in &plan.lines {
            prop_assert_eq!(line.by_year.iter().sum::<u64>(), line.total);
        }
        for (i, cost) in plan.costs_by_year.iter().enumerate() {
            prop_assert_eq!(plan.lines.iter().map(|l| l.by_year[i]).sum::<u64>(), *cost);
        }
        let costs: u64 = s.measures.iter().filter_map(MeasureFinance::of).map(|f| f.total()).sum();
        prop_assert_eq!(plan.total, costs);
        let not_broken_down: u64 = plan.lines.iter().filter(|l| l.line == Line::NotBrokenDown).map(|l| l.total).sum();
        prop_assert_eq!(plan.grants + plan.third_party + plan.own + not_broken_down, plan.total);
        prop_assert_eq!(plan.follow_up_by_year.iter().map(|(_, a)| a).sum::<u64>(), plan.follow_up_total);
        let figures = Figures::of(&s);
        let by_year: u64 = figures.budget_by_year.iter().map(|y| y.budget_eur).sum();
        prop_assert_eq!(by_year + figures.budget_without_period, figures.budget_total);
        prop_assert_eq!(figures.budget_by_field.iter().map(|f| f.budget_eur).sum::<u64>(), figures.budget_total);
        let by_text: u64 = figures.budget_by_funding.iter().map(|f| f.budget_eur).sum();
        prop_assert_eq!(by_text + figures.without_funding.budget_eur, figures.budget_total);
    }

    #[test]
    fn a_split_adds_up_and_every_part_is_within_a_euro_of_its_exact_share(
        amount in 0..10_000_000_000u64,
        weights in prop::collection::vec(0..100_000_000u64, 0..12),
    ) {
        let named: Vec<(usize, u64)> = weights.iter().copied().enumerate().collect();
        let parts = super::split(amount, &named);
        prop_assert_eq!(parts.len(), weights.len());
        let total: u64 = weights.iter().sum();
        if total == 0 {
            prop_assert!(parts.iter().all(|(_, p)| *p == 0));
            return Ok(());
        }
        prop_assert_eq!(parts.iter().map(|(_, p)| p).sum::<u64>(), amount);
        for ((_, part), w) in parts.iter().zip(&weights) {
            let exact = amount as f64 * *w as f64 / total as f64;
            prop_assert!((*part as f64 - exact).abs() < 1.0 + exact * 1e-12, "{} for {}", part, exact);
        }
    }
}
