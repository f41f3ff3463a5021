//! Comparing two validated models entry by entry: what was added, removed
//! or changed, as plain-text list items in the document's words.

use std::collections::BTreeMap;

use crate::context::ListItem;
use crate::i18n::{Labels, money, quantity};
use crate::model::{Field, Goal, Indicator, Lang, Measure};

/// `a → b` for display, with `–` for nothing.
pub(super) fn arrow(a: &str, b: &str) -> String {
    fn show(s: &str) -> &str {
        if s.is_empty() { "–" } else { s }
    }
    format!("{} → {}", show(a), show(b))
}

pub(super) fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One entry of a list: `new: M1 Title`.
fn entry(kind: &str, id: &str, title: &str) -> String {
    let mut line = format!("{kind} {id}");
    if !title.trim().is_empty() {
        line.push(' ');
        line.push_str(title);
    }
    line
}

/// An entry with what is said about it after a colon, if anything.
fn entry_with(kind: &str, id: &str, title: &str, facts: &[String]) -> String {
    let line = entry(kind, id, title);
    if facts.is_empty() { line } else { format!("{line}: {}", facts.join("; ")) }
}

/// What changed in one entry: facts for its own line (`Budget a → b`), and
/// its parts, listed below it (a goal's indicators).
#[derive(Debug, Default)]
pub(super) struct Changes {
    facts: Vec<String>,
    parts: Vec<ListItem>,
}

impl From<Vec<String>> for Changes {
    fn from(facts: Vec<String>) -> Changes {
        Changes { facts, parts: Vec::new() }
    }
}

/// How [`by_id`] names and describes the entries it compares.
pub(super) struct Entries<I, T, A, C> {
    /// The words for a new, a changed and a removed entry (`neu:` …).
    pub kinds: [String; 3],
    /// The entry's id.
    pub id: I,
    /// The entry's title.
    pub title: T,
    /// What a new entry holds, after its title.
    pub added: A,
    /// What changed between the old and the new entry.
    pub changes: C,
}

/// The words for new, changed and removed goals, fields and measures.
pub(super) fn kinds(l: &Labels) -> [String; 3] {
    let kind = |k: &str| format!("{k}:");
    [kind(&l.change_new), kind(&l.change_changed), kind(&l.change_removed)]
}

/// Compares entries with ids: added, removed, and changed ones; the parts
/// of a changed entry (a goal's indicators) are listed one level deeper.
pub(super) fn by_id<X, I, T, A, C>(old: &[&X], new: &[&X], e: &Entries<I, T, A, C>) -> Vec<ListItem>
where
    I: Fn(&X) -> String,
    T: Fn(&X) -> String,
    A: Fn(&X) -> Vec<String>,
    C: Fn(&X, &X) -> Changes,
{
    let [added, changed, removed] = &e.kinds;
    let old_ids: BTreeMap<String, &X> = old.iter().map(|x| ((e.id)(x), *x)).collect();
    let new_ids: BTreeMap<String, &X> = new.iter().map(|x| ((e.id)(x), *x)).collect();
    let mut items = Vec::new();
    let item = |text: String, level: usize| ListItem { text, level };
    for x in new {
        let key = (e.id)(x);
        match old_ids.get(&key) {
            None => items.push(item(entry_with(added, &key, &(e.title)(x), &(e.added)(x)), 0)),
            Some(before) => {
                let c = (e.changes)(before, x);
                if !c.facts.is_empty() || !c.parts.is_empty() {
                    items.push(item(entry_with(changed, &key, &(e.title)(x), &c.facts), 0));
                    items.extend(c.parts.into_iter().map(|p| item(p.text, p.level + 1)));
                }
            }
        }
    }
    for x in old {
        if !new_ids.contains_key(&(e.id)(x)) {
            items.push(item(entry(removed, &(e.id)(x), &(e.title)(x)), 0));
        }
    }
    items
}

fn field_change(lines: &mut Vec<String>, name: &str, a: String, b: String) {
    if a != b {
        lines.push(format!("{name} {}", arrow(&a, &b)));
    }
}

/// A measured value with its unit, empty for none.
fn measured(lang: Lang, x: Option<f64>, unit: &Option<String>) -> String {
    x.map(|x| quantity(lang, x, unit.as_deref())).unwrap_or_default()
}

/// A value with its year, as the indicator tables write it: `75 % (2030)`.
fn dated(value: &str, year: Option<u16>) -> String {
    match (value, year) {
        (v, None) => v.to_string(),
        ("", Some(y)) => format!("– ({y})"),
        (v, Some(y)) => format!("{v} ({y})"),
    }
}

/// `Zielwert 75 % → 80 % (2030)`: the year once when it stayed, on each side
/// when it moved.
fn value_change(lines: &mut Vec<String>, name: &str, (a, ya): (String, Option<u16>), (b, yb): (String, Option<u16>)) {
    if a == b && ya == yb {
        return;
    }
    if ya == yb {
        let year = ya.map(|y| format!(" ({y})")).unwrap_or_default();
        lines.push(format!("{name} {}{year}", arrow(&a, &b)));
    } else {
        lines.push(format!("{name} {}", arrow(&dated(&a, ya), &dated(&b, yb))));
    }
}

/// Baseline and target of an indicator: value with unit, and year.
fn values(i: &Indicator, lang: Lang) -> [(String, Option<u16>); 2] {
    [
        (measured(lang, i.baseline, &i.unit), i.baseline_year),
        (measured(lang, i.target, &i.unit), i.target_year.as_ref().map(|y| *y)),
    ]
}

fn indicator_changes(a: &Indicator, b: &Indicator, lang: Lang, l: &Labels) -> Vec<String> {
    let mut c = Vec::new();
    for ((name, va), vb) in [&l.baseline, &l.target].into_iter().zip(values(a, lang)).zip(values(b, lang)) {
        value_change(&mut c, name, va, vb);
    }
    if c.is_empty() {
        // the values say the unit when there are any
        let unit = |i: &Indicator| i.unit.as_deref().map(str::trim).unwrap_or_default().to_string();
        field_change(&mut c, &l.unit, unit(a), unit(b));
    }
    field_change(&mut c, &l.source, opt(a.source.clone()), opt(b.source.clone()));
    c
}

/// What a new indicator sets out to measure: `Zielwert 80 % (2030)`.
fn indicator_facts(i: &Indicator, lang: Lang, l: &Labels) -> Vec<String> {
    [&l.baseline, &l.target]
        .into_iter()
        .zip(values(i, lang))
        .filter(|(_, (v, y))| !v.is_empty() || y.is_some())
        .map(|(name, (v, y))| format!("{name} {}", dated(&v, y)))
        .collect()
}

/// Each indicator of a goal that was added, removed or changed, by name.
fn indicators(a: &Goal, b: &Goal, lang: Lang, l: &Labels) -> Vec<ListItem> {
    let (old, new): (Vec<&Indicator>, Vec<&Indicator>) = (a.indicators.iter().collect(), b.indicators.iter().collect());
    let kind = |k: &str| format!("{k}:");
    let e = Entries {
        kinds: [kind(&l.indicator_added), kind(&l.indicator_changed), kind(&l.indicator_removed)],
        id: |i: &Indicator| i.name.clone(),
        title: |_: &Indicator| String::new(),
        added: |i: &Indicator| indicator_facts(i, lang, l),
        changes: |a: &Indicator, b: &Indicator| Changes::from(indicator_changes(a, b, lang, l)),
    };
    by_id(&old, &new, &e)
}

/// `überarbeitet: Beschreibung, Bedarf`: the long texts that changed, by name.
fn revised(lines: &mut Vec<String>, l: &Labels, texts: &[(&str, &Option<String>, &Option<String>)]) {
    let names: Vec<&str> = texts.iter().filter(|(_, a, b)| a != b).map(|(name, _, _)| *name).collect();
    if !names.is_empty() {
        lines.push(format!("{}: {}", l.change_revised, names.join(", ")));
    }
}

/// A list for display: `SWU, DING`.
fn list<T: ToString>(items: &[T]) -> String {
    items.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

pub(super) fn goal_changes(a: &Goal, b: &Goal, lang: Lang, l: &Labels) -> Changes {
    let mut c = Vec::new();
    field_change(&mut c, &l.title, opt(a.title.clone()), opt(b.title.clone()));
    field_change(&mut c, &l.parent_goal, opt(a.parent.clone()), opt(b.parent.clone()));
    field_change(&mut c, &l.derived_from, opt(a.derived_from.clone()), opt(b.derived_from.clone()));
    if a.cross_sector != b.cross_sector {
        let yes_no = |x: bool| if x { l.yes.clone() } else { l.no.clone() };
        c.push(format!("{} {}", l.cross_sector, arrow(&yes_no(a.cross_sector), &yes_no(b.cross_sector))));
    }
    revised(&mut c, l, &[(&l.description, &a.description, &b.description)]);
    Changes { facts: c, parts: indicators(a, b, lang, l) }
}

pub(super) fn measure_changes(a: &Measure, b: &Measure, lang: Lang, l: &Labels) -> Vec<String> {
    let mut c = Vec::new();
    field_change(&mut c, &l.title, opt(a.title.clone()), opt(b.title.clone()));
    field_change(&mut c, &l.field, a.field.clone(), b.field.clone());
    let (status, priority) =
        (|m: &Measure| opt(m.status.map(|x| l.status(x))), |m: &Measure| opt(m.priority.map(|x| l.priority(x))));
    field_change(&mut c, &l.status, status(a), status(b));
    field_change(&mut c, &l.priority, priority(a), priority(b));
    let budget = |m: &Measure| m.budget_eur.map(|e| money(lang, e)).unwrap_or_default();
    field_change(&mut c, &l.budget, budget(a), budget(b));
    field_change(&mut c, &l.start, opt(a.start), opt(b.start));
    field_change(&mut c, &l.end, opt(a.end.as_ref().map(|e| *e)), opt(b.end.as_ref().map(|e| *e)));
    field_change(&mut c, &l.lead, opt(a.lead.clone()), opt(b.lead.clone()));
    field_change(&mut c, &l.funding, opt(a.funding.clone()), opt(b.funding.clone()));
    if a.quick_win != b.quick_win {
        let yes_no = |x: bool| if x { l.yes.clone() } else { l.no.clone() };
        c.push(format!("{} {}", l.quick_win, arrow(&yes_no(a.quick_win), &yes_no(b.quick_win))));
    }
    let goals = |m: &Measure| list(&m.goals.iter().collect::<Vec<_>>());
    field_change(&mut c, &l.goals, goals(a), goals(b));
    field_change(&mut c, &l.partners, list(&a.partners), list(&b.partners));
    field_change(&mut c, &l.sdgs, list(&a.sdgs), list(&b.sdgs));
    revised(
        &mut c,
        l,
        &[
            (&l.description, &a.description, &b.description),
            (&l.needs, &a.needs, &b.needs),
            (&l.benefit, &a.benefit, &b.benefit),
            (&l.selection, &a.selection, &b.selection),
            (&l.data_sovereignty, &a.data_sovereignty, &b.data_sovereignty),
        ],
    );
    c
}

pub(super) fn field_changes(a: &Field, b: &Field, l: &Labels) -> Vec<String> {
    let mut c = Vec::new();
    field_change(&mut c, &l.title, opt(a.title.clone()), opt(b.title.clone()));
    let goals = |f: &Field| list(&f.goals.iter().collect::<Vec<_>>());
    field_change(&mut c, &l.goals, goals(a), goals(b));
    revised(&mut c, l, &[(&l.description, &a.description, &b.description)]);
    c
}
