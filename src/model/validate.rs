//! The rules of `check` that need the whole model: ids, references, the goal
//! hierarchy, year ranges (errors); and the seed advice (warnings).

use std::collections::{HashMap, HashSet};

mod finance;
mod monitoring;

use super::coverage::coverage;
use super::diagnostic::{Diagnostic, did_you_mean};
use super::known_ids::KnownIds;
use super::messages::{List, MeasureKey, Message, Target};
use super::source_map::SourceMap;
use super::{Date, Group, Strategy};
use crate::catalogue::Catalogue;

/// Options of reading and checking a file.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// Warn when the outline coverage is below this percentage.
    pub min_coverage: Option<f64>,
    /// The most bytes an input may have; `None`: [`DEFAULT_MAX_INPUT`].
    pub max_input: Option<u64>,
}

/// The most bytes an input may have unless raised: 32 MiB, a hundred times
/// the largest bundled example's size and more than any strategy needs.
pub const DEFAULT_MAX_INPUT: u64 = 32 * 1024 * 1024;

impl CheckOptions {
    /// The most bytes an input may have.
    pub fn max_input(&self) -> u64 {
        self.max_input.unwrap_or(DEFAULT_MAX_INPUT)
    }
}

/// Seed advice behind each warning, one line each.
pub mod advice {
    /// goal-without-indicator
    pub const INDICATOR: &str =
        "seeds: \"messbare Ziele verankern\" — measurable goals guide implementation and support the council decision";
    /// measure-without-goal
    pub const GOAL: &str =
        "seeds: \"Wie zählt das Projekt zum Gesamtziel ein?\" — every measure should pay into a goal";
    /// measure-without-lead
    pub const LEAD: &str = "seeds: \"Regelung von Zuständigkeiten\" — each measure needs someone responsible";
    /// measure-without-budget
    pub const BUDGET: &str =
        "seeds: \"Finanzierungsvorschlag der Maßnahmen\" — a strategy proposes how its measures are paid for";
    /// measure-without-priority
    pub const PRIORITY: &str = "seeds: \"Priorisierung der Maßnahmen\" — priorities show what comes first";
    /// field-without-measures
    pub const FIELD_MEASURES: &str =
        "seeds: \"Kapitel pro Handlungsfeld\" with \"Maßnahmen\" — measures make a field of action concrete";
    /// measure-field-mismatch
    pub const FIELD_GOALS: &str =
        "seeds: the vision is the red thread that shows whether projects pay into the overall goals";
    /// no-quick-win
    pub const QUICK_WIN: &str = "seeds: \"Quick Wins\" keep people motivated during the strategy phase";
    /// no-vision
    pub const VISION: &str = "seeds: the vision is the red thread (\"roter Faden\") of the strategy and its projects";
    /// no-politics-actor
    pub const POLITICS: &str =
        "seeds: political backing (\"Rückhalt in der Politik\") is the key success factor; involve politics early";
    /// no-review-date, review-date-past
    pub const REVIEW: &str = "seeds: review and update the strategy regularly, every 12 to 24 months";
    /// low-coverage
    pub const COVERAGE: &str =
        "seeds: the outline of Breakout Session II lists what a Smart-City strategy should contain";
    /// id-case-clash
    pub const ID_CASE: &str =
        "ids are references and anchors (HTML, pandoc lower-cases its heading ids): keep them distinct for people too";
    /// long-word
    pub const LONG_WORD: &str =
        "a word wider than the page cannot be set whole; LibreOffice stalls on a title of one 3,000-character word";
    /// funding-unstructured
    pub const FINANCING: &str = "seeds: budget and staff are the main hurdles; a council and its Kämmerei decide on a Kosten- und Finanzierungsplan with sources and amounts";
    /// follow-up-during-measure
    pub const FOLLOW_UP: &str =
        "council templates ask for the follow-up costs (Folgekosten) a measure leaves once it or its funding ends";
    /// cancelled-without-reason
    pub const CANCELLED: &str =
        "seeds: trying out and learning from mistakes belongs to the strategy; a stopped idea says what was learnt";
    /// missing-value
    pub const MISSING_VALUE: &str = "seeds: goals must be measurable and the strategy reviewed every one to two years; a report needs each year's value";
    /// unknown-state
    pub const STATE: &str = "the state is used on the title page and in the council decision";
}

/// How many known ids a wrong reference's help lists at most.
pub const SHOWN_IDS: usize = 30;

/// Runs every semantic rule and warning on `s`; `sources` says where each
/// key stands in the file, for the diagnostics' line and column.
pub fn validate(s: &Strategy, sources: &SourceMap<'_>, options: CheckOptions) -> Vec<Diagnostic> {
    let mut rules = Rules { strategy: s, sources, out: Vec::new() };
    let goal_ids = KnownIds::new(rules.unique_ids(List::Goals, s.goals.iter().map(|g| g.id.as_str())));
    let field_ids = KnownIds::new(rules.unique_ids(List::Fields, s.fields.iter().map(|f| f.id.as_str())));
    rules.unique_ids(List::Measures, s.measures.iter().map(|m| m.id.as_str()));
    rules.references(&goal_ids, &field_ids);
    rules.goal_cycles();
    rules.periods();
    rules.alt_texts();
    rules.finance();
    rules.shares();
    rules.monitoring();
    rules.goal_warnings();
    rules.measure_warnings();
    rules.strategy_warnings(options);
    rules.out
}

/// The rules at work on one strategy, collecting what they find.
struct Rules<'a, 'i> {
    strategy: &'a Strategy,
    sources: &'a SourceMap<'i>,
    out: Vec<Diagnostic>,
}

impl Rules<'_, '_> {
    /// An error about the value at `path`.
    fn error(&mut self, path: &str, kind: Message) {
        self.out.push(Diagnostic::error(path, self.sources.span(path), kind));
    }

    /// A warning about the entry at `path`, shown where `at` stands.
    fn warning(&self, path: &str, at: &str, kind: Message, advice: &str) -> Diagnostic {
        Diagnostic::warning(path, self.sources.span(at), kind, advice)
    }

    /// Checks id syntax and uniqueness; returns the ids that can be referred
    /// to, each once, in file order.
    fn unique_ids<'s>(&mut self, list: List, ids: impl Iterator<Item = &'s str>) -> Vec<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut seen_lower: HashMap<String, (usize, &str)> = HashMap::new();
        let mut all = Vec::new();
        let mut once: HashSet<&str> = HashSet::new();
        for (i, value) in ids.enumerate() {
            let path = format!("{}[{i}].id", list.key());
            if value.trim().is_empty() {
                self.error(&path, Message::EmptyId { list });
            } else if !value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
                self.error(&path, Message::BadIdChars { value: value.to_string(), list });
            }
            if let Some(first) = seen.insert(value, i) {
                self.error(&path, Message::DuplicateId { value: value.to_string(), list, first });
            } else if let Some((first, other)) = seen_lower.get(&value.to_lowercase())
                && *other != value
            {
                let kind =
                    Message::IdCaseClash { value: value.to_string(), other: other.to_string(), list, first: *first };
                let warning = self.warning(&path, &path, kind, advice::ID_CASE);
                self.out.push(warning);
            }
            seen_lower.entry(value.to_lowercase()).or_insert((i, value));
            if !value.trim().is_empty() && once.insert(value) {
                all.push(value.to_string());
            }
        }
        all
    }

    /// Every reference to a goal or a field names one that exists.
    fn references(&mut self, goal_ids: &KnownIds, field_ids: &KnownIds) {
        let s = self.strategy;
        for (i, goal) in s.goals.iter().enumerate() {
            if let Some(parent) = &goal.parent {
                // a goal is not its own parent: its id is no suggestion
                let own = Some(goal.id.as_str());
                self.reference(&format!("goals[{i}].parent"), parent, Target::Goal, goal_ids, own);
            }
        }
        for (i, field) in s.fields.iter().enumerate() {
            for (j, g) in field.goals.iter().enumerate() {
                self.reference(&format!("fields[{i}].goals[{j}]"), g, Target::Goal, goal_ids, None);
            }
        }
        for (i, m) in s.measures.iter().enumerate() {
            self.reference(&format!("measures[{i}].field"), &m.field, Target::Field, field_ids, None);
            for (j, g) in m.goals.iter().enumerate() {
                self.reference(&format!("measures[{i}].goals[{j}]"), g, Target::Goal, goal_ids, None);
            }
        }
    }

    /// Checks that `id` names one of `known`, naming the closest one otherwise
    /// (but never `not`, the id of the entry that refers).
    fn reference(&mut self, path: &str, id: &str, target: Target, known: &KnownIds, not: Option<&str>) {
        if known.contains(id) {
            return;
        }
        let closest = known.closest(id, not).map(str::to_string);
        let all = known.all();
        let shown = all.iter().take(SHOWN_IDS).cloned().collect();
        let kind = Message::UnresolvedReference {
            target,
            value: id.to_string(),
            closest,
            known: shown,
            known_total: all.len(),
        };
        self.error(path, kind);
    }

    /// No measure ends before it starts, no indicator's target year is before its baseline year.
    fn periods(&mut self) {
        let s = self.strategy;
        for (i, m) in s.measures.iter().enumerate() {
            if let (Some(start), Some(end)) = (m.start, m.end)
                && end < start
            {
                self.error(&format!("measures[{i}].end"), Message::MeasurePeriod { id: m.id.clone(), start, end });
            }
        }
        for (i, goal) in s.goals.iter().enumerate() {
            for (j, ind) in goal.indicators.iter().enumerate() {
                if let (Some(baseline_year), Some(target_year)) = (ind.baseline_year, ind.target_year)
                    && target_year < baseline_year
                {
                    let kind = Message::IndicatorPeriod {
                        name: ind.name.clone(),
                        goal: goal.id.clone(),
                        baseline_year,
                        target_year,
                    };
                    self.error(&format!("goals[{i}].indicators[{j}].target_year"), kind);
                }
            }
        }
    }

    /// A goal is not its own ancestor; each cycle is reported once, at its
    /// first goal in file order. Every goal has at most one parent, so one
    /// walk over the goals finds every cycle (linear time).
    fn goal_cycles(&mut self) {
        let s = self.strategy;
        let parent: HashMap<&str, &str> =
            s.goals.iter().filter_map(|g| g.parent.as_ref().map(|p| (g.id.as_str(), p.as_str()))).collect();
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, goal) in s.goals.iter().enumerate() {
            first.entry(goal.id.as_str()).or_insert(i);
        }
        let mut cycles: Vec<(usize, Vec<String>)> = goal_cycle_members(&s.goals, &parent)
            .into_iter()
            .filter_map(|members| {
                // the cycle as seen from its first goal: start, parent, …, start
                let (i, start) = members.iter().filter_map(|m| first.get(m).map(|&i| (i, *m))).min()?;
                let mut chain = vec![start.to_string()];
                let mut current = start;
                while let Some(&next) = parent.get(current).filter(|&&next| next != start) {
                    chain.push(next.to_string());
                    current = next;
                }
                chain.push(start.to_string());
                Some((i, chain))
            })
            .collect();
        cycles.sort();
        for (i, chain) in cycles {
            self.error(&format!("goals[{i}].parent"), Message::GoalCycle { chain });
        }
    }

    /// Goals without an indicator.
    fn goal_warnings(&mut self) {
        for (i, goal) in self.strategy.goals.iter().enumerate() {
            if goal.indicators.is_empty() {
                let kind = Message::GoalWithoutIndicator { goal: goal.id.clone() };
                let warning = self.warning(&format!("goals[{i}]"), &format!("goals[{i}].id"), kind, advice::INDICATOR);
                self.out.push(warning.about([format!("goals[{i}].indicators")]));
            }
        }
    }

    /// Measures without a goal, a goal of their field, a lead, a budget or a
    /// priority; fields without measures.
    fn measure_warnings(&mut self) {
        let s = self.strategy;
        let field_goals: HashMap<&str, Vec<&str>> =
            s.fields.iter().map(|f| (f.id.as_str(), f.goals.iter().map(String::as_str).collect())).collect();
        for (i, m) in s.measures.iter().enumerate() {
            let (path, at) = (format!("measures[{i}]"), format!("measures[{i}].id"));
            if m.goals.is_empty() {
                let kind = Message::MeasureWithoutGoal { measure: m.id.clone() };
                let warning = self.warning(&path, &at, kind, advice::GOAL).about([format!("{path}.goals")]);
                self.out.push(warning);
            } else if let Some(served) = field_goals.get(m.field.as_str())
                && !m.goals.iter().any(|g| served.contains(&g.as_str()))
            {
                let kind = Message::MeasureFieldMismatch { measure: m.id.clone(), field: m.field.clone() };
                let keys = [format!("{path}.goals"), format!("{path}.field"), "fields".to_string()];
                self.out.push(self.warning(&path, &at, kind, advice::FIELD_GOALS).about(keys));
            }
            let missing: [(MeasureKey, bool, &str); 3] = [
                (MeasureKey::Lead, m.lead.as_deref().is_some_and(|l| !l.trim().is_empty()), advice::LEAD),
                (MeasureKey::Budget, m.budget_eur.is_some() || !m.costs_eur.is_empty(), advice::BUDGET),
                (MeasureKey::Priority, m.priority.is_some(), advice::PRIORITY),
            ];
            // a stopped measure needs no one responsible, no budget, no priority
            let stopped = m.status == Some(super::MeasureStatus::Cancelled);
            for (key, _, advice) in missing.into_iter().filter(|(_, present, _)| !present && !stopped) {
                let kind = Message::MeasureWithout { measure: m.id.clone(), missing: key };
                self.out.push(self.warning(&path, &at, kind, advice).about([format!("{path}.{}", key.key())]));
            }
        }
        let with_measures: HashSet<&str> = s.measures.iter().map(|m| m.field.as_str()).collect();
        for (i, f) in s.fields.iter().enumerate() {
            if !with_measures.contains(f.id.as_str()) {
                let kind = Message::FieldWithoutMeasures { field: f.id.clone() };
                let (path, at) = (format!("fields[{i}]"), format!("fields[{i}].id"));
                self.out.push(self.warning(&path, &at, kind, advice::FIELD_MEASURES).about(["measures"]));
            }
        }
    }

    /// Advice about the strategy as a whole: quick wins, vision, politics,
    /// the review date, the state's name, the outline coverage.
    fn strategy_warnings(&mut self, options: CheckOptions) {
        let s = self.strategy;
        if !s.measures.is_empty() && !s.measures.iter().any(|m| m.quick_win) {
            self.out.push(
                Diagnostic::warning("measures", None, Message::NoQuickWin, advice::QUICK_WIN).about(["measures"]),
            );
        }
        if s.vision.vision.as_deref().is_none_or(|v| v.trim().is_empty()) && !super::coverage::has_text(s, "vision") {
            let warning = Diagnostic::warning("vision.vision", None, Message::NoVision, advice::VISION);
            self.out.push(warning.about(["vision", "text.vision"]));
        }
        if !s.actors.iter().any(|a| a.group == Some(Group::Politics)) {
            let warning = Diagnostic::warning("actors", None, Message::NoPoliticsActor, advice::POLITICS);
            self.out.push(warning.about(["actors"]));
        }
        self.review();
        if let Some(state) = &s.municipality.state
            && Catalogue::get().state(state).is_none()
        {
            let names = Catalogue::get().states.iter().map(|s| s.de.as_str());
            let closest = did_you_mean(state, names).map(str::to_string);
            let kind = Message::UnknownState { state: state.clone(), closest };
            let at = "municipality.state";
            self.out.push(self.warning(at, at, kind, advice::STATE));
        }
        if let Some(min) = options.min_coverage {
            let c = coverage(s);
            if c.percent < min {
                let kind = Message::LowCoverage {
                    percent: c.percent,
                    filled: c.filled,
                    total: c.total,
                    min,
                    missing: c.missing.iter().take(5).cloned().collect(),
                };
                self.out.push(Diagnostic::warning("text", None, kind, advice::COVERAGE));
            }
        }
    }

    /// A review date is set and not past.
    fn review(&mut self) {
        let doc = &self.strategy.document;
        let Some(months) = doc.review_months else {
            let warning = Diagnostic::warning("document.review_months", None, Message::NoReviewDate, advice::REVIEW);
            self.out.push(warning.about(["document.review_months"]));
            return;
        };
        let Some(date) = doc.date else { return };
        let base: Date = doc.adopted_on.unwrap_or(date);
        let due = base.add_months(months);
        if due < date {
            let at = "document.date";
            let warning = self.warning(at, at, Message::ReviewDatePast { due, date }, advice::REVIEW);
            self.out.push(warning.about(["document.review_months", "document.date", "document.adopted_on"]));
        }
    }
}

impl Rules<'_, '_> {
    /// Every image has an alternative text: an error at its `alt` when it is
    /// blank, at the image's table when there is none.
    fn alt_texts(&mut self) {
        for super::images::ImageEntry { path, alt, .. } in super::images::entries(self.strategy) {
            match alt {
                Some(alt) if !alt.trim().is_empty() => {}
                // named as the image, shown at its blank `alt`
                Some(_) => {
                    let span = self.sources.span(&format!("{path}.alt"));
                    self.out.push(Diagnostic::error(path, span, Message::NoAltText));
                }
                None => self.error(&path, Message::NoAltText),
            }
        }
    }
}

/// The ids on each cycle of the parent links, in the order the walk meets
/// them: each id is visited once (unvisited → on the current walk → done).
fn goal_cycle_members<'s>(goals: &'s [super::Goal], parent: &HashMap<&'s str, &'s str>) -> Vec<Vec<&'s str>> {
    let mut on_walk: HashSet<&str> = HashSet::new();
    let mut done: HashSet<&str> = HashSet::new();
    let mut cycles = Vec::new();
    for goal in goals {
        let mut walk: Vec<&str> = Vec::new();
        let mut current = goal.id.as_str();
        while !done.contains(current) {
            if !on_walk.insert(current) {
                // back on this walk: the part from `current` on is a cycle
                let at = walk.iter().position(|g| *g == current).unwrap_or(0);
                cycles.push(walk[at..].to_vec());
                break;
            }
            walk.push(current);
            match parent.get(current) {
                Some(&next) => current = next,
                None => break,
            }
        }
        for g in walk {
            on_walk.remove(g);
            done.insert(g);
        }
    }
    cycles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Goal;

    fn goal(id: &str, parent: Option<&str>) -> Goal {
        let toml = match parent {
            Some(p) => format!("id = \"{id}\"\nparent = \"{p}\""),
            None => format!("id = \"{id}\""),
        };
        toml::from_str(&toml).expect("a goal")
    }

    fn cycles(goals: &[Goal]) -> Vec<String> {
        let strategy = Strategy { goals: goals.to_vec(), ..Strategy::default() };
        let sources = SourceMap::default();
        let mut rules = Rules { strategy: &strategy, sources: &sources, out: Vec::new() };
        rules.goal_cycles();
        rules.out.iter().map(|d| format!("{}: {}", d.path, d.message)).collect()
    }

    #[test]
    fn each_cycle_is_reported_once_at_its_first_goal() {
        let goals = [
            goal("A", Some("B")),
            goal("X", Some("A")),
            goal("B", Some("C")),
            goal("C", Some("A")),
            goal("S", Some("S")),
            goal("T", None),
        ];
        assert_eq!(
            cycles(&goals),
            [
                "goals[0].parent: the goal hierarchy has a cycle: A → B → C → A",
                "goals[4].parent: the goal hierarchy has a cycle: S → S",
            ]
        );
    }

    #[test]
    fn a_long_chain_into_a_cycle_is_walked_once() {
        // 20,000 goals, each the parent of the one before, ending in a cycle of two
        let mut goals: Vec<Goal> = (0..20_000).map(|n| goal(&format!("G{n}"), Some(&format!("G{}", n + 1)))).collect();
        goals.push(goal("G20000", Some("G19999")));
        let found = cycles(&goals);
        assert_eq!(found, ["goals[19999].parent: the goal hierarchy has a cycle: G19999 → G20000 → G19999"]);
    }
}
