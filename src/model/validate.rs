//! The rules of `check` that need the whole model: ids, references, the goal
//! hierarchy, year ranges (errors); and the seed advice (warnings).

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::coverage::coverage;
use super::diagnostic::{Diagnostic, did_you_mean};
use super::messages::{List, MeasureKey, Message, Target};
use super::{Date, Group, Strategy};
use crate::catalogue::Catalogue;

/// Options that change which warnings are given.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// Warn when the outline coverage is below this percentage.
    pub min_coverage: Option<f64>,
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
    /// unknown-state
    pub const STATE: &str = "the state is used on the title page and in the council decision";
}

/// Runs every semantic rule and warning on `s`.
pub fn validate(s: &Strategy, options: CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let goal_ids = unique_ids(&mut out, List::Goals, s.goals.iter().map(|g| &g.get_ref().id));
    let field_ids = unique_ids(&mut out, List::Fields, s.fields.iter().map(|f| &f.get_ref().id));
    unique_ids(&mut out, List::Measures, s.measures.iter().map(|m| &m.get_ref().id));

    for (i, goal) in s.goals.iter().enumerate() {
        if let Some(parent) = &goal.get_ref().parent {
            // a goal is not its own parent: its id is no suggestion
            let own = Some(goal.get_ref().id.get_ref().as_str());
            reference(&mut out, &format!("goals[{i}].parent"), parent, Target::Goal, &goal_ids, own);
        }
    }
    goal_cycles(&mut out, s);
    for (i, field) in s.fields.iter().enumerate() {
        for (j, g) in field.get_ref().goals.iter().enumerate() {
            reference(&mut out, &format!("fields[{i}].goals[{j}]"), g, Target::Goal, &goal_ids, None);
        }
    }
    for (i, m) in s.measures.iter().enumerate() {
        let m = m.get_ref();
        reference(&mut out, &format!("measures[{i}].field"), &m.field, Target::Field, &field_ids, None);
        for (j, g) in m.goals.iter().enumerate() {
            reference(&mut out, &format!("measures[{i}].goals[{j}]"), g, Target::Goal, &goal_ids, None);
        }
        if let (Some(start), Some(end)) = (m.start, &m.end)
            && *end.get_ref() < start
        {
            out.push(Diagnostic::error(
                format!("measures[{i}].end"),
                Some(end.span()),
                Message::MeasurePeriod { id: m.id.get_ref().clone(), start, end: *end.get_ref() },
            ));
        }
    }
    for (i, goal) in s.goals.iter().enumerate() {
        let goal = goal.get_ref();
        for (j, ind) in goal.indicators.iter().enumerate() {
            if let (Some(baseline), Some(target)) = (ind.baseline_year, &ind.target_year)
                && *target.get_ref() < baseline
            {
                out.push(Diagnostic::error(
                    format!("goals[{i}].indicators[{j}].target_year"),
                    Some(target.span()),
                    Message::IndicatorPeriod {
                        name: ind.name.clone(),
                        goal: goal.id.get_ref().clone(),
                        baseline_year: baseline,
                        target_year: *target.get_ref(),
                    },
                ));
            }
        }
    }
    warnings(&mut out, s, options);
    out
}

/// Checks id syntax and uniqueness; returns the ids that can be referred
/// to, each once, in file order.
fn unique_ids<'a>(
    out: &mut Vec<Diagnostic>,
    list: List,
    ids: impl Iterator<Item = &'a Spanned<String>>,
) -> Vec<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut seen_lower: HashMap<String, (usize, &str)> = HashMap::new();
    let mut all = Vec::new();
    for (i, id) in ids.enumerate() {
        let path = format!("{}[{i}].id", list.key());
        let value = id.get_ref().as_str();
        if value.trim().is_empty() {
            out.push(Diagnostic::error(&path, Some(id.span()), Message::EmptyId { list }));
        } else if !value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
            out.push(Diagnostic::error(&path, Some(id.span()), Message::BadIdChars { value: value.to_string(), list }));
        }
        if let Some(first) = seen.insert(value, i) {
            out.push(Diagnostic::error(
                &path,
                Some(id.span()),
                Message::DuplicateId { value: value.to_string(), list, first },
            ));
        } else if let Some((first, other)) = seen_lower.get(&value.to_lowercase())
            && *other != value
        {
            out.push(Diagnostic::warning(
                &path,
                Some(id.span()),
                Message::IdCaseClash { value: value.to_string(), other: other.to_string(), list, first: *first },
                advice::ID_CASE,
            ));
        }
        seen_lower.entry(value.to_lowercase()).or_insert((i, value));
        if !value.trim().is_empty() && !all.iter().any(|a| a == value) {
            all.push(value.to_string());
        }
    }
    all
}

/// Checks that `id` names one of `known`, naming the closest one otherwise
/// (but never `not`, the id of the entry that refers).
fn reference(
    out: &mut Vec<Diagnostic>,
    path: &str,
    id: &Spanned<String>,
    target: Target,
    known: &[String],
    not: Option<&str>,
) {
    let value = id.get_ref();
    if known.iter().any(|k| k == value) {
        return;
    }
    let candidates: Vec<String> = known.iter().filter(|k| Some(k.as_str()) != not).cloned().collect();
    let kind = Message::UnresolvedReference {
        target,
        value: value.clone(),
        closest: closest(value, &candidates).map(str::to_string),
        known: known.to_vec(),
    };
    out.push(Diagnostic::error(path, Some(id.span()), kind));
}

/// The most similar candidate, however far: a reference always names one.
fn closest<'a>(word: &str, known: &'a [String]) -> Option<&'a str> {
    did_you_mean(word, known.iter().map(String::as_str)).or_else(|| {
        known
            .iter()
            .map(|k| (strsim::jaro_winkler(&word.to_lowercase(), &k.to_lowercase()), k.as_str()))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| k)
    })
}

fn goal_cycles(out: &mut Vec<Diagnostic>, s: &Strategy) {
    let parent: HashMap<&str, &str> = s
        .goals
        .iter()
        .filter_map(|g| g.get_ref().parent.as_ref().map(|p| (g.get_ref().id.get_ref().as_str(), p.get_ref().as_str())))
        .collect();
    let mut reported: HashSet<&str> = HashSet::new();
    for (i, goal) in s.goals.iter().enumerate() {
        let start = goal.get_ref().id.get_ref().as_str();
        let mut chain = vec![start];
        let mut current = start;
        while let Some(&next) = parent.get(current) {
            if next == start {
                if chain.iter().all(|g| reported.insert(g)) {
                    chain.push(start);
                    let span = goal.get_ref().parent.as_ref().map(|p| p.span());
                    let chain = chain.iter().map(|g| g.to_string()).collect();
                    out.push(Diagnostic::error(format!("goals[{i}].parent"), span, Message::GoalCycle { chain }));
                }
                break;
            }
            if chain.contains(&next) {
                break; // a cycle further up, reported from its own members
            }
            chain.push(next);
            current = next;
        }
    }
}

fn warnings(out: &mut Vec<Diagnostic>, s: &Strategy, options: CheckOptions) {
    for (i, g) in s.goals.iter().enumerate() {
        let goal = g.get_ref();
        if goal.indicators.is_empty() {
            out.push(
                Diagnostic::warning(
                    format!("goals[{i}]"),
                    Some(goal.id.span()),
                    Message::GoalWithoutIndicator { goal: goal.id.get_ref().clone() },
                    advice::INDICATOR,
                )
                .about([format!("goals[{i}].indicators")]),
            );
        }
    }
    let field_goals: HashMap<&str, Vec<&str>> = s
        .fields
        .iter()
        .map(|f| (f.get_ref().id.get_ref().as_str(), f.get_ref().goals.iter().map(|g| g.get_ref().as_str()).collect()))
        .collect();
    for (i, m) in s.measures.iter().enumerate() {
        let m = m.get_ref();
        let (id, span) = (m.id.get_ref(), Some(m.id.span()));
        let path = format!("measures[{i}]");
        if m.goals.is_empty() {
            out.push(
                Diagnostic::warning(
                    &path,
                    span.clone(),
                    Message::MeasureWithoutGoal { measure: id.clone() },
                    advice::GOAL,
                )
                .about([format!("{path}.goals")]),
            );
        } else if let Some(served) = field_goals.get(m.field.get_ref().as_str())
            && !m.goals.iter().any(|g| served.contains(&g.get_ref().as_str()))
        {
            out.push(
                Diagnostic::warning(
                    &path,
                    span.clone(),
                    Message::MeasureFieldMismatch { measure: id.clone(), field: m.field.get_ref().clone() },
                    advice::FIELD_GOALS,
                )
                .about([format!("{path}.goals"), format!("{path}.field"), "fields".to_string()]),
            );
        }
        let missing: [(MeasureKey, bool, &str); 3] = [
            (MeasureKey::Lead, m.lead.as_deref().is_some_and(|l| !l.trim().is_empty()), advice::LEAD),
            (MeasureKey::Budget, m.budget_eur.is_some(), advice::BUDGET),
            (MeasureKey::Priority, m.priority.is_some(), advice::PRIORITY),
        ];
        for (key, present, advice) in missing {
            if !present {
                let kind = Message::MeasureWithout { measure: id.clone(), missing: key };
                out.push(
                    Diagnostic::warning(&path, span.clone(), kind, advice).about([format!("{path}.{}", key.key())]),
                );
            }
        }
    }
    for (i, f) in s.fields.iter().enumerate() {
        let f = f.get_ref();
        if !s.measures.iter().any(|m| m.get_ref().field.get_ref() == f.id.get_ref()) {
            out.push(
                Diagnostic::warning(
                    format!("fields[{i}]"),
                    Some(f.id.span()),
                    Message::FieldWithoutMeasures { field: f.id.get_ref().clone() },
                    advice::FIELD_MEASURES,
                )
                .about(["measures"]),
            );
        }
    }
    if !s.measures.is_empty() && !s.measures.iter().any(|m| m.get_ref().quick_win) {
        out.push(Diagnostic::warning("measures", None, Message::NoQuickWin, advice::QUICK_WIN).about(["measures"]));
    }
    if s.vision.vision.as_deref().is_none_or(|v| v.trim().is_empty()) && !super::coverage::has_text(s, "vision") {
        out.push(
            Diagnostic::warning("vision.vision", None, Message::NoVision, advice::VISION)
                .about(["vision", "text.vision"]),
        );
    }
    if !s.actors.iter().any(|a| a.get_ref().group == Some(Group::Politics)) {
        out.push(Diagnostic::warning("actors", None, Message::NoPoliticsActor, advice::POLITICS).about(["actors"]));
    }
    review(out, s);
    if let Some(state) = &s.municipality.state
        && Catalogue::get().state(state.get_ref()).is_none()
    {
        let names = Catalogue::get().states.iter().map(|s| s.de.as_str());
        let closest = did_you_mean(state.get_ref(), names).map(str::to_string);
        out.push(Diagnostic::warning(
            "municipality.state",
            Some(state.span()),
            Message::UnknownState { state: state.get_ref().clone(), closest },
            advice::STATE,
        ));
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
            out.push(Diagnostic::warning("text", None, kind, advice::COVERAGE));
        }
    }
}

fn review(out: &mut Vec<Diagnostic>, s: &Strategy) {
    let doc = &s.document;
    let Some(months) = doc.review_months else {
        out.push(
            Diagnostic::warning("document.review_months", None, Message::NoReviewDate, advice::REVIEW)
                .about(["document.review_months"]),
        );
        return;
    };
    let Some(date) = &doc.date else { return };
    let base: Date = doc.adopted_on.unwrap_or(*date.get_ref());
    let due = base.add_months(months);
    if due < *date.get_ref() {
        out.push(
            Diagnostic::warning(
                "document.date",
                Some(date.span()),
                Message::ReviewDatePast { due, date: *date.get_ref() },
                advice::REVIEW,
            )
            .about(["document.review_months", "document.date", "document.adopted_on"]),
        );
    }
}
