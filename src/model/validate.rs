//! The rules of `check` that need the whole model: ids, references, the goal
//! hierarchy, year ranges (errors); and the seed advice (warnings).

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::coverage::coverage;
use super::diagnostic::{Diagnostic, did_you_mean};
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
    let goal_ids = unique_ids(&mut out, "goals", s.goals.iter().map(|g| &g.get_ref().id));
    let field_ids = unique_ids(&mut out, "fields", s.fields.iter().map(|f| &f.get_ref().id));
    unique_ids(&mut out, "measures", s.measures.iter().map(|m| &m.get_ref().id));

    for (i, goal) in s.goals.iter().enumerate() {
        if let Some(parent) = &goal.get_ref().parent {
            // a goal is not its own parent: its id is no suggestion
            let own = Some(goal.get_ref().id.get_ref().as_str());
            reference(&mut out, &format!("goals[{i}].parent"), parent, "goal", &goal_ids, own);
        }
    }
    goal_cycles(&mut out, s);
    for (i, field) in s.fields.iter().enumerate() {
        for (j, g) in field.get_ref().goals.iter().enumerate() {
            reference(&mut out, &format!("fields[{i}].goals[{j}]"), g, "goal", &goal_ids, None);
        }
    }
    for (i, m) in s.measures.iter().enumerate() {
        let m = m.get_ref();
        reference(&mut out, &format!("measures[{i}].field"), &m.field, "field", &field_ids, None);
        for (j, g) in m.goals.iter().enumerate() {
            reference(&mut out, &format!("measures[{i}].goals[{j}]"), g, "goal", &goal_ids, None);
        }
        if let (Some(start), Some(end)) = (m.start, &m.end)
            && *end.get_ref() < start
        {
            out.push(
                Diagnostic::error(
                    "invalid-period",
                    format!("measures[{i}].end"),
                    Some(end.span()),
                    format!("measure `{}` ends in {} before it starts in {start}", m.id.get_ref(), end.get_ref()),
                )
                .with_help("`end` must be the same year as `start` or later"),
            );
        }
    }
    for (i, goal) in s.goals.iter().enumerate() {
        let goal = goal.get_ref();
        for (j, ind) in goal.indicators.iter().enumerate() {
            if let (Some(baseline), Some(target)) = (ind.baseline_year, &ind.target_year)
                && *target.get_ref() < baseline
            {
                out.push(
                    Diagnostic::error(
                        "invalid-period",
                        format!("goals[{i}].indicators[{j}].target_year"),
                        Some(target.span()),
                        format!(
                            "indicator \"{}\" of goal `{}` is to reach its target in {}, before its baseline year {baseline}",
                            ind.name,
                            goal.id.get_ref(),
                            target.get_ref()
                        ),
                    )
                    .with_help("`target_year` must be the same year as `baseline_year` or later"),
                );
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
    list: &str,
    ids: impl Iterator<Item = &'a Spanned<String>>,
) -> Vec<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut seen_lower: HashMap<String, (usize, &str)> = HashMap::new();
    let mut all = Vec::new();
    let example = match list {
        "goals" => "\"Z1\"",
        "fields" => "\"mobility\"",
        _ => "\"M1\"",
    };
    for (i, id) in ids.enumerate() {
        let path = format!("{list}[{i}].id");
        let value = id.get_ref().as_str();
        if value.trim().is_empty() {
            out.push(Diagnostic::error("invalid-id", &path, Some(id.span()), format!("`{path}` is empty")).with_help(
                format!("give the entry an id of ASCII letters, digits, '-', '_' or '.', e.g. id = {example}"),
            ));
        } else if !value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
            out.push(
                Diagnostic::error("invalid-id", &path, Some(id.span()), format!("id \"{value}\" in `{list}` has characters ids cannot have"))
                    .with_help("ids use ASCII letters, digits, '-', '_' and '.' only (they become anchors and bookmarks), e.g. \"M1\" or \"mobility\""),
            );
        }
        if let Some(first) = seen.insert(value, i) {
            out.push(
                Diagnostic::error(
                    "duplicate-id",
                    &path,
                    Some(id.span()),
                    format!("id \"{value}\" is used twice in `{list}`"),
                )
                .with_help(format!("`{list}[{first}]` already has this id; give each entry its own id")),
            );
        } else if let Some((first, other)) = seen_lower.get(&value.to_lowercase())
            && *other != value
        {
            out.push(
                Diagnostic::warning(
                    "id-case-clash",
                    &path,
                    Some(id.span()),
                    format!("id \"{value}\" differs from \"{other}\" (`{list}[{first}]`) only in case"),
                    advice::ID_CASE,
                )
                .with_help("ids are case-sensitive, but ids that differ only in case are easily mixed up in references; rename one"),
            );
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
    what: &str,
    known: &[String],
    not: Option<&str>,
) {
    let value = id.get_ref();
    if known.iter().any(|k| k == value) {
        return;
    }
    let candidates: Vec<String> = known.iter().filter(|k| Some(k.as_str()) != not).cloned().collect();
    let help = match (closest(value, &candidates), known.is_empty()) {
        (Some(best), _) => format!("did you mean \"{best}\"? known {what} ids: {}", known.join(", ")),
        (None, false) => {
            format!("known {what} ids: {}; add a [[{what}s]] entry with id = \"{value}\"", known.join(", "))
        }
        (None, true) => format!("there are no {what}s yet; add a [[{what}s]] entry with id = \"{value}\""),
    };
    out.push(
        Diagnostic::error(
            "unresolved-reference",
            path,
            Some(id.span()),
            format!("`{path}` refers to {what} \"{value}\", which does not exist"),
        )
        .with_help(help),
    );
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
                    out.push(
                        Diagnostic::error(
                            "goal-cycle",
                            format!("goals[{i}].parent"),
                            span,
                            format!("the goal hierarchy has a cycle: {}", chain.join(" → ")),
                        )
                        .with_help("a goal cannot be its own ancestor; remove one `parent` in the cycle"),
                    );
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
                    "goal-without-indicator",
                    format!("goals[{i}]"),
                    Some(goal.id.span()),
                    format!("goal \"{}\" has no measurable indicator", goal.id.get_ref()),
                    advice::INDICATOR,
                )
                .with_help("add [[goals.indicators]] with name, baseline, target and target_year")
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
                    "measure-without-goal",
                    &path,
                    span.clone(),
                    format!("measure \"{id}\" pays into no goal"),
                    advice::GOAL,
                )
                .with_help("add goals = [\"…\"] with the ids of the goals it serves")
                .about([format!("{path}.goals")]),
            );
        } else if let Some(served) = field_goals.get(m.field.get_ref().as_str())
            && !m.goals.iter().any(|g| served.contains(&g.get_ref().as_str()))
        {
            out.push(
                Diagnostic::warning("measure-field-mismatch", &path, span.clone(), format!("the field \"{}\" of measure \"{id}\" serves none of the measure's goals", m.field.get_ref()), advice::FIELD_GOALS)
                    .with_help("add one of the measure's goals to the field's `goals`, or move the measure to a field that serves them")
                    .about([format!("{path}.goals"), format!("{path}.field"), "fields".to_string()]),
            );
        }
        let missing: [(&str, bool, &'static str, &str); 3] = [
            ("lead", m.lead.as_deref().is_some_and(|l| !l.trim().is_empty()), "measure-without-lead", advice::LEAD),
            ("budget_eur", m.budget_eur.is_some(), "measure-without-budget", advice::BUDGET),
            ("priority", m.priority.is_some(), "measure-without-priority", advice::PRIORITY),
        ];
        for (key, present, code, advice) in missing {
            if !present {
                out.push(
                    Diagnostic::warning(code, &path, span.clone(), format!("measure \"{id}\" has no `{key}`"), advice)
                        .with_help(format!("add `{key} = …` to the measure"))
                        .about([format!("{path}.{key}")]),
                );
            }
        }
    }
    for (i, f) in s.fields.iter().enumerate() {
        let f = f.get_ref();
        if !s.measures.iter().any(|m| m.get_ref().field.get_ref() == f.id.get_ref()) {
            out.push(
                Diagnostic::warning(
                    "field-without-measures",
                    format!("fields[{i}]"),
                    Some(f.id.span()),
                    format!("field of action \"{}\" has no measures", f.id.get_ref()),
                    advice::FIELD_MEASURES,
                )
                .with_help(format!("add a [[measures]] entry with field = \"{}\"", f.id.get_ref()))
                .about(["measures"]),
            );
        }
    }
    if !s.measures.is_empty() && !s.measures.iter().any(|m| m.get_ref().quick_win) {
        out.push(
            Diagnostic::warning(
                "no-quick-win",
                "measures",
                None,
                "no measure is marked as a quick win",
                advice::QUICK_WIN,
            )
            .with_help("set quick_win = true on a measure that shows results early")
            .about(["measures"]),
        );
    }
    if s.vision.vision.as_deref().is_none_or(|v| v.trim().is_empty()) && !super::coverage::has_text(s, "vision") {
        out.push(
            Diagnostic::warning("no-vision", "vision.vision", None, "the strategy has no vision", advice::VISION)
                .with_help("add [vision] with vision = \"…\"")
                .about(["vision", "text.vision"]),
        );
    }
    if !s.actors.iter().any(|a| a.get_ref().group == Some(Group::Politics)) {
        out.push(
            Diagnostic::warning(
                "no-politics-actor",
                "actors",
                None,
                "no actor from politics is involved",
                advice::POLITICS,
            )
            .with_help("add an [[actors]] entry with group = \"politics\", e.g. the council's digital committee")
            .about(["actors"]),
        );
    }
    review(out, s);
    if let Some(state) = &s.municipality.state
        && Catalogue::get().state(state.get_ref()).is_none()
    {
        let names = Catalogue::get().states.iter().map(|s| s.de.as_str());
        let help = match did_you_mean(state.get_ref(), names) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => "use the German name of the state, e.g. \"Nordrhein-Westfalen\"".to_string(),
        };
        out.push(
            Diagnostic::warning(
                "unknown-state",
                "municipality.state",
                Some(state.span()),
                format!("\"{}\" is not one of the 16 German states", state.get_ref()),
                advice::STATE,
            )
            .with_help(help),
        );
    }
    if let Some(min) = options.min_coverage {
        let c = coverage(s);
        if c.percent < min {
            out.push(
                Diagnostic::warning(
                    "low-coverage",
                    "text",
                    None,
                    format!(
                        "outline coverage is {:.1}% ({} of {} items), below the required {min}%",
                        c.percent, c.filled, c.total
                    ),
                    advice::COVERAGE,
                )
                .with_help(format!(
                    "fill more items, e.g. {}",
                    c.missing.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
                )),
            );
        }
    }
}

fn review(out: &mut Vec<Diagnostic>, s: &Strategy) {
    let doc = &s.document;
    let Some(months) = doc.review_months else {
        out.push(
            Diagnostic::warning(
                "no-review-date",
                "document.review_months",
                None,
                "the strategy has no review cycle",
                advice::REVIEW,
            )
            .with_help("add review_months = 24 to [document]")
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
                "review-date-past",
                "document.date",
                Some(date.span()),
                format!("the review was due on {due}, before the document's date {}", date.get_ref()),
                advice::REVIEW,
            )
            .with_help("review the strategy now and update `adopted_on` and `date`")
            .about(["document.review_months", "document.date", "document.adopted_on"]),
        );
    }
}
