//! The council profile: a draft council decision with subject, proposal,
//! facts, finance and attachments.

use crate::catalogue::{Item, Profile};
use crate::i18n::{self, fill};
use crate::model::coverage::is_filled;
use crate::model::{CouncilKind, DocStatus};

use super::builder::{Builder, nonblank};
use super::{Block, ListItem};

/// Items whose text stands under "finance", not under "facts".
const FINANCE_ITEMS: [&str; 2] = ["financing_proposal", "long_term_financing"];

impl Builder<'_> {
    /// Council: a draft council decision (subject, proposal, facts, finance, attachments).
    pub(super) fn council(&mut self) {
        let l = self.labels;
        let title = self.title();
        self.council_header();
        self.council_sessions();
        self.heading(1, l.council_subject.clone(), "subject");
        self.para(title.clone());

        self.heading(1, l.council_proposal.clone(), "proposal");
        let resolution = self.resolution(&title);
        self.para(resolution);
        if let Some((member, share)) = self.member {
            let plan = &self.figures.finance;
            let (costs, own) = (self.money(self.member_part(plan.total)), self.money(self.member_part(plan.own)));
            let share = i18n::number(self.lang, share);
            let pairs = [("member", member), ("share", share.as_str()), ("costs", &costs), ("own", &own)];
            self.para(fill(&l.council_member_resolution, &pairs));
        }

        self.council_facts();
        self.council_finance();
        self.council_climate();
        self.council_attachments(&title);
    }

    /// The proposed resolution: adopt the strategy — or, once adopted,
    /// confirm and carry it forward — and review it after some months.
    fn resolution(&self, title: &str) -> String {
        let l = self.labels;
        let version = match (nonblank(&self.strategy.document.version), &self.strategy.document.date) {
            (Some(v), Some(d)) => format!(" ({} {v}, {})", l.version, i18n::date(self.lang, *d)),
            (Some(v), None) => format!(" ({} {v})", l.version),
            (None, Some(d)) => format!(" ({})", i18n::date(self.lang, *d)),
            (None, None) => String::new(),
        };
        let months = self.strategy.document.review_months.unwrap_or(24).to_string();
        let quoted = i18n::inner_quotes(self.lang, title);
        let body = self.council_body_subject();
        let adopted = match (self.strategy.document.status, self.strategy.document.adopted_on) {
            (Some(DocStatus::Adopted), Some(d)) => fill(&l.council_adopted_on, &[("date", &i18n::date(self.lang, d))]),
            (Some(DocStatus::Adopted), None) => l.council_adopted.clone(),
            _ => String::new(),
        };
        let pairs = [
            ("body", body.as_str()),
            ("title", &quoted),
            ("adopted", &adopted),
            ("version", &version),
            ("months", &months),
        ];
        match (self.council_kind(), adopted.is_empty()) {
            // information: the body takes note, of an adopted strategy or an update
            (CouncilKind::Information, _) => fill(&l.council_resolution_information, &pairs),
            // a decision on an adopted strategy confirms and carries it forward
            (CouncilKind::Decision, false) => fill(&l.council_resolution_adopted, &pairs),
            (CouncilKind::Decision, true) => fill(&l.council_resolution, &pairs),
        }
    }

    /// The filled council items (but the finance texts), each under its
    /// heading; an item whose content is all left out loses its heading too.
    fn council_facts(&mut self) {
        let catalogue = self.catalogue;
        let facts: Vec<&Item> = catalogue
            .items
            .iter()
            .filter(|i| {
                i.in_profile(Profile::Council) && !FINANCE_ITEMS.contains(&i.id.as_str()) && is_filled(self.strategy, i)
            })
            .collect();
        self.heading(1, self.labels.council_facts.clone(), "facts");
        for item in facts {
            let start = self.blocks.len();
            self.heading(2, self.item_title(item), item.id.clone());
            self.item_body(item);
            if self.blocks.len() == start + 1 {
                self.blocks.truncate(start);
            }
        }
    }

    /// The budget tables (or a note that there is no budget) and the finance texts.
    fn council_finance(&mut self) {
        let l = self.labels;
        self.heading(1, l.council_finance.clone(), "finance");
        self.council_money_summary();
        if self.figures.budget_total > 0 {
            // the budget tables stand directly under the level-1 heading
            self.item_level = 1;
            self.financing();
            self.item_level = 2;
        } else {
            self.para(l.council_no_budget.clone());
        }
        for id in FINANCE_ITEMS {
            if let Some(text) = self.strategy.text.get(id).filter(|t| !t.trim().is_empty()).cloned() {
                let heading = self.catalogue.item(id).map_or_else(|| id.to_string(), |i| self.item_title(i));
                self.heading(2, heading, id);
                self.text(&text);
            }
        }
    }

    /// The attachments: the strategy, and the measure profiles and indicators when there are any.
    fn council_attachments(&mut self, title: &str) {
        let l = self.labels;
        self.heading(1, l.council_attachments.clone(), "attachments");
        let mut items = vec![fill(&l.council_attachment_strategy, &[("title", title)])];
        if !self.strategy.measures.is_empty() {
            items.push(fill(&l.council_attachment_profiles, &[("count", &self.strategy.measures.len().to_string())]));
        }
        if !self.strategy.goals.is_empty() {
            items.push(fill(&l.council_attachment_indicators, &[("count", &self.strategy.goals.len().to_string())]));
        }
        items.extend(self.strategy.council.attachments.iter().filter(|a| !a.trim().is_empty()).cloned());
        let items = items.into_iter().map(|text| ListItem { text, level: 0 }).collect();
        self.blocks.push(Block::List { items });
    }
}
