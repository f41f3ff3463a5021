//! What changed between two versions of a strategy: the change log of a
//! review, as Markdown. Compares the validated models, not the text, so
//! reordering keys or reformatting the file is no change.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::catalogue::{Catalogue, pick};
use crate::figures::Figures;
use crate::i18n::{Labels, date, money, quantity};
use crate::model::{Field, Goal, Indicator, Lang, Measure, Strategy};
use crate::render::markdown::escape_inline;
use crate::templates::TemplateSet;

/// One section of the change log: a heading and its lines.
#[derive(Debug, Default)]
struct Part<'a> {
    heading: &'a str,
    lines: Vec<String>,
}

/// `a → b` for display, with `–` for nothing.
fn arrow(a: &str, b: &str) -> String {
    let show = |s: &str| if s.is_empty() { "–".to_string() } else { escape_inline(s) };
    format!("{} → {}", show(a), show(b))
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One entry of a list: `- new: **M1** Title`.
fn entry(kind: &str, id: &str, title: &str) -> String {
    let mut line = format!("- {kind} **{}**", escape_inline(id));
    if !title.trim().is_empty() {
        line.push(' ');
        line.push_str(&escape_inline(title));
    }
    line
}

/// An entry with what is said about it after a colon, if anything.
fn entry_with(kind: &str, id: &str, title: &str, facts: &[String]) -> String {
    let line = entry(kind, id, title);
    if facts.is_empty() { line } else { format!("{line}: {}", facts.join("; ")) }
}

/// What changed in one entry: facts for its own line (`Budget a → b`), and
/// lines of its parts, listed below it (a goal's indicators).
#[derive(Debug, Default)]
struct Changes {
    facts: Vec<String>,
    parts: Vec<String>,
}

impl From<Vec<String>> for Changes {
    fn from(facts: Vec<String>) -> Changes {
        Changes { facts, parts: Vec::new() }
    }
}

/// How [`by_id`] names and describes the entries it compares.
struct Entries<I, T, A, C> {
    /// The words for a new, a changed and a removed entry (`neu:` …).
    kinds: [String; 3],
    id: I,
    title: T,
    /// What a new entry holds, after its title.
    added: A,
    changes: C,
}

/// The words for new, changed and removed goals, fields and measures.
fn kinds(lang: Lang) -> [String; 3] {
    let t = |de: &str, en: &str| pick(lang, de, en).to_string();
    [t("neu:", "new:"), t("geändert:", "changed:"), t("entfallen:", "removed:")]
}

/// Compares entries with ids: added, removed, and changed ones.
fn by_id<X, I, T, A, C>(old: &[&X], new: &[&X], e: &Entries<I, T, A, C>) -> Vec<String>
where
    I: Fn(&X) -> String,
    T: Fn(&X) -> String,
    A: Fn(&X) -> Vec<String>,
    C: Fn(&X, &X) -> Changes,
{
    let [added, changed, removed] = &e.kinds;
    let old_ids: BTreeMap<String, &X> = old.iter().map(|x| ((e.id)(x), *x)).collect();
    let new_ids: BTreeMap<String, &X> = new.iter().map(|x| ((e.id)(x), *x)).collect();
    let mut lines = Vec::new();
    for x in new {
        let key = (e.id)(x);
        match old_ids.get(&key) {
            None => lines.push(entry_with(added, &key, &(e.title)(x), &(e.added)(x))),
            Some(before) => {
                let c = (e.changes)(before, x);
                if !c.facts.is_empty() || !c.parts.is_empty() {
                    lines.push(entry_with(changed, &key, &(e.title)(x), &c.facts));
                    lines.extend(c.parts.iter().map(|p| format!("  {p}")));
                }
            }
        }
    }
    for x in old {
        if !new_ids.contains_key(&(e.id)(x)) {
            lines.push(entry(removed, &(e.id)(x), &(e.title)(x)));
        }
    }
    lines
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
        (measured(lang, i.target, &i.unit), i.target_year.as_ref().map(|y| *y.get_ref())),
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
        .map(|(name, (v, y))| format!("{name} {}", escape_inline(&dated(&v, y))))
        .collect()
}

/// Each indicator of a goal that was added, removed or changed, by name.
fn indicators(a: &Goal, b: &Goal, lang: Lang, l: &Labels) -> Vec<String> {
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
fn revised(lines: &mut Vec<String>, lang: Lang, texts: &[(&str, &Option<String>, &Option<String>)]) {
    let names: Vec<&str> = texts.iter().filter(|(_, a, b)| a != b).map(|(name, _, _)| *name).collect();
    if !names.is_empty() {
        lines.push(format!("{}: {}", pick(lang, "überarbeitet", "revised"), names.join(", ")));
    }
}

/// A list for display: `SWU, DING`.
fn list<T: ToString>(items: &[T]) -> String {
    items.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

fn goal_changes(a: &Goal, b: &Goal, lang: Lang, l: &Labels) -> Changes {
    let mut c = Vec::new();
    field_change(&mut c, &l.title, opt(a.title.clone()), opt(b.title.clone()));
    field_change(
        &mut c,
        &l.parent_goal,
        opt(a.parent.as_ref().map(|p| p.get_ref().clone())),
        opt(b.parent.as_ref().map(|p| p.get_ref().clone())),
    );
    field_change(&mut c, &l.derived_from, opt(a.derived_from.clone()), opt(b.derived_from.clone()));
    if a.cross_sector != b.cross_sector {
        let yes_no = |x: bool| if x { l.yes.clone() } else { l.no.clone() };
        c.push(format!("{} {}", l.cross_sector, arrow(&yes_no(a.cross_sector), &yes_no(b.cross_sector))));
    }
    revised(&mut c, lang, &[(&l.description, &a.description, &b.description)]);
    Changes { facts: c, parts: indicators(a, b, lang, l) }
}

fn measure_changes(a: &Measure, b: &Measure, lang: Lang, l: &Labels) -> Vec<String> {
    let mut c = Vec::new();
    field_change(&mut c, &l.title, opt(a.title.clone()), opt(b.title.clone()));
    field_change(&mut c, &l.field, a.field.get_ref().clone(), b.field.get_ref().clone());
    let (status, priority) =
        (|m: &Measure| opt(m.status.map(|x| l.status(x))), |m: &Measure| opt(m.priority.map(|x| l.priority(x))));
    field_change(&mut c, &l.status, status(a), status(b));
    field_change(&mut c, &l.priority, priority(a), priority(b));
    let budget = |m: &Measure| m.budget_eur.map(|e| money(lang, e)).unwrap_or_default();
    field_change(&mut c, &l.budget, budget(a), budget(b));
    field_change(&mut c, &l.start, opt(a.start), opt(b.start));
    field_change(&mut c, &l.end, opt(a.end.as_ref().map(|e| *e.get_ref())), opt(b.end.as_ref().map(|e| *e.get_ref())));
    field_change(&mut c, &l.lead, opt(a.lead.clone()), opt(b.lead.clone()));
    field_change(&mut c, &l.funding, opt(a.funding.clone()), opt(b.funding.clone()));
    if a.quick_win != b.quick_win {
        let yes_no = |x: bool| if x { l.yes.clone() } else { l.no.clone() };
        c.push(format!("{} {}", l.quick_win, arrow(&yes_no(a.quick_win), &yes_no(b.quick_win))));
    }
    let goals = |m: &Measure| list(&m.goals.iter().map(|g| g.get_ref()).collect::<Vec<_>>());
    field_change(&mut c, &l.goals, goals(a), goals(b));
    field_change(&mut c, &l.partners, list(&a.partners), list(&b.partners));
    field_change(&mut c, &l.sdgs, list(&a.sdgs), list(&b.sdgs));
    revised(
        &mut c,
        lang,
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

fn field_changes(a: &Field, b: &Field, lang: Lang, l: &Labels) -> Vec<String> {
    let mut c = Vec::new();
    field_change(&mut c, &l.title, opt(a.title.clone()), opt(b.title.clone()));
    let goals = |f: &Field| list(&f.goals.iter().map(|g| g.get_ref()).collect::<Vec<_>>());
    field_change(&mut c, &l.goals, goals(a), goals(b));
    revised(&mut c, lang, &[(&l.description, &a.description, &b.description)]);
    c
}

/// When the strategy is to be reviewed next, as its title page says.
fn next_review(s: &Strategy) -> Option<crate::model::Date> {
    let base = s.document.adopted_on.or(s.document.date.as_ref().map(|d| *d.get_ref()))?;
    Some(base.add_months(s.document.review_months?))
}

/// The change log from `old` to `new`, in `lang`, as Markdown.
pub fn markdown(old: &Strategy, new: &Strategy, old_name: &str, new_name: &str, lang: Lang) -> String {
    let t = |de, en| pick(lang, de, en);
    let templates = TemplateSet::builtin();
    let l = templates.labels().get(lang);
    let mut parts: Vec<Part> = Vec::new();

    let mut doc = Part { heading: t("Dokument", "Document"), lines: Vec::new() };
    let d = |s: &Strategy| {
        [
            opt(s.document.title.clone()),
            opt(s.document.version.clone()),
            opt(s.document.status.map(|x| l.doc_status(x))),
            opt(s.document.date.as_ref().map(|d| date(lang, *d.get_ref()))),
            opt(s.document.adopted_on.map(|d| date(lang, d))),
            opt(next_review(s).map(|d| date(lang, d))),
        ]
    };
    let names = [&l.title, &l.version, &l.status, &l.date, &l.adopted_on, &l.next_review];
    for ((name, a), b) in names.iter().zip(d(old)).zip(d(new)) {
        if a != b {
            doc.lines.push(format!("- {name}: {}", arrow(&a, &b)));
        }
    }
    parts.push(doc);

    let og: Vec<&Goal> = old.goals.iter().map(|g| g.get_ref()).collect();
    let ng: Vec<&Goal> = new.goals.iter().map(|g| g.get_ref()).collect();
    let e = Entries {
        kinds: kinds(lang),
        id: |g: &Goal| g.id.get_ref().clone(),
        title: |g: &Goal| g.title.clone().unwrap_or_default(),
        added: |_: &Goal| Vec::new(),
        changes: |a: &Goal, b: &Goal| goal_changes(a, b, lang, l),
    };
    let lines = by_id(&og, &ng, &e);
    parts.push(Part { heading: &l.goals, lines });

    let catalogue = Catalogue::get();
    let of: Vec<&Field> = old.fields.iter().map(|f| f.get_ref()).collect();
    let nf: Vec<&Field> = new.fields.iter().map(|f| f.get_ref()).collect();
    let e = Entries {
        kinds: kinds(lang),
        id: |f: &Field| f.id.get_ref().clone(),
        title: |f: &Field| {
            let id = f.id.get_ref();
            let common = || catalogue.common_field(id).map_or(id.clone(), |c| c.title(lang).to_string());
            f.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(common)
        },
        added: |_: &Field| Vec::new(),
        changes: |a: &Field, b: &Field| Changes::from(field_changes(a, b, lang, l)),
    };
    let lines = by_id(&of, &nf, &e);
    parts.push(Part { heading: t("Handlungsfelder", "Fields of action"), lines });

    let om: Vec<&Measure> = old.measures.iter().map(|m| m.get_ref()).collect();
    let nm: Vec<&Measure> = new.measures.iter().map(|m| m.get_ref()).collect();
    let e = Entries {
        kinds: kinds(lang),
        id: |m: &Measure| m.id.get_ref().clone(),
        title: |m: &Measure| m.title.clone().unwrap_or_default(),
        added: |_: &Measure| Vec::new(),
        changes: |a: &Measure, b: &Measure| Changes::from(measure_changes(a, b, lang, l)),
    };
    let lines = by_id(&om, &nm, &e);
    parts.push(Part { heading: &l.measures, lines });

    let (fo, fn_) = (Figures::of(old), Figures::of(new));
    let mut lines = Vec::new();
    if fo.budget_total != fn_.budget_total {
        let delta = i128::from(fn_.budget_total) - i128::from(fo.budget_total);
        let sign = if delta < 0 { "−" } else { "+" };
        let abs = u64::try_from(delta.unsigned_abs()).unwrap_or(u64::MAX);
        lines.push(format!(
            "- {}: {} ({sign}{})",
            t("Budget gesamt", "Total budget"),
            arrow(&money(lang, fo.budget_total), &money(lang, fn_.budget_total)),
            money(lang, abs)
        ));
    }
    parts.push(Part { heading: &l.budget, lines });

    let mut lines = Vec::new();
    for item in &catalogue.items {
        let (a, b) = (old.text.get(&item.id), new.text.get(&item.id));
        let what = match (a, b) {
            (None, Some(_)) => t("neu geschrieben", "written"),
            (Some(_), None) => t("entfernt", "removed"),
            (Some(a), Some(b)) if a != b => t("überarbeitet", "revised"),
            _ => continue,
        };
        lines.push(format!("- {} ({}): {what}", escape_inline(item.title(lang)), item.id));
    }
    parts.push(Part { heading: t("Freitexte", "Free texts"), lines });

    let mut out = String::new();
    let _ =
        writeln!(out, "# {}: {} → {}\n", t("Änderungen", "Changes"), escape_inline(old_name), escape_inline(new_name));
    let changed: Vec<&Part> = parts.iter().filter(|p| !p.lines.is_empty()).collect();
    if changed.is_empty() {
        let _ = writeln!(out, "{}", t("Keine Änderungen.", "No changes."));
    }
    for part in changed {
        let _ = writeln!(out, "## {}\n\n{}\n", part.heading, part.lines.join("\n"));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckOptions, Checked};

    const ULM: &str = include_str!("../examples/ulm.toml");

    fn strategy(name: &str, source: &str) -> Strategy {
        let c = Checked::from_source(name, source.to_string(), CheckOptions::default());
        c.valid().cloned().unwrap_or_else(|| panic!("{name} is valid:\n{}", c.render(false)))
    }

    /// The change log from the Ulm example to the same with each `(from, to)`
    /// replaced once, in `lang`.
    fn changes(edits: &[(&str, &str)], lang: Lang) -> String {
        let mut new = ULM.to_string();
        for (from, to) in edits {
            assert!(new.contains(from), "the example has no {from:?}");
            new = new.replacen(from, to, 1);
        }
        markdown(&strategy("old.toml", ULM), &strategy("new.toml", &new), "old.toml", "new.toml", lang)
    }

    /// Asserts that `md` has each of `lines` as a whole line.
    #[track_caller]
    fn has_lines(md: &str, lines: &[&str]) {
        for line in lines {
            assert!(md.lines().any(|l| l == *line), "no line {line:?} in:\n{md}");
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let edits =
            [("date = 2026-10-27", "date = 2027-01-15"), ("adopted_on = 2026-10-21", "adopted_on = 2027-01-05")];
        has_lines(
            &changes(&edits, Lang::De),
            &["- Datum: 27.10.2026 → 15.01.2027", "- Beschlossen am: 21.10.2026 → 05.01.2027"],
        );
        has_lines(
            &changes(&edits, Lang::En),
            &["- Date: 27 October 2026 → 15 January 2027", "- Adopted on: 21 October 2026 → 5 January 2027"],
        );
    }

    /// The Ulm example with one indicator's baseline and target changed, the
    /// target year of another moved, one indicator added and one removed.
    const INDICATOR_EDITS: [(&str, &str); 4] = [
        (
            "  baseline = 48.0\n  baseline_year = 2022\n  target = 75.0",
            "  baseline = 48.5\n  baseline_year = 2022\n  target = 80.0",
        ),
        ("  target = 2500.0\n  target_year = 2028", "  target = 2500.0\n  target_year = 2029"),
        (
            "  [[goals.indicators]]\n  name = \"Datensätze im Open-Data-Portal\"",
            "  [[goals.indicators]]\n  name = \"Offene Schnittstellen\"\n  unit = \"APIs\"\n  target = 1200.0\n  target_year = 2028\n\n  [[goals.indicators]]\n  name = \"Datensätze im Open-Data-Portal\"",
        ),
        (
            "  [[goals.indicators]]\n  name = \"Befragte ab 65 Jahren, die sich im Umgang mit dem Internet sicher fühlen\"",
            "  [[goals.indicators]]\n  name = \"Befragte ab 65 Jahren\"",
        ),
    ];

    #[test]
    fn indicators_show_what_changed_with_units_and_years() {
        let md = changes(&INDICATOR_EDITS, Lang::De);
        has_lines(
            &md,
            &[
                "- geändert: **Z1** Den digitalen Wandel gemeinwohlorientiert und souverän gestalten",
                "  - Indikator geändert: **Anteil der Befragten, die digitale Angebote der Stadt als hilfreich bewerten**: Ausgangswert 48 % → 48,5 % (2022); Zielwert 75 % → 80 % (2030)",
                "- geändert: **Z1.1** Alle Ulmerinnen und Ulmer können digital teilhaben",
                "  - Indikator geändert: **Beratungen durch Digitalmentorinnen und -mentoren**: Zielwert 2.500 Beratungen pro Jahr (2028) → 2.500 Beratungen pro Jahr (2029)",
                "  - neuer Indikator: **Befragte ab 65 Jahren**: Ausgangswert 52 % (2022); Zielwert 70 % (2030)",
                "  - Indikator entfallen: **Befragte ab 65 Jahren, die sich im Umgang mit dem Internet sicher fühlen**",
                "  - neuer Indikator: **Offene Schnittstellen**: Zielwert 1.200 APIs (2028)",
            ],
        );
        assert!(!md.contains("Indikatoren geändert"), "{md}");
        has_lines(
            &changes(&INDICATOR_EDITS, Lang::En),
            &[
                "  - indicator changed: **Anteil der Befragten, die digitale Angebote der Stadt als hilfreich bewerten**: Baseline 48 % → 48.5 % (2022); Target 75 % → 80 % (2030)",
                "  - indicator changed: **Beratungen durch Digitalmentorinnen und -mentoren**: Target 2,500 Beratungen pro Jahr (2028) → 2,500 Beratungen pro Jahr (2029)",
                "  - new indicator: **Offene Schnittstellen**: Target 1,200 APIs (2028)",
                "  - indicator removed: **Befragte ab 65 Jahren, die sich im Umgang mit dem Internet sicher fühlen**",
            ],
        );
    }

    /// Edits to the Ulm example a review makes besides indicators.
    const REVIEW_EDITS: [(&str, &str); 8] = [
        ("review_months = 24", "review_months = 12"),
        (
            "derived_from = \"Smart-City-Strategie 2021, Smart City Charta\"\ncross_sector = true",
            "derived_from = \"Smart-City-Strategie 2021\"\ncross_sector = false",
        ),
        ("Digitalisierung dient dem Gemeinwohl", "Digitalisierung dient allen"),
        ("title = \"Mobilität\"", "title = \"Mobilität und Verkehr\""),
        ("goals = [\"Z2.1\", \"Z2\"]", "goals = [\"Z2.1\"]"),
        (
            "partners = [\"SWU Verkehr\", \"Donau-Iller-Nahverkehrsverbund (DING)\", \"Sharing-Anbieter\"]",
            "partners = [\"SWU Verkehr\", \"Donau-Iller-Nahverkehrsverbund (DING)\"]",
        ),
        ("sdgs = [11, 9, 13]", "sdgs = [11, 9]"),
        ("braucht heute mehrere Apps", "braucht heute drei Apps"),
    ];

    #[test]
    fn goals_fields_and_measures_show_old_and_new_values() {
        has_lines(
            &changes(&REVIEW_EDITS, Lang::De),
            &[
                "- Nächste Fortschreibung: 21.10.2028 → 21.10.2027",
                "- geändert: **Z1** Den digitalen Wandel gemeinwohlorientiert und souverän gestalten: Herleitung Smart-City-Strategie 2021, Smart City Charta → Smart-City-Strategie 2021; Sektorübergreifend ja → nein; überarbeitet: Beschreibung",
                "- geändert: **mobility** Mobilität und Verkehr: Titel Mobilität → Mobilität und Verkehr; Ziele Z2.1, Z2 → Z2.1",
                "- geändert: **MOB-01** Vernetzte Mobilitätsplattform: Partner SWU Verkehr, Donau-Iller-Nahverkehrsverbund (DING), Sharing-Anbieter → SWU Verkehr, Donau-Iller-Nahverkehrsverbund (DING); SDGs 11, 9, 13 → 11, 9; überarbeitet: Bedarf",
            ],
        );
        has_lines(
            &changes(&REVIEW_EDITS, Lang::En),
            &[
                "- Next review: 21 October 2028 → 21 October 2027",
                "- changed: **Z1** Den digitalen Wandel gemeinwohlorientiert und souverän gestalten: Derivation Smart-City-Strategie 2021, Smart City Charta → Smart-City-Strategie 2021; Cross-sector yes → no; revised: Description",
                "- changed: **MOB-01** Vernetzte Mobilitätsplattform: Partners SWU Verkehr, Donau-Iller-Nahverkehrsverbund (DING), Sharing-Anbieter → SWU Verkehr, Donau-Iller-Nahverkehrsverbund (DING); SDGs 11, 9, 13 → 11, 9; revised: Needs",
            ],
        );
    }
}
